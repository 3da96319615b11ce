#!/usr/bin/env python3
"""`iamlint check` and `iamlint diff` as users run them: the fixture pairs and files under
testdata/checks/ with their golden output, directories, --base-ref against a temporary git
repository, every output format, and errors.

Fixtures are named for their verdict: pass_* must exit 0, fail_* exit 1. Goldens are the text
output; IAMLINT_UPDATE_GOLDEN=1 rewrites them (review the diff). Run from the source root with
IAMLINT naming the binary.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

IAMLINT = os.path.abspath(os.environ.get("IAMLINT", "build/iamlint"))
ROOT = "testdata/checks"
UPDATE = os.environ.get("IAMLINT_UPDATE_GOLDEN") == "1"
NOT_GRANTED = ["--action", "iam:PassRole", "--action", "iam:Put*"]


def run(*args, cwd=None, env=None):
    return subprocess.run([IAMLINT, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=120)


def cases(check):
    folder = os.path.join(ROOT, check)
    return sorted(name for name in os.listdir(folder) if not name.endswith(".expected"))


class Goldens(unittest.TestCase):
    def assert_golden(self, path, result, name):
        expected_status = 0 if name.startswith("pass_") else 1
        self.assertEqual(result.returncode, expected_status, f"{name}: {result.stdout}{result.stderr}")
        if UPDATE:
            with open(path, "w", encoding="utf-8") as out:
                out.write(result.stdout)
        with open(path, encoding="utf-8") as golden:
            self.assertEqual(result.stdout, golden.read(), name)

    def test_no_new_access_pairs(self):
        names = cases("no-new-access")
        self.assertTrue(any(n.startswith("pass_") for n in names) and any(n.startswith("fail_") for n in names))
        for name in names:
            with self.subTest(name):
                folder = os.path.join(ROOT, "no-new-access", name)
                result = run("check", "no-new-access", "--no-color", "--base",
                             os.path.join(folder, "base.json"), os.path.join(folder, "changed.json"))
                self.assert_golden(os.path.join(folder, "expected"), result, name)

    def test_access_not_granted_files(self):
        for name in cases("access-not-granted"):
            with self.subTest(name):
                path = os.path.join(ROOT, "access-not-granted", name)
                result = run("check", "access-not-granted", "--no-color", *NOT_GRANTED, path)
                self.assert_golden(path.replace(".json", ".expected"), result, name)

    def test_no_public_access_files(self):
        for name in cases("no-public-access"):
            with self.subTest(name):
                path = os.path.join(ROOT, "no-public-access", name)
                result = run("check", "no-public-access", "--no-color", "--resource-type",
                             "AWS::SQS::Queue", path)
                self.assert_golden(path.replace(".json", ".expected"), result, name)


class NoNewAccess(unittest.TestCase):
    def test_directories_are_matched_by_relative_path(self):
        pairs = os.path.join(ROOT, "no-new-access")
        with tempfile.TemporaryDirectory() as scratch:
            for side in ("old", "new"):
                os.makedirs(os.path.join(scratch, side, "team"))
            copy = lambda source, target: shutil.copyfile(source, os.path.join(scratch, target))
            copy(f"{pairs}/fail_added_action/base.json", "old/team/app.json")
            copy(f"{pairs}/fail_added_action/changed.json", "new/team/app.json")
            copy(f"{pairs}/pass_split/base.json", "old/same.json")
            copy(f"{pairs}/pass_split/changed.json", "new/same.json")
            copy(f"{pairs}/pass_split/base.json", "old/gone.json")
            copy(f"{pairs}/fail_added_principal/base.json", "new/team/added.json")
            result = run("check", "no-new-access", "--format", "json", "--base", "old", "new", cwd=scratch)
            self.assertEqual(result.returncode, 1, result.stderr)
            report = json.loads(result.stdout)
            failing = sorted({finding["path"] for finding in report})
            self.assertEqual(failing, ["new/team/added.json", "new/team/app.json"])
            self.assertIn("old/gone.json is gone", result.stderr)
            mismatch = run("check", "no-new-access", "--base", "old/same.json", "new", cwd=scratch)
            self.assertEqual(mismatch.returncode, 2)
            self.assertIn("both be files or both be directories", mismatch.stderr)

    def test_base_ref_against_a_git_repository(self):
        pairs = os.path.join(os.getcwd(), ROOT, "no-new-access")
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
                   GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
        with tempfile.TemporaryDirectory() as repo:
            git = lambda *args: subprocess.run(["git", *args], cwd=repo, env=env, check=True,
                                               capture_output=True)
            git("init", "-q", "-b", "main")
            os.makedirs(os.path.join(repo, "policies"))
            policy = os.path.join(repo, "policies", "app.json")
            shutil.copyfile(f"{pairs}/fail_widened_resource/base.json", policy)
            git("add", ".")
            git("commit", "-q", "-m", "base")
            self.assertEqual(run("check", "no-new-access", "--base-ref", "HEAD", "policies/app.json",
                                 cwd=repo).returncode, 0)
            shutil.copyfile(f"{pairs}/fail_widened_resource/changed.json", policy)
            changed = run("check", "no-new-access", "--base-ref", "main", "policies/app.json", cwd=repo)
            self.assertEqual(changed.returncode, 1, changed.stderr)
            self.assertIn("policies/app.json:", changed.stdout)
            self.assertIn("on arn:aws:s3:::prod-data/*", changed.stdout)
            # From a subdirectory, and for a file the revision does not have: all of it is new.
            shutil.copyfile(f"{pairs}/pass_identical/base.json", os.path.join(repo, "policies", "new.json"))
            added = run("check", "no-new-access", "--base-ref", "HEAD", "new.json",
                        cwd=os.path.join(repo, "policies"))
            self.assertEqual(added.returncode, 1)
            self.assertIn("new file", added.stdout)
            unknown = run("check", "no-new-access", "--base-ref", "no-such-branch", "policies/app.json", cwd=repo)
            self.assertEqual(unknown.returncode, 2)
            self.assertIn("names no commit", unknown.stderr)
            option = run("check", "no-new-access", "--base-ref", "--output=x", "policies/app.json", cwd=repo)
            self.assertEqual(option.returncode, 2)
        with tempfile.TemporaryDirectory() as outside:
            shutil.copyfile(f"{pairs}/pass_identical/base.json", os.path.join(outside, "p.json"))
            result = run("check", "no-new-access", "--base-ref", "HEAD", "p.json", cwd=outside, env=env)
            self.assertEqual(result.returncode, 2)
            self.assertIn("needs a git repository", result.stderr)

    def test_formats(self):
        folder = os.path.join(ROOT, "no-new-access", "fail_widened_condition")
        args = ["check", "no-new-access", "--base", f"{folder}/base.json", f"{folder}/changed.json"]
        report = json.loads(run(*args, "--format", "json").stdout)
        self.assertTrue(report)
        self.assertTrue(all(finding["rule_id"] == "CheckNoNewAccess" for finding in report))
        sarif = json.loads(run(*args, "--format", "sarif").stdout)
        rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        self.assertEqual([rule["id"] for rule in rules], ["CheckNoNewAccess"])
        self.assertIn("## What it does", rules[0]["help"]["markdown"])
        github = run(*args, "--format", "github").stdout
        self.assertTrue(github.startswith("::error file="), github)
        self.assertEqual(run(*args, "--format", "gitlab").returncode, 2)

    def test_unreadable_policies_are_errors(self):
        with tempfile.TemporaryDirectory() as scratch:
            good = os.path.join(ROOT, "no-new-access", "pass_identical", "base.json")
            broken = os.path.join(scratch, "broken.json")
            with open(broken, "w") as out:
                out.write('{"Version": "2012-10-17",\n "Statement": [}\n')
            result = run("check", "no-new-access", "--base", good, broken)
            self.assertEqual(result.returncode, 2)
            self.assertIn(f"{broken}:2:", result.stderr)
            self.assertEqual(run("check", "no-new-access", good).returncode, 2)  # no --base
            self.assertEqual(run("check", "no-such-check", good).returncode, 2)
            self.assertEqual(run("check", "no-public-access", "--base", good, good).returncode, 2)


class AccessNotGranted(unittest.TestCase):
    def test_resources_limit_the_question(self):
        path = os.path.join(ROOT, "access-not-granted", "fail_conditional.json")
        other = run("check", "access-not-granted", "--action", "iam:PassRole", "--resource",
                    "arn:aws:iam::111122223333:role/other", path)
        self.assertEqual(other.returncode, 0, other.stdout)
        app = run("check", "access-not-granted", "--action", "iam:PassRole", "--resource",
                  "arn:aws:iam::111122223333:role/app-worker", path)
        self.assertEqual(app.returncode, 1)
        self.assertIn("only when StringEquals iam:PassedToService", app.stdout)
        self.assertEqual(run("check", "access-not-granted", path).returncode, 2)  # no --action

    def test_actions_the_catalogue_does_not_know(self):
        path = os.path.join(ROOT, "access-not-granted", "fail_service_wildcard.json")
        result = run("check", "access-not-granted", "--action", "iam:FutureAction", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("may allow iam:FutureAction", result.stdout)


class Diff(unittest.TestCase):
    def test_added_and_removed_access(self):
        folder = os.path.join(ROOT, "no-new-access", "pass_narrowed")
        text = run("diff", "--no-color", f"{folder}/base.json", f"{folder}/changed.json")
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("access added: none", text.stdout)
        self.assertIn("access removed:", text.stdout)
        self.assertIn("s3 — List", text.stdout)
        self.assertIn("s3:ListBucket on arn:aws:s3:::prod-data", text.stdout)
        report = json.loads(run("diff", "--format", "json", f"{folder}/changed.json",
                                f"{folder}/base.json").stdout)
        (entry,) = report["files"]
        self.assertFalse(entry["removed"])
        actions = {row["action"] for row in entry["added"]}
        self.assertIn("s3:ListBucket", actions)
        self.assertIn("s3:PutObject", actions)  # the CIDR is wider in the other direction
        put = next(row for row in entry["added"] if row["action"] == "s3:PutObject")
        self.assertEqual(put["change"], "condition")
        self.assertEqual(put["accessLevel"], "Write")
        self.assertIn('IpAddress aws:SourceIp "203.0.113.0/24"', " ".join(put["conditions"]))


if __name__ == "__main__":
    unittest.main(verbosity=1)
