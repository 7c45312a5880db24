"""HTTP mode's front door: verify, acknowledge, and hand the request to Bolt afterwards.

Slack wants a 200 within 3 seconds. Going through Bolt for it means its middleware chain and
its listener runner, which looks for the ``ack()`` every 10 ms, all on a busy event loop. So
here every request's signature and timestamp are checked first (forged, stale or unsigned ->
401, nothing else happens), then slash commands, button clicks and Events API callbacks get
their empty 200 at once and Bolt routes them to the listeners from the answer queue. Anything
whose response Bolt must write (URL verification, SSL check, other interactivity) is
dispatched to Bolt before answering, as before.

Each verified slash command takes its place in its channel's line here, on arrival
(:meth:`~bot.slack.lines.ChannelLines.admit`), and the listener fills it once Bolt has routed
the command (the place travels in Bolt's context as ``line_place``). So a flood is counted
from its first request, not from when Bolt gets to it: a command the line would skip (the
channel floods and has been told) is acknowledged and dropped here, reading only the two form
fields it needs, and handing it over would cost other channels time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote_plus

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.slack.backlog import AnswerQueue, Traffic
from bot.slack.lines import ChannelLines, Place, Turn

log = logging.getLogger(__name__)

# Interactivity whose acknowledgement carries nothing: the listener answers on its own.
ACK_ONLY_PAYLOADS = frozenset({"block_actions"})
FORM = "application/x-www-form-urlencoded"
# The key of a slash command's line place in Bolt's context (see the module docstring).
LINE_PLACE = "line_place"


def ack_only(body: str, content_type: str) -> str | None:
    """What ``body`` is if an empty 200 acknowledges it fully (``"command"``, ``"event"``,
    ``"block_actions"``); None when Bolt must write the response."""
    if content_type == "application/json":
        data = _json(body)
        return "event" if data.get("type") == "event_callback" else None
    if content_type != FORM:
        return None
    if form_field(body, "command"):
        return "command"
    payload = _json(form_field(body, "payload"))
    kind = payload.get("type")
    return kind if kind in ACK_ONLY_PAYLOADS else None


def command_chat_id(body: str) -> str:
    """The chat id (``team:channel``) a slash command's form ``body`` comes from."""
    return f"{form_field(body, 'team_id')}:{form_field(body, 'channel_id')}"


def form_field(body: str, name: str) -> str:
    """The first value of the field ``name`` in a URL-encoded form (empty when absent).

    Only that field is decoded: the front door reads a field or two of every request, and
    decoding the whole form for it costs more than the rest of the acknowledgement."""
    start = 0
    key = name + "="
    while (found := body.find(key, start)) >= 0:
        if found == 0 or body[found - 1] == "&":
            end = body.find("&", found)
            value = body[found + len(key) : end if end >= 0 else len(body)]
            return unquote_plus(value) if "%" in value or "+" in value else value
        start = found + 1
    return ""


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class FrontDoor:
    """The aiohttp handler for the events path (``POST /slack/events``)."""

    def __init__(
        self,
        app: AsyncApp,
        verifier: SignatureVerifier,
        answers: AnswerQueue,
        traffic: Traffic,
        lines: ChannelLines | None = None,
    ) -> None:
        self._app = app
        self._verifier = verifier
        self._answers = answers
        self._traffic = traffic
        self._lines = lines

    async def handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        if not self._verified(raw, request):
            log.warning("slack request from %s refused: bad or stale signature", request.remote)
            return web.Response(status=401)
        body = raw.decode("utf-8", "replace")
        kind = ack_only(body, request.content_type)
        place = None
        if kind == "command" and self._lines is not None:
            place = self._lines.admit(command_chat_id(body))
            if place.turn is Turn.SKIP:
                # A flooding channel, already told: acknowledged, not handed over, and not
                # counted as traffic the answers of other channels should wait for.
                return web.Response(status=200)
        self._traffic.arrived()
        try:
            return await self._handle(request, body, kind, place)
        finally:
            self._traffic.left()

    async def _handle(
        self, request: web.Request, body: str, kind: str | None, place: Place | None
    ) -> web.Response:
        bolt_request = _BoltRequestArgs(body, request.query_string, _headers(request), place)
        if kind is None:
            return await to_aiohttp_response(await self._app.async_dispatch(bolt_request.build()))
        if not self._answers.offer(lambda: self._dispatch(bolt_request, kind), kind):
            self._give_back(place)
            return web.Response(status=503)  # Slack retries events; a command shows the error
        return web.Response(status=200)

    def _verified(self, raw: bytes, request: web.Request) -> bool:
        timestamp = request.headers.get("X-Slack-Request-Timestamp")
        signature = request.headers.get("X-Slack-Signature")
        try:
            return self._verifier.is_valid(raw, timestamp, signature)
        except ValueError:  # a timestamp that is not a number
            return False

    async def _dispatch(self, args: _BoltRequestArgs, kind: str) -> None:
        # Bolt verifies the signature again, routes, and runs the listener to its end (the app
        # processes before responding in HTTP mode), so the queue's workers bound the work.
        try:
            response = await self._app.async_dispatch(args.build())
        finally:
            self._give_back(args.place)  # a command no listener took leaves its place free
        if response.status == 404:
            log.info("slack %s: no listener for it", kind)
        elif response.status >= 400:
            log.warning("slack %s not handled: %s %s", kind, response.status, response.body)

    def _give_back(self, place: Place | None) -> None:
        if place is not None and self._lines is not None:
            self._lines.give_back(place)


class _BoltRequestArgs:
    """What Bolt's request is built from; built in the worker, off the acknowledgement."""

    __slots__ = ("body", "headers", "place", "query")

    def __init__(
        self,
        body: str,
        query: str,
        headers: dict[str, str | Sequence[str]],
        place: Place | None = None,
    ) -> None:
        self.body = body
        self.query = query
        self.headers = headers
        self.place = place

    def build(self) -> AsyncBoltRequest:
        context = {LINE_PLACE: self.place} if self.place is not None else None
        return AsyncBoltRequest(
            body=self.body, query=self.query, headers=self.headers, context=context
        )


def _headers(request: web.Request) -> dict[str, str | Sequence[str]]:
    headers: dict[str, str | Sequence[str]] = {}
    for name in request.headers:
        headers[name.lower()] = request.headers.getall(name)
    return headers
