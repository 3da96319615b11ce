#!/usr/bin/env python3
"""pre-commit for real: Debian's pre-commit runs this repository's .pre-commit-hooks.yaml, named as
a `repo:` at the commit checked out, in a temporary git repository. A bad policy blocks the
commit with a readable message; a good one, a package.json and a tsconfig.json with comments pass.

Run by `meson test` from the source root, with IAMLINT naming the binary (the hook runs the
iamlint on the PATH, so its directory goes first on it). pre-commit clones the repository from
the local path: no network.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

IAMLINT = os.path.abspath(os.environ.get("IAMLINT", "build/iamlint"))
SOURCE = os.getcwd()

BAD_POLICY = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Alow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}
  ]
}
"""
GOOD_POLICY = BAD_POLICY.replace('"Alow"', '"Allow"')
PACKAGE_JSON = '{"name": "site", "version": "1.0.0", "scripts": {"build": "tsc"}}\n'
TSCONFIG_JSON = """{
  // TypeScript reads JSON with comments.
  "compilerOptions": {
    "strict": true /* and trailing ones */
  }
}
"""


def git(*args, cwd, env):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


class PreCommitHook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if shutil.which("pre-commit") is None:
            raise RuntimeError("pre-commit is missing; run tools/setup")
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=SOURCE, capture_output=True, text=True)
        if head.returncode != 0:
            raise RuntimeError(f"the source tree must be a git checkout: {head.stderr}")
        cls.rev = head.stdout.strip()
        cls.scratch = tempfile.TemporaryDirectory()
        root = cls.scratch.name
        cls.repo = os.path.join(root, "repo")
        os.mkdir(cls.repo)
        cls.env = {
            **os.environ,
            "PATH": os.path.dirname(IAMLINT) + os.pathsep + os.environ.get("PATH", ""),
            "PRE_COMMIT_HOME": os.path.join(root, "pre-commit-cache"),
            "HOME": root,  # no user git configuration
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
            "NO_COLOR": "1",
        }
        cls.env.pop("GIT_DIR", None)
        cls.env.pop("GIT_WORK_TREE", None)
        cls.run_git("init", "--quiet", "--initial-branch", "main")
        cls.write("README", "policies\n")
        cls.write(".pre-commit-config.yaml",
                  f"repos:\n  - repo: {SOURCE}\n    rev: {cls.rev}\n    hooks:\n      - id: iamlint\n")
        cls.run_git("add", ".")
        cls.run_git("commit", "--quiet", "-m", "start", check=True)
        installed = subprocess.run(["pre-commit", "install"], cwd=cls.repo, env=cls.env,
                                   capture_output=True, text=True)
        if installed.returncode != 0:
            raise RuntimeError(f"pre-commit install failed: {installed.stdout}{installed.stderr}")

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    @classmethod
    def run_git(cls, *args, check=False):
        done = git(*args, cwd=cls.repo, env=cls.env)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {done.stdout}{done.stderr}")
        return done

    @classmethod
    def write(cls, name, text):
        path = os.path.join(cls.repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)

    def commit(self, files):
        """Stages `files` ({name: text}) and commits them; returns (committed, hook output)."""
        for name, text in files.items():
            self.write(name, text)
        self.run_git("add", *files)
        before = self.run_git("rev-parse", "HEAD").stdout
        done = self.run_git("commit", "-m", "change")
        committed = self.run_git("rev-parse", "HEAD").stdout != before
        if not committed:
            self.run_git("reset", "--quiet", "--hard")
        return committed, done.stdout + done.stderr

    def test_1_a_bad_policy_blocks_the_commit(self):
        committed, output = self.commit({"policies/bad.json": BAD_POLICY})
        self.assertFalse(committed, output)
        self.assertIn("iamlint (AWS IAM policy linter)", output)
        self.assertIn("Failed", output)
        self.assertIn("policies/bad.json:4:16: error: Effect \"Alow\" is not valid", output)
        self.assertIn("[IAM006 invalid-effect]", output)

    def test_2_a_good_policy_and_other_json_pass(self):
        committed, output = self.commit({"policies/good.json": GOOD_POLICY, "package.json": PACKAGE_JSON,
                                         "tsconfig.json": TSCONFIG_JSON})
        self.assertTrue(committed, output)
        self.assertIn("Passed", output)


if __name__ == "__main__":
    unittest.main()
