"""What stops a run before anything is cleaned: the checks behind the command's usage errors.

A run that would fail half-way (an output that exists, a report file that would replace an
input) is refused whole, before the first document is read, with one line per problem.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from cleaner.batch import Options
from cleaner.inputs import Inputs
from cleaner.io import output_name, probe_writable, resolved
from cleaner.writers import FORMATS


def preflight(inputs: Inputs, options: Options, reports: Mapping[str, Path | None]) -> list[str]:
    """What stops a run before anything is cleaned, one line each (the command's usage errors).

    Checked: every path names something; a one-document output file (.txt, .md, .json) gets
    one document; the output is writable and not an input folder; no
    output exists already unless `--force` or `--skip-existing` say what to do with it; a
    report file (`reports`: option name -> path) names no input, nothing inside an input
    folder, no output of the run, and no other report, and can be written. A report file of
    an earlier run may be replaced.
    """
    problems = [f"{name}: {reason}" for name, reason in inputs.missing]
    output, sources = options.output, inputs.sources
    if options.single_file and options.fmt != "jsonl" and (options.several or len(sources) > 1):
        problems.append(
            f"-o {output} holds one document, but the inputs can give several: name an output folder, "
            "or a .jsonl file to write them all in one"
        )
    targets: list[Path] = []
    if output is not None:
        if resolved(output) in inputs.folders:
            problems.append(f"-o {output} is an input folder: its outputs would be read back as inputs next time")
        suffix = FORMATS[options.fmt].suffix
        targets = [output] if options.single_file else [output / output_name(s, suffix) for s in sources]
        if not options.single_file and output.exists() and not output.is_dir():
            problems.append(f"-o {output} is a file, not a folder (name a .jsonl file to write one file)")
        elif problem := probe_writable(output if options.single_file else output / "x"):
            problems.append(f"-o {output}: {problem}")
        problems += _existing(targets, options)
    taken = {resolved(s.path): f"input {s.path}" for s in sources if s.path}
    taken.update((resolved(t), f"output {t}") for t in targets)
    for option, path in reports.items():
        if path is not None:
            problems += _report_problems(option, path, taken, inputs.folders)
            taken[resolved(path)] = f"{option} file"
    return problems


def _existing(targets: list[Path], options: Options) -> list[str]:
    if options.force or options.skip_existing:
        return []
    existing = [t for t in targets if os.path.lexists(t)]
    if not existing:
        return []
    named = ", ".join(map(str, existing[:3])) + (", ..." if len(existing) > 3 else "")
    return [
        f"{len(existing)} of {len(targets)} outputs exist ({named}): use --force to overwrite them "
        "or --skip-existing to keep them and clean the rest"
    ]


def _report_problems(option: str, path: Path, taken: Mapping[Path, str], folders: list[Path]) -> list[str]:
    where = resolved(path)
    if where in taken:
        return [f"{option} {path} is the {taken[where]}: a report never replaces it"]
    folder = next((f for f in folders if where.is_relative_to(f)), None)
    if folder is not None:
        return [f"{option} {path} is inside the input folder {folder}: write reports elsewhere"]
    problem = probe_writable(path)
    return [f"{option} {path}: {problem}"] if problem else []
