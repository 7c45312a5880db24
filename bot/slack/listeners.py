"""The Bolt listeners: each turns a Slack event into a command request and answers it.

Every listener acknowledges first (Slack wants a 200 within 3 seconds) and does the work
after. In Socket Mode Bolt sends the acknowledgement while the listener goes on; in HTTP mode
the front door (:mod:`bot.slack.frontdoor`) has already answered with an empty 200, so
``ack()`` must carry nothing for commands, button clicks and events.

The work itself waits in its channel's line (:mod:`bot.slack.lines`): answered in order, a
flooding channel told once and skipped, and every answer sent within the bot's limits
(:mod:`bot.slack.answer`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapter import CommandHandler, reply_delivered
from bot.chat import CommandRequest, Reply
from bot.delivery.replies import FLOOD_NOTICE
from bot.slack import answer
from bot.slack.admins import AdminCheck
from bot.slack.answer import Limits
from bot.slack.dedupe import EventLedger
from bot.slack.frontdoor import LINE_PLACE
from bot.slack.home import HomeSource, home_view
from bot.slack.lines import ChannelLines, Place
from bot.slack.render import ACTION_PREFIX, SlackRenderer
from bot.slack.requests import Origin, command_request, strip_mentions

log = logging.getLogger(__name__)

SLASH_COMMAND = "/briefing"
ACTION_ID = re.compile("^" + re.escape(ACTION_PREFIX))
# Sends the reply to a command back where the command came from, and once Slack has taken all
# of it, tells the command handler (what the reply showed now counts as sent).
Respond = Callable[[CommandRequest, Reply], Awaitable[None]]


class SlackListeners:
    def __init__(
        self,
        handler: CommandHandler,
        renderer: SlackRenderer,
        admins: AdminCheck,
        home: HomeSource,
        ledger: EventLedger | None,
        limits: Limits,
        concurrency: int = 16,
    ) -> None:
        """``limits``: how a reply takes its turn in the bot's rate limiter."""
        self._handler = handler
        # Asking Slack who is an admin costs two Web API calls: only these commands need it.
        self._changes_chat = frozenset(c.name for c in handler.commands if c.changes_chat)
        self._private = frozenset(c.name for c in handler.commands if c.private)
        self._renderer = renderer
        self._admins = admins
        self._home = home
        self._ledger = ledger
        # After the ack, at most this many answers are worked on at once: a burst of commands
        # must not starve the acknowledgements of the requests still arriving.
        self._busy = asyncio.Semaphore(concurrency)
        self._limits = limits
        self.lines = ChannelLines()

    def register(self, app: AsyncApp) -> None:
        if self._ledger is not None:
            app.middleware(self._once_per_event)
        app.command(SLASH_COMMAND)(self.on_slash_command)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home_opened)
        app.action(ACTION_ID)(self.on_button)

    async def _once_per_event(
        self, body: dict[str, Any], next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if (
            event_id
            and self._ledger
            and not await self._ledger.first_time(str(event_id), body.get("team_id"))
        ):
            return BoltResponse(status=200, body="")
        await next()
        return None

    async def _request(
        self, client: AsyncWebClient, origin: Origin, text: str, default: str = "help"
    ) -> CommandRequest:
        request = command_request(origin, text, is_admin=False, default=default)
        if request.name not in self._changes_chat:
            return request  # only commands that change the chat look at the admin rule
        standing = await self._admins.standing(client, origin)
        return command_request(
            origin,
            text,
            is_admin=standing.is_admin,
            title=standing.channel_title,
            default=default,
        )

    # --- /briefing ----------------------------------------------------------------------------

    async def on_slash_command(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        origin = Origin(
            team_id=context.team_id or body.get("team_id", ""),
            channel_id=body.get("channel_id", ""),
            user_id=body.get("user_id", ""),
            channel_name=_channel_name(body.get("channel_name", "")),
        )
        respond = self._via_response_url(client, body.get("response_url", ""))
        place = context.get(LINE_PLACE)  # taken by HTTP mode's front door on arrival
        self._queue(client, origin, body.get("text", ""), respond, place)

    def _queue(
        self,
        client: AsyncWebClient,
        origin: Origin,
        line: str,
        respond: Respond,
        place: Place | None = None,
    ) -> None:
        """Run the command ``line`` typed at ``origin`` in its channel's turn (the ``place``
        it took on arrival, if it took one); ``respond`` sends the reply."""

        async def work() -> None:
            async with self._busy:
                request = await self._request(client, origin, line)
                reply = await self._handler.handle(request)
            await respond(request, reply)  # waiting for the channel's turn holds no place

        async def notice() -> None:
            request = command_request(origin, line, is_admin=False)
            await respond(request, Reply.error(FLOOD_NOTICE))

        if isinstance(place, Place) and place.chat_id == origin.chat_id:
            self.lines.fill(place, work, notice)
        else:
            self.lines.offer(origin.chat_id, work, notice)

    def _via_response_url(self, client: AsyncWebClient, response_url: str) -> Respond:
        async def respond(request: CommandRequest, reply: Reply) -> None:
            if await answer.via_response_url(
                response_url,
                client,
                request,
                self._renderer.render(reply),
                answer.is_private(request, reply, self._private),
                self._limits,
            ):
                await reply_delivered(self._handler, reply)

        return respond

    def _via_post(self, client: AsyncWebClient, thread_ts: str | None = None) -> Respond:
        async def respond(request: CommandRequest, reply: Reply) -> None:
            if await answer.via_post(
                client,
                request,
                self._renderer.render(reply),
                answer.is_private(request, reply, self._private),
                self._limits,
                thread_ts,
            ):
                await reply_delivered(self._handler, reply)

        return respond

    # --- @briefbot latest trade-talks -------------------------------------------------------

    async def on_mention(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        origin = _event_origin(event, context)
        respond = self._via_post(client, event.get("thread_ts"))
        self._queue(client, origin, strip_mentions(event.get("text", "")), respond)

    # --- DMs ----------------------------------------------------------------------------------

    async def on_message(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return  # channel chatter, edits, joins and bots' messages are not commands
        self._queue(
            client,
            _event_origin(event, context),
            strip_mentions(event.get("text", "")),
            self._via_post(client),
        )

    # --- App Home -----------------------------------------------------------------------------

    async def on_home_opened(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        if event.get("tab", "home") != "home":
            return
        async with self._busy:
            team_id = context.team_id or ""
            await self._publish_home(client, team_id, event["user"], event["channel"])

    async def _publish_home(
        self, client: AsyncWebClient, team_id: str, user_id: str, dm_channel: str
    ) -> None:
        data = await self._home.load(team_id, f"{team_id}:{dm_channel}")
        try:
            await client.views_publish(user_id=user_id, view=home_view(data, dm_channel))
        except SlackApiError as exc:
            log.warning(
                "slack chat %s:%s: home for %s not published: %s",
                team_id,
                dm_channel,
                user_id,
                exc.response.get("error"),
            )

    # --- buttons ------------------------------------------------------------------------------

    async def on_button(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        team_id = context.team_id or (body.get("team") or {}).get("id", "")
        user_id = (body.get("user") or {}).get("id", "")
        view = body.get("view") or {}
        if view.get("type") == "home":
            dm_channel = view.get("private_metadata", "")
            post = self._via_post(client)

            async def republish(request: CommandRequest, reply: Reply) -> None:
                if reply.is_error:
                    await post(request, reply)
                await self._publish_home(client, team_id, user_id, dm_channel)

            self._queue(
                client, Origin(team_id, dm_channel, user_id), action.get("value", ""), republish
            )
            return
        channel = body.get("channel") or {}
        origin = Origin(
            team_id, channel.get("id", ""), user_id, _channel_name(channel.get("name", ""))
        )
        respond = self._via_response_url(client, body.get("response_url", ""))
        self._queue(client, origin, action.get("value", ""), respond)


def _event_origin(event: dict[str, Any], context: AsyncBoltContext) -> Origin:
    return Origin(
        team_id=context.team_id or event.get("team", ""),
        channel_id=event.get("channel", ""),
        user_id=event.get("user", ""),
    )


def _channel_name(name: str) -> str:
    # Slack sends "directmessage" / "privategroup" as the name of DMs and private groups.
    return "" if name in ("directmessage", "privategroup", "mpdm") else name
