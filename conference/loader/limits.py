"""How much one document may hold: real documentation pages stay far below every limit.

A document over a limit is refused with one line of Swedish, before anything is written
and before the slow stages run. When the size comes from the same paragraph over and over
(a page saved in a loop, a copy-paste accident), the message says so rather than naming
only the count.
"""

from collections import Counter

from conference.formatting import format_number

from .records import Block, ParsedEvent

# Real pages: paragraphs under 3 000 characters, under 1 000 blocks, under 50 sessions.
MAX_BLOCK_CHARACTERS = 20_000
MAX_BLOCKS = 5_000
MAX_SESSIONS = 300
MAX_BLOCKS_PER_SESSION = 1_000
MAX_KEY_FIGURES = 2_000
MAX_PEOPLE = 1_000
# A paragraph this long that occurs this often is the document repeating itself.
REPEATED_CHARACTERS = 40
REPEATED_TIMES = 3


class TooLarge(ValueError):
    """The document holds more than one event may; the message says what and how much."""


def check_blocks(blocks: list[Block], name: str) -> None:
    """Refuse a document whose paragraphs are too long or too many."""
    longest = max((len(block.text) for block in blocks), default=0)
    if longest > MAX_BLOCK_CHARACTERS:
        raise TooLarge(
            f"{name}: ett stycke har {format_number(longest)} tecken (högst "
            f"{format_number(MAX_BLOCK_CHARACTERS)}); dela upp texten i stycken"
        )
    if len(blocks) > MAX_BLOCKS:
        raise TooLarge(
            f"{name}: {format_number(len(blocks))} stycken och rubriker "
            f"(högst {format_number(MAX_BLOCKS)}){repetition(blocks)}"
        )


def check_event(parsed: ParsedEvent, blocks: list[Block], name: str) -> None:
    """Refuse an event with more sessions, blocks, figures or people than one may hold."""
    counts = [
        (len(parsed.sessions), MAX_SESSIONS, "programpunkter"),
        (
            max((len(s.blocks) for s in parsed.sessions), default=0),
            MAX_BLOCKS_PER_SESSION,
            "innehållsblock i en programpunkt",
        ),
        (len(parsed.figures), MAX_KEY_FIGURES, "nyckeltal"),
        (len(parsed.people), MAX_PEOPLE, "personer"),
    ]
    for count, limit, noun in counts:
        if count > limit:
            raise TooLarge(
                f"{name}: {format_number(count)} {noun} (högst {format_number(limit)})"
                f"{repetition(blocks)}"
            )


def repetition(blocks: list[Block]) -> str:
    """Say how often the most repeated paragraph occurs, when the document repeats one."""
    texts = Counter(
        block.text for block in blocks if len(block.text) >= REPEATED_CHARACTERS
    )
    if not texts:
        return ""
    text, times = texts.most_common(1)[0]
    if times < REPEATED_TIMES:
        return ""
    return (
        f"; dokumentet upprepar sig: samma stycke förekommer {format_number(times)} gånger"
        f" («{text[:40]}…»)"
    )
