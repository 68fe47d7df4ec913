"""The classroom commands: `diff` grades a student's map (or a folder of them) against a model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import app
from argmap.errors import MapLoadError, UsageError
from argmap.io.atomic import atomic_write
from argmap.io.targets import check_target

if TYPE_CHECKING:  # the grading modules load when a map is graded: the CLI starts quickly
    from argmap.model import ArgumentMap


def _maps_in(folder: Path, skip: list[Path]) -> list[Path]:
    """The map files (.yaml, .yml, .json) in ``folder``, sorted, without the files in ``skip``."""
    from argmap.io import FORMATS

    skipped = {p.resolve() for p in skip}
    found = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in FORMATS and p.is_file() and p.resolve() not in skipped)
    if not found:
        raise UsageError(f"{folder}: no maps (.yaml, .yml, .json) in this folder")
    return found


def _grade_folder(model: ArgumentMap, model_path: Path, files: list[Path], fmt: str) -> str:
    from argmap.compare import compare_maps, to_data
    from argmap.compare import report as reports
    from argmap.io import load_map

    """Every map in ``files`` graded; a map that cannot be read gets its error in its row."""
    rows, results = [], []
    for path in files:
        try:
            result = compare_maps(model, load_map(path))
        except MapLoadError as exc:
            error = "; ".join(str(p) for p in exc.problems)
            rows.append(reports.row(str(path), None, error))
            results.append({"file": str(path), "error": error})
            continue
        rows.append(reports.row(str(path), result))
        results.append({"file": str(path), "error": None, **to_data(result)})
    failed = sum(1 for r in rows if r["error"])
    if failed:
        click.echo(f"{failed} of {len(files)} maps could not be read; their rows say why",
                   err=True)
    if fmt == "json":
        return json.dumps({"model": str(model_path), "maps": results}, indent=2,
                          ensure_ascii=False) + "\n"
    render = {"csv": reports.csv_text, "md": reports.folder_markdown, "text": reports.folder_text}
    return render[fmt](rows)


def _grade_one(model: ArgumentMap, model_path: Path, student_path: Path, fmt: str) -> str:
    from argmap.compare import compare_maps, to_data
    from argmap.compare import report as reports
    from argmap.io import load_map

    result = compare_maps(model, load_map(student_path))
    if fmt == "json":
        return json.dumps(to_data(result), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return reports.csv_text([reports.row(str(student_path), result)])
    if fmt == "md":
        return reports.markdown(result, str(model_path), str(student_path))
    return reports.text(result, str(model_path), str(student_path))


@app.command()
@click.argument("model_file", metavar="MODEL", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("student", metavar="STUDENT", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "csv"]),
              default="text", show_default=True,
              help="text for the terminal, json for scripts, md for a page, csv for a class.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output (- is standard output).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def diff(model_file: Path, student: Path, fmt: str, out: Path | None, force: bool) -> None:
    """Grade STUDENT's map against the MODEL map (or every map in the folder STUDENT).

    Claims are paired by the meaning of their words, not by id or order; each model link is
    found present, missing, of the wrong type, pointing at the wrong target, or with its linked
    premises split up. The score (0 to 1, 1 for the model itself) and its weights are
    explained in docs/grading.md. A folder is graded one row per map; a map that cannot be read
    gets its error in its row and the others are still graded.

    \b
    Example:
      argmap diff model.yaml alice.yaml
      argmap diff model.yaml alice.yaml --format json
      argmap diff model.yaml class/ --format csv -o grades.csv
    """
    files = _maps_in(student, [model_file] + ([out] if out else [])) if student.is_dir() \
        else None
    if out is not None:
        check_target(out, force=force, inputs=[model_file, *(files or [student])])
    from argmap.io import load_map

    model = load_map(model_file)
    if files is not None:
        output = _grade_folder(model, model_file, files, fmt)
    else:
        output = _grade_one(model, model_file, student, fmt)
    if out is None or str(out) == "-":
        click.echo(output, nl=False)
    else:
        atomic_write(out, output.encode("utf-8"))
        click.echo(f"wrote {out}", err=True)
