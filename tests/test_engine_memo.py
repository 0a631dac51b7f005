"""A session keeps its per-draft answers bounded: an archive run must not grow with every draft it has seen."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint import engine
from factlint.plugins import registry


def test_per_draft_answers_are_bounded_and_still_right(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(engine, "_PER_DRAFT_MEMO", 3)
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / ".factlint.yaml").write_text("ignore: [DAT003]\n", encoding="utf-8")
    names = [f"sport/d{n}.md" for n in range(4)] + [f"news/d{n}.md" for n in range(4)]
    (tmp_path / "news").mkdir()
    for name in names:
        (tmp_path / name).write_text("# Pier\n\nThe pier reopened on March 3.\n", encoding="utf-8")
    session = engine.Session(registry(), engine.Options(cache=False))
    for _ in range(2):  # the second pass asks again after the answers were dropped
        codes = {name: [r.code for r in session.lint_path(Path(name), name).results] for name in names}
        assert codes == {name: ([] if name.startswith("sport/") else ["DAT003"]) for name in names}
        assert len(session._config_of) <= 3 and len(session._relatives) <= 3
