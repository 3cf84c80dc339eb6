"""Speed and memory of cleaner against its peers, measured in one run on one machine.

    python benchmarks/speed.py                       # bundled ScrapingHub set, quick
    python benchmarks/speed.py --set bench/scrapinghub --set ../shared/bench/wcxb-dev-articles --stream-mb 1024

Reports, per system and input: docs/s, MB/s of input, peak RSS and the ratio
to trafilatura's docs/s, and CPU docs/s with the ratio to jusText's (medians of
--repeat runs, one core each, every system in its own process so peak RSS is its own); `cleaner clean --jobs 1`
against `--jobs 2` on one folder of every set's dumps; the start-up time of `cleaner
--version` and of cleaning one small file; cost against document size (10 KB
to 10 MB); and peak RSS while streaming a generated JSONL file (jsonl_memory.py). Results are
printed as a table and written as JSON (--json). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonl_memory  # beside this script

ROOT = Path(__file__).resolve().parents[1]
# The installed console script, as a user runs it.
CLEANER = [str(Path(sys.executable).with_name("cleaner"))]
# (system, input) pairs measured on each set; trafilatura is the reference for ratios.
RUNS = (
    ("cleaner", "dumps"),
    ("cleaner", "html"),
    ("trafilatura", "html"),
    ("justext", "dumps"),
    ("c4", "dumps"),
)
SIZES_KB = (10, 100, 1000, 10000)


def measure_system(dataset: str, system: str, variant: str) -> dict[str, float]:
    """Run one system over one set's inputs in this process; its time and peak RSS."""
    from cleaner.evaluate import get_system, load_dataset, read_input

    pages = [p for p in load_dataset(dataset).pages if variant in p.inputs]
    inputs = [(read_input(p.inputs[variant]), p.url) for p in pages]
    extract = get_system(system).extract
    extract(*inputs[0][:1], variant, inputs[0][1])  # warm imports and caches outside the clock
    start, cpu_start = time.perf_counter(), time.process_time()
    for data, url in inputs:
        extract(data, variant, url)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    size = sum(len(data) for data, _ in inputs)
    return {
        "docs": len(inputs),
        "seconds": seconds,
        "docs_per_s": len(inputs) / seconds,
        "mb_per_s": size / 1e6 / seconds,
        "cpu_docs_per_s": len(inputs) / cpu_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_subprocess(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def systems_table(dataset: str, repeat: int) -> list[dict]:
    """Every system's median over `repeat` rounds; each round runs every system once, so a slow
    spell of the machine weighs on all of them alike rather than on one system's runs."""
    runs: dict[tuple[str, str], list[dict]] = {pair: [] for pair in RUNS}
    for _ in range(repeat):
        for system, variant in RUNS:
            runs[system, variant].append(in_subprocess("--measure", dataset, system, variant))
    rows = [
        {"set": Path(dataset).name, "system": system, "input": variant, **median_of(runs[system, variant])}
        for system, variant in RUNS
    ]
    reference = next(r["docs_per_s"] for r in rows if r["system"] == "trafilatura")
    # On a busy machine CPU time says more than the clock: cleaner's dumps against jusText's.
    justext = next(r["cpu_docs_per_s"] for r in rows if r["system"] == "justext")
    for row in rows:
        row["vs_trafilatura"] = row["docs_per_s"] / reference
        row["cpu_vs_justext"] = row["cpu_docs_per_s"] / justext
    return rows


def timed(command: list[str]) -> float:
    """Seconds the command ran; exit status 1 (some documents refused, the rest cleaned) is a
    normal run: the WCXB set holds a dump that is not text."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True)
    if done.returncode not in (0, 1):
        raise subprocess.CalledProcessError(done.returncode, command, done.stdout, done.stderr)
    return time.perf_counter() - start


def scaling(datasets: list[str], repeat: int, workdir: Path) -> dict[str, float]:
    """`cleaner clean` with one and with two worker processes on one folder holding the dumps of
    every set: the more documents, the less start-up weighs in the run."""
    folder = workdir / "scaling-input"
    for dataset in datasets:
        shutil.copytree(Path(dataset) / "dumps", folder / Path(dataset).name)
    docs = len(list(folder.rglob("*.txt")))
    result: dict[str, float] = {"docs": docs}
    for jobs in (1, 2):
        times = []
        for attempt in range(repeat):
            out = workdir / f"jobs{jobs}-{attempt}"
            times.append(timed([*CLEANER, "clean", str(folder), "-o", str(out), "-j", str(jobs), "-q"]))
        result[f"jobs{jobs}_docs_per_s"] = docs / statistics.median(times)
    result["speedup"] = result["jobs2_docs_per_s"] / result["jobs1_docs_per_s"]
    return result


def startup(repeat: int, workdir: Path) -> dict[str, float]:
    sample = workdir / "small.txt"
    sample.write_text("A headline\n\nOne short paragraph of a story.\n", encoding="utf-8")
    version = [timed([*CLEANER, "--version"]) for _ in range(repeat)]
    one = [timed([*CLEANER, "clean", str(sample)]) for _ in range(repeat)]
    return {"version_s": statistics.median(version), "clean_one_file_s": statistics.median(one)}


def growth(dataset: str) -> list[dict[str, float]]:
    """Seconds to clean one text document built to each size from the set's dumps."""
    from cleaner.engine import clean

    pool = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(dataset) / "dumps").glob("*.txt")))
    rows = []
    for kb in SIZES_KB:
        text = (pool * (kb * 1000 // len(pool) + 1))[: kb * 1000]
        start = time.perf_counter()
        clean(text, kind="text")
        seconds = time.perf_counter() - start
        rows.append({"kb": kb, "seconds": seconds, "mb_per_s": kb / 1000 / seconds})
    return rows


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0"
    )
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory_gb": f"{int(memory) / 1024**2:.0f}",
        "python": platform.python_version(),
    }


def report(results: dict) -> str:
    lines = [
        "| set | system | input | docs/s | MB/s | peak RSS MB | × trafilatura | CPU docs/s | × jusText (CPU) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["systems"]:
        lines.append(
            f"| {row['set']} | {row['system']} | {row['input']} | {row['docs_per_s']:.1f} | {row['mb_per_s']:.2f} "
            f"| {row['peak_rss_mb']:.0f} | {row['vs_trafilatura']:.2f} | {row['cpu_docs_per_s']:.1f} "
            f"| {row['cpu_vs_justext']:.2f} |"
        )
    scale = results["scaling"]
    lines.append(
        f"\n`cleaner clean` over {scale['docs']:.0f} dumps, `--jobs 1`: {scale['jobs1_docs_per_s']:.1f} docs/s; `--jobs 2`: {scale['jobs2_docs_per_s']:.1f} docs/s "
        f"({scale['speedup']:.2f}×)"
    )
    start = results["startup"]
    lines.append(
        f"Start-up: `cleaner --version` {start['version_s']:.2f} s; one small file {start['clean_one_file_s']:.2f} s"
    )
    lines.append("Document size: " + ", ".join(f"{r['kb']} KB {r['seconds']:.3f} s" for r in results["growth"]))
    if "stream" in results:
        stream = results["stream"]
        lines.append(
            f"JSONL stream: {stream['input_mb']:.0f} MB with --jobs 2 in {stream['seconds']:.0f} s, "
            f"peak RSS of the process tree {stream['peak_tree_rss_mb']:.0f} MB"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", help="evaluation set folder(s); default: bench/scrapinghub")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--stream-mb", type=int, default=0, help="also stream a generated JSONL file this large")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--measure", nargs=3, metavar=("SET", "SYSTEM", "INPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_system(*args.measure)))
        return
    sets = args.set or [str(ROOT / "bench" / "scrapinghub")]
    workdir = Path(tempfile.mkdtemp(prefix="cleaner-speed-"))
    try:
        results: dict = {"machine": machine(), "systems": [row for s in sets for row in systems_table(s, args.repeat)]}
        results["scaling"] = scaling(sets, args.repeat, workdir)
        results["startup"] = startup(args.repeat, workdir)
        results["growth"] = growth(sets[0])
        if args.stream_mb:
            results["stream"] = jsonl_memory.measure(args.stream_mb, jobs=2)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
