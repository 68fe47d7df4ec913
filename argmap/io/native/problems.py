"""Turn parse and validation errors into `file:line:col: message` problems a person can act on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.errors import Problem
from argmap.integrity import suggest
from argmap.model import (
    ArgumentMap,
    Citation,
    Claim,
    Defaults,
    Link,
    LintConfig,
    Source,
)

Locator = Callable[[Sequence[str | int], bool], "tuple[int, int] | None"]

_SECTIONS: dict[str, type[BaseModel]] = {"claims": Claim, "links": Link, "sources": Source}
_PARTS: dict[str, type[BaseModel]] = {"defaults": Defaults, "lint": LintConfig}


def _model_at(loc: Sequence[str | int]) -> type[BaseModel]:
    """The model class that owns the field at ``loc`` (its last step)."""
    owner: type[BaseModel] = ArgumentMap
    steps = list(loc[:-1])
    if steps and steps[0] in _PARTS:
        return _PARTS[str(steps[0])]
    if len(steps) >= 2 and steps[0] in _SECTIONS:
        owner = _SECTIONS[str(steps[0])]
        if len(steps) >= 4 and steps[2] == "evidence":
            owner = Citation
    return owner


def _fields(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _owner_name(raw: Any, loc: Sequence[str | int]) -> str:
    if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
        kind = str(loc[0])[:-1]
        try:
            ident = raw[loc[0]][loc[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            ident = None
        name = f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{loc[1] + 1}"
        if len(loc) >= 4 and loc[2] == "evidence":
            name += f", evidence #{int(loc[3]) + 1}"
        return name
    if loc and loc[0] in _PARTS:
        return f"`{loc[0]}`"
    return "map"


def _message(err: dict[str, Any], raw: Any) -> tuple[str, bool]:
    """The human message for one pydantic error, and whether it points at a key."""
    loc = tuple(err["loc"])
    kind = err["type"]
    field = str(loc[-1]) if loc else ""
    owner = _owner_name(raw, loc)
    if kind in ("reference", "duplicate_id", "self_link"):
        return err["msg"], False
    if kind == "extra_forbidden":
        allowed = _fields(_model_at(loc))
        hint = suggest(field, allowed) or f" (allowed: {', '.join(allowed)})"
        return f"{owner}: unknown field {field!r}{hint}", True
    if kind == "missing":
        hint = " (`claims: []` for a map with no claims yet)" if loc == ("claims",) else ""
        return f"{owner}: missing required field `{field}`{hint}", True
    if kind == "string_pattern_mismatch" and field in ("text", "title"):
        return f"{owner}: `{field}` is empty or only white space; it must say something", False
    msg = err["msg"].removeprefix("Value error, ")
    if kind == "literal_error" and isinstance(err.get("input"), str):
        expected = [str(v).strip("'") for v in (err.get("ctx") or {}).get("expected", "").split(
            " or ") for v in v.split(", ")]
        msg += suggest(err["input"], expected)
    if loc == ("argmap",):
        return (f"map: `argmap` is the format version; this argmap reads version 1, the file"
                f" says {err.get('input')!r}"), False
    if kind == "model_type" and not loc:
        return "a map must be a mapping with `title:` and `claims:` at the top level", False
    if kind.endswith("_type"):
        msg = msg.split(" or instance of ")[0].replace("dictionary", "mapping")
        msg += f" (got {_kind_of(err.get('input'))})"
    path = _field_path(loc)
    if not path:
        return f"{owner}: {msg}", False
    return f"{owner}: {path}: {msg}", False


def _kind_of(value: Any) -> str:
    """What a value is, in a user's words: 'a list', 'text', 'null' ..."""
    if value is None:
        return "null"
    names = {bool: "true/false", str: "text", list: "a list", dict: "a mapping"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__


def _field_path(loc: Sequence[str | int]) -> str:
    """The part of ``loc`` inside its owner, e.g. "`tags` item #2"; empty for the owner itself."""
    rest = list(loc)
    if len(rest) >= 2 and rest[0] in _SECTIONS and isinstance(rest[1], int):
        rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "evidence" and isinstance(rest[1], int):
            rest = rest[2:]
    elif rest and rest[0] in _PARTS:
        rest = rest[1:]
    names = ".".join(str(s) for s in rest if not isinstance(s, int))
    index = rest[-1] if rest and isinstance(rest[-1], int) else None
    if index is None:
        return f"`{names}`" if names else ""
    return f"`{names}` item #{index + 1}" if names else f"item #{index + 1}"


def validation_problems(
    exc: ValidationError, raw: Any, path: str, locate: Locator
) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        message, at_key = _message(dict(err), raw)
        pos = locate(tuple(err["loc"]), at_key)
        line, col = pos if pos else (None, None)
        problems.append(Problem(path, line, col, message))
    return problems
