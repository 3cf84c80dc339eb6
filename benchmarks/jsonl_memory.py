"""Peak memory of `cleaner clean - --format jsonl --jobs N` on a generated JSONL stream.

The stream is generated on the fly and piped in, so no input file is needed
however large the run; the resident memory of the whole process tree (the
command and its workers) is sampled from /proc. Memory must stay flat as
the stream grows: run it at two sizes and compare.

    python benchmarks/jsonl_memory.py --megabytes 50 --jobs 2
    python benchmarks/jsonl_memory.py --megabytes 1024 --jobs 2   # the 1 GB figure
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_1e943f8323c0f170.txt"


def records(megabytes: int):
    text = SAMPLE.read_text(encoding="utf-8")
    written, number = 0, 0
    while written < megabytes << 20:
        line = (json.dumps({"id": number, "text": f"Story {number}\n{text}", "source": "bench"}) + "\n").encode()
        written += len(line)
        number += 1
        yield line


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(megabytes: int, jobs: int) -> dict[str, float]:
    """Stream `megabytes` of generated JSONL through the command; its peak tree RSS and time."""
    command = [sys.executable, "-m", "cleaner", "clean", "-", "--format", "jsonl", "-j", str(jobs), "-q"]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)

    def feed() -> None:
        for line in records(megabytes):
            process.stdin.write(line)
        process.stdin.close()

    started = time.monotonic()
    threading.Thread(target=feed, daemon=True).start()
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.2)
    seconds = time.monotonic() - started
    return {
        "input_mb": megabytes,
        "jobs": jobs,
        "seconds": seconds,
        "peak_tree_rss_mb": peak / 2**20,
        "exit": process.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    result = measure(args.megabytes, args.jobs)
    print(
        f"{args.megabytes} MB of JSONL, --jobs {args.jobs}: peak RSS {result['peak_tree_rss_mb']:.0f} MB "
        f"(command and workers together), {result['seconds']:.0f} s, "
        f"{args.megabytes / result['seconds']:.2f} MB/s, exit {result['exit']}"
    )


if __name__ == "__main__":
    main()
