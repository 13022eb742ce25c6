#!/usr/bin/env python3
"""planc against cmark-gfm on the same reports: wall time and peak memory.

    bench/bench.py [--planc PATH] [--out docs/performance.md] [--quick]

Inputs: the reference report and three reports from the project's own
generator (plangen), of about 3 KB, 1.7 MB and 17 MB. For each input the
commands `cmark-gfm -t commonmark`, `planc check`, `planc compile` and
`planc fmt --check` run in turn, round after round, so that a slow moment
of the machine falls on all of them alike. Wall time is the median over the
rounds, measured around spawn and wait; peak memory is the largest maximum
resident set size GNU time reports over separate runs. Ratios are planc's
figure over cmark-gfm's from the same run.

planc's exit code 1 (findings) is expected on generated reports and is not
an error here; any other failure stops the benchmark.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "plans", "coordination-status.md")

# (label, plangen arguments, timing rounds, memory rounds)
GENERATED = [
    ("3 KB", ["--agents", "2", "--tasks", "3"], 200, 3),
    ("1.7 MB", ["--agents", "200", "--tasks", "50"], 15, 3),
    ("17 MB", ["--agents", "2000", "--tasks", "50"], 5, 2),
]


def commands(planc, path):
    return [
        ("cmark-gfm -t commonmark", ["cmark-gfm", "-t", "commonmark", path]),
        ("planc check", [planc, "check", path]),
        ("planc compile", [planc, "compile", path]),
        ("planc fmt --check", [planc, "fmt", "--check", path]),
    ]


def spawn_and_wait(argv):
    """Wall seconds from spawn to exit and CPU seconds (user + system) the
    process used; output discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                            (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    finally:
        os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(argv)} exited with {code}")
    return elapsed, usage.ru_utime + usage.ru_stime


def peak_kilobytes(argv):
    """Maximum resident set size in KB, as GNU time reports it."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines = [line for line in report.read().splitlines() if line.strip().isdigit()]
    return int(lines[-1])


def measure(planc, path, rounds, memory_rounds):
    runs = commands(planc, path)
    walls = {label: [] for label, _ in runs}
    cpus = {label: [] for label, _ in runs}
    for argv in (argv for _, argv in runs):  # warm the page cache and the binaries
        spawn_and_wait(argv)
    for _ in range(rounds):
        for label, argv in runs:
            wall, cpu = spawn_and_wait(argv)
            walls[label].append(wall)
            cpus[label].append(cpu)
    peaks = {label: max(peak_kilobytes(argv) for _ in range(memory_rounds)) for label, argv in runs}
    return {label: (statistics.median(walls[label]), peaks[label], statistics.median(cpus[label]))
            for label, _ in runs}


def human_time(seconds):
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def human_memory(kilobytes):
    return f"{kilobytes / 1024:.1f} MB"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kilobytes = int(info.readline().split()[1])
            memory = f", {kilobytes / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    cmark = subprocess.run(["cmark-gfm", "--version"], capture_output=True, text=True).stdout.splitlines()
    distro = ""
    try:
        with open("/etc/os-release") as release:
            for line in release:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return [
        f"{os.cpu_count()} cores ({cpu}){memory}",
        f"{distro}, Linux {platform.release()}",
        (swift[0] if swift else "swift: unknown"),
        (cmark[0] if cmark else "cmark-gfm: unknown"),
    ]


def report(results, planc, targets):
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`bench/bench.py`); do not edit by hand.",
        f"Run on {datetime.date.today().isoformat()}, binary `{os.path.relpath(planc, ROOT)}`.",
        "",
        "## Machine",
        "",
    ]
    lines += [f"- {line}" for line in machine()]
    lines += [
        "",
        "## Method",
        "",
        "Each input is read by `cmark-gfm -t commonmark` (parse and render, no",
        "extensions), `planc check`, `planc compile` and `planc fmt --check`,",
        "one after the other, round after round. Wall time is the median over the",
        "rounds, from spawn to exit; peak memory is the largest maximum resident",
        "set size `/usr/bin/time` reports. The ratio is planc over cmark-gfm in",
        "the same run. CPU time (user and system, median over the rounds) is",
        "shown beside wall time: on large reports planc parses agents, runs",
        "rules and writes output on every core, so its wall time is below its",
        "CPU time (`PLANC_THREADS=1` keeps it on one); cmark-gfm uses one core.",
        "Generated inputs come from `plangen` (the project's generator); the",
        "reference report is `plans/coordination-status.md`.",
        "",
        "## Results",
        "",
        "| input | size | command | wall | ratio | CPU | peak memory | ratio |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, size, measured in results:
        base_wall, base_peak, _ = measured["cmark-gfm -t commonmark"]
        for command, (wall, peak, cpu) in measured.items():
            ratio_wall = "" if command.startswith("cmark") else f"{wall / base_wall:.2f}×"
            ratio_peak = "" if command.startswith("cmark") else f"{peak / base_peak:.2f}×"
            lines.append(f"| {label} | {size / 1024:,.1f} KB | `{command}` | {human_time(wall)} | {ratio_wall} "
                         f"| {human_time(cpu)} | {human_memory(peak)} | {ratio_peak} |")
    lines += ["", "## Targets", ""]
    lines += [f"- {line}" for line in targets]
    return "\n".join(lines) + "\n"


def targets_met(results):
    """The issue's targets, as ratios to cmark-gfm in the same run."""
    out = []
    by_label = {label: measured for label, _, measured in results}
    base = by_label["reference"]["cmark-gfm -t commonmark"]
    check = by_label["reference"]["planc check"]
    ratio = check[0] / base[0]
    out.append(f"reference report, `planc check` wall at most 4× cmark-gfm: {ratio:.2f}× "
               f"({'met' if ratio <= 4 else 'not met'})")
    if "17 MB" in by_label:
        base = by_label["17 MB"]["cmark-gfm -t commonmark"]
        for command in ("planc check", "planc compile", "planc fmt --check"):
            wall, peak, _ = by_label["17 MB"][command]
            wall_ratio, peak_ratio = wall / base[0], peak / base[1]
            out.append(f"17 MB, `{command}`: wall {wall_ratio:.2f}× (target 1.5×, "
                       f"{'met' if wall_ratio <= 1.5 else 'not met'}), peak memory {peak_ratio:.2f}× "
                       f"(target 1.2×, {'met' if peak_ratio <= 1.2 else 'not met'})")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--planc", default=os.path.join(ROOT, ".build", "release", "planc"))
    parser.add_argument("--plangen", default=os.path.join(ROOT, ".build", "release", "plangen"))
    parser.add_argument("--out", help="write the results as markdown to this file (atomically)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, no 17 MB input")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="planc-bench-") as work:
        inputs = [("reference", REFERENCE, 200, 3)]
        for label, generator_args, rounds, memory_rounds in GENERATED:
            if args.quick and label == "17 MB":
                continue
            path = os.path.join(work, label.replace(" ", "").replace(".", "_") + ".md")
            with open(path, "wb") as out:
                subprocess.run([args.plangen] + generator_args, stdout=out, check=True)
            inputs.append((label, path, rounds, memory_rounds))

        results = []
        for label, path, rounds, memory_rounds in inputs:
            if args.quick:
                rounds = max(3, rounds // 4)
            measured = measure(args.planc, path, rounds, memory_rounds)
            size = os.path.getsize(path)
            results.append((label, size, measured))
            base_wall, base_peak, _ = measured["cmark-gfm -t commonmark"]
            print(f"{label} ({size:,} bytes, {rounds} rounds)")
            for command, (wall, peak, cpu) in measured.items():
                ratios = "" if command.startswith("cmark") else \
                    f"  {wall / base_wall:5.2f}× wall  {peak / base_peak:5.2f}× memory"
                print(f"  {command:26} {human_time(wall):>10}  cpu {human_time(cpu):>10}  "
                      f"{human_memory(peak):>9}{ratios}")
            sys.stdout.flush()

    targets = targets_met(results)
    print("\n".join(targets))
    if args.out:
        text = report(results, args.planc, targets)
        directory = os.path.dirname(os.path.abspath(args.out))
        with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, suffix=".tmp") as temporary:
            temporary.write(text)
        os.replace(temporary.name, args.out)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
