"""Word lists the quote finder reasons with: speech verbs, titles, roles, stop words."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = (
    "said says say saying told tells tell telling added adds adding noted notes stated states "
    "explained explains wrote writes tweeted declared declares announced announces argued argues "
    "claimed claims commented comments remarked insisted insists warned warns continued "
    "continues asked asks replied replies responded responds recalled recalls acknowledged "
    "admitted admits concluded emphasized emphasised stressed stresses observed posted urged "
    "urges predicted conceded reported reports described describes describing vowed promised "
    "pledged suggested suggests testified shouted spoke speaking answered joked cautioned "
    "complained complains lamented boasted questioned demanded hailed praised criticised "
    "criticized denied denies accused alleged estimated indicated revealed expressed "
    "explaining adding noting warning writing stating calling called quoted reiterated "
    "thinks believes believed agreed disagreed opined confirmed confirms announcing telling "
    "talked defended characterized characterised characterizing characterising proposed thanked "
    "concluding insisting arguing claiming recalling stressing explains wrote elaborated "
    "read reads calls shouting chanting chanted cited ruled congratulated congratulating insist "
    "admit detailed informed informs"
)
SPEECH_VERB_SET = frozenset(SPEECH_VERBS.split())
# Verbs that introduce names and titles more often than speech ("a film called").
NAMING_VERBS = word_set("called calling calls named dubbed titled described describes describing")

# Words that make a capitalized run a title rather than a name ("Treasury Secretary").
TITLES = word_set(
    "president vice prime minister secretary deputy governor senator sen. rep. representative "
    "congressman congresswoman mayor chancellor chairman chairwoman chair chairperson chief "
    "executive ceo director commissioner spokesperson spokesman spokeswoman ambassador general "
    "gen. admiral colonel col. captain capt. lieutenant lt. sergeant sgt. officer judge justice "
    "attorney prosecutor king queen prince princess pope cardinal bishop archbishop rev. dr. "
    "professor prof. inspector superintendent constable sheriff commander head leader founder "
    "premier "
    "councillor councilor councilman mp speaker negotiator envoy coach manager mr. mrs. ms. mr "
    "mrs ms dr sir lord lady dame administrator treasurer auditor detective marshal candidate "
    "nominee member emperor sultan sheikh emir ayatollah imam rabbi pastor president-elect "
    "vice-president secretary-general director-general attorney-general governor-general "
    "minister-president lawmaker legislator actor actress singer archbishop rabbi "
    " senior assistant associate acting interim former "
    "foreign finance defence defense health interior trade economy economic chief-executive "
    "cabinet taoiseach tánaiste tanaiste"
)
# Role nouns: a phrase with one of these describes a speaker ("Japan's top negotiator").
ROLE_NOUNS = word_set(
    "president minister secretary governor senator mayor chancellor chairman chairwoman chair "
    "chief executive ceo director commissioner spokesperson spokesman spokeswoman ambassador "
    "general admiral colonel captain officer judge justice attorney prosecutor king queen pope "
    "bishop professor inspector sheriff commander head leader founder premier councillor "
    "negotiator envoy coach manager administrator official officials spokesperson lawmaker "
    "legislator analyst analysts economist expert experts researcher researchers scientist "
    "scientists doctor doctors lawyer lawyers police witness witnesses resident residents "
    "source sources authorities investigators prosecutors member members diplomat diplomats "
    "activist activists campaigner campaigners owner organizer organiser organizers "
    "correspondent editor author player striker goalkeeper driver captain astronaut engineer "
    "teacher student students worker workers employee employees representative representatives "
    "adviser advisor advisers advisors aide aides observer observers chairperson boss operator "
    "deputy mp mps monarch ruler party ministry department agency company union government "
    "council committee court commission organization organisation group team office firm "
    "spokesmen candidate voters voter people person man woman men women victim victims family "
    "relatives father mother son daughter wife husband friend neighbour neighbor survivor "
    "survivors official's manufacturer regulator regulators staff trustee trustees delegate "
    "delegates protester protesters demonstrator demonstrators foundation archbishop actor "
    "actress singer musician artist journalist reporter broadcaster host presenter chancellor "
    "rapporteur chef eyewitness children child girl boy parents spokespeople co-author "
    "ministers negotiators leaders envoys lawmakers legislators senators executives "
    "delegation delegations governments ministries commissioners ambassadors countries "
    "nations sides bank newspaper embassy consulate military army administration presidency "
    "secretariat bloc alliance association federation institute broadcaster outlet regulator "
    "watchdog body authority board panel lobby chamber fund coalition farmer farmers fishermen "
    "traders exporters importers producers citizens locals "
    "participants marchers soldiers troops nurses passengers "
    "shoppers customers fans interviewee interviewees businesspeople businessmen "
    "businesswomen mediator mediators physician physicians surgeon surgeons nurse paramedic "
    "paramedics firefighter firefighters epidemiologist"
)
# Adjectives and modifiers allowed inside a role phrase.
ROLE_MODIFIERS = word_set(
    "senior top chief former deputy vice acting interim local foreign state federal national "
    "regional provincial administration government military police party white house trade "
    "economic economy finance health defence defense justice interior security intelligence "
    "company club team press campaign election opposition ruling one two three several "
    "other another unnamed anonymous high-ranking high-level veteran independent lead "
    "legal medical emergency joint written official final draft central news media "
    "commerce industry agriculture environment education transport labour labor energy "
    "information culture tourism fisheries immigration housing communist"
)
# Documents that speak for whoever issued them: "according to a joint statement".
DOCUMENTS = word_set(
    "statement statements communique communiqué declaration readout report letter document "
    "filing memo memorandum notice transcript release tweet ruling decision judgment judgement "
    "summary editorial text resolution conclusions motion website"
)
# Described people who stay unnamed when no one in the article holds the description.
SOURCES = word_set(
    "official source diplomat aide adviser advisor negotiator insider person witness "
    "eyewitness analyst expert lawmaker staffer officials sources diplomats aides advisers "
    "insiders witnesses analysts experts"
)
PRONOUNS = word_set("he she they him her them")
# Words between a speaker and the verb: "Akazawa also said", "the president had previously said".
SKIPPABLE = word_set(
    "also later then previously further again earlier reportedly once had has have was is "
    "were will would has already recently subsequently repeatedly separately specifically "
    "publicly privately firmly strongly sharply openly explicitly briefly directly personally "
    "formally initially finally quickly bluntly flatly"
)
PREPOSITIONS = word_set(
    "to with by of for from about at in on against toward towards between alongside beside"
)
CLAUSE_WORDS = word_set(
    "while and but as when which who whom whose that because although though if where after "
    "before since so"
)
SUFFIXES = word_set("Jr. Sr. Jr Sr II III IV")
DETERMINERS = word_set("a an the one two three several some many another")
INDEFINITE = word_set("a an one two three several some many another")
HONORIFICS = word_set(
    "mr. mrs. ms. dr. mr mrs ms dr prof. sir dame lord lady rev. honourable honorable hon. rt."
)

# Capitalized words that start sentences or name things, never a person.
NOT_NAMES = word_set(
    "The A An In On At But And Or So This That These Those It Its He She They We I You His Her "
    "Their Our My After Before When While As If According Also However Meanwhile Some Many Most "
    "Other Others For From With By Since During Despite Although Though Yesterday Today Tomorrow "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Feb Apr Aug Sept Oct Nov Dec "
    "Mr Mrs Ms Dr Sir There Here What Who "
    "Why How Where Which Not No Yes All Both Each Every Last Next First Second Third Under Over "
    "Until Then Now Later Earlier Instead Still Even Only Just To Of Despite Because Amid Among "
    "Against Around Through Without Within Following Speaking Asked Reports Officials Police "
    "Sources Analysts Experts Critics Residents Witnesses Several Two Three Four Five One"
)
# Words of NOT_NAMES that are surnames too, after a given name: "Theresa May", "He Lifang".
SURNAMES = word_set("May June April August He")

# Words that make a capitalized run a place or an organisation rather than a person.
NON_PERSON = word_set(
    "States Kingdom Nations Union Republic Ministry Department Agency Committee Council Service "
    "Court Party University College School Company Inc Corp Corporation Ltd Association "
    "Government Police Office Bank Commission Organization Organisation Institute Board Group "
    "Center Centre Authority Parliament Senate Congress Assembly News Times Post Press Journal "
    "Airport Airlines Air Army Navy Force Forces Guard Club League Cup Games Olympics Summit "
    "Foundation Fund Society Federation Network Station Hospital Church Museum Street Road "
    "Avenue River Island Islands Mountain Mountains Ocean Sea Bay Lake Park City County Province "
    "State Region District Square Bridge Hall House Palace Tower Administration Treasury "
    "Commerce Cabinet Security Health Trade Affairs Justice Defense Defence Finance Energy "
    "Times Broadcasting Television Radio Channel Reuters Twitter Facebook Instagram YouTube "
    "Google Apple Microsoft Amazon Coast East West North South Middle Africa America Asia "
    "Europe Australia Korea Zealand Kong Angeles Francisco Arabia Lanka Rica Aires Janeiro Paulo "
    "Salvador Emirates Island Peninsula Gulf Strait Canal Province Territory Capital Hill Valley "
    "Week Year Award Awards Prize Festival Championship Championships Open Series Tour "
    "Cathedral Mosque Temple Stadium Arena Centre Mall Market Exchange Index Act Bill Law "
    "Constitution Treaty Agreement Accord Plan Program Programme Project Mission Movement "
    "Revolution War Crisis Election Elections Conference Forum Meeting Talks Eastern Western "
    "Northern Southern Central Disease Control Prevention Health Mediterranean Cypriot "
    "Wikinews Internet Online Media Daily Weekly Herald Tribune Guardian Telegraph Mail "
    "Partnership Alliance Coalition Community Initiative Organisation Office Policy "
    "Development Relations Cooperation Investment Industry Business Enterprise Competition "
    "Agriculture Environment Economy Innovation Transport Education Exports Growth Climate "
    "Digital Culture Tourism Fisheries"
)

# Two-word countries whose second word could be a name ("of Viet Nam Tran Tuan Anh").
PLACE_PAIRS = frozenset(
    (
        "Viet Nam", "Sierra Leone", "Burkina Faso", "Cabo Verde", "Cape Verde", "Puerto Rico",
        "San Marino", "North Macedonia", "Timor Leste", "New Guinea", "Costa Rica", "Sri Lanka",
        "New Zealand", "South Korea", "North Korea", "South Africa", "Saudi Arabia",
    )
)  # fmt: skip

# Places that open a capitalized run before a name ("Argentina Alberto Fernández").
PLACES = word_set(
    "Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh "
    "Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China "
    "Colombia Croatia Cuba Cyprus Czech Denmark Ecuador Egypt England Estonia Ethiopia Europe "
    "Finland France Georgia Germany Ghana Greece Haiti Hungary Iceland India Indonesia Iran Iraq "
    "Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Latvia Lebanon Libya "
    "Lithuania Malaysia Mali Malta Mexico Moldova Mongolia Morocco Myanmar Nepal Netherlands "
    "Nigeria Norway Pakistan Palestine Panama Peru Philippines Poland Portugal Qatar Romania "
    "Russia Rwanda Scotland Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden "
    "Switzerland Syria Taiwan Thailand Tunisia Turkey Uganda Ukraine Uruguay Venezuela Vietnam "
    "Wales Yemen Zambia Zimbabwe London Paris Berlin Moscow Beijing Tokyo Washington Brussels "
    "Rome Madrid Delhi Ottawa Canberra Seoul Cairo Tehran Kyiv Kiev Warsaw Vienna Athens Dublin "
    "Texas California Florida York Ohio Georgia Virginia Ontario Quebec Bavaria U.S. US UK U.K. "
    "EU UN American British Chinese Russian French German Japanese Indian Italian Spanish "
    "Canadian Australian Turkish Iranian Israeli Polish Greek Egyptian Mexican Brazilian "
    "Korean Ukrainian Scottish Irish Welsh English European Saudi Syrian Iraqi Afghan Pakistani "
    "Argentine Argentinian Dutch Swedish Norwegian Danish Finnish Belgian Swiss Austrian"
)
