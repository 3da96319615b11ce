#!/usr/bin/env python3
"""The report is the same bytes whatever the thread count: SARIF and text output of the whole
managed-policy corpus (the latest versions, and every version) with --jobs 1, 2 and 8 must be
byte-identical. Files are linted in parallel, so this catches findings written in the order the
threads finish, counters or rule lists merged in that order, and state shared between threads.

Usage: determinism_test.py [IAMLINT]   (default: $IAMLINT or build/iamlint; run from the source root)
"""
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

JOBS = ("1", "2", "8")
FORMATS = ("sarif", "text")


def main() -> int:
    iamlint = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IAMLINT", "build/iamlint")
    failures = 0
    for folder in (corpus.latest_versions(), corpus.all_versions()):
        for output_format in FORMATS:
            outputs = {}
            for jobs in JOBS:
                done = subprocess.run([iamlint, "--format", output_format, "--fail-level", "none",
                                       "--jobs", jobs, folder], capture_output=True)
                if done.returncode != 0:
                    print(f"FAIL --jobs {jobs} --format {output_format} {folder}: exit "
                          f"{done.returncode}\n{done.stderr.decode(errors='replace')[-2000:]}")
                    return 1
                outputs[jobs] = done.stdout + b"\0" + done.stderr
            if output_format == "sarif":
                results = len(json.loads(outputs[JOBS[0]].split(b"\0")[0])["runs"][0]["results"])
            else:
                results = outputs[JOBS[0]].count(b"\n")
            digests = {jobs: hashlib.sha256(out).hexdigest()[:16] for jobs, out in outputs.items()}
            same = len(set(outputs.values())) == 1
            print(f"{'ok  ' if same else 'FAIL'} {folder} --format {output_format}: "
                  f"{len(outputs[JOBS[0]])} bytes, {results} {'results' if output_format == 'sarif' else 'lines'}, "
                  + ", ".join(f"--jobs {jobs} {digest}" for jobs, digest in digests.items()))
            # A report without findings would prove nothing about their order.
            if not same or results < 1000:
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
