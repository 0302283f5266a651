"""Plain records the loader produces: no ORM, so parsing is testable without a database."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Block:
    """One structural unit of the source: a heading, paragraph, list, quote or caption.

    ``kind`` is one of heading, paragraph, bullets, numbered, quote, caption. ``level`` is
    the HTML heading level (0 when the source has no levels, as in plain text). A caption
    keeps the short photo text in ``short`` and the descriptive line in ``text``.
    """

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    level: int = 0
    short: str = ""


@dataclass
class ParsedPerson:
    name: str
    title: str = ""
    organization: str = ""
    municipality: str = ""  # four-digit code, "" when unknown
    phone: str = ""


@dataclass
class ParsedBlock:
    kind: str  # ContentBlock.Kind values
    text: str = ""
    items: list[str] = field(default_factory=list)
    person: str = ""  # name of who said a quote


@dataclass
class ParsedSession:
    title: str
    slug: str = ""
    kind: str = "talk"
    documented: bool = True
    speakers: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    municipalities: list[str] = field(default_factory=list)  # codes
    blocks: list[ParsedBlock] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class ParsedQuote:
    text: str
    person: str = ""
    attribution: str = ""
    municipality: str = ""
    session: str = ""  # session slug


@dataclass
class ParsedFigure:
    label: str
    value: Decimal
    unit: str
    period: str = ""
    scope: str = "municipality"  # municipality, region or country
    municipality: str = ""  # code; "0000" for the country, "" for the region
    qualifier: str = ""
    source_text: str = ""
    session: str = ""  # session slug
    flags: list[str] = field(default_factory=list)


@dataclass
class Hints:
    """What is known about a document besides its text.

    Staff may give the title and date (``--title``, ``--date``); an HTML page's metadata
    gives its page title, its publishing date (an upper bound for the event date, never
    the event date itself) and any dates it marks up as the event's (``<time datetime>``,
    JSON-LD ``startDate``). ``name`` is the file name or URL: it may hold the year.
    """

    name: str = ""
    title: str = ""
    date: datetime.date | None = None
    page_title: str = ""
    published: datetime.date | None = None
    event_dates: list[datetime.date] = field(default_factory=list)


@dataclass
class ParsedEvent:
    title: str
    slug: str = ""
    date: datetime.date | None = None
    organizer: str = ""
    venue: str = ""
    venue_address: str = ""
    venue_locality: str = ""
    description: str = ""
    moderators: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    people: list[ParsedPerson] = field(default_factory=list)
    sessions: list[ParsedSession] = field(default_factory=list)
    quotes: list[ParsedQuote] = field(default_factory=list)
    figures: list[ParsedFigure] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
