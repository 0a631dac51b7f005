"""Measures factlint on the published-news development set that benchmarks/devset.py builds.

    python benchmarks/devset_eval.py DEVSET [--cmd factlint] [--source polnear] [--sample CODE N] [--json OUT]

Runs ``CMD check DEVSET/articles --format json`` and prints: findings per
article for every rule and source; with gold quotations, the share of
gold-attributed quotations QUO001 flags and QUO001's recall on a copy of those
drafts with the attribution stripped (each sentence part holding the gold
source or cue, outside the quotations, is deleted; the copies go to a
temporary folder), and again with every gold attribution of the quotation's
paragraph and the paragraph before stripped (reported speech too: "Ruiz said
the pier would reopen." attributes the quotation after it). A gold quotation
that is a later paragraph of a passage running over several paragraphs (each
opening with a mark, only the last closing) counts as caught by a finding at
the passage's opening, where factlint reports the passage once. With gold
weekdays, DAT002's recall, how often the date its
message names is the gold date, and how many of its fixes write a date the
gold contradicts. ``--sample CODE N`` prints N findings of one rule with their
sentence, for reading by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July",
                                      "August", "September", "October", "November", "December"), 1)}
MEANS_RE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")
FIX_RE = re.compile(r"(" + "|".join(MONTHS) + r")\.? (\d{1,2})")
TERMINATOR_RE = re.compile(r"[.!?][\"\u201d\u2019')]*(?=\s|$)")
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Jr", "Sr", "U.S", "Lt", "Col",
                 "Sgt", "Prof", "Rev", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Co", "Corp"}


def run_factlint(cmd: str, folder: Path, extra: list[str]) -> list[dict]:
    argv = shlex.split(cmd) + ["check", str(folder), "--format", "json", "--exit-zero"] + extra
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"factlint failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return json.loads(done.stdout or "[]")


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def key(filename: str, root: Path) -> str:
    p = Path(filename)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def per_rule(findings: list[dict], articles: list[dict], root: Path) -> None:
    per_source = Counter(a["source"] for a in articles)
    source_of = {a["draft"]: a["source"] for a in articles}
    counts: Counter = Counter()
    for f in findings:
        counts[(source_of.get(key(f["filename"], root), "?"), f["code"])] += 1
    codes = sorted({c for _, c in counts})
    sources = sorted(per_source)
    print("findings per article (count / articles)")
    print(f"  {'rule':8}" + "".join(f"{s[:10]:>12}" for s in sources) + f"{'all':>12}")
    total = sum(per_source.values())
    for code in codes:
        row = "".join(f"{counts[(s, code)] / per_source[s]:12.3f}" for s in sources)
        print(f"  {code:8}{row}{sum(counts[(s, code)] for s in sources) / total:12.3f}")
    print("  articles" + "".join(f"{per_source[s]:>12}" for s in sources) + f"{total:>12}")


def at(findings: list[dict], root: Path, code: str) -> dict[tuple[str, int, int], dict]:
    return {(key(f["filename"], root), f["location"]["row"], f["location"]["column"]): f
            for f in findings if f["code"] == code}


def quotation_metrics(findings: list[dict], quotes: list[dict], root: Path) -> dict:
    flagged = at(findings, root, "QUO001")
    attributed = [q for q in quotes if q["attributed"]]
    hit = [q for q in attributed if (q["draft"], q["row"], q["column"]) in flagged]
    unattributed = [q for q in quotes if not q["attributed"]]
    caught = [q for q in unattributed if (q["draft"], q["row"], q["column"]) in flagged]
    drafts = {q["draft"] for q in quotes}
    on_drafts = sum(1 for (d, _, _) in flagged if d in drafts)
    print(f"QUO001 on gold-attributed quotations: {len(hit)} of {len(attributed)} flagged "
          f"({100 * len(hit) / max(1, len(attributed)):.2f} %; goal <= 2 %)")
    print(f"QUO001 on gold-unattributed quotations: {len(caught)} of {len(unattributed)}; "
          f"QUO001 findings on these {len(drafts)} drafts: {on_drafts}")
    return {"attributed": len(attributed), "attributed_flagged": len(hit),
            "unattributed": len(unattributed), "unattributed_flagged": len(caught)}


SPEAKER_STOP = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "s"}


def _speaker_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in SPEAKER_STOP}


def speaker_metrics(cmd: str, root: Path, quotes: list[dict], extra: list[str]) -> dict:
    """How often `factlint explain` names the gold source of a quotation it judges attributed.

    The speaker is right when it shares a word with the gold source span (a
    surname with "Sen. Richard Durbin"; a pronoun only with the same pronoun),
    so "he" for a gold "Sanders" counts as wrong even when it refers to him.
    """
    argv = shlex.split(cmd) + ["explain", str(root / "articles"), "--format", "json"] + extra
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"factlint explain failed ({done.returncode}): {done.stderr.strip()[:500]}")
    judged = {(key(e["filename"], root), e["location"]["row"], e["location"]["column"]): e
              for e in json.loads(done.stdout or "[]")}
    texts: dict[str, str] = {}
    right = wrong = 0
    for q in quotes:
        e = judged.get((q["draft"], q["row"], q["column"]))
        if not q["attributed"] or not q["speaker_spans"] or e is None or not e["attributed"]:
            continue
        text = texts.get(q["draft"]) or texts.setdefault(q["draft"], (root / q["draft"]).read_text(encoding="utf-8"))
        gold = set().union(*(_speaker_words(text[a:b]) for a, b in q["speaker_spans"]))
        if e["speaker"] and _speaker_words(e["speaker"]) & gold:
            right += 1
        else:
            wrong += 1
    print(f"QUO001 speaker named on gold-attributed quotations judged attributed: {right} of {right + wrong} "
          f"match the gold source ({100 * right / max(1, right + wrong):.1f} %)")
    return {"speaker_right": right, "speaker_judged": right + wrong}


def sentence_part(text: str, para: tuple[int, int], quotes: list[tuple[int, int]], a: int, b: int) -> tuple[int, int]:
    """The sentence around text[a:b], clipped so it holds no quotation."""
    start, end = para
    for m in TERMINATOR_RE.finditer(text, para[0], para[1]):
        word = re.search(r"(\S+)$", text[para[0]:m.start()])
        if word and (word.group(1).rstrip(".") in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        if m.end() <= a:
            start = m.end()
        elif m.start() >= b - 1:
            end = min(end, m.end())
            break
    for qa, qb in quotes:
        if qb <= a:
            start = max(start, qb)
        elif qa >= b:
            end = min(end, qa)
    return start, end


def strip_attributions(root: Path, quotes: list[dict], out: Path,
                       nearby: dict[str, list[tuple[int, int]]] | None = None) -> list[tuple[str, int, dict]]:
    """Write copies of the drafts without the gold attributions; return (draft, new offset, quote).

    With `nearby` ({draft: source and cue spans of every gold attribution,
    reported speech included}), every attribution in an attributed
    quotation's paragraph and the paragraph before goes too, so nothing near
    the quotation still names its speaker ("Ruiz said the pier would reopen."
    before it is an attribution of its own).
    """
    by_draft: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        by_draft[q["draft"]].append(q)
    targets = []
    for draft, qs in by_draft.items():
        text = (root / draft).read_text(encoding="utf-8")
        paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        spans = [(q["start"], q["end"]) for q in qs]
        cuts: list[tuple[int, int]] = []
        chosen = [q for q in qs if q["attributed"]]
        for q in chosen:
            own = [tuple(s) for s in q["speaker_spans"] + q["cue_spans"]]
            if nearby is not None:
                at = next((k for k, p in enumerate(paras) if p[0] <= q["start"] < p[1]), None)
                if at is not None:
                    lo, hi = paras[max(at - 1, 0)][0], paras[at][1]
                    own += [s for s in nearby.get(draft, ()) if lo <= s[0] < hi]
            for a, b in own:
                para = next((p for p in paras if p[0] <= a < p[1]), None)
                if para and not any(qa <= a < qb for qa, qb in spans):
                    cuts.append(sentence_part(text, para, spans, a, b))
        if not chosen:
            continue
        cuts = merge(cuts)
        new, shift, pos = [], [], 0
        for a, b in cuts:
            new.append(text[pos:a])
            shift.append((a, b))
            pos = b
        new.append(text[pos:])
        stripped = "".join(new)
        path = out / draft
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(stripped, encoding="utf-8")
        for q in chosen:
            if any(a <= q["start"] < b for a, b in cuts):
                continue
            removed = sum(b - a for a, b in cuts if b <= q["start"])
            targets.append((draft, q["start"] - removed, q))
    return targets


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based row and column of `offset`, as factlint reports them."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _open_at_end(paragraph: str) -> int | None:
    """Where the quotation left open at the end of a paragraph starts in it, if one is."""
    curly = paragraph.rfind("\u201c")
    if curly >= 0 and "\u201d" not in paragraph[curly:]:
        return curly
    if paragraph.count('"') % 2:
        return paragraph.rfind('"')
    return None


def passage_start(text: str, offset: int) -> int | None:
    """Where the passage that a continuation paragraph belongs to opens.

    Wire style runs one speaker's quotation over several paragraphs: each
    opens with a mark, only the last closes. factlint reports such a passage
    once, at its opening; a gold quotation that is one of its later
    paragraphs is caught (or missed) with it. None when the quotation at
    `offset` opens no continuation paragraph.
    """
    line = text.rfind("\n", 0, offset) + 1
    if text[line:offset].strip() or text[offset:offset + 1] not in ('"', "\u201c"):
        return None
    start = None
    while True:
        before = text[:line].rstrip("\n")
        if not before:
            return start
        previous = before.rfind("\n") + 1
        opened = _open_at_end(before[previous:])
        if opened is None:
            return start
        start, line = previous + opened, previous
        if opened > 0:  # the passage opens inside that paragraph: it cannot go on further back
            return start


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def stripped_recall(cmd: str, root: Path, quotes: list[dict], extra: list[str],
                    nearby: dict[str, list[tuple[int, int]]] | None = None) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="devset-stripped-"))
    try:
        targets = strip_attributions(root, quotes, tmp, nearby)
        findings = run_factlint(cmd, tmp, ["--select", "QUO001"] + extra)
        hits = set()
        for f in findings:
            d = key(f["filename"], tmp)
            hits.add((d, f["location"]["row"], f["location"]["column"]))
        caught = 0
        for draft, offset, _ in targets:
            text = (tmp / draft).read_text(encoding="utf-8")
            # a later paragraph of a passage is caught by the finding at the passage's opening
            opened = passage_start(text, offset)
            caught += any((draft, *position(text, at)) in hits for at in (offset, opened) if at is not None)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    what = "every attribution near it" if nearby is not None else "its attribution"
    print(f"QUO001 recall with {what} stripped: {caught} of {len(targets)} "
          f"({100 * caught / max(1, len(targets)):.1f} %; goal >= 95 %)")
    prefix = "stripped_nearby" if nearby is not None else "stripped"
    return {prefix: len(targets), f"{prefix}_caught": caught}


def weekday_metrics(findings: list[dict], timexes: list[dict], root: Path) -> dict:
    flagged = at(findings, root, "DAT002")
    result = {}
    for grade in ("gold", "silver"):
        gold = [t for t in timexes if t["annotation"] == grade and t["bare_weekday"] and not t["in_quote"] and t["date"]]
        if not gold:
            continue
        found = right = fixes = bad_fixes = guesses = 0
        for t in gold:
            f = flagged.get((t["draft"], t["row"], t["column"]))
            if not f:
                continue
            found += 1
            m = MEANS_RE.search(f["message"])
            named = dt.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat() if m else None
            right += named == t["date"]
            guesses += "guess" in f["message"]
            if f.get("fix"):
                fixes += 1
                content = f["fix"]["edits"][0]["content"]
                fm = FIX_RE.search(content)
                year = int(t["reference_date"][:4])
                if fm:
                    fixed = dt.date(year, MONTHS[fm.group(1)], int(fm.group(2)))
                    gold_day = dt.date.fromisoformat(t["date"])
                    bad_fixes += (fixed.month, fixed.day) != (gold_day.month, gold_day.day)
        print(f"DAT002 ({grade} TIMEX3, bare weekdays outside quotations): recall {found} of {len(gold)} "
              f"({100 * found / len(gold):.1f} %); resolution right {right} of {found} "
              f"({100 * right / max(1, found):.1f} %; goal >= 97 %); messages saying guess {guesses}; "
              f"fixes {fixes}, against the gold {bad_fixes} (goal 0)")
        result[grade] = {"gold": len(gold), "found": found, "right": right, "fixes": fixes,
                         "bad_fixes": bad_fixes, "guesses": guesses}
    return result


def sample(findings: list[dict], code: str, n: int, root: Path, seed: int) -> None:
    chosen = [f for f in findings if f["code"] == code]
    random.Random(seed).shuffle(chosen)
    print(f"{code}: {len(chosen)} findings, {min(n, len(chosen))} at random (seed {seed})")
    for f in chosen[:n]:
        path = Path(f["filename"])
        path = path if path.is_absolute() or path.exists() else root / path
        line = path.read_text(encoding="utf-8").split("\n")[f["location"]["row"] - 1]
        c0 = f["location"]["column"] - 1
        c1 = f["end_location"]["column"] - 1 if f["end_location"]["row"] == f["location"]["row"] else len(line)
        left = max([m.end() for m in TERMINATOR_RE.finditer(line, 0, c0)] + [0])
        right = next((m.end() for m in TERMINATOR_RE.finditer(line, c1)), len(line))
        context = line[left:c0] + "[[" + line[c0:c1] + "]]" + line[c1:right]
        print(f"\n{key(f['filename'], root)}:{f['location']['row']}:{f['location']['column']}  {f['message']}")
        print("    " + context.strip()[:600])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path, help="the folder devset.py wrote (articles/, gold/)")
    parser.add_argument("--cmd", default=f"{shlex.quote(sys.executable)} -m factlint", help="how to run factlint")
    parser.add_argument("--source", action="append", help="only these sources (articles/<source>)")
    parser.add_argument("--sample", nargs=2, metavar=("CODE", "N"), help="print N findings of CODE in context")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-stripped", action="store_true", help="skip the stripped-attribution run")
    parser.add_argument("--json", type=Path, help="write the metrics here")
    parser.add_argument("extra", nargs="*", help="after --: more factlint check arguments")
    args = parser.parse_args(argv)
    root = args.devset
    articles = load(root / "gold/articles.jsonl")
    sources = set(args.source or [a["source"] for a in articles])
    articles = [a for a in articles if a["source"] in sources]
    drafts = {a["draft"] for a in articles}
    folders = [root / "articles" / s for s in sorted(sources)]
    findings: list[dict] = []
    for folder in folders:
        findings += run_factlint(args.cmd, folder, args.extra)
    for f in findings:
        f["filename"] = key(f["filename"], root) if Path(f["filename"]).is_absolute() else \
            key(str(Path.cwd() / f["filename"]), root)
    if args.sample:
        sample(findings, args.sample[0], int(args.sample[1]), root, args.seed)
        return 0
    metrics: dict = {"articles": len(articles), "findings": dict(Counter(f["code"] for f in findings))}
    per_rule(findings, articles, root)
    quotes = [q for q in load(root / "gold/quotations.jsonl") if q["draft"] in drafts]
    if quotes:
        metrics["quotations"] = quotation_metrics(findings, quotes, root)
        if (root / "articles").is_dir():
            metrics["quotations"].update(speaker_metrics(args.cmd, root, quotes, args.extra))
        if not args.no_stripped:
            metrics["quotations"].update(stripped_recall(args.cmd, root, quotes, args.extra))
            nearby: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for row in load(root / "gold/attributions.jsonl"):
                nearby[row["draft"]] += [tuple(s) for s in row["spans"]]
            if nearby:
                metrics["quotations"].update(stripped_recall(args.cmd, root, quotes, args.extra, nearby))
    timexes = [t for t in load(root / "gold/timex.jsonl") if t["draft"] in drafts]
    if timexes:
        metrics["weekdays"] = weekday_metrics(findings, timexes, root)
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
