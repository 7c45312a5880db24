"""What kind of sentence a candidate outcome is, by its words: courtesies (how a speech or a
call opens), a stance or a thing's worth rather than an event, a reaction or a scene rather
than a result, why a source is unnamed."""

from __future__ import annotations

import re

from briefings.facts.background import tells_the_future
from briefings.facts.claims import claims_the_future
from briefings.facts.cues import cue_count
from briefings.reading.scanning import WordPattern, holds_any

# Words a speech or a call opens with: thanks, greetings, pleasantries, compliments, a
# call's ground rules. A speaker label ("MODERATOR: ") may come first.
_SPEAKER_LABEL = r"(?:[A-Z][A-Z .]+: |[A-Z][\w.’'-]*(?:,? [\w.’'-]+){0,7}: )"
_COURTESIES = (
    r"(?:(?:First(?: of all)?|Before I begin|On behalf of [^,]{1,80}),? )?"
    r"(?:(?:All right|Alright|Okay|OK|Well|Right|So),? (?:and )?thank|"
    r"Thank|Thanks|Good (?:morning|afternoon|evening|day)|Hello|Welcome|Greetings|"
    r"Ladies and|Dear |Distinguished |(?:Your )?Excellenc|Mr\.? (?:Chair|President)|Madam |"
    r"Colleagues,|Friends,|Congratulations|"
    r"It(?: is|[’']s) (?:a|my|an|such an?|always an?) (?:\w+ ){0,2}"
    r"(?:pleasure|honou?r|privilege|delight)|"
    r"It(?: is|[’']s) (?:\w+ )?(?:good|great|wonderful|nice) to be|"
    r"I(?: am|[’']m) (?:\w+ )?(?:delighted|pleased|honou?red|happy|glad|thrilled|grateful) to "
    r"(?:be|join|welcome|have)|"
    r"I (?:\w+ ){0,2}(?:want|wish|would like|[’']d like|have) (?:to )?(?:\w+ )?(?:thank|welcome|"
    r"begin|start|acknowledge|congratulate)|I (?:\w+ )?(?:thank|congratulate)|"
    r"We (?:\w+ )?(?:thank|congratulate)|(?:Let|Allow) me (?:\w+ )?(?:to )?(?:\w+ )?"
    r"(?:thank|begin|start|welcome|express|turn|hand|pass|do a)\b|With that, I\b|"
    r"By joining this call|(?:This|The|Today[’']s)(?: call| briefing)? (?:will be|is) "
    r"(?:an? )?(?:(?:on|off)[- ]the[- ]record|on background|embargoed)\b|"
    r"You(?: are|[’']re| have been|[’']ve been| were) |Your (?:\w+ )?(?:hospitality|welcome|"
    r"leadership|friendship)|"
    # How a press conference is run, not what it tells: "I'll answer your final question
    # first.", "Let me answer the second point", "That is a fair question."
    r"I(?:[’']ll| will) (?:\w+ )?(?:answer|respond to) (?:your|the|that|this)\b|"
    r"(?:Let me|I[’']d like to|I want to) (?:\w+ )?(?:answer|respond to) |"
    r"(?:That[’']s|That is|It[’']s|It is) (?:a|an) (?:\w+ )?(?:good|great|fair|important) question|"
    # A broadcast's sign-on: "This is Jon Berg with the Special English program".
    r"This is [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3},? (?:with|reporting)\b|"
    # Handing over the floor: "Secretary Lee, I'll turn it over to you", "With that, let's
    # get started."
    r"(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}, )?I(?:[’']ll| will) (?:now )?(?:turn|hand|pass) "
    r"(?:it|things|the floor) over to\b|(?:With that, )?[Ll]et[’']s (?:get started|begin)(?=[.,!]))"
)
COURTESY = re.compile(rf"^{_SPEAKER_LABEL}?{_COURTESIES}")
# A sentence with no ": " has no speaker label: the label's many ways to fail are not tried.
_UNLABELLED_COURTESY = re.compile(f"^{_COURTESIES}")
# Thanks said after a word that links it to the sentence before ("But most importantly, I
# have to thank our partners ...", "And I also want to thank my team ...").
_LINKED_THANKS = re.compile(
    r"^(?:And|But|So|Also|Finally|Lastly)\b[^.;:]{0,30}?\b(?:I|we)\b(?: \w+){0,3} "
    r"(?:thank|congratulate)"
)
_LINK_WORDS = ("And", "But", "So", "Also", "Finally", "Lastly")  # how those sentences open
# Words of a stance rather than an event: values, importance, commitment, praise ("Trade
# makes a vital contribution to growth", "reiterated the importance of close cooperation").
RHETORIC = re.compile(
    r"\b(?:a(?:mbitious)|b(?:eautiful|enefits?)|c(?:ommit(?:ment|ted)|lear|ritical|rucial)|"
    r"d(?:eeply|elighted)|e(?:ssential|xcellent)|f(?:ascinating|ully)|g(?:rateful|reat)|"
    r"h(?:istoric)|i(?:mportan(?:ce|t)|nclusive|nterests?)|l(?:andmark)|"
    r"o(?:pportunit(?:y|ies))|p(?:leased|riority|rogressive|rosperity|roud\w*)|"
    r"r(?:emarkable|esilien(?:ce|t))|s(?:hared|ignificant|tability|trong(?:ly)?|ustainable)|"
    r"t(?:ogether)|u(?:nprecedented)|v(?:alues|ital))\b"
)  # grouped by first letter: one test per word start instead of forty
# The stems of those words (their first four or five letters, as outcomes cuts words): a
# sentence with none of them holds none.
RHETORIC_STEMS = frozenset((
    "ambit", "beaut", "benef", "commi", "clear", "criti", "cruci", "deepl", "delig", "essen",
    "excel", "fasci", "fully", "grate", "great", "histo", "impor", "inclu", "inter", "landm",
    "oppor", "pleas", "prior", "progr", "prosp", "proud", "remar", "resil", "share", "signi",
    "stabi", "stron", "susta", "toget", "unpre", "value", "vital",
))  # fmt: skip
# What a thing is worth, told in the present: a stance, not an event.
_WORTH = re.compile(
    r"\b(?:is|are|remains?)\b (?:\w+ ){0,4}?(?:key|important|essential|vital|critical|crucial|"
    r"central|fundamental|integral)\b"
)
# Parts of those words: a sentence with none of them tells no worth, and is not scanned.
_WORTH_PARTS = (
    "key", "importan", "essential", "vital", "critical", "crucial", "central", "fundamental",
    "integral",
)  # fmt: skip
DIGIT = WordPattern(r"\d")
# A reaction or a colour, not a result: a said-clause whose content is only a judgement ("X
# said the talks were good and constructive", "described the meeting as cordial"), no
# comment, a walk-out, a hope, a welcome.
_JUDGEMENT = (
    r"(?:(?:very|really|quite|extremely|rather|most|highly|deeply|so) )?(?:good|constructive|"
    r"productive|positive|cordial|frank|useful|fruitful|friendly|candid|successful|excellent|"
    r"helpful|open|warm|substantive|substantial|difficult|tough|tense|disappointing|"
    r"encouraging|important|valuable|meaningful|historic|great|pleasant|intense|"
    r"serious|businesslike|business-like|fair|balanced)"
)
REACTION = re.compile(
    rf"\b(?:(?:said|says|called|described|termed|characteri[sz]ed) (?:that )?(?:the |this |"
    rf"their |its |his |her )?(?:[\w-]+ ){{0,2}}?(?:(?:was|were|had been|as|has been) )?"
    rf"{_JUDGEMENT}(?:(?:,| and|, and) {_JUDGEMENT})*(?: (?:one|talks|meetings?|discussions?|"
    rf"exchanges?|atmosphere))?(?:,[^,]{{0,60}})?\.?$|"
    rf"(?:declined|refused) (?:to comment|comment)|walked out|"
    # A judgement of the news as a sign: "said the extended talks were a very good sign".
    rf"(?:said|says) (?:that )?(?:the |this |their |its )?(?:[\w-]+ ){{0,2}}?(?:was|were|is|are) "
    rf"[\u201c\"]?(?:a |an )?(?:very |really |most )?(?:good|positive|encouraging|promising|"
    rf"hopeful|welcome) (?:sign|step|development)\b|"
    rf"expressed (?:(?:his|her|their|its|the) )?(?:hope|optimism|confidence|satisfaction|"
    rf"regret|disappointment|concern|gratitude|appreciation)|"
    rf"^(?:[\w.'’-]+ ){{1,6}}(?:welcomed|praised|hailed|applauded) the (?:\w+ ){{0,3}}\w+\.$)"
)
REACTION_COST = 1.0
# The stems of those words' verbs (as above): a sentence with none of them is none.
REACTION_STEMS = frozenset((
    "said", "says", "calle", "descr", "terme", "chara", "decli", "refus", "walke", "expre",
    "welco", "prais", "haile", "appla",
))  # fmt: skip
# A scene, not a result: "While delegates talk inside, police are preparing for ...": a
# "while" clause, then something going on.
SCENE = re.compile(r"^While [^,]{3,80}, [^,;]{0,60}?\b(?:is|are) \w+ing\b")
# Why a source is not named, told as the sentence's own news: "The sources were not
# authorised to divulge the contents", "The officials weren't authorized to speak publicly".
UNNAMED_SOURCE = re.compile(
    r"^(?:The|Both|Two|Three|Several|Those|These|Other)? ?(?:[\w-]+ ){0,3}?(?i:sources?|"
    r"officials?|diplomats?|people|persons?|participants?|negotiators?)\b[^.;:]{0,40}? "
    r"(?:(?:was|were|is|are)(?: not|n[’']t)|(?:had|has|have) not been) "
    r"(?:authori[sz]ed|allowed|permitted|cleared)\b"
)


# An opinion of the speaker's, told in the first person: a stance, not an event ("I believe
# this agreement will contribute ...", "I shared my view that ...", "In our view, ...").
_OPINION = re.compile(
    r"\b(?:(?:I|[Ww]e)(?: \w+)? (?:believe|think|feel)|believes (?:in|that)|"
    r"(?:my|our) (?:own )?view|"
    r"[Ii]n (?:my|our) (?:view|opinion))\b"
)
_OPINION_PARTS = ("believe", "think", "feel", "view", "opinion")
OPINION_COST = 0.5
# What a meeting was told, not what it decided: "The Commission updated ministers on ...",
# "Commissioner Ruiz provided an update on ...", "briefed the Council on". Its subject comes
# first (a few words), then the verb. (What ministers discussed is the meeting's own news.)
_SUBJECT = r"^(?:[\w.’'()-]+ ){1,6}?(?:also |then |briefly )?"
_AUDIENCE = (
    r"(?:the |its |their |fellow )?(?:[\w-]+ ){0,2}?(?:[Mm]inisters|[Cc]ouncil|member states|"
    r"[Mm]embers|delegat\w+|colleagues|[Cc]ommittee|[Pp]arliament|House|[Mm]eeting|partners|"
    r"counterparts|leaders)"
)
_UPDATE = re.compile(
    _SUBJECT + rf"(?:(?:updated|briefed|informed) {_AUDIENCE} (?:on|about|of)|"
    r"(?:provided|gave|presented|offered) (?:an? |the )?(?:[\w-]+ ){0,2}(?:update|overview|"
    r"briefing|readout|presentation|report)\b)"
)
# An update that says what it told: "..., stating that the accords would be presented soon".
_TOLD_WHAT = re.compile(r", (?:stating|saying|noting|reporting|confirming|explaining|adding)\b")
_TOLD_PARTS = ("updat", "brief", "inform", "overview", "readout", "presentation", "report")
UPDATE_COST = 0.5
# A result that is the sentence's own verb, right after its subject ("Ministers formally
# adopted the mandate", "The Council agreed ..."), not one told in a clause on the side.
# A result not reached is a result too: "On this occasion we weren't able to finalise an
# agreement", "The two sides failed to agree on quotas".
_DECIDED = re.compile(
    _SUBJECT + r"(?:\w+ly )?(?:adopted|agreed|approved|endorsed|signed|decided|concluded|"
    r"launched|rejected|ratified|reached|finali[sz]ed|completed|vetoed|announced|"
    r"(?:failed to|did not|didn[\u2019']t|could not|couldn[\u2019']t|"
    r"(?:was|were)(?: not|n[\u2019']t) able to|(?:was|were) unable to) "
    r"(?:yet )?(?:agree|reach|finali[sz]e|sign|conclude|"
    r"strike|settle|resolve|bridge|find))\b"
)
DECIDED_WORTH = 0.5


def told_not_decided(text: str) -> float:
    """What a sentence loses for telling only what a meeting was told (see ``_UPDATE``)
    rather than what it decided: the weaker news of a statement that reports a meeting item
    by item."""
    if not holds_any(text, _TOLD_PARTS):
        return 0.0
    if _UPDATE.match(text) is None or _TOLD_WHAT.search(text) is not None:
        return 0.0  # not an update, or one that goes on to say what it told
    return UPDATE_COST


def decided(text: str) -> bool:
    """Whether a sentence's own verb tells a result (see ``_DECIDED``)."""
    return _DECIDED.match(text) is not None


def an_opinion(text: str) -> bool:
    """Whether a sentence tells the speaker's opinion (see ``_OPINION``)."""
    return holds_any(text, _OPINION_PARTS) and _OPINION.search(text) is not None


# A sentence that only announces the text after it: "The Minister has today made the
# following statement.", "A summary of the discussions follows."
_ANNOUNCES = re.compile(
    r"(?:\bthe following (?:[\w-]+ ){0,2}?(?:statements?|summary|remarks|readout|update)|"
    r"\b(?:summary|account|readout|record|report|details) of (?:[\w’'-]+ ){0,4}?follows?|"
    r"\b(?:is|are) (?:as follows|set out below|given below))\W{0,2}$"
)


def announces_what_follows(text: str) -> bool:
    """Whether a sentence only announces the text after it (see ``_ANNOUNCES``): a label, no
    news."""
    return ("follow" in text or "below" in text) and _ANNOUNCES.search(text) is not None


# What a sentence with no speaker label opens with when ``_UNLABELLED_COURTESY`` matches it,
# but for a floor handed over after a name ("Secretary Lee, I'll turn it over to you"): it
# holds "over to". A call's ground rules ("The call is on the record") name the record, the
# background or an embargo.
_COURTESY_OPENINGS = (
    "First", "Before I begin", "On behalf of", "All right", "Alright", "Okay", "OK", "Well",
    "Right", "So", "Thank", "Good ", "Hello", "Welcome", "Greetings", "Ladies and", "Dear ",
    "Distinguished ", "Your", "Excellenc", "Mr", "Madam ", "Colleagues,", "Friends,",
    "Congratulations", "It is", "It\u2019s", "It's", "I ", "I\u2019", "I'", "We ", "Let", "let",
    "Allow", "With", "By joining this call", "This", "You", "That\u2019s", "That's", "That is",
)  # fmt: skip
_GROUND_RULE_OPENINGS = ("The ", "Today")
_GROUND_RULE_WORDS = ("record", "background", "embargoed")


def _may_be_courteous(text: str) -> bool:
    """Whether a sentence with no speaker label may be one ``_UNLABELLED_COURTESY`` matches
    (see ``_COURTESY_OPENINGS``): a test of how it opens, far cheaper than the pattern."""
    if text.startswith(_COURTESY_OPENINGS) or "over to" in text:
        return True
    return text.startswith(_GROUND_RULE_OPENINGS) and holds_any(text, _GROUND_RULE_WORDS)


def courteous(text: str) -> bool:
    """Whether a sentence is thanks, a greeting or a compliment: how a speech or a call
    opens ("Thank you, Minister, for your warm welcome", "It is a great pleasure to be here",
    "Let me begin by thanking ...", "You are a fantastic partner")."""
    if ": " in text:
        if COURTESY.match(text) is not None:
            return True
    elif _may_be_courteous(text) and _UNLABELLED_COURTESY.match(text) is not None:
        return True
    return text.startswith(_LINK_WORDS) and _LINKED_THANKS.match(text) is not None


# A stance avowed, not an event: "The ambassador emphasised the shared determination of both
# sides to ...", "Ministers expressed their readiness to ...", "Both teams are fully
# committed to the task". A figure or a month in it may tell a term or a deadline. (A
# commitment reaffirmed, or the importance of a thing stressed, is often what a meeting
# agreed: it is weighed, not left out.)
_AVOWAL = re.compile(
    r"\b(?:(?:emphasi[sz]|stress|reiterat|reaffirm|underlin|underscor|voic|express|restat)ed "
    r"(?:the |their |its |his |her |a |an |our )?(?:[\w-]+ ){0,2}?(?:determination|desire|"
    r"resolve|readiness|willingness|wish|will)|"
    r"(?:is|are|remains?|was|were) (?:\w+ )?(?:committed|determined|dedicated) to)\b"
)
# What a stance pledges to do: "committed to continuing work", "commitment to concluding".
_AN_ACTION = re.compile(r"(?: to)? \w+ing\b")
_AND_DOES = re.compile(r"\band (?:is|are|has|have|was|were|will) ")
_AVOWAL_PARTS = (
    "mphasi", "stressed", "reiterated", "reaffirmed", "underlined", "underscored", "voiced",
    "expressed", "restated", "committed", "determined", "dedicated",
)  # fmt: skip
_TERM = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:next|this) (?:week|month|year)|by the end)\b"
)


# No comment had: "X could not be reached for comment", "did not immediately respond to a
# request for comment", "declined to comment": a sentence that tells nothing of the news.
_NO_COMMENT = re.compile(
    r"\b(?:(?:could|did)(?: not|n[\u2019']t) (?:immediately )?(?:be reached|respond|return)|"
    r"declined|refused)\b[^.;]{0,40}\bcomment"
)


# A picture's caption: who stands where ("Norland's minister, left, and ..."), then the
# picture's credit in brackets ("(AP)", "(Reuters/Jo Bloggs)").
_WHERE_IN_A_PICTURE = re.compile(r", (?:left|right|centre|center|second (?:left|right))[,)]")
_CREDIT_END = re.compile(r"\([^()]{1,40}\)\W{0,2}$")


# A pointer to more, told to the reader: "For more from Monday's meeting, see the video
# below.", "Read the full budget here.", "Watch the briefing in full."
_POINTER_TO_MORE = re.compile(
    r"^(?:For (?:more|the full|details|further)[^,]{0,80}, )?(?:[Ss]ee|[Ww]atch|[Rr]ead|"
    r"[Cc]lick|[Vv]isit|[Ll]isten to|[Ff]ollow)\b"
)
_POINTER_FIRSTS = ("For ", "See ", "Watch ", "Read ", "Click ", "Visit ", "Listen ", "Follow ")


def a_caption(text: str) -> bool:
    """Whether a sentence is a picture's caption (see ``_WHERE_IN_A_PICTURE``)."""
    return (
        text.endswith(")")
        and _WHERE_IN_A_PICTURE.search(text) is not None
        and _CREDIT_END.search(text) is not None
    )


def says_nothing(text: str) -> bool:
    """Whether a sentence tells nothing of the news: a stance avowed (see ``avows``), no
    comment had (see ``_NO_COMMENT``), a picture's caption (see ``a_caption``), a pointer to
    more (see ``_POINTER_TO_MORE``), only who said a quote (see ``only_who_said``)."""
    if "comment" in text and " but " not in text and _NO_COMMENT.search(text) is not None:
        return True  # not "asked about it that day, but he declined to comment": an event
    if a_caption(text):
        return True
    if text.startswith(_POINTER_FIRSTS) and _POINTER_TO_MORE.match(text) is not None:
        return True  # "For more, see the video below": the page's, not the news's
    if only_who_said(text):
        return True
    return avows(text)


# Who said a quote, and where or when, with nothing said: what is left of '"...," Roe said
# on Twitter after the meeting ended.' once its quote is read as the quote it is. Not "Roe
# said in a statement the talks would resume": a clause of what was said has a verb of its
# own, a "that" or a quote mark.
_ONLY_WHO_SAID = re.compile(
    r"^(?:[A-Z][\w.’'-]*,? ){1,5}(?:said|says|wrote|tweeted|posted|added|told reporters)"
    r"(?P<rest>(?: (?:on|in|at|after|before|during|when|as|while|late|early|later|earlier)"
    r" [^“”\"]{0,80})?)\.$"
)
_WHO_SAID_PARTS = (" said", " says", " wrote", " tweeted", " posted", " added", " told reporters")
_WHAT_WAS_SAID = re.compile(
    r"\b(?:that|would|will|could|should|is|are|was|were|has|have|had|can|may|might|must)\b"
)


def only_who_said(text: str) -> bool:
    """Whether a sentence only tells who said a quote that is not part of it, where or when
    (see ``_ONLY_WHO_SAID``)."""
    if len(text) > 140 or not holds_any(text, _WHO_SAID_PARTS):
        return False
    match = _ONLY_WHO_SAID.match(text)
    return match is not None and _WHAT_WAS_SAID.search(match["rest"]) is None


def avows(text: str) -> bool:
    """Whether a sentence only avows a stance (see ``_AVOWAL``): no figure, no month, no
    deadline ("committed to a deal before he leaves office next year" tells one)."""
    if not holds_any(text, _AVOWAL_PARTS):
        return False
    match = _AVOWAL.search(text)
    if match is None or _AN_ACTION.match(text, match.end()) is not None:
        return False  # "committed to continuing work toward an outcome": a step pledged
    if _AND_DOES.search(text, match.end()) is not None:
        return False  # "is committed to ... and is now publishing ...": the news goes on
    return _TERM.search(text) is None


def tells_worth(text: str) -> bool:
    """Whether ``text`` tells what a thing is worth (see ``_WORTH``)."""
    for part in _WORTH_PARTS:
        if part in text:
            return _WORTH.search(text) is not None
    return False


def tells_an_event(text: str) -> bool:
    """Whether a sentence says something happened, was agreed, decided or announced: the
    lede of a speech, after its courtesies and its reflections (not what the call or the
    day will bring: "This briefing will be embargoed until the conclusion of ...")."""
    return bool(cue_count(text)) and not tells_the_future(text)


def tells_a_result(text: str) -> bool:
    """Whether a sentence tells a result or a number, not a reaction: what may lead the
    outcomes after a lede that tells what is to come."""
    return (bool(cue_count(text)) or DIGIT.search(text) is not None) and REACTION.search(
        text
    ) is None


def a_stance(text: str) -> bool:
    """Whether a sentence tells a stance or an aim, not an event: no outcome cue, and words
    of a stance ("committed", "progressive", "benefits") or a claim about the future ("will
    continue to drive growth")."""
    if cue_count(text) != 0:
        return False
    if tells_worth(text):
        return True  # "Such cooperation is an important part of ...", "Trade is key to ..."
    return len(RHETORIC.findall(text)) >= 2 or claims_the_future(text)


def stance_cost(text: str, stems: set[str]) -> float:
    """What a sentence's words of a stance (importance, commitment, praise) and a reaction
    with no number take from its worth as an outcome: they tell no event, and a reaction is
    worth less than a result. ``stems``: the sentence's content stems."""
    cost = 0.0
    if not stems.isdisjoint(RHETORIC_STEMS):
        cost += min(len(RHETORIC.findall(text)), 3) * 0.3
    if (
        not stems.isdisjoint(REACTION_STEMS)
        and DIGIT.search(text) is None
        and REACTION.search(text) is not None
    ):
        cost += REACTION_COST
    if an_opinion(text):
        cost += OPINION_COST
    return cost + told_not_decided(text)
