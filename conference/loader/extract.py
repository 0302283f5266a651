"""Read the structure of a documentation page: the event, its sessions and people.

Works on blocks from parse.py and returns plain records; the key figures are found
by figures.py and attached at the end.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.text import slugify

from . import anomalies, figures, mentions, tables
from .dates import event_date as find_event_date
from .furniture import is_furniture
from .municipalities import find_municipalities, municipality_of
from .numbers import find_dates
from .people import (
    BYLINE,
    NAME,
    caption_names,
    heading_speaker,
    is_name,
    moderators_in_sentence,
    parse_caption,
    people_in_list,
    people_in_sentence,
    people_listed,
    programme_line,
    split_names,
    strip_parties,
)
from .programme import (
    BREAK,
    DASH_NAME,
    LETTERED_ITEM,
    LINE_MAX,
    NAMED_ITEM,
    PROGRAMME_LABEL,
    TIME_SLOT,
    dash_speakers,
    person_line,
    programme_item,
    split_slot,
)
from .prose import OPENING_CHARS, attends, prose_title, turn_speakers
from .records import (
    Block,
    Hints,
    ParsedBlock,
    ParsedEvent,
    ParsedPerson,
    ParsedQuote,
    ParsedSession,
)
from .sentences import capitalise, split_sentences
from .venue import find_venue

CONTACT_HEADING = re.compile(
    r"^(?:kontakt|kontakter|kontaktpersoner?|kontakta oss|frågor om|"
    r"mer information|för frågor|har du frågor|informationsansvarig)\b",
    re.I,
)
VOICES_HEADING = re.compile(r"röster|deltagar|tyckte|reaktioner|sagt om dagen", re.I)
CASE_HEADING = re.compile(r"^(?:exempel|case|fallbeskrivning|fall)\b", re.I)
PHONE = re.compile(r"^\+?[\d\s()\-–]{7,}$")
MODERATOR = re.compile(r"\bmoderator|\bsamtalsledare|\bmoderera", re.I)
MODERATOR_LABEL = re.compile(
    r"^\s*(?:dagens )?(?:moderator(?:er|n)?|samtalsledare)(?:\s*:|\s+var|\s+är)?\s*",
    re.I,
)
_ORG = r"([A-ZÅÄÖ][\w:]*(?: [A-ZÅÄÖ][\w:]*){0,5})"
ORGANIZERS = [
    re.compile(rf"\b(?:arrangeras|arrangerades|anordnades|anordnas) av {_ORG}"),
    re.compile(rf"\b{_ORG} (?:arrangerade|anordnade|bjöd in)\b(?!s)"),
    re.compile(rf"\b(?:arrangerade|anordnade) {_ORG}\b"),
    re.compile(r"\bArrangör(?:er)?: ([^.\n]+)"),
]
QUOTE_SOURCE = re.compile(r"^(?:citaten|citat) (?:kommer )?från (.+?)\.?$", re.I)
QUOTE_MARKS = "\"”“„«»'’"
SAID = re.compile(
    r"[,.!?]?\s+(?:sa|säger|sade|berättar|berättade|betonade|betonar|"
    r"menar|menade|konstaterar|konstaterade|förklarar|förklarade|avslutar|avslutade|"
    r"påpekar|påpekade|understryker|underströk|framhåller|tillade|tycker|svarar)\s+"
    rf"(?P<who>{NAME}|[A-ZÅÄÖ][a-zåäö]+|de|hon|han|hen)\b[^.]*\.?$"
)
ATTRIBUTION_TAIL = 160  # "…, sa Anna Berg i sitt anförande." sits at the very end
PRONOUNS = {"hon", "han", "hen"}
# "2.1 Title": a report's numbered section; "2 Föreläsningar" a chapter.
SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=[A-ZÅÄÖ])")
# Headings that organise a page or report but are no talk of their own.
NOT_A_TALK = re.compile(
    r"^(?:program(?:met)?(?: i korthet| för dagen)?|dagens program|programpunkter|"
    r"inledning|bakgrund|syfte|sammanfattning|metod|resultat|slutsatser|diskussion|"
    r"avslutning|om dagen|om konferensen|medverkande|föreläsare|talare|innehåll|"
    r"förord)[.:]?$",
    re.I,
)
# Headings after which a page has only practicalities and links until the next talk.
BACK_MATTER = re.compile(
    r"^(?:praktisk information|anmälan|hitta hit|läs mer|relaterat|relaterade|"
    r"referenser|källor|källförteckning|bilagor?|om gr|dela|prenumerera|"
    r"kalendarium|fler nyheter|senaste nytt)(?:\s+\d+)?:?$",
    re.I,
)
PUBLISHER = re.compile(
    r"^(?:Länsstyrelsen|Region|Regionförbundet)\b|\b(?:kommun|stad|förbund|"
    r"förbundet|förening|föreningen|universitet|myndigheten|verket)$|^(?:"
    + "|".join(map(re.escape, settings.REGION_NAMES))
    + r")$"
)
# Words that name a gathering: the title of the page about one says what it was.
EVENT_WORD = re.compile(
    r"konferens|dag(?:en|ar|s)?\b|mötesplats|möte\b|mötet\b|forum|seminari|träff|"
    r"workshop|kongress|symposi|frukost|kväll|mässa|dokumentation|nätverk|program",
    re.I,
)
# "Kansliet: Name", "Presskontakt: Name": a label before a contact's name.
CONTACT_LABEL = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+:\s*")
# "Plats: Kulturhuset", "Tid: 9–16": a field of an event page, not its title.
FIELD = re.compile(
    r"^(?:plats|tid|datum|dag|ort|lokal|adress|besöksadress|postadress|växel|telefon|"
    r"tel|e-post|webb|målgrupp|anmälan|sista anmälningsdag|pris|kostnad|avgift|"
    r"arrangör(?:er)?|organisatör|kontakt(?:person)?|moderator|rapport|diarienummer|"
    r"författare|issn|isbn)\b\.?:?\s",
    re.I,
)
TITLE_WORDS = 12
# "GR arrangerade": the organiser's short name stands for its full name.
ABBREVIATIONS = dict(settings.REGION_ABBREVIATIONS)


class NoEventFound(ValueError):
    """The document has no text at all."""


@dataclass
class _Session:
    record: ParsedSession
    closed: bool = False
    ended: bool = False  # a break or a new chapter followed: nothing more belongs here
    programme_item: bool = False  # a time slot: a session even with nothing under it
    told_in_prose: bool = False  # began at a sentence, as talks on a prose page do
    after_caption_of: "_Session | None" = None  # began where a caption closed that one
    untitled: bool = False
    case_mode: bool = False
    voice_person: str = ""
    quote_source: str = ""
    voices: list[tuple[str, str]] = field(default_factory=list)  # (text, person)


class Extractor:
    def __init__(self, blocks: list[Block], hints: Hints):
        self.blocks = blocks
        self.hints = hints
        self.people: dict[str, ParsedPerson] = {}
        self.sessions: list[_Session] = []
        self.intro: list[Block] = []
        self.moderators: list[str] = []
        self.contacts: list[ParsedPerson] = []
        self.event_flags: list[str] = []
        self._depth: int | None = None
        self._level: int | None = None
        self.headed = False  # a talk has begun at a heading or a programme's slot
        self.preamble_end = 0  # the plain-text title's lines end here
        self._prose: bool | None = None
        self.position = 0  # the block being read

    # The walk over the blocks ---------------------------------------------------

    def run(self) -> ParsedEvent:
        title, start = self._title()
        self.start = start
        mode = "body"
        index = start
        while index < len(self.blocks):
            block = self.blocks[index]
            following = self.blocks[index + 1 : index + 3]
            self.position = index
            index += 1
            if mode == "contact":
                if not self._contact(block):
                    mode = "end"
                continue
            if mode == "end":
                continue
            if block.kind == "heading" and CONTACT_HEADING.match(block.text):
                # A menu's "Kontakt" is followed by more menu, a contact by a name.
                if following and self._is_contact_line(following[0]):
                    mode = "contact"
                continue
            if mode == "skip" and not self._starts_programme_item(block):
                continue
            mode = "body"
            if block.kind == "heading" and BACK_MATTER.match(block.text):
                mode = "skip"
                continue
            if self._slot(block):
                continue
            if self._programme_list(
                block, self.blocks[index - 2] if index > 1 else None
            ):
                continue
            self._step(block, following)
        event = self._event(title)
        return event

    def _title(self) -> tuple[str, int]:
        """Return the event's title and the index of the first block after it.

        Staff's title wins; then an ``<h1>``; then the first leading heading that reads
        like a title (not a section label, a field such as "Plats: …" or a date); then
        the page's metadata title; then the first line of text.
        """
        found, start = self._leading_title()
        if self.hints.title:
            return self.hints.title, start
        if found:
            return found, start
        if self.hints.page_title:
            return self.hints.page_title, start
        first = next((t for b in self.blocks for t in [b.text, *b.items] if t), "")
        if not first:
            raise NoEventFound("Dokumentet innehåller ingen text.")
        self.event_flags.append(
            "no_event_title: Dokumentet har ingen rubrik; titeln är dess första rad"
        )
        return _first_words(first, TITLE_WORDS), start

    def _leading_title(self) -> tuple[str, int]:
        for index, block in enumerate(self.blocks):
            if block.kind == "heading" and block.level == 1:
                return block.text, index + 1
        index = 0
        while index < len(self.blocks) and self.blocks[index].kind == "heading":
            index += 1
        self.preamble_end = index
        candidates = [
            (number, block.text)
            for number, block in enumerate(self.blocks[:index])
            if not _mostly_date(block.text)
            and not is_furniture(block.text)
            and not FIELD.match(block.text)
            and not CONTACT_HEADING.match(block.text)
            and not TIME_SLOT.match(block.text)
            and not block.text.isupper()
        ]
        # A publisher's name, a section label ("Nyheter") and a saved page's menu
        # come before the title; the title names a day, a conference, a meeting.
        # What follows it (a date, "Plats: …", a programme) is read as the page.
        named = [
            (number, text)
            for number, text in candidates
            if len(text.split()) > 1 and not PUBLISHER.search(text)
        ]
        for number, text in named:
            if EVENT_WORD.search(text):
                return text, number + 1
        if named:
            return named[0][1], named[0][0] + 1
        if candidates:
            return candidates[-1][1], candidates[-1][0] + 1
        return "", index

    def _step(self, block: Block, following: list[Block]) -> None:
        current = self.sessions[-1] if self.sessions else None
        if self._moderator_line(block):
            return
        if self._prose_turn(block, current) or self._next_presenter(block, current):
            return
        people = person_line(block)
        if (
            people
            and current is not None
            and not current.record.blocks
            and current.record.kind != "voices"
        ):
            # Under a programme item: who gives it, one line each.
            for person in people:
                self._add_speaker(current, person)
            return
        if block.kind == "caption" or self._is_byline(block):
            self._caption(block, current)
        elif block.kind == "heading":
            self._heading(block, following, current)
        elif current is None or current.ended:
            self.intro.append(block)
        else:
            if current.closed:
                previous, current = current, self._start("", untitled=True)
                current.after_caption_of = previous
            self._content(block, current)

    def _next_presenter(self, block: Block, current) -> bool:
        """Start a talk at a paragraph that opens by introducing someone new.

        A heading over a day's stage ("Från scenen") is often followed by
        one paragraph per talk, each opening with its speaker: "Name, titel på Org,
        föreläste om …". The heading then gathers the talks.
        """
        if block.kind != "paragraph" or current is None or current.told_in_prose:
            return False
        record = current.record
        paragraphs = [b for b in record.blocks if b.kind == "paragraph"]
        if not record.speakers or not paragraphs or current.record.kind == "voices":
            return False
        first = split_sentences(block.text)[:1]
        people = people_in_sentence(first[0], municipality_of) if first else []
        opening = [
            p
            for p in people
            if block.text.find(p.name) < OPENING_CHARS and not attends(first[0], p.name)
        ]
        known = {name for name, _ in record.speakers} | set(self.moderators)
        if not opening or any(person.name in known for person in people):
            return False
        session = self._start(prose_title(block.text), untitled=True)
        session.untitled = not session.record.title
        session.told_in_prose = True
        for person in opening:
            self._add_speaker(session, person)
        self._content(block, session)
        return True

    def _programme_list(self, block: Block, preceding: Block | None) -> bool:
        """Read a list that is the programme: one talk per item.

        Items with times ("• 09.30 Title – Name") are slots wherever the list stands;
        items without them are talks under "Program:" when they name who speaks
        ("• Kommunalrådet Name inleder", "• Name, titel, berättar om X").
        """
        if block.kind not in ("bullets", "numbered"):
            return False
        named = [NAMED_ITEM.match(item) for item in block.items]
        if named and all(named) and all(is_name(m.group("name")) for m in named):
            # "• Name; TITEL PÅ FÖRELÄSNINGEN": a speaker and their talk.
            for match in named:
                title = match.group("title")
                title = title[:1] + title[1:].lower() if title.isupper() else title
                session = self._start(title)
                session.programme_item = True
                self._add_speaker(session, ParsedPerson(match.group("name")))
            return True
        timed = [item for item in block.items if TIME_SLOT.match(item)]
        if len(timed) * 2 >= len(block.items) >= 2:
            for item in block.items:
                self._slot(Block("paragraph", item))
            return True
        items = [(item, split_slot(item)) for item in block.items]
        dashed = [item for item in block.items if DASH_NAME.search(item)]
        labelled = preceding is not None and PROGRAMME_LABEL.match(preceding.text)
        if not labelled and len(dashed) * 2 < len(block.items):
            return False  # "• Title – Name": a list of talks needs no label
        if sum(bool(people) for _, (_, people, _) in items) * 2 < len(items):
            return False
        for item, (title, people, _) in items:
            session = self._start(prose_title(item) or title)
            session.programme_item = True
            for person in people:
                self._register(person)
                self._add_speaker(session, person)
        return True

    @staticmethod
    def _is_contact_line(block: Block) -> bool:
        text = CONTACT_LABEL.sub("", block.text)
        return is_name(text) or bool(person_line(block)) or bool(BYLINE.match(text))

    def _moderator_line(self, block: Block) -> bool:
        """Read "Moderator: Name, titel, Org" standing on its own line."""
        if block.kind not in ("heading", "paragraph") or len(block.text) > LINE_MAX:
            return False
        if not MODERATOR.search(block.text) or block.text.endswith((".", "!", "?")):
            return False  # a sentence stays text; its moderators are read with it
        described = programme_line(MODERATOR_LABEL.sub("", block.text), municipality_of)
        if described:
            self._register(described)
        moderators = moderators_in_sentence(block.text, municipality_of)
        for person in moderators:
            self._register(person)
        self._add_moderators([person.name for person in moderators])
        return bool(moderators)

    def _prose_turn(self, block: Block, current) -> bool:
        """Start a talk at a paragraph that hands over the floor; True if it did.

        On a page written as prose, without a heading per talk, a paragraph that
        opens with a turn of the day ("Sedan tog Name över", "Efter lunch berättade
        Name …") and names someone new starts a talk; what comes before the first one
        is the introduction.
        """
        if self.headed or block.kind != "paragraph":
            return False
        if current is not None and not (current.untitled or current.told_in_prose):
            return False
        first = split_sentences(block.text)[:2]
        speakers = turn_speakers(first)
        if not speakers and self._prose_page():
            # A page without headings gives each talk a paragraph that opens with it.
            speakers = [
                person
                for person in people_in_sentence(first[0], municipality_of)
                if not attends(first[0], person.name)
                and person.name not in self.moderators
            ]
        known = {name for name, _ in current.record.speakers} if current else set()
        if not speakers or all(person.name in known for person in speakers):
            return False
        session = self._start(prose_title(block.text), untitled=True)
        for person in speakers:
            if person.name not in self.moderators:
                self._add_speaker(session, person)
        session.untitled = not session.record.title
        session.told_in_prose = True
        self._content(block, session)
        return True

    def _prose_page(self) -> bool:
        """Return whether the page's text runs without a heading that could be a talk."""
        if self._prose is None:
            headings = [
                b.text
                for b in self.blocks[self.start :]
                if b.kind == "heading" and not _mostly_date(b.text)
            ]
            ends = [i for i, text in enumerate(headings) if CONTACT_HEADING.match(text)]
            before_contact = headings[: ends[0]] if ends else headings
            self._prose = not [
                text
                for text in before_contact
                if not (BACK_MATTER.match(text) or NOT_A_TALK.match(text))
            ]
        return self._prose

    def _slot(self, block: Block) -> bool:
        """Read a programme's time slot ("14.10 Samtal i smågrupper"); True if it was one.

        A break (lunch, coffee, registration) closes the session before it and is not a
        session itself; anything else opens one.
        """
        match = TIME_SLOT.match(block.text) if block.kind != "caption" else None
        lettered = (
            LETTERED_ITEM.match(block.text) if block.kind == "paragraph" else None
        )
        if lettered and split_slot(lettered.group("title"))[1]:
            match = lettered  # "a) Title – Name, titel, Org": one of parallel sessions
        if not match or (block.level and block.level < self._top_level()):
            return False
        title = match.group("title").strip()
        if BREAK.match(title):
            if self.sessions:
                self.sessions[-1].closed = True
                self.sessions[-1].ended = True
            return True
        speaker = heading_speaker(title)
        if speaker:
            session = self._start(speaker[0])
            self._add_speaker(session, ParsedPerson(speaker[1]))
            return True
        # "10.20 Title. Name, titel, Org." or "10.00 Title, Name": who speaks follows.
        title, people, said = split_slot(title)
        session = self._start(title)
        session.programme_item = True
        for person in people:
            self._add_speaker(session, person)
        if said:
            self._content(Block("paragraph", said), session)
        return True

    def _starts_programme_item(self, block: Block) -> bool:
        return block.kind == "heading" and bool(
            TIME_SLOT.match(block.text)
            or heading_speaker(block.text)
            or (block.level and block.level == self._top_level())
            or self._section_depth(block.text) == self._session_depth()
        )

    def _top_level(self) -> int:
        """Return the HTML heading level of the talks.

        It is the level whose headings most often have text right under them; a
        heading followed at once by deeper ones ("Seminarier" over "A. …", "B. …")
        gathers talks and is none itself.
        """
        if self._level is None:
            counts: dict[int, int] = {}
            for block, following in zip(self.blocks, self.blocks[1:], strict=False):
                if block.kind == "heading" and block.level > 1:
                    has_text = following.kind != "heading"
                    counts[block.level] = counts.get(block.level, 0) + has_text
            self._level = min(
                counts, key=lambda level: (-counts[level], level), default=0
            )
        return self._level

    def _end_session(self, current) -> None:
        if current is not None:
            current.closed = current.ended = True

    def _session_depth(self) -> int:
        """Return the depth of numbered headings that are talks ("2.1" is depth 2).

        A report numbers its chapters ("2 Föreläsningar") and, when it has them, the
        talks one level down ("2.1 …"); without sub-sections the chapters are the talks.
        """
        if self._depth is None:
            depths = [
                self._section_depth(b.text) for b in self.blocks if b.kind == "heading"
            ]
            self._depth = 2 if depths.count(2) >= 2 else 1
        return self._depth

    @staticmethod
    def _section_depth(text: str) -> int:
        match = SECTION_NUMBER.match(text)
        return match.group(1).count(".") + 1 if match else 0

    def _heading(self, block: Block, following: list[Block], current) -> None:
        text = block.text
        if _mostly_date(text) or FIELD.match(text):
            return  # "Tisdag 11 mars", "Plats: Stadshuset": the event's details
        speaker = heading_speaker(text) or dash_speakers(text)
        if self.position < self.preamble_end and not speaker:
            return  # a subtitle or section label among the title's lines
        depth = self._section_depth(text)
        if depth:
            text = SECTION_NUMBER.sub("", text)
            if NOT_A_TALK.match(text) or depth < self._session_depth():
                self._umbrella(text, current)
            else:
                self._start(text)
            return
        if NOT_A_TALK.match(text):
            self._umbrella(text, current)
            return
        if is_furniture(text):
            return  # "Uppdaterad 3 juni 2024": page furniture, not content
        names = caption_names(text)
        if names and all(self._known(name) for name in names):
            return  # a photo's name tag next to someone already described
        if speaker:
            title, names = speaker
            session = self._start(title)
            for name in [names] if isinstance(names, str) else names:
                self._add_speaker(session, ParsedPerson(name))
            return
        if QUOTE_SOURCE.match(text) and current is not None:
            current.quote_source = QUOTE_SOURCE.match(text).group(1)
            current.record.blocks.append(ParsedBlock("paragraph", text))
            return
        if block.level and block.level < self._top_level():
            self._end_session(current)  # an umbrella over several talks
            return
        if block.level:
            starts = block.level == self._top_level() or current is None
        else:
            starts = (
                current is None
                or current.closed
                or self._looks_like_voices(text, following)
                or self._introduces_someone_new(following, current)
            )
        if starts:
            session = self._start(text)
            if self._looks_like_voices(text, following):
                session.record.kind = "voices"
            return
        current.case_mode = bool(CASE_HEADING.match(text))
        current.record.blocks.append(ParsedBlock("heading", text))

    def _umbrella(self, text: str, current) -> None:
        """A heading that is no talk: a sub-heading in a talk, else part of the intro."""
        if current is None or current.ended:
            return
        current.record.blocks.append(ParsedBlock("heading", text))

    def _caption(self, block: Block, current) -> None:
        people = parse_caption(block.short, block.text, municipality_of)
        for person in people:
            self._register(person)
        names = [person.name for person in people]
        if current is None:
            if MODERATOR.search(block.text):
                self._add_moderators(names)
            elif names:
                session = self._start("", untitled=True)
                for person in people:
                    self._add_speaker(session, person)
            return
        if current.record.kind == "voices":
            current.voice_person = names[0] if names else ""
            return
        if current.closed:
            current = self._start("", untitled=True)
            for person in people:
                self._add_speaker(current, person)
            return
        for person in people:
            self._add_speaker(current, person)
        if current.record.blocks:
            current.closed = True

    def _content(self, block: Block, session: _Session) -> None:
        record = session.record
        if block.kind in ("bullets", "numbered"):
            kind = "bullet_list" if block.kind == "bullets" else "numbered_list"
            record.blocks.append(ParsedBlock(kind, items=list(block.items)))
            for item in block.items:
                listed = people_in_list(item, municipality_of)
                if len(listed) > 1 and re.match(NAME, strip_parties(item)):
                    # "A, titel vid X och B, titel, Org": a list item of speakers.
                    for person in listed:
                        self._add_speaker(session, person)
                else:
                    self._speakers_in(item, session)
            return
        if block.kind == "quote":
            item = programme_item(block.text) if not record.blocks else []
            if item:
                # "– Title, A och B, Org" under a programme item: a part of it.
                record.blocks.append(ParsedBlock("bullet_list", items=[block.text]))
                for person in item:
                    self._add_speaker(session, person)
                return
            self._quote(block.text, session)
            return
        if QUOTE_SOURCE.match(block.text):
            session.quote_source = QUOTE_SOURCE.match(block.text).group(1)
        if record.kind == "voices" and block.text.endswith(":"):
            session.voice_person = ""
        kind = "case_example" if session.case_mode else "paragraph"
        previous = record.blocks[-1] if record.blocks else None
        if kind == "case_example" and previous and previous.kind == kind:
            previous.text += f"\n\n{block.text}"  # one example, however many paragraphs
        else:
            record.blocks.append(ParsedBlock(kind, block.text))
        if not session.case_mode:
            self._speakers_in(block.text, session)

    def _speakers_in(self, text: str, session: _Session) -> None:
        """Add the people a talk's text introduces as its speakers."""
        for sentence in split_sentences(text):
            moderators = moderators_in_sentence(sentence, municipality_of)
            for person in moderators:
                self._register(person)
            self._add_moderators([person.name for person in moderators])
            people = people_in_sentence(sentence, municipality_of)
            listed = people_listed(sentence, municipality_of)
            named = {person.name for person in listed}
            for person in [*listed, *(p for p in people if p.name not in named)]:
                self._register(person)
                if person.name in self.moderators or attends(sentence, person.name):
                    continue  # "Name, planeringschef i X, deltog": a participant
                self._add_speaker(session, person)

    def _quote(self, text: str, session: _Session) -> None:
        record = session.record
        said, who = _split_attribution(text.strip().strip(QUOTE_MARKS).strip())
        person = ""
        if who == "de":
            person = ""  # "betonade de": several people, none in particular
        elif who and who not in PRONOUNS:
            person = who
        elif record.kind == "voices":
            person = session.voice_person
        else:
            speakers = [name for name, role in record.speakers if role == "speaker"]
            previous = next(
                (b for b in reversed(record.blocks) if b.kind == "quote"), None
            )
            if len(speakers) == 1:
                person = speakers[0]
            elif previous is not None and previous.person:
                person = previous.person
        kind = "case_example" if session.case_mode and not person else "quote"
        record.blocks.append(ParsedBlock(kind, said, person=person))
        if record.kind == "voices":
            session.voices.append((said, person))

    def _contact(self, block: Block) -> bool:
        text = CONTACT_LABEL.sub("", block.text)  # "Kansliet: Name"
        if block.kind not in ("heading", "paragraph", "caption"):
            return False
        if is_name(text):
            self.contacts.append(ParsedPerson(text))
            return True
        described = person_line(Block("paragraph", text))
        if len(described) == 1:
            self.contacts.append(described[0])  # "Name, titel, Org" on one line
            return True
        if not self.contacts:
            return False
        last = self.contacts[-1]
        if PHONE.match(text) and not last.phone:
            last.phone = text
            return True
        if not last.title and not last.phone:
            last.title = text
            return True
        return False

    # Helpers ----------------------------------------------------------------------

    def _start(self, title: str, *, untitled: bool = False) -> _Session:
        self.headed = self.headed or not untitled
        session = _Session(ParsedSession(title=title), untitled=untitled)
        self.sessions.append(session)
        return session

    def _is_byline(self, block: Block) -> bool:
        if block.kind not in ("heading", "paragraph") or block.text.endswith("."):
            return False
        match = BYLINE.match(block.text)
        return bool(match) and all(is_name(n) for n in split_names(match.group(1)))

    def _looks_like_voices(self, text: str, following: list[Block]) -> bool:
        if VOICES_HEADING.search(text):
            return True
        return (
            len(following) == 2
            and self._is_byline(following[0])
            and following[1].kind == "quote"
        )

    def _introduces_someone_new(self, following: list[Block], current) -> bool:
        if not following:
            return False
        people = person_line(following[0])
        if not people and following[0].kind == "paragraph":
            first = split_sentences(following[0].text)[:1]
            people = people_in_sentence(first[0], municipality_of) if first else []
        known = {name for name, _ in current.record.speakers}
        return any(person.name not in known for person in people)

    def _known(self, name: str) -> bool:
        return name in self.people or name in self.moderators

    def _register(self, person: ParsedPerson) -> ParsedPerson:
        existing = self.people.get(person.name)
        if existing is None:
            self.people[person.name] = person
            return person
        for attribute in ("title", "organization", "municipality", "phone"):
            if not getattr(existing, attribute) and getattr(person, attribute):
                setattr(existing, attribute, getattr(person, attribute))
        return existing

    def _add_speaker(self, session: _Session, person: ParsedPerson) -> None:
        self._register(person)
        entry = (person.name, "speaker")
        if entry not in session.record.speakers:
            session.record.speakers.append(entry)

    def _add_moderators(self, names: list[str]) -> None:
        for name in names:
            if name not in self.moderators:
                self.moderators.append(name)
            self._register(ParsedPerson(name))

    # Building the event -----------------------------------------------------------

    def _event(self, title: str) -> ParsedEvent:
        intro_text = " ".join(t for b in self.intro for t in [b.text, *b.items] if t)
        all_text = " ".join(b.text for b in self.blocks if b.text)
        # The lines before the title (a dateline, "Program 2025") tell the year too,
        # after the lead's own dates.
        preamble = " ".join(b.text for b in self.blocks[: self.start])
        event_date = find_event_date(
            title=title,
            intro=f"{intro_text}\n{preamble}",
            text=all_text,
            hints=self.hints,
        )
        if event_date is None:
            self.event_flags.append(
                "no_event_date: Inget datum för evenemanget hittades i dokumentet; "
                "fyll i det"
            )
        description = self._intro(event_date)
        venue = find_venue(self.blocks)
        event = ParsedEvent(
            title=title,
            slug=slugify(f"{title} {event_date or ''}")[:200],
            date=event_date,
            organizer=self._organizer(intro_text),
            venue=venue.name,
            venue_address=venue.address,
            venue_locality=venue.locality,
            description=description,
        )
        for contact in self.contacts:
            self._register(contact)
        self._resolve_first_names()
        event.moderators = list(self.moderators)
        event.contacts = [contact.name for contact in self.contacts]
        event.flags = self.event_flags
        sessions = [
            s
            for s in self.sessions
            if s.record.blocks or s.record.speakers or s.programme_item
        ]
        self._untitle_headings_over_two_talks(sessions)
        used: set[str] = set()
        for session in sessions:
            self._finish(session, event, used)
            event.sessions.append(session.record)
        event.sessions += mentions.undocumented_sessions(
            [s.record for s in sessions], self.people, used
        )
        for session in event.sessions:
            for name, _ in session.speakers:
                self._register(ParsedPerson(name))
        event.people = list(self.people.values())
        event.quotes = self._intro_quotes() + self._quotes(sessions)
        event.figures = figures.find_figures(event, self.people)
        return event

    def _intro(self, event_date) -> str:
        parts = []
        for block in self.intro:
            for item in block.items:
                # "Medverkande" lists: who each participant is, said once.
                line = Block("paragraph", item)
                people = person_line(line) or people_in_sentence(item, municipality_of)
                for person in people:
                    self._register(person)
            text = block.text or "\n".join(f"• {item}" for item in block.items)
            if _is_people_caption(text):
                for person in people_in_sentence(text, municipality_of):
                    self._register(person)
                continue
            for sentence in split_sentences(text):
                for person in people_in_sentence(sentence, municipality_of):
                    self._register(person)
                if MODERATOR.search(sentence):
                    moderators = moderators_in_sentence(sentence, municipality_of)
                    for person in moderators:
                        self._register(person)
                    self._add_moderators([person.name for person in moderators])
                self.event_flags += anomalies.future_date_flags(sentence, event_date)
            self.event_flags += anomalies.text_flags(text)
            parts.append(f"– {text}" if block.kind == "quote" else text)
        return "\n\n".join(parts)

    def _organizer(self, intro_text: str) -> str:
        for pattern in ORGANIZERS:
            match = pattern.search(intro_text)
            if match:
                name = match.group(1).strip()
                return ABBREVIATIONS.get(name, name)[:200]
        return ""

    def _untitle_headings_over_two_talks(self, sessions: list[_Session]) -> None:
        """Keep a heading over two talks from being the title of only the first.

        A heading, a talk closed by its speakers' photo caption, then a second talk by
        another organisation, closed by its own caption, and no heading between: the
        heading gathers both ("Kommunerna berättade"). The first talk then gets a
        suggested title, flagged, and the heading stays as its first sub-heading.
        """
        for second in sessions:
            first = second.after_caption_of
            if first is None or first.untitled or first.record.kind == "voices":
                continue
            ours, theirs = self._organisations(first), self._organisations(second)
            if ours and theirs and not ours & theirs:
                first.record.blocks.insert(
                    0, ParsedBlock("heading", first.record.title)
                )
                first.record.title = ""
                first.untitled = True

    def _organisations(self, session: _Session) -> set[str]:
        people = (self.people.get(name) for name, _ in session.record.speakers)
        return {p.organization for p in people if p and p.organization}

    def _intro_quotes(self) -> list[ParsedQuote]:
        """Return the introduction's quotes: the event's own, in no session."""
        quotes = []
        for block in self.intro:
            if block.kind != "quote":
                continue
            said, who = _split_attribution(block.text.strip(QUOTE_MARKS).strip())
            name = self._full_name(who) if who not in PRONOUNS | {"de"} else ""
            known = self.people.get(name)
            quotes.append(
                ParsedQuote(
                    text=said,
                    person=name,
                    municipality=known.municipality if known else "",
                )
            )
        return quotes

    def _full_name(self, name: str) -> str:
        """Return "Anna Berg" for "Anna" when exactly one known person is called Anna."""
        if not name or " " in name:
            return name
        matches = [full for full in self.people if full.split()[0] == name]
        return matches[0] if len(matches) == 1 else ""

    def _resolve_first_names(self) -> None:
        """Map first names in quotes to the one known person of that first name."""
        resolve = self._full_name
        for session in self.sessions:
            for block in session.record.blocks:
                block.person = resolve(block.person)
            session.voices = [(text, resolve(p)) for text, p in session.voices]
            session.voice_person = resolve(session.voice_person)

    def _finish(self, session: _Session, event: ParsedEvent, used: set[str]) -> None:
        record = session.record
        while (
            record.blocks
            and record.blocks[-1].kind == "heading"
            and not tables.cells(record.blocks[-1].text)
        ):
            # A heading with nothing under it before the next talk is a picture's
            # caption or alt text left in the page, not a sub-heading.
            record.blocks.pop()
        speakers = [
            self.people[name] for name, _ in record.speakers if name in self.people
        ]
        if session.untitled or not record.title:
            record.title = _suggest_title(speakers, record)
            record.flags.append(
                "untitled: Avsnittet saknar egen rubrik i dokumentet; titeln är "
                "föreslagen av inläsningen"
            )
        if record.kind != "voices":
            municipal = [p for p in speakers if p.municipality]
            if re.search(r"seminari", record.title, re.I):
                record.kind = "seminar"
            elif re.search(r"panel", record.title, re.I):
                record.kind = "panel"
            elif municipal and len(municipal) == len(speakers):
                record.kind = "presentation"
        codes: list[str] = [p.municipality for p in speakers if p.municipality]
        for block in record.blocks:
            if block.kind == "case_example":
                continue
            for text in [block.text, *block.items]:
                codes += find_municipalities(text)
        if record.kind == "voices":
            codes += [
                self.people[p].municipality
                for _, p in session.voices
                if p in self.people and self.people[p].municipality
            ]
        record.municipalities = list(dict.fromkeys(codes))
        for block in record.blocks:
            texts = [block.text, *block.items]
            for text in texts:
                record.flags += anomalies.text_flags(text)
                for sentence in split_sentences(text):
                    record.flags += anomalies.future_date_flags(sentence, event.date)
            if block.kind in ("paragraph", "case_example"):
                for paragraph in block.text.split("\n\n"):
                    record.flags += anomalies.lowercase_start(paragraph)
        record.flags = list(dict.fromkeys(record.flags))
        record.slug = _unique_slug(record.title, used)

    def _quotes(self, sessions: list[_Session]):
        quotes = []
        for session in sessions:
            if session.record.kind != "voices":
                continue
            for text, person in session.voices:
                known = self.people.get(person)
                quotes.append(
                    ParsedQuote(
                        text=text,
                        person=person,
                        attribution="" if person else capitalise(session.quote_source),
                        municipality=known.municipality if known else "",
                        session=session.record.slug,
                    )
                )
        return quotes


def extract(blocks: list[Block], hints: Hints | None = None) -> ParsedEvent:
    """Return the event described by ``blocks``; raise NoEventFound if there is none."""
    return Extractor(blocks, hints or Hints()).run()


def _split_attribution(text: str) -> tuple[str, str]:
    offset = max(0, len(text) - ATTRIBUTION_TAIL)
    match = SAID.search(text, offset)
    said = text[: match.start()].strip() if match else ""
    if not said:
        return text, ""
    # "Text, sa Name.": the sentence ends where the tail began.
    if said[-1] not in ".!?…":
        said += "."
    return said, match.group("who")


def _is_people_caption(text: str) -> bool:
    return bool(re.match(rf"^{NAME}(?:, {NAME})*(?: och {NAME})? från ", text))


def _suggest_title(speakers: list[ParsedPerson], record: ParsedSession) -> str:
    organizations = {p.organization for p in speakers if p.organization}
    municipal = [p for p in speakers if p.municipality]
    if len(organizations) == 1 and municipal and len(municipal) == len(speakers):
        return organizations.pop()
    if speakers:
        names = [p.name for p in speakers]
        return (
            names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"
        )
    first = next((b.text for b in record.blocks if b.text), "Programpunkt")
    return " ".join(first.split()[:8])


def _unique_slug(title: str, used: set[str]) -> str:
    base = slugify(title)[:80].strip("-") or "programpunkt"
    slug, number = base, 2
    while slug in used:
        slug = f"{base}-{number}"
        number += 1
    used.add(slug)
    return slug


def _mostly_date(text: str) -> bool:
    """Return whether a line is a date and little else ("Onsdag 9 april")."""
    covered = sum(end - start for _, start, end in find_dates(text))
    return covered * 2 >= len(text.strip())


def _first_words(text: str, count: int) -> str:
    sentence = split_sentences(text)[0] if split_sentences(text) else text
    return " ".join(sentence.split()[:count]).rstrip(".:,;") or text.strip()[:200]
