#!/usr/bin/env python3
"""Untrusted input must never crash iamlint, hang it, or make it write invalid JSON.

Mutates every fixture under testdata/rules (deterministically: fixed seed) with deletions,
insertions of JSON punctuation, escapes, wildcards, variables, NUL and invalid UTF-8 bytes, and
byte flips, then lints the mutants under every policy type; and every template, plan and export
under testdata/inputs with YAML's punctuation as well (anchors, aliases, tags, block indicators,
deep nesting, alias bombs). Each run must exit 0 (with --fail-level none) and print one valid JSON
array. Run by `meson test` from the source root, with IAMLINT naming the binary.
"""
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile

IAMLINT = os.environ.get("IAMLINT", "build/iamlint")
MUTANTS_PER_FIXTURE = 4
MUTANTS_PER_CONTAINER = 60
TOKENS = [b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\\u", b"\\uDC00", b"*", b"?", b"${", b"${aws:",
          b"arn:", b"\x00", b"\xff", b"\xed\xa0\x80", b"1e400", b"-0.0e-", b"true", b"null", b"[[[[[[[[",
          b'"Condition":{"StringLike":{"aws:SourceIp":["10.0.0.1/8","${aws:username"]}}',
          b'"Principal":{"AWS":["*","arn:aws:iam::1:root"],"Service":"x"}',
          b'"Action":["*:*","s3:Get*","",":","iam:PassRole"]',
          b'"Resource":["arn:aws:s3:::*","arn:aws-cn:kms:::key/*","arn"]']


YAML_TOKENS = TOKENS + [b"&a ", b"*a", b"&a [*a, *a, *a, *a, *a, *a, *a, *a]", b"!Sub ", b"!Ref x", b"!GetAtt",
                       b"!If [c, {Effect: Allow}, !Ref AWS::NoValue]", b"? ", b"- ", b": ", b"|", b">-", b"\t", b"\n  ",
                       b"\n- - - - ", b"'", b"''", b"#", b"---\n", b"%YAML 1.2\n", b"{" * 300, b"[[[[" * 40, b"\r\n",
                       b"\xef\xbb\xbf", b"{\"Fn::Sub\": \"${X}\"}", b"\\\"", b"%7B%22"]


def mutate(data: bytes, rng: random.Random, tokens=TOKENS) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(out) + 1)
        choice = rng.random()
        if choice < 0.4 and out:
            del out[position:position + rng.randint(1, 5)]
        elif choice < 0.8:
            out[position:position] = rng.choice(tokens)
        elif out:
            out[min(position, len(out) - 1)] = rng.randrange(256)
    return bytes(out)


def lint(args, folder):
    """Runs iamlint on a folder; returns a failure message, or None."""
    done = subprocess.run([IAMLINT, *args, "--fail-level", "none", "--format", "json", folder],
                          capture_output=True, timeout=300)
    try:
        findings = json.loads(done.stdout.decode("utf-8"))
        valid = isinstance(findings, list)
    except (UnicodeDecodeError, json.JSONDecodeError):
        valid = False
    if done.returncode != 0 or not valid:
        return f"FAIL {args}: exit {done.returncode}, valid JSON: {valid}\n{done.stderr.decode(errors='replace')[-2000:]}"
    return None


def main() -> int:
    rng = random.Random(20261129)
    fixtures = sorted(pathlib.Path("testdata/rules").rglob("*.json"))
    containers = sorted(path for path in pathlib.Path("testdata/inputs").rglob("*")
                        if path.suffix in (".json", ".yaml", ".yml", ".template"))
    failures = 0
    runs = 0
    with tempfile.TemporaryDirectory() as scratch:
        policies = os.path.join(scratch, "policies")
        templates = os.path.join(scratch, "containers")
        os.mkdir(policies)
        os.mkdir(templates)
        for index, fixture in enumerate(fixtures):
            data = fixture.read_bytes()
            for copy in range(MUTANTS_PER_FIXTURE):
                pathlib.Path(policies, f"{index:04d}-{copy}.json").write_bytes(mutate(data, rng))
        for index, container in enumerate(containers):
            data = container.read_bytes()
            for copy in range(MUTANTS_PER_CONTAINER):
                pathlib.Path(templates, f"{index:04d}-{copy}{container.suffix}").write_bytes(
                    mutate(data, rng, YAML_TOKENS))
        for args in (["--policy-type", "identity"], ["--policy-type", "resource"], ["--policy-type", "trust"],
                     ["--policy-type", "scp"], ["--policy-type", "scp", "--scp-syntax", "legacy"],
                     ["--policy-type", "rcp"], ["--policy-type", "boundary"],
                     ["--resource-type", "AWS::S3::Bucket"],
                     []):
            runs += 1
            if failure := lint(args, policies):
                failures += 1
                print(failure)
        for args in ([], ["--input-format", "policy"], ["--skip-non-policy"]):
            runs += 1
            if failure := lint(args, templates):
                failures += 1
                print(failure)
    mutants = len(fixtures) * MUTANTS_PER_FIXTURE
    print(f"{mutants} mutated policies and {len(containers) * MUTANTS_PER_CONTAINER} mutated containers "
          f"under {runs} settings")
    print(f"{runs - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
