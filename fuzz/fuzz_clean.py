"""Fuzz `clean()` with arbitrary bytes: every input gives an Article or a clear refusal, nothing else.

    python fuzz/fuzz_clean.py -max_total_time=60            # atheris, seeded with samples/
    python fuzz/fuzz_clean.py -max_total_time=60 -timeout=10 corpus/
    python fuzz/fuzz_clean.py -random -max_total_time=60    # no atheris: a plain random-input loop

With atheris installed the run is coverage-guided and takes libFuzzer's flags;
a crash or an input slower than `-timeout` seconds is saved as `crash-*` or
`timeout-*` in the working folder. Without atheris (or with `-random`) inputs
are random bytes, samples with random bytes spliced in, and shuffled sample
lines; a failing input is saved as `crash-<sha1>` and the loop stops.

Each input is cleaned three ways: as bytes (kind told from the content), as
text and as HTML. Text mode must keep only lines of its input.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def check(data: bytes) -> None:
    """Clean `data` three ways; raise on anything but a result or a refusal of binary input."""
    from cleaner import clean
    from cleaner.frontends.decode import NotText, without_nul

    with contextlib.suppress(NotText):
        clean(data)
    text = data.decode("utf-8", errors="replace")
    lines = {line.strip() for line in without_nul(text).splitlines()}
    stray = [p for p in clean(text, kind="text").paragraphs if p not in lines]
    if stray:
        raise AssertionError(f"text mode invented lines: {stray[:3]!r}")
    clean(text, kind="html")


def _seeds() -> list[bytes]:
    return [path.read_bytes() for path in sorted(SAMPLES.rglob("*")) if path.is_file()]


def _random_input(rng: random.Random, seeds: list[bytes]) -> bytes:
    seed = rng.choice(seeds)
    choice = rng.randrange(3)
    if choice == 0:
        return rng.randbytes(rng.randrange(4096))
    if choice == 1:
        at = rng.randrange(len(seed) + 1)
        return seed[:at] + rng.randbytes(rng.randrange(64)) + seed[at + rng.randrange(64) :]
    lines = [line for s in rng.sample(seeds, min(3, len(seeds))) for line in s.splitlines()]
    return b"\n".join(rng.sample(lines, min(len(lines), rng.randrange(1, 60))))


def _flag(argv: list[str], name: str, default: float) -> float:
    values = [arg.split("=", 1)[1] for arg in argv if arg.startswith(f"-{name}=")]
    return float(values[-1]) if values else default


def random_loop(argv: list[str]) -> None:
    """Check random inputs until `-max_total_time` seconds or `-runs` inputs; save and re-raise a failure."""
    seconds, runs = _flag(argv, "max_total_time", 60), int(_flag(argv, "runs", 0))
    rng = random.Random(int(_flag(argv, "seed", time.time_ns())))
    seeds, start, done = _seeds(), time.monotonic(), 0
    while time.monotonic() - start < seconds and (not runs or done < runs):
        data = _random_input(rng, seeds)
        try:
            check(data)
        except BaseException:
            Path(f"crash-{hashlib.sha1(data).hexdigest()}").write_bytes(data)
            raise
        done += 1
    print(f"{done} inputs in {time.monotonic() - start:.0f} s, no failure", file=sys.stderr)


def atheris_main(argv: list[str]) -> None:
    """Run under atheris, seeded with a copy of samples/ when no corpus folder is given."""
    import atheris

    with atheris.instrument_imports():
        import cleaner.engine
        import cleaner.frontends.html  # noqa: F401
        from cleaner.rules.framework.registry import all_rules

        all_rules()  # the rule modules load on first use: instrument them too

    corpus = [arg for arg in argv[1:] if not arg.startswith("-")]
    with tempfile.TemporaryDirectory() as scratch:
        if not corpus:
            shutil.copytree(SAMPLES, scratch, dirs_exist_ok=True)
            argv = [*argv, scratch]
        atheris.Setup(argv, check)
        atheris.Fuzz()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        import atheris  # noqa: F401
    except ImportError:
        random_loop(sys.argv)
    else:
        if "-random" in sys.argv:
            random_loop(sys.argv)
        else:
            atheris_main(sys.argv)
