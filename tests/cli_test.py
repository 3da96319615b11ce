#!/usr/bin/env python3
"""Tests of the built iamlint binary as users run it: exit codes, inputs, formats, colour.

Run by `meson test` from the source root, with IAMLINT naming the binary.
"""
import hashlib
import itertools
import json
import os
import pty
import re
import shutil
import resource
import subprocess
import sys
import tempfile
import unittest

IAMLINT = os.environ.get("IAMLINT", "build/iamlint")
SANITIZED = os.environ.get("IAMLINT_SANITIZERS", "none") != "none"  # an ASan+UBSan build (tools/sanitize)
SCALE = 10 if SANITIZED else 1  # the largest inputs are a tenth of their size under sanitizers
CLI = "testdata/cli"


def run(*args, stdin=None, env=None, cwd=None):
    """Runs iamlint; returns (exit status, stdout, stderr) as text."""
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    done = subprocess.run([os.path.abspath(IAMLINT), *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=60, cwd=cwd)
    return done.returncode, done.stdout, done.stderr


class ExitStatus(unittest.TestCase):
    def test_clean_file_exits_0(self):
        status, out, err = run(f"{CLI}/tree/clean.json")
        self.assertEqual(status, 0, err)
        self.assertEqual(out, "")
        self.assertIn("No problems (1 file checked).", err)

    def test_warning_exits_1_by_default(self):
        status, out, _ = run(f"{CLI}/tree/nested/service_wildcard.json")
        self.assertEqual(status, 1)
        self.assertIn("[IAM202 wildcard-service-action]", out)

    def test_fail_level_error_ignores_warnings_but_prints_them(self):
        status, out, _ = run("--fail-level", "error", f"{CLI}/tree/nested/service_wildcard.json")
        self.assertEqual(status, 0)
        self.assertIn("warning:", out)

    def test_fail_level_none_never_fails(self):
        status, _, _ = run("--fail-level", "none", f"{CLI}/invalid.json")
        self.assertEqual(status, 0)

    def test_invalid_json_is_a_finding_not_a_usage_error(self):
        status, out, _ = run(f"{CLI}/invalid.json")
        self.assertEqual(status, 1)
        self.assertTrue(out.startswith(
            f"{CLI}/invalid.json:4:24: error: invalid JSON: missing a comma or '}}' after an object member"), out)

    def test_missing_path_exits_2_and_still_lints_the_rest(self):
        status, out, err = run(f"{CLI}/does-not-exist.json", f"{CLI}/tree/nested/service_wildcard.json")
        self.assertEqual(status, 2)
        self.assertIn("iamlint: error: cannot read 'testdata/cli/does-not-exist.json': No such file or directory", err)
        self.assertIn("IAM202", out)

    def test_usage_errors_exit_2(self):
        for args in (["--format", "yaml", "x.json"], ["--select", "IAM999", "x.json"], ["--bogus"], [],
                     ["explain"], ["explain", "IAM999"], ["--policy-type", "bucket", "x.json"],
                     ["--resource-type", "AWS::S3::Object", "x.json"],
                     ["--policy-type", "identity", "--resource-type", "AWS::S3::Bucket", "x.json"],
                     ["--scp-syntax", "2023", "x.json"]):
            with self.subTest(args=args):
                status, _, err = run(*args)
                self.assertEqual(status, 2)
                self.assertIn("iamlint: error:", err)


class Inputs(unittest.TestCase):
    def test_directory_is_searched_for_json_skipping_hidden_directories_and_files(self):
        status, out, err = run("--format", "json", f"{CLI}/tree")
        self.assertEqual(status, 1)
        paths = [finding["path"] for finding in json.loads(out)]
        self.assertEqual(paths, [f"{CLI}/tree/nested/service_wildcard.json"])
        _, _, err = run(f"{CLI}/tree")
        self.assertIn("1 problem (1 warning) in 1 file (2 files checked).", err)

    def test_skip_non_policy_leaves_other_json_alone_but_not_broken_policies(self):
        with tempfile.TemporaryDirectory() as scratch:
            package = os.path.join(scratch, "package.json")
            tsconfig = os.path.join(scratch, "tsconfig.json")
            broken = os.path.join(scratch, "broken.json")
            with open(package, "w") as out:
                out.write('{"name": "app", "version": "1.0.0"}')
            with open(tsconfig, "w") as out:
                out.write('{\n  // JSON with comments\n  "compilerOptions": {"strict": true,},\n}\n')
            with open(broken, "w") as out:
                out.write('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}')
            status, out, _ = run(package)
            self.assertEqual(status, 1)
            status, out, err = run("--skip-non-policy", package, tsconfig, f"{CLI}/tree/clean.json")
            self.assertEqual((status, out), (0, ""))
            self.assertIn("No problems (1 file checked, 2 skipped as not policies).", err)
            status, out, _ = run("--skip-non-policy", broken)
            self.assertEqual(status, 1)
            self.assertIn("[IAM001 json-syntax-error]", out)

    def test_directories_are_searched_for_templates_too(self):
        with tempfile.TemporaryDirectory() as scratch:
            for name in ("a.yaml", "b.yml", "c.template", "d.json", "e.txt", "f.yaml.bak"):
                with open(os.path.join(scratch, name), "w") as out:
                    out.write('{"Version": "2012-10-17", "Statement": '
                              '{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}')
            _, out, err = run("--format", "json", "--select", "IAM202", scratch)
            self.assertEqual(sorted(os.path.basename(f["path"]) for f in json.loads(out)),
                             ["a.yaml", "b.yml", "c.template", "d.json"])

    def test_skip_non_policy_lints_policy_attempts_and_templates_with_policies(self):
        template = ("Resources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n"
                    "      PolicyDocument:\n        Version: '2012-10-17'\n"
                    "        Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]\n")
        files = {
            # AWS rejects these policies: a hook must not let them through.
            "misspelt.json": '{"Version": "2012-10-17", "Statment": [{"Effect": "Allow"}]}',
            "lowercase.json": '{"statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}',
            "template.yaml": template,
            "broken_template.yaml": template.replace("Resource: '*'}]", "Resource: '*'}"),
            # Not policies.
            "package.json": '{"name": "app", "version": "1.0.0"}',
            "no_policies.yaml": "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n",
            "compose.yml": "services:\n  web:\n    image: nginx\n",
            "broken_workflow.yml": "on: [push\njobs: {}\n",
        }
        with tempfile.TemporaryDirectory() as scratch:
            for name, text in files.items():
                with open(os.path.join(scratch, name), "w") as out:
                    out.write(text)
            status, out, err = run("--skip-non-policy", "--format", "json", scratch)
            self.assertEqual(status, 1)
            self.assertEqual(sorted({os.path.basename(f["path"]) for f in json.loads(out)}),
                             ["broken_template.yaml", "lowercase.json", "misspelt.json", "template.yaml"])
            self.assertIn("(4 files checked, 4 skipped as not policies)", run("--skip-non-policy", scratch)[2])
            findings = json.loads(out)
            self.assertIn({"path": os.path.join(scratch, "template.yaml"), "rule_id": "IAM202", "line": 7,
                           "column": 45, "logical_location":
                           "Resources.Reader.Properties.PolicyDocument.Statement[0].Action"},
                          [{k: f[k] for k in ("path", "rule_id", "line", "column", "logical_location")}
                           for f in findings])
            broken = [f for f in findings if f["path"].endswith("broken_template.yaml")]
            self.assertEqual([(f["rule_id"], f["message"].split(":")[0]) for f in broken],
                             [("IAM001", "invalid YAML")])

    def test_input_format(self):
        policy = f"{CLI}/tree/nested/service_wildcard.json"
        status, out, _ = run("--input-format", "policy", "--format", "json", policy)
        self.assertEqual(status, 1)
        status, out, _ = run("--input-format", "cloudformation", "--format", "json", policy)
        self.assertEqual(status, 1)
        self.assertEqual([(f["rule_id"], f["message"]) for f in json.loads(out)], [(
            "IAM001", "the file is not a CloudFormation template, JSON or YAML "
                      "(--input-format cloudformation); it was not analysed")])
        status, _, err = run("--input-format", "terraform", policy)
        self.assertEqual(status, 2)
        self.assertIn("--input-format must be one of auto, account-settings, authorization-details, aws-cli, cloudformation, "
                      "policy, terraform-plan; got 'terraform'", err)

    def test_stdin_with_display_name(self):
        with open(f"{CLI}/tree/nested/service_wildcard.json") as source:
            policy = source.read()
        status, out, _ = run("--stdin-filename", "policies/app.json", "-", stdin=policy)
        self.assertEqual(status, 1)
        self.assertTrue(out.startswith("policies/app.json:3:46: warning:"), out)

    def test_inputs_are_never_changed(self):
        paths = [f"{CLI}/invalid.json", f"{CLI}/tree/clean.json"]
        def digests():
            result = []
            for path in paths:
                with open(path, "rb") as data:
                    result.append(hashlib.sha256(data.read()).hexdigest())
            return result

        before = digests()
        run("--format", "sarif", *paths)
        after = digests()
        self.assertEqual(before, after)

    def test_baseline_leaves_out_known_findings_and_keeps_new_ones(self):
        with tempfile.TemporaryDirectory() as scratch:
            policy = os.path.join(scratch, "p.json")
            baseline = os.path.join(scratch, "baseline.sarif")
            with open("testdata/examples/admin.json") as source:
                text = source.read()
            with open(policy, "w") as out:
                out.write(text)
            self.assertEqual(run("--format", "sarif", "--output", baseline, policy)[0], 1)
            status, out, err = run("--baseline", baseline, policy)
            self.assertEqual((status, out), (0, ""))
            self.assertIn("3 findings known from the baseline", err)
            # Lines move and a new problem appears: only the new one is reported.
            with open(policy, "w") as out:
                out.write("\n\n" + text.replace(
                    '"Statement": [', '"Statement": [\n    {"Effect": "Allow", "Action": "sqs:*", "Resource": "*"},'))
            status, out, _ = run("--format", "json", "--baseline", baseline, policy)
            self.assertEqual(status, 1)
            self.assertEqual([(f["rule_id"], f["line"]) for f in json.loads(out)], [("IAM202", 6)])
            status, _, err = run("--baseline", policy + ".missing", policy)
            self.assertEqual(status, 2)
            self.assertIn("cannot open", err)
            with open(baseline, "w") as out:
                out.write('{"runs": [\n  {"results": [}\n')
            status, _, err = run("--baseline", baseline, policy)
            self.assertEqual(status, 2)
            self.assertIn(f"--baseline '{baseline}' is not valid JSON at line 2, column 16", err)

    def test_baseline_matches_however_the_paths_are_spelt(self):
        # Written by `iamlint .` at the root; read by a hook that passes `policies/x.json`, by a run
        # from a subdirectory, and by one with an absolute path.
        with tempfile.TemporaryDirectory() as repo:
            os.mkdir(os.path.join(repo, ".git"))
            os.makedirs(os.path.join(repo, "policies", "sub"))
            with open("testdata/examples/admin.json") as source, \
                    open(os.path.join(repo, "policies", "x.json"), "w") as out:
                out.write(source.read())
            self.assertEqual(run("--format", "sarif", "--output", "b.sarif", ".", cwd=repo)[0], 1)
            baseline = os.path.join(repo, "b.sarif")
            for args, cwd in ((["policies/x.json"], repo), (["../x.json"], os.path.join(repo, "policies", "sub")),
                              ([os.path.join(repo, "policies", "x.json")], "/")):
                with self.subTest(args=args, cwd=cwd):
                    status, out, err = run("--baseline", baseline, *args, cwd=cwd)
                    self.assertEqual((status, out), (0, ""), err)

    def test_baseline_survives_a_statement_inserted_above(self):
        # Statements without Sid: the new one above has the same finding text as the accepted one.
        accepted = '{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::logs/*"}'
        added = '{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::secrets/*"}'
        with tempfile.TemporaryDirectory() as scratch:
            policy = os.path.join(scratch, "p.json")
            baseline = os.path.join(scratch, "b.sarif")
            def write(*statements):
                with open(policy, "w") as out:
                    out.write('{"Version": "2012-10-17", "Statement": [\n' + ",\n".join(statements) + "\n]}\n")
            write(accepted)
            self.assertEqual(run("--format", "sarif", "--output", baseline, policy)[0], 1)
            write(added, accepted)
            status, out, _ = run("--format", "json", "--baseline", baseline, policy)
            self.assertEqual(status, 1)
            self.assertEqual([(f["rule_id"], f["line"]) for f in json.loads(out)], [("IAM202", 2)])

    def test_baseline_of_an_older_iamlint_is_refused(self):
        with tempfile.TemporaryDirectory() as scratch:
            baseline = os.path.join(scratch, "b.sarif")
            with open(baseline, "w") as out:
                json.dump({"runs": [{"results": [{"ruleId": "IAM201", "partialFingerprints":
                                                  {"iamlint/contentHash/v1": "0123456789abcdef:1"}}]}]}, out)
            status, _, err = run("--baseline", baseline, "testdata/examples")
            self.assertEqual(status, 2)
            self.assertIn("has no results with iamlint/contentHash/v2 fingerprints", err)

    def test_baseline_of_a_large_repository(self):
        # A report of thousands of findings is larger than the 4 MiB limit for policies. A
        # sanitized build reads a tenth of it: the same code, at a size its checks can afford.
        statement = '{"Effect": "Allow", "Action": ["s3:*", "iam:Pass*"], "Resource": "*"}'
        with tempfile.TemporaryDirectory() as scratch:
            policy = os.path.join(scratch, "many.json")
            baseline = os.path.join(scratch, "baseline.sarif")
            with open(policy, "w") as out:
                out.write('{"Version": "2012-10-17", "Statement": [\n' +
                          ",\n".join([statement] * (1700 // SCALE)) + "\n]}\n")
            self.assertEqual(run("--format", "sarif", "--output", baseline, policy)[0], 1)
            self.assertGreater(os.path.getsize(baseline), (4 << 20) // SCALE)
            status, out, err = run("--baseline", baseline, policy)
            self.assertEqual((status, out), (0, ""))
            self.assertRegex(err, r"No problems \(1 file checked, \d+ findings known from the baseline\)")

    def test_oversized_and_endless_inputs_are_findings_not_hangs(self):
        with tempfile.TemporaryDirectory() as scratch:
            huge = os.path.join(scratch, "huge.json")
            with open(huge, "w") as out:
                out.write('{"Statement": [' + '{"Effect": "Allow"},' * 900_000 + "{}]}")
            status, out, _ = run(huge)
            self.assertEqual(status, 1)
            self.assertIn("larger than the 4 MiB limit; it was not analysed [IAM001 json-syntax-error]", out)
        # A device that never ends is read only up to the limit.
        status, out, _ = run("/dev/zero")
        self.assertEqual(status, 1)
        self.assertIn("/dev/zero:1:1: error: the file is larger than the 4 MiB limit", out)
        # No policy is that large, so a hook over every *.json leaves it alone.
        status, out, err = run("--skip-non-policy", "/dev/zero")
        self.assertEqual((status, out), (0, ""))
        self.assertIn("1 skipped as not policies", err)

    def test_hostile_yaml_is_bounded(self):
        laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 12))
        deep_block = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n"
        bucket = "  Bucket{0}:\n    Type: AWS::S3::Bucket\n    Properties: {{BucketName: bucket-{0}}}\n"
        policy = ("  Policy{0}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n"
                  "        Statement: [{{Effect: Allow, Action: 's3:*', Resource: '*'}}]\n")
        huge = "Resources:\n" + "".join((policy if i % 100 == 0 else bucket).format(i) for i in range(45_000))
        cases = {
            "laughs.yaml": ("IAM001", "larger as JSON (its aliases expanded)"),
            "recursive.yaml": ("IAM001", "values nest more than 128 levels deep"),
            "deep_flow.yaml": ("IAM001", "flow collections nest more than 128 levels deep"),
            "deep_block.yaml": ("IAM001", "values nest more than 128 levels deep"),
            "bad_utf8.yaml": ("IAM001", "byte 0xC3 is not valid UTF-8"),
            "huge.yaml": ("IAM202", "allows every action of the 's3' service"),
        }
        texts = {"laughs.yaml": laughs, "recursive.yaml": "a: &x [1, *x]\n",
                 "deep_flow.yaml": "a: " + "[" * 2_000_000, "deep_block.yaml": deep_block,
                 "bad_utf8.yaml": "Resources:\n  R: {Type: caf\xc3}\n", "huge.yaml": huge}
        self.assertLess(len(huge), 4 << 20)

        def limit_memory():
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        # At most 1 GB of address space. AddressSanitizer reserves terabytes of it for its shadow
        # memory, so a sanitized build is held to 1.5 GB of resident memory instead, which ASan
        # checks itself (its shadow and quarantine count there, hence the margin).
        bound = {"env": {**os.environ, "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") +
                         ":hard_rss_limit_mb=1536"}} if SANITIZED else {"preexec_fn": limit_memory}

        with tempfile.TemporaryDirectory() as scratch:
            for name, text in texts.items():
                with open(os.path.join(scratch, name), "wb") as out:
                    out.write(text.encode("utf-8", "surrogateescape") if name != "bad_utf8.yaml"
                              else text.encode("latin-1"))
            for name, (rule, message) in cases.items():
                with self.subTest(name):
                    done = subprocess.run([IAMLINT, "--format", "json", "--jobs", "1",
                                           os.path.join(scratch, name)], capture_output=True, text=True,
                                          timeout=60, **bound)
                    self.assertEqual(done.returncode, 1, done.stderr)
                    findings = json.loads(done.stdout)
                    self.assertIn(rule, {f["rule_id"] for f in findings})
                    self.assertTrue(any(message in f["message"] for f in findings), findings[:3])

    def test_statement_and_finding_limits_bound_crafted_policies(self):
        with tempfile.TemporaryDirectory() as scratch:
            # 300,000 empty statements: far past any policy, so not analysed.
            many = os.path.join(scratch, "many.json")
            with open(many, "w") as out:
                out.write('{"Statement": [' + ",".join(["{}"] * 300_000) + "]}")
            status, out, _ = run("--no-color", many)
            self.assertEqual(status, 1)
            self.assertIn(f"{many}:1:15: error: the policy has 300000 statements, more than the "
                          "10000 iamlint analyses", out)
            # 1.3 million: more values than a file of 3.9 MB may hold, so not even parsed.
            with open(many, "w") as out:
                out.write('{"Statement": [' + ",".join(["{}"] * 1_300_000) + "]}")
            status, out, _ = run("--no-color", many)
            self.assertEqual(status, 1)
            self.assertIn("error: the text holds more than 1114112 values, more than a file of its "
                          "size may; it was not analysed [IAM001 json-syntax-error]", out)
            # 10,002 notes come first, the warning for "*" after them: it is left out of the
            # report, but still decides the exit status.
            listed = os.path.join(scratch, "listed.json")
            with open(listed, "w") as out:
                json.dump({"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Action": "s3:PutObject",
                    "Resource": ["arn:aws:s3:::b/k"] * 10_002 + ["*"]}]}, out)
            status, out, err = run("--format", "json", "--select", "IAM015,IAM203", listed)
            self.assertEqual(status, 1)
            findings = json.loads(out)
            self.assertEqual(len(findings), 10_000)
            self.assertEqual({f["rule_id"] for f in findings}, {"IAM015"})
            self.assertIn(f"iamlint: note: {listed}: 3 more findings left out (at most 10000 "
                          "per file)", err)

    def test_many_findings_on_one_long_line(self):
        # A minified policy near the size limit with a finding in every statement: each finding's
        # column and snippet must cost a bounded amount, not a scan of the whole 4 MB line (a
        # tenth of it for a sanitized build, which checks the same code).
        statement = ('{"Sid":"S%05d' + "x" * 300 + '","Effect":"Deny","Action":"*","Resource":"*",'
                     '"Condition":{"StringNotEquals":{"aws:VpceOrgID":"o-%05d"}}}')
        count = 9_500 // SCALE
        text = '{"Version":"2012-10-17","Statement":[' + ",".join(
            statement % (i, i) for i in range(count)) + "]}"
        last_key = text.rindex('"aws:VpceOrgID"')
        with tempfile.TemporaryDirectory() as scratch:
            policy = os.path.join(scratch, "minified.json")
            with open(policy, "w") as out:
                out.write(text)
            status, out, err = run("--select", "IAM360", policy)
            self.assertEqual(status, 1)
            self.assertIn(f"{policy}:1:{last_key + 1}: warning:", out)
            self.assertIn(f"{count} problems ({count} warnings) in 1 file", err)

    def test_crafted_lists_and_patterns_stay_linear(self):
        # Inputs that made pairwise checks quadratic: each must finish, with the finding it holds.
        k = 300_000
        cases = {
            "resources": ([{"Effect": "Allow", "Action": "s3:GetObject", "Resource":
                            [f"arn:aws:s3:::bucket-{i}/*" for i in range(120_000)] +
                            ["arn:aws:s3:::bucket-7/logs/*"]}], "IAM015", 1),
            "keys": ([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition":
                       {"StringEquals": {**{f"aws:PrincipalTag/k{i}": "v" for i in range(100_000)},
                                         "AWS:PrincipalTag/K5": "v"}}}], "IAM303", 1),
            # A wildcard pair that backtracks at every character of a 1.5 MB list.
            "glob": ([{"Effect": "Allow", "Action": "s3:GetObject", "Resource":
                       ["arn:aws:s3:::*" + "a" * k + "*",
                        "arn:aws:s3:::" + ("a" * (k - 1) + "b") * 4 + "x"]}], "IAM015", 0),
        }
        with tempfile.TemporaryDirectory() as scratch:
            for name, (statements, rule, expected) in cases.items():
                with self.subTest(name):
                    policy = os.path.join(scratch, name + ".json")
                    with open(policy, "w") as out:
                        json.dump({"Version": "2012-10-17", "Statement": statements}, out)
                    _, out, _ = run("--format", "json", "--select", rule, policy)
                    self.assertEqual(len(json.loads(out)), expected)

    # Every command that writes a report takes --output the same way.
    COMMANDS = {
        "lint": [f"{CLI}/invalid.json"],
        "check": ["check", "no-public-access", "testdata/checks/no-public-access/fail_everyone.json"],
        "diff": ["diff", "testdata/examples/reports_bucket_reader.json", "testdata/examples/admin.json"],
        "guardrails": ["guardrails", "testdata/examples/guardrails/good"],
        "audit": ["audit", "--now", "2026-01-01T00:00:00Z", "testdata/examples/account/neglected"],
    }

    def test_output_refuses_to_overwrite_an_input(self):
        for command, args in self.COMMANDS.items():
            with self.subTest(command), tempfile.TemporaryDirectory() as scratch:
                inputs = [os.path.join(scratch, os.path.basename(arg)) if os.path.exists(arg) else arg
                          for arg in args]
                for arg, copy in zip(args, inputs):
                    if os.path.isdir(arg):
                        shutil.copytree(arg, copy)
                    elif os.path.isfile(arg):
                        shutil.copy(arg, copy)
                # The last PATH, or a file inside it when it is a directory.
                victim = inputs[-1]
                if os.path.isdir(victim):
                    victim = sorted(os.path.join(root, name) for root, _, names in os.walk(victim)
                                    for name in names if name.endswith(".json"))[0]
                with open(victim, "rb") as before:
                    original = before.read()
                status, _, err = run(*inputs[:-1], "--output", victim, inputs[-1])
                self.assertEqual(status, 2, err)
                self.assertIn(f"--output '{victim}' is one of the inputs", err)
                with open(victim, "rb") as after:
                    self.assertEqual(after.read(), original)

    def test_output_that_cannot_be_written_is_a_usage_error(self):
        for command, args in self.COMMANDS.items():
            with self.subTest(command):
                status, out, err = run("--output", "/nonexistent-dir/report", *args)
                self.assertEqual((status, out), (2, ""))
                self.assertIn("cannot write '/nonexistent-dir/report': No such file or directory",
                              err)
                status, _, err = run("--output", "/dev/full", *args)
                self.assertEqual(status, 2)
                self.assertIn("cannot write '/dev/full': No space left on device", err)

    def test_output_file_receives_the_report(self):
        for command, args in self.COMMANDS.items():
            with self.subTest(command), tempfile.TemporaryDirectory() as scratch:
                target = os.path.join(scratch, "report")
                status, out, _ = run(*args)
                self.assertNotEqual(out, "")
                status_to_file, out_to_file, _ = run("--output", target, *args)
                self.assertEqual((status_to_file, out_to_file), (status, ""))
                with open(target) as report:
                    self.assertEqual(report.read(), out)

    def test_sarif_output_file_is_sarif(self):
        with tempfile.TemporaryDirectory() as scratch:
            target = os.path.join(scratch, "out.sarif")
            status, out, _ = run("--format", "sarif", "--output", target, f"{CLI}/invalid.json")
            self.assertEqual(status, 1)
            self.assertEqual(out, "")
            with open(target) as report:
                self.assertEqual(json.load(report)["version"], "2.1.0")


class PreCommitHook(unittest.TestCase):
    def test_hook_lints_policies_and_templates_and_leaves_other_files_alone(self):
        source_root = os.getcwd()
        with tempfile.TemporaryDirectory() as scratch:
            repo = os.path.join(scratch, "repo")
            os.mkdir(repo)
            files = {
                "policies/admin.json": '{"Version": "2012-10-17", "Statement": '
                                       '{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}',
                "stacks/roles.yaml": "Resources:\n  Admin:\n    Type: AWS::IAM::ManagedPolicy\n"
                                     "    Properties:\n      PolicyDocument:\n"
                                     "        Statement: {Effect: Allow, Action: 'iam:*', Resource: '*'}\n",
                "package.json": '{"name": "app"}',
                "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
                "notes.txt": '{"Statement": "not linted: not JSON or YAML by name"}',
            }
            for name, text in files.items():
                os.makedirs(os.path.join(repo, os.path.dirname(name)), exist_ok=True)
                with open(os.path.join(repo, name), "w") as out:
                    out.write(text)
            env = {**os.environ, "PRE_COMMIT_HOME": os.path.join(scratch, "cache"),
                   "PATH": os.path.dirname(os.path.abspath(IAMLINT)) + os.pathsep + os.environ["PATH"],
                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
            for command in (["git", "init", "-q"], ["git", "add", "."]):
                subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True)
            done = subprocess.run(["pre-commit", "try-repo", source_root, "iamlint", "--all-files"],
                                  cwd=repo, env=env, capture_output=True, text=True, timeout=300)
            self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
            self.assertIn("policies/admin.json:1:", done.stdout)
            self.assertIn("stacks/roles.yaml:6:", done.stdout)
            self.assertIn("= in: Resources.Admin.Properties.PolicyDocument.Statement.Action", done.stdout)
            for other in ("package.json", "docker-compose.yml", "notes.txt"):
                self.assertNotIn(other, done.stdout)


class DocumentedPolicies(unittest.TestCase):
    # Each documented policy lints clean: tests/aws_docs_test.py.
    def test_scp_syntax_legacy_rejects_what_scps_accept_since_2025(self):
        path = f"{CLI}/scp_region_service_allow_list.json"
        status, out, _ = run("--policy-type", "scp", "--format", "json", path)
        self.assertEqual((status, json.loads(out)), (0, []))
        status, out, _ = run("--policy-type", "scp", "--scp-syntax", "legacy", "--format", "json", path)
        self.assertEqual(status, 1)
        self.assertEqual([(f["rule_id"], f["level"], f["line"]) for f in json.loads(out)],
                         [("IAM408", "error", 9)])
        # Only SCPs have a legacy syntax.
        status, out, _ = run("--policy-type", "identity", "--scp-syntax", "legacy", "--select", "IAM4", path)
        self.assertEqual((status, out), (0, ""))

    def test_guardrails_are_not_judged_as_grants(self):
        # SCPs, RCPs and boundaries grant nothing, so their broad Allow statements are no risk.
        for args, paths in ((["--policy-type", "scp"], ["testdata/aws-docs/scp/full_aws_access.json",
                                                         "testdata/aws-docs/scp/allow_list_ec2_cloudwatch.json",
                                                         f"{CLI}/scp_region_service_allow_list.json"]),
                            (["--policy-type", "rcp"], ["testdata/aws-docs/rcp/rcp_full_aws_access.json"]),
                            (["--policy-type", "boundary"],
                             ["testdata/aws-docs/boundary/permissions_boundary_s3_cloudwatch_ec2.json"])):
            with self.subTest(args=args):
                status, out, _ = run(*args, "--fail-level", "note", *paths)
                self.assertEqual((status, out), (0, ""))
        status, out, _ = run("--policy-type", "identity", "--format", "json",
                             "testdata/aws-docs/boundary/permissions_boundary_s3_cloudwatch_ec2.json")
        self.assertEqual(status, 1)
        # As an identity policy, ec2:* on every instance lets its holder change an instance's
        # start-up script and run it with the instance's role.
        self.assertEqual(sorted({f["rule_id"] for f in json.loads(out)}), ["IAM210"])


def check_golden(test, path, actual):
    """Compares with a golden file; IAMLINT_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    if os.environ.get("IAMLINT_UPDATE_GOLDEN"):
        with open(path, "w") as out:
            out.write(actual)
    with open(path) as golden:
        test.assertEqual(actual, golden.read())


class Formats(unittest.TestCase):
    def test_gitlab_code_quality_report(self):
        status, out, _ = run("--format", "gitlab", "testdata/examples")
        self.assertEqual(status, 1)
        check_golden(self, f"{CLI}/examples.gitlab.json", out)
        # Fingerprints are unique even for equal findings (GitLab merges issues that share one).
        statement = '{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}'
        policy = '{"Version": "2012-10-17", "Statement": [%s, %s]}' % (statement, statement)
        _, out, _ = run("--format", "gitlab", "--stdin-filename", "p.json", "-", stdin=policy)
        issues = json.loads(out)
        self.assertGreater(len(issues), 2)
        self.assertEqual(len({issue["fingerprint"] for issue in issues}), len(issues))
        self.assertTrue({issue["severity"] for issue in issues} <= {"info", "minor", "major", "critical", "blocker"})

    def test_gitlab_paths_are_relative_to_the_repository(self):
        with tempfile.TemporaryDirectory() as repo:
            os.mkdir(os.path.join(repo, ".git"))
            os.mkdir(os.path.join(repo, "policies"))
            with open("testdata/examples/admin.json") as source, \
                    open(os.path.join(repo, "policies", "admin.json"), "w") as out:
                out.write(source.read())
            _, out, _ = run("--format", "gitlab", "admin.json", cwd=os.path.join(repo, "policies"))
            self.assertEqual({issue["location"]["path"] for issue in json.loads(out)}, {"policies/admin.json"})

    def test_json_output_follows_its_schema(self):
        import jsonschema
        with open("src/report/schemas/json-format.schema.json") as source:
            schema = json.load(source)
        jsonschema.Draft202012Validator.check_schema(schema)
        _, out, _ = run("--format", "json", "testdata")
        findings = json.loads(out)
        self.assertGreater(len(findings), 500)
        jsonschema.Draft202012Validator(schema).validate(findings)

    def test_statistics_count_findings_per_rule(self):
        status, out, err = run("--statistics", "testdata/examples")
        self.assertEqual(status, 1)
        lines = out.splitlines()
        self.assertIn("1  IAM201  wildcard-action", lines[1] + "\n".join(lines))
        self.assertEqual(len(lines), 4)
        self.assertIn("4 problems", err)
        _, out, _ = run("--statistics", "--format", "json", "testdata/examples")
        rows = json.loads(out)
        self.assertEqual(sum(row["count"] for row in rows), 4)
        self.assertEqual(set(rows[0]), {"rule_id", "rule_name", "level", "count"})
        status, _, err = run("--statistics", "--format", "sarif", "testdata/examples")
        self.assertEqual(status, 2)

    def test_quiet_prints_findings_only(self):
        status, out, err = run("--quiet", "testdata/examples")
        self.assertEqual(status, 1)
        self.assertIn("[IAM201 wildcard-action]", out)
        self.assertEqual(err, "")
        status, _, err = run("-q", "testdata/missing")
        self.assertEqual(status, 2)
        self.assertIn("cannot read", err)

    def test_sarif_lists_rules_with_results_and_writes_help_once(self):
        _, out, _ = run("--format", "sarif", "testdata/examples")
        rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
        results = json.loads(out)["runs"][0]["results"]
        self.assertEqual(sorted(rule["id"] for rule in rules), sorted({r["ruleId"] for r in results}))
        for rule in rules:
            self.assertIn("## How to fix", rule["help"]["markdown"])
            self.assertLess(len(rule["help"]["text"]), 300)
        self.assertLess(len(out), 60_000)
    def test_json_finding_fields(self):
        _, out, _ = run("--format", "json", f"{CLI}/invalid.json")
        self.assertEqual(json.loads(out), [{
            "path": f"{CLI}/invalid.json", "line": 4, "column": 24, "end_line": 4, "end_column": 25,
            "rule_id": "IAM001", "rule_name": "json-syntax-error", "level": "error",
            "message": "invalid JSON: missing a comma or '}' after an object member; found '\"'",
            "access_analyzer_code": "JSON_SYNTAX_ERROR", "fix": None,
            "logical_location": None}])

    def test_github_annotations_escape_properties(self):
        with open(f"{CLI}/invalid.json") as source:
            policy = source.read()
        status, out, _ = run("--format", "github", "--stdin-filename", "50%,a:b.json", "-", stdin=policy)
        self.assertEqual(status, 1)
        self.assertEqual(out, "::error file=50%25%2Ca%3Ab.json,line=4,col=24,endLine=4,endColumn=25,"
                              "title=IAM001 json-syntax-error::invalid JSON: missing a comma or '}' after an "
                              "object member; found '\"'\n")

    def test_sarif_columns_are_utf16_and_text_columns_are_characters(self):
        _, text, _ = run("--select", "IAM202", f"{CLI}/non_ascii.json")
        _, sarif, _ = run("--select", "IAM202", "--format", "sarif", f"{CLI}/non_ascii.json")
        self.assertIn(f"{CLI}/non_ascii.json:1:83: warning:", text)
        region = json.loads(sarif)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        # The key emoji is one character but two UTF-16 code units.
        self.assertEqual((region["startColumn"], region["endColumn"]), (84, 91))

    def test_output_is_identical_whatever_the_thread_count(self):
        outputs = {run("--format", "sarif", "--jobs", jobs, "testdata")[1] for jobs in ("1", "2", "7")}
        self.assertEqual(len(outputs), 1)

    def test_resource_type_enables_the_attached_resource_checks(self):
        fixture = "testdata/rules/IAM253-outside-attached-resource/bad_kms_in_bucket_policy.AWS-S3-Bucket.json"
        status, out, _ = run("--select", "IAM253", fixture)
        self.assertEqual((status, out), (0, ""))
        status, out, _ = run("--select", "IAM253", "--resource-type", "AWS::S3::Bucket", fixture)
        self.assertEqual(status, 1)
        self.assertIn('Action "kms:Decrypt" does not act on AWS::S3::Bucket', out)

    def test_trusted_accounts_silence_grants_to_them(self):
        # AWS's complete example key policy lets account 444455556666 use the key; the key's own
        # account (111122223333, whose principals may call kms:PutKeyPolicy) is trusted anyway.
        policy = "testdata/rules/IAM204-account-principal-without-condition/bad_key_policy_other_account.json"
        status, out, _ = run("--format", "json", policy)
        self.assertEqual(status, 1)
        self.assertEqual({(f["rule_id"], f["message"].split('"')[1]) for f in json.loads(out)},
                         {("IAM204", "arn:aws:iam::444455556666:root")})
        for args in (["--trusted-accounts", "444455556666"], ["--trusted-accounts", "123456789012, 444455556666"],
                     ["--trusted-accounts", "123456789012", "--trusted-accounts", "444455556666"]):
            with self.subTest(args=args):
                self.assertEqual(run(*args, "--org-id", "o-a1b2c3d4e5", policy)[:2], (0, ""))
        for args, message in ((["--trusted-accounts", "4444"], "--trusted-accounts takes 12-digit AWS account IDs"),
                              (["--org-id", "o-abc"], "--org-id takes AWS Organizations IDs")):
            with self.subTest(args=args):
                status, out, err = run(*args, policy)
                self.assertEqual((status, out), (2, ""))
                self.assertIn(message, err)

    def test_trusted_accounts_silence_cross_account_trust(self):
        policy = "testdata/rules/IAM215-cross-account-trust/ok_accounts_not_configured.json"
        # Without the user's accounts, a role of the same account looks like a stranger's.
        self.assertEqual(run("--select", "IAM215", policy)[:2], (0, ""))
        status, out, _ = run("--format", "json", "--select", "IAM215", "--org-id", "o-a1b2c3d4e5", policy)
        self.assertEqual(status, 1)
        self.assertEqual([f["message"].split('"')[1] for f in json.loads(out)],
                         ["arn:aws:iam::444455556666:role/deployer", "arn:aws:iam::777788889999:user/ci"])
        _, out, _ = run("--format", "json", "--select", "IAM215", "--trusted-accounts", "444455556666", policy)
        self.assertEqual([f["message"].split('"')[1] for f in json.loads(out)], ["arn:aws:iam::777788889999:user/ci"])
        status, out, _ = run("--select", "IAM215", "--trusted-accounts", "444455556666,777788889999", policy)
        self.assertEqual((status, out), (0, ""))

    def test_rules_and_explain(self):
        status, out, _ = run("rules")
        self.assertEqual(status, 0)
        self.assertIn("IAM201  wildcard-action", out)
        status, out, _ = run("explain", "wildcard-action")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("IAM201 wildcard-action (warning)"))
        status, out, _ = run("explain", "PASS_ROLE_WITH_STAR_IN_RESOURCE")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("IAM205 pass-role-to-any-role"))
        self.assertIn("## How to fix", out)

    def test_expand_patterns_and_policy(self):
        status, out, _ = run("expand", "s3:Put*")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^s3:Put\*: \d+ actions \(Write \d+, Permissions management \d+, Tagging \d+\)\n")
        self.assertRegex(out, r"\n  s3:PutBucketPolicy +Permissions management\n")
        status, out, _ = run("expand", "--format", "json", "--policy", "testdata/examples/admin.json")
        self.assertEqual(status, 0)
        groups = json.loads(out)["groups"]
        self.assertEqual([g["label"] for g in groups],
                         ["Statement 1 at line 4 (Sid AdminAll)", "Statement 2 at line 10 (Sid ReadReports)"])
        self.assertIn({"action": "s3:GetObject", "access_level": "Read"}, groups[1]["actions"])
        status, _, err = run("expand", "s3:GetObjekt")
        self.assertEqual(status, 1)
        self.assertIn("did you mean s3:GetObject", err)
        # The same limits as linting: no policy that large is expanded.
        status, _, err = run("expand", "--policy", "/dev/zero")
        self.assertEqual(status, 1)
        self.assertIn("/dev/zero:1:1: error: the file is larger than the 4 MiB limit", err)

    def test_version_and_help(self):
        status, out, _ = run("--version")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^iamlint \d+\.\d+\.\d+ \(AWS catalogue \d+\.\d+\.\d+ of \d{4}-\d\d-\d\d\)\n$")
        status, out, _ = run("--help")
        self.assertEqual(status, 0)
        for flag in ("--format", "--output", "--policy-type", "--fail-level", "--select", "--ignore",
                     "--no-color", "--jobs", "--stdin-filename", "--version", "--policy", "expand",
                     "--resource-type", "--skip-non-policy", "--baseline", "--scp-syntax", "guardrails",
                     "--controls", "--input-format", "--include-aws-managed", "audit", "--now", "--threshold"):
            self.assertIn(flag, out)


class Guardrails(unittest.TestCase):
    """iamlint guardrails: the example sets, each way of weakening one, team controls."""
    GOOD = "testdata/examples/guardrails/good"
    CASES = "testdata/guardrails"

    def weakened(self, case):
        """The good set with the files of `case` in place of their namesakes."""
        return [os.path.join(f"{self.CASES}/{case}", name) if os.path.exists(f"{self.CASES}/{case}/{name}")
                else os.path.join(self.GOOD, name) for name in sorted(os.listdir(self.GOOD))]

    def test_good_set_enforces_every_control(self):
        status, out, err = run("guardrails", "--format", "json", self.GOOD)
        self.assertEqual((status, err), (0, ""))
        report = json.loads(out)
        self.assertEqual(report["summary"], {"enforced": 8, "partial": 0, "missing": 0, "off": 0})
        self.assertTrue(all(control["enforced_by"] for control in report["controls"]))

    def test_each_weakening_names_the_gap_and_the_control(self):
        cases = sorted(name for name in os.listdir(self.CASES) if os.path.isdir(f"{self.CASES}/{name}")
                       and name not in ("invalid_controls", "formats"))
        self.assertEqual(len(cases), 5)
        for case in cases:
            with self.subTest(case=case):
                status, out, err = run("guardrails", *self.weakened(case))
                self.assertEqual((status, err), (1, ""))
                check_golden(self, f"{self.CASES}/{case}.expected", out)
                # The gap is located in the weakened file.
                self.assertRegex(out, rf"^{self.CASES}/{case}/[a-z_]+\.json:\d+:\d+: partial: ")

    def test_weak_example(self):
        status, out, _ = run("guardrails", "testdata/examples/guardrails/weak")
        self.assertEqual(status, 1)
        check_golden(self, f"{self.CASES}/weak_example.expected", out)

    def test_sarif_results_point_at_the_gaps(self):
        status, out, _ = run("guardrails", "--format", "sarif", *self.weakened("bool_instead_of_bool_if_exists"))
        self.assertEqual(status, 1)
        run_ = json.loads(out)["runs"][0]
        self.assertEqual(len(run_["tool"]["driver"]["rules"]), 8)
        [result] = run_["results"]
        self.assertEqual(result["ruleId"], "iam-changes-need-mfa")
        location = result["locations"][0]["physicalLocation"]
        self.assertEqual(location["artifactLocation"]["uri"],
                         f"{self.CASES}/bool_instead_of_bool_if_exists/protect_account.json")
        self.assertEqual(location["region"]["snippet"]["text"], '"Bool"')

    def test_templates_and_plans_join_the_set(self):
        """SCPs kept in a CloudFormation template (objects and JSON strings) and a Terraform plan, read
        as check reads them; the template's identity policies and tag policy stay out of the set."""
        for name, expected in (("organization.template.yaml", 0), ("weakened.tfplan.json", 1)):
            with self.subTest(file=name):
                status, out, err = run("guardrails", f"{self.CASES}/formats/{name}")
                self.assertEqual((status, err), (expected, ""))
                check_golden(self, f"{self.CASES}/formats/{name}.expected", out)
        status, out, _ = run("guardrails", "--format", "json", f"{self.CASES}/formats/organization.template.yaml")
        [by] = json.loads(out)["controls"][0]["enforced_by"]
        # The statement's '{' inside the folded JSON string of line 21.
        self.assertEqual((by["line"], by["column"], by["location"]),
                         (21, 49, "Resources.DenyRoot.Properties.Content"))

    def test_a_templates_other_policies_do_not_stop_it(self):
        """A broken trust policy beside the SCP is lint's finding, not guardrails' error."""
        with tempfile.TemporaryDirectory() as scratch:
            template = os.path.join(scratch, "org.yaml")
            with open(f"{self.CASES}/formats/organization.template.yaml") as good, open(template, "w") as out:
                out.write(good.read() + '  Broken:\n    Type: AWS::IAM::Role\n    Properties:\n'
                          '      AssumeRolePolicyDocument: "{not json"\n')
            status, out, err = run("guardrails", template)
            self.assertEqual((status, err), (0, ""))
            status, out, _ = run("--no-color", template)
            self.assertIn("org.yaml:", out)
            self.assertIn("[IAM001 json-syntax-error]", out)

    def test_sarif_gaps_inside_a_plans_json_string(self):
        status, out, _ = run("guardrails", "--format", "sarif", f"{self.CASES}/formats/weakened.tfplan.json")
        self.assertEqual(status, 1)
        [result] = json.loads(out)["runs"][0]["results"]
        self.assertEqual(result["ruleId"], "iam-changes-need-mfa")
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        self.assertEqual((region["startLine"], region["startColumn"], region["snippet"]["text"]),
                         (4, 1125, '\\"Bool\\"'))
        self.assertEqual(location["logicalLocations"][0]["fullyQualifiedName"],
                         "resource_changes[2].change.after.content")

    def test_a_file_without_scps_is_an_error(self):
        status, out, err = run("guardrails", "testdata/inputs/terraform-plan/vpc_endpoint_plan.json")
        self.assertEqual((status, out), (2, ""))
        self.assertIn("vpc_endpoint_plan.json:1:1: holds no SCP or RCP", err)

    def test_team_controls_add_and_switch_off(self):
        status, out, _ = run("guardrails", "--format", "json", "--controls", f"{self.CASES}/team_controls.json",
                             self.GOOD)
        self.assertEqual(status, 1)
        controls = {c["id"]: c for c in json.loads(out)["controls"]}
        self.assertEqual(controls["regions-locked"]["status"], "missing")
        self.assertEqual(controls["organization-membership-protected"]["status"], "off")
        self.assertIn("offboarding", controls["organization-membership-protected"]["disabled"])

    def test_bad_controls_files_and_inputs_are_usage_errors(self):
        directory = f"{self.CASES}/invalid_controls"
        for name in sorted(os.listdir(directory)):
            with self.subTest(controls=name):
                status, out, err = run("guardrails", "--controls", f"{directory}/{name}", self.GOOD)
                self.assertEqual((status, out), (2, ""))
                self.assertRegex(err, rf"^iamlint: error: {directory}/{name}:\d+:\d+: ")
        status, _, err = run("guardrails", f"{CLI}/invalid.json")
        self.assertEqual(status, 2)
        self.assertIn(f"{CLI}/invalid.json:4:24:", err)
        self.assertEqual(run("guardrails", "--format", "gitlab", self.GOOD)[0], 2)
        self.assertEqual(run("--controls", "x.json", self.GOOD)[0], 2)


class Audit(unittest.TestCase):
    """iamlint audit: the root-account checklist over exported account settings."""
    EXAMPLES = "testdata/examples/account"
    CASES = "testdata/audit"
    # The report's generation time, for the exports that carry none (the CSV credential report).
    NOW = "2026-12-01T06:00:00Z"

    def test_compliant_example_passes_every_control(self):
        status, out, err = run("audit", f"{self.EXAMPLES}/compliant")
        self.assertEqual((status, out), (0, ""), err)
        self.assertEqual(err, "No problems (13 files checked).\n")

    def test_neglected_example(self):
        status, out, err = run("audit", "--now", self.NOW, f"{self.EXAMPLES}/neglected")
        self.assertEqual(status, 1)
        check_golden(self, f"{self.CASES}/neglected_example.expected", f"{out}--- stderr\n{err}")

    def test_each_case_passes_or_fails_as_its_golden_says(self):
        cases = sorted(name for name in os.listdir(self.CASES) if os.path.isdir(f"{self.CASES}/{name}"))
        self.assertGreaterEqual(len(cases), 20)
        for case in cases:
            with self.subTest(case=case):
                now = ["--now", self.NOW] if "csv" in case else []
                status, out, err = run("audit", *now, f"{self.CASES}/{case}")
                check_golden(self, f"{self.CASES}/{case}.expected", f"exit {status}\n{out}--- stderr\n{err}")
                if case.endswith("-pass"):
                    self.assertEqual((status, out), (0, ""))

    def test_every_control_fails_in_some_case_and_passes_in_the_compliant_example(self):
        fired = set()
        for case in os.listdir(self.CASES):
            if os.path.isdir(f"{self.CASES}/{case}"):
                _, out, _ = run("audit", "--format", "json", "--now", self.NOW, f"{self.CASES}/{case}")
                fired |= {finding["rule_id"] for finding in json.loads(out)}
        self.assertEqual(fired, {f"IAM6{n:02}" for n in range(1, 20)})

    def test_missing_exports_are_not_checked_and_said_once(self):
        status, out, err = run("audit", f"{self.CASES}/password-policy-pass")
        self.assertEqual((status, out), (0, ""))
        lines = err.splitlines()
        reports = [line for line in lines if "get-credential-report` output)" in line]
        self.assertEqual(reports, ["iamlint: not checked (no `aws iam get-credential-report` output): "
                                   "IAM604 root-user-used-recently, IAM605 console-user-without-mfa, "
                                   "IAM606 access-key-not-rotated, IAM607 unused-credential, "
                                   "IAM608 two-active-access-keys"])
        self.assertEqual(len([line for line in lines if line.startswith("iamlint: not checked")]), 8)
        self.assertNotIn("IAM609", err)

    def test_time_comes_from_the_report_or_now_never_the_clock(self):
        # The CSV has no GeneratedTime: the time-dependent controls are not checked without --now.
        status, out, err = run("audit", f"{self.CASES}/credential-report-csv-fail")
        self.assertEqual(status, 1)
        self.assertNotIn("IAM604", out)
        self.assertIn("iamlint: not checked (no time to compare with: the credential report is the CSV, "
                      "without GeneratedTime; give --now): IAM604 root-user-used-recently, "
                      "IAM606 access-key-not-rotated, IAM607 unused-credential", err)
        # --now replaces GeneratedTime: half a year earlier, bob's first key was young enough.
        _, out, _ = run("audit", "--format", "json", "--now", "2025-03-01",
                        f"{self.CASES}/credential-report-json-fail")
        self.assertNotIn("IAM606", {finding["rule_id"] for finding in json.loads(out)})
        _, out, _ = run("audit", "--format", "json", f"{self.CASES}/credential-report-json-fail")
        self.assertIn("IAM606", {finding["rule_id"] for finding in json.loads(out)})

    def test_thresholds(self):
        _, out, _ = run("audit", "--format", "json", "--threshold", "access-key-max-age-days=1000",
                        "--threshold", "credential-unused-days=200,root-unused-days=2",
                        f"{self.CASES}/credential-report-json-fail")
        rules = [finding["rule_id"] for finding in json.loads(out)]
        self.assertNotIn("IAM606", rules)
        self.assertNotIn("IAM607", rules)
        self.assertEqual(rules.count("IAM604"), 0)
        status, out, err = run("audit", "--threshold", "password-max-age-days=0", f"{self.CASES}/password-policy-fail")
        self.assertNotIn("IAM611", out)
        self.assertIn("iamlint: note: IAM611 password-expiry-off: off: password-max-age-days is 0", err)
        for bad in ("password-min-length=short", "minimum-length=14", "password-min-length=-3"):
            with self.subTest(threshold=bad):
                status, out, err = run("audit", "--threshold", bad, f"{self.CASES}/password-policy-fail")
                self.assertEqual((status, out), (2, ""))
                self.assertIn("iamlint: error: --threshold", err)

    def test_select_and_ignore_controls(self):
        case = f"{self.CASES}/credential-report-json-fail"
        _, out, err = run("audit", "--format", "json", "--select", "IAM601,two-active-access-keys", case)
        self.assertEqual({finding["rule_id"] for finding in json.loads(out)}, {"IAM601", "IAM608"})
        self.assertNotIn("not checked", err)  # the controls left out are not reported as unchecked
        _, out, _ = run("audit", "--format", "json", "--ignore", "IAM60", case)
        self.assertEqual({finding["rule_id"] for finding in json.loads(out)}, set())
        status, out, err = run("audit", "--select", "IAM201", case)
        self.assertEqual((status, out), (2, ""))
        self.assertIn("'IAM201' names no audit control", err)

    def test_thresholds_and_fail_level_from_the_configuration(self):
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copytree(f"{self.CASES}/credential-report-json-fail", f"{scratch}/account")
            config = f"{scratch}/.iamlint.yaml"
            with open(config, "w") as out:
                out.write("fail-level: error\naudit-thresholds:\n  access-key-max-age-days: 1000\n")
            status, out, _ = run("audit", "--format", "json", f"{scratch}/account")
            rules = [finding["rule_id"] for finding in json.loads(out)]
            self.assertEqual(status, 1)  # the root user's errors
            self.assertNotIn("IAM606", rules)
            self.assertIn("IAM607", rules)
            # The command line wins over the configuration.
            _, out, _ = run("audit", "--format", "json", "--threshold", "access-key-max-age-days=90",
                            f"{scratch}/account")
            self.assertIn("IAM606", [finding["rule_id"] for finding in json.loads(out)])
            with open(config, "w") as out:
                out.write("audit-thresholds:\n  key-age: 10\n")
            status, out, err = run("audit", f"{scratch}/account")
            self.assertEqual((status, out), (2, ""))
            self.assertIn(".iamlint.yaml:2:3: unknown threshold 'key-age'", err)

    def test_findings_in_every_format_at_the_field(self):
        case = f"{self.CASES}/credential-report-csv-fail"
        status, out, _ = run("audit", "--format", "sarif", "--now", self.NOW, case)
        self.assertEqual(status, 1)
        run_ = json.loads(out)["runs"][0]
        rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
        self.assertEqual(rules["IAM601"]["name"], "root-user-without-mfa")
        self.assertIn("CIS AWS Foundations Benchmark v3.0.0 1.5", rules["IAM601"]["help"]["markdown"])
        self.assertEqual(rules["IAM601"]["properties"]["security-severity"], "9.0")
        notes = [n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
        self.assertIn("not checked (no `aws cloudtrail describe-trails` output): IAM612 no-multi-region-trail, "
                      "IAM613 trail-not-logging, IAM614 trail-misses-management-events, "
                      "IAM615 trail-log-validation-off", notes)
        self.assertTrue(run_["invocations"][0]["executionSuccessful"])
        [root_mfa] = [r for r in run_["results"] if r["ruleId"] == "IAM601"]
        region = root_mfa["locations"][0]["physicalLocation"]["region"]
        self.assertEqual((region["startLine"], region["startColumn"], region["snippet"]["text"]), (2, 141, "false"))
        status, out, _ = run("audit", "--format", "github", "--now", self.NOW, case)
        self.assertEqual(status, 1)
        self.assertIn("file=testdata/audit/credential-report-csv-fail/credential_report.csv,line=2,col=141", out)
        status, out, _ = run("audit", "--format", "gitlab", "--now", self.NOW, case)
        self.assertEqual(status, 1)
        self.assertEqual(len(json.loads(out)), 10)
        status, _, _ = run("audit", "--fail-level", "error", f"{self.CASES}/password-policy-fail")
        self.assertEqual(status, 0)

    def test_explain_takes_controls(self):
        status, out, _ = run("explain", "IAM603", "root-user-without-mfa")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("IAM603 root-access-key (error)\n\nSummary:         The root user has an "
                                       "active access key\n"), out)
        self.assertIn("Checks:          account settings (iamlint audit)\n", out)
        self.assertIn("\nIAM601 root-user-without-mfa (error)\n", out)
        self.assertIn("- CIS AWS Foundations Benchmark v3.0.0 1.4: Ensure no 'root' user account access key exists", out)

    def test_exports_are_no_policies_to_lint(self):
        status, out, err = run(f"{self.EXAMPLES}/neglected")
        self.assertEqual((status, out), (0, ""), err)
        status, out, err = run(f"{self.EXAMPLES}/neglected/credential_report.csv")
        self.assertEqual((status, out), (0, ""), err)

    def test_usage_errors(self):
        for args in (["audit"], ["audit", "--now", "yesterday", self.EXAMPLES], ["audit", "-"],
                     ["audit", "--format", "markdown", self.EXAMPLES], ["audit", "testdata/cli/tree"],
                     ["audit", f"{CLI}/invalid.json"], ["--now", "2026-01-01", self.EXAMPLES]):
            with self.subTest(args=args):
                status, out, err = run(*args)
                self.assertEqual((status, out), (2, ""))
                self.assertIn("iamlint: error:", err)


class Papercuts(unittest.TestCase):
    """Each a small surprise a user met once; none may come back."""

    def test_rule_lists_may_have_spaces_after_commas(self):
        status, out, err = run("--format", "json", "--select", "IAM201, IAM204", "testdata/examples")
        self.assertEqual(status, 1, err)
        self.assertEqual({f["rule_id"] for f in json.loads(out)}, {"IAM201", "IAM204"})
        self.assertEqual(out, run("--format", "json", "--select", "IAM201,IAM204", "testdata/examples")[1])

    def test_explain_takes_several_rules(self):
        status, out, _ = run("explain", "IAM201", "IAM202")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("IAM201 wildcard-action (warning)"))
        self.assertIn("\nIAM202 wildcard-service-action (warning)\n", out)
        status, out, err = run("explain", "IAM201", "IAM999")
        self.assertEqual((status, out), (2, ""))
        self.assertIn("unknown rule 'IAM999'", err)

    def test_rules_honours_select_and_ignore(self):
        status, out, _ = run("rules", "--select", "IAM2", "--ignore", "IAM201")
        self.assertEqual(status, 0)
        ids = [line.split()[0] for line in out.splitlines()]
        self.assertTrue(ids and all(i.startswith("IAM2") for i in ids), ids)
        self.assertNotIn("IAM201", ids)
        _, out, _ = run("rules", "--format", "json", "--select", "IAM5")
        self.assertTrue(all(rule["id"].startswith("IAM5") for rule in json.loads(out)))

    def test_bad_option_values_and_names_are_named(self):
        status, _, err = run("-j", "-1", "testdata/examples")
        self.assertEqual(status, 2)
        self.assertIn("--jobs must be a whole number from 1 to 1024; got '-1'", err)
        status, _, err = run("--formt", "json", "testdata/examples")
        self.assertEqual(status, 2)
        self.assertIn("unknown option '--formt'; did you mean '--format'?", err)
        status, _, err = run("-x", "testdata/examples")
        self.assertIn("unknown option '-x'", err)

    def test_rules_text_columns_line_up(self):
        _, out, _ = run("rules")
        lines = out.splitlines()
        # Id, name, every level the rule reports ("warning/note"), summary.
        columns = [re.match(r"(IAM\d{3}  \S+ +)(\S+ +)", line) for line in lines]
        self.assertEqual(len({m.end(1) for m in columns}), 1, "the level column moves with the name's length")
        self.assertEqual(len({m.end(2) for m in columns}), 1, "the summary column moves with the levels")
        self.assertRegex(out, r"IAM202  wildcard-service-action +warning/note ")

    def test_rules_json_lists_every_policy_type_where_markdown_says_all(self):
        _, out, _ = run("rules", "--format", "json", "--select", "IAM001")
        self.assertEqual(json.loads(out)[0]["policy_types"],
                         ["identity", "boundary", "resource", "trust", "scp", "rcp"])
        _, out, _ = run("rules", "--format", "markdown", "--select", "IAM001")
        self.assertIn("| IAM001 | `json-syntax-error` | error | all |", out)

    def test_selecting_no_rule_is_an_error(self):
        status, _, err = run("--select", "ALL", "--ignore", "ALL", "testdata/examples")
        self.assertEqual(status, 2)
        self.assertIn("no rule is enabled", err)

    def test_a_directory_without_policies_is_an_error_unless_allowed(self):
        with tempfile.TemporaryDirectory() as scratch:
            with open(os.path.join(scratch, "notes.txt"), "w") as out:
                out.write("not a policy")
            status, _, err = run(scratch)
            self.assertEqual(status, 2)
            self.assertIn(f"'{scratch}' holds no *.json file to lint (--allow-empty accepts that)", err)
            status, _, err = run("--allow-empty", scratch)
            self.assertEqual(status, 0, err)

    def test_upper_case_json_extension_is_linted(self):
        with tempfile.TemporaryDirectory() as scratch:
            with open(f"{CLI}/tree/nested/service_wildcard.json") as source:
                policy = source.read()
            with open(os.path.join(scratch, "POLICY.JSON"), "w") as out:
                out.write(policy)
            status, out, _ = run(scratch)
            self.assertEqual(status, 1)
            self.assertIn("POLICY.JSON:3:46: warning:", out)


class Configuration(unittest.TestCase):
    """.iamlint.yaml: discovery, precedence, errors with positions, its JSON Schema."""

    def make_repo(self, scratch, config_text, files=("a.json",)):
        os.mkdir(os.path.join(scratch, ".git"))
        with open("testdata/examples/admin.json") as source:
            policy = source.read()
        for name in files:
            os.makedirs(os.path.dirname(os.path.join(scratch, name)), exist_ok=True)
            with open(os.path.join(scratch, name), "w") as out:
                out.write(policy)
        if config_text is not None:
            with open(os.path.join(scratch, ".iamlint.yaml"), "w") as out:
                out.write(config_text)

    def test_errors_name_the_file_line_and_column(self):
        directory = "testdata/config/invalid"
        for name in sorted(os.listdir(directory)):
            path = f"{directory}/{name}"
            with self.subTest(config=name), open(path) as source:
                expected = source.readline().removeprefix("# error: ").rstrip("\n")
                status, out, err = run("--config", path, "testdata/examples")
                self.assertEqual((status, out), (2, ""))
                self.assertEqual(err, f"iamlint: error: {path}:{expected}\n")

    def test_schema_is_current_and_agrees_with_iamlint(self):
        import jsonschema
        import yaml
        _, out, _ = run("config", "--schema")
        with open("src/config/iamlint-config.schema.json") as source:
            self.assertEqual(out, source.read(), "run: build/iamlint config --schema > src/config/iamlint-config.schema.json")
        validator = jsonschema.Draft202012Validator(json.loads(out))
        for verdict in ("valid", "invalid"):
            directory = f"testdata/config/{verdict}"
            for name in sorted(os.listdir(directory)):
                path = f"{directory}/{name}"
                with self.subTest(config=path), open(path) as source:
                    text = source.read()
                    status, _, err = run("--config", path, "testdata/examples")
                    self.assertEqual(status == 2, verdict == "invalid", err)
                    if "# schema: accepts" in text:
                        continue  # rule names and repeated keys are beyond a JSON Schema
                    try:
                        document = yaml.load(text, Loader=yaml.BaseLoader)  # scalars as strings
                    except yaml.YAMLError:
                        self.assertEqual(verdict, "invalid")
                        continue
                    errors = list(validator.iter_errors(document if document is not None else {}))
                    self.assertEqual(bool(errors), verdict == "invalid", errors)

    def test_found_upward_but_not_past_the_repository_root(self):
        with tempfile.TemporaryDirectory() as outer:
            with open(os.path.join(outer, ".iamlint.yaml"), "w") as out:
                out.write("fail-level: none\n")  # outside the repository: never read
            repo = os.path.join(outer, "repo")
            os.mkdir(repo)
            self.make_repo(repo, None, files=("policies/deep/a.json",))
            self.assertEqual(run(".", cwd=repo)[0], 1)
            with open(os.path.join(repo, ".iamlint.yaml"), "w") as out:
                out.write("fail-level: error\n")
            self.assertEqual(run(".", cwd=repo)[0], 0)
            # The nearest one wins, and only it.
            with open(os.path.join(repo, "policies", ".iamlint.yaml"), "w") as out:
                out.write("ignore: [IAM2]\nfail-level: note\n")
            status, out, _ = run("--format", "json", ".", cwd=repo)
            self.assertEqual(status, 1)
            self.assertEqual({f["rule_id"] for f in json.loads(out)}, {"IAM153"})
            self.assertEqual(run("--no-config", "--select", "IAM153", ".", cwd=repo)[0], 0)
            self.assertEqual(run("--config", ".iamlint.yaml", "--select", "IAM153", ".", cwd=repo)[0], 0)

    def test_sibling_directories_each_find_their_nearest_configuration(self):
        # The search upward is remembered per directory: a sibling with its own configuration
        # still finds it, and the siblings around it still find their parent's.
        with tempfile.TemporaryDirectory() as repo:
            self.make_repo(repo, "select: [IAM153]\n", files=("a/p.json", "b/p.json", "c/p.json"))
            with open(os.path.join(repo, "b", ".iamlint.yaml"), "w") as out:
                out.write("ignore: [IAM153]\n")
            _, out, _ = run("--format", "json", ".", cwd=repo)
            rules = {}
            for finding in json.loads(out):
                rules.setdefault(finding["path"].split("/")[1], set()).add(finding["rule_id"])
            self.assertEqual(rules["a"], {"IAM153"})
            self.assertNotIn("IAM153", rules["b"])
            self.assertTrue(rules["b"])
            self.assertEqual(rules["c"], {"IAM153"})

    def test_command_line_overrides_configuration(self):
        with tempfile.TemporaryDirectory() as repo:
            self.make_repo(repo, "select: [IAM153]\nfail-level: note\nrules: {IAM153: error}\n")
            status, out, _ = run("--format", "json", "a.json", cwd=repo)
            self.assertEqual((status, [(f["rule_id"], f["level"]) for f in json.loads(out)]), (1, [("IAM153", "error")]))
            self.assertEqual(run("--fail-level", "none", "a.json", cwd=repo)[0], 0)
            _, out, _ = run("--format", "json", "--select", "IAM201", "a.json", cwd=repo)
            self.assertEqual([f["rule_id"] for f in json.loads(out)], ["IAM201"])

    def test_exclude_and_per_path_policy_types(self):
        with tempfile.TemporaryDirectory() as repo:
            self.make_repo(repo, 'exclude: ["vendor/**"]\noverrides:\n  - files: ["scp/*.json"]\n    policy-type: scp\n',
                           files=("a.json", "scp/guard.json", "vendor/x.json"))
            status, out, err = run("--format", "json", ".", cwd=repo)
            rules = {(f["path"], f["rule_id"]) for f in json.loads(out)}
            self.assertFalse(any(path.startswith("./vendor/") for path, _ in rules))
            # SCPs grant nothing: the rules that judge grants leave them alone.
            self.assertIn(("./a.json", "IAM201"), rules)
            self.assertNotIn(("./scp/guard.json", "IAM201"), rules)
            _, _, err = run(".", cwd=repo)
            self.assertIn("(2 files checked, 1 excluded by configuration)", err)

    def test_show_names_where_each_value_comes_from(self):
        with tempfile.TemporaryDirectory() as repo:
            self.make_repo(repo, 'ignore: [IAM203]\noverrides:\n  - files: ["scp/*.json"]\n    policy-type: scp\n',
                           files=("scp/guard.json",))
            status, out, _ = run("config", "--show", "--fail-level", "error", "scp/guard.json", cwd=repo)
            self.assertEqual(status, 0)
            lines = {line.split(":")[0]: line for line in out.splitlines()}
            self.assertIn("# Configuration: .iamlint.yaml", out)
            self.assertRegex(lines["ignore"], r'^ignore: \["IAM203"\] +# \.iamlint\.yaml:1:9$')
            self.assertRegex(lines["policy-type"], r"^policy-type: scp +# \.iamlint\.yaml:4:18$")
            self.assertRegex(lines["fail-level"], r"^fail-level: error +# --fail-level$")
            self.assertRegex(lines["scp-syntax"], r"^scp-syntax: 2025 +# default$")
            self.assertEqual(run("config", "scp/guard.json", cwd=repo)[0], 2)


SUPPRESSED_POLICY = """{"Version": "2012-10-17", "Statement": [
  {"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:PutLogEvents"], "Resource": "*"},
  {"Sid": "Data", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::example-data/*"},
  {"Sid": "Dispatch", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}
]}
"""
# Without suppressions: IAM203 on both Resource "*" (lines 2 and 4), IAM202 on "s3:*" (line 3).


class Suppressions(unittest.TestCase):
    """Accepted findings with reasons, from .iamlint.yaml."""

    def lint(self, suppressions, *args, target=".", fmt="json"):
        with tempfile.TemporaryDirectory() as repo:
            os.mkdir(os.path.join(repo, ".git"))
            os.mkdir(os.path.join(repo, "legacy"))
            with open(os.path.join(repo, "legacy", "p.json"), "w") as out:
                out.write(SUPPRESSED_POLICY)
            with open(os.path.join(repo, ".iamlint.yaml"), "w") as out:
                out.write("suppressions:\n" + suppressions)
            status, out, err = run("--format", fmt, *args, target, cwd=repo)
        found = [(f["rule_id"], f["line"]) for f in json.loads(out)] if fmt == "json" else out
        return status, found, err

    def test_each_scope(self):
        cases = {
            "rule alone": ("  - {rule: IAM203, reason: ok}\n", [("IAM202", 3)]),
            "rule by name": ("  - {rule: wildcard-resource, reason: ok}\n", [("IAM202", 3)]),
            "paths": ('  - {rule: IAM203, paths: ["legacy/*.json"], reason: ok}\n', [("IAM202", 3)]),
            "other paths": ('  - {rule: IAM203, paths: ["other/**"], reason: ok}\n',
                            [("IAM203", 2), ("IAM202", 3), ("IAM203", 4)]),
            "sid": ("  - {rule: IAM203, sids: [Logs], reason: ok}\n", [("IAM202", 3), ("IAM203", 4)]),
            "sid glob": ("  - {rule: IAM203, sids: ['Di*'], reason: ok}\n", [("IAM203", 2), ("IAM202", 3)]),
            # Every action of the statement must match for a finding on its Resource...
            "actions of the statement": ('  - {rule: IAM203, actions: ["logs:*"], reason: ok}\n',
                                         [("IAM202", 3), ("IAM203", 4)]),
            "actions not all matching": ('  - {rule: IAM203, actions: ["logs:Create*"], reason: ok}\n',
                                         [("IAM203", 2), ("IAM202", 3), ("IAM203", 4)]),
            # ...and the entry itself for a finding on an action.
            "action entry": ('  - {rule: IAM202, actions: ["S3:*"], reason: ok}\n',
                             [("IAM203", 2), ("IAM203", 4)]),
            "resources": ('  - {rule: IAM203, resources: ["*"], sids: [Dispatch], reason: ok}\n',
                          [("IAM203", 2), ("IAM202", 3)]),
            "resources not matching": ('  - {rule: IAM203, resources: ["arn:*"], reason: ok}\n',
                                       [("IAM203", 2), ("IAM202", 3), ("IAM203", 4)]),
        }
        for name, (suppressions, expected) in cases.items():
            with self.subTest(name):
                status, found, _ = self.lint(suppressions)
                self.assertEqual(found, expected)

    def test_suppressed_findings_leave_the_exit_status_and_count_in_the_summary(self):
        status, out, err = self.lint("  - {rule: IAM203, reason: accepted}\n  - {rule: IAM202, reason: accepted}\n",
                                     fmt="text")
        self.assertEqual((status, out), (0, ""))
        self.assertIn("No problems (1 file checked, 3 findings suppressed).", err)

    def test_sarif_marks_them_with_kind_and_justification(self):
        _, out, _ = self.lint("  - {rule: IAM203, sids: [Logs], reason: 'Logs need * (TICKET-12)'}\n", fmt="sarif")
        results = json.loads(out)["runs"][0]["results"]
        suppressed = [r for r in results if "suppressions" in r]
        self.assertEqual(len(results), 3)
        self.assertEqual(len(suppressed), 1)
        self.assertEqual(suppressed[0]["ruleId"], "IAM203")
        self.assertEqual(suppressed[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 2)
        self.assertEqual(suppressed[0]["suppressions"],
                         [{"kind": "external", "status": "accepted", "justification": "Logs need * (TICKET-12)"}])

    def test_unused_and_expired_are_reported(self):
        suppressions = ("  - {rule: IAM203, sids: [Logs], reason: used}\n"
                        "  - {rule: IAM201, reason: unused}\n"
                        "  - {rule: IAM202, reason: expired, expires: 2001-02-03}\n"
                        "  - {rule: IAM203, sids: [Dispatch], reason: not yet, expires: 2999-01-01}\n")
        status, found, err = self.lint(suppressions)
        self.assertEqual(status, 1)
        self.assertEqual(found, [("IAM202", 3)])  # expired: reported again
        self.assertIn(".iamlint.yaml:3:5: warning: the suppression of IAM201 matches no finding; remove it", err)
        self.assertIn(".iamlint.yaml:4:5: warning: the suppression of IAM202 expired on 2001-02-03", err)
        self.assertEqual(err.count("warning:"), 2, err)
        # A hook that passes some files cannot tell unused from elsewhere-used.
        _, _, err = self.lint(suppressions, target="legacy/p.json")
        self.assertNotIn("matches no finding", err)
        self.assertIn("expired on 2001-02-03", err)

    def test_each_policy_of_a_template_is_matched_on_its_own_statements(self):
        template = ("Resources:\n"
                    "  Writer:\n"
                    "    Type: AWS::IAM::ManagedPolicy\n"
                    "    Properties:\n"
                    "      PolicyDocument:\n"
                    "        Version: '2012-10-17'\n"
                    "        Statement:\n"
                    "          - {Sid: Logs, Effect: Allow, Action: 'logs:PutLogEvents', Resource: '*'}\n"
                    "  Sender:\n"
                    "    Type: AWS::IAM::ManagedPolicy\n"
                    "    Properties:\n"
                    "      PolicyDocument:\n"
                    "        Version: '2012-10-17'\n"
                    "        Statement:\n"
                    "          - {Sid: Dispatch, Effect: Allow, Action: 'sqs:SendMessage', Resource: '*'}\n")
        with tempfile.TemporaryDirectory() as repo:
            os.mkdir(os.path.join(repo, ".git"))
            with open(os.path.join(repo, "stack.yaml"), "w") as out:
                out.write(template)
            with open(os.path.join(repo, ".iamlint.yaml"), "w") as out:
                out.write("suppressions:\n  - {rule: IAM203, sids: [Dispatch], reason: queue ARN unknown}\n")
            status, out, _ = run("--format", "sarif", ".", cwd=repo)
        results = json.loads(out)["runs"][0]["results"]
        self.assertEqual(status, 1)
        placed = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                   r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "suppressions" in r)
                  for r in results]
        self.assertEqual(placed, [
            ("IAM203", 8, 79, "Resources.Writer.Properties.PolicyDocument.Statement[0].Resource", False),
            ("IAM203", 15, 81, "Resources.Sender.Properties.PolicyDocument.Statement[0].Resource", True)])


class SuppressionComments(unittest.TestCase):
    """`# iamlint-ignore RULES: reason` comments in YAML inputs."""

    FIXTURE = "testdata/inputs/cloudformation/suppression_comments.yaml"
    # A template whose one policy's statements follow (from line 8).
    WRITER_TEMPLATE = ("Resources:\n"
                       "  Writer:\n"
                       "    Type: AWS::IAM::ManagedPolicy\n"
                       "    Properties:\n"
                       "      PolicyDocument:\n"
                       "        Version: '2012-10-17'\n"
                       "        Statement:\n")

    @staticmethod
    def lint_template(template, *args):
        with tempfile.TemporaryDirectory() as scratch:
            path = os.path.join(scratch, "stack.yaml")
            with open(path, "w") as out:
                out.write(template)
            return run("--no-config", *args, "stack.yaml", cwd=scratch)

    def test_sarif_marks_them_in_source_with_the_reason(self):
        status, out, err = run("--format", "sarif", self.FIXTURE)
        self.assertEqual(status, 1, err)
        self.assertEqual(err, "")
        run_ = json.loads(out)["runs"][0]
        self.assertNotIn("toolExecutionNotifications", run_["invocations"][0])
        results = [{"ruleId": r["ruleId"],
                    "line": r["locations"][0]["physicalLocation"]["region"]["startLine"],
                    "suppressions": r.get("suppressions")} for r in run_["results"]]
        check_golden(self, f"{CLI}/suppression_comments.sarif-results.json", json.dumps(results, indent=2) + "\n")
        self.assertEqual({s["kind"] for r in results if r["suppressions"] for s in r["suppressions"]},
                         {"inSource"})

    def test_suppressed_findings_leave_the_exit_status_and_count_in_the_summary(self):
        template = (self.WRITER_TEMPLATE +
                    "          - Effect: Allow\n"
                    "            Action: 's3:*'  # iamlint-ignore wildcard-service-action: audited\n"
                    "            Resource: arn:aws:s3:::b/*\n")
        status, out, err = self.lint_template(template)
        self.assertEqual((status, out), (0, ""), err)
        self.assertIn("No problems (1 file checked, 1 finding suppressed).", err)

    def test_malformed_and_unused_comments_are_reported_with_their_position(self):
        template = (self.WRITER_TEMPLATE +
                    "          - Effect: Allow  # iamlint-ignore IAM201: not what this statement does\n"
                    "            Action: 's3:*'  # iamlint-ignore IAM202\n"
                    "            Resource: '*'  # iamlint-ignore IAM999: no such rule\n"
                    "          - Effect: Allow\n"
                    "            Action: sqs:SendMessage  # iamlint-ignore: which rule?\n"
                    "            Resource: '*'\n")
        status, out, err = self.lint_template(template, "--format", "json")
        self.assertEqual(status, 1, err)
        # A malformed comment suppresses nothing; what it meant to accept decides the exit status.
        self.assertEqual([(f["rule_id"], f["line"]) for f in json.loads(out)], [("IAM202", 9), ("IAM203", 13)])
        self.assertEqual(err.splitlines(), [
            "stack.yaml:8:28: warning: the suppression of IAM201 matches no finding; remove it",
            "stack.yaml:9:29: error: the suppression of IAM202 needs a reason after ':', which reviewers read "
            "(and SARIF shows), as in '# iamlint-ignore IAM203: why it is accepted'; it suppresses nothing "
            "until it has one",
            "stack.yaml:10:28: error: iamlint-ignore names 'IAM999', which is no rule of iamlint; name rules by "
            "id or name, as in '# iamlint-ignore IAM203: why it is accepted'",
            "stack.yaml:12:38: error: iamlint-ignore names no rule; say which findings it accepts and why, as in "
            "'# iamlint-ignore IAM203: why it is accepted'",
        ])
        # Errors are shown under --quiet; they are notifications with a location in SARIF.
        _, _, err = self.lint_template(template, "--quiet")
        self.assertEqual(len(err.splitlines()), 3)
        self.assertNotIn("warning", err)
        _, out, _ = self.lint_template(template, "--format", "sarif")
        invocation = json.loads(out)["runs"][0]["invocations"][0]
        self.assertTrue(invocation["executionSuccessful"])
        self.assertEqual([(n["level"], n["locations"][0]["physicalLocation"]["region"]["startLine"])
                          for n in invocation["toolExecutionNotifications"]],
                         [("warning", 8), ("error", 9), ("error", 10), ("error", 12)])

    def test_unused_only_for_rules_that_ran(self):
        template = ("Resources:\n"
                    "  # iamlint-ignore IAM203: accepted\n"
                    "  Writer:\n"
                    "    Type: AWS::IAM::ManagedPolicy\n"
                    "    Properties:\n"
                    "      PolicyDocument:\n"
                    "        Version: '2012-10-17'\n"
                    "        Statement:\n"
                    "          - {Effect: Allow, Action: 'sqs:SendMessage', Resource: '*'}\n")
        self.assertEqual(self.lint_template(template)[0], 0)
        status, _, err = self.lint_template(template, "--select", "IAM202")
        self.assertEqual(status, 0)
        self.assertNotIn("matches no finding", err)
        status, _, err = self.lint_template(template.replace("'*'", "arn:aws:sqs:us-east-1:111122223333:q"))
        self.assertEqual(status, 0)
        self.assertIn("stack.yaml:2:3: warning: the suppression of IAM203 matches no finding; remove it", err)


def fixture_args(path):
    """The options a rule fixture is linted with, from its name (see tests/rules/fixtures.cc)."""
    word = os.path.basename(path).split(".")[-2]
    if word in ("identity", "boundary", "resource", "trust", "scp", "rcp"):
        return ["--policy-type", word]
    if word == "scp-legacy":
        return ["--policy-type", "scp", "--scp-syntax", "legacy"]
    if word.startswith("AWS-"):
        return ["--resource-type", word.replace("-", "::")]
    return []


class Fixes(unittest.TestCase):
    """Every fix round-trips: --fix removes what it fixes and causes nothing new; --diff shows it."""

    @staticmethod
    def findings(path, args, fix_args):
        _, out, _ = run("--format", "json", *fix_args, *args, path)
        return json.loads(out)

    @staticmethod
    def findings_by_fixture(fixtures, fix_args):
        """Each fixture's findings, from one run per set of options rather than one per fixture: a
        sanitized build takes a tenth of a second to start, and most fixtures have no fix."""
        groups = {}
        for fixture in fixtures:
            groups.setdefault(tuple(fixture_args(fixture)), []).append(fixture)
        by_fixture = {fixture: [] for fixture in fixtures}
        for args, members in groups.items():
            _, out, _ = run("--format", "json", *fix_args, *args, *members)
            for finding in json.loads(out):
                by_fixture[finding["path"]].append(finding)
        return by_fixture

    def test_every_fix_is_final_and_matches_its_diff(self):
        # A rule with a security score judges what a policy grants: an unsafe fix makes a grant
        # work that did not (a misspelt action), and such a rule may then say what it grants.
        _, out, _ = run("rules", "--format", "json")
        judges_grants = {rule["id"] for rule in json.loads(out) if rule["security_severity"]}
        fixtures = sorted(os.path.join(root, name) for root, _, names in os.walk("testdata/rules")
                          for name in names if name.endswith(".json"))
        before_by_fix_args = {fix_args: self.findings_by_fixture(fixtures, list(fix_args))
                              for fix_args in ((), ("--unsafe-fixes",))}
        checked = set()
        for fixture, fix_args in itertools.product(fixtures, ([], ["--unsafe-fixes"])):
            args = fixture_args(fixture)
            before = before_by_fix_args[tuple(fix_args)][fixture]
            fixed = [f for f in before if f["fix"]]
            if not fixed:
                continue
            checked.add((fixture, bool(fix_args)))
            with self.subTest(fixture=fixture, fix_args=fix_args), tempfile.TemporaryDirectory() as scratch:
                target = os.path.join(scratch, "p.json")
                patched = os.path.join(scratch, "patched.json")
                for copy in (target, patched):
                    shutil.copyfile(fixture, copy)
                status, diff, err = run("--diff", *fix_args, *args, target)
                self.assertEqual(status, 1, err)
                subprocess.run(["patch", "--quiet", patched], input=diff, text=True, check=True, cwd=scratch)
                run("--fix", *fix_args, *args, target)
                with open(target, "rb") as a, open(patched, "rb") as b:
                    self.assertEqual(a.read(), b.read(), "--fix and --diff disagree")
                after = self.findings(target, args, fix_args)
                # Counted per rule: a message may name a neighbour that the fix removed.
                count = lambda findings, rule: sum(f["rule_id"] == rule for f in findings)
                for finding in after:
                    self.assertIsNone(finding["fix"], f"a fixable finding is left: {finding['message']}")
                    if fix_args and finding["rule_id"] in judges_grants:
                        continue
                    self.assertLessEqual(count(after, finding["rule_id"]), count(before, finding["rule_id"]),
                                         f"a fix caused a new finding: {finding['message']}")
                for rule in {f["rule_id"] for f in fixed}:
                    self.assertEqual(count(after, rule), count(before, rule) - count(fixed, rule),
                                     f"{rule}: not every fix removed its finding")
        self.assertGreater(len([c for c in checked if not c[1]]), 5)
        self.assertGreater(len([c for c in checked if c[1]]), 5)

    def test_unsafe_fixes_only_when_asked(self):
        with tempfile.TemporaryDirectory() as scratch:
            target = os.path.join(scratch, "p.json")
            policy = ('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",\n'
                      '  "Resource": "arn:aws:s3:us-east-1:111122223333:b/*"}]}\n')
            with open(target, "w") as out:
                out.write(policy)
            _, out, _ = run("--format", "json", "--select", "IAM154", target)
            self.assertIsNone(json.loads(out)[0]["fix"])
            self.assertEqual(run("--diff", target)[0], 0)
            status, out, _ = run("--fix", target)
            with open(target) as source:
                self.assertEqual(source.read(), policy)
            # The fix is final: region and account go in one step.
            status, diff, _ = run("--diff", "--unsafe-fixes", target)
            self.assertEqual(status, 1)
            self.assertIn('+  "Resource": "arn:aws:s3:::b/*"}]}', diff)
            self.assertEqual(run("--fix", "--unsafe-fixes", "--select", "IAM154", target)[0], 0)

    def test_mfa_operator_fix_is_unsafe_and_changes_only_the_operator(self):
        policy = ('{"Version": "2012-10-17", "Statement": [{"Sid": "DenyWithoutMFA", "Effect": "Deny",\n'
                  '  "NotAction": ["iam:ChangePassword", "sts:GetSessionToken"], "Resource": "*",\n'
                  '  "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}},\n'
                  ' {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}\n')
        with tempfile.TemporaryDirectory() as scratch:
            target = os.path.join(scratch, "p.json")
            with open(target, "w") as out:
                out.write(policy)
            before = {(f["rule_id"], f["line"], f["message"]) for f in self.findings(target, [], [])}
            self.assertIn("IAM361", {rule for rule, _, _ in before})
            run("--fix", target)  # not without --unsafe-fixes
            with open(target) as source:
                self.assertEqual(source.read(), policy)
            run("--fix", "--unsafe-fixes", target)
            with open(target) as source:
                self.assertEqual(source.read(), policy.replace('{"Bool":', '{"BoolIfExists":'))
            after = {(f["rule_id"], f["line"], f["message"]) for f in self.findings(target, [], [])}
            self.assertEqual(after, {f for f in before if f[0] != "IAM361"})

    def test_fix_keeps_every_other_byte_and_the_file_mode(self):
        with tempfile.TemporaryDirectory() as scratch:
            target = os.path.join(scratch, "p.json")
            policy = ('{\r\n  "Version": "2012-10-17",\r\n'
                      '  "Statement": [{"Effect": "Allow", "Action": ["s3:*",  "s3:GetObject"], "Resource": "*"}]\r\n}')
            with open(target, "w", newline="") as out:
                out.write(policy)
            os.chmod(target, 0o640)
            status, _, err = run("--fix", "--select", "IAM153", target)
            self.assertEqual(status, 0, err)
            self.assertIn("1 finding fixed.", err)
            with open(target, newline="") as source:
                self.assertEqual(source.read(), policy.replace('"s3:*",  "s3:GetObject"', '"s3:*"'))
            self.assertEqual(os.stat(target).st_mode & 0o777, 0o640)
            self.assertEqual(os.listdir(scratch), ["p.json"])  # no temporary file left
            self.assertEqual(run("--fix", "-", stdin=policy)[0], 1)  # standard input is only linted

    def test_diff_of_a_clean_file_is_empty(self):
        status, out, err = run("--diff", f"{CLI}/tree/clean.json")
        self.assertEqual((status, out), (0, ""), err)
        self.assertIn("0 findings would be fixed by --fix.", err)

    def test_fix_and_diff_exclude_each_other(self):
        status, _, err = run("--fix", "--diff", f"{CLI}/tree/clean.json")
        self.assertEqual(status, 2)
        self.assertIn("--fix and --diff exclude each other", err)

    def test_a_file_with_a_syntax_error_is_left_alone(self):
        with tempfile.TemporaryDirectory() as scratch:
            target = os.path.join(scratch, "p.json")
            policy = '{"Statement": [{"Effect": "Allow", "Action": ["s3:*", "s3:GetObject"], "Resource": "*"}]'
            with open(target, "w") as out:
                out.write(policy)
            status, _, _ = run("--fix", target)
            self.assertEqual(status, 1)
            with open(target) as source:
                self.assertEqual(source.read(), policy)

    def test_sarif_fixes_replace_exact_regions(self):
        policy = ('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",\n'
                  '  "Action": ["s3:*", "s3:GetObject"], "Resource": "*"}]}\n')
        _, out, _ = run("--format", "sarif", "--select", "IAM153", "-", stdin=policy)
        result = json.loads(out)["runs"][0]["results"][0]
        self.assertEqual(result["fixes"], [{
            "description": {"text": 'Remove "s3:GetObject"'},
            "artifactChanges": [{
                "artifactLocation": {"uri": "%3Cstdin%3E", "uriBaseId": "%SRCROOT%"},
                "replacements": [{"deletedRegion": {"startLine": 2, "startColumn": 20,
                                                    "endLine": 2, "endColumn": 36}}],
            }],
        }])


class Colour(unittest.TestCase):
    def run_on_terminal(self, *args, env=None):
        """Runs iamlint with stdout and stderr on a pseudo-terminal; returns what it wrote."""
        controller, terminal = pty.openpty()
        full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        full_env.update(env or {})
        process = subprocess.Popen([IAMLINT, *args], stdout=terminal, stderr=terminal, env=full_env)
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
        os.close(controller)
        return b"".join(chunks)

    def test_colour_on_a_terminal_only_without_no_color(self):
        path = f"{CLI}/tree/nested/service_wildcard.json"
        self.assertIn(b"\x1b[", self.run_on_terminal(path))
        self.assertNotIn(b"\x1b[", self.run_on_terminal(path, env={"NO_COLOR": "1"}))
        self.assertNotIn(b"\x1b[", self.run_on_terminal("--no-color", path))
        self.assertNotIn("\x1b[", run(path)[1])


if __name__ == "__main__":
    unittest.main(verbosity=1)
