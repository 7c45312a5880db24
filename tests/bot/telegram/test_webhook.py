"""Webhook mode: the stand-in POSTs updates with the secret; anything else is refused."""

from __future__ import annotations

import socket

import aiohttp
import pytest
import sqlalchemy as sa

from bot.config import ConfigError, TelegramSettings
from bot.store.chats import ChatStore
from bot.telegram.adapter import TelegramAdapter
from bot.telegram.webhook import SECRET_HEADER
from tests.bot.telegram.conftest import BotFactory
from tests.telegram_standin import BotApiStandIn

SECRET = "s3cret_Token-1"
USER = 2001


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def webhook_bot(start_bot: BotFactory) -> TelegramAdapter:
    port = _free_port()
    settings = TelegramSettings(
        mode="webhook",
        listen="127.0.0.1",
        port=port,
        path="/telegram/hook",
        public_url=f"http://127.0.0.1:{port}",
    )
    return await start_bot(telegram=settings, webhook_secret=SECRET)


async def test_updates_arrive_by_webhook_with_the_right_secret(
    webhook_bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    assert webhook_bot.webhook is not None
    assert standin.webhook == {
        "url": f"http://127.0.0.1:{webhook_bot.webhook.port}/telegram/hook",
        "secret_token": SECRET,
    }
    standin.add_chat(USER)
    standin.send_text(USER, "/latest trade-talks")
    await standin.wait_for(lambda: bool(standin.sent_to(USER)))
    assert standin.webhook_statuses == [200]
    assert standin.sent_to(USER)[0].plain.startswith("Japan-US tariff talks")
    assert not [method for method, _ in standin.calls if method == "getUpdates"]


@pytest.mark.parametrize("headers", [{SECRET_HEADER: "wrong"}, {}])
async def test_a_wrong_or_missing_secret_is_refused(
    webhook_bot: TelegramAdapter,
    standin: BotApiStandIn,
    sqlite_engine: sa.Engine,
    headers: dict[str, str],
) -> None:
    standin.add_chat(USER)
    forged = standin.message(USER, "/subscribe trade-talks")
    url = standin.webhook["url"]
    body = {"update_id": 99, **forged}
    async with (
        aiohttp.ClientSession() as client,
        client.post(url, json=body, headers=headers) as reply,
    ):
        assert reply.status == 403
    # A genuine update afterwards is the first and only thing the chat hears about.
    standin.send_text(USER, "/settings")
    await standin.wait_for(lambda: bool(standin.sent_to(USER)))
    assert len(standin.sent_to(USER)) == 1
    assert ChatStore(sqlite_engine).subscriptions("telegram", str(USER)) == ()


def test_webhook_mode_needs_a_secret() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        TelegramAdapter(
            "1:x",
            handler=None,
            settings=TelegramSettings(mode="webhook", public_url="https://a"),  # type: ignore[arg-type]
        )
