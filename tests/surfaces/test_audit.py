"""`factlint audit` on a LocalCluster: the same findings as `check --format json`, bad lines as rows, resume rules."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import pyarrow.dataset as ds  # noqa: E402

from factlint.surfaces.cli import main  # noqa: E402

DRAFTS = {
    "news/a.md": "---\ndate: 2024-03-12\n---\n# Council vote\n\nThe council met yesterday and voted on Tuesday.\n",
    "news/b.txt": "Storm warning\n\nThe storm hits this week, the agency said.\n",
    "sport/c.md": "# Final\n\n\"We won,\" he said last night.\n",
    "sport/bad.md": "bytes \xff here\n",
}


def _write(root: Path) -> Path:
    for name, text in DRAFTS.items():
        path = root / "archive" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("latin-1") if name.endswith("bad.md") else text.encode("utf-8"))
    return root / "archive"


def _rows(out: Path) -> list[dict]:
    table = ds.dataset(out / "findings", format="parquet").to_table().to_pylist()
    return sorted(table, key=lambda r: (r["ordinal"], r["row"], r["column"], r["code"]))


def test_audit_findings_are_check_json_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _write(tmp_path)
    monkeypatch.chdir(tmp_path)
    checked = io.StringIO()
    assert main(["check", "--format", "json", "archive"], out=checked) == 1
    assert main(["audit", "archive", "--out", "out", "--workers", "2", "--partition-size", "2", "--quiet"]) == 0
    rows = _rows(tmp_path / "out")
    objects = sorted((json.loads(r["json"]) for r in rows),
                     key=lambda o: (o["filename"], o["location"]["row"], o["location"]["column"], o["code"]))
    assert json.dumps(objects, indent=2, ensure_ascii=False) + "\n" == checked.getvalue()
    unreadable = [r for r in rows if r["filename"] == "archive/sport/bad.md"]
    assert [(r["code"], r["row"]) for r in unreadable] == [("FL001", 1)]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["partitions_done"] == [0, 1] and manifest["articles_done"] == 4 and manifest["complete"]
    assert sorted(p.name for p in (tmp_path / "out" / "findings").iterdir()) == ["part-000000.parquet",
                                                                                 "part-000001.parquet"]
    assert archive.is_dir()


def test_a_bad_jsonl_line_is_a_row_naming_its_line(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"guid": "a1", "content": "Rain fell yesterday, the service said.\n", "format": "text",
                    "published": "2023-05-02", "desk": "weather"}),
        "{not json",
        json.dumps(["a", "list"]),
    ]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["audit", str(export), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet",
            "--field", "id=guid", "--field", "body=content", "--field", "date=published", "--field", "section=desk"]
    assert main(args) == 0
    rows = _rows(tmp_path / "out")
    assert [(r["filename"], r["code"]) for r in rows] == [
        ("a1.txt", "DAT001"), ("export.jsonl:2", "FL001"), ("export.jsonl:3", "FL001")]
    assert rows[0]["section"] == "weather" and rows[0]["year"] == 2023
    assert "2 May 2023" in rows[0]["message"] or "1 May 2023" in rows[0]["message"]
    assert rows[1]["message"].startswith("line 2 of export.jsonl is not JSON")
    assert rows[2]["message"] == "line 3 of export.jsonl is a JSON list, not an article object"


def test_resume_refuses_a_changed_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = _write(tmp_path)
    out = tmp_path / "out"
    assert main(["audit", str(archive), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    assert main(["audit", str(archive), "--out", str(out), "--workers", "1", "--quiet"]) == 2
    assert "use --resume to continue it" in capsys.readouterr().err
    assert main(["audit", str(archive), "--out", str(out), "--workers", "1", "--quiet", "--resume",
                 "--ignore", "DAT"]) == 2
    assert "cannot resume: the configuration or options changed" in capsys.readouterr().err
    before = _rows(out)
    assert main(["audit", str(archive), "--out", str(out), "--workers", "1", "--quiet", "--resume"]) == 0
    assert _rows(out) == before


def test_a_missing_extra_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from factlint.errors import UsageError
    from factlint.surfaces.audit.extra import require

    real = builtins.__import__

    def no_pyarrow(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.split(".")[0] == "nosuchmodule":
            raise ImportError(name=name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(UsageError) as caught:
        require("nosuchmodule")
    assert str(caught.value) == ("factlint audit needs the 'audit' extra (nosuchmodule is not installed): "
                                 "pip install 'factlint[audit]'")


def test_check_does_not_import_dask_at_start_up() -> None:
    import subprocess
    import sys

    code = ("import sys; from factlint.surfaces.cli import main; import io; main(['rules'], out=io.StringIO()); "
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
