#!/usr/bin/env python3
"""Compile src/catalog/data/*.tsv into the C++ tables declared in src/catalog/tables.h.

usage: gen_catalog.py DATA_DIR OUTPUT.cc

Run by Meson at build time (a custom_target); stdlib only. All text goes into one string blob
and every row is a brace-initialised POD, which keeps the generated file quick to compile.
Inconsistent data (an unknown key type, a dangling reference) fails the build with a message.
"""

import pathlib
import re
import sys

ACCESS_LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"]
KEY_TYPES = ["String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary"]
KEY_MULTIVALUED, KEY_TEMPLATED, KEY_GLOBAL, KEY_DEPRECATED = 1, 2, 4, 8
PLACEHOLDER = re.compile(r"\$\{[^}]*\}|<[^>]*>")


def fail(message):
    sys.exit(f"gen_catalog.py: {message}")


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != columns:
                fail(f"{path}:{number}: expected {columns} columns, got {len(fields)}")
            rows.append(fields)
    return rows


def split_list(text, sep=","):
    return [item for item in text.split(sep) if item]


def access_level(text):
    # The package joins a refinement with its base level ("Tagging, Write"); AWS's own tables
    # show only the refinement, and that is what the policy summary counts.
    parts = [p.strip() for p in text.split(",")]
    for level in ("Permissions management", "Tagging"):
        if level in parts:
            return ACCESS_LEVELS.index(level)
    if len(parts) != 1 or parts[0] not in ACCESS_LEVELS:
        fail(f"unknown access level {text!r}")
    return ACCESS_LEVELS.index(parts[0])


def key_type(text):
    """Returns (type index, multivalued) for a service-reference type name such as ArrayOfARN."""
    multi = text.startswith("ArrayOf")
    base = text[len("ArrayOf"):] if multi else text
    if base not in KEY_TYPES:
        fail(f"unknown condition key type {text!r}")
    return KEY_TYPES.index(base), multi


def named_service(arn_format, prefix):
    """The service field of an ARN format, split as ast::split_arn splits it, or None when it has
    fewer than six fields. A placeholder there (AWS Backup's recovery point of any `${Vendor}`)
    files the format under its own service `prefix`: under every service it would fit nearly any
    ARN, and the vendors' own formats cover their ARNs."""
    fields = arn_format.split(":", 5)
    if fields[0] != "arn" or len(fields) < 6:
        return None
    return prefix if "${" in fields[2] else fields[2]


def fold(text):
    """ASCII case folding, as catalog::fold does it."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def key_templates(keys):
    """Rows of the templated keys for condition_key.cc's lookup: (key index, length of the text
    before the first placeholder, number of characters outside placeholders), sorted by that head
    folded, table order among equals."""
    rows = []
    for index, (name, _, flags, _) in enumerate(keys):
        if not flags & KEY_TEMPLATED:
            continue
        head = PLACEHOLDER.search(name).start()
        if head == 0:
            fail(f"templated key {name} does not start with its service prefix")
        literal = len(name) - sum(len(m.group()) for m in PLACEHOLDER.finditer(name))
        rows.append((fold(name[:head]), index, head, literal))
    rows.sort(key=lambda row: row[0])
    return [f"{{{index}, {head}, {literal}}}" for _, index, head, literal in rows]


FNV_OFFSET, FNV_PRIME = 2166136261, 16777619


def folded_hash(text):
    """FNV-1a over the ASCII-folded bytes: what catalog::folded_hash (folded_hash.h) computes."""
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        byte = byte + 32 if 65 <= byte <= 90 else byte
        h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return h


def hash_slots(names):
    """An open-addressing table, at most half full, of row index + 1 (0 marks an empty slot) at
    folded_hash(name) or the next free slot after it: a lookup hashes the name once instead of
    comparing it with a dozen rows. Rows go in in order, so folded twins are found first-row
    first, as a binary search finds them."""
    size = 1
    while size < 2 * len(names):
        size *= 2
    slots = [0] * size
    for row, name in enumerate(names):
        slot = folded_hash(name) & (size - 1)
        while slots[slot]:
            slot = (slot + 1) & (size - 1)
        slots[slot] = row + 1
    return [str(s) for s in slots]


class Blob:
    """One string pool; identical strings share storage."""

    def __init__(self):
        self.data = bytearray()
        self.offsets = {}

    def add(self, text):
        if text not in self.offsets:
            self.offsets[text] = len(self.data)
            self.data += text.encode("utf-8")
        return f"{{{self.offsets[text]}, {len(text.encode('utf-8'))}}}"

    def literal(self):
        chunks, line = [], []
        for byte in self.data:
            char = chr(byte)
            line.append(char if 32 <= byte < 127 and char not in '"\\?' else f"\\{byte:03o}")
            if len(line) >= 120:
                chunks.append('"' + "".join(line) + '"')
                line = []
        chunks.append('"' + "".join(line) + '"')
        return "\n    ".join(chunks)


class Generator:
    def __init__(self, data):
        self.data = pathlib.Path(data)
        self.blob = Blob()
        self.key_refs = []
        self.str_refs = []

    def span(self, table, items):
        first = len(table)
        table.extend(items)
        return f"{{{first}, {len(items)}}}"

    def key_span(self, names, where):
        indices = []
        for name in names:
            if name.lower() not in self.key_index:
                fail(f"{where}: unknown condition key {name}")
            indices.append(self.key_index[name.lower()])
        return self.span(self.key_refs, indices)

    def load_keys(self, service_keys):
        keys = {}  # lower name -> [name, type, flags, replacement]
        for service, name, type_name in service_keys:
            t, multi = key_type(type_name)
            entry = [name, t, KEY_MULTIVALUED if multi else 0, ""]
            lower = name.lower()
            # A key filed by several services (identitystore:UserId) takes its owner's type.
            if lower not in keys or lower.split(":", 1)[0] == service:
                keys[lower] = entry
        for name, type_name, cardinality, status, replacement in read_tsv(
                self.data / "global_condition_keys.tsv", 5):
            t, multi = key_type(type_name)
            if multi != (cardinality == "multi") or cardinality not in ("single", "multi"):
                fail(f"global key {name}: type {type_name} contradicts cardinality {cardinality}")
            if status not in ("current", "deprecated"):
                fail(f"global key {name}: unknown status {status}")
            flags = KEY_GLOBAL | (KEY_MULTIVALUED if multi else 0)
            flags |= KEY_DEPRECATED if status == "deprecated" else 0
            keys[name.lower()] = [name, t, flags, replacement]
        for entry in keys.values():
            if PLACEHOLDER.search(entry[0]):
                entry[2] |= KEY_TEMPLATED
        self.keys = [keys[k] for k in sorted(keys)]
        self.key_index = {entry[0].lower(): i for i, entry in enumerate(self.keys)}

    def generate(self):
        version = dict(read_tsv(self.data / "VERSION", 2))
        services = read_tsv(self.data / "services.tsv", 3)
        actions = read_tsv(self.data / "actions.tsv", 7)
        resource_types = read_tsv(self.data / "resource_types.tsv", 4)
        service_keys = read_tsv(self.data / "condition_keys.tsv", 3)
        snapshot_keys = {row[1].lower() for row in service_keys}
        for service, key, type_name, carriers in read_tsv(self.data / "extra_condition_keys.tsv", 4):
            if key.lower() in snapshot_keys:
                fail(f"extra_condition_keys.tsv: the snapshot has {key} now; delete the row")
            service_keys.append([service, key, type_name])
            for carrier in split_list(carriers):
                rows = [r for r in resource_types if r[0] == service and r[1] == carrier]
                if not rows:
                    fail(f"extra_condition_keys.tsv: {service} has no resource type {carrier}")
                rows[0][3] = ",".join(split_list(rows[0][3]) + [key])
        self.load_keys(service_keys)

        service_index = {s[0]: i for i, s in enumerate(services)}
        if [s[0] for s in services] != sorted(service_index):
            fail("services.tsv is not sorted")

        def by_service(rows):
            grouped = {s[0]: [] for s in services}
            for row in rows:
                if row[0] not in grouped:
                    fail(f"unknown service {row[0]}")
                grouped[row[0]].append(row)
            for prefix in grouped:
                grouped[prefix].sort(key=lambda r: r[1].lower())
            return grouped

        rts_by_service = by_service(resource_types)
        actions_by_service = by_service(actions)
        keys_by_service = by_service(service_keys)

        rt_rows, rt_index, arn_formats = [], {}, []
        named_by = {}  # the service an ARN format names -> [(resource type, format)] rows
        for prefix, _, _ in services:
            for _, name, arns, keys in rts_by_service[prefix]:
                rt_index[(prefix, name.lower())] = len(rt_rows)
                # A few types list alternative formats in one field ("arn:..., arn:...").
                texts = [f.strip() for f in re.split(r",\s*(?=arn:)", arns)]
                for i, text in enumerate(texts):
                    named = named_service(text, prefix)
                    if named is not None:
                        named_by.setdefault(named, []).append(
                            f"{{{len(rt_rows)}, {len(arn_formats) + i}}}")
                formats = [self.blob.add(text) for text in texts]
                rt_rows.append(f"{{{self.blob.add(name)}, {service_index[prefix]}, "
                               f"{self.span(arn_formats, formats)}, "
                               f"{self.key_span(split_list(keys), name)}}}")

        action_rows, action_resources, action_names, qualified_names = [], [], set(), []
        words = (len(actions) + 63) // 64
        level_masks = [[0] * words for _ in ACCESS_LEVELS]
        scoped_mask = [0] * words
        for prefix, _, _ in services:
            for _, name, level, resources, keys, deps, description in actions_by_service[prefix]:
                position = len(action_rows)
                level_masks[access_level(level)][position // 64] |= 1 << (position % 64)
                if split_list(resources, ";"):
                    scoped_mask[position // 64] |= 1 << (position % 64)
                action_names.add(f"{prefix}:{name}".lower())
                qualified_names.append(f"{prefix}:{name}")
                res_rows = []
                for item in split_list(resources, ";"):
                    m = re.fullmatch(r"([^*\[]+)(\*?)(?:\[(.*)\])?", item)
                    if not m or (prefix, m.group(1).lower()) not in rt_index:
                        fail(f"{prefix}:{name}: bad resource type {item!r}")
                    res_rows.append(f"{{{rt_index[(prefix, m.group(1).lower())]}, "
                                    f"{'true' if m.group(2) else 'false'}, "
                                    f"{self.key_span(split_list(m.group(3) or ''), name)}}}")
                dep_span = self.span(self.str_refs, [self.blob.add(d) for d in split_list(deps)])
                action_rows.append(
                    f"{{{self.blob.add(name)}, {self.blob.add(description)}, {service_index[prefix]}, "
                    f"{access_level(level)}, {self.span(action_resources, res_rows)}, "
                    f"{self.key_span(split_list(keys), name)}, {dep_span}}}")

        service_rows, action_first, rt_first = [], 0, 0
        for prefix, name, rcp in services:
            n_actions, n_rts = len(actions_by_service[prefix]), len(rts_by_service[prefix])
            key_span = self.key_span([k[1] for k in keys_by_service[prefix]], prefix)
            service_rows.append(
                f"{{{self.blob.add(prefix)}, {self.blob.add(name)}, {{{action_first}, {n_actions}}}, "
                f"{{{rt_first}, {n_rts}}}, {key_span}, {'true' if rcp == '1' else 'false'}}}")
            action_first += n_actions
            rt_first += n_rts

        arn_refs = []
        arn_service_rows = [f"{{{self.blob.add(named)}, {self.span(arn_refs, named_by[named])}}}"
                            for named in sorted(named_by)]
        key_rows = [f"{{{self.blob.add(n)}, {t}, {f}, {self.blob.add(r)}}}" for n, t, f, r in self.keys]
        templates = key_templates(self.keys)

        out = []
        out += self.hand_kept_lists(action_names)
        counts = (f"const Counts kCounts = {{{len(services)}, {len(actions)}, {len(resource_types)}, "
                  f"{len(service_keys)}, {len(self.keys)}}};")
        body = [
            f'const char kVersion[] = "{version["version"]}";',
            f'const char kUpdated[] = "{version["updated"]}";',
            counts,
            table("ServiceRow", "kServices", service_rows),
            table("ActionRow", "kActions", action_rows),
            table("std::uint32_t", "kServiceSlots", hash_slots([s[0] for s in services]),
                  count="kServiceSlotCount"),
            table("std::uint32_t", "kActionSlots", hash_slots(qualified_names),
                  count="kActionSlotCount"),
            table("ActionResourceRow", "kActionResources", action_resources),
            table("ResourceTypeRow", "kResourceTypes", rt_rows),
            table("Str", "kArnFormats", arn_formats),
            table("ArnServiceRow", "kArnServices", arn_service_rows, count="kArnServiceCount"),
            table("ArnFormatRef", "kArnFormatRefs", arn_refs),
            table("std::uint64_t", "kAccessLevelMasks",
                  [f"0x{w:016x}" for mask in level_masks for w in mask]),
            table("std::uint64_t", "kResourceScopedMask", [f"0x{w:016x}" for w in scoped_mask]),
            table("ConditionKeyRow", "kConditionKeys", key_rows),
            table("std::uint32_t", "kKeyRefs", [str(i) for i in self.key_refs]),
            table("KeyTemplateRow", "kKeyTemplates", templates, count="kKeyTemplateCount"),
            table("Str", "kStrRefs", self.str_refs),
            *out,
        ]
        return "\n".join([
            "// Generated by tools/gen_catalog.py from src/catalog/data/; do not edit.",
            '#include "catalog/tables.h"', "",
            "namespace iamlint::catalog::tables {", "",
            "// One literal keeps the blob contiguous; its length is intentional.",
            "#pragma GCC diagnostic push",
            '#pragma GCC diagnostic ignored "-Woverlength-strings"',
            f"const char kStrings[] =\n    {self.blob.literal()};",
            "#pragma GCC diagnostic pop", "",
            *body, "", "}  // namespace iamlint::catalog::tables", ""])

    def hand_kept_lists(self, action_names):
        partitions = sorted(read_tsv(self.data / "partitions.tsv", 2))
        regions = sorted((r, i) for i, (_, rs) in enumerate(partitions) for r in rs.split())
        partition_rows = [self.blob.add(name) for name, _ in partitions]
        region_rows = [f"{{{self.blob.add(r)}, {i}}}" for r, i in regions]

        def pairs(file_name, validate=None):
            rows = sorted(read_tsv(self.data / file_name, 2), key=lambda r: r[0].lower())
            for row in rows:
                if validate:
                    validate(*row)
            return [f"{{{self.blob.add(k)}, {self.blob.add(v)}}}" for k, v in rows]

        def check_kms_key(key, form):
            if key.lower() not in self.key_index or form not in ("arn", "id-or-arn"):
                fail(f"kms_key_condition_keys.tsv: bad row {key} {form}")

        def check_api_name(operation, permissions):
            if operation.lower() in action_names:
                fail(f"api_permission_names.tsv: {operation} is an action, not a confusion")
            for p in permissions.split(","):
                if p.lower() not in action_names:
                    fail(f"api_permission_names.tsv: {p} is not in the catalogue")

        variables = sorted(r[0] for r in read_tsv(self.data / "arn_name_variables.tsv", 2))
        session_keys = sorted(read_tsv(self.data / "role_session_condition_keys.tsv", 2),
                              key=lambda r: r[0].lower())
        for key, _ in session_keys:
            if key.lower() not in self.key_index:
                fail(f"role_session_condition_keys.tsv: {key} is no known condition key")
        service_prefixes = {name.split(":")[0] for name in action_names}
        limited_keys = []
        for key, services, excepted in sorted(
                read_tsv(self.data / "service_limited_condition_keys.tsv", 3),
                key=lambda r: r[0].lower()):
            if key.lower() not in self.key_index:
                fail(f"service_limited_condition_keys.tsv: {key} is no known condition key")
            for prefix in services.split():
                if prefix not in service_prefixes:
                    fail(f"service_limited_condition_keys.tsv: {prefix} is not in the catalogue")
            for action in excepted.split():
                if action.lower() not in action_names:
                    fail(f"service_limited_condition_keys.tsv: {action} is not in the catalogue")
            limited_keys.append(f"{{{self.blob.add(key)}, {self.blob.add(services)}, "
                                f"{self.blob.add(excepted)}}}")
        return [
            table("Str", "kPartitions", partition_rows, count="kPartitionCount"),
            table("RegionRow", "kRegions", region_rows, count="kRegionCount"),
            table("PairRow", "kUniqueIdPrefixes", pairs("unique_id_prefixes.tsv"),
                  count="kUniqueIdPrefixCount"),
            table("PairRow", "kKmsKeyConditionKeys", pairs("kms_key_condition_keys.tsv", check_kms_key),
                  count="kKmsKeyConditionKeyCount"),
            table("PairRow", "kApiPermissionNames", pairs("api_permission_names.tsv", check_api_name),
                  count="kApiPermissionNameCount"),
            table("Str", "kArnNameVariables", [self.blob.add(v) for v in variables],
                  count="kArnNameVariableCount"),
            table("ServiceLimitedKeyRow", "kServiceLimitedKeys", limited_keys,
                  count="kServiceLimitedKeyCount"),
            table("Str", "kRoleSessionKeys", [self.blob.add(k) for k, _ in session_keys],
                  count="kRoleSessionKeyCount"),
        ]


def table(type_name, name, rows, count=None):
    # C++ has no zero-length arrays; an empty table gets one unused zero row.
    items = rows or ["{}"]
    text = f"const {type_name} {name}[] = {{\n" + "".join(f"    {r},\n" for r in items) + "};"
    if count:
        text += f"\nconst std::uint32_t {count} = {len(rows)};"
    return text


def main():
    if len(sys.argv) != 3:
        fail("usage: gen_catalog.py DATA_DIR OUTPUT.cc")
    text = Generator(sys.argv[1]).generate()
    pathlib.Path(sys.argv[2]).write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
