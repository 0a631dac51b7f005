"""The audit's progress line on a terminal: articles done, articles per second, time left; silent elsewhere."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Redraws one line at most a few times a second; does nothing when the stream is no terminal."""

    def __init__(self, stream: TextIO, total: int | None, enabled: bool, start: int = 0) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = start
        self._start_done = start
        self._began = time.monotonic()
        self._drawn = 0.0

    def advance(self, articles: int) -> None:
        self.done += articles
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.2:
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self._began)
        rate = (self.done - self._start_done) / elapsed
        text = f"{self.done:,} articles"
        if self.total:
            share = min(1.0, self.done / self.total)
            filled = int(share * 24)
            text = f"[{'#' * filled}{'.' * (24 - filled)}] {self.done:,}/{self.total:,} articles"
        text += f"  {rate:,.0f} articles/s"
        if self.total and rate > 0:
            text += f"  {_duration(max(0.0, (self.total - self.done) / rate))} left"
        return text

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
