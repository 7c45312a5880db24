"""The Telegram adapter: a python-telegram-bot ``Application`` wired to the command handler.

Polling by default; in webhook mode an aiohttp server takes the updates (see
:mod:`bot.telegram.webhook`). The Bot API base URL is configurable, so a private Bot API
server or a test stand-in works the same as Telegram's own.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from datetime import timedelta

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)
from telegram.ext import CommandHandler as PtbCommandHandler

from bot.adapter import CommandHandler
from bot.clock import Clock, SystemClock
from bot.commands.base import Command
from bot.config import ConfigError, DeliverySettings, Settings, TelegramSettings
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.replies import LimitedReplies
from bot.delivery.sender import Sender
from bot.delivery.worker import Sleep
from bot.render import Renderer
from bot.telegram.admins import AdminCache
from bot.telegram.handlers import ChatMigrator, TelegramHandlers
from bot.telegram.ordering import PerChatUpdateProcessor
from bot.telegram.render import TelegramRenderer
from bot.telegram.sender import TelegramSender
from bot.telegram.transport import AiohttpRequest
from bot.telegram.webhook import AnyApplication, WebhookServer

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://api.telegram.org"
ALLOWED_UPDATES = (Update.MESSAGE, Update.CHANNEL_POST, Update.CALLBACK_QUERY)
# Updates handled at once (one at a time per chat, see bot.telegram.ordering).
MAX_CONCURRENT_UPDATES = 256
# Open connections to the Bot API for sending (getUpdates has its own one).
CONNECTIONS = 128
# delivery.send_timeout_seconds when no settings are given.
SEND_TIMEOUT_SECONDS = DeliverySettings().send_timeout_seconds
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class TelegramAdapter:
    """Implements :class:`bot.adapter.Adapter` for Telegram."""

    platform = "telegram"

    def __init__(
        self,
        token: str,
        handler: CommandHandler,
        settings: TelegramSettings | None = None,
        *,
        api_base_url: str = "",
        webhook_secret: str = "",
        chats: ChatMigrator | None = None,
        clock: Clock | None = None,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
        limiter: RateLimiter | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        """``limiter``: the bot's one rate limiter, shared with the delivery worker, which
        replies wait their turn in (None: replies go at once)."""
        self._settings = settings or TelegramSettings()
        if self._settings.mode == "webhook" and not _SECRET.match(webhook_secret):
            raise ConfigError(
                "TELEGRAM_WEBHOOK_SECRET must be set in webhook mode "
                "(1-256 characters: letters, digits, _ and -)"
            )
        clock = clock or SystemClock()
        # Logged instead of the bot's own URL, which holds the token.
        self._api_base_url = api_base_url or DEFAULT_API_BASE_URL
        self.application = build_application(
            token,
            self._api_base_url,
            polling=self._settings.mode == "polling",
            send_timeout=send_timeout,
        )
        renderer = TelegramRenderer()
        sender = TelegramSender(self.application.bot)
        self.renderer: Renderer = renderer
        self.sender: Sender = sender
        admins = AdminCache(
            self.application.bot, clock, timedelta(seconds=self._settings.admin_cache_seconds)
        )
        replies = LimitedReplies(sender, limiter, clock, sleep)
        self._handlers = TelegramHandlers(handler, renderer, replies, admins, chats, clock)
        processor = self.application.update_processor
        if isinstance(processor, PerChatUpdateProcessor):
            processor.on_flood = self._handlers.on_flood
        self._webhook: WebhookServer | None = None
        if self._settings.mode == "webhook":
            s = self._settings
            self._webhook = WebhookServer(
                self.application, s.listen, s.port, s.path, webhook_secret
            )
        self._webhook_secret = webhook_secret
        self._commands = handler.commands
        register(self.application, self._handlers, self._commands)

    @property
    def webhook(self) -> WebhookServer | None:
        return self._webhook

    @property
    def polls(self) -> bool:
        """Polling ``getUpdates``, which one replica of the bot at a time may do (Telegram
        answers a second poller 409 Conflict); a webhook serves on every replica."""
        return self._webhook is None

    async def start(self) -> None:
        app = self.application
        await app.initialize()
        await self._publish_menu()
        await app.start()
        if self._webhook is None:
            assert app.updater is not None
            await app.updater.start_polling(
                timeout=self._settings.poll_timeout_seconds,
                allowed_updates=list(ALLOWED_UPDATES),
            )
            logger.info("telegram bot @%s: polling %s", app.bot.username, self._api_base_url)
            return
        await self._webhook.start()
        url = self._settings.public_url.rstrip("/") + self._settings.path
        await app.bot.set_webhook(
            url, secret_token=self._webhook_secret, allowed_updates=list(ALLOWED_UPDATES)
        )
        logger.info("telegram bot @%s: webhook %s", app.bot.username, url)

    async def stop(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if self._webhook is not None:
            await self._webhook.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        # After a failed start (token rejected, network down) the application never counted
        # as initialized, but its bot's HTTP sessions are open: close them (a no-op otherwise).
        await app.bot.shutdown()

    async def _publish_menu(self) -> None:
        try:
            await self.application.bot.set_my_commands(menu(self._commands))
        except TelegramError as error:
            # The menu is a convenience; commands work without it.
            logger.warning("telegram bot: setMyCommands failed: %s", error)


def build_application(
    token: str,
    api_base_url: str,
    polling: bool,
    send_timeout: float = SEND_TIMEOUT_SECONDS,
) -> AnyApplication:
    """A PTB application on ``api_base_url`` (``/bot<token>/<method>`` below it, as Telegram's
    own server and the self-hosted Bot API server lay it out).

    Calls wait ``send_timeout`` seconds for Telegram's answer: a send that times out is
    retried, and Telegram may have delivered it after all, so the wait outlasts a slow answer.
    """
    # Also take the PTB-style ".../bot" spelling of the same server.
    base = api_base_url.rstrip("/").removesuffix("/bot")
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .concurrent_updates(PerChatUpdateProcessor(MAX_CONCURRENT_UPDATES))
        .job_queue(None)
        .request(AiohttpRequest(connections=CONNECTIONS, read_timeout=send_timeout))
        .get_updates_request(AiohttpRequest(connections=1))
    )
    if not polling:
        builder = builder.updater(None)
    return builder.build()


def menu(commands: Sequence[Command]) -> list[BotCommand]:
    """The command menu published with setMyCommands: every command that has a menu line."""
    return [BotCommand(c.name, c.menu) for c in commands if c.menu]


def register(
    application: AnyApplication, handlers: TelegramHandlers, commands: Sequence[Command]
) -> None:
    """Route every command of the registry (in groups and channels as well as in private)."""
    updates = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
    names = [command.name for command in commands]
    application.add_handler(PtbCommandHandler(names, handlers.on_command, filters=updates))
    application.add_handler(CallbackQueryHandler(handlers.on_callback))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, handlers.on_migrate))
    private_text = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT
    application.add_handler(MessageHandler(private_text, handlers.on_private_text))
    application.add_error_handler(handlers.on_error)


def build_telegram_adapter(
    settings: Settings,
    handler: CommandHandler,
    chats: ChatMigrator | None = None,
    clock: Clock | None = None,
    limiter: RateLimiter | None = None,
) -> TelegramAdapter:
    """The adapter from settings (token, base URL and webhook secret from the environment)."""
    secrets = settings.secrets
    if not secrets.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    return TelegramAdapter(
        secrets.telegram_bot_token,
        handler,
        settings.telegram,
        api_base_url=secrets.telegram_api_base_url,
        webhook_secret=secrets.telegram_webhook_secret,
        chats=chats,
        clock=clock,
        send_timeout=settings.delivery.send_timeout_seconds,
        limiter=limiter,
    )
