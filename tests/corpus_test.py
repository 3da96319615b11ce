#!/usr/bin/env python3
"""AWS accepted every AWS managed policy, so an error-level finding on the latest version of any
of them is a false positive of ours. This lints all 1,594 and fails on any error, listing them;
it also prints how often each rule fired, to watch the noise of the others.

Usage: corpus_test.py [IAMLINT]   (default: $IAMLINT or build/iamlint; run from the source root)
"""
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def main() -> int:
    iamlint = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IAMLINT", "build/iamlint")
    folder = corpus.latest_versions()
    done = subprocess.run([iamlint, "--format", "json", "--fail-level", "none", "--policy-type", "identity", folder],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"FAIL: iamlint exited {done.returncode}: {done.stderr}")
        return 1
    findings = json.loads(done.stdout)
    files = sum(1 for name in os.listdir(folder) if name.endswith(".json"))
    by_rule = collections.Counter((f["rule_id"], f["rule_name"], f["level"]) for f in findings)
    for (rule_id, name, level), count in sorted(by_rule.items()):
        print(f"{rule_id} {name} ({level}): {count}")
    # Actions the catalogue snapshot lacks (newer than it, or retired since): one line per action.
    gaps = {}
    for f in findings:
        if f["rule_name"] == "action-not-in-catalogue":
            action = f["message"].split('"')[1]
            gaps.setdefault(action.lower(), (action, os.path.splitext(os.path.basename(f["path"]))[0]))
    if gaps:
        print(f"catalogue gaps ({len(gaps)}):")
        for action, policy in sorted(gaps.values(), key=lambda gap: gap[0].lower()):
            print(f"  {action} in {policy}")
    errors = [f for f in findings if f["level"] == "error"]
    for f in errors:
        print(f"ERROR {f['path']}:{f['line']}:{f['column']}: {f['message']} [{f['rule_id']}]")
    print(f"{files} managed policies, {len(findings)} findings, {len(errors)} errors")
    return 1 if errors or files < 1500 else 0


if __name__ == "__main__":
    sys.exit(main())
