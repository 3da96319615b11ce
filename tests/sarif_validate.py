#!/usr/bin/env python3
"""Validates iamlint's SARIF for everything in testdata/ in two ways:

The lint report, the `iamlint guardrails` report of the weak example set and the `iamlint audit`
report of the neglected example account are each checked:

1. against the SARIF 2.1.0 JSON schema that the Multitool package ships, with Python's
   jsonschema (the Multitool itself silently skips schema checks on some malformed logs, such as
   an unknown `level`);
2. with Microsoft's SARIF Multitool, using GitHub code scanning's ingestion rules as well as the
   SARIF specification's. The Multitool always exits 0, so its own log is read instead.

tools/setup installs both. Run by `meson test` from the source root, with IAMLINT naming the binary.
"""
import json
import os
import subprocess
import sys
import tempfile

IAMLINT = os.environ.get("IAMLINT", "build/iamlint")
PACKAGE = ".cache/test-deps/node_modules/@microsoft/sarif-multitool-linux"
MULTITOOL = f"{PACKAGE}/Sarif.Multitool"
SCHEMA = f"{PACKAGE}/sarif-2.1.0.json"


def schema_problems(report):
    """Every place where the report breaks the SARIF schema, as readable lines."""
    import jsonschema

    schema = json.load(open(SCHEMA, encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema)
    document = json.load(open(report, encoding="utf-8"))
    return [f"schema: /{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(document)]


def validate(report, verdict):
    """The schema's and the Multitool's problems with one report, as readable lines."""
    subprocess.run([MULTITOOL, "validate", report, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning",
                    "--output", verdict, "--log", "ForceOverwrite"], capture_output=True, text=True, check=True)
    problems = schema_problems(report)
    for problem in json.load(open(verdict))["runs"][0].get("results") or []:
        message = problem["message"].get("text") or problem["message"].get("arguments")
        problems.append(f"multitool: {problem.get('level', 'warning')} {problem.get('ruleId')}: {message}")
    return problems


# Each check of `iamlint check` over its fixtures, so that every reason it gives is validated;
# then `iamlint guardrails` over SCPs a Terraform plan keeps as JSON strings (logical locations,
# regions inside a string).
CHECKS = [
    ["check", "no-new-access", "--base", "testdata/checks/no-new-access/fail_removed_deny/base.json",
     "testdata/checks/no-new-access/fail_removed_deny/changed.json"],
    ["check", "no-new-access", "--base", "testdata/checks/no-new-access/fail_template_new_resource/base.yaml",
     "testdata/checks/no-new-access/fail_template_new_resource/changed.yaml"],
    ["check", "no-new-access", "--base", "testdata/checks/no-new-access/fail_terraform_plan_widened/base.json",
     "testdata/checks/no-new-access/fail_terraform_plan_widened/changed.json"],
    ["check", "access-not-granted", "--action", "iam:PassRole", "testdata/checks/access-not-granted"],
    ["check", "no-public-access", "testdata/checks/no-public-access"],
    ["guardrails", "testdata/guardrails/formats/weakened.tfplan.json"],
]


def main() -> int:
    if not os.access(MULTITOOL, os.X_OK):
        print(f"FAIL: {MULTITOOL} is missing; run tools/setup")
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        report = os.path.join(scratch, "iamlint.sarif")
        guardrails = os.path.join(scratch, "guardrails.sarif")
        verdict = os.path.join(scratch, "validation.sarif")
        # With suppressions and every fix, so that suppressed results and fixes are validated too.
        lint = subprocess.run([IAMLINT, "--format", "sarif", "--unsafe-fixes", "--output", report,
                               "--config", "testdata/config/valid/sarif_suppressions.yaml", "testdata"],
                              capture_output=True, text=True)
        if lint.returncode not in (0, 1):
            print(f"FAIL: iamlint exited {lint.returncode}: {lint.stderr}")
            return 1
        results = json.load(open(report))["runs"][0]["results"]
        if not results or not any("suppressions" in result for result in results):
            print("FAIL: the report has no (suppressed) results, so the check would prove nothing")
            return 1
        if not any("fixes" in result for result in results):
            print("FAIL: the report has no fixes, so the check would prove nothing")
            return 1
        # The weak example set has partial and missing controls, with a control switched off.
        check = subprocess.run([IAMLINT, "guardrails", "--format", "sarif", "--output", guardrails,
                                "--controls", "testdata/guardrails/team_controls.json",
                                "testdata/examples/guardrails/weak"], capture_output=True, text=True)
        gaps = json.load(open(guardrails))["runs"][0]["results"] if check.returncode == 1 else []
        if not {"warning", "error"} <= {result["level"] for result in gaps}:
            print(f"FAIL: iamlint guardrails exited {check.returncode} without partial and missing "
                  f"controls: {check.stderr}")
            return 1
        # The neglected example account fails controls of every level, in JSON, CSV and text exports.
        audit = os.path.join(scratch, "audit.sarif")
        check = subprocess.run([IAMLINT, "audit", "--format", "sarif", "--output", audit, "--now",
                                "2026-12-01T06:00:00Z", "testdata/examples/account/neglected",
                                "testdata/audit/virtual-mfa-fail", "testdata/audit/credential-report-json-fail"],
                               capture_output=True, text=True)
        findings = json.load(open(audit))["runs"][0]["results"] if check.returncode == 1 else []
        if {result["level"] for result in findings} != {"error", "warning", "note"}:
            print(f"FAIL: iamlint audit exited {check.returncode} without findings of every level: {check.stderr}")
            return 1
        problems = validate(report, verdict) + validate(guardrails, verdict) + validate(audit, verdict)
        checked_results = 0
        for check in CHECKS:
            checked = subprocess.run([IAMLINT, *check, "--format", "sarif", "--output", guardrails],
                                     capture_output=True, text=True)
            found = json.load(open(guardrails))["runs"][0]["results"] if checked.returncode == 1 else []
            if not found:
                print(f"FAIL: iamlint {' '.join(check[:2])} exited {checked.returncode} without "
                      f"results, so the check would prove nothing: {checked.stderr}")
                return 1
            problems += [f"{check[1]}: {problem}" for problem in validate(guardrails, verdict)]
            checked_results += len(found)
        for problem in problems:
            print(problem)
        print(f"validated {len(results)} lint, {len(gaps)} guardrail, {len(findings)} audit and "
              f"{checked_results} check results: {len(problems)} problems")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
