#!/usr/bin/env python3
"""Writes docs/plan-model.schema.json in planc's layout: a value goes on one
line when it fits in 110 columns, otherwise one key per line (lists of plain values stay on one line)."""
import json
import sys

WIDTH = 110


def dump(value, indent=0):
    flat = json.dumps(value, ensure_ascii=False)
    scalars = isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)
    if scalars or len(flat) + indent <= WIDTH or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + dump(v, indent + 2) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


path = sys.argv[1] if len(sys.argv) > 1 else "docs/plan-model.schema.json"
with open(path) as handle:
    schema = json.load(handle)
with open(path, "w") as handle:
    handle.write(dump(schema) + "\n")
