from datetime import date

from briefings.stories.developments import group_developments
from briefings.stories.material import material_reasons, thread_standing
from briefings.stories.threads import thread_developments
from tests.briefings.stories.helpers import at, report
from tests.briefings.stories.test_story_fixture import thread_of, threads_on


def reasons_by_headline(report_id: str) -> dict[str, tuple[str, ...]]:
    thread = thread_of(threads_on(date(2026, 3, 19)), report_id)
    return {
        d.briefing.headline: material_reasons(d, thread.developments[:i])
        for i, d in enumerate(thread.developments)
    }


def test_material_developments_of_the_fixture_negotiation() -> None:
    assert reasons_by_headline("ht-2026-03-19-deal-signed") == {
        "Norland and Aldoria open fourth round of trade talks in Kessel": ("talks started",),
        "Fourth round of Norland-Aldoria talks ends without agreement": (),
        "Prime Minister Ilse Brandt: Aldoria will not rush the Norland deal": (),
        "Norland and Aldoria push back trade deal deadline to 1 May": ("new deadline",),
        "Fifth round of Norland-Aldoria talks opens in Lindau with a new Norland negotiator": (),
        "Norland and Aldoria reach agreement in principle, car tariff to fall to 15 %": (
            "new rate",
            "agreement reached",
        ),
        "Norland and Aldoria sign trade agreement in Port Elin": ("agreement reached",),
    }


def test_noise_is_never_material() -> None:
    assert set(reasons_by_headline("nw-2026-03-11-cup-final").values()) == {()}


def test_where_a_thread_stands() -> None:
    thread = thread_of(threads_on(date(2026, 3, 19)), "ht-2026-03-19-deal-signed")
    standing = {(f.subject, f.value) for f in thread_standing(thread)}
    assert {
        ("car tariff", "15 %"),
        ("deadline", "1 May"),
        ("agreement", "agreement"),
        ("Norland lead negotiator", "Marek Osei"),
    } <= standing


def test_talks_called_off_a_collapse_and_many_outlets_within_the_hour() -> None:
    deal = report(
        "deal",
        "Norland and Aldoria reach agreement on car tariffs",
        "Norland and Aldoria reached an agreement on car tariffs in Kessel on Monday.",
        when=at(1, 9),
    )
    collapse = [
        report(
            f"off-{outlet}",
            "Norland calls off talks with Aldoria",
            "Norland called off its talks with Aldoria in Kessel on Tuesday; there is no "
            "agreement on car tariffs, the Norland foreign ministry said.",
            when=at(
                3,
                9,
            )
            if outlet == "a"
            else at(3, 9).replace(minute=40),
            outlet=f"Outlet {outlet}",
        )
        for index, outlet in enumerate("abc")
    ]
    (thread,) = thread_developments(group_developments([deal, *collapse]))
    first, off = thread.developments
    assert material_reasons(off, [first]) == (
        "agreement collapsed",
        "talks called off",
        "many outlets",
    )
