"""Search across municipalities, sessions, people, quotes and key figures of the site.

What a visitor types is matched the way they mean it, on both databases:
- case and accents do not matter ("forsorjningsstod" finds "försörjningsstöd");
- a stem finds its longer forms ("kompetens" finds "kompetenser");
- a session is found by its title, summary, text and its speakers' names;
- a municipality's name finds its page, and its key figures come first;
- a query without hits gets a "Menade du …?" suggestion, from words of the site's
  titles and names close to the query's.

On PostgreSQL: full-text search with `swedish_unaccent` (Swedish stemming after
`unaccent`, migration conference/0009), ranked, with highlighted snippets; suggestions
by trigram similarity (pg_trgm). On SQLite: every word must occur in the row after
folding case and accents (`search_fold`, a function registered on each connection),
ranked by how often the words occur; suggestions by difflib.

Ranking is bounded: each kind ranks at most RANKED_CANDIDATES matching rows, so a word
found in 35 000 key figures costs no more than one found in 200 (scripts/bench_search.py).
Queries: one per kind of result (5), and one more for a suggestion when nothing is found.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Greatest, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from conference.models import KeyFigure, Municipality
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
RESULTS_PER_KIND = 20
# Each kind ranks at most this many matching rows (the first the database finds).
RANKED_CANDIDATES = 200
SNIPPET_RADIUS = 90
CONFIG = "swedish_unaccent"
# Suggestions: texts read on SQLite, texts and similarity kept on PostgreSQL.
SUGGESTION_TEXTS = 5000
SUGGESTION_SIMILARITY = 0.5
SUGGESTION_CUTOFF = 0.75
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


def fold(text: str) -> str:
    """Return ``text`` in lower case without accents: "Försörjningsstöd" → "forsorjningsstod".

    The same folding as PostgreSQL's lower(unaccent(…)) for Swedish text.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def register_sqlite_functions(sender, connection, **kwargs):
    """Give each new SQLite connection `search_fold` (connection_created receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "search_fold", 1, lambda text: fold(text or ""), deterministic=True
        )


class Fold(Func):
    """Lower case without accents, in the database (see fold())."""

    function = "search_fold"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="lower(unaccent(%(expressions)s))",
            **extra_context,
        )


class ItemsText(Func):
    """The items of a list block (a JSON array of strings) as one text."""

    template = "(SELECT group_concat(value, ' ') FROM json_each(%(expressions)s))"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="array_to_string(ARRAY(SELECT jsonb_array_elements_text("
            "%(expressions)s)), ' ')",
            **extra_context,
        )


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
    municipalities: list[Hit] = field(default_factory=list)
    sessions: list[Hit] = field(default_factory=list)
    people: list[Hit] = field(default_factory=list)
    quotes: list[Hit] = field(default_factory=list)
    key_figures: list[Hit] = field(default_factory=list)
    suggestion: str = ""

    @property
    def total(self) -> int:
        return sum(len(hits) for _heading, hits in self.groups)

    @property
    def groups(self) -> list[tuple[str, list[Hit]]]:
        """Return (heading, hits) of each kind; a named municipality and its figures
        first."""
        groups = [
            (_("Kommuner"), self.municipalities),
            (_("Programpunkter"), self.sessions),
            (_("Personer"), self.people),
            (_("Citat"), self.quotes),
            (_("Nyckeltal"), self.key_figures),
        ]
        if self.municipalities:
            groups.insert(1, groups.pop())
        return groups


def search(text: str) -> Results:
    """Search the public content for a cleaned query (see clean_query)."""
    words = query_words(text)
    if not words:
        return Results(text)
    municipalities, rest = named_municipalities(words)
    backend_class = (
        PostgresSearch if connection.vendor == "postgresql" else SimpleSearch
    )
    backend = backend_class(words, rest, [m.pk for m in municipalities])
    results = Results(
        query=text,
        municipalities=[municipality_hit(m) for m in municipalities],
        sessions=backend.sessions(),
        people=backend.people(),
        quotes=backend.quotes(),
        key_figures=backend.key_figures(),
    )
    if not results.total:
        results.suggestion = suggest(words, backend.suggestion_texts())
    return results


def named_municipalities(words: list[str]) -> tuple[list[Municipality], list[str]]:
    """Return the municipalities the query names (one query) and its other words."""
    folded = [fold(word) for word in words]
    phrases = {
        " ".join(folded[start:end])
        for start in range(len(folded))
        for end in range(start + 1, min(len(folded), start + 3) + 1)
    }
    municipalities = list(
        Municipality.objects.alias(
            folded=Fold(Replace("name", Value("-"), Value(" ")))
        ).filter(folded__in=phrases)
    )
    named = {part for m in municipalities for part in query_words(fold(m.name))}
    rest = [word for word, f in zip(words, folded, strict=True) if f not in named]
    return municipalities, rest


def municipality_hit(municipality: Municipality) -> Hit:
    if municipality.gr_member:
        context = _("Medlem i Göteborgsregionen")
    else:
        context = municipality.county_name or municipality.get_level_display()
    return Hit(
        "municipality",
        municipality.name,
        municipality.get_absolute_url(),
        mark_safe(""),  # noqa: S308 - empty
        str(context),
        1.0,
    )


def suggest(words: list[str], texts: list[str]) -> str:
    """Return the query with each unknown word replaced by the closest word of
    ``texts`` ("" when no word changes)."""
    vocabulary: dict[str, str] = {}
    for text in texts:
        for word in query_words(text):
            vocabulary.setdefault(fold(word), word)
    suggestion, changed = [], False
    for word in words:
        folded = fold(word)
        close = difflib.get_close_matches(
            folded, vocabulary, n=1, cutoff=SUGGESTION_CUTOFF
        )
        if folded not in vocabulary and close:
            # In the visitor's case: "nilson" → "nilsson", "Nilson" → "Nilsson".
            match = vocabulary[close[0]]
            suggestion.append(match.lower() if word.islower() else match)
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else ""


def figure_title(figure: KeyFigure) -> str:
    from conference.formatting import format_figure

    area = figure.municipality.name if figure.municipality else _("Göteborgsregionen")
    return f"{figure.label}: {format_figure(figure)} ({area})"


def mark_snippet(headline: str) -> SafeString:
    """Escape a headline and turn the hit marks into <mark> elements."""
    html = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only our own tags added


def quote_hit(quote, snippet: SafeString, rank: float) -> Hit:
    who = quote.person.name if quote.person else quote.attribution
    url = (
        quote.session.get_absolute_url()
        if quote.session
        else quote.event.get_absolute_url()
    )
    return Hit("quote", who or _("Anonym"), url, snippet, quote.event.title, rank)


def speaker_names() -> Subquery:
    """The names of a session's speakers, in order, as one text (or NULL)."""
    return Subquery(
        SessionSpeaker.objects.filter(session=OuterRef("pk"))
        .values("session")
        .annotate(names=StringAgg("person__name", Value(", ")))
        .values("names"),
        output_field=TextField(),
    )


def speakers_line() -> Case:
    """ "Medverkande: …" for a session with speakers, else ""."""
    return Case(
        When(
            Exists(SessionSpeaker.objects.filter(session=OuterRef("pk"))),
            then=Concat(
                Value(str(_("Medverkande: "))),
                speaker_names(),
                output_field=TextField(),
            ),
        ),
        default=Value(""),
        output_field=TextField(),
    )


def block_text() -> Concat:
    return Concat(
        "text",
        Value(" "),
        Coalesce(ItemsText("items"), Value(""), output_field=TextField()),
        output_field=TextField(),
    )


def suggestion_sources() -> list[QuerySet]:
    """The short public texts whose words are suggested: municipality names, session
    titles, people's names and titles (each annotated as `text`)."""
    return [
        Municipality.objects.annotate(text=F("name")),
        Session.objects.public().annotate(text=F("title")),
        Person.objects.public().annotate(
            text=Concat("name", Value(" "), "title", output_field=TextField())
        ),
    ]


# Label (weight A) and source sentence (B), kept by PostgreSQL in a generated column
# with a GIN index (migrations conference/0008, 0009): the figures are the one kind of
# result that grows into the hundred thousands. Unqualified on purpose: in the
# candidates' subquery the table has an alias, and no joined table has the column.
STORED_KEY_FIGURE_VECTOR = RawSQL(
    '"search_vector"', [], output_field=SearchVectorField()
)


class PostgresSearch:
    """Full-text search with the Swedish configuration, ranked, with headlines."""

    def __init__(self, words: list[str], rest: list[str], municipality_ids: list[int]):
        self.words = words
        self.municipality_ids = municipality_ids
        self.query = self.raw_query(words, " & ")
        self.rest_query = self.raw_query(rest, " & ") if rest else None
        # Headlines and ranks reward any word of the query.
        self.any_query = self.raw_query(words, " | ")

    @staticmethod
    def raw_query(words: list[str], operator: str) -> SearchQuery:
        # Swedish Snowball stems "kompetens" to "kompet" but "kompetenser" to
        # "kompetens": a prefix query on each stemmed word finds both. The words are
        # letters and digits only (query_words), so the raw syntax is safe.
        raw = operator.join(f"{word}:*" for word in words)
        return SearchQuery(raw, config=CONFIG, search_type="raw")

    def headline(self, expression):
        return SearchHeadline(
            expression,
            self.any_query,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )

    def sessions(self) -> list[Hit]:
        # Every word in the title or summary, in a content block, or in a speaker's
        # name: each word's blocks and speakers are one hashed subquery.
        own_vector = SearchVector("title", weight="A", config=CONFIG) + SearchVector(
            "summary", weight="B", config=CONFIG
        )
        condition = Q()
        for word in self.words:
            query = self.raw_query([word], "")
            blocks = ContentBlock.objects.annotate(
                search=SearchVector(block_text(), config=CONFIG)
            ).filter(search=query)
            named = Person.objects.annotate(
                search=SearchVector("name", config=CONFIG)
            ).filter(search=query)
            speakers = SessionSpeaker.objects.filter(person__in=named)
            condition &= (
                Q(search=query)
                | Q(pk__in=blocks.values("session_id"))
                | Q(pk__in=speakers.values("session_id"))
            )
        candidates = (
            Session.objects.public()
            .annotate(search=own_vector)
            .filter(condition)
            .order_by()
            .values("pk")[:RANKED_CANDIDATES]
        )
        first_block = Subquery(
            ContentBlock.objects.annotate(
                search=SearchVector(block_text(), config=CONFIG)
            )
            .filter(session=OuterRef("pk"), search=self.any_query)
            .order_by("order")
            .annotate(joined=block_text())
            .values("joined")[:1],
            output_field=TextField(),
        )
        rank_vector = own_vector + SearchVector(
            Coalesce(speaker_names(), Value(""), output_field=TextField()),
            weight="A",
            config=CONFIG,
        )
        sessions = (
            Session.objects.filter(pk__in=candidates)
            .select_related("event")
            .annotate(
                rank=SearchRank(rank_vector, self.any_query),
                snippet=self.headline(
                    Concat(
                        "summary",
                        Value(" "),
                        Coalesce(first_block, Value(""), output_field=TextField()),
                        Value(" "),
                        speakers_line(),
                        output_field=TextField(),
                    )
                ),
            )
            .only("pk", "title", "slug", "event__slug", "event__title")
            .order_by("-rank", "pk")[:RESULTS_PER_KIND]
        )
        return [
            Hit(
                "session",
                s.title,
                s.get_absolute_url(),
                mark_snippet(s.snippet.strip()),
                s.event.title,
                s.rank,
            )
            for s in sessions
        ]

    def ranked(self, queryset: QuerySet, vector) -> QuerySet:
        """Rank at most RANKED_CANDIDATES rows of ``queryset`` that match."""
        candidates = (
            queryset.annotate(search=vector)
            .filter(search=self.query)
            .order_by()
            .values("pk")[:RANKED_CANDIDATES]
        )
        return (
            queryset.model.objects.filter(pk__in=candidates)
            .annotate(rank=SearchRank(vector, self.any_query))
            .order_by("-rank", "pk")
        )

    def people(self) -> list[Hit]:
        people = self.ranked(
            Person.objects.public(),
            SearchVector("name", weight="A", config=CONFIG)
            + SearchVector("title", "organization", weight="B", config=CONFIG),
        ).annotate(
            snippet=self.headline(
                Concat("title", Value(", "), "organization", output_field=TextField())
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
        # The figures whose text has every word; with a municipality named, also its
        # own figures (newest first) that have the other words, ranked first.
        vector = STORED_KEY_FIGURE_VECTOR
        public = KeyFigure.objects.public()
        candidates = (
            public.annotate(search=vector)
            .filter(search=self.query)
            .order_by()
            .values("pk")[:RANKED_CANDIDATES]
        )
        if self.municipality_ids:
            own = public.filter(municipality__in=self.municipality_ids)
            if self.rest_query is not None:
                own = own.annotate(search=vector).filter(search=self.rest_query)
            # A union, not an OR of two IN conditions: that would read every figure.
            candidates = candidates.union(
                own.order_by("-year", "pk").values("pk")[:RANKED_CANDIDATES], all=True
            )
        figures = (
            KeyFigure.objects.filter(pk__in=candidates)
            .select_related("municipality", "event")
            .annotate(
                own=own_municipality(self.municipality_ids),
                rank=SearchRank(vector, self.any_query),
                snippet=self.headline("source_text"),
            )
            .order_by("-own", "-rank", "-year", "pk")[:RESULTS_PER_KIND]
        )
        return [
            Hit(
                "key_figure",
                figure_title(f),
                f.get_absolute_url(),
                mark_snippet(f.snippet or f.source_text),
                f.event.title,
                f.rank,
            )
            for f in figures
        ]

    def suggestion_texts(self) -> list[str]:
        """Return the texts with a word close to a query word (trigram similarity)."""
        folded = [fold(word) for word in self.words]
        parts = []
        for source in suggestion_sources():
            similarities = [TrigramWordSimilarity(w, Fold("text")) for w in folded]
            similarity = (
                Greatest(*similarities) if len(similarities) > 1 else similarities[0]
            )
            parts.append(
                source.annotate(similarity=similarity)
                .filter(similarity__gte=SUGGESTION_SIMILARITY)
                .order_by()
                .values_list("text", "similarity")
            )
        rows = parts[0].union(*parts[1:], all=True).order_by("-similarity")[:20]
        return [text for text, _similarity in rows]


def own_municipality(municipality_ids: list[int]) -> Case:
    """1 for a figure of a municipality the query names, else 0 (sorts them first)."""
    return Case(
        When(municipality__in=municipality_ids, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


class SimpleSearch:
    """The SQLite fallback: every word, folded, must occur in the row's text."""

    def __init__(self, words: list[str], rest: list[str], municipality_ids: list[int]):
        self.words = words
        self.folded = [fold(word) for word in words]
        self.rest = [fold(word) for word in rest]
        self.municipality_ids = municipality_ids

    @staticmethod
    def matching(queryset: QuerySet, texts: list, words: list[str]) -> QuerySet:
        """Keep the rows of ``queryset`` where every folded word occurs in a text."""
        names = [f"folded_{index}" for index in range(len(texts))]
        queryset = queryset.alias(
            **{name: Fold(text) for name, text in zip(names, texts, strict=True)}
        )
        for word in words:
            condition = Q()
            for name in names:
                condition |= Q(**{f"{name}__contains": word})
            queryset = queryset.filter(condition)
        return queryset

    def score(self, *texts: str) -> int:
        haystack = fold(" ".join(filter(None, texts)))
        return sum(haystack.count(word) for word in self.folded)

    def snippet(self, text: str) -> SafeString:
        return simple_snippet(text, self.words)

    def sessions(self) -> list[Hit]:
        condition = Q()
        for word in self.folded:
            blocks = self.matching(ContentBlock.objects.all(), [block_text()], [word])
            speakers = self.matching(
                SessionSpeaker.objects.all(), ["person__name"], [word]
            )
            condition &= (
                Q(folded_title__contains=word)
                | Q(folded_summary__contains=word)
                | Q(pk__in=blocks.values("session_id"))
                | Q(pk__in=speakers.values("session_id"))
            )
        any_word = Q()
        for word in self.folded:
            any_word |= Q(folded__contains=word)
        first_block = Subquery(
            ContentBlock.objects.filter(session=OuterRef("pk"))
            .alias(folded=Fold(block_text()))
            .filter(any_word)
            .order_by("order")
            .annotate(joined=block_text())
            .values("joined")[:1],
            output_field=TextField(),
        )
        sessions = (
            Session.objects.public()
            .alias(folded_title=Fold("title"), folded_summary=Fold("summary"))
            .filter(condition)
            .select_related("event")
            .annotate(block=first_block, speaker_names=speaker_names())
            .order_by()[:RANKED_CANDIDATES]
        )
        hits = []
        for s in sessions:
            names = s.speaker_names
            speakers = f"{_('Medverkande: ')}{names}" if names else ""
            text = " ".join(filter(None, [s.summary, s.block, speakers]))
            hits.append(
                Hit(
                    "session",
                    s.title,
                    s.get_absolute_url(),
                    self.snippet(text or s.title),
                    s.event.title,
                    self.score(s.title, s.title, names, s.summary, s.block),
                )
            )
        return top(hits)

    def people(self) -> list[Hit]:
        people = self.matching(
            Person.objects.public(), ["name", "title", "organization"], self.folded
        ).order_by()[:RANKED_CANDIDATES]
        return top(
            Hit(
                "person",
                p.name,
                p.get_absolute_url(),
                self.snippet(", ".join(filter(None, [p.title, p.organization]))),
                "",
                self.score(p.name, p.name, p.title, p.organization),
            )
            for p in people
        )

    def quotes(self) -> list[Hit]:
        quotes = self.matching(
            Quote.objects.public().select_related("person", "session__event", "event"),
            ["text", "attribution"],
            self.folded,
        ).order_by()[:RANKED_CANDIDATES]
        return top(
            quote_hit(q, self.snippet(q.text), self.score(q.text, q.attribution))
            for q in quotes
        )

    def key_figures(self) -> list[Hit]:
        public = KeyFigure.objects.public()
        texts = ["label", "source_text"]
        candidates = Q(
            pk__in=self.matching(public, texts, self.folded)
            .order_by()
            .values("pk")[:RANKED_CANDIDATES]
        )
        if self.municipality_ids:
            own = self.matching(
                public.filter(municipality__in=self.municipality_ids), texts, self.rest
            )
            candidates |= Q(
                pk__in=own.order_by("-year", "pk").values("pk")[:RANKED_CANDIDATES]
            )
        figures = (
            KeyFigure.objects.filter(candidates)
            .select_related("municipality", "event")
            .annotate(own=own_municipality(self.municipality_ids))
            .order_by("-own", "-year", "pk")[: RANKED_CANDIDATES * 2]
        )
        hits = [
            (
                f.own,
                Hit(
                    "key_figure",
                    figure_title(f),
                    f.get_absolute_url(),
                    self.snippet(f.source_text or f.label),
                    f.event.title,
                    self.score(f.label, f.label, f.source_text),
                ),
            )
            for f in figures
        ]
        hits.sort(key=lambda pair: (-pair[0], -pair[1].rank))
        return [hit for _own, hit in hits[:RESULTS_PER_KIND]]

    def suggestion_texts(self) -> list[str]:
        """Return at most SUGGESTION_TEXTS short texts (difflib picks from them)."""
        parts = [
            source.order_by().values_list("text") for source in suggestion_sources()
        ]
        rows = parts[0].union(*parts[1:], all=True).order_by()[:SUGGESTION_TEXTS]
        return [text for (text,) in rows]


def top(hits) -> list[Hit]:
    """Return the RESULTS_PER_KIND best hits, best first (stable for equal ranks)."""
    return sorted(hits, key=lambda hit: -hit.rank)[:RESULTS_PER_KIND]


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """Return fold(text) and, for each of its characters, its index in ``text``."""
    folded, positions = [], []
    for index, char in enumerate(text):
        part = fold(char)
        folded.append(part)
        positions.extend([index] * len(part))
    return "".join(folded), positions


def simple_snippet(text: str, words: list[str]) -> SafeString:
    """Return an escaped excerpt around the first hit, with every hit in <mark>.

    Words match whatever their case and accents; the excerpt starts and ends between
    words.
    """
    folded, positions = folded_with_positions(text)
    pattern = re.compile("|".join(re.escape(fold(w)) for w in words))
    hits = [
        (positions[m.start()], positions[m.end() - 1] + 1)
        for m in pattern.finditer(folded)
        if m.end() > m.start()
    ]
    first = hits[0][0] if hits else 0
    start = word_start(text, max(0, first - SNIPPET_RADIUS))
    end = word_end(text, min(len(text), start + 2 * SNIPPET_RADIUS + 40))
    html, position = [], start
    for hit_start, hit_end in hits:
        if hit_start < position or hit_end > end:
            continue
        html.append(escape(text[position:hit_start]))
        html.append(f"<mark>{escape(text[hit_start:hit_end])}</mark>")
        position = hit_end
    html.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(html).strip() + suffix)  # noqa: S308 - escaped


def word_start(text: str, index: int) -> int:
    """Return ``index`` moved forward to the start of a word (0 stays 0)."""
    if index == 0 or text[index - 1].isspace():
        return index
    space = text.find(" ", index)
    return space + 1 if space != -1 else index


def word_end(text: str, index: int) -> int:
    """Return ``index`` moved back to the end of a word (the text's end stays)."""
    if index >= len(text) or text[index].isspace():
        return index
    space = text.rfind(" ", 0, index)
    return space if space > 0 else index
