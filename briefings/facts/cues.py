"""The words that cue a sentence's kind: results ("agreed", "failed"), what comes next
("will", "scheduled", "due to"), hopes ("aims to"), the past, and guesses ("may",
"could", "would" of the sentence's own). Matched case-sensitively: cue words are lower-case
in running text, and a case-insensitive alternation costs several times more."""

from __future__ import annotations

import re

from briefings.reading.scanning import WordPattern, holds_any, literal_words

_OUTCOME_WORDS = (
    r"agreed|agreement|deal|failed|fail|reached|signed|approved|rejected|passed|voted|"
    r"won|lost|ruled|decided|killed|died|dead|elected|resigned|arrested|sentenced|convicted|"
    r"charged|withdrew|withdrawn|suspended|banned|declared|launched|announced|ended|closed|"
    r"opened|found|confirmed|no deal|without|refused|denied|accepted|canceled|cancelled|"
    r"concluded|conclusion|completed|finalised|finalized|adopted|ratified|endorsed|vetoed|"
    r"postponed|delayed|resumed|unveiled|published|released|blocked|ordered|condemned|"
    r"denounced|promised|pledged|escaped|seized|carried out|"
    r"injured|destroyed|collapsed|crashed|defeated|beat|struck|cut|raised|imposed|lifted|"
    # What was found and what is left unsettled: "identified three areas", "difficult issues
    # remained", "Stumbling blocks include ...", "the main sticking point".
    r"identified|remained|unable|received|unresolved|stumbling block|stumbling blocks|"
    r"Stumbling block|Stumbling blocks|sticking point|sticking points|Sticking point|"
    r"Sticking points"
)


def _by_first_letter(words: str) -> str:
    """An alternation of plain ``words`` grouped by their first letter ("a(?:greed|dopted)|
    b(?:anned|eat)"): a word start tries only the words of its letter."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Looking at the first letter before trying eighty words makes most word starts fail at once.
_OUTCOME_FIRSTS = "".join(sorted({word[0] for word in _OUTCOME_WORDS.split("|")}))
_OUTCOME_GROUPED = _by_first_letter(_OUTCOME_WORDS)
# Progress told as done ("made good progress", "progress was also made", "talks progressed"),
# not as an aim ("sought to make progress").
_PROGRESS = (
    r"made (?:\w+ ){0,2}progress|[Pp]rogress (?:was|has been|had been) (?:\w+ )?made|"
    r"progress made|progressed|"
    # What fell short: "we weren't able to finalise", "progress was slower on GIs", "little
    # movement on the outstanding issues".
    r"(?:was|were)(?: not|n['\u2019]t) able to|[Pp]rogress (?:was|has been|had been|remained) "
    r"(?:\w+ )?(?:slower|slow|limited)|little (?:movement|progress)|"
    r"remain(?:s|ing)? (?:to be (?:resolved|settled|agreed|closed|bridged)|open|outstanding|"
    r"unresolved)|"
    # News a speaker announces: "I'm happy to say that ... we have made real progress".
    r"(?:happy|pleased|glad|delighted|proud) to (?:say|report|announce|confirm)"
)
OUTCOME_CUE = re.compile(rf"\b(?=[{_OUTCOME_FIRSTS}Pmlwhpgdr])(?:{_OUTCOME_GROUPED}|{_PROGRESS})\b")
# "due to meet" is a step to come, "due to the pandemic" or "due to health reasons" a cause.
DUE_TO = (
    r"due to (?:be|meet|hold|travel|visit|resume|vote|sign|host|begin|start|reconvene|"
    r"convene|launch|publish|announce|decide|debate|take|come|enter|expire|end|return|"
    r"arrive|report|open|close|present|appear|give|deliver|speak|testify|rule|finish|run)"
)
# "Biden scheduled a town hall": a past verb; "is scheduled", "scheduled for": a step.
_SCHEDULED = r"scheduled(?! (?:a|an|the|his|her|their|its)\b)"
_NEXT_WORDS = (
    rf"will|shall|{_SCHEDULED}|expected to|plans? to|planned|is to|are to|set to|{DUE_TO}|"
    r"next (?:week|month|year|round|step)|later this|upcoming|tomorrow|to be held|slated|"
    r"deadline|is to be|are to be|would|expected (?:by|on|in|during|at)|yet to be|"
    r"future meet(?:ing)?|"
    r"next meeting|(?<!have )(?<!has )(?<!had )agreed to|"
    r"due (?:in(?! (?:large |no small |great )?part\b)|at|on|for|next|later|this)"
)
_HOPE_WORDS = r"hopes?|aims?|intends?|wants?|meet|meets"
NEXT_CUE = re.compile(rf"\b(?=[adefilnpstuwy])(?:{_NEXT_WORDS})\b")
HOPE_CUE = re.compile(rf"\b(?:{_HOPE_WORDS})\b")
# Both in one scan: most sentences have neither, and are read once instead of twice. A hope
# word never lies inside a next-step phrase, so the scan sees every one of either kind. As
# with the outcome cues, the letters the words start with are tested first.
NEXT_OR_HOPE_FIRSTS = "adefhilmnpstuwy"
_NEXT_OR_HOPE = WordPattern(
    rf"\b(?=[{NEXT_OR_HOPE_FIRSTS}])(?:(?P<next>{_NEXT_WORDS})|{_HOPE_WORDS})\b"
)
# Most sentences hold none of the words these cues open with: they are not scanned.
_NEXT_OR_HOPE_WORDS = literal_words(f"{_NEXT_WORDS}|{_HOPE_WORDS}")
PAST_CUE = re.compile(
    r"\b(?=[abehlsw])(?:started|began|was|were|had|ended|last (?:year|month|week)|ago|earlier|"
    r"since)\b"
)
_SPECULATION_WORDS = (
    r"remains to be seen|seen as|being considered|it is unclear|may|might|could|would|"
    r"(?:is|are|was|were) (?:widely )?(?:considered|regarded|viewed)|"
    r"perhaps|possibly|probably|rumou?r"
)
# The letters its phrases start with are looked at first: most places fail at once.
SPECULATION = WordPattern(rf"\b(?=[abcimprsw])(?:{_SPECULATION_WORDS})\b")
# Outcome cues and speculation in one scan, for the sentences scored as outcomes: no word of
# either kind lies inside a phrase of the other, so the scan sees every one of both.
_CUE_OR_SPECULATION = WordPattern(
    rf"\b(?=[{_OUTCOME_FIRSTS}Pabcdghilmprsw])"
    rf"(?:(?P<cue>{_OUTCOME_GROUPED}|{_PROGRESS})|{_SPECULATION_WORDS})\b"
)
# "Would" that tells what a thing does or what was said ("proposals that would eliminate
# most tariffs", "assurances that no group would be allowed", "said he would vote for it")
# or a wish ("would prefer"), not a guess about what happens.
_REPORTED_WOULD = re.compile(
    r"\b(?:that|which|who|said|says|told|announced|added|stated|promised|pledged|warned)\b"
    r"[^.;:]{0,80}$"
)
_WISH = re.compile(r"(?:prefer|like|welcome|favou?r)\b")
# A "would" that tells a deal's terms, the deal named before it ("Under the deal, tariffs
# would be phased out", "The agreement would cut duties to 15%"): what was agreed, not a
# guess; unless a condition stands anywhere in the sentence ("if talks fail").
_DEAL_NOUNS = r"(?:deal|agreement|pact|accord|truce|arrangement|framework|settlement)"
_OF_A_DEAL = re.compile(
    rf"\b(?:[Uu]nder|[Aa]s part of|[Ii]n|[Tt]hrough) (?:the|this|that|its|their) "
    rf"(?:[\w-]+ ){{0,3}}?{_DEAL_NOUNS}\b|"
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:[\w-]+ ){{0,3}}?{_DEAL_NOUNS} $"
)
_DIGIT = re.compile(r"\d")
_ANY_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Oo]therwise|[Ww]ithout)\b")
# What "could" governs when it gives an estimate: a verb of amount and a sum or a share.
_ESTIMATE = re.compile(
    r" (?:\w+ )?(?:deliver|add|increase|boost|raise|lift|cut|reduce|save|cost|create|generate|"
    r"grow|rise|fall|reach|be worth)\w* (?:[\w-]+ ){0,4}?(?:by |to )?(?:up to |around |about |"
    r"over |at least |nearly |almost |a |an )?(?:[£$€¥]\s?\d|\d[\d.,]* ?(?:%|per ?cent|percent|"
    r"billion|million|trillion|jobs))"
)
# A clause after a comma that describes a thing: ", a process that ... ", ", which ...".
_ASIDE_CLAUSE = re.compile(r", (?:[\w-]+ ){0,3}?(?:that|which|who)\b[^,;.()]{0,50}$")
# A "would" in a clause of condition after the sentence's own verb: the condition's verb.
_CONDITION_CLAUSE = re.compile(r"[^,;(]\b(?:if|whether)\b[^,;.]{1,60}$")
# A "would" in a clause that describes a noun with its "that" left out: "penalties Britain
# would face", "the duties exporters would pay" (a plural noun, then the clause's subject).
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:and|but|or|as|if|so|because|unless|whether|though|although|while|when|yes|"
    r"this|its|his|has|was|is|does|years|months|weeks|days|hours|decades|times)\b)"
    r"[a-z]{3,}s (?:[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?|"
    r"they|we|it|he|she|you) $"
)


# Every ASCII byte that is no word character (as ``\\w`` reads one) made a space.
_WORD_BYTES = bytes(
    byte if byte < 128 and (chr(byte).isalnum() or byte == 95) else 32 for byte in range(256)
)


def spaced_words(text: str) -> bytes:
    """The words of ASCII ``text``, each between spaces: every character that is no word
    character (as ``\\w`` reads one) made a space, and a space at each end. A test of its
    words (``split``, ``b" is to " in``) is far cheaper than a scan of ``text`` by a pattern
    that needs them."""
    return b" %b " % text.encode().translate(_WORD_BYTES)


def holds_none_of(text: str, words: frozenset[bytes]) -> bool:
    """Whether ``text`` is ASCII and holds none of ``words`` as a whole word: then a pattern
    each match of which holds one of them finds nothing in it (false says nothing)."""
    return text.isascii() and words.isdisjoint(spaced_words(text).split())


# A whole word each match of ``SPECULATION`` holds.
_SPECULATION_WHOLE_WORDS = frozenset(
    word.encode()
    for word in (
        "seen", "considered", "unclear", "may", "might", "could", "would", "regarded", "viewed",
        "perhaps", "possibly", "probably", "rumor", "rumour",
    )
)  # fmt: skip


def speculates(text: str) -> bool:
    """Whether ``text`` guesses rather than tells: a "may", "could", "might", "seen as", or a
    "would" of the sentence's own (not of a relative or reported clause, not a wish)."""
    if holds_none_of(text, _SPECULATION_WHOLE_WORDS):
        return False
    match = SPECULATION.search(text)
    while match is not None:
        if _guesses(text, match):
            return True
        match = SPECULATION.search(text, match.end())
    return False


def _guesses(text: str, match: re.Match[str]) -> bool:
    """Whether the speculation word ``match`` guesses (see :func:`speculates`): "could not"
    tells what talks failed to do, not a guess."""
    if match.group() == "could":
        if text.startswith(" not ", match.end()):
            return False  # "could not agree": what happened
        if _CONDITION_CLAUSE.search(text, max(0, match.start() - 60), match.start()):
            return False  # "said he would vote for it if the people could vote too"
        # An estimate with its figure ("could deliver a £15.3 billion increase in trade"):
        # the number the report gives, not a guess.
        return _ESTIMATE.match(text, match.end()) is None
    if match.group() in ("may", "might"):
        # A guess told on the side, in a clause that describes a thing ("..., a process that
        # Norland says may take until 2027"): the sentence's own verb tells the news.
        return _ASIDE_CLAUSE.search(text, max(0, match.start() - 80), match.start()) is None
    if match.group() != "would":
        return True
    if _WISH.match(text, match.end() + 1) or _REPORTED_WOULD.search(
        text, max(0, match.start() - 80), match.start()
    ):
        return False
    earlier = text.rfind(" would ", 0, match.start())
    if earlier >= 0 and _REPORTED_WOULD.search(text, max(0, earlier - 80), earlier):
        return False  # "said the duty would rise to 30% on Oct. 1, and the tariff would ..."
    start = max(0, match.start() - 60)
    if _CONDITION_CLAUSE.search(text, start, match.start()) is not None:
        return False  # "..., but may return to the Council if inclusion would improve it"
    if _of_a_deal(text, match.start()):
        return False  # "Under the deal, tariffs would be phased out": the terms agreed
    return _REDUCED_RELATIVE.search(text, max(0, match.start() - 48), match.start()) is None


# The words a deal is named by in ``_OF_A_DEAL`` (or their stems).
_DEAL_WORDS = ("deal", "agree", "pact", "accord", "truce", "arrang", "framework", "settlement")


def _of_a_deal(text: str, end: int) -> bool:
    """Whether a "would" ending at ``end`` tells a deal's terms: the deal named before it in
    the sentence, and no condition in it."""
    head = text[:end]
    if not holds_any(head, _DEAL_WORDS):
        return False
    framed = _OF_A_DEAL.search(head)
    if framed is None or _ANY_CONDITION.search(text) is not None:
        return False
    # "The deal would cut tariffs on cars" may tell a deal not yet made; with its figure
    # ("would cut tariffs to 15%") it tells the terms.
    return not framed.group().endswith(" ") or _DIGIT.search(text, end) is not None


# A whole word each match of ``_CUE_OR_SPECULATION`` holds: the longest of each outcome word
# ("no deal": "deal"), and one of each phrase of progress and of speculation.
_CUE_OR_SPECULATION_WORDS = frozenset(
    [max(words.split(), key=len).encode() for words in _OUTCOME_WORDS.split("|")]
    + [
        word.encode()
        for word in (
            "made", "progress", "Progress", "progressed", "able", "little", "remain", "remains",
            "remaining", "happy", "pleased", "glad", "delighted", "proud",
            "seen", "considered", "unclear", "may", "might", "could", "would", "regarded",
            "viewed", "perhaps", "possibly", "probably", "rumor", "rumour",
        )
    ]
)  # fmt: skip


# The outcome cue words that are a whole word each, and "progressed" (a cue of progress): in a
# text with no word of ``_PHRASE_OR_GUESS_WORDS`` each match is one of them ("no deal" counts
# once, as "deal" does).
_CUE_WORDS = frozenset(
    [word.encode() for word in _OUTCOME_WORDS.split("|") if " " not in word]
    + [b"deal", b"progressed"]
)
# A whole word each match holds that is no cue word alone: of an outcome phrase ("carried
# out", "sticking point"), a phrase of progress ("made good progress") or a guess.
_PHRASE_OR_GUESS_WORDS = _SPECULATION_WHOLE_WORDS | frozenset(
    word.encode()
    for word in (
        "carried", "stumbling", "Stumbling", "sticking", "Sticking", "progress", "Progress",
        "able", "little", "remain", "remains", "remaining", "happy", "pleased", "glad",
        "delighted", "proud",
    )
)  # fmt: skip


def cue_count(text: str) -> int | None:
    """How many outcome cue words ``text`` holds (:data:`OUTCOME_CUE`), or None when it
    :func:`speculates`: one scan reads both, and a text whose cues are all whole words (see
    ``_CUE_WORDS``) is not scanned: its words are counted."""
    if text.isascii():
        words = spaced_words(text).split()
        if _CUE_OR_SPECULATION_WORDS.isdisjoint(words):
            return 0  # none of the words a cue or a guess needs: no scan
        if _PHRASE_OR_GUESS_WORDS.isdisjoint(words):
            return len([word for word in words if word in _CUE_WORDS])
    cues = 0
    for match in _CUE_OR_SPECULATION.finditer(text):
        if match.lastgroup == "cue":
            cues += 1
        elif _guesses(text, match):
            return None
    return cues


# A whole word each match of ``_NEXT_OR_HOPE`` holds, but for "is to" and "are to" ("to be
# held": "held"; "plans to": "plans").
NEXT_OR_HOPE_WHOLE_WORDS = frozenset(
    word.encode()
    for word in (
        "will", "shall", "scheduled", "expected", "plan", "plans", "planned", "set", "due",
        "next", "later", "upcoming", "tomorrow", "held", "slated", "deadline", "would", "yet",
        "future", "agreed", "hope", "hopes", "aim", "aims", "intend", "intends", "want",
        "wants", "meet", "meets",
    )
)  # fmt: skip


def next_or_hope(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a next-step cue, and whether it holds a hope word."""
    if text.isascii():
        spaced = spaced_words(text)
        if NEXT_OR_HOPE_WHOLE_WORDS.isdisjoint(spaced.split()) and not is_to(spaced):
            return False, False
    elif not holds_any(text, _NEXT_OR_HOPE_WORDS):
        return False, False
    return scan_next_or_hope(text)


def is_to(spaced: bytes) -> bool:
    """Whether words ``spaced`` (see :func:`spaced_words`) hold "is to" or "are to"."""
    return b" is to " in spaced or b" are to " in spaced


def scan_next_or_hope(text: str) -> tuple[bool, bool]:
    """As :func:`next_or_hope`, with no test of the words first (a caller that tested them)."""
    hope = False
    match = _NEXT_OR_HOPE.search(text)
    while match is not None:
        if match.lastgroup == "next":
            return True, hope
        hope = True
        match = _NEXT_OR_HOPE.search(text, match.end())
    return False, hope
