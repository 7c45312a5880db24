"""Generic checks of a briefing against a ``*.expected.json`` gold file."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from briefings.model import Article, Briefing
from briefings.output.serialize import briefing_to_dict


def mentions(text: str, term: str) -> bool:
    """``term`` may list alternatives: ``"G-7|G7|Group of Seven"``."""
    return any(alt.casefold() in text.casefold() for alt in term.split("|"))


def bullet_problems(texts: list[str], groups: list[list[str]], kind: str) -> list[str]:
    """Each group of terms must all appear in one bullet."""
    return [
        f"no {kind} bullet mentions all of {group}: {texts}"
        for group in groups
        if not any(all(mentions(text, term) for term in group) for text in texts)
    ]


def quote_problems(briefing: Briefing, gold: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    for expected in gold:
        wanted = expected["text"].rstrip(",")
        match = next((q for q in briefing.quotes if q.text.rstrip(",") == wanted), None)
        if match is None:
            problems.append(f"quote missing: {expected['text']!r}")
            continue
        if match.speaker != expected["speaker"]:
            problems.append(f"{wanted[:30]!r}: speaker {match.speaker!r}")
        if "role_contains" in expected and expected["role_contains"] not in match.role.lower():
            problems.append(f"{wanted[:30]!r}: role {match.role!r}")
        for flag in ("unnamed", "partial"):
            if flag in expected and getattr(match, flag) != expected[flag]:
                problems.append(f"{wanted[:30]!r}: {flag} is {getattr(match, flag)}")
    return problems


def metadata_problems(article: Article, briefing: Briefing, meta: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if "outlet" in meta and briefing.outlet != meta["outlet"]:
        problems.append(f"outlet {briefing.outlet!r}")
    if "published" in meta and briefing.published != datetime.fromisoformat(meta["published"]):
        problems.append(f"published {briefing.published!r}")
    if "authors" in meta and list(briefing.authors) != meta["authors"]:
        problems.append(f"authors {briefing.authors!r}")
    if "dateline" in meta and briefing.dateline != meta["dateline"]:
        problems.append(f"dateline {briefing.dateline!r}")
    if "canonical_url" in meta and not article.canonical_url.startswith(meta["canonical_url"]):
        problems.append(f"canonical_url {article.canonical_url!r}")
    return problems


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def check(article: Article, briefing: Briefing, gold: dict[str, Any]) -> list[str]:
    """Every way ``briefing`` falls short of ``gold`` (empty when it meets it)."""
    outcomes = [f.text for f in briefing.outcomes]
    problems = metadata_problems(article, briefing, gold.get("metadata", {}))
    problems += quote_problems(briefing, gold.get("quotes", []))
    problems += bullet_problems(outcomes, gold.get("outcomes_must_mention", []), "outcome")
    problems += bullet_problems(
        [f.text for f in briefing.next], gold.get("next_must_mention", []), "next"
    )
    for meeting in gold.get("meetings", []):
        who = meeting["who"]
        names = f"{who}|{who.split()[-1]}"
        if not any(mentions(t, names) and meeting["duration"] in t for t in outcomes):
            problems.append(f"no outcome says {who} met for {meeting['duration']}")
    fields = "\n".join(_strings(briefing_to_dict(briefing)))
    problems += [f"contains {bad!r}" for bad in gold.get("must_not_contain", []) if bad in fields]
    problems += [f"not verbatim: {q.text!r}" for q in briefing.quotes if q.text not in article.text]
    problems += [f"outcome without link: {f.text!r}" for f in briefing.outcomes if not f.source_url]
    if re.search(r"\n\s*\n", briefing.headline):
        problems.append("headline spans paragraphs")
    return problems
