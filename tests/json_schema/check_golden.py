#!/usr/bin/env python3
"""Validates every golden --json document (tests/cli/golden/json/*.json) against
docs/json-schema/autogen.schema.json, and checks that every command the schema
describes has at least one golden document, so the schema and the output cannot drift
apart. Usage: check_golden.py SCHEMA GOLDEN_DIR"""
import glob
import json
import os
import sys

import jsonschema


def main():
    schema_path, golden_dir = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(glob.glob(os.path.join(golden_dir, "*.json")))
    if not files:
        print(f"no golden documents in {golden_dir}")
        return 1
    failed = 0
    seen = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        seen.add(document.get("command"))
        for error in validator.iter_errors(document):
            failed += 1
            where = "/".join(str(p) for p in error.absolute_path) or "(document)"
            print(f"{path}: {where}: {error.message}")
    described = {d[len("result: "):] for d in schema["$defs"] if d.startswith("result: ")}
    for command in sorted(described - seen):
        failed += 1
        print(f"{schema_path}: command '{command}' has no golden document in {golden_dir}")
    print(f"{len(files)} document(s) checked, {failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
