#!/usr/bin/env python3
"""Writes the expectations of Tests/Fixtures/shapes/*.md from a built planc:
NAME.model.json (the model without ranges, file and repairs) and
NAME.findings (one `CODE line:column` per finding). Review the diff before
committing: these files are what the shape tests hold planc to.

    scripts/update-shape-fixtures.py [.build/debug/planc]
"""
import glob
import json
import os
import subprocess
import sys

planc = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/planc"
DROPPED = {"range", "file", "repairs"}


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DROPPED}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


for path in sorted(glob.glob("Tests/Fixtures/shapes/*.md")):
    base = path[:-3]
    model = json.loads(subprocess.run([planc, "compile", path], capture_output=True, check=True).stdout)
    with open(base + ".model.json", "w") as handle:
        json.dump(strip(model), handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    report = json.loads(subprocess.run([planc, "check", "--format", "json", path], capture_output=True).stdout)
    lines = [f"{d['code']} {d['line']}:{d['column']}" for d in report["diagnostics"]]
    with open(base + ".findings", "w") as handle:
        handle.write("".join(line + "\n" for line in lines))
    print(os.path.basename(path), len(lines), "findings")
