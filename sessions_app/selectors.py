"""Reads for the public session pages: one session with its structure, and session lists."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from conference.http import latest
from conference.models import KeyFigure, Municipality, loader_fields
from sessions_app.models import ContentBlock, Session, SessionSpeaker


@dataclass
class Segment:
    """A piece of a block's text; `figures` are the key figures whose sentence it is."""

    text: str
    figures: list[KeyFigure] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"kalla-{self.figures[0].pk}" if self.figures else ""


@dataclass
class RenderedBlock:
    """A content block split into segments, so a figure's sentence can be marked and linked."""

    block: ContentBlock
    segments: list[Segment]
    items: list[list[Segment]]


@dataclass
class SessionPage:
    session: Session
    blocks: list[RenderedBlock]
    speakers: list[SessionSpeaker]
    municipalities: list[Municipality]
    key_figures: list[KeyFigure]
    anchored_figure_pks: set[int]
    previous: Session | None
    next: Session | None
    last_modified: datetime | None = None


WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def split_on_sentences(
    text: str, figures: list[KeyFigure], sources: dict[int, str]
) -> list[Segment]:
    """Split text into plain segments and the source sentences of the given figures.

    A sentence is found when the figure's source text occurs in the block (spacing
    ignored). Several figures quoting the same sentence share one segment.
    `sources` maps figure pks to their normalised source text.
    """
    flat = normalise(text)
    spans: dict[tuple[int, int], list[KeyFigure]] = {}
    for figure in figures:
        source = sources[figure.pk]
        if not source:
            continue
        start = flat.find(source)
        if start < 0:
            continue
        spans.setdefault((start, start + len(source)), []).append(figure)
    segments: list[Segment] = []
    position = 0
    for (start, end), matched in sorted(spans.items()):
        if start < position:  # overlapping sentences: keep the first
            continue
        if start > position:
            segments.append(Segment(flat[position:start]))
        segments.append(Segment(flat[start:end], matched))
        position = end
    if position < len(flat):
        segments.append(Segment(flat[position:]))
    return segments


def render_blocks(
    blocks: list[ContentBlock], figures: list[KeyFigure]
) -> tuple[list[RenderedBlock], set[int]]:
    """Return the blocks split into segments and the pks of figures found in the text.

    Each figure gets an anchor on its first occurrence only, so ids stay unique.
    """
    # Normalised once per page, not once per block and figure.
    sources = {f.pk: normalise(f.source_text or "") for f in figures}
    figures = [f for f in figures if sources[f.pk]]
    anchored: set[int] = set()
    rendered = []
    for block in blocks:
        remaining = [f for f in figures if f.pk not in anchored]
        segments = split_on_sentences(block.text, remaining, sources)
        anchored |= {f.pk for s in segments for f in s.figures}
        items = []
        for item in block.items or []:
            remaining = [f for f in figures if f.pk not in anchored]
            item_segments = split_on_sentences(str(item), remaining, sources)
            anchored |= {f.pk for s in item_segments for f in s.figures}
            items.append(item_segments)
        rendered.append(RenderedBlock(block=block, segments=segments, items=items))
    return rendered, anchored


def session_page(
    event_slug: str, slug: str, *, include_drafts: bool = False
) -> SessionPage:
    """Return everything the session page shows (5 queries), or raise Http404."""
    # One query gives the session and its neighbours in the programme.
    programme = list(
        Session.objects.visible(include_drafts=include_drafts)
        .filter(event__slug=event_slug)
        .select_related("event")
        .defer(*loader_fields("", "event"))
        .order_by("order", "pk")
    )
    position = next((i for i, s in enumerate(programme) if s.slug == slug), None)
    if position is None:
        raise Http404("No such session")
    session = programme[position]
    blocks = list(
        ContentBlock.objects.filter(session_id=session.pk)
        .select_related("person")
        .defer(*loader_fields("person"))
        .order_by("order", "pk")
    )
    speakers = list(
        SessionSpeaker.objects.filter(session_id=session.pk)
        .select_related("person__municipality")
        .defer(*loader_fields("person"))
        .order_by("order", "pk")
    )
    figures = list(
        KeyFigure.objects.visible(include_drafts=include_drafts)
        .filter(session_id=session.pk)
        .select_related("municipality")
        .defer(*loader_fields(""))
        .order_by("order", "pk")
    )
    for figure in figures:
        figure.event = session.event  # year_unfinished needs the date: no extra query
    rendered, anchored = render_blocks(blocks, figures)
    return SessionPage(
        session=session,
        blocks=rendered,
        speakers=speakers,
        municipalities=list(Municipality.objects.filter(sessions=session.pk)),
        key_figures=figures,
        anchored_figure_pks=anchored,
        previous=programme[position - 1] if position > 0 else None,
        next=programme[position + 1] if position + 1 < len(programme) else None,
        last_modified=latest(
            session.updated_at,
            session.event.updated_at,
            *(f.updated_at for f in figures),
            *(s.person.updated_at for s in speakers),
        ),
    )


def session_list() -> QuerySet[Session]:
    """Return the public sessions with their event, newest event first (for a FilterSet)."""
    return (
        Session.objects.public()
        .select_related("event")
        .prefetch_related("municipalities")
        .order_by("-event__date", "event__title", "order", "pk")
    )
