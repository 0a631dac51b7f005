"""files.collect: every draft once, sorted by the name shown, held as names until a draft is read."""

from __future__ import annotations

from pathlib import Path

from factlint import files


def test_drafts_are_names_that_become_paths_when_read(tmp_path: Path, monkeypatch) -> None:
    for name in ("b/two.md", "a/one.txt", "a/three.html", "notes.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    drafts = files.collect(["a", "b", "a/one.txt"], (".md", ".txt", ".html"))
    # One string a draft is all a run keeps of it (a Path would cost six times as much).
    assert drafts.names == ["a/one.txt", "a/three.html", "b/two.md"]
    assert all(type(name) is str for name in drafts.names)
    assert list(drafts) == [(Path("a/one.txt"), "a/one.txt"), (Path("a/three.html"), "a/three.html"),
                            (Path("b/two.md"), "b/two.md")]
    assert len(drafts) == 3 and drafts[1] == (Path("a/three.html"), "a/three.html")
    assert drafts[1:].names == ["a/three.html", "b/two.md"]


def test_an_absolute_folder_keeps_its_absolute_names(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("Text.\n", encoding="utf-8")
    drafts = files.collect([str(tmp_path)], (".md",))
    assert list(drafts) == [(tmp_path / "story.md", (tmp_path / "story.md").as_posix())]
