"""Reads for the public session pages: one session with its structure, and session lists."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from conference.models import KeyFigure
from conference.selectors import (
    latest,
    public_key_figures,
    session_speakers_prefetch,
    visible_sessions,
)
from sessions_app.models import ContentBlock, Session


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
    speakers: list
    municipalities: list
    key_figures: list[KeyFigure]
    anchored_figure_pks: set[int]
    previous: Session | None
    next: Session | None
    last_modified: datetime | None = None


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_on_sentences(text: str, figures: list[KeyFigure]) -> list[Segment]:
    """Split text into plain segments and the source sentences of the given figures.

    A sentence is found when the figure's source text occurs in the block (spacing
    ignored). Several figures quoting the same sentence share one segment.
    """
    flat = normalise(text)
    spans: dict[tuple[int, int], list[KeyFigure]] = {}
    for figure in figures:
        source = normalise(figure.source_text or "")
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
    anchored: set[int] = set()
    rendered = []
    for block in blocks:
        remaining = [f for f in figures if f.pk not in anchored]
        segments = split_on_sentences(block.text, remaining)
        anchored |= {f.pk for s in segments for f in s.figures}
        items = []
        for item in block.items or []:
            remaining = [f for f in figures if f.pk not in anchored]
            item_segments = split_on_sentences(str(item), remaining)
            anchored |= {f.pk for s in item_segments for f in s.figures}
            items.append(item_segments)
        rendered.append(RenderedBlock(block=block, segments=segments, items=items))
    return rendered, anchored


def session_page(
    event_slug: str, slug: str, *, include_drafts: bool = False
) -> SessionPage:
    """Return everything the session page shows (6 queries), or raise Http404."""
    try:
        session = (
            visible_sessions(include_drafts=include_drafts)
            .select_related("event")
            .prefetch_related(
                Prefetch(
                    "blocks",
                    queryset=ContentBlock.objects.select_related(
                        "person__municipality"
                    ).order_by("order", "pk"),
                ),
                session_speakers_prefetch(),
                "municipalities",
            )
            .get(event__slug=event_slug, slug=slug)
        )
    except Session.DoesNotExist:
        raise Http404("No such session") from None
    figures = list(
        public_key_figures(include_drafts=include_drafts)
        .filter(session=session)
        .select_related("municipality")
        .order_by("order", "pk")
    )
    blocks = list(session.blocks.all())
    rendered, anchored = render_blocks(blocks, figures)
    siblings = list(
        visible_sessions(include_drafts=include_drafts)
        .filter(event=session.event)
        .order_by("order", "pk")
        .only("pk", "slug", "title", "order", "event_id")
    )
    position = next(i for i, s in enumerate(siblings) if s.pk == session.pk)
    for sibling in siblings:
        sibling.event = session.event
    speakers = list(session.session_speakers.all())
    return SessionPage(
        session=session,
        blocks=rendered,
        speakers=speakers,
        municipalities=list(session.municipalities.all()),
        key_figures=figures,
        anchored_figure_pks=anchored,
        previous=siblings[position - 1] if position > 0 else None,
        next=siblings[position + 1] if position + 1 < len(siblings) else None,
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
        visible_sessions()
        .select_related("event")
        .prefetch_related("municipalities")
        .order_by("-event__date", "event__title", "order", "pk")
    )
