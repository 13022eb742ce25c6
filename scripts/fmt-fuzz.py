#!/usr/bin/env python3
"""Mutates the sample plans at random and runs planc on each mutant.

Reports every mutant on which planc crashes (an exit code other than 0, 1
or 2) or on which `planc fmt` is not idempotent, and keeps those inputs in
the output folder. Same seed, same mutants.

    scripts/fmt-fuzz.py [--seed N] [--runs N] [--planc PATH] [--out DIR]
"""
import argparse
import glob
import os
import random
import subprocess
import sys

TOKENS = [b"**", b"`", b"- ", b"1. ", b"### ", b"## ", b"# ", b"\n", b"(", b")", b" - ", b":", b"[x] ",
          b"\t", b"    ", b"---", b"> ", b"|", b"<!--", b"```", "✅".encode(), "‚úÖ".encode(),
          b"Phase ", b"Task 1:", b"**Status:**", b"**Tasks:**\n", b"**Progress:**\n", b"\r",
          "\uf8ff".encode(), b"\xc3"]


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.4:
            data[pos:pos] = rng.choice(TOKENS)
        elif op < 0.7 and len(data) > 10:
            del data[pos:min(len(data), pos + rng.randint(1, 200))]
        elif op < 0.85 and len(data) > 10:
            start = rng.randrange(len(data))
            data[pos:pos] = data[start:start + rng.randint(1, 300)]
        else:
            data[pos:pos] = bytes([rng.randrange(256)])
    return bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--planc", default=".build/release/planc")
    parser.add_argument("--out", default=".build/fmt-fuzz")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [open(path, "rb").read() for path in sorted(glob.glob("plans/*.md"))]
    os.makedirs(args.out, exist_ok=True)
    problems = 0
    for run in range(args.runs):
        data = mutate(rng, rng.choice(seeds))
        first = subprocess.run([args.planc, "fmt", "-"], input=data, capture_output=True, timeout=30)
        compiled = subprocess.run([args.planc, "compile", "-"], input=data, capture_output=True, timeout=30)
        codes = (first.returncode, compiled.returncode)
        if any(code not in (0, 1, 2) for code in codes):
            kind = "crash"
        elif first.returncode == 0:
            second = subprocess.run([args.planc, "fmt", "-"], input=first.stdout, capture_output=True, timeout=30)
            kind = None if second.stdout == first.stdout else "unstable"
        else:
            kind = None
        if kind:
            problems += 1
            path = os.path.join(args.out, "%s-%d-%d.md" % (kind, args.seed, run))
            open(path, "wb").write(data)
            print(kind, codes, path)
    print("%d runs, %d problems" % (args.runs, problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
