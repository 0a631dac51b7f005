"""Rebuild rules/surnames.txt and rules/given-names.txt from the public-domain US name counts.

The two tables tell an established surname or given name from a typo: a
spelling that thousands of people carry is a name of its own (Browne beside
Brown), one that nobody carries is very likely a slip. Both sources are works
of the US federal government, so in the public domain:

- the Census Bureau's "Frequently Occurring Surnames from the 2010 Census"
  (https://www.census.gov/topics/population/genealogy/data/2010_surnames.html,
  the file Names_2010Census.csv inside names.zip: name, rank, count, ...);
- the Social Security Administration's national baby-name counts
  (https://www.ssa.gov/oact/babynames/limits.html, names.zip: one
  yobYYYY.txt per year of birth, lines "name,sex,count").

Usage, from the root of a checkout:

    python benchmarks/name_tables.py --census Names_2010Census.csv --ssa DIR_OR_ZIP

(either alone rebuilds its own table).

The tables are written in rank order, one "name count" per line, lower case,
after a header that names the source and the cut-off. Nothing here runs when
factlint lints; the tables are read by factlint.language (lazily, once).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
#: A surname that fewer people carry is left out: rare spellings are where typos live.
SURNAME_MIN = 1000
#: Given names: people born in the years counted who got the name.
GIVEN_MIN = 1000
GIVEN_YEARS = range(1920, 2021)
NAME_RE = re.compile(r"^[a-z][a-z'-]*$")

SURNAME_HEADER = """\
# Surnames of the US population, with how many people carry each one.
# Source: US Census Bureau, Frequently Occurring Surnames from the 2010 Census
# (census.gov/topics/population/genealogy/data/2010_surnames.html), a work of
# the US federal government in the public domain. Reduced for factlint by
# benchmarks/name_tables.py: lower case, surnames of {minimum} people or more,
# in rank order; one "surname count" a line. {rows} surnames.
"""
GIVEN_HEADER = """\
# Given names of people born in the US {first}-{last}, with how many got each one.
# Source: US Social Security Administration, national baby-name counts
# (ssa.gov/oact/babynames/limits.html), a work of the US federal government in
# the public domain. Reduced for factlint by benchmarks/name_tables.py: lower
# case, both sexes summed, names of {minimum} people or more, in rank order;
# one "name count female" a line, female the percentage of them who are
# women (rounded; 0 to 100). {rows} names.
"""


def census_counts(path: Path) -> Counter[str]:
    """{surname: count} from the Census file (columns `name` or `last_name`, and `count`)."""
    counts: Counter[str] = Counter()
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("name") or row.get("last_name") or "").strip().lower()
            count = (row.get("count") or "").strip()
            if NAME_RE.match(name) and count.isdigit():
                counts[name] += int(count)
    return counts


def _ssa_files(source: Path) -> Iterator[tuple[str, str]]:
    """(file name, text) of each yobYYYY.txt in a folder or in the SSA's names.zip."""
    if source.is_dir():
        for path in sorted(source.glob("yob*.txt")):
            yield path.name, path.read_text(encoding="latin-1")
        return
    with zipfile.ZipFile(source) as archive:
        for name in sorted(archive.namelist()):
            if re.fullmatch(r"yob\d{4}\.txt", Path(name).name):
                yield Path(name).name, io.TextIOWrapper(archive.open(name), encoding="latin-1").read()


def ssa_counts(source: Path, years: Iterable[int] = GIVEN_YEARS) -> tuple[Counter[str], Counter[str]]:
    """({given name: people}, {given name: women}) summed over the years."""
    wanted = {f"yob{y}.txt" for y in years}
    counts: Counter[str] = Counter()
    women: Counter[str] = Counter()
    for name, text in _ssa_files(source):
        if name not in wanted:
            continue
        for line in text.splitlines():
            parts = line.strip().split(",")
            if len(parts) == 3 and parts[2].isdigit() and NAME_RE.match(parts[0].lower()):
                counts[parts[0].lower()] += int(parts[2])
                if parts[1] == "F":
                    women[parts[0].lower()] += int(parts[2])
    return counts, women


def table(counts: Counter[str], minimum: int) -> list[tuple[str, int]]:
    """The rows of a table: names of `minimum` or more, most common first, ties alphabetical."""
    return sorted(((n, c) for n, c in counts.items() if c >= minimum), key=lambda nc: (-nc[1], nc[0]))


def write(path: Path, header: str, rows: list[tuple[str, int]], women: Counter[str] | None = None) -> None:
    if women is None:
        body = "".join(f"{name} {count}\n" for name, count in rows)
    else:
        body = "".join(f"{name} {count} {round(100 * women[name] / count)}\n" for name, count in rows)
    path.write_text(header + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--census", type=Path, help="Names_2010Census.csv (rebuilds rules/surnames.txt)")
    parser.add_argument("--ssa", type=Path, help="the SSA names.zip, or a folder of yobYYYY.txt (rebuilds rules/given-names.txt)")
    parser.add_argument("--out", type=Path, default=ROOT / "rules", help="where the tables go (default: rules/)")
    args = parser.parse_args(argv)
    if args.census is None and args.ssa is None:
        parser.error("give --census, --ssa or both")
    written = []
    if args.census is not None:
        surnames = table(census_counts(args.census), SURNAME_MIN)
        if not surnames:
            print("name_tables: no surnames read; check the --census file", file=sys.stderr)
            return 2
        write(args.out / "surnames.txt", SURNAME_HEADER.format(minimum=SURNAME_MIN, rows=len(surnames)), surnames)
        written.append(f"{len(surnames)} surnames")
    if args.ssa is not None:
        counts, women = ssa_counts(args.ssa)
        given = table(counts, GIVEN_MIN)
        if not given:
            print("name_tables: no given names read; check the --ssa files", file=sys.stderr)
            return 2
        write(args.out / "given-names.txt", GIVEN_HEADER.format(
            first=GIVEN_YEARS[0], last=GIVEN_YEARS[-1], minimum=GIVEN_MIN, rows=len(given)), given, women)
        written.append(f"{len(given)} given names")
    print(f"{', '.join(written)} written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
