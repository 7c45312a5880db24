import dataclasses

import pytest

from briefings.model import Briefing
from briefings.stories.developments import Report, group_developments
from tests.briefings.stories.helpers import at, report

QUOTE = '"We narrowed the gaps, but we are not there yet," chief negotiator Ana Pereira said.'
ONE = report(
    "one",
    "Fourth round of Norland-Aldoria talks ends without agreement",
    "The fourth round of Norland-Aldoria trade talks ended in Kessel on Wednesday without "
    "agreement on the car tariff.",
    QUOTE,
    when=at(4, 18),
    outlet="Harbour Times",
)
TWO = report(
    "two",
    "No deal in Kessel: Norland and Aldoria fail to agree on cars",
    "Norland and Aldoria failed to reach an agreement in the fourth round of trade talks, "
    "which closed in Kessel on Wednesday.",
    QUOTE,
    when=at(4, 19),
    outlet="Northern Wire",
)
OTHER = report(
    "other",
    "Storm closes Norland's western ports",
    "A winter storm closed Norland's western ports on Thursday, stranding ferries.",
    when=at(5, 7),
    outlet="Harbour Times",
)


def test_reports_of_one_event_are_one_development_with_every_source() -> None:
    first, storm = group_developments([TWO, OTHER, ONE])
    assert first.report_ids == ("one", "two")
    assert first.outlets == ("Harbour Times", "Northern Wire")
    assert [s.url for s in first.briefing.sources] == [ONE.briefing.url, TWO.briefing.url]
    assert storm.report_ids == ("other",)


def test_a_quote_carried_by_two_outlets_appears_once_with_both_sources() -> None:
    (development, _) = group_developments([ONE, TWO, OTHER])
    (quote,) = development.briefing.quotes
    assert quote.text.startswith("We narrowed the gaps")
    assert development.sources_of[quote] == (ONE.briefing.url, TWO.briefing.url)


def test_a_development_keeps_its_date_and_facts() -> None:
    (development, _) = group_developments([ONE, TWO, OTHER])
    assert development.published == at(4, 18)
    assert ("agreement", "agreement", "no agreement") in {
        (f.kind, f.subject, f.value) for f in development.facts
    }


def test_grouping_again_gives_the_same_keys() -> None:
    assert [d.key for d in group_developments([ONE, TWO])] == [
        d.key for d in group_developments([TWO, ONE])
    ]


def test_a_late_report_published_earlier_updates_the_known_development() -> None:
    (known, _) = group_developments([TWO, OTHER])
    early = report(
        "early",
        "Kessel round closes without a deal",
        "The fourth round of talks between Norland and Aldoria closed in Kessel on Wednesday "
        "without agreement on the car tariff.",
        QUOTE,
        when=at(4, 17),
        outlet="Aldoria Public Radio",
    )
    (again, _) = group_developments([TWO, OTHER, early], [known])
    assert again.key == known.key
    assert again.report_ids == ("early", "two")


def test_a_report_without_a_publication_time_is_refused_with_its_id() -> None:
    undated = Report(
        "undated",
        dataclasses.replace(ONE.article, published=None),
        Briefing("Undated", "https://wire.example/undated"),
    )
    with pytest.raises(ValueError, match="undated"):
        group_developments([undated])
