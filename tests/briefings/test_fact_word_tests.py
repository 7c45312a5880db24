"""The cheap word tests before the fact patterns: a sentence they pass over holds no match of
the pattern they stand for, whatever stands around its words."""

from __future__ import annotations

import re
from re import _constants, _parser  # type: ignore[attr-defined]

import pytest

from briefings.facts import (
    asides,
    background,
    claims,
    cues,
    firmsteps,
    narration,
    oneevent,
    onestep,
    stance,
    stepdays,
)
from briefings.facts.cues import holds_none_of, is_to, spaced_words
from briefings.facts.onestep import DAY, MONTH_START
from briefings.reading.scanning import WordPattern

# Each phrase is tried bare, between punctuation and inside a sentence.
_FRAMES = ("{}", "({})", '"{}"', "Ministers said, {}.", "It - {}; then", "A-{}/b")


def _framed(phrases: list[str]) -> list[str]:
    return [frame.format(phrase) for phrase in phrases for frame in _FRAMES]


# The same in a text with characters outside ASCII around the phrase.
_FRAMES_NOT_ASCII = (
    "\u201c{}\u201d", "Ministers said \u2014 {}\u2026", "caf\u00e9 {} na\u00efve",
    "\u0928\u0908 {}\u0964", "\u00e9{}\u00e9",
)  # fmt: skip


def _framed_not_ascii(phrases: list[str]) -> list[str]:
    return [frame.format(phrase) for phrase in phrases for frame in _FRAMES_NOT_ASCII]


def _found(pattern: re.Pattern[str] | WordPattern, text: str) -> bool:
    return pattern.search(text) is not None


_NEXT_OR_HOPE = [
    "will", "shall", "scheduled for", "expected to", "plan to", "plans to", "planned",
    "is to", "are to", "set to", "due to meet", "next week", "later this", "upcoming",
    "tomorrow", "to be held", "slated", "deadline", "is to be", "would", "expected by",
    "yet to be", "future meeting", "next meeting", "agreed to", "due in May", "hopes", "aim",
    "intends", "wants", "meet", "meets",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_NEXT_OR_HOPE))
def test_next_or_hope_words(text: str) -> None:
    assert _found(cues._NEXT_OR_HOPE, text)
    words = spaced_words(text)
    assert not holds_none_of(text, cues.NEXT_OR_HOPE_WHOLE_WORDS) or is_to(words)
    assert firmsteps.step_words(words)


_STEP_ONLY = [
    "resume on Monday", "begins on 3 May", "opens from June 4", "closes until Sept. 30th",
    "ends on 09 June", "Arrangements are under way for a",
    "Preparations were being made for the", "a day before his envoys travel",
    "two weeks ahead of when ministers meet",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed_not_ascii(_NEXT_OR_HOPE))
def test_next_or_hope_words_not_ascii(text: str) -> None:
    if _found(cues._NEXT_OR_HOPE, text):
        found = firmsteps.step_words(spaced_words(text))
        assert not cues.NEXT_OR_HOPE_WHOLE_WORDS.isdisjoint(found) or firmsteps.has_is_to(found)


@pytest.mark.parametrize(
    "text",
    _framed(_STEP_ONLY)
    + _framed_not_ascii([*_STEP_ONLY, "resume on \u0663 May", "\u0969 days before envoys meet"]),
)
def test_step_words(text: str) -> None:
    found = (
        asides.present_schedule(text)
        or asides.being_arranged(text)
        or asides.days_before_step(text)
    )
    if found:
        assert firmsteps.step_words(spaced_words(text)) or firmsteps.other_digit(text)
    if asides.present_schedule(text):
        assert firmsteps.may_name_a_day(firmsteps.step_words(spaced_words(text)), text)


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("on \u0663 May", True), ("on \u096b June", True), ("on \uff15 June", True),
        ("on 3 May", False), ("\u201con 3 May\u201d \u2014 caf\u00e9", False),
        ("\u0928\u0908 \u0926\u093f\u0932\u094d\u0932\u0940", False),
    ],
)  # fmt: skip
def test_digits_outside_ascii(text: str, other: bool) -> None:
    assert firmsteps.other_digit(text) is other


_SPACED = [
    "Ministers will meet on 3 May, and the vote is to follow.",
    "The 12th round is to be held in 2026; talks are to resume at 09:30 on Monday.",
    "Is to be seen? Are to, are  to, is-to and his to-do list: 100 items, 7 done, 007.",
    "Arrangements for the summit were made ahead of time, before the 45-day recess.",
    "No word of a step here, only a report of what happened (in 1999).",
    "They hoped, aimed and wanted to meet on Sunday_next, then met at 5pm on Tuesday.",
]  # fmt: skip


@pytest.mark.parametrize("text", _SPACED + _framed(_NEXT_OR_HOPE + _STEP_ONLY))
def test_step_words_scan(text: str) -> None:
    """The scan of a text's step words finds each of them that ``split`` reads, and "is to"
    and "are to" where ``is_to`` does."""
    words = spaced_words(text)
    found = firmsteps.step_words(words)
    assert set(found) - {b"is to", b"are to"} == set(words.split()) & firmsteps.STEP_WORDS
    assert firmsteps.has_is_to(found) == is_to(words)


@pytest.mark.parametrize(
    "text", _SPACED + _framed(_NEXT_OR_HOPE) + _framed_not_ascii(_NEXT_OR_HOPE + _STEP_ONLY)
)
def test_next_cue(text: str) -> None:
    """A cue is found where ``next_or_hope`` finds one."""
    assert firmsteps.next_cue(text) == cues.next_or_hope(text)[0]


def test_firm_words_are_step_words() -> None:
    """``firm`` may test its words in the step words a sentence was read for."""
    assert firmsteps.STRONG_NEXT_WORDS <= firmsteps.STEP_WORDS


_CUE_OR_SPECULATION = [
    "agreed", "no deal", "carried out", "stumbling blocks", "Sticking point", "made good progress",
    "Progress was made", "progress made", "progressed", "was not able to", "were not able to",
    "wasn't able to", "Progress was slower", "little movement", "remains open",
    "remaining to be resolved", "pleased to announce", "remains to be seen", "seen as",
    "being considered", "it is unclear", "may", "might", "could", "would",
    "is widely regarded", "were viewed", "perhaps", "possibly", "probably", "rumour", "rumor",
    "unresolved", "without",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_CUE_OR_SPECULATION))
def test_cue_or_speculation_words(text: str) -> None:
    if _found(cues._CUE_OR_SPECULATION, text):
        assert not holds_none_of(text, cues._CUE_OR_SPECULATION_WORDS)
    if _found(cues.SPECULATION, text):
        assert not holds_none_of(text, cues._SPECULATION_WHOLE_WORDS)


_BACKGROUND = [
    "has long said", "had previously argued", "have been", "It comes after", "This comes",
    "comes amid", "came after", "come against the backdrop", "Previously", "prior to",
    "stems from", "dates back", "Originally", "first imposed", "had initially set",
    "has a free-trade agreement with", "Peru has 14 trade pacts with", "already has free",
    "have worked on the round for seven years", "Earlier this week", "Last May", "last week",
    "Before this meeting, they", "years since", "two days ago", "decades ago",
    "In recent months", "For years", "over the past few decades", "Since 2019", "since then",
    "In the 2019/20 fiscal year", "in the last financial year", "since July 6",
    "in early 2019", "of mid-2018", "in March 2017", "since 1999", "in Sept. 2020",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_BACKGROUND))
def test_background_words(text: str) -> None:
    if _found(background.BACKGROUND, text):
        assert background._may_look_back(text)


_TIMES = [
    "on Monday", "in January", "May 3", "3 May", "tomorrow", "Tonight", "soon", "shortly",
    "next week", "coming two weeks", "following few days", "later this", "Later in",
    "coming months", "this summer", "next fall", "by the end of", "within the next",
    "within ten days", "deadline", "before the end of", "after Easter", "in 2026",
    "by mid-2026", "until early2027", "In late 2030", "round of talks", "Next month",
    "In May", "early May", "mid-May", "on 4 May", "on Sept. 4", "Later today", "Within two weeks",
    "after the end of", "Until 2027", "Shortly", "this year", "Coming weeks",
    "Following three days",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_TIMES))
def test_time_words(text: str) -> None:
    if _found(stepdays.TIME_EXPRESSION, text):
        assert not holds_none_of(text, stepdays._TIME_WORDS)


# ``TIME_EXPRESSION`` without the words it looks at before its phrases.
_TIME_BY_LETTERS = WordPattern(
    re.sub(r"\(\?=Mon\|Tue.*?\|round of \)", "", stepdays.TIME_EXPRESSION.pattern)
)


@pytest.mark.parametrize("text", _framed(_TIMES) + _SPACED)
def test_time_words_looked_at_first(text: str) -> None:
    """The words ``TIME_EXPRESSION`` looks at before its phrases take no match away."""
    _assert_same_matches(stepdays.TIME_EXPRESSION, _TIME_BY_LETTERS, text)


def _assert_same_matches(pattern: WordPattern, without_look_ahead: WordPattern, text: str) -> None:
    assert without_look_ahead.pattern != pattern.pattern
    found = [m.span() for m in pattern.finditer(text)]
    assert found == [m.span() for m in without_look_ahead.finditer(text)]


_FIRM = [
    "scheduled for", "to be held", "slated", "set to", "due to meet", "due in", "expected on 3",
    "expected later", "yet to be set", "will meet", "would visit", "is to sign", "are to vote",
    "plans to host", "agreed to resume", "intends to visit", "plans two meetings for ministers "
    "to meet", "future round", "next session", "are widely expected to meet", "is to take place",
    "due on 3 May", "expected by the end of June",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_FIRM) + _framed_not_ascii(_FIRM))
def test_firm_words(text: str) -> None:
    if _found(firmsteps.STRONG_NEXT, text):
        assert firmsteps.may_be_firm(text, None) or not text.isascii()
        assert firmsteps.may_be_firm(text, firmsteps.step_words(spaced_words(text)))


# ``STRONG_NEXT`` without the words it looks at before its phrases.
_STRONG_NEXT_BY_LETTERS = WordPattern(
    re.sub(r"\(\?=s\(\?:cheduled.*?\|next \)", "", firmsteps.STRONG_NEXT.pattern)
)


@pytest.mark.parametrize("text", _framed(_FIRM) + _SPACED)
def test_firm_words_looked_at_first(text: str) -> None:
    """The words ``STRONG_NEXT`` looks at before its phrases take no match away."""
    _assert_same_matches(firmsteps.STRONG_NEXT, _STRONG_NEXT_BY_LETTERS, text)


_ASIDES = [
    "wants members to", "urged the government", "called on", "pushing for", "aims to",
    "hoping to", "is hopeful of", "expects that", "believed that", "trying to",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_ASIDES))
def test_wish_or_belief_words(text: str) -> None:
    if _found(asides._CALL, text) or _found(asides._BELIEF, text):
        assert not holds_none_of(text, asides._CALL_OR_BELIEF_WORDS)


_MONTH_DAYS = [
    "on Dec. 1", "June 29", "on 24 March", "Sept 3rd", "Jan 12", "Sept.\t4", "9  May", "\u0663 May",
    "5th\u00a0August",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_MONTH_DAYS))
def test_month_day_words(text: str) -> None:
    if _found(background._MONTH_DAY, text):
        assert not holds_none_of(text, background._MONTH_DAY_WORDS)
    if _found(DAY, text):
        assert MONTH_START.search(text) is not None


@pytest.mark.parametrize("text", _framed(_MONTH_DAYS) + _SPACED)
def test_day_letters_looked_at_first(text: str) -> None:
    """The letters ``DAY`` looks at first take no date away."""
    every_place = WordPattern(re.sub(r"^\\b\(\?=\[[^]]*\]\)", r"\\b", DAY.pattern))
    assert every_place.pattern != DAY.pattern
    assert [(m.span(), m.groupdict()) for m in DAY.finditer(text)] == [
        (m.span(), m.groupdict()) for m in every_place.finditer(text)
    ]


@pytest.mark.parametrize("name", onestep.MONTH_NAMES.split("|"))
def test_month_names_looked_at_first(name: str) -> None:
    """Each month name ``DAY`` reads starts with a letter it looks at first, and with one of
    the beginnings ``MONTH_START`` looks for."""
    head = re.match(r"\\b\(\?=\[([A-Z]+)\\d\]\)", DAY.pattern)
    assert head is not None
    assert name[0] in head.group(1)
    assert MONTH_START.match(name) is not None
    assert DAY.search(f"on {name} 4") is not None


def test_a_text_not_ascii_is_always_scanned() -> None:
    assert not holds_none_of("caf\u00e9 talks", frozenset([b"will"]))


def _first_letters(items: list[tuple[object, object]]) -> set[str]:
    """The characters a match of the parsed pattern ``items`` may start with."""
    for op, arg in items:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT) and arg[0] == -1:  # type: ignore[index]
            continue  # a lookbehind: no text of the match
        if op is _constants.LITERAL:
            return {chr(arg)}  # type: ignore[arg-type]
        if op is _constants.IN:
            return {chr(code) for kind, code in arg if kind is _constants.LITERAL}  # type: ignore[attr-defined]
        if op is _constants.SUBPATTERN:
            return _first_letters(list(arg[3]))  # type: ignore[index]
        if op is _constants.BRANCH:
            return set().union(*(_first_letters(list(b)) for b in arg[1]))  # type: ignore[index]
        raise AssertionError(f"no first letter: {op}")
    raise AssertionError("an empty pattern")


@pytest.mark.parametrize(
    "pattern",
    [
        cues.NEXT_CUE, cues.PAST_CUE, cues.SPECULATION.unicode, background._NEWS_DAY,
        background.FUTURE.unicode, asides._OWN_AHEAD, asides._FUTURE_FORM, asides._CALL,
        asides._BELIEF, narration.FUTURE_FORM, claims._GOVERNED,
    ],
)  # fmt: skip
def test_first_letters_looked_at_first(pattern: re.Pattern[str]) -> None:
    """The letters a pattern looks at first, after its word start, are all its phrases may
    start with."""
    head = re.match(r"\\b\(\?=\[([A-Za-z]+)\]\)", pattern.pattern)
    assert head is not None
    rest = _parser.parse(pattern.pattern[head.end() :])
    assert _first_letters(list(rest)[:1]) == set(head.group(1))


def _scanned_cue_count(text: str) -> int | None:
    """``cue_count`` as one scan reads it, with no count of words."""
    cues_found = 0
    for match in cues._CUE_OR_SPECULATION.finditer(text):
        if match.lastgroup == "cue":
            cues_found += 1
        elif cues._guesses(text, match):
            return None
    return cues_found


_CUE_SENTENCES = [
    "Ministers agreed on Friday to cut tariffs and signed a deal.",
    "There was no deal after talks ended without an agreement.",
    "The raid was carried out at dawn and two men were arrested.",
    "The main sticking point remained access to fishing waters.",
    "Stumbling blocks include quotas, which remain unresolved.",
    "The sides made good progress, and talks progressed well.",
    "Negotiators were not able to close the gap, so no deals were struck.",
    "The court ruled that the fails and failings of the bill could be fixed.",
    "Officials said it may be approved next week.",
    "Little progress was made, but the parties concluded the first round.",
    "The minister was pleased to announce that the accord was ratified.",
    "Norland's envoy declared the summit closed (it opened on Monday).",
]  # fmt: skip


@pytest.mark.parametrize("text", _CUE_SENTENCES + _framed(_CUE_OR_SPECULATION))
def test_cue_count_by_words(text: str) -> None:
    """Counting the cue words of a sentence with no phrase or guess finds what a scan does."""
    assert cues.cue_count(text) == _scanned_cue_count(text)


# ``BACKGROUND`` without the words it looks at before its phrases.
_BACKGROUND_BY_LETTERS = re.compile(
    re.sub(r"\(\?=ha\(.*?\|of \)", "", background.BACKGROUND.pattern)
)


@pytest.mark.parametrize("text", _framed(_BACKGROUND) + _CUE_SENTENCES)
def test_background_words_looked_at_first(text: str) -> None:
    """The words ``BACKGROUND`` looks at before its phrases take no match away."""
    assert _BACKGROUND_BY_LETTERS.pattern != background.BACKGROUND.pattern
    found = [m.groupdict() | {"at": m.span()} for m in background.BACKGROUND.finditer(text)]
    assert found == [
        m.groupdict() | {"at": m.span()} for m in _BACKGROUND_BY_LETTERS.finditer(text)
    ]


_COURTESIES = [
    "First of all, thank you for coming.", "Before I begin, let me thank the host.",
    "On behalf of the government, I thank you.", "All right, and thank you all.",
    "Okay, thanks.", "So thank you.", "Thank you, Minister.", "Good morning, everyone.",
    "Hello and welcome.", "Welcome to Lindau.", "Greetings from Norland.", "Ladies and gentlemen,",
    "Dear friends,", "Distinguished guests,", "Your Excellency,", "Excellencies,",
    "Mr. Chair, thank you.", "Mr President,", "Madam Speaker,", "Colleagues, welcome.",
    "Friends, thank you.", "Congratulations to the team.", "It is a great pleasure to be here.",
    "It\u2019s an honour to join you.", "It's good to be back.", "I am delighted to be here.",
    "I\u2019m pleased to welcome you.", "I'm glad to join.", "I want to thank our hosts.",
    "I would like to welcome the delegates.", "I\u2019d like to begin with the talks.",
    "I thank the minister.", "We warmly thank the presidency.", "Let me first thank you.",
    "Allow me to express my thanks.", "With that, I close.", "By joining this call, you agree.",
    "This call is on the record.", "The briefing will be embargoed until noon.",
    "Today's call is on background.", "Today\u2019s call is off-the-record.",
    "You are a fantastic partner.", "You\u2019ve been very kind.", "Your hospitality was great.",
    "I'll answer your final question first.", "I will respond to that point.",
    "Let me answer the second point.", "That\u2019s a fair question.", "That is a good question.",
    "It is an important question.", "This is Jon Berg with the evening news.",
    "Secretary Lee, I'll turn it over to you.", "I will now hand the floor over to Ms Vos.",
    "With that, let's get started.", "Let\u2019s begin.", "let's begin!",
    "The talks ended without a deal.", "Ministers agreed to meet again in May.",
    "Today the council adopted the mandate.", "The record shows that talks were on background.",
]  # fmt: skip


@pytest.mark.parametrize("text", _COURTESIES)
def test_courtesy_openings(text: str) -> None:
    """A sentence with no speaker label that the courtesy pattern matches passes the test of
    how it opens."""
    if stance._UNLABELLED_COURTESY.match(text) is not None:
        assert stance._may_be_courteous(text)


_GOVERNED = [
    "will meet", "shall sign", "would help", "is expected to cost", "are forecast to grow",
    "is projected to rise", "are predicted to fall", "is estimated to save", "is set to vote",
    "are due to arrive", "is likely to fail", "are poised to sign", "is going to hold",
    "are about to begin", "aims to cut", "aim to cut", "seeks to build", "seek to build",
    "hopes to conclude", "hope to meet", "wants to see", "want to see", "intends to visit",
    "intend to visit", "plans to host", "plan to host", "agreed to resume", "agree to talk",
    "agrees to pay", "pledged to help", "promised to act", "vowed to fight",
    "is committed to work", "are to meet", "is to sign",
]  # fmt: skip


@pytest.mark.parametrize("text", _framed(_GOVERNED))
def test_governed_words(text: str) -> None:
    """A sentence the future pattern of claims finds something in holds one of its words."""
    if _found(claims._GOVERNED, text):
        assert not holds_none_of(text, claims._GOVERNED_WORDS) or is_to(spaced_words(text))


_DAYS_AND_FUTURES = [
    "Talks resume on Monday.", "The vote is tonight.", "Tonight, ministers meet.",
    "Today the council met.", "Ministers will meet on Sunday.", "They shall sign it.",
    "Thursday's talks willingly ended.", "The holiday is over.", "A goodwill visit.",
]  # fmt: skip


@pytest.mark.parametrize("text", _COURTESIES + _CUE_SENTENCES + _DAYS_AND_FUTURES)
def test_news_day_and_future_texts(text: str) -> None:
    """The day of the news and a future tense are found only where their text is."""
    assert background.names_a_weekday(text) == (background._NEWS_DAY.search(text) is not None)
    assert background.tells_the_future(text) == (background.FUTURE.search(text) is not None)


def test_kind_openers_are_told_by_their_heads() -> None:
    """Each opener of a kind of event is three letters or more: a word that opens with none
    of their first three letters opens with none of them."""
    assert all(len(opener) >= 3 for opener in oneevent._KIND_OPENERS)
    assert {opener[:3] for opener in oneevent._KIND_OPENERS} == oneevent._KIND_HEADS
