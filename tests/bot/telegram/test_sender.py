"""TelegramSender: Bot API answers from the stand-in, through real PTB, as delivery outcomes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from bot.config import load_settings
from bot.delivery.sender import SendResult, SendStatus
from bot.render import RenderedMessage
from bot.telegram.adapter import build_application
from bot.telegram.sender import TelegramSender
from bot.telegram.transport import AiohttpRequest
from tests.telegram_standin import BotApiStandIn

CHAT = 42
TOKEN = "123456:TEST-token"


def _message(text: str = "<b>hello</b>", **extra: object) -> RenderedMessage:
    return RenderedMessage({"parse_mode": "HTML", "text": text, **extra})


@pytest.fixture
async def sender(standin: BotApiStandIn) -> AsyncIterator[TelegramSender]:
    standin.add_chat(CHAT)
    bot = Bot(standin.token, base_url=f"{standin.base_url}/bot")
    async with bot:
        yield TelegramSender(bot)


async def test_a_sent_message_reports_its_id(
    sender: TelegramSender, standin: BotApiStandIn
) -> None:
    result = await sender.send(str(CHAT), _message(disable_web_page_preview=True))
    (sent,) = standin.sent
    assert result == SendResult.sent(str(sent.message_id))
    assert (sent.chat_id, sent.text, sent.plain, sent.disable_preview) == (
        CHAT,
        "<b>hello</b>",
        "hello",
        True,
    )


async def test_buttons_go_out_as_an_inline_keyboard(
    sender: TelegramSender, standin: BotApiStandIn
) -> None:
    markup = {"inline_keyboard": [[{"text": "Trade talks", "callback_data": "subscribe x"}]]}
    await sender.send(str(CHAT), _message("Which?", reply_markup=markup))
    assert standin.sent[0].reply_markup == markup


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ((403, "Forbidden: bot was blocked by the user"), SendStatus.GONE),
        ((403, "Forbidden: bot was kicked from the supergroup chat"), SendStatus.GONE),
        ((403, "Forbidden: user is deactivated"), SendStatus.GONE),
        ((400, "Bad Request: chat not found"), SendStatus.GONE),
        ((400, "Bad Request: message is too long"), SendStatus.FAILED),
        ((400, "Bad Request: can't parse entities: Unsupported start tag"), SendStatus.FAILED),
        ((500, "Internal Server Error"), SendStatus.RETRY),
        ((502, "Bad Gateway"), SendStatus.RETRY),
    ],
)
async def test_errors_become_outcomes(
    sender: TelegramSender, standin: BotApiStandIn, fault: tuple[int, str], expected: SendStatus
) -> None:
    standin.fail(CHAT, *fault)
    result = await sender.send(str(CHAT), _message())
    assert result.status is expected
    assert result.reason


async def test_rate_limit_asks_to_retry_after_the_given_delay(
    sender: TelegramSender, standin: BotApiStandIn
) -> None:
    standin.storm(1, retry_after=7)
    result = await sender.send(str(CHAT), _message())
    assert (result.status, result.retry_after) == (SendStatus.RETRY, 7.0)


async def test_a_migrated_group_reports_its_new_id(
    sender: TelegramSender, standin: BotApiStandIn
) -> None:
    standin.add_chat(-5, "group", "Desk")
    standin.upgrade_group(-5, -1005)
    result = await sender.send("-5", _message())
    assert (result.status, result.new_chat_id) == (SendStatus.MOVED, "-1005")


async def test_the_stand_in_refuses_what_telegram_refuses(
    sender: TelegramSender, standin: BotApiStandIn
) -> None:
    broken = await sender.send(str(CHAT), _message("<b>unclosed"))
    too_long = await sender.send(str(CHAT), _message("x" * 4097))
    unknown = await sender.send("777", _message())
    assert broken.status is SendStatus.FAILED
    assert "can't parse entities" in broken.reason.lower()
    assert (too_long.status, too_long.reason) == (SendStatus.FAILED, "Message is too long")
    assert unknown.status is SendStatus.GONE
    assert [code for _, code, _ in standin.rejected] == [400, 400, 400]


async def test_network_failure_is_a_retry(standin: BotApiStandIn) -> None:
    bot = Bot(standin.token, base_url=f"{standin.base_url}/bot")
    async with bot:
        sender = TelegramSender(bot)
        await standin.close()  # nothing listens any more
        result = await sender.send(str(CHAT), _message())
    assert result.status is SendStatus.RETRY


async def test_a_slow_answer_within_the_send_timeout_is_sent_once(
    standin: BotApiStandIn,
) -> None:
    standin.add_chat(CHAT)
    standin.answer_delay = 0.3  # the message is taken at once, the answer comes late
    for timeout, expected in ((2.0, SendStatus.SENT), (0.05, SendStatus.RETRY)):
        request = AiohttpRequest(read_timeout=timeout)
        async with Bot(standin.token, base_url=f"{standin.base_url}/bot", request=request) as bot:
            result = await TelegramSender(bot).send(str(CHAT), _message())
        assert result.status is expected
    # A timeout shorter than the answer means a retry of a message Telegram already has:
    # the duplicate a longer send timeout avoids.
    assert len(standin.sent) == 2


def test_the_shipped_send_timeout_outlasts_a_20_s_answer() -> None:
    settings = load_settings(environ={})
    app = build_application(TOKEN, "http://127.0.0.1:1", polling=True,
                            send_timeout=settings.delivery.send_timeout_seconds)  # fmt: skip
    assert settings.delivery.send_timeout_seconds >= 20
    assert app.bot.request.read_timeout == settings.delivery.send_timeout_seconds
    assert settings.delivery.lease_seconds >= 2 * settings.delivery.send_timeout_seconds
