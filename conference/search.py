"""Search across sessions, people, quotes and key figures of the public site.

On PostgreSQL: full-text search with the Swedish configuration (stemming, so
"kompetens" finds "kompetenser"), ranked, with highlighted snippets. On SQLite: every
word of the query must occur in the row (case-insensitive substring, so a stem finds
its longer forms too), ranked by how often the words occur, with a simple snippet.
Both run one query per kind of result: 5 in all.
"""

import json
import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from conference.models import KeyFigure
from sessions_app.models import ContentBlock, Quote, Session
from speakers_app.models import Person

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
RESULTS_PER_KIND = 20
SNIPPET_RADIUS = 90
CONFIG = "swedish"
# Private-use characters mark hits in PostgreSQL headlines, so the text can be escaped
# before the marks become <mark> elements.
START, STOP = "\ue000", "\ue001"


class QueryError(ValueError):
    """A query that cannot be searched; the message is shown to the visitor."""


def clean_query(raw: str | None) -> str:
    """Return the query without control characters and surplus spaces.

    Raise QueryError (with a Swedish message) for an overlong query.
    """
    text = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", raw or "")
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("Sökfrågan är för lång. Använd högst %(max)s tecken.")
            % {"max": MAX_QUERY_LENGTH}
        )
    return text


def query_words(text: str) -> list[str]:
    """Return the words of a query (letters and digits), at most MAX_WORDS."""
    # One-letter words would prefix-match almost everything; digits are kept.
    words = re.findall(r"[^\W_]+", text)
    return [w for w in words if len(w) > 1 or w.isdigit()][:MAX_WORDS]


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    context: str
    rank: float


@dataclass
class Results:
    query: str
    sessions: list[Hit]
    people: list[Hit]
    quotes: list[Hit]
    key_figures: list[Hit]

    @property
    def total(self) -> int:
        return (
            len(self.sessions)
            + len(self.people)
            + len(self.quotes)
            + len(self.key_figures)
        )


def search(text: str) -> Results:
    """Search the public content for a cleaned query (see clean_query)."""
    words = query_words(text)
    if not words:
        return Results(text, [], [], [], [])
    if connection.vendor == "postgresql":
        backend = PostgresSearch(words)
    else:
        backend = SimpleSearch(words)
    return Results(
        query=text,
        sessions=backend.sessions(),
        people=backend.people(),
        quotes=backend.quotes(),
        key_figures=backend.key_figures(),
    )


def figure_title(figure: KeyFigure) -> str:
    from conference.formatting import format_figure

    area = figure.municipality.name if figure.municipality else _("Göteborgsregionen")
    return f"{figure.label}: {format_figure(figure)} ({area})"


def session_context(session: Session) -> str:
    return session.event.title


def mark_snippet(headline: str) -> SafeString:
    """Escape a headline and turn the hit marks into <mark> elements."""
    html = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only our own tags added


# Label (weight A) and source sentence (B), kept by PostgreSQL in a generated column
# with a GIN index (migration conference/0008): the figures are the one kind of result
# that grows into the hundred thousands.
STORED_KEY_FIGURE_VECTOR = RawSQL(
    '"conference_keyfigure"."search_vector"', [], output_field=SearchVectorField()
)


class PostgresSearch:
    """Full-text search with the Swedish configuration, ranked, with headlines."""

    def __init__(self, words: list[str]):
        # Swedish Snowball stems "kompetens" to "kompet" but "kompetenser" to
        # "kompetens": a prefix query on each stemmed word finds both. The words are
        # letters and digits only (query_words), so the raw syntax is safe.
        raw = " & ".join(f"{word}:*" for word in words)
        self.query = SearchQuery(raw, config=CONFIG, search_type="raw")

    def headline(self, expression):
        return SearchHeadline(
            expression,
            self.query,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )

    def ranked(self, queryset: QuerySet, vector) -> QuerySet:
        return (
            queryset.annotate(search=vector, rank=SearchRank(vector, self.query))
            .filter(search=self.query)
            .order_by("-rank", "pk")
        )

    def sessions(self) -> list[Hit]:
        # A session matches on its title and summary, or on one of its content
        # blocks together with them; the best-ranked row gives the snippet.
        items_text = RawSQL(
            "array_to_string(ARRAY(SELECT jsonb_array_elements_text("
            '"sessions_app_contentblock"."items")), \' \')',
            [],
            output_field=TextField(),
        )
        direct = (
            self.ranked(
                Session.objects.public().select_related("event"),
                SearchVector("title", weight="A", config=CONFIG)
                + SearchVector("summary", weight="B", config=CONFIG),
            )
            .annotate(
                snippet=self.headline(
                    Concat("title", Value(". "), "summary", output_field=TextField())
                )
            )
            .only("pk", "title", "slug", "event__slug", "event__title", "summary")[
                :RESULTS_PER_KIND
            ]
        )
        blocks = self.ranked(
            ContentBlock.objects.filter(
                session__in=Session.objects.public().values("pk")
            ).select_related("session__event"),
            SearchVector("session__title", weight="A", config=CONFIG)
            + SearchVector("session__summary", weight="B", config=CONFIG)
            + SearchVector("text", weight="C", config=CONFIG)
            + SearchVector(items_text, weight="C", config=CONFIG),
        ).annotate(
            snippet=self.headline(
                Concat(
                    "session__summary",
                    Value(" "),
                    "text",
                    Value(" "),
                    items_text,
                    output_field=TextField(),
                )
            )
        )[: RESULTS_PER_KIND * 5]
        hits: dict[int, Hit] = {}
        rows = [(s, s, s.rank, s.snippet) for s in direct] + [
            (b, b.session, b.rank, b.snippet) for b in blocks
        ]
        for _row, session, rank, snippet in rows:
            hit = hits.get(session.pk)
            if hit is not None and (hit.rank >= rank or START not in snippet):
                continue
            hits[session.pk] = Hit(
                kind="session",
                title=session.title,
                url=session.get_absolute_url(),
                snippet=mark_snippet(snippet),
                context=session_context(session),
                rank=max(rank, hit.rank if hit else 0),
            )
        return sorted(hits.values(), key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]

    def people(self) -> list[Hit]:
        people = self.ranked(
            Person.objects.public(),
            SearchVector("name", weight="A", config=CONFIG)
            + SearchVector("title", "organization", weight="B", config=CONFIG),
        ).annotate(
            snippet=self.headline(
                Concat(
                    "title",
                    Value(", "),
                    "organization",
                    output_field=TextField(),
                )
            )
        )[:RESULTS_PER_KIND]
        return [
            Hit(
                "person",
                p.name,
                p.get_absolute_url(),
                mark_snippet(p.snippet.strip(", ")),
                "",
                p.rank,
            )
            for p in people
        ]

    def quotes(self) -> list[Hit]:
        quotes = (
            self.ranked(
                Quote.objects.public(),
                SearchVector("text", weight="A", config=CONFIG)
                + SearchVector("attribution", weight="C", config=CONFIG),
            )
            .select_related("person", "session__event", "event")
            .annotate(snippet=self.headline("text"))[:RESULTS_PER_KIND]
        )
        return [quote_hit(q, mark_snippet(q.snippet), q.rank) for q in quotes]

    def key_figures(self) -> list[Hit]:
        figures = (
            self.ranked(KeyFigure.objects.public(), STORED_KEY_FIGURE_VECTOR)
            .select_related("municipality", "session__event", "event")
            .annotate(snippet=self.headline("source_text"))[:RESULTS_PER_KIND]
        )
        return [
            Hit(
                "key_figure",
                figure_title(f),
                f.get_absolute_url(),
                mark_snippet(f.snippet),
                f.event.title,
                f.rank,
            )
            for f in figures
        ]


def quote_hit(quote, snippet: SafeString, rank: float) -> Hit:
    who = quote.person.name if quote.person else quote.attribution
    url = (
        quote.session.get_absolute_url()
        if quote.session
        else quote.event.get_absolute_url()
    )
    return Hit("quote", who or _("Anonym"), url, snippet, quote.event.title, rank)


class SimpleSearch:
    """The SQLite fallback: every word must occur in one of the row's fields."""

    def __init__(self, words: list[str]):
        self.words = words

    def matching(self, queryset: QuerySet, fields: list[str]) -> QuerySet:
        for word in self.words:
            condition = Q()
            for name in fields:
                condition |= Q(**{f"{name}__icontains": word})
                if name == "items":  # SQLite stores JSON with \u escapes for å, ä, ö
                    escaped = json.dumps(word)[1:-1]
                    condition |= Q(**{f"{name}__icontains": escaped})
            queryset = queryset.filter(condition)
        return queryset

    def score(self, *texts: str) -> int:
        haystack = " ".join(texts).casefold()
        return sum(haystack.count(word.casefold()) for word in self.words)

    def snippet(self, text: str) -> SafeString:
        return simple_snippet(text, self.words)

    def sessions(self) -> list[Hit]:
        # All words must occur in the session's title and summary, or within one
        # block together with them.
        direct = self.matching(
            Session.objects.public().select_related("event"), ["title", "summary"]
        )[:RESULTS_PER_KIND]
        blocks = self.matching(
            ContentBlock.objects.filter(
                session__in=Session.objects.public().values("pk")
            ).select_related("session__event"),
            ["text", "items", "session__title", "session__summary"],
        ).order_by("session__event__date", "session__order", "order")[
            : RESULTS_PER_KIND * 5
        ]
        rows = [(s, f"{s.title}. {s.summary}") for s in direct] + [
            (b.session, " ".join([b.text, *map(str, b.items or [])]).strip())
            for b in blocks
        ]
        hits: dict[int, Hit] = {}
        for session, text in rows:
            score = self.score(session.title, session.summary, text)
            hit = hits.get(session.pk)
            if hit is None or score > hit.rank:
                snippet_source = text if self.score(text) else session.summary
                hits[session.pk] = Hit(
                    "session",
                    session.title,
                    session.get_absolute_url(),
                    self.snippet(snippet_source or session.title),
                    session_context(session),
                    score,
                )
        return sorted(hits.values(), key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]

    def people(self) -> list[Hit]:
        people = self.matching(
            Person.objects.public(), ["name", "title", "organization"]
        )[: RESULTS_PER_KIND * 5]
        hits = [
            Hit(
                "person",
                p.name,
                p.get_absolute_url(),
                self.snippet(", ".join(filter(None, [p.title, p.organization]))),
                "",
                self.score(p.name, p.name, p.title, p.organization),
            )
            for p in people
        ]
        return sorted(hits, key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]

    def quotes(self) -> list[Hit]:
        quotes = self.matching(
            Quote.objects.public().select_related("person", "session__event", "event"),
            ["text", "attribution"],
        )[: RESULTS_PER_KIND * 5]
        hits = [
            quote_hit(q, self.snippet(q.text), self.score(q.text, q.attribution))
            for q in quotes
        ]
        return sorted(hits, key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]

    def key_figures(self) -> list[Hit]:
        figures = self.matching(
            KeyFigure.objects.public().select_related("municipality", "event"),
            ["label", "source_text"],
        )[: RESULTS_PER_KIND * 5]
        hits = [
            Hit(
                "key_figure",
                figure_title(f),
                f.get_absolute_url(),
                self.snippet(f.source_text or f.label),
                f.event.title,
                self.score(f.label, f.label, f.source_text),
            )
            for f in figures
        ]
        return sorted(hits, key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]


def simple_snippet(text: str, words: list[str]) -> SafeString:
    """Return an escaped excerpt around the first hit, with every hit in <mark>."""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_RADIUS) if first else 0
    end = min(len(text), start + 2 * SNIPPET_RADIUS + 40)
    excerpt = text[start:end]
    html = []
    position = 0
    for match in pattern.finditer(excerpt):
        html.append(escape(excerpt[position : match.start()]))
        html.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    html.append(escape(excerpt[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 - escaped parts
