"""A made-up report on a farm-tariff deal, its title and first three sentences, that the
reading tests surround with a page's furniture."""

TITLE = "Estria and Norland agree to halve farm tariffs"
LEDE = (
    "Estria and Norland agreed on Friday to cut tariffs on farm goods by half over five years, "
    "ending two years of talks."
)
SECOND = (
    "The trade ministers of both countries said the deal would be signed in Lindau next month "
    "after lawyers check the text."
)
THIRD = "Farm groups in Norland welcomed the deal but asked for a longer transition for dairy."
