#!/usr/bin/env python3
"""Policies as the AWS documentation shows them must lint clean (testdata/aws-docs/).

Each folder holds one kind of policy and a SOURCES.tsv naming, for each file, the page it comes
from and, for the few that are not clean, why not. A file listed with a reason carries its
findings (warnings and errors) in NAME.expected; every other file may give notes at most.

Run by `meson test` from the source root, with IAMLINT naming the binary.
IAMLINT_UPDATE_GOLDEN=1 rewrites the .expected files of the listed files (review the diff).
"""
import collections
import json
import os
import subprocess
import unittest

IAMLINT = os.environ.get("IAMLINT", "build/iamlint")
ROOT = "testdata/aws-docs"
# Folder -> what it is linted as. Identity, resource and trust policies are also linted with the
# type inferred, which must come to the same findings.
KINDS = {"identity": ["--policy-type", "identity"], "resource": ["--policy-type", "resource"],
         "trust": ["--policy-type", "trust"], "scp": ["--policy-type", "scp"],
         "rcp": ["--policy-type", "rcp"], "boundary": ["--policy-type", "boundary"],
         "endpoint": ["--resource-type", "AWS::EC2::VPCEndpoint"]}
INFERRED = ("identity", "resource", "trust")
# Why a documented policy is not clean: AWS presents it as risky; the page's policy has a flaw AWS
# does not point out (a placeholder, a slip, a grant broader than its purpose); or iamlint is wrong.
REASONS = ("risky: ", "flawed: ", "false alarm: ")
# The accounts AWS's examples use for "the other account", a partner the policy means to trust,
# as a team names its partners with --trusted-accounts. Without them, a cross-account grant to
# an account's root is account-principal-without-condition's finding (its fixtures show that).
DOCUMENTED_PARTNERS = "111122223333,444455556666,123456789012,111112222333"
FAILING = ("warning", "error")
MIN_POLICIES = 120


def lint(*args):
    done = subprocess.run([os.path.abspath(IAMLINT), "--fail-level", "none", "--trusted-accounts",
                           DOCUMENTED_PARTNERS, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"iamlint {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def read_sources(folder):
    """{file name: (url, reason or "")} from FOLDER/SOURCES.tsv."""
    sources = {}
    with open(os.path.join(ROOT, folder, "SOURCES.tsv"), encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) not in (2, 3) or fields[0] in sources:
                raise AssertionError(f"{folder}/SOURCES.tsv:{number}: want FILE<TAB>URL[<TAB>REASON], "
                                     f"each file once: {line!r}")
            if len(fields) == 3 and not fields[2].startswith(REASONS):
                raise AssertionError(f"{folder}/SOURCES.tsv:{number}: a reason starts with one of {REASONS}")
            sources[fields[0]] = (fields[1], fields[2] if len(fields) == 3 else "")
    return sources


def failing_findings(report):
    """{path: [finding, ...]} of the warnings and errors of a JSON report."""
    by_path = collections.defaultdict(list)
    for finding in json.loads(report):
        if finding["level"] in FAILING:
            by_path[finding["path"]].append(finding)
    return by_path


class DocumentedPolicies(unittest.TestCase):
    def test_every_policy_names_its_page(self):
        total = 0
        for folder in KINDS:
            with self.subTest(folder=folder):
                sources = read_sources(folder)
                policies = sorted(n for n in os.listdir(os.path.join(ROOT, folder)) if n.endswith(".json"))
                self.assertEqual(sorted(sources), policies)
                total += len(policies)
                for name, (url, reason) in sources.items():
                    self.assertTrue(url.startswith("https://docs.aws.amazon.com/"), f"{folder}/{name}: {url}")
                    expected = os.path.join(ROOT, folder, name[:-len(".json")] + ".expected")
                    self.assertEqual(bool(reason), os.path.exists(expected),
                                     f"{folder}/{name}: a reason goes with an .expected file, and only then")
        self.assertGreaterEqual(total, MIN_POLICIES)

    def test_documented_policies_lint_clean(self):
        for folder, linted_as in KINDS.items():
            with self.subTest(folder=folder):
                path = os.path.join(ROOT, folder)
                report = lint(*linted_as, "--format", "json", path)
                if folder in INFERRED:
                    self.assertEqual(json.loads(lint("--format", "json", path)), json.loads(report),
                                     "the inferred policy type gives other findings")
                found = failing_findings(report)
                for name, (_, reason) in read_sources(folder).items():
                    policy = os.path.join(path, name)
                    if not reason:
                        self.assertEqual([(f["rule_id"], f["line"], f["message"]) for f in found[policy]], [],
                                         policy)
                    else:
                        self.check_expected(policy, linted_as, found[policy])

    def check_expected(self, policy, linted_as, findings):
        text = lint(*linted_as, "--format", "text", "--no-color", policy) if findings else ""
        # Only warnings and errors belong to the golden; notes may come and go with the catalogue.
        blocks = [b for b in text.split("\n\n") if b.strip() and any(f": {level}: " in b for level in FAILING)]
        actual = "\n\n".join(blocks) + ("\n" if blocks else "")
        golden = policy[:-len(".json")] + ".expected"
        if os.environ.get("IAMLINT_UPDATE_GOLDEN"):
            with open(golden, "w", encoding="utf-8") as out:
                out.write(actual)
        with open(golden, encoding="utf-8") as source:
            self.assertEqual(actual, source.read(), golden)
        self.assertTrue(actual, f"{policy} is clean now: drop its .expected and its reason")

    def test_scps_also_pass_the_legacy_syntax(self):
        report = lint("--policy-type", "scp", "--scp-syntax", "legacy", "--format", "json", f"{ROOT}/scp")
        self.assertEqual(failing_findings(report), {})


if __name__ == "__main__":
    unittest.main(verbosity=2)
