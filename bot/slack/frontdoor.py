"""HTTP mode's front door: verify, acknowledge, and hand the request to Bolt afterwards.

Slack wants a 200 within 3 seconds. Going through Bolt for it means its middleware chain and
its listener runner, which looks for the ``ack()`` every 10 ms, all on a busy event loop. So
here every request's signature and timestamp are checked first (forged, stale or unsigned ->
401, nothing else happens), then slash commands, button clicks and Events API callbacks get
their empty 200 at once and Bolt routes them to the listeners from the answer queue. Anything
whose response Bolt must write (URL verification, SSL check, other interactivity) is
dispatched to Bolt before answering, as before.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.slack.backlog import AnswerQueue, Traffic

log = logging.getLogger(__name__)

# Interactivity whose acknowledgement carries nothing: the listener answers on its own.
ACK_ONLY_PAYLOADS = frozenset({"block_actions"})
FORM = "application/x-www-form-urlencoded"


def ack_only(body: str, content_type: str) -> str | None:
    """What ``body`` is if an empty 200 acknowledges it fully (``"command"``, ``"event"``,
    ``"block_actions"``); None when Bolt must write the response."""
    if content_type == "application/json":
        data = _json(body)
        return "event" if data.get("type") == "event_callback" else None
    if content_type != FORM:
        return None
    form = parse_qs(body)
    if form.get("command"):
        return "command"
    payload = _json(form.get("payload", [""])[0])
    kind = payload.get("type")
    return kind if kind in ACK_ONLY_PAYLOADS else None


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
    ) -> None:
        self._app = app
        self._verifier = verifier
        self._answers = answers
        self._traffic = traffic

    async def handle(self, request: web.Request) -> web.Response:
        self._traffic.arrived()
        try:
            return await self._handle(request)
        finally:
            self._traffic.left()

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        if not self._verified(raw, request):
            log.warning("slack request from %s refused: bad or stale signature", request.remote)
            return web.Response(status=401)
        body = raw.decode("utf-8", "replace")
        bolt_request = _BoltRequestArgs(body, request.query_string, _headers(request))
        kind = ack_only(body, request.content_type)
        if kind is None:
            return await to_aiohttp_response(await self._app.async_dispatch(bolt_request.build()))
        if not self._answers.offer(lambda: self._dispatch(bolt_request, kind), kind):
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
        response = await self._app.async_dispatch(args.build())
        if response.status == 404:
            log.info("slack %s: no listener for it", kind)
        elif response.status >= 400:
            log.warning("slack %s not handled: %s %s", kind, response.status, response.body)


class _BoltRequestArgs:
    """What Bolt's request is built from; built in the worker, off the acknowledgement."""

    __slots__ = ("body", "headers", "query")

    def __init__(self, body: str, query: str, headers: dict[str, str | Sequence[str]]) -> None:
        self.body = body
        self.query = query
        self.headers = headers

    def build(self) -> AsyncBoltRequest:
        return AsyncBoltRequest(body=self.body, query=self.query, headers=self.headers)


def _headers(request: web.Request) -> dict[str, str | Sequence[str]]:
    headers: dict[str, str | Sequence[str]] = {}
    for name in request.headers:
        headers[name.lower()] = request.headers.getall(name)
    return headers
