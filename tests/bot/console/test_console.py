from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.alerts.job import AlertJob
from bot.chat import (
    BriefingPart,
    Choice,
    ChoicesPart,
    CommandRequest,
    DigestPart,
    Reply,
    TextPart,
)
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.commands.registry import COMMANDS
from bot.config import Settings
from bot.console.adapter import ConsoleAdapter
from bot.console.render import ConsoleRenderer
from bot.console.sender import ConsoleSender
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import SendResult
from bot.delivery.worker import DeliveryWorker
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from bot.store.db import open_database, sqlite_url
from briefings.model import Briefing, Fact, Quote, SourceRef
from briefings.output.plaintext import render_briefing
from briefings.stories.topics import Topic
from tests.bot.alerts.helpers import RATE_CHANGE, add_development

BRIEFING = Briefing(
    headline="Japan-US tariff talks: fifth round ends without agreement",
    url="https://asahi.example/a",
    outlet="The Asahi Shimbun",
    published=datetime(2025, 6, 7, 8, 46, tzinfo=UTC),
    outcomes=(Fact("Japan and the U.S. failed to find common ground.", "https://asahi.example/a"),),
    next=(Fact("Ishiba and Trump meet at the G7 summit.", "https://asahi.example/a"),),
    quotes=(
        Quote(
            "But we have not found any point of agreement.",
            "Ryosei Akazawa",
            "Japan's top negotiator",
        ),
    ),
    sources=(SourceRef("https://asahi.example/a", "The Asahi Shimbun", "Fifth round"),),
)

BRIEFING_TEXT = render_briefing(BRIEFING)


def _text(messages: tuple[RenderedMessage, ...]) -> str:
    assert len(messages) == 1
    return str(messages[0].payload["text"])


def test_render_text_and_briefing() -> None:
    reply = Reply(parts=(TextPart("Newest:"), BriefingPart(BRIEFING)))
    text = _text(ConsoleRenderer().render(reply))
    assert text == "Newest:\n\n" + BRIEFING_TEXT
    assert text.splitlines()[2:4] == [
        "Japan-US tariff talks: fifth round ends without agreement",
        "• Outcome: Japan and the U.S. failed to find common ground.",
    ]
    assert "Ryosei Akazawa, Japan's top negotiator: " in text


def test_render_digest_and_choices() -> None:
    digest = Reply(parts=(DigestPart("Your digest: Trade talks", (BRIEFING,)),))
    text = _text(ConsoleRenderer().render(digest))
    assert text.startswith("Your digest: Trade talks\n========================\n\n")
    assert text.endswith(BRIEFING_TEXT)
    choices = Reply(parts=(ChoicesPart("Which?", (Choice("Trade talks", "subscribe t"),)),))
    assert _text(ConsoleRenderer().render(choices)) == "Which?\n  [1] Trade talks: subscribe t"


def test_render_empty_reply() -> None:
    assert ConsoleRenderer().render(Reply(parts=())) == ()


async def test_sender_counts_ids() -> None:
    out = io.StringIO()
    sender = ConsoleSender(out)
    first = await sender.send("console", RenderedMessage({"text": "one"}))
    second = await sender.send("console", RenderedMessage({"text": "two\n"}))
    assert (first, second) == (SendResult.sent("1"), SendResult.sent("2"))
    assert out.getvalue() == "one\n\ntwo\n\n"


class _Recorder:
    commands = COMMANDS

    def __init__(self) -> None:
        self.requests: list[CommandRequest] = []

    async def handle(self, request: CommandRequest) -> Reply:
        self.requests.append(request)
        if request.name == "subscribe" and not request.args:
            return Reply(parts=(ChoicesPart("Which?", (Choice("Trade talks", "subscribe t"),)),))
        return Reply.text(f"ok {request.name} {' '.join(request.args)}".strip())


async def test_adapter_reads_lines_until_end_of_input() -> None:
    handler = _Recorder()
    out = io.StringIO()
    adapter = ConsoleAdapter(handler, io.StringIO("/Help\n\nsubscribe\n1\n"), out)
    await adapter.start()
    await adapter.closed.wait()
    await adapter.stop()
    assert [(r.name, r.args, r.chat_kind.value, r.user_is_admin) for r in handler.requests] == [
        ("help", (), "private", True),
        ("subscribe", (), "private", True),
        ("subscribe", ("t",), "private", True),
    ]
    assert (
        out.getvalue() == "ok help\n\nWhich?\n  [1] Trade talks: subscribe t\n\nok subscribe t\n\n"
    )


@pytest.fixture
def commands(tmp_path: Path) -> Commands:
    engine = open_database(sqlite_url(tmp_path / "console.sqlite3"))
    topics = (Topic("trade-talks", "Trade talks", include=("tariff",)),)
    return Commands(engine, Settings(topics=topics), FakeClock(datetime(2025, 6, 7, tzinfo=UTC)))


async def test_console_chat_over_real_commands(commands: Commands) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(commands, io.StringIO(""), out, prompt="> ")
    await adapter.handle_line("subscribe trade-talks")
    await adapter.handle_line("settings")
    assert "Subscribed to Trade talks (trade-talks)." in out.getvalue()
    assert "• Daily digest: 08:00 UTC" in out.getvalue()
    assert await adapter.handle_line("   ") is None


async def test_console_alerts_quiet_hours_and_an_alert_delivered(tmp_path: Path) -> None:
    engine = open_database(sqlite_url(tmp_path / "alerts.sqlite3"))
    clock = FakeClock(datetime(2025, 6, 7, 9, 0, tzinfo=UTC))
    settings = Settings(topics=(Topic("trade-talks", "Trade talks", include=("tariff",)),))
    out = io.StringIO()
    adapter = ConsoleAdapter(Commands(engine, settings, clock), io.StringIO(""), out)
    for line in ("subscribe trade-talks", "alerts on", "quiet 22:00-07:00", "settings"):
        await adapter.handle_line(line)
    assert "• Alerts: on, 0 of 3 today\n• Quiet hours: 22:00-07:00 UTC" in out.getvalue()

    add_development(engine, "Deal reached", published=clock.now(), changes=(RATE_CHANGE,))
    clock.advance(timedelta(minutes=5))
    queue = DeliveryQueue(engine, clock)
    AlertJob(engine, queue, {"console": ConsoleRenderer()}, settings).run(clock.now())
    alerts = io.StringIO()

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    worker = DeliveryWorker(
        queue, {"console": ConsoleSender(alerts)}, RateLimiter(settings.delivery, clock),
        ChatStore(engine), clock, sleep, settings.delivery,
    )  # fmt: skip
    assert await worker.run_once() == 1
    assert alerts.getvalue().splitlines()[:3] == [
        "Alert — agreement reached: Deal reached",
        "Changed: car tariff 25 % → 15 %",
        "• Outcome: First outcome of Deal reached.",
    ]
    engine.dispose()
