"""Swedish dates in running text, and the date of the event a page documents.

``find_date_phrases`` reads the shapes Swedish pages write dates in: "9 april 2025",
"den 9 april", "onsdagen den 9 april", "3–4 juni" (the first day counts), "tisdag 7/10",
"2025-03-18" and "18.3.2025". A phrase may lack its year; ``event_date`` then takes the
year from the sentence, the title, the lead, the file name or URL, or the publishing date.
"""

import datetime
import re
from dataclasses import dataclass

from .records import Hints

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
# Short forms pages use in tables and programmes; "mar" is left out (too rare to matter).
MONTH_ABBREVIATIONS = {
    "jan": 1, "febr": 2, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, 1)}
MONTH_NUMBERS |= MONTH_ABBREVIATIONS
_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY = r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"\d{1,2}(?::[ae])?"
# Spaces between a date's words: bounded, so a run of blanks after a number is cheap.
_GAP = r"\s{1,3}"
_SPACE = r"\s{0,3}"
# One pass over the text finds every date's core, each starting at a digit (which keeps
# the search fast); what may stand before it ("onsdagen den", "Datum:") is read after.
DATE_CORE = re.compile(
    # The leading look-ahead lets the engine skip to the next digit at once.
    rf"(?=\d)(?<![\w.,:/\-])(?:"
    rf"(?P<iso_year>{_YEAR})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}})(?!\d)"
    rf"|(?P<dot_day>\d{{1,2}})\.(?P<dot_month>\d{{1,2}})\.(?P<dot_year>{_YEAR})(?!\d)"
    rf"|(?P<slash_day>\d{{1,2}})/(?P<slash_month>\d{{1,2}})(?![\d/])"
    rf"(?:(?:{_GAP}|{_SPACE}[-–]{_SPACE})(?P<slash_year>{_YEAR})(?!\d))?"
    # "9 april 2025", "3–4 juni", "3 och 4 juni", "30 maj–1 juni 2025", "9:e april"
    rf"|(?P<day>{_DAY})(?:{_SPACE}(?:[-–—]|och|till){_SPACE}{_DAY})?{_GAP}"
    rf"(?P<month>{_MONTH})\b\.?"
    rf"(?:{_SPACE}[-–—]{_SPACE}{_DAY}{_GAP}(?:{_MONTH})\b\.?)?"
    rf"(?:,?{_GAP}(?P<year>{_YEAR})\b)?"
    rf")",
    re.I,
)
# What may stand before a date's core, read on the few characters before it.
DATE_PREFIX = re.compile(
    rf"(?:\b(?P<weekday>{_WEEKDAY}),?{_GAP})?(?P<den>\bden{_GAP})?"
    rf"(?P<label>\bdatum:?{_SPACE})?$",
    re.I,
)
PREFIX_REACH = 30
# "7/10" alone at a line start is a date when the line ends or goes on to a time.
LINE_END = re.compile(r"\s*(?:$|[,;(–-]|kl\b)", re.I | re.M)
YEAR = re.compile(rf"(?<![\d:,.\-/])({_YEAR})(?![\d:\-/]|[.,]\d)")
NAME_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
CITATION = re.compile(rf"\([^()]*\b{_YEAR}\)")
# Words of a page's dateline: "Publicerad 12 mars", "Sidan uppdaterades 2024-10-11".
DATELINE_WORDS = (
    r"\b(?:publicerad|publicerat|publicerades|uppdaterad|uppdaterat|uppdaterades|"
    r"senast ändrad|ändrad|skriven|skrivet)\b"
)
DATELINE_LINE = re.compile(DATELINE_WORDS, re.I)
MAX_DATELINE_LINES = 5000
# A date right after these words is when the page was written, not when the event was.
DATELINE = re.compile(DATELINE_WORDS + r"[^.\n]{0,12}$", re.I)
# A year is read as the phrase's only when it is written this close to it.
YEAR_WINDOW = 40
# A day written without a year is not read through a leap year it lacks: 29 februari is
# valid in year 4, the first leap year, which also sorts before every real date.
UNKNOWN_YEAR = 4
# The event's date is among the first dates a part of the page gives; later ones are
# not resolved, which keeps a long page with thousands of dates quick.
MAX_PHRASES = 100
# How many years back a weekday may move a date that only the publishing date places.
WEEKDAY_SEARCH_YEARS = 6
WEEKDAYS = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]


@dataclass(frozen=True)
class DatePhrase:
    """A date written in text; ``year`` is None when the text leaves it out."""

    day: int
    month: int
    year: int | None
    start: int
    end: int
    weekday: int | None = None  # 0 = Monday, as datetime.date.weekday()

    def on(self, year: int) -> datetime.date | None:
        try:
            return datetime.date(year, self.month, self.day)
        except ValueError:
            return None


def find_date_phrases(text: str) -> list[DatePhrase]:
    """Return the dates written in ``text``, in order, without overlaps."""
    found: list[DatePhrase] = []
    for match in DATE_CORE.finditer(text):
        window = text[max(0, match.start() - PREFIX_REACH) : match.start()]
        prefix = DATE_PREFIX.search(window)
        phrase = _phrase(match, prefix, window)
        if phrase is not None and phrase.on(phrase.year or UNKNOWN_YEAR) is not None:
            found.append(phrase)
    return found


def find_dates(
    text: str, *, year: int | None = None
) -> list[tuple[datetime.date, int, int]]:
    """Return the dates written in ``text`` with their positions.

    A date written without a year ("den 3–4 juni") is placed in ``year``, or when that
    is not given in UNKNOWN_YEAR, so it is still found (and never read as a statistic)
    but never compares as later than a real date.
    """
    found = []
    for phrase in find_date_phrases(text):
        when = phrase.on(phrase.year or year or UNKNOWN_YEAR)
        if when is not None:
            found.append((when, phrase.start, phrase.end))
    return found


def published_in_text(text: str) -> datetime.date | None:
    """Return the date a text page says it was published or updated, if any.

    "Publicerad 12 mars 2024", "Sidan uppdaterades 2024-10-11": the page is furniture,
    but its date bounds the event's and may give the year the event's date lacks.
    """
    found = []
    for line in text.splitlines()[:MAX_DATELINE_LINES]:
        if DATELINE_LINE.search(line):
            found += [p.on(p.year) for p in find_date_phrases(line) if p.year]
    found = [day for day in found if day is not None]
    return min(found) if found else None


def event_date(
    *, title: str, intro: str, text: str, hints: Hints
) -> datetime.date | None:
    """Return the date of the event the page documents, or None when nothing gives it.

    Staff's date wins; then a date the page marks up as the event's; then a date in the
    title, the lead and the rest of the text, in that order. The page's publishing date
    (from its metadata or a "Publicerad …" line) is an upper bound: the event documented
    cannot come after it.
    """
    if hints.date:
        return hints.date
    dated = [(part, _phrases_and_datelines(part)) for part in (title, intro, text)]
    bound = _upper_bound(hints, dated)
    for marked in sorted(hints.event_dates):
        if bound is None or marked <= bound:
            return marked
    years = [
        year
        for year in _context_years(title, hints, intro)
        if bound is None or year <= bound.year
    ]
    weekdays = {
        (phrase.day, phrase.month): phrase.weekday
        for _, phrases in dated
        for phrase, _ in phrases[:MAX_PHRASES]
        if phrase.weekday is not None
    }
    for part, phrases in dated:
        for phrase, dateline in phrases[:MAX_PHRASES]:
            if dateline:
                continue
            weekday = weekdays.get((phrase.day, phrase.month))
            found = _resolve(phrase, part, _agreeing(years, phrase, weekday), bound)
            if found is not None:
                return found
    return None


def _phrase(match: re.Match, prefix: re.Match, window: str) -> DatePhrase | None:
    """Return the date a core match and what stands before it say, if it is one."""
    parts = match.groupdict()
    weekday, den, label = prefix.group("weekday", "den", "label")
    if parts["iso_year"]:
        day, month, year = parts["iso_day"], parts["iso_month"], parts["iso_year"]
        weekday = den = label = None
    elif parts["dot_year"]:
        day, month, year = parts["dot_day"], parts["dot_month"], parts["dot_year"]
    elif parts["slash_day"]:
        day, month, year = parts["slash_day"], parts["slash_month"], parts["slash_year"]
        # "1/3 av deltagarna" is a fraction: a date needs a weekday, "den" or "Datum:"
        # before it, or a line of its own.
        at_line_start = not window.rpartition("\n")[2].strip(" \t")
        alone = at_line_start and LINE_END.match(match.string, match.end())
        if not (weekday or den or label or alone):
            return None
    else:
        if _is_name(parts["month"], bool(parts["year"] or weekday or den)):
            return None
        day, month, year = parts["day"].split(":")[0], parts["month"], parts["year"]
        month = MONTH_NUMBERS[month.lower()]
    start = match.start() - len(window) + prefix.start()
    if parts["iso_year"]:
        start = match.start()
    return DatePhrase(
        day=int(day),
        month=int(month),
        year=int(year) if year else None,
        start=start,
        end=match.end(),
        weekday=_weekday_number(weekday) if weekday else None,
    )


def _is_name(month: str, spelled_out: bool) -> bool:
    """Return whether the "month" is a first name: "kl. 10 Jan Berg", "10 Maj Ek".

    Swedish writes months in lower case; a capitalised one is a month only in a full,
    unmistakable date (with its year, weekday or "den").
    """
    if month.islower():
        return False
    return month.lower() in MONTH_ABBREVIATIONS or not spelled_out


def _weekday_number(word: str) -> int:
    lower = word.lower()
    return next(i for i, prefix in enumerate(WEEKDAYS) if lower.startswith(prefix))


def _resolve(
    phrase: DatePhrase,
    text: str,
    years: list[int],
    bound: datetime.date | None,
) -> datetime.date | None:
    """Return the date ``phrase`` means, or None when its year cannot be known."""
    year = phrase.year or _year_near(text, phrase) or (years[0] if years else None)
    if year is not None:
        found = phrase.on(year)
        return found if found and (bound is None or found <= bound) else None
    if bound is None:
        return None
    return _latest_before(phrase, bound)


def _agreeing(years: list[int], phrase: DatePhrase, weekday: int | None) -> list[int]:
    """Return the context years, those in which the date falls on the page's weekday
    first: "12 maj" on a page that also says "fredagen den 12 maj" and mentions both
    "2023" and "senast 2040" is in 2023. A year written out outranks a weekday alone."""
    if weekday is None:
        return years
    agreeing = [y for y in years if (d := phrase.on(y)) and d.weekday() == weekday]
    return agreeing + [y for y in years if y not in agreeing]


def _latest_before(phrase: DatePhrase, bound: datetime.date) -> datetime.date | None:
    """Return the latest date ``phrase`` can be that is not after ``bound``."""
    candidates = [
        found
        for year in range(bound.year, bound.year - WEEKDAY_SEARCH_YEARS - 1, -1)
        if (found := phrase.on(year)) is not None and found <= bound
    ]
    if phrase.weekday is not None:
        matching = [c for c in candidates if c.weekday() == phrase.weekday]
        candidates = matching or candidates
    return candidates[0] if candidates else None


def _year_near(text: str, phrase: DatePhrase) -> int | None:
    """Return a year written in the phrase's sentence, close to it, if any."""
    start = max(0, phrase.start - YEAR_WINDOW)
    end = min(len(text), phrase.end + YEAR_WINDOW)
    before = re.split(r"[.!?]\s|\n", text[start : phrase.start])[-1]
    # The phrase may end with the full stop of its sentence ("… den 12 maj. Sedan …").
    ended = text[phrase.end - 1 : phrase.end] in (".", "!", "?")
    after = "" if ended else re.split(r"[.!?]\s|\n", text[phrase.end : end])[0]
    nearby = [
        (abs(len(before) - m.start()), int(m.group(1)))
        for m in YEAR.finditer(_without_dates_and_citations(before))
    ]
    nearby += [
        (m.start(), int(m.group(1)))
        for m in YEAR.finditer(_without_dates_and_citations(after))
    ]
    return min(nearby)[1] if nearby else None


def _context_years(title: str, hints: Hints, intro: str) -> list[int]:
    """Return the years the page gives outside the dates, most telling first."""
    years = []
    for part in (title, hints.title, hints.page_title, intro):
        years += [
            int(m.group(1)) for m in YEAR.finditer(_without_dates_and_citations(part))
        ]
        years += [p.year for p in find_date_phrases(part) if p.year]
    years += [int(m.group(1)) for m in NAME_YEAR.finditer(hints.name)]
    return years


def _without_dates_and_citations(text: str) -> str:
    """Return ``text`` with dates and citations blanked, so their years are not read."""
    spans = [(p.start, p.end) for p in find_date_phrases(text)]
    spans += [m.span() for m in CITATION.finditer(text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "#" * (end - start)
    return "".join(chars)


def _phrases_and_datelines(text: str) -> list[tuple[DatePhrase, bool]]:
    """Return the dates in ``text``, each with whether a "Publicerad" line gives it."""
    found = []
    previous_end = 0
    for phrase in find_date_phrases(text):
        before = text[max(previous_end, phrase.start - 40) : phrase.start]
        found.append((phrase, bool(DATELINE.search(before))))
        previous_end = phrase.end
    return found


def _upper_bound(
    hints: Hints, dated: list[tuple[str, list[tuple[DatePhrase, bool]]]]
) -> datetime.date | None:
    """Return the earliest date the page says it was published or updated."""
    bounds = [hints.published] if hints.published else []
    for _, phrases in dated:
        for phrase, dateline in phrases:
            if phrase.year and dateline:
                bounds.append(phrase.on(phrase.year))
    return min(bounds) if bounds else None
