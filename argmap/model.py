"""The argument map format as pydantic models.

A map is sources, claims and links. Field-level rules (types, ranges, unknown fields, slug ids)
live on the models; the cross-reference rules (unique ids, every ``from``/``to``/``source``
resolves, no self-links) are checked over the raw input by :mod:`argmap.integrity`, so a file
with both kinds of mistake reports all of them at once.

>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"}]})
>>> m.claims[0].kind
'premise'
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

FORMAT_VERSION = 1

ClaimKind = Literal["conclusion", "premise", "rebuttal", "assumption"]
LinkType = Literal["supports", "attacks"]
Strength = Literal["strong", "moderate", "weak"]
SourceKind = Literal["article", "study", "report", "dataset", "interview", "opinion", "other"]
Severity = Literal["error", "warning", "info"]

CLAIM_KINDS: tuple[str, ...] = ("conclusion", "premise", "rebuttal", "assumption")
LINK_TYPES: tuple[str, ...] = ("supports", "attacks")
STRENGTHS: tuple[str, ...] = ("strong", "moderate", "weak")

# Fields that take one id or a list of ids: the schema says so, the model keeps a list.
# A claim or link a tool proposed (`argmap draft`) and no person has reviewed yet.
PROPOSED_HELP = "proposed by a tool, not yet reviewed: accepting it removes the mark"

IdList = Annotated[
    list[str],
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]

SLUG_MAX = 128
_SLUG = rf"[a-z0-9][a-z0-9_.-]{{0,{SLUG_MAX - 1}}}"
SLUG_RE = re.compile(rf"{_SLUG}\Z")  # use with .match; \Z: a trailing newline is not allowed
# An id, checked by pydantic-core's own regex engine (a Python validator per id cost a tenth of
# a big map's load); the wrap validator of ArgumentMap words a mismatch with `slug_problem`.
# pydantic-core's `$` is the end of the text (no newline before it), like `\Z` above.
Slug = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}$")]
# A source's address: the web (http, https) or a DOI; no white space, control characters, quotes
# or angle brackets, so it can go into Markdown, HTML and DOT as it is.
URL_RE = re.compile(r"(?:https?://[^\s\x00-\x1f\x7f-\x9f<>\"`\\]+|doi:10\.[^\s\x00-\x1f\x7f-\x9f<>\"`\\]+)\Z",
                    re.IGNORECASE)
# Text that must say something: not empty, not only white space (checked by pydantic-core).
Written = Annotated[str, StringConstraints(pattern=r"\S")]


def slugify(text: str, fallback: str = "x") -> str:
    """A slug made from free text: ``slugify("US leads!") == "us-leads"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or fallback


def slug_problem(value: str) -> str:
    """Why ``value`` is not an id, with a slug to use instead."""
    return (f"id {value!r} is not a slug: use lowercase letters, digits and - _ . "
            f"(e.g. {slugify(value)!r})")


def _slug_errors(errors: list[Any]) -> list[Any]:
    """Field errors with each id's pattern mismatch worded as :func:`slug_problem` words it."""
    for i, err in enumerate(errors):
        if err["type"] == "string_pattern_mismatch" and err["loc"][-1:] == ("id",):
            kind = PydanticCustomError("value_error", "Value error, {msg}",
                                       {"msg": slug_problem(err["input"])})
            errors[i] = InitErrorDetails(type=kind, loc=err["loc"], input=err["input"])
    return errors


class Model(BaseModel):
    """Base of every map model: unknown fields are refused, aliases and names both accepted."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        validate_assignment=True,
        str_strip_whitespace=False,
        coerce_numbers_to_str=True,  # `title: 2024` and `id: 7` are text
    )


class Citation(Model):
    """Where a claim or link is backed (or, for a subject source, where the text says it)."""

    source: str = Field(description="id of a source in `sources`")
    locator: str | None = Field(None, description="where in the source, e.g. 'para 7'")
    quote: str | None = Field(None, description="a short excerpt, checked against the source text")
    note: str | None = None

    @field_validator("locator", mode="before")
    @classmethod
    def _locator_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class Source(Model):
    """A text the map cites: an article, a study, a dataset ..."""

    id: Slug
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = Field(None, description="as known: 2024, 2024-05 or 2024-05-01")
    url: str | None = None
    kind: SourceKind = "other"
    text: str | None = Field(None, description="path to a local copy, used to verify quotes")
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _web_or_doi(cls, value: str | None) -> str | None:
        if value is not None and not URL_RE.match(value):
            raise ValueError(f"{value!r} is not a link argmap follows: give an http:// or "
                             "https:// address, or doi:10.… (no spaces or line breaks)")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        if isinstance(value, _dt.date | int):
            return value.isoformat() if isinstance(value, _dt.date) else str(value)
        return value


class Locution(Model):
    """Who put a claim forward in a dialogue, as AIF's L and YA nodes record it."""

    text: str = Field(description="the utterance as recorded (AIF L-node text)")
    speaker: str | None = Field(None, description="who said it, when the record names them")
    act: str | None = Field(None, description="the illocution, e.g. Asserting (AIF YA-node)")


class Claim(Model):
    """One claim, in the analyst's words."""

    id: Slug
    text: Written = Field(description="the claim in the analyst's words (not blank)")
    kind: ClaimKind = "premise"
    evidence: list[Citation] = Field(default_factory=list)
    confidence: float | None = Field(
        None, ge=0.0, le=1.0, allow_inf_nan=False, description="base score in [0, 1]"
    )
    tags: list[str] = Field(default_factory=list)
    note: str | None = None
    said: list[Locution] = Field(
        default_factory=list, description="who asserted the claim in a dialogue (from AIF)")
    ignore: dict[str, str] = Field(
        default_factory=dict, description="rule code or name -> the reason it is silenced here"
    )
    proposed: bool = Field(False, description=PROPOSED_HELP)


class Link(Model):
    """A support or attack from one claim (or several co-premises) to a claim or a link."""

    id: Slug | None = Field(None, description="generated (l1, l2, ...) when absent")
    from_: IdList = Field(alias="from", min_length=1, description="premise id, or co-premise ids")
    to: str
    type: LinkType = "supports"
    strength: Strength = "moderate"
    warrant: str | None = None
    scheme: str | None = Field(
        None, description="the argument scheme the link follows (e.g. expert-opinion); its "
                          "critical questions are checked (`argmap schemes` lists them)")
    answers: IdList = Field(
        default_factory=list,
        description="on an attack: the critical question(s) of the attacked link it answers (CQ2)")
    answered: dict[str, str] = Field(
        default_factory=dict,
        description="critical question of this link's scheme -> why it is answered already")
    evidence: list[Citation] = Field(default_factory=list)
    note: str | None = None
    ignore: dict[str, str] = Field(default_factory=dict)
    proposed: bool = Field(False, description=PROPOSED_HELP)

    @field_validator("answers", mode="before")
    @classmethod
    def _answers_one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("from_", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def premises(self) -> list[str]:
        return self.from_

    @property
    def ident(self) -> str:
        """The link's id (always set once the map has validated)."""
        assert self.id is not None
        return self.id


Score = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class EvidenceLevels(Model):
    """The base score of a claim that gives no ``confidence``, by how it is backed (the best
    of its citations counts; see docs/evaluation.md)."""

    quoted: Score = Field(0.8, description="evidence (a non-subject source) with quote and locator")
    cited: Score = Field(0.65, description="evidence without a quote or without a locator")
    vague: Score = Field(0.5, description="evidence only from vague sources (see AM110)")
    asserted: Score = Field(0.45, description="only provenance: the subject text says it")
    unsourced: Score = Field(0.4, description="no citation at all")


class Defaults(Model):
    """Base scores of claims that give no ``confidence`` of their own.

    By default the base follows the claim's evidence (``evidence``, the levels above).
    ``evidence: false`` turns the levels off: every such claim then starts at ``confidence``,
    as every claim did before the levels existed.
    """

    confidence: Score = Field(
        0.5, description="the one base of every claim when `evidence` is false")
    evidence: EvidenceLevels | Literal[False] = Field(
        default_factory=EvidenceLevels,
        description="base score by evidence level, or false for one base (`confidence`) for all")


class LintConfig(Model):
    select: list[str] = Field(default_factory=list, description="codes or names; empty = all")
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    sweeping_words: list[str] = Field(default_factory=list, alias="sweeping-words")
    weak_threshold: float | None = Field(
        None, alias="weak-threshold", ge=0.0, le=1.0, allow_inf_nan=False
    )


# Validation context of a loader that has run the reference checks itself, part by part as it
# built the items (io.native.quick), and names the links: the whole-map check is skipped.
REFERENCES_CHECKED = object()


class ArgumentMap(Model):
    """A whole map: what the file holds."""

    # Whole-map checks run on validation, not on each assignment; edits go through argmap.edit.
    model_config = ConfigDict(validate_assignment=False)
    _origin: Any = PrivateAttr(None)  # argmap.io.Origin: the file and layout it was read from

    argmap: Literal[1] = Field(FORMAT_VERSION, description="format version")
    title: Written
    description: str | None = None
    subject: IdList = Field(
        default_factory=list, description="ids of the sources this map analyses"
    )
    defaults: Defaults = Field(default_factory=Defaults)
    lint: LintConfig = Field(default_factory=LintConfig)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(description="required; `claims: []` for a map with none yet")
    links: list[Link] = Field(default_factory=list)

    @field_validator("subject", mode="before")
    @classmethod
    def _subject_one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="wrap")
    @classmethod
    def _references(cls, data: Any, handler: ValidatorFunctionWrapHandler,
                    info: ValidationInfo) -> ArgumentMap:
        # Field errors and reference errors are reported together: run the field validation,
        # then the reference checks over the raw input, and raise one combined error.
        from argmap.integrity import reference_check

        if info.context is REFERENCES_CHECKED:
            return handler(data)  # type: ignore[no-any-return]
        field_error: ValidationError | None = None
        result: ArgumentMap | None = None
        try:
            result = handler(data)
        except ValidationError as exc:
            field_error = exc
        if isinstance(data, ArgumentMap):
            return data
        ref_errors, all_named = reference_check(data)
        if field_error is None and not ref_errors:
            assert result is not None
            if not all_named:
                result._name_links()
            return result
        line_errors: list[Any] = _slug_errors(field_error.errors()) if field_error else []
        line_errors.extend(ref_errors)
        raise ValidationError.from_exception_data(cls.__name__, line_errors)

    def _name_links(self, taken: set[str] | None = None) -> None:
        """Give each link without an id the first free ``l1``, ``l2`` ...; ``taken``, every claim
        and link id when the caller has them at hand (it is extended), spares collecting them."""
        if taken is None:
            if all(lk.id is not None for lk in self.links):
                return  # nothing to name: skip collecting every id
            taken = {c.id for c in self.claims} | {lk.id for lk in self.links if lk.id}
        n = 0
        for link in self.links:
            if link.id is None:
                n += 1
                while f"l{n}" in taken:
                    n += 1
                # A generated id is not the author's: keep it out of what is saved.
                object.__setattr__(link, "id", f"l{n}")
                taken.add(f"l{n}")

    # Plain lookups, linear: analysis builds its own indexes once per run.
    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def link(self, link_id: str) -> Link:
        for link in self.links:
            if link.id == link_id:
                return link
        raise KeyError(link_id)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def links_into(self, target_id: str) -> list[Link]:
        return [lk for lk in self.links if lk.to == target_id]

    def links_out_of(self, claim_id: str) -> list[Link]:
        return [lk for lk in self.links if claim_id in lk.from_]

    def is_evidence(self, citation: Citation) -> bool:
        """True when the citation backs the claim, False when it only locates it in the subject."""
        return citation.source not in self.subject
