"""Read a page written as prose: where a talk begins, who gives it and what about.

"Dagen inleddes av Name", "Sedan tog Name över", "Efter lunch berättade Name, titel
på Org, om …": talks separated by sentences, not headings.
"""

import re

from .municipalities import municipality_of
from .people import NAME, is_name, people_in_sentence, people_listed
from .records import ParsedPerson
from .sentences import capitalise, split_sentences

# Sentences that hand the floor to the next speaker on a page written as prose.
PROSE_TURN = re.compile(
    r"^(?:Dagen (?:inleddes|öppnades|startade)|Först ut|Sedan|Därefter|Därpå|"
    r"Efter (?:lunch|det|detta|pausen|fikat|kaffet)|Före lunch|Under (?:förmiddagen|"
    r"eftermiddagen)|Eftermiddagen|Förmiddagen|Nästa talare|Näst på tur|"
    r"Avslutningsvis|Till sist|Sist ut|Dagen avslutades|Dagens sista)\b"
    r"|\b(?:tog (?:sedan |därefter )?(?:\S+ ){1,4}(?:över|vid)|inledde dagen|"
    r"öppnade dagen|avslutade dagen|inledningsvis|därefter|avslutningsvis)\b"
)


PROSE_TOPIC = re.compile(
    r"\b(?:under rubriken|med titeln) [”\"“]([^”\"“]{4,})[”\"“]"
    r"|\b(?:om|kring|på temat) ((?:hur|vad|varför|att )?[^.,;:!?]{8,}?)"
    r"(?=[.,;:!?]|\s+(?:och|men|som)\s|$)"
)


# ", planeringschef i X, deltog för första gången": who came to listen.
ATTENDED = re.compile(
    r"^(?:,[^,]{0,120},)?\s+(?:deltog|deltar|besökte|var på plats|var en av deltagarna)\b"
)


# A paragraph that opens with its speaker names them within its first words.
OPENING_CHARS = 60


def attends(sentence: str, name: str) -> bool:
    """Return whether a sentence tells that someone took part, not that they spoke."""
    after = sentence[sentence.find(name) + len(name) :]
    return bool(ATTENDED.match(after))


def turn_speakers(sentences: list[str]) -> list[ParsedPerson]:
    """Return who takes the floor in a paragraph that opens with a turn, or []."""
    if not sentences or not PROSE_TURN.search(sentences[0]):
        return []
    for sentence in sentences:
        people = people_listed(sentence, municipality_of) or people_in_sentence(
            sentence, municipality_of
        )
        if people:
            return people
        names = [ParsedPerson(n) for n in re.findall(NAME, sentence) if is_name(n)]
        if names:
            return names[:3]
    return []


def prose_title(text: str) -> str:
    """Return the topic of a talk told in prose ("… berättade X om hur …")."""
    for sentence in split_sentences(text)[:2]:
        match = PROSE_TOPIC.search(sentence)
        if match:
            return capitalise((match.group(1) or match.group(2)).strip())[:120]
    return ""
