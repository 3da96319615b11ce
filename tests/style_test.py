"""The C++ sources follow .clang-format: clang-format would change nothing.

Fix a failure with: clang-format -i FILE...
"""
import pathlib
import subprocess
import sys

FOLDERS = ("src", "rules", "tests", "tools")


def main():
    sources = sorted(str(path) for folder in FOLDERS for pattern in ("*.cc", "*.h")
                     for path in pathlib.Path(folder).rglob(pattern))
    if not sources:
        sys.exit("style_test: no C++ sources found; run from the repository root")
    result = subprocess.run(["clang-format", "--dry-run", "--Werror", *sources],
                            capture_output=True, text=True)
    if result.returncode != 0:
        unformatted = sorted({line.split(":")[0] for line in result.stderr.splitlines()
                              if ": error:" in line})
        print(result.stderr[:4000], file=sys.stderr)
        sys.exit(f"style_test: {len(unformatted)} file(s) differ from .clang-format: "
                 f"run clang-format -i {' '.join(unformatted)}")
    print(f"style_test: {len(sources)} C++ files match .clang-format")


if __name__ == "__main__":
    main()
