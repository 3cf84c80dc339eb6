"""What stops a run before anything is cleaned: the checks behind the command's usage errors.

A run that would fail half-way (an output that exists, a report file that would replace an
input) is refused whole, before the first document is read, with one line per problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cleaner.batch import Options
from cleaner.compression import compression_of, unavailable
from cleaner.config import find_config_file
from cleaner.inputs import Inputs
from cleaner.io import output_name
from cleaner.profile import holds_other_than_a_profile
from cleaner.storage import Location, exists, identity, is_dir, probe_writable, resolved
from cleaner.writers import FORMATS


def preflight(
    inputs: Inputs, options: Options, reports: Mapping[str, Path | None], settings: Mapping[Location, str]
) -> list[str]:
    """What stops a run before anything is cleaned, one line each (the command's usage errors).

    Checked: every path names something; a one-document output file (.txt, .md, .json) gets
    one document; the output is writable and not an input folder; no
    output exists already unless `--force` or `--skip-existing` say what to do with it; a
    report file (`reports`: option name -> path) names no input, nothing inside an input
    folder, no output of the run, no file of its `settings` (`settings_files`) and no other
    report, and can be written. A report file of an earlier run may be replaced.
    """
    problems = [f"{name}: {reason}" for name, reason in inputs.missing]
    output, sources = options.output, inputs.sources
    if options.single_file and options.fmt != "jsonl" and (options.several or len(sources) > 1):
        problems.append(
            f"-o {output} holds one document, but the inputs can give several: name an output folder, "
            "or a .jsonl file to write them all in one"
        )
    targets: list[Location] = []
    if output is not None:
        if identity(output) in inputs.folders:
            problems.append(f"-o {output} is an input folder: its outputs would be read back as inputs next time")
        suffix = FORMATS[options.fmt].suffix
        # two inputs may share an output name (a.txt, a.html): the clash fails one of them when it is written
        targets = (
            [output] if options.single_file else list(dict.fromkeys(output / output_name(s, suffix) for s in sources))
        )
        if not options.single_file and exists(output) and not is_dir(output):
            problems.append(f"-o {output} is a file, not a folder (name a .jsonl file to write one file)")
        elif problem := probe_writable(output if options.single_file else output / "x"):
            problems.append(f"-o {output}: {problem}")
        problems += _existing(targets, options)
    problems += _codecs_missing([*(s.path for s in sources if s.path), *targets])
    taken = {**input_files(inputs), **settings}
    taken.update((identity(t), f"output {t}") for t in targets)
    return problems + report_problems(reports, taken, inputs.folders)


def report_problems(
    reports: Mapping[str, Path | None], taken: Mapping[Location, str], folders: list[Location]
) -> list[str]:
    """What stops a run from writing its report files (`reports`: option name -> path), one line
    each: a report replaces no file the run reads or writes (`taken`: identity -> what it is),
    nothing inside an input folder, no other report, and can be written; a profile learned
    replaces no file but a profile. `cleaner clean`, `learn` and `eval` check theirs so.
    """
    taken = dict(taken)
    problems: list[str] = []
    for option, path in reports.items():
        if path is not None:
            problems += _report_problems(option, path, taken, folders) or _profile_problems(option, path)
            taken[identity(path)] = f"{option} file"
    return problems


# The reports that are site profiles: `cleaner learn -o`, `cleaner clean --learn --profile`.
_PROFILE_OPTIONS = ("-o", "--profile")


def _profile_problems(option: str, path: Path) -> list[str]:
    """A profile learned replaces a profile learned before, never another file (`holds_other_than_a_profile`)."""
    if option not in _PROFILE_OPTIONS or not holds_other_than_a_profile(path):
        return []
    return [f"{option} {path} exists and holds no site profile: name a new file, or a profile to learn again"]


def settings_files(config_path: Path | None, profile: str | None) -> dict[Location, str]:
    """The files a run takes its settings from, by identity, as `report_problems` names them: the
    config file named or found (as `load_config` finds it), and the site profile in use."""
    found: dict[Location, str] = {}
    path = config_path or find_config_file(Path.cwd())
    if path is not None:
        found[identity(path)] = f"config file {path}"
    if profile:
        found[identity(Path(profile))] = f"site profile {profile}"
    return found


def input_files(inputs: Inputs) -> dict[Location, str]:
    """The files a run reads, by identity, as `report_problems` names them."""
    return {identity(s.path): f"input {s.path}" for s in inputs.sources if s.path}


def _codecs_missing(files: list[Location]) -> list[str]:
    """One line per compression that files to read or write need and this installation lacks."""
    needed = {compression_of(file.name) for file in files}
    return sorted(problem for compression in needed if (problem := unavailable(compression)))


def _existing(targets: list[Location], options: Options) -> list[str]:
    if options.force or options.skip_existing:
        return []
    existing = [t for t in targets if exists(t)]
    if not existing:
        return []
    named = ", ".join(map(str, existing[:3])) + (", ..." if len(existing) > 3 else "")
    return [
        f"{len(existing)} of {len(targets)} outputs exist ({named}): use --force to overwrite them "
        "or --skip-existing to keep them and clean the rest"
    ]


def _report_problems(option: str, path: Path, taken: Mapping[Location, str], folders: list[Location]) -> list[str]:
    if str(path) == "-":  # as -o has it, a dash would be standard output, which carries the outputs
        return [f"{option} -: a report is written to a file; name one"]
    where = resolved(path)
    if where in taken:
        return [f"{option} {path} is the {taken[where]}: a report never replaces it"]
    folder = next((f for f in folders if isinstance(f, Path) and where.is_relative_to(f)), None)
    if folder is not None:
        return [f"{option} {path} is inside the input folder {folder}: write reports elsewhere"]
    problem = probe_writable(path)
    return [f"{option} {path}: {problem}"] if problem else []
