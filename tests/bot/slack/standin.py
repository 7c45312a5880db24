"""A Slack Web API stand-in on 127.0.0.1 for the real slack-sdk and Bolt clients.

Serves ``/api/<method>`` (GET and POST; query, form and JSON bodies), ``response_url``
endpoints under ``/response/<key>`` and a Socket Mode websocket at ``/socket``. It records
every call, checks Block Kit limits like Slack does (``invalid_blocks``), and can inject
``429`` + ``Retry-After`` (Web API methods and ``response_url``), archived channels, and slow
answers (a method's answer held until the test releases it, or for a set time: benchmarks).
Tests wait on :meth:`SlackStandin.wait_for`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_TEXT = 40000


@dataclass(frozen=True, slots=True)
class Team:
    team_id: str
    token: str
    bot_user_id: str = "UBOT"
    name: str = ""


@dataclass(frozen=True, slots=True)
class Call:
    method: str
    team_id: str
    params: dict[str, Any]


@dataclass(slots=True)
class Workspace:
    """People and channels the stand-in knows; unknown users are plain members."""

    admins: set[str] = field(default_factory=set)
    channel_creators: dict[str, str] = field(default_factory=dict)


def block_errors(blocks: Any, max_blocks: int = MAX_BLOCKS) -> list[str]:
    """What Slack would object to in ``blocks`` (the subset of checks the bot must respect)."""
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return ["blocks must be a list"]
    errors = []
    if len(blocks) > max_blocks:
        errors.append(f"no more than {max_blocks} items allowed [json-pointer:/blocks]")
    for index, block in enumerate(blocks):
        kind = block.get("type")
        text = (block.get("text") or {}).get("text", "")
        if kind == "section" and not 0 < len(text) <= MAX_SECTION_TEXT:
            errors.append(f"must be 1..3000 characters [json-pointer:/blocks/{index}/text]")
        if kind == "header" and not 0 < len(text) <= MAX_HEADER_TEXT:
            errors.append(f"must be 1..150 characters [json-pointer:/blocks/{index}/text]")
    return errors


class SlackStandin:
    def __init__(self) -> None:
        self.teams: dict[str, Team] = {}
        self.workspaces: dict[str, Workspace] = {}
        self.app_tokens: set[str] = {"xapp-test"}
        self.oauth_codes: dict[str, Team] = {}
        self.archived: set[str] = set()
        self.rate_limits: dict[str, list[float]] = {}
        self.calls: list[Call] = []  # accepted calls
        self.arrived: list[str] = []  # every Web API request's method, as it arrives
        self.held: set[str] = set()  # methods whose answer waits for ``release``
        self.release = asyncio.Event()
        # Methods whose answer comes this many seconds late; the call is taken first.
        self.answer_delays: dict[str, float] = {}
        self.refused: list[tuple[Call, str]] = []  # calls answered ok: false, with the error
        self.responses: dict[str, list[dict[str, Any]]] = {}
        # response URLs (by key) that answer this HTTP status (a 500, a 404 once expired)
        self.response_errors: dict[str, int] = {}
        self.refused_responses: list[tuple[str, int]] = []  # (key, status) answered not ok
        self.response_times: dict[str, float] = {}  # key -> perf_counter() of the first answer
        self.acks: dict[str, dict[str, Any]] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.root = ""

    # --- setup ------------------------------------------------------------------------------

    def add_team(self, team_id: str, token: str, bot_user_id: str = "UBOT") -> Team:
        team = Team(team_id, token, bot_user_id, name=f"Team {team_id}")
        self.teams[token] = team
        self.workspaces.setdefault(team_id, Workspace())
        return team

    def workspace(self, team_id: str) -> Workspace:
        return self.workspaces.setdefault(team_id, Workspace())

    def limit_once(self, method: str, retry_after: float = 3) -> None:
        """The next call of ``method`` (``"response_url"``: the next answer posted to any
        response URL) gets 429 with ``Retry-After: retry_after``."""
        self.rate_limits.setdefault(method, []).append(retry_after)

    @property
    def base_url(self) -> str:
        return f"{self.root}/api/"

    def response_url(self, key: str = "") -> str:
        key = key or uuid.uuid4().hex
        self.responses.setdefault(key, [])
        return f"{self.root}/response/{key}"

    async def start(self) -> SlackStandin:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.root = f"http://127.0.0.1:{port}"
        return self

    async def close(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- waiting ----------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], bool], seconds: float = 5.0) -> None:
        async with asyncio.timeout(seconds), self._changed:
            await self._changed.wait_for(predicate)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def called(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    # --- Web API ----------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        self.arrived.append(method)
        await self._notify()
        limited = self._rate_limited(method)
        if limited is not None:
            return limited
        if method in self.held:
            await self.release.wait()
        if method == "oauth.v2.access":
            return web.json_response(await self._oauth_access(params))
        token = _token(request, params)
        if method == "apps.connections.open":
            if token not in self.app_tokens:
                return web.json_response({"ok": False, "error": "invalid_auth"})
            ws_url = self.root.replace("http://", "ws://") + "/socket"
            return web.json_response({"ok": True, "url": ws_url})
        team = self.teams.get(token)
        if team is None:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"}, status=404)
        answer: dict[str, Any] = handler(team, params)
        call = Call(method, team.team_id, params)
        if answer.get("ok"):
            self.calls.append(call)
        else:
            self.refused.append((call, str(answer.get("error"))))
        await self._notify()
        if delay := self.answer_delays.get(method):
            await asyncio.sleep(delay)
        return web.json_response(answer)

    def _rate_limited(self, method: str) -> web.Response | None:
        delays = self.rate_limits.get(method)
        if not delays:
            return None
        retry_after = delays.pop(0)
        return web.json_response(
            {"ok": False, "error": "ratelimited"},
            status=429,
            headers={"Retry-After": str(int(retry_after))},
        )

    def _auth_test(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{team.team_id.lower()}.slack.example/",
            "team": team.name,
            "user": "briefbot",
            "team_id": team.team_id,
            "user_id": team.bot_user_id,
            "bot_id": "B" + team.bot_user_id,
            "is_enterprise_install": False,
        }

    def _message_errors(self, params: dict[str, Any]) -> dict[str, Any] | None:
        channel = str(params.get("channel", ""))
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if channel in self.archived:
            return {"ok": False, "error": "is_archived"}
        if len(str(params.get("text", ""))) > MAX_TEXT:
            return {"ok": False, "error": "msg_too_long"}
        errors = block_errors(params.get("blocks"))
        if errors:
            return {"ok": False, "error": "invalid_blocks", "errors": errors}
        return None

    def _chat_postMessage(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        error = self._message_errors(params)
        if error:
            return error
        ts = f"{next(self._ts)}.000100"
        return {"ok": True, "channel": params["channel"], "ts": ts, "message": {"ts": ts}}

    def _chat_postEphemeral(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        error = self._message_errors(params)
        if error:
            return error
        if not params.get("user"):
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "message_ts": f"{next(self._ts)}.000200"}

    def _views_publish(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        view = params.get("view")
        if not isinstance(view, dict) or view.get("type") != "home" or not params.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        errors = block_errors(view.get("blocks"), MAX_VIEW_BLOCKS)
        if errors:
            return {"ok": False, "error": "invalid_blocks", "errors": errors}
        return {"ok": True, "view": {"id": "V" + uuid.uuid4().hex[:8], **view}}

    def _conversations_info(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        creator = self.workspace(team.team_id).channel_creators.get(channel, "UCREATOR")
        return {
            "ok": True,
            "channel": {
                "id": channel,
                "name": f"channel-{channel.lower()}",
                "is_im": channel.startswith("D"),
                "is_archived": channel in self.archived,
                "creator": creator,
            },
        }

    def _users_info(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        user = str(params.get("user", ""))
        admin = user in self.workspace(team.team_id).admins
        return {"ok": True, "user": {"id": user, "is_admin": admin, "is_owner": False}}

    async def _oauth_access(self, params: dict[str, Any]) -> dict[str, Any]:
        team = self.oauth_codes.pop(str(params.get("code", "")), None)
        if team is None:
            return {"ok": False, "error": "invalid_code"}
        self.add_team(team.team_id, team.token, team.bot_user_id)
        self.calls.append(Call("oauth.v2.access", team.team_id, params))
        await self._notify()
        return {
            "ok": True,
            "app_id": "A0BRIEF",
            "authed_user": {"id": "UINSTALLER"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": team.token,
            "bot_user_id": team.bot_user_id,
            "team": {"id": team.team_id, "name": team.name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    # --- response_url -----------------------------------------------------------------------

    async def _response(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        payload = await request.json()
        refusal = self._rate_limited("response_url")
        if refusal is None and key in self.response_errors:
            refusal = web.Response(status=self.response_errors[key], text="server_error")
        if refusal is not None:
            self.refused_responses.append((key, refusal.status))
            await self._notify()
            return refusal
        errors = block_errors(payload.get("blocks"))
        if errors:
            return web.json_response({"ok": False, "error": "invalid_blocks"}, status=400)
        self.responses.setdefault(key, []).append(payload)
        self.response_times.setdefault(key, time.perf_counter())
        await self._notify()
        return web.Response(text="ok")

    # --- Socket Mode ------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0BRIEF"}}
        await socket.send_json(hello)
        await self._notify()
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                ack = json.loads(message.data)
                if "envelope_id" in ack:
                    self.acks[ack["envelope_id"]] = ack
                    await self._notify()
        finally:
            self._sockets.remove(socket)
            await self._notify()
        return socket

    @property
    def socket_connected(self) -> bool:
        return bool(self._sockets)

    async def send_envelope(self, kind: str, payload: dict[str, Any], retry: int = 0) -> str:
        """Push one Socket Mode envelope to the connected app; returns its envelope_id."""
        envelope_id = uuid.uuid4().hex
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry,
            "retry_reason": "timeout" if retry else "",
        }
        await self._sockets[-1].send_json(envelope)
        return envelope_id


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.method != "POST" or not request.can_read_body:
        return params
    if request.content_type == "application/json":
        params.update(await request.json())
    else:
        params.update(dict(await request.post()))
    for name in ("blocks", "view"):
        if isinstance(params.get(name), str):  # form bodies carry JSON strings
            params[name] = json.loads(params[name])
    return params


def _token(request: web.Request, params: dict[str, Any]) -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip()
    return str(params.get("token", ""))
