"""The README's configuration example is a configuration factlint accepts."""

from __future__ import annotations

import re
from pathlib import Path

from factlint import config
from factlint.testing import registry

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_documented_configuration_loads(tmp_path):
    text = README.read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# \.factlint\.yaml\n.*?)```", text, re.S)
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "our-verbs.yaml").write_text("pack: speech-verbs\nverbs: []\n", encoding="utf-8")
    path = tmp_path / ".factlint.yaml"
    path.write_text(example, encoding="utf-8")
    loaded = config.load(path, registry().settings)
    assert loaded.ignore == ("DAT006",) and loaded.fail_level == "warning"
    assert set(loaded.sections) == {"quotes", "names", "licensing", "online"}
