"""Find the key figures of each session: value, unit, period, area, qualifier, label.

The area comes from the sentence ("i Partille"), else the session (its speakers'
municipality, or a national body), else GR as a whole.
"""

import re
from decimal import Decimal

from . import anomalies, tables
from .municipalities import (
    NATIONAL_CODE,
    find_municipalities,
    mentions_country,
    mentions_region,
)
from .numbers import (
    QUALIFIERS,
    Quantity,
    contradicts,
    find_quantities,
    find_years,
    fraction_before,
)
from .records import ParsedEvent, ParsedFigure, ParsedPerson, ParsedSession
from .sentences import split_sentences

CONTEXT = 160  # characters around a number that may describe it
YEAR_WORD = re.compile(r"(?:19|20)\d{2}")
TRAILING_WORDS = {
    "var",
    "hade",
    "är",
    "blev",
    "det",
    "av",
    "i",
    "på",
    "till",
    "med",
    "under",
}
# Words that may follow a number that stands for the thing counted before it.
BARE_FOLLOWERS = {"som", "av", "i", "och", "till", "var", "är", "år", "st", "stycken"}
PLAIN_UNITS = {"personer", "person", "hushåll", "kronor", "procent", "dagar"}
LABEL_STOP = re.compile(
    r"[.,;:()!?]|\s(?:och|men|respektive|till att|som|medan|där|vilket|samt)\s"
)
AGE = re.compile(r"(?:\bär|,)\s*$")
# "i åldern 18–24 år", "över 65 år", "mellan 10 och 12 år": the group's ages.
AGE_GROUP = re.compile(
    r"\b(?:åldern|åldrarna|ålder|över|under|mellan|äldre än|yngre än|upp till)\s+"
    r"(?:\d+\s*(?:–|-|och|till)\s*)?$"
)
AGE_RANGE = re.compile(r"^\s*(?:–|-|och|till)\s*\d+\s*år\b")
AGE_SUFFIX = re.compile(r"^\s*års ålder\b|^\s*år och (?:äldre|yngre)\b")
NAMED_BEFORE = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+,\s*$")
AGE_CLOSE = re.compile(r"^\s*(?:år\s*)?[,)]")
NATIONAL_ORG = re.compile(
    r"departement|Regeringskansliet|myndighet|verket\b|Försäkringskassan|"
    r"Arbetsförmedlingen|Statistiska centralbyrån|\bSCB\b|Riksdag|regeringen"
)
UNIT_NAMES = {
    "persons": "Antal personer",
    "percent": "Andel",
    "SEK": "Belopp",
    "days": "Antal dagar",
    "households": "Antal hushåll",
    "count": "Antal",
}


def find_figures(
    event: ParsedEvent, people: dict[str, ParsedPerson]
) -> list[ParsedFigure]:
    """Return every statistic in the introduction and the documented sessions."""
    # The introduction's figures belong to the event, not to a session.
    intro = [(text.lstrip("–• "), False) for text in event.description.split("\n\n")]
    found = _figures_in_texts(intro, INTRODUCTION, ("region", ""), event)
    for session in event.sessions:
        if not session.documented:
            continue
        texts = [
            (text, block.kind == "heading")
            for block in session.blocks
            if block.kind != "case_example"
            for text in ([block.text, *block.items] if block.text else block.items)
        ]
        found += _figures_in_texts(
            texts, session, _session_area(session, people), event
        )
    return found


def _figures_in_texts(texts, session, area, event) -> list[ParsedFigure]:
    """Return the figures of consecutive texts: tables row by row, prose by sentence.

    ``texts`` are (text, is_heading) pairs: a heading holds no statistic of its own,
    but a table's rows often look like headings, and a heading may be its caption.
    """
    found: list[ParsedFigure] = []
    context_year: int | None = None
    header, rows, caption = None, [], ""
    for index, (text, is_heading) in enumerate(texts):
        row = tables.cells(text)
        if row and header is None and tables.is_header(row):
            header, rows = row, []
            before = texts[index - 1][0] if index else ""
            caption = before if len(before) < 160 else ""
            continue
        if row and header is not None:
            rows.append(row)
            continue
        if header is not None:
            found += tables.table_figures(header, rows, caption, session.slug)
            header = None
        if is_heading:
            continue
        figures, context_year = _figures_in_text(
            text, session, area, context_year, event
        )
        found += figures
    if header is not None:
        found += tables.table_figures(header, rows, caption, session.slug)
    return found


# The introduction as a session without a slug: its figures are the event's own.
INTRODUCTION = ParsedSession(title="", slug="")


def _figures_in_text(text, session, area, context_year, event):
    figures: list[ParsedFigure] = []
    previous_sentence: list[ParsedFigure] = []
    context_area = None  # an area a sentence named carries over to the next ones
    for sentence in split_sentences(text):
        quantities = [q for q in find_quantities(sentence) if not _is_age(sentence, q)]
        years = find_years(sentence)
        current: list[ParsedFigure] = []
        weak: list[bool] = []
        named, several = _sentence_area(sentence) if quantities else (None, False)
        for quantity in quantities:
            unit = quantity.unit or _inherited_unit(
                sentence, quantity, figures + current
            )
            year = _year_for(quantity, years, context_year)
            label, strong = _label(sentence, quantity)
            weak.append(not strong)
            figure = ParsedFigure(
                label=label,
                value=quantity.value,
                unit=unit,
                period=str(year) if year else "",
                qualifier=quantity.qualifier,
                source_text=sentence,
                session=session.slug,
            )
            _set_area(figure, named, several, context_area or area, context_area)
            _check_fraction(figure, sentence, quantity)
            if year:
                figure.flags += anomalies.future_period_flag(year, event.date)
            else:
                figure.flags.append(
                    "no_period: Ingen period (år) hittades i meningen eller sammanhanget"
                )
            current.append(figure)
        context_area = named or context_area
        _share_labels(sentence, current, weak, previous_sentence, figures)
        figures += current
        if current:
            previous_sentence = current
        if years:
            context_year = years[-1][0]
    return figures, context_year


def _year_for(quantity: Quantity, years, context_year):
    before = [year for year, position in years if position < quantity.start]
    if before:
        return before[-1]
    if years:
        return years[0][0]
    return context_year


def _is_age(sentence: str, quantity: Quantity) -> bool:
    """Return whether a number is someone's age, or the bounds of an age group.

    "Kim, 14, …", "vid 70 års ålder", "i åldern 18–24 år", "personer över 65 år",
    "mellan 10 och 12 år": ages describe who is counted, they are no statistic.
    """
    before = sentence[max(0, quantity.start - 30) : quantity.start]
    after = sentence[quantity.end : quantity.end + 30]
    if AGE_SUFFIX.match(after) or (
        NAMED_BEFORE.search(before) and AGE_CLOSE.match(after)
    ):
        return True
    if quantity.unit == "years":
        return bool(AGE.search(before) or AGE_GROUP.search(before))
    return bool(AGE_RANGE.match(after)) and bool(AGE_GROUP.search(before))


def _inherited_unit(sentence: str, quantity: Quantity, earlier) -> str:
    """Return the unit of a number written without one.

    A bare number ("i år var det 35 som …") goes on a series and takes the unit of
    the figure before it; a number before a noun ("i 12 kommuner") counts that noun.
    """
    following = re.match(r"\s*([a-zåäö]+)", sentence[quantity.end :])
    if earlier and (following is None or following.group(1) in BARE_FOLLOWERS):
        return earlier[-1].unit
    return "count"


def _label(sentence: str, quantity: Quantity) -> tuple[str, bool]:
    """Return a short label for what a number measures, and whether the text gave one.

    The words after the number name it ("7 dagar till beslut"); without them the
    label is weak and a parallel figure before it may lend its own.
    """
    after = sentence[quantity.end : quantity.end + CONTEXT]
    after = LABEL_STOP.split(after, maxsplit=1)[0].split()[:7]
    after = [word for word in after if not YEAR_WORD.fullmatch(word)]
    while after and after[-1].lower() in TRAILING_WORDS:
        after.pop()
    unit_word = quantity.unit_word if quantity.unit_word.isalpha() else ""
    if quantity.unit == "percent":
        unit_word = "andel"
    if after:
        return _capitalise(" ".join([unit_word, *after]).strip()), True
    if unit_word and quantity.unit in ("persons", "households"):
        return _capitalise(unit_word), unit_word.lower() not in PLAIN_UNITS
    start = max(0, quantity.start - CONTEXT)
    before = re.split(r"[.,;:!?\"”]", sentence[start : quantity.start].rstrip(" ("))[-1]
    words = [w for w in before.split()[-7:] if not re.fullmatch(r"[\d()]+", w)]
    while words and (words[-1].lower() in TRAILING_WORDS or words[-1] in QUALIFIERS):
        words.pop()
    label = " ".join(words)
    return _capitalise(label or UNIT_NAMES.get(quantity.unit, "Antal")), False


def _capitalise(text: str) -> str:
    for mark in ('"', "”", "“"):
        if text.count(mark) % 2:  # a label cut inside a quotation keeps no half of it
            text = text.replace(mark, "")
    text = text.strip()
    return (text[:1].upper() + text[1:])[:255]


def _share_labels(sentence, current, weak, previous_sentence, earlier) -> None:
    """Give "A respektive B" and bare parallel numbers the labels they pair with."""
    if "respektive" in sentence and len(previous_sentence) >= len(current) > 1:
        for figure, partner in zip(
            current, previous_sentence[-len(current) :], strict=True
        ):
            figure.label = partner.label
        return
    for index, (figure, is_weak) in enumerate(zip(current, weak, strict=True)):
        candidates = [*earlier, *current[:index]]
        partner = next((f for f in reversed(candidates) if f.unit == figure.unit), None)
        if is_weak and partner:
            figure.label = partner.label


def _check_fraction(figure: ParsedFigure, sentence: str, quantity: Quantity) -> None:
    """ "drygt hälften (62 %)": the words qualify the number and must agree with it."""
    before = sentence[max(0, quantity.start - CONTEXT) : quantity.start].rstrip()
    if figure.unit != "percent" or not before.endswith("("):
        return
    fraction = fraction_before(before[:-1])
    if fraction is None:
        return
    # "drygt" qualifies "hälften", not the exact number in brackets: the figure stays
    # exact, and a reviewer is told when the words and the number disagree.
    qualifier, reference = fraction
    word = re.findall(
        r"(knappt|drygt|nästan|cirka|över|under)?\s*(hälften|en \w+del)", before
    )
    if qualifier and contradicts(qualifier, figure.value, Decimal(reference)):
        phrase = " ".join(word[-1]).strip() if word else qualifier
        figure.flags += anomalies.contradiction_flag(phrase, figure.value, reference)


def _sentence_area(sentence: str) -> tuple[tuple[str, str] | None, bool]:
    """Return the area a sentence names, and whether it names several municipalities."""
    codes = find_municipalities(sentence)
    if len(codes) == 1:
        return ("municipality", codes[0]), False
    if mentions_country(sentence):
        return ("country", NATIONAL_CODE), False
    if mentions_region(sentence):
        return ("region", ""), False
    return None, bool(codes)


def _set_area(figure: ParsedFigure, named, several: bool, area, known) -> None:
    figure.scope, figure.municipality = named or area
    if not named and area == ("region", "") and not several and not known:
        figure.flags.append(
            "area_guessed: Området framgår inte; inläsningen antar GR som helhet"
        )


def _session_area(
    session: ParsedSession, people: dict[str, ParsedPerson]
) -> tuple[str, str]:
    speakers = [people[name] for name, _ in session.speakers if name in people]
    codes = {p.municipality for p in speakers if p.municipality}
    if len(codes) == 1:
        return "municipality", codes.pop()
    if any(NATIONAL_ORG.search(p.organization) for p in speakers):
        return "country", NATIONAL_CODE
    if len(session.municipalities) == 1:
        return "municipality", session.municipalities[0]
    return "region", ""
