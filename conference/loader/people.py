"""Recognise people's names in Swedish text and the title and organisation next to them.

The forms Swedish documentation pages use: "Name, titel på Org", "Name är docent vid
Org", "Kommunalrådet Name (KD) öppnade dagen", programme lines "Name, titel, Org",
"A och B från X, C från Y kommun", "Moderator var Name". A name is told from other
capitalised words by its shape and by a list of Swedish first names (Faker's sv_SE
list, from the Institute for Language and Folklore's name statistics).
"""

import re
from functools import cache

from .records import ParsedPerson

UPPER = "A-ZÅÄÖÉÜØÆČŠŽĆĐŁŃŚŹŻÑ"
LOWER = "a-zåäöéüøæáàèíóúçćčšžđłńśźżñõôûîâêëïÿ"
TOKEN = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?"
_INITIAL = rf"[{UPPER}]\.?"
_PARTICLE = r"(?:von|van|af|de|der|den|da|di|du|la|le)"
NAME = rf"{TOKEN}(?: (?:{_INITIAL} )?(?:{_PARTICLE} )?{TOKEN}){{1,3}}"
# The parties of the Riksdag, as Swedish pages label politicians: "Anna Berg (S)".
PARTY = r"\((?:S|M|C|V|L|KD|MP|SD|FP)\)"
_LABELLED = rf"{NAME}(?: {PARTY})?"
NAME_LIST = rf"{_LABELLED}(?:, {_LABELLED})*(?: och {_LABELLED})?"
NAME_RE = re.compile(rf"^{NAME}$")
NAMES_ONLY = re.compile(rf"^{NAME_LIST}$")
PARTY_LABEL = re.compile(rf"(?<=[{LOWER}.]) ?{PARTY}")
CITATION = re.compile(r"\([^()]*\b(?:1[89]|20)\d{2}\)")

# Agent nouns that are titles; a word ending in one of them (with a definite ending)
# is a title: "kommunalrådet" -> "kommunalråd", "utredaren" -> "utredare".
TITLE_STEMS = (
    "råd",
    "chef",
    "ledare",
    "sekreterare",
    "forskare",
    "utredare",
    "professor",
    "docent",
    "lektor",
    "rektor",
    "direktör",
    "moderator",
    "ordförande",
    "landshövding",
    "minister",
    "handläggare",
    "samordnare",
    "strateg",
    "konsult",
    "konsulent",
    "analytiker",
    "doktorand",
    "borgmästare",
    "expert",
    "specialist",
    "utvecklare",
    "koordinator",
    "pedagog",
    "psykolog",
    "vägledare",
    "talare",
    "föreläsare",
    "författare",
    "journalist",
    "läkare",
    "lärare",
    "sjuksköterska",
    "socionom",
    "ekonom",
    "kurator",
    "assistent",
    "handledare",
    "redaktör",
    "jurist",
    "grundare",
    "ansvarig",
    "representant",
    "politiker",
    "ledamot",
    "vetare",
    "kommunikatör",
    "administratör",
    "inspektör",
    "ombud",
    "coach",
    "vd",
)
TITLE_WORD = re.compile(
    rf"^(?P<base>[{LOWER}-]*(?:{'|'.join(TITLE_STEMS)}))(?:erna|arna|na|en|et|n)?$"
)
# Roles at the event itself, not a person's job: they give no title.
EVENT_ROLES = {"moderator", "talare", "föreläsare"}
# Capitalised Swedish words that start sentences or name things, never a first name.
COMMON_WORDS = set(
    """Sedan Därefter Då Under Enligt Dagen Dagens Efter Före Innan Med Men Och Även
    Också Nu Här Där Det Den De Detta Denna Dessa Vi Han Hon Hen Man Ni Jag Du Alla
    Flera Många Några Varje Vid På I Från Till För Om Av Hos Mot Genom Inom Utan Bland
    Trots Mellan Kring Som När Eftersom Medan Att Vad Vem Vilka Vilken Hur Varför Var
    Är Sist Slutligen Först Avslutningsvis Inledningsvis Samtidigt Dessutom Tillsammans
    Årets Nästa Förra Hela Svenska Svensk Svenskt Nya Ny Nytt Stora Stor Lilla Västra
    Östra Norra Södra Nationella Nationell Regionala Regional Kommunala Lokala
    Europeiska Fler Läs Tips Foto Fotograf Bild Text Källa Kontakt Kontakta Tidigare
    Senare Vidare Närmare Längre Mer Mest Bästa Goda God Gott Välkommen Tack Hej
    Program Programmet Panel Panelen
    Paus Lunch Fika Mingel Seminarium Seminariet Workshop Föreläsning Inledning
    Avslutning Sammanfattning Frågor Svar Fakta Citat Röster Exempel Mötesplats""".split()
)
# Words that mark a capitalised phrase as an organisation, a place or a product.
ORGANISATION_WORDS = set(
    "Lab AB HB Center Centrum Kommun Stad Region Regionen Universitet Högskola "
    "Institutet Gruppen Förbundet Föreningen Akademin Stiftelsen Nätverket Hotel "
    "Hotell Arena Teater Museum Bibliotek Kyrka Slott Park Club Klubb".split()
)
ORGANISATION_ENDINGS = re.compile(
    r"(?:förmedlingen|kassan|departementet|verket|myndigheten|rådet|regionen|"
    r"högskolan|universitetet|institutet|förvaltningen|nämnden|förbundet|föreningen|"
    r"kommunen|centrum|center|sjukhuset|bolaget|styrelsen|kansliet|akademin)$",
    re.I,
)
# Nouns with these endings are words, not first names ("Försörjningshinder" aside).
NOUN_ENDINGS = re.compile(r"(?:ning|het|tion|skap|else|ism|logi|ment|itet|ande|ende)$")
LONGEST_FIRST_NAME = 12

PHOTO_CREDIT = re.compile(
    rf"\b(?:[Ff]oto(?:graf(?:er)?)?|[Bb]ild|[Ff]otograf)(?: och text)?:? ({NAME_LIST})"
)
CITED = re.compile(
    rf"({NAME})(?: (?:m\.fl\.|med flera|et al\.?|med kollegor))?"
    rf"(?: \(|, )(?:1[89]|20)\d{{2}}\b"
    rf"|({NAME}) (?:m\.fl\.|med flera|et al\.?)"
)
# "enligt Name", "som ministern Name sagt": someone spoken of, not someone who spoke.
MENTIONED_AFTER = re.compile(
    r"(?:\benligt|\bsom|\blikt|\bciterar|\bciterade)"
    rf" (?:[{LOWER}]+ )?$",
    re.I,
)
ACTION_VERBS = set(
    """öppnade öppnar inledde inleder talade talar berättade berättar pratade pratar
    presenterade presenterar föreläste föreläser visade visar beskrev beskriver
    delade delar gav ger höll håller ledde leder avslutade avslutar sammanfattade
    sammanfattar menade menar betonade betonar lyfte lyfter redogjorde redogör
    välkomnade välkomnar hälsade hälsar medverkade medverkar deltog deltar tog tar
    diskuterade diskuterar reflekterade reflekterar svarade svarar konstaterade
    konstaterar förklarade förklarar framhöll framhåller sa säger summerade
    inspirerade gästade besökte modererade intervjuade informerade informerar invigde inviger
    guidade guidar demonstrerade demonstrerar tipsade tipsar samtalade samtalar""".split()
)
# Words that open a clause after a person's description: "…, om kommunens arbete".
CLAUSE_WORDS = {"om", "kring", "som", "med", "och", "samt", "där", "vilket"}
ORG_CONNECTORS = {"för", "och", "i", "av", "&", "kommun", "kommuns", "stad", "stads"}
ORG_LOWER_WORDS = {"universitet", "högskola", "region", "regionen", "län", "läns"}
ORG_MAX_WORDS = 10

BYLINE = re.compile(
    rf"^(?:[{UPPER}][{LOWER}]*(?:{'|'.join(TITLE_STEMS)})(?:erna|arna|na|en|et|n)? )?"
    rf"({NAME_LIST}), (.+?)\.?$"
)
FROM_ORG = re.compile(rf"\b({NAME_LIST}) från ")
TITLE_AT_ORG = re.compile(
    rf"\b(?P<name>{NAME})(?P<comma>,)? "
    rf"(?P<link>som (?:är|var) |är |var |arbetar som |jobbar som )?"
    rf"(?P<title>(?:[{LOWER}]|[{UPPER}]{{2,}}-)[\w -]*?) (?:på|vid|hos|i) (?=[{UPPER}])"
)
# The name is read in a lookahead so that "dagen Kommunalrådet Anna Berg" still
# finds the title right before the name.
TITLE_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?P<title>[{UPPER}{LOWER}][{LOWER}-]+) (?=(?P<name>{NAME}))"
)
TITLE_PHRASE_WORDS = 8
SHARED_VERB = re.compile(
    rf"^ och (?:[{UPPER}{LOWER}][{LOWER}]+ ){{1,3}}{NAME}(?: {PARTY})? (?P<verb>[{LOWER}]+)"
)
APPOSITIVE = re.compile(
    rf"(?P<names>{NAME}(?: och {NAME})?), (?P<detail>[{LOWER}][^,;.]{{2,120}}), "
    rf"(?P<verb>[{LOWER}]+)\b"
)
# What a speaker does on stage; "sa", "besökte", "visar" may be anyone, anywhere.
TALK_VERBS = set(
    """berättade berättar pratade pratar talade talar föreläste föreläser presenterade
    presenterar beskrev beskriver inledde inleder öppnade avslutade redogjorde
    modererade ledde delade samtalade samtalar""".split()
)
# "en kartläggning av Name", "ministern Name": cited or only spoken of.
NOT_HERE_BEFORE = re.compile(rf"(?:\bav|minister(?:n)?|[{LOWER}]+ministern) $")
# "Name berättade", "bland andra Name som pratade om": someone doing a talk's verb.
NAME_THEN_VERB = re.compile(
    rf"(?P<name>{NAME})(?: {PARTY})? (?:som |själv |också |även )?(?P<verb>[{LOWER}]+)\b"
)
VERB_THEN_NAME = re.compile(
    rf"\b(?P<verb>[{LOWER}]+) (?:även |också |sedan )?(?P<name>{NAME}), "
    rf"(?P<detail>[{LOWER}][^,;.]{{2,80}})[,.]"
)
TITLE_THEN_NAME = re.compile(
    rf"(?P<title>[{UPPER}][{LOWER}]+)(?P<where> (?:i|på|vid|hos) [^,;.]{{2,60}}), "
    rf"(?P<name>{NAME}), (?P<verb>[{LOWER}]+)\b"
)
GENITIVE_BEFORE = re.compile(
    rf"((?:[{UPPER}{LOWER}]+- och )?[{UPPER}{LOWER}]{{3,}}(?:ens|ets|ns|rs)) $"
)
TITLE_DASH_NAME = re.compile(
    rf"^(.+?) [–—-] (?:(?:föreläsning|föredrag|samtal|presentation|seminarium|"
    rf"workshop|panelsamtal|intervju) )?(?:med |av )?({NAME})(?: {PARTY})?$"
)
MODERATOR_FORMS = [
    re.compile(
        r"\b(?:[Mm]oderator(?:er|erna|n)?|[Ss]amtalsledare(?:n)?)"
        rf"(?: (?:för|under) (?:[{LOWER}]+ ){{0,2}}[{LOWER}]+)?"
        rf"(?::| var| är| blir| blev)? ({NAME_LIST})"
    ),
    re.compile(rf"\b(?:modererades|modereras|leddes) av ({NAME_LIST})"),
    re.compile(
        rf"({NAME_LIST}),? (?:var|är|blir) (?:dagens |kvällens )?moderator(?:er)?\b"
    ),
    re.compile(rf"({NAME_LIST}) modererade\b"),
]


# What introduces a list of who took part: "Medverkande:", "Panelen bestod av".
LISTED = re.compile(
    r"(?:\b[Mm]edverkande(?: var| är)?:?|\b[Dd]eltagare:|\b[Pp]anelen bestod av|"
    r"\b[Ii] panelen (?:satt|fanns|deltog):?|\b[Pp]aneldeltagare:|"
    r"\b[Tt]alare:|\b[Ff]öreläsare:)\s+"
)


@cache
def first_names() -> frozenset[str]:
    """Swedish first names: the 500 most common for women and for men."""
    from faker.providers.person.sv_SE import Provider

    return frozenset(Provider.first_names_female) | frozenset(Provider.first_names_male)


def is_first_name(word: str) -> bool:
    """Return whether ``word`` is a known Swedish first name ("Lars-Erik" counts)."""
    names = first_names()
    return word in names or all(part in names for part in word.split("-"))


def title_of(word: str) -> str | None:
    """Return the title a word names in its indefinite form, or None.

    "Kommunalrådet" -> "kommunalråd", "Forskaren" -> "forskare", "Sedan" -> None.
    """
    if word in COMMON_WORDS or is_first_name(word):
        return None
    match = TITLE_WORD.match(word.lower())
    return match.group("base") if match else None


def is_name(text: str) -> bool:
    """Return whether ``text`` is shaped like a person's full name."""
    if not NAME_RE.match(text):
        return False
    words = [w for w in text.split() if len(w.rstrip(".")) > 1]
    first = words[0]
    if any(w in COMMON_WORDS or w in ORGANISATION_WORDS for w in words):
        return False
    if any(ORGANISATION_ENDINGS.search(w) for w in words):
        return False
    if is_first_name(first):
        return True
    if title_of(first) or _is_place(first):
        return False
    return len(first) <= LONGEST_FIRST_NAME and not NOUN_ENDINGS.search(first)


def party_labels(text: str) -> dict[str, str]:
    """Return each labelled politician's party: "Anna Berg (S)" -> {"Anna Berg": "S"}."""
    return {
        name: party
        for name, party in re.findall(rf"({NAME}) \(([A-ZÅÄÖ]{{1,2}})\)", text)
        if re.fullmatch(PARTY, f"({party})") and is_name(_clean_name(name)[1])
    }


def strip_parties(text: str) -> str:
    """Remove party labels so that "Anna Berg (S), kommunalråd" reads as a byline."""
    return PARTY_LABEL.sub("", text)


def caption_names(text: str) -> list[str]:
    """Return the names in a photo's short text ("A, B och C", or "A, Org")."""
    text = strip_parties(_without_photo_credits(text).strip())
    if NAMES_ONLY.match(text):
        names = [_clean_name(name)[1] for name in split_names(text)]
    else:
        names = [_clean_name(text.split(", ")[0])[1]]
    return names if names and all(is_name(name) for name in names) else []


def split_names(text: str) -> list[str]:
    text = strip_parties(text)
    return [part.strip() for part in re.split(r", | och ", text) if part.strip()]


def photographers(text: str) -> list[str]:
    """Return the names credited for a photo ("Foto: Name"); they are never speakers."""
    names = []
    for match in PHOTO_CREDIT.finditer(text):
        names += [n for n in split_names(match.group(1)) if is_name(n)]
    return names


def cited_names(text: str) -> list[str]:
    """Return authors cited as sources: "Name (2021)", "Name m.fl.", "Name, 2013"."""
    names = []
    for match in CITED.finditer(text):
        name = _clean_name(match.group(1) or match.group(2))[1]
        if is_name(name):
            names.append(name)
    return names


def moderator_names(sentence: str) -> list[str]:
    """Return who moderated: "Moderator var Name", "Dagens moderator Name", ..."""
    names: list[str] = []
    for pattern in MODERATOR_FORMS:
        for match in pattern.finditer(strip_parties(sentence)):
            for name in split_names(match.group(1)):
                name = _clean_name(name)[1]
                if is_name(name) and name not in names:
                    names.append(name)
    return names


def moderators_in_sentence(sentence: str, municipality_of) -> list[ParsedPerson]:
    """Return the moderators a sentence names, with any title and organisation."""
    names = moderator_names(sentence)
    described = {p.name: p for p in _people(sentence, municipality_of)}
    return [described.get(name, ParsedPerson(name)) for name in names]


def parse_caption(short: str, text: str, municipality_of) -> list[ParsedPerson]:
    """Return the people a caption describes, with title and organisation.

    Names that share one description ("A, B och C, Org") all get it.
    """
    text = strip_parties(_without_photo_credits(text)).strip()
    names = caption_names(short) if short else []
    if not names:
        match = BYLINE.match(text)
        if not match:
            return []
        names = [_clean_name(name)[1] for name in split_names(match.group(1))]
        if not all(is_name(name) for name in names):
            return []
    positions = sorted((text.find(name), name) for name in names if name in text)
    people: list[ParsedPerson] = []
    for number, (start, name) in enumerate(positions):
        end = positions[number + 1][0] if number + 1 < len(positions) else len(text)
        detail = text[start + len(name) : end].strip(" ,.")
        detail = re.sub(r",?\s*och$", "", detail).strip(" ,")
        detail = _drop_trailing_title(detail, positions, number)
        person = describe(name, detail, municipality_of)
        if not person.title:
            person.title = _title_before(text[:start])
        people.append(person)
    shared = next((p for p in reversed(people) if p.title or p.organization), None)
    if shared:
        for person in people:
            if not person.title and not person.organization:
                person.organization = shared.organization
                person.title = shared.title
                person.municipality = shared.municipality
    return people


def programme_line(text: str, municipality_of) -> ParsedPerson | None:
    """Return the person of a programme line: "Name, titel, Org", "Name (M), titel i X,
    Y kommun" or "Name, Org"; None when the line is not of that shape."""
    text = strip_parties(text.strip().rstrip("."))
    match = re.match(rf"^(?P<name>{NAME}), ", text)
    if not match or " från " in text:
        return None
    prefix, name = _clean_name(match.group("name"))
    if not is_name(name) or (name != match.group("name") and not prefix):
        return None  # "Enligt Anna Berg, ...": a sentence, not a line
    parts = []
    for part in text[match.end() :].split(", "):
        if _starts_clause(part):
            break  # "Name, Org, berättade om ...": the line ends where the verb starts
        parts.append(part.strip())
    if not parts or not all(_is_title_phrase(p) or p[:1].isupper() for p in parts):
        return None
    if any(_lists_names(part) for part in parts):
        return None  # "A, B och C": a list of names, not a name and its organisation
    person = describe(name, ", ".join(parts), municipality_of)
    if not person.title:
        person.title = prefix
    if person.title in EVENT_ROLES:
        person.title = ""
    return person


def describe(name: str, detail: str, municipality_of) -> ParsedPerson:
    """Return ``name`` with the title and organisation that ``detail`` gives.

    The title is the role words, the organisation the first "vid/på/hos Org" (or the
    capitalised parts): "professor i X vid Org och programledare för Y" gives title
    "professor i X och programledare för Y" and organisation "Org". "i X" stays in
    the title when an organisation follows ("ordförande i X, Y kommun").
    """
    parts = [part.strip() for part in detail.split(", ") if part.strip()]
    titles = [part for part in parts if _is_title_part(part)]
    organisations = [part for part in parts if part not in titles]
    title, org = ", ".join(titles), ""
    if titles:
        last = titles[-1]
        preposition = r"på|vid|hos" if organisations else r"på|vid|hos|i"
        split = re.search(rf" (?:{preposition}) (?=[{UPPER}])", last)
        if split:
            role, org = last[: split.start()], last[split.end() :]
            title = ", ".join([*titles[:-1], role])
    org = ", ".join(part for part in [org, *organisations] if part)
    second_role = re.search(rf" och (?=(?P<role>[{LOWER}]+))", org)
    if second_role and title_of(second_role.group("role")):
        title = f"{title} och {org[second_role.end() :]}".strip()
        org = org[: second_role.start()]
    org = org.strip(" ,")
    return ParsedPerson(name, title.strip(), org, municipality_of(org) if org else "")


def people_listed(text: str, municipality_of) -> list[ParsedPerson]:
    """Return the people of a list that follows "Medverkande:" or "Panelen bestod av".

    "Medverkande: A (C), kommunstyrelsens ordförande Lerum, och B, utvecklingsledare
    SKR." Each name begins a new person; what stands between two names describes the
    first of them.
    """
    match = LISTED.search(text)
    return people_in_list(text[match.end() :], municipality_of) if match else []


def people_in_list(text: str, municipality_of) -> list[ParsedPerson]:
    """Return the people of a list of names, each followed by what describes them:
    "A (C), kommunstyrelsens ordförande Lerum, och B, utvecklingsledare SKR"."""
    rest = strip_parties(text).rstrip(". ")
    starts = [
        found
        for found in re.finditer(
            rf"(?:^|, (?:och |samt )?| och | samt )(?P<name>{NAME})", rest
        )
        if is_name(_clean_name(found.group("name"))[1])
        # Past the first, a name in a list starts with a first name: "Idrott och
        # Fritid Norr" goes on an organisation's name.
        and (
            found.start() == 0
            or is_first_name(_clean_name(found["name"])[1].split()[0])
        )
    ]
    people = []
    for number, found in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(rest)
        prefix, name = _clean_name(found.group("name"))
        detail = rest[found.end() : end].strip(" ,")
        parts = detail.split(", ")
        clause = next((i for i, part in enumerate(parts) if _starts_clause(part)), None)
        detail = ", ".join(parts[:clause]) if clause is not None else detail
        bracketed = re.fullmatch(r"\((.+)\)", detail)
        if bracketed:
            detail = bracketed.group(1)  # "Name (Org)": the organisation alone
        person = describe(name, detail, municipality_of)
        if not person.organization and person.title:
            # "säkerhetssamordnare Uppsala kommun": the role, then its organisation.
            role = re.match(
                rf"^(?P<title>[{LOWER}][^{UPPER}]*?) (?P<org>[{UPPER}].*)$",
                person.title,
            )
            if role:
                person = ParsedPerson(
                    name, role["title"], role["org"], municipality_of(role["org"])
                )
        person.title = person.title or prefix
        people.append(person)
    return people


def people_in_sentence(sentence: str, municipality_of) -> list[ParsedPerson]:
    """Return the people a sentence introduces as taking part.

    "Name, titel på Org", "Name är docent vid Org", "Name, som är chef på Org",
    "A och B från X, C från Y kommun", "Kommunalrådet Name (KD) öppnade dagen",
    "Forskaren Name vid Org", or a programme line "Name, titel, Org". Moderators,
    photographers, cited authors and people merely spoken of are left out.
    """
    moderators = set(moderator_names(sentence))
    return [p for p in _people(sentence, municipality_of) if p.name not in moderators]


def heading_speaker(heading: str) -> tuple[str, str] | None:
    """Return (title, name) for a heading such as "Title – Name"."""
    match = TITLE_DASH_NAME.match(heading.strip())
    if match:
        name = _clean_name(match.group(2))[1]
        if is_name(name):
            return match.group(1).strip(), name
    return None


# Helpers ------------------------------------------------------------------------------


def _people(sentence: str, municipality_of) -> list[ParsedPerson]:
    excluded = set(photographers(sentence)) | set(cited_names(sentence))
    text = strip_parties(CITATION.sub("", _without_photo_credits(sentence)))
    found: list[ParsedPerson] = []
    line = programme_line(text, municipality_of)
    if line:
        found.append(line)
    for match in TITLE_AT_ORG.finditer(text):
        _, name = _clean_name(match.group("name"))
        title = match.group("title").strip()
        if not (match.group("comma") or match.group("link")):
            continue  # "Anna Berg berättade om sitt arbete som rektor på X"
        start = match.start("name") + match.group("name").find(name)
        if not _is_title_phrase(title) or _mentioned(text[:start]):
            continue
        org, rest = _read_org(text[match.end() :])
        clause = re.split(r"[,.;:!?]", rest)[0]
        title = describe(name, f"{title} på {org}{clause}", municipality_of).title
        found.append(ParsedPerson(name, title, org, municipality_of(org)))
    found += _from_organisation(text, municipality_of)
    found += _titled(text, municipality_of)
    found += _appositive(text, municipality_of)
    people: dict[str, ParsedPerson] = {}
    for person in found:
        if not is_name(person.name) or person.name in excluded:
            continue
        if person.title in EVENT_ROLES:
            person.title = ""
        known = people.setdefault(person.name, person)
        for attribute in ("title", "organization", "municipality"):
            if not getattr(known, attribute):
                setattr(known, attribute, getattr(person, attribute))
    return list(people.values())


def _from_organisation(text: str, municipality_of) -> list[ParsedPerson]:
    """ "A och B från X, C från Y kommun": each list of names gets its organisation."""
    found = []
    position = 0
    while match := FROM_ORG.search(text, position):
        org, _ = _read_org(text[match.end() :])
        position = match.end() + len(org)
        first = _clean_name(split_names(match.group(1))[0])[1]
        if _mentioned(text[: match.start() + match.group(1).find(first)]) or not org:
            continue
        for name in split_names(match.group(1)):
            title, name = _clean_name(name)
            found.append(ParsedPerson(name, title, org, municipality_of(org)))
    return found


def _titled(text: str, municipality_of) -> list[ParsedPerson]:
    """ "Kommunalrådet Name öppnade", "Forskaren Name vid Org": a title before a name."""
    found = []
    for match in TITLE_BEFORE_NAME.finditer(text):
        title = title_of(match.group("title"))
        prefix, name = _clean_name(match.group("name"))
        if not title or prefix or _mentioned(text[: match.start()]):
            continue
        org, rest = "", text[match.end(1) + 1 + len(match.group("name")) :]
        at = re.match(rf" (?:vid|på|hos|från) (?=[{UPPER}])", rest)
        if at:
            org, rest = _read_org(rest[at.end() :])
        before = text[: match.start()].split()
        verb = re.match(rf"\W*([{LOWER}]+)", rest)
        if "minister" in title and not (verb and verb.group(1) in TALK_VERBS):
            continue  # "när ministern Name besökte länet": spoken of, not on stage
        # "Direktör A och ordförande B öppnar": the pair shares the verb.
        shares = SHARED_VERB.match(rest)
        if not (
            _acts(rest) or shares or (before and before[-1].lower() in ACTION_VERBS)
        ):
            continue
        # "Kommunstyrelsens ordförande Name": the genitive says whose title it is.
        owner = GENITIVE_BEFORE.search(text[: match.start()])
        if owner:
            title = f"{owner.group(1).lower()} {title}"
        found.append(ParsedPerson(name, title, org, municipality_of(org)))
    return found


def _appositive(text: str, municipality_of) -> list[ParsedPerson]:
    """People described between commas before what they did.

    "Name, biträdande professor … vid Org, inledde", "A och B, studenter vid Org,
    presenterade", "Kommundirektören i X kommun, Name, berättade".
    """
    found = []
    for match in APPOSITIVE.finditer(text):
        if not _is_verb(match.group("verb")):
            continue
        names = [_clean_name(n)[1] for n in split_names(match.group("names"))]
        if not all(is_name(name) for name in names) or _mentioned(
            text[: match.start()]
        ):
            continue
        for name in names:
            found.append(describe(name, match.group("detail"), municipality_of))
    for match in NAME_THEN_VERB.finditer(text):
        name = _clean_name(match.group("name"))[1]
        before = text[: match.start("name")]
        if match.group("verb") in TALK_VERBS and is_name(name):
            if not (_mentioned(before) or NOT_HERE_BEFORE.search(before)):
                found.append(ParsedPerson(name))
    for match in VERB_THEN_NAME.finditer(text):
        verb = match.group("verb")
        if verb == "med":  # "samtalar med Name, titel": the other one on stage
            words = text[: match.start()].split()
            verb = words[-1] if words else ""
        if verb in ACTION_VERBS and is_name(match.group("name")):
            found.append(describe(match["name"], match["detail"], municipality_of))
    for match in TITLE_THEN_NAME.finditer(text):
        title = title_of(match.group("title"))
        if not title or not _is_verb(match.group("verb")) or not is_name(match["name"]):
            continue
        org = re.sub(r"^(?:i|på|vid|hos) ", "", match.group("where").strip())
        found.append(ParsedPerson(match["name"], title, org, municipality_of(org)))
    return found


def _is_verb(word: str) -> bool:
    return word in ACTION_VERBS or (
        len(word) > 3
        and word.endswith(("ade", "de", "te", "rar"))
        and not title_of(word)
    )


def _acts(rest: str) -> bool:
    """Return whether what follows a name shows the person doing something at the
    event (or nothing follows, as in a caption)."""
    words = rest.split()
    if not "".join(words).strip(".,;:!"):
        return True
    for word in words[:ORG_MAX_WORDS]:
        word = word.strip(",;:()!?.")
        if not word or word[0].isupper() or word in ORG_CONNECTORS:
            continue
        if word in ("och", "samt", "vid", "på", "hos", "från") or title_of(word):
            continue
        return word.lower() in ACTION_VERBS
    return False


def _read_org(text: str) -> tuple[str, str]:
    """Return the organisation at the start of ``text`` and what follows it.

    It ends at punctuation, at a lowercase word, and before "och" when a person
    follows ("Lerums kommun och Eva Berg från ...").
    """
    words = text.split(" ")
    taken: list[str] = []
    for index, word in enumerate(words[:ORG_MAX_WORDS]):
        bare = word.rstrip(",.;:!?)")
        if not bare or bare.startswith("("):
            break
        if bare == "och":
            following = " ".join(words[index + 1 : index + 4])
            if _starts_with_name(following) or not following[:1].isupper():
                break
        elif not (bare[0].isupper() or bare[0].isdigit()):
            if bare not in ORG_CONNECTORS and bare not in ORG_LOWER_WORDS:
                break
        taken.append(bare)
        if bare != word:
            break
    while taken and taken[-1] in ("för", "och", "i", "av", "&"):
        taken.pop()
    org = " ".join(taken)
    return org, text[len(org) :]


def _starts_with_name(text: str) -> bool:
    words = re.findall(rf"{TOKEN}", text)[:3]
    return any(is_name(" ".join(words[:size])) for size in (2, 3))


def _lists_names(part: str) -> bool:
    """Return whether a line's part is more names ("B och C", "Per Ek"), not an
    organisation that happens to be two capitalised words."""
    if not NAMES_ONLY.match(part) or not all(is_name(n) for n in split_names(part)):
        return False
    return " och " in part or is_first_name(part.split()[0])


def _clean_name(candidate: str) -> tuple[str, str]:
    """Split a title or sentence word off the front of a name.

    "Landshövding Anna Berg" -> ("landshövding", "Anna Berg"); "Sedan Anna Berg" ->
    ("", "Anna Berg"). A word before a known first name is not part of the name.
    """
    words = candidate.split()
    title = ""
    while len(words) > 2:
        first = words[0]
        if first in COMMON_WORDS or title_of(first):
            title = title or (title_of(first) or "")
            words = words[1:]
        elif not is_first_name(first) and is_first_name(words[1]):
            words = words[1:]
        else:
            break
    return title, " ".join(words)


def _starts_clause(part: str) -> bool:
    """Return whether a comma-separated part begins what the person does, not who
    they are: "berättar om …", "om arbetet med X", "som leder …"."""
    words = part.split()
    if not words:
        return False
    first = words[0]
    if first in ACTION_VERBS or first in CLAUSE_WORDS:
        return True
    verb_like = first.islower() and first.endswith(("erar", "erade", "ar", "ade"))
    return verb_like and not title_of(first) and not _is_title_part(part)


def _mentioned(before: str) -> bool:
    return bool(MENTIONED_AFTER.search(before))


def _is_title_phrase(text: str) -> bool:
    """Return whether ``text`` names a role: its first or last word is a title
    ("chef för enheten", "biträdande rektor"), in at most a few words."""
    words = text.split(" på ")[0].split(" vid ")[0].split()
    if not words or len(words) > TITLE_PHRASE_WORDS or not _is_title_part(text):
        return False
    if words[0].capitalize() in COMMON_WORDS:
        return False  # "som är chef": the role starts after the verb
    return bool(title_of(words[0]) or title_of(words[-1]))


def _is_title_part(part: str) -> bool:
    first = part.split()[0] if part.split() else ""
    if not first:
        return False
    if first[0].islower() or re.match(rf"^[{UPPER}]{{2,}}-", first):
        return True
    return bool(TITLE_WORD.match(first.lower())) and title_of(first) == first.lower()


def _title_before(text: str) -> str:
    words = text.split()
    title = title_of(words[-1]) if words else None
    return "" if not title or title in EVENT_ROLES else title


def _drop_trailing_title(detail: str, positions, number: int) -> str:
    """ "A, chef på X, och kommunalrådet B": the title before B is not A's."""
    if number + 1 >= len(positions):
        return detail
    match = re.search(r"(?:^|,?\s+)(?:och|samt) (\S+)$", detail)
    if match and title_of(match.group(1)):
        detail = detail[: match.start()].strip(" ,")
    return detail


def _is_place(word: str) -> bool:
    from .municipalities import municipality_of

    if is_first_name(word):
        return False
    return bool(municipality_of(word) or municipality_of(word.removesuffix("s")))


def _without_photo_credits(text: str) -> str:
    return PHOTO_CREDIT.sub("", text)
