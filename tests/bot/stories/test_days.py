"""Three weeks of made-up negotiations, day by day on a fake clock, for two chats: a Telegram
chat in Tokyo and a Slack channel in New York (which moves to summer time on 8 March).

Every evening at 21:00 UTC the bot polls the three outlets' feeds (served on 127.0.0.1). The
Telegram chat gets its digest at 08:00 Tokyo time (23:00 UTC the day before), the Slack
channel at 08:00 New York time (13:00 UTC, then 12:00 UTC). Each assertion says what a chat
sees.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.db import open_database, sqlite_url
from tests.bot.stories.world import Seen, World, running_world

# Headlines of the fixture's developments, as the chats see them.
ROUND4_OPENS = "Norland and Aldoria open fourth round of trade talks in Kessel"
ROUND4_ENDS = "Fourth round of Norland-Aldoria talks ends without agreement"
BRANDT = "Prime Minister Ilse Brandt: Aldoria will not rush the Norland deal"
DEADLINE = "Norland and Aldoria push back trade deal deadline to 1 May"
ROUND5 = "Fifth round of Norland-Aldoria talks opens in Lindau with a new Norland negotiator"
IN_PRINCIPLE = "Norland and Aldoria reach agreement in principle, car tariff to fall to 15 %"
SIGNED = "Norland and Aldoria sign trade agreement in Port Elin"
FISH_OPEN = "Norland and Vestmark open fisheries talks in Tromvik"
FISH_ROUND2 = "Second round of Norland-Vestmark fisheries talks ends without a deal"
FISH_DEAL = "Norland and Vestmark reach deal on North Shelf fishing quotas"
NEW = "New since you last looked"
DATED = re.compile(r"• \w{3} \d+ \w{3} — ")
NOTHING_NEW = "Nothing new since you last looked."


def utc(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def tokyo_digest(day: int) -> datetime:
    """08:00 in Tokyo on ``day`` March."""
    return utc(day - 1, 23)


def new_york_digest(day: int) -> datetime:
    """08:00 in New York on ``day`` March (summer time from the 8th)."""
    return utc(day, 12 if day >= 8 else 13)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = open_database(sqlite_url(tmp_path / "briefbot.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
async def world(engine: sa.Engine) -> AsyncIterator[World]:
    async with running_world(utc(2, 8), engine, digest_max_threads=1) as running:
        yield running


def text(seen: Sequence[Seen]) -> str:
    return "\n\n".join(s.text for s in seen)


def first_lines(seen: Sequence[Seen]) -> list[str]:
    return [s.text.splitlines()[0] for s in seen]


def earlier(seen: Sequence[Seen], headline: str) -> list[str]:
    """The ``Earlier:`` lines under the thread whose newest headline is ``headline``, without
    their links (Slack puts them in the text)."""
    block = text(seen).split(headline, 1)[1]
    lines = block.split("Earlier:", 1)[1].strip("*\n").splitlines()
    dated = []
    for line in lines:
        if not DATED.match(line):
            break
        dated.append(re.sub(r"<[^|>]+\|([^>]+)>", r"\1", line))
    return dated


def bullets(seen: Sequence[Seen]) -> list[str]:
    """Every outcome, next step and quote bullet a chat was shown (not the dated lines,
    which name earlier developments on purpose)."""
    found = []
    for message in seen:
        for line in message.text.splitlines():
            if line.startswith("• ") and not DATED.match(line):
                found.append(re.sub(r"^• (Outcome: |Next: )?", "", line))
    return found


async def test_three_weeks_of_talks_in_two_chats(world: World) -> None:
    shown_telegram: list[Seen] = []
    digests_telegram: dict[int, list[Seen]] = {}

    async def evening(day: int) -> None:
        await world.ingest(utc(day, 21))

    async def telegram(line: str) -> list[Seen]:
        seen = await world.in_telegram(line)
        shown_telegram.extend(seen)
        return seen

    async def digests(day: int) -> tuple[list[Seen], list[Seen]]:
        """The Tokyo digest of ``day`` March, then the New York one."""
        tokyo, _ = await world.digest_time(tokyo_digest(day))
        _, new_york = await world.digest_time(new_york_digest(day))
        shown_telegram.extend(tokyo)
        digests_telegram[day] = tokyo
        return tokyo, new_york

    # Monday 2 March, morning: both chats follow trade talks.
    await telegram("/subscribe trade-talks")
    assert "Daily digest at 08:00 Asia/Tokyo" in text(await telegram("/digest 08:00 Asia/Tokyo"))
    await world.in_slack("subscribe trade-talks")
    await world.in_slack("digest 08:00 America/New_York")

    # Monday evening: two outlets report the fourth round opening, one development.
    await evening(2)
    seen = await telegram("/latest trade-talks")
    assert first_lines(seen) == [ROUND4_OPENS]  # one thread, shown whole, nothing "new"
    assert "Harbour Times" in seen[0].text
    assert "Northern Wire" in seen[0].text
    assert "Earlier:" not in seen[0].text

    # Tuesday: Tokyo's digest has nothing the chat was not shown by latest; New York's has
    # the opening round with its outlets.
    tokyo, new_york = await digests(3)
    assert tokyo == []
    assert first_lines(new_york) == ["Your briefing — Trade talks — Tue 3 Mar"]
    assert ROUND4_OPENS in new_york[0].text
    assert "Harbour Times, Northern Wire · Mon 2 Mar" in new_york[0].text

    # Tuesday evening the fisheries talks open: a second thread, in Wednesday's digests.
    await evening(3)
    tokyo, new_york = await digests(4)
    assert first_lines(tokyo) == ["Your briefing — Trade talks — Wed 4 Mar"]
    assert FISH_OPEN in tokyo[0].text
    assert ROUND4_OPENS not in tokyo[0].text
    assert FISH_OPEN in new_york[0].text
    assert ROUND4_OPENS not in new_york[0].text

    # Wednesday evening the round ends (three outlets); latest starts with what is new.
    await evening(4)
    seen = await telegram("/latest trade-talks")
    (message,) = seen  # both threads in one message
    assert message.text.startswith(f"{NEW}\n{ROUND4_ENDS}\n")
    assert "Aldoria Public Radio" in message.text
    # 18:40 UTC on Wednesday is Thursday morning in Tokyo.
    assert earlier(seen, ROUND4_ENDS) == [f"• Mon 2 Mar — {ROUND4_OPENS}"]
    assert f"{NOTHING_NEW} Last development, Tue 3 Mar: {FISH_OPEN}" in message.text
    assert "Earlier developments: timeline trade-talks" in message.text

    # Thursday: Tokyo was shown the round's end already; New York reads it with where the
    # talks stood before.
    tokyo, new_york = await digests(5)
    assert tokyo == []
    assert ROUND4_ENDS in new_york[0].text
    assert "Before: car tariff 25 %; deadline 1 April; Norland lead negotiator Ana Pereira" in (
        new_york[0].text
    )

    for day in (5, 6):  # a storm (not on the topic), then Brandt's comments
        await evening(day)
        await digests(day + 1)
    assert BRANDT in digests_telegram[7][0].text

    # Monday 9 March: the deadline moves. Telegram asks; the Slack channel asks, then turns
    # its digest off for a week.
    for day in (7, 8):
        await evening(day)
        await digests(day + 1)
    await evening(9)
    seen = await telegram("/latest trade-talks")
    assert seen[0].text.startswith(f"{NEW}\n{DEADLINE}\nChanged: deadline 1 April → 1 May\n")
    assert earlier(seen, DEADLINE) == [
        f"• Fri 6 Mar — {BRANDT}",
        f"• Thu 5 Mar — {ROUND4_ENDS}",
        f"• Mon 2 Mar — {ROUND4_OPENS}",
    ]
    slack = await world.in_slack("latest trade-talks")
    assert "*Changed:* deadline 1 April → 1 May" in text(slack)
    # The same development, dated in New York: Wednesday 4 March.
    assert earlier(slack, DEADLINE)[1] == f"• Wed 4 Mar — {ROUND4_ENDS}"
    await world.in_slack("digest off")

    # The fisheries talks' second round, the fifth round and the agreement in principle.
    for day in range(10, 13):
        await evening(day)
        tokyo, new_york = await digests(day + 1)
        assert new_york == []  # the channel's digest is off
    assert FISH_ROUND2 in digests_telegram[11][0].text
    assert f"Before: Tue 3 Mar: {FISH_OPEN}" in digests_telegram[11][0].text
    assert digests_telegram[12] == []  # a cup final is not trade talks
    round5 = digests_telegram[13][0].text
    assert ROUND5 in round5
    assert "Changed: Norland lead negotiator Ana Pereira → Marek Osei" in round5
    await evening(13)
    seen = await telegram("/latest trade-talks")
    assert seen[0].text.startswith(
        f"{NEW}\n{IN_PRINCIPLE}\n"
        "Changed: car tariff 25 % → 15 %\nChanged: no agreement → agreement in principle\n"
    )
    assert len(earlier(seen, IN_PRINCIPLE)) == 5
    assert f"{NOTHING_NEW} Last development, Wed 11 Mar: {FISH_ROUND2}" in seen[0].text

    for day in range(14, 18):  # a museum reopens; on the 17th the fisheries deal
        await digests(day)
        await evening(day)
    assert await world.in_slack("digest 08:00 America/New_York")

    # Wednesday 18 March: the channel's first digest in nine days holds two threads with
    # something new. The one with the agreement in principle (a material development) comes
    # first with everything that moved since the channel last looked; the digest shows one
    # thread (bot.digest_max_threads = 1 here) and names the command listing the rest.
    tokyo, new_york = await digests(18)
    assert FISH_DEAL in tokyo[0].text
    (digest,) = new_york
    assert IN_PRINCIPLE in digest.text
    assert "*Changed:* Norland lead negotiator Ana Pereira → Marek Osei" in digest.text
    assert "*Changed:* car tariff 25 % → 15 %" in digest.text
    assert "*Changed:* no agreement → agreement in principle" in digest.text
    assert "2 new developments" in digest.text
    assert FISH_DEAL not in digest.text
    assert digest.text.endswith("1 more thread: timeline trade-talks all")

    # The fisheries developments the digest left out are still new to the channel.
    await evening(19)
    slack = await world.in_slack("latest trade-talks")
    assert SIGNED in text(slack)
    assert f"{NEW} (2 developments)" in text(slack)
    assert earlier(slack, FISH_DEAL)[0].endswith(f"{FISH_ROUND2} _(new)_")
    assert len(earlier(slack, SIGNED)) == 5  # at most five earlier lines

    tokyo, _ = await digests(20)
    signed = tokyo[0].text
    assert SIGNED in signed
    assert "Changed: agreement in principle → agreement" in signed
    assert (
        "Before: agreement in principle; car tariff 15 %; deadline 1 May; "
        "Norland lead negotiator Marek Osei"
    ) in signed

    # Nothing the Telegram chat was shown came twice: no development in two digests or in a
    # digest after latest showed it, no outcome, next step or quote twice.
    digest_headlines = [
        block.splitlines()[0]
        for seen in digests_telegram.values()
        for message in seen
        for block in message.text.split("\n\n")[1:]  # after the title, a block per thread
    ]
    assert len(digest_headlines) == 6
    assert len(digest_headlines) == len(set(digest_headlines))
    shown = bullets(shown_telegram)
    assert [b for b in shown if shown.count(b) > 1] == []

    # The timeline: the most active thread, dated in Tokyo, newest first, and a button for
    # the other thread; tapping it shows that one.
    timeline, choices = await telegram("/timeline trade-talks")
    assert timeline.text.splitlines() == [
        "Timeline of Trade talks (trade-talks) — 7 developments",
        f"• Fri 20 Mar — {SIGNED}",
        f"• Sat 14 Mar — {IN_PRINCIPLE}",
        f"• Thu 12 Mar — {ROUND5}",
        f"• Mon 9 Mar — {DEADLINE}",
        f"• Fri 6 Mar — {BRANDT}",
        f"• Thu 5 Mar — {ROUND4_ENDS}",
        f"• Mon 2 Mar — {ROUND4_OPENS}",
    ]
    assert choices.text.startswith("1 more on Trade talks (trade-talks).")
    (button,) = choices.buttons
    fisheries = await world.tap("1 more on Trade talks", button)
    assert fisheries[0].text.splitlines()[1:] == [
        f"• Wed 18 Mar — {FISH_DEAL}",
        f"• Wed 11 Mar — {FISH_ROUND2}",
        f"• Tue 3 Mar — {FISH_OPEN}",
    ]
    # In Slack, buttons too; a click shows the other thread.
    slack = await world.in_slack("timeline trade-talks")
    (command,) = [b for s in slack for b in s.buttons]
    assert command == button
    clicked = await world.click(command)
    assert FISH_DEAL in text(clicked)
    assert SIGNED not in text(clicked)
