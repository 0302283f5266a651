"""Undo the hard line breaks of text copied from a PDF, so a paragraph is one line.

A PDF's text comes out one printed line at a time: "stod FoU som" / "värd. Konferensen".
A page typed by a person has short lines that end where a thought ends; those stay.
"""

import re

from .furniture import LIST_MARK

WRAPPED_MIN = 45  # a printed line of body text is at least this long
END_OF_THOUGHT = re.compile(r"[.!?:;”\"]$")
# "1 Inledning 2", "2.1 Syfte ..... 3": a table of contents' line.
CONTENTS_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S.*?[\s.]+\d{1,3}$")


def looks_wrapped(lines: list[str]) -> bool:
    """Return whether most lines of prose run to a margin, as a PDF's text does."""
    long = [line for line in lines if len(line) >= WRAPPED_MIN]
    if len(long) < 5:
        return False
    open_ended = [line for line in long if not END_OF_THOUGHT.search(line)]
    return len(open_ended) >= len(long) / 2


def unwrap(text: str) -> str:
    """Return ``text`` with a wrapped paragraph's lines joined, if it is wrapped."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = _without_contents(lines)
    if not looks_wrapped(lines):
        return "\n".join(_joined_after_commas(lines))
    width = _margin(lines)
    joined: list[str] = []
    for number, line in enumerate(lines):
        previous = lines[number - 1] if number else ""
        if line and joined and joined[-1] and _continues(previous, line, width):
            # A word broken with a hyphen was joined before (furniture.clean_lines).
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _joined_after_commas(lines: list[str]) -> list[str]:
    """Join a line that ends with a comma to the next: no paragraph ends with one."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith(",") and line:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _margin(lines: list[str]) -> int:
    """Return the width a PDF's body text runs to: most full lines reach it."""
    lengths = sorted(len(line) for line in lines if len(line) >= WRAPPED_MIN)
    return lengths[len(lengths) * 3 // 4] if lengths else WRAPPED_MIN


def _continues(previous: str, line: str, width: int) -> bool:
    """Return whether ``line`` goes on with the sentence ``previous`` left open.

    A line broken at the margin is nearly as long as the text is wide; a heading or
    a programme line ends well before it.
    """
    if END_OF_THOUGHT.search(previous) or len(previous) < WRAPPED_MIN:
        return False
    if len(previous) < width * 0.75 or LIST_MARK.match(line):
        return False
    if "\t" in line or ";" in line or "  " in line:
        return False  # a table's row or a page's running header
    return not line[0].isdigit() or previous[-1].isalpha()


def _without_contents(lines: list[str]) -> list[str]:
    """Drop a table of contents: three or more numbered lines ending in page numbers."""
    result: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if CONTENTS_LINE.match(line):
            run.append(line)
            continue
        if len(run) < 3:
            result += run
        run = []
        result.append(line)
    return result[:-1]
