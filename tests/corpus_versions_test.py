#!/usr/bin/env python3
"""`iamlint check no-new-access` over every pair of consecutive versions of every AWS managed
policy: it must run without an error on each (exit 0 or 1), and it prints how many version bumps
add access, the sanity figure README.md reports.

The pairs are compared in rounds: round k links version k of every policy that has a version k+1
under base/ and version k+1 under changed/, so that one run of iamlint per round compares them all
by relative path.

Usage: corpus_versions_test.py [IAMLINT]   (run from the source root)
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def version_number(name):
    match = re.fullmatch(r"v(\d+)\.json", name)
    return int(match.group(1)) if match else None


def main() -> int:
    iamlint = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IAMLINT", "build/iamlint"))
    folder = os.path.abspath(corpus.all_versions())
    versions = {}
    for policy in sorted(os.listdir(folder)):
        if policy.startswith("."):
            continue
        numbers = sorted(n for n in map(version_number, os.listdir(os.path.join(folder, policy))) if n)
        if len(numbers) > 1:
            versions[policy] = numbers
    pairs = adding = undecided_only = 0
    failures = []
    rounds = max(len(numbers) for numbers in versions.values()) - 1
    for round_index in range(rounds):
        with tempfile.TemporaryDirectory() as scratch:
            for side in ("base", "changed"):
                os.mkdir(os.path.join(scratch, side))
            for policy, numbers in versions.items():
                if round_index + 1 >= len(numbers):
                    continue
                older, newer = numbers[round_index], numbers[round_index + 1]
                os.symlink(os.path.join(folder, policy, f"v{older}.json"),
                           os.path.join(scratch, "base", f"{policy}.json"))
                os.symlink(os.path.join(folder, policy, f"v{newer}.json"),
                           os.path.join(scratch, "changed", f"{policy}.json"))
                pairs += 1
            done = subprocess.run([iamlint, "check", "no-new-access", "--format", "json",
                                   "--policy-type", "identity", "--base", "base", "changed"],
                                  cwd=scratch, capture_output=True, text=True, timeout=600)
            if done.returncode not in (0, 1):
                failures.append(f"round {round_index + 1}: exit {done.returncode}: {done.stderr[:2000]}")
                continue
            by_file = collections.defaultdict(list)
            for finding in json.loads(done.stdout):
                by_file[finding["path"]].append(finding)
            for findings in by_file.values():
                adding += 1
                if all(finding["level"] == "warning" for finding in findings):
                    undecided_only += 1
    print(f"{pairs} version bumps of {len(versions)} managed policies compared")
    print(f"{adding} add access ({undecided_only} of them only where the comparison cannot decide)")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures or pairs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
