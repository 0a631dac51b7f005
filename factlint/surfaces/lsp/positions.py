"""Code-point offsets of factlint to the protocol's (line, UTF-16 character) positions, and back."""

from __future__ import annotations

import bisect

from lsprotocol import types


class Lines:
    """The line starts of one text, to convert offsets both ways without rescanning it."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> types.Position:
        """The protocol position of a code-point offset: characters count UTF-16 code units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[line]:offset]
        return types.Position(line=line, character=utf16_length(before))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a protocol position (a character past the line's end is its end)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] - 1 if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
        return end


def utf16_length(text: str) -> int:
    """How many UTF-16 code units `text` takes: characters beyond the BMP take two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
