from briefings.model import StatedFact
from briefings.stories.statedfacts import stated_facts
from tests.briefings.stories.helpers import at, report


def facts(headline: str, *paragraphs: str) -> set[tuple[str, str, str]]:
    r = report("r", headline, *paragraphs, when=at(2))
    return {(f.kind, f.subject, f.value) for f in stated_facts(r.article, r.briefing)}


def test_a_rate_names_its_goods_and_a_cut_states_the_new_rate() -> None:
    assert facts(
        "Tariff deal reached",
        "Norland will cut its tariff on cars from 25 % to 15 %, officials said on Friday.",
    ) >= {("rate", "car tariff", "15 %")}
    assert ("rate", "car tariff", "25 %") in facts(
        "Talks open", "Aldoria wants Norland to lift its 25 percent car tariff."
    )


def test_a_moved_deadline_states_the_new_date() -> None:
    assert ("deadline", "deadline", "1 May") in facts(
        "Deadline moved",
        "The two governments moved the deadline for a deal from April 1 to May 1 on Monday.",
    )


def test_agreement_status_in_three_steps() -> None:
    assert ("agreement", "agreement", "no agreement") in facts(
        "Talks end without agreement", "The round ended on Wednesday."
    )
    assert ("agreement", "agreement", "agreement in principle") in facts(
        "Sides reach agreement in principle", "The deal was struck on Friday."
    )
    assert ("agreement", "agreement", "agreement") in facts(
        "Ministers sign deal", "The two ministers signed the trade agreement on Thursday."
    )


def test_who_leads_the_talks_for_a_side() -> None:
    assert ("lead", "Norland lead negotiator", "Marek Osei") in facts(
        "New round opens",
        "Norland's new chief negotiator, Marek Osei, met his counterpart on Thursday.",
    )


def test_an_amount_names_what_it_is_for() -> None:
    assert ("amount", "investment", "$550 billion") in facts(
        "Deal reached", "Japan will provide $550 billion in investment, the White House said."
    )


def test_background_clauses_state_nothing() -> None:
    assert (
        facts(
            "Talks resume",
            "Negotiators met again on Monday, weeks after the tariff had been raised to 25 %.",
            "Last month the deadline was 1 April.",
        )
        == set()
    )


def test_a_sentence_with_two_rates_and_no_direction_states_none() -> None:
    assert not {
        f for f in facts("Tariffs", "Tariffs of 10 % and 25 % apply to steel.") if f[0] == "rate"
    }


def test_fact_key() -> None:
    assert StatedFact("rate", "car tariff", "15 %").key == ("rate", "car tariff")


def test_tariff_free_is_no_rate_and_a_possessive_names_no_negotiator() -> None:
    assert (
        facts("Pact in force", "It keeps tariff-free access for 99.9 per cent of exports in place.")
        == set()
    )
    assert (
        facts(
            "Deal praised",
            "President Donald Trump's top trade negotiator has praised phase one of the deal.",
        )
        == set()
    )


def test_what_a_sum_is_for_skips_a_name_before_it() -> None:
    assert ("amount", "goods", "$200 billion") in facts(
        "Duties take effect", "Duties on $200 billion worth of Chinese goods took effect."
    )
