"""The Slack adapter: the Bolt app, how Slack reaches it, and the renderer and sender.

:func:`build_slack_adapter` is the one place the Slack parts are wired together.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math

import aiohttp
import sqlalchemy as sa
from slack_bolt.async_app import AsyncApp

from bot.adapter import CommandHandler
from bot.clock import Clock
from bot.config import Settings
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.replies import LimitedReplies
from bot.delivery.sender import Sender
from bot.delivery.worker import Sleep
from bot.render import Renderer
from bot.slack.admins import AdminCheck
from bot.slack.bolt import build_app
from bot.slack.client import SEND_TIMEOUT_SECONDS
from bot.slack.config import SlackConfig, slack_config
from bot.slack.dedupe import EventLedger
from bot.slack.home import HomeSource, StoreHome
from bot.slack.installations import DbInstallationStore, DbOAuthStateStore
from bot.slack.lines import ChannelLines
from bot.slack.listeners import SlackListeners
from bot.slack.render import SlackRenderer
from bot.slack.sender import SlackSender
from bot.slack.tokens import InstalledTokens, SingleToken, TokenSource
from bot.slack.transport import HttpTransport, SocketTransport, Transport

log = logging.getLogger(__name__)


class SlackAdapter:
    """Implements :class:`bot.adapter.Adapter` for Slack."""

    platform = "slack"
    renderer: Renderer
    sender: Sender

    def __init__(
        self,
        app: AsyncApp,
        transport: Transport,
        renderer: SlackRenderer,
        sender: SlackSender,
        listeners: SlackListeners | None = None,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
    ) -> None:
        self.app = app
        self.listeners = listeners
        self.transport = transport
        self.renderer = renderer
        self.sender = sender
        self._sender = sender
        self._session: aiohttp.ClientSession | None = None
        self._send_timeout = send_timeout

    @property
    def port(self) -> int | None:
        """The HTTP port actually bound (HTTP mode, after :meth:`start`)."""
        return self.transport.port if isinstance(self.transport, HttpTransport) else None

    async def start(self) -> None:
        # One HTTP session for every Web API call, so connections are kept alive; Bolt's
        # per-request clients take it from the app's client. slack-sdk's clients use the
        # session's timeout, not their own, once given a session: it is the send timeout.
        timeout = aiohttp.ClientTimeout(total=math.ceil(self._send_timeout))
        self._session = aiohttp.ClientSession(timeout=timeout)
        self.app.client.session = self._session
        self._sender.use_session(self._session)
        await self.transport.start()

    async def stop(self) -> None:
        try:
            await self.transport.stop()
            if self.listeners is not None:
                await self.listeners.lines.stop()
        finally:
            self.app.client.session = None
            self._sender.use_session(None)
            if self._session is not None:
                await self._session.close()
                self._session = None


def build_slack_adapter(
    settings: Settings,
    engine: sa.Engine,
    handler: CommandHandler,
    clock: Clock,
    home: HomeSource | None = None,
    limiter: RateLimiter | None = None,
    sleep: Sleep = asyncio.sleep,
) -> SlackAdapter:
    """The adapter for the deployment in ``settings``; ConfigError if Slack is misconfigured.

    ``limiter``: the bot's one rate limiter, shared with the delivery worker, which replies
    wait their turn in (None: replies go at once, still waiting out a 429).
    """
    config = slack_config(settings)
    installations = DbInstallationStore(engine) if config.multi_workspace else None
    states = DbOAuthStateStore(engine, clock) if config.multi_workspace else None
    send_timeout = settings.delivery.send_timeout_seconds
    app = build_app(config, installations, states, send_timeout)
    renderer = SlackRenderer()
    listeners = SlackListeners(
        handler,
        renderer,
        AdminCheck(clock),
        home or StoreHome(engine, settings),
        EventLedger(engine, clock),
        functools.partial(LimitedReplies, limiter=limiter, clock=clock, sleep=sleep),
    )
    listeners.register(app)
    tokens: TokenSource = (
        InstalledTokens(installations) if installations else SingleToken(config.bot_token)
    )
    log.info(
        "slack: %s mode, %s",
        config.mode,
        "multi-workspace install" if config.multi_workspace else "single workspace",
    )
    return SlackAdapter(
        app,
        _transport(app, config, listeners.lines),
        renderer,
        SlackSender(tokens, config.base_url, send_timeout),
        listeners,
        send_timeout,
    )


def _transport(app: AsyncApp, config: SlackConfig, lines: ChannelLines | None = None) -> Transport:
    if config.mode == "http":
        return HttpTransport(
            app, config.host, config.port, config.path, config.signing_secret, lines
        )
    return SocketTransport(app, config.app_token)
