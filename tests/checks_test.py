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


# git without the user's configuration, committing as a fixed author.
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
               GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")


def repository_with(directory, path, source):
    """Makes `directory` a repository on branch main whose one commit holds a copy of `source` at
    `path`; returns the copy's full path."""
    git = lambda *args: subprocess.run(["git", *args], cwd=directory, env=GIT_ENV, check=True,
                                       capture_output=True)
    git("init", "-q", "-b", "main")
    copy = os.path.join(directory, path)
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    shutil.copyfile(source, copy)
    git("add", ".")
    git("commit", "-q", "-m", "base")
    return copy


def cases(check):
    folder = os.path.join(ROOT, check)
    return sorted(name for name in os.listdir(folder) if not name.endswith(".expected"))


def side(folder, name):
    """The one file of a fixture pair named `name` ("base" or "changed"), whatever its format."""
    (found,) = [f for f in os.listdir(folder) if os.path.splitext(f)[0] == name]
    return os.path.join(folder, found)


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
                             side(folder, "base"), side(folder, "changed"))
                self.assert_golden(os.path.join(folder, "expected"), result, name)

    def test_access_not_granted_files(self):
        for name in cases("access-not-granted"):
            with self.subTest(name):
                path = os.path.join(ROOT, "access-not-granted", name)
                result = run("check", "access-not-granted", "--no-color", *NOT_GRANTED, path)
                self.assert_golden(os.path.splitext(path)[0] + ".expected", result, name)

    def test_no_public_access_files(self):
        for name in cases("no-public-access"):
            with self.subTest(name):
                path = os.path.join(ROOT, "no-public-access", name)
                result = run("check", "no-public-access", "--no-color", "--resource-type",
                             "AWS::SQS::Queue", path)
                self.assert_golden(os.path.splitext(path)[0] + ".expected", result, name)


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
        with tempfile.TemporaryDirectory() as repo:
            policy = repository_with(repo, "policies/app.json", f"{pairs}/fail_widened_resource/base.json")
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
            result = run("check", "no-new-access", "--base-ref", "HEAD", "p.json", cwd=outside, env=GIT_ENV)
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


class Templates(unittest.TestCase):
    """Policies where they live: each policy of a CloudFormation template or Terraform plan is
    judged, paired with its base version by logical location, and reported at the outer file's
    line and column."""

    PAIRS = os.path.join(ROOT, "no-new-access")

    def test_finding_at_the_yaml_line_with_its_logical_location(self):
        folder = os.path.join(self.PAIRS, "fail_template_widened_inline_policy")
        result = run("check", "no-new-access", "--format", "json", "--base", f"{folder}/base.yaml",
                     f"{folder}/changed.yaml")
        self.assertEqual(result.returncode, 1, result.stderr)
        (finding,) = json.loads(result.stdout)
        self.assertEqual((finding["line"], finding["column"]), (23, 21))  # "- s3:PutObject"
        self.assertEqual(finding["logical_location"],
                         "Resources.BuildRole.Properties.Policies[0].PolicyDocument.Statement[0].Action[1]")

    def test_a_removed_resource_removes_access(self):
        folder = os.path.join(self.PAIRS, "fail_template_new_resource")
        result = run("check", "no-new-access", "--base", f"{folder}/changed.yaml", f"{folder}/base.yaml")
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("the policy at Resources.DeployPolicy.Properties.PolicyDocument "
                      "(AWS::IAM::ManagedPolicy DeployPolicy) is gone", result.stderr)
        report = json.loads(run("diff", "--format", "json", f"{folder}/changed.yaml",
                                f"{folder}/base.yaml").stdout)
        gone = [entry for entry in report["policies"] if entry["policy"] == "removed"]
        self.assertEqual([entry["location"] for entry in gone], ["Resources.DeployPolicy.Properties.PolicyDocument"])
        self.assertEqual({row["action"] for row in gone[0]["removed"]},
                         {"iam:PassRole", "cloudformation:CreateStack"})
        self.assertTrue(all(not entry["added"] for entry in report["policies"]))

    def test_diff_shows_only_the_changed_policies_of_a_plan(self):
        folder = os.path.join(self.PAIRS, "fail_terraform_plan_widened")
        text = run("diff", "--no-color", f"{folder}/base.json", f"{folder}/changed.json")
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("(new policy) -> ", text.stdout)
        self.assertIn("resource_changes[1].change.after.inline_policy[0].policy (aws_iam_role.app)\n",
                      text.stdout)
        self.assertIn("ssm:GetParametersByPath on arn:aws:ssm:eu-west-1:111122223333:parameter/app/*",
                      text.stdout)
        self.assertNotIn("aws_s3_bucket_policy.assets", text.stdout)  # moved, not changed

    def test_base_ref_reads_the_template_at_the_revision(self):
        folder = os.path.join(os.getcwd(), self.PAIRS, "fail_template_new_resource")
        with tempfile.TemporaryDirectory() as repo:
            template = repository_with(repo, "template.yaml", f"{folder}/base.yaml")
            self.assertEqual(run("check", "no-new-access", "--base-ref", "HEAD", "template.yaml",
                                 cwd=repo).returncode, 0)
            shutil.copyfile(f"{folder}/changed.yaml", template)
            result = run("check", "no-new-access", "--no-color", "--base-ref", "HEAD", "template.yaml", cwd=repo)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("template.yaml:52:17: error: newly allows", result.stdout)
            self.assertIn("= in: Resources.DeployPolicy.Properties.PolicyDocument.Statement[0].Action[0]",
                          result.stdout)

    def test_a_file_that_cannot_be_read_does_not_pass(self):
        with tempfile.TemporaryDirectory() as scratch:
            broken = os.path.join(scratch, "template.yaml")
            with open(broken, "w") as out:
                out.write("Resources:\n  Role: [unclosed\n")
            result = run("check", "no-public-access", broken)
            self.assertEqual(result.returncode, 2)
            self.assertIn(f"{broken}:", result.stderr)
            self.assertNotIn("passes", result.stderr)
            self.assertIn("no-public-access: not decided: 1 error; no failure in the 0 files read",
                          result.stderr)
            good = os.path.join(ROOT, "no-public-access", "fail_template_bucket_policy.yaml")
            both = run("check", "no-public-access", good, broken)
            self.assertEqual(both.returncode, 2)
            self.assertIn("no-public-access: fails in 1 of the 1 file read; 1 error", both.stderr)

    def test_skip_non_policy_leaves_other_files_alone(self):
        with tempfile.TemporaryDirectory() as scratch:
            with open(os.path.join(scratch, "tsconfig.json"), "w") as out:
                out.write('{\n  // comments are not JSON\n  "compilerOptions": {}\n}\n')
            with open(os.path.join(scratch, "package.json"), "w") as out:
                out.write('{"name": "site"}\n')
            shutil.copyfile(os.path.join(ROOT, "no-public-access", "fail_template_bucket_policy.yaml"),
                            os.path.join(scratch, "template.yaml"))
            self.assertEqual(run("check", "no-public-access", scratch).returncode, 2)
            result = run("check", "no-public-access", "--skip-non-policy", scratch)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("no-public-access: fails in 1 of 1 file", result.stderr)

    def test_the_container_says_what_a_policy_is(self):
        template = os.path.join(ROOT, "no-public-access", "fail_template_bucket_policy.yaml")
        # --policy-type is for bare policy files: the template's bucket policy stays the resource
        # policy of an S3 bucket.
        result = run("check", "no-public-access", "--format", "json", "--policy-type", "identity", template)
        self.assertEqual(result.returncode, 1, result.stderr)
        (finding,) = json.loads(result.stdout)
        self.assertEqual((finding["line"], finding["column"]), (24, 24))  # Principal: "*"


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
        (entry,) = report["policies"]
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
