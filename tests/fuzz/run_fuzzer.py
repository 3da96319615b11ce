#!/usr/bin/env python3
"""Runs one libFuzzer target for a bounded time, on a seed corpus taken from testdata/.

Usage: run_fuzzer.py FUZZER SECONDS [CORPUS_DIR]

FUZZER is a built target (parse_fuzzer, lint_fuzzer, config_fuzzer, or lint_fuzzer for one input
format: cloudformation_fuzzer, terraform_plan_fuzzer, authorization_details_fuzzer, aws_cli_fuzzer).
The seeds are the testdata/ files of its input format (testdata/inputs/<format>/ for the last
four), plus testdata/fuzz/<name>/: the inputs that once crashed
it, kept as regression fixtures (libFuzzer runs every seed before it mutates anything, so an old
crash fails the run at once). New inputs go to CORPUS_DIR (tools/fuzz keeps one under .cache/fuzz/
across runs), or to a temporary directory. A crash, a leak, an input that runs over 10 s or
takes over 2 GB fails the run; the input is written to .cache/fuzz/crashes/.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_SUFFIXES = {
    "config_fuzzer": (".yaml", ".yml"),
    "lint_fuzzer": (".json", ".yaml", ".yml", ".template"),
}


# The format fuzzers' seeds: that format's input fixtures, without their goldens.
FORMAT_SEEDS = {
    "cloudformation_fuzzer": "cloudformation",
    "terraform_plan_fuzzer": "terraform-plan",
    "authorization_details_fuzzer": "authorization-details",
    "aws_cli_fuzzer": "aws-cli",
}


def seed_files(name):
    suffixes = SEED_SUFFIXES.get(name, (".json",))
    top = os.path.join(ROOT, "testdata")
    if name in FORMAT_SEEDS:
        top = os.path.join(top, "inputs", FORMAT_SEEDS[name])
        suffixes = (".json", ".yaml", ".yml", ".template")
    for folder, _, files in os.walk(top):
        for file in sorted(files):
            if file.endswith(suffixes):
                yield os.path.join(folder, file)
    regressions = os.path.join(ROOT, "testdata", "fuzz", name)
    if os.path.isdir(regressions):
        for file in sorted(os.listdir(regressions)):
            yield os.path.join(regressions, file)


def main() -> int:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    fuzzer, seconds = sys.argv[1], int(sys.argv[2])
    name = os.path.basename(fuzzer)
    crashes = os.path.join(ROOT, ".cache", "fuzz", "crashes")
    os.makedirs(crashes, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"iamlint-{name}-") as scratch:
        seeds = os.path.join(scratch, "seeds")
        os.makedirs(seeds)
        for i, path in enumerate(seed_files(name)):
            shutil.copyfile(path, os.path.join(seeds, f"{i:05}-{os.path.basename(path)}"))
        corpus = sys.argv[3] if len(sys.argv) == 4 else os.path.join(scratch, "corpus")
        os.makedirs(corpus, exist_ok=True)
        command = [fuzzer, f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=2048",
                   "-max_len=65536", "-print_final_stats=1",
                   # libFuzzer's default, 77, is what Meson reads as "skipped".
                   "-error_exitcode=1",
                   f"-artifact_prefix={crashes}{os.sep}{name}-",
                   f"-dict={os.path.join(ROOT, 'tests', 'fuzz', 'iam.dict')}", corpus, seeds]
        print(" ".join(command), flush=True)
        status = subprocess.run(command).returncode
    if status != 0:
        print(f"{name}: failed; the input is in {crashes}. Fix the bug, then keep the input as a "
              f"regression fixture in testdata/fuzz/{name}/.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
