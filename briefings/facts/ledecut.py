"""A long lede that no cut of ``shortened`` brings to its limit: cut before a clause of
contrast or circumstance, so its news is told first, or kept whole: a lede is never lost."""

from __future__ import annotations

import re

from briefings.facts.statements import Statement

# A clause of contrast or circumstance after the news: where a long lede may end.
_CONTRAST = re.compile(r", (?:but|while|although|though|even as|despite|whereas|amid) ")
# Where a long lede with no clause of contrast may end: before a clause of time, cause or
# circumstance, or a participle, that follows its main clause ("..., as ministers ...",
# "... after two days of talks", ", raising ...").
_CIRCUMSTANCE = re.compile(
    r"; |, (?:as|after|before|when|because|since|amid|following|which|where|with) |"
    r", (?=[a-z]+ing )"
)
# A word a cut must not leave at the end: "...; on." is no sentence.
_DANGLING = re.compile(
    r"\b(?:on|of|in|to|at|by|for|with|from|and|or|but|the|a|an|that|whether|than)$"
)
# The same with no comma before it ("... to five percent as negotiators met ..."); not "as"
# after a word it belongs to ("described as", "such as", "as well as").
_BARE_CIRCUMSTANCE = re.compile(
    r"(?<!described)(?<!known)(?<!such)(?<!well)(?<!regarded)(?<!seen)(?<!same)(?<!soon)"
    r"(?<!just)(?<!much) (?:as|after|before|when|because|amid) "
)


def cut_long_lede(statement: Statement, limit: int, least: int) -> Statement:
    """``statement`` cut before its last clause of contrast within ``limit`` words, else of
    circumstance (with a comma, then without), each leaving at least ``2 * least`` words;
    whole when there is none."""
    for clause in (_CONTRAST, _CIRCUMSTANCE, _BARE_CIRCUMSTANCE):
        short = _cut_at_a_clause(statement, limit, least, clause)
        if short is not None:
            return short
    return statement


def _cut_at_a_clause(
    statement: Statement, limit: int, least: int, clause: re.Pattern[str]
) -> Statement | None:
    """A lede that no cut of ``shortened`` can bring to ``limit`` words, cut before its last
    ``clause`` within them (of contrast: ", but ...", ", while ..."; or of circumstance:
    ", as ...", a participle, "after ...") that leaves no quote or bracket open: its news
    told first, the rest left out; ``None`` when there is none."""
    raw = statement.raw
    cut = -1
    for match in clause.finditer(raw):
        at = match.start()
        if raw.count(" ", 0, at) + 1 > limit:
            break
        head = raw[:at]
        if (
            head.count(" ") + 1 >= least * 2
            and _DANGLING.search(head) is None
            and head.count('"') % 2 == 0
            and head.count("“") == head.count("”")
            and head.count("(") == head.count(")")
        ):
            cut = at
    if cut < 0:
        return None
    return statement._replace(raw=raw[:cut] + ".")
