"""The Bot API stand-in: an aiohttp server on 127.0.0.1 (port 0) that python-telegram-bot talks
to over real HTTP.

Tests register chats, push updates (delivered through long-poll ``getUpdates`` or POSTed to
the webhook set with ``setWebhook``), inject faults (blocked chats, migrated groups, 429
storms, enforced rate limits) and assert on :attr:`BotApiStandIn.sent`. Error answers use
Telegram's envelope: ``{"ok": false, "error_code", "description", "parameters"}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.telegram_standin.html import HtmlError, parse_html, utf16_len

ANONYMOUS_ADMIN_ID = 1087968824
Params = dict[str, Any]
_JSON_PARAMS = frozenset(
    {"reply_markup", "commands", "allowed_updates", "link_preview_options", "scope", "entities"}
)
_INT_PARAMS = frozenset({"offset", "limit", "timeout", "message_id", "user_id", "max_connections"})


class ApiError(Exception):
    def __init__(self, code: int, description: str, **parameters: int) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass(frozen=True, slots=True)
class SentMessage:
    chat_id: int
    message_id: int
    text: str  # as sent (HTML)
    plain: str  # visible text after entity parsing
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    disable_preview: bool
    at: float  # time.monotonic() when it arrived


@dataclass(slots=True)
class Chat:
    id: int
    type: str  # private, group, supergroup, channel
    title: str = ""
    admins: set[int] = field(default_factory=set)
    creator: int | None = None

    def json(self) -> dict[str, Any]:
        if self.type == "private":
            return {"id": self.id, "type": "private", "first_name": self.title or "User"}
        return {"id": self.id, "type": self.type, "title": self.title or f"Chat {self.id}"}


class BotApiStandIn:
    """Start with ``await standin.start()``; point the bot at :attr:`base_url`."""

    def __init__(
        self, token: str = "123456:TEST-token", username: str = "briefbot_test_bot"
    ) -> None:
        self.token = token
        self.username = username
        self.bot_id = int(token.split(":")[0])
        self.chats: dict[int, Chat] = {}
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.calls: list[tuple[str, Params]] = []
        self.callback_answers: list[Params] = []
        self.commands: list[dict[str, Any]] = []
        self.webhook: Params = {}
        self.webhook_statuses: list[int] = []
        self.delivered_at: dict[int, float] = {}  # update_id -> when handed to the bot
        self.on_sent: list[Callable[[SentMessage], None]] = []  # called for each sent message
        self.rejected: list[tuple[int, int, str]] = []  # (chat_id, error_code, description)
        self.blocked: dict[int, str] = {}
        self.migrated: dict[int, int] = {}
        self.faults: dict[int, ApiError] = {}
        self._storm = 0
        self._storm_retry_after = 1
        self._limits: tuple[float, float, float] | None = None
        self._rate_clock: Callable[[], float] = time.monotonic
        self._global_window: deque[float] = deque()
        self._chat_windows: dict[int, deque[float]] = {}
        self._updates: list[Params] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._updates_changed = asyncio.Condition()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None
        self._port = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self._port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        # Long polls still open answer now, so shutting the server down does not wait for them.
        self._closing = True
        await self._notify(self._updates_changed)
        for task in list(self._tasks):
            task.cancel()
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    # --- chats and updates --------------------------------------------------------------

    def add_chat(
        self,
        chat_id: int,
        kind: str = "private",
        title: str = "",
        admins: tuple[int, ...] = (),
        creator: int | None = None,
    ) -> Chat:
        chat = Chat(chat_id, kind, title, set(admins), creator)
        self.chats[chat_id] = chat
        return chat

    def push_update(self, body: Params) -> int:
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **body}
        if self.webhook.get("url"):
            task = asyncio.get_running_loop().create_task(self._post_webhook(update))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        else:
            self._updates.append(update)
            task = asyncio.get_running_loop().create_task(self._notify(self._updates_changed))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return update_id

    def user(self, user_id: int, name: str = "") -> Params:
        return {"id": user_id, "is_bot": False, "first_name": name or f"User{user_id}"}

    def message(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        sender_chat_id: int | None = None,
        **extra: Any,
    ) -> Params:
        """A ``message`` (or ``channel_post``) update body for ``text`` in ``chat_id``."""
        chat = self.chats[chat_id]
        message: Params = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat.json(),
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(command)}
            ]
        if chat.type == "channel":
            message["sender_chat"] = chat.json()
            return {"channel_post": message}
        if sender_chat_id is not None:
            message["sender_chat"] = self.chats[sender_chat_id].json()
            message["from"] = {
                "id": ANONYMOUS_ADMIN_ID,
                "is_bot": True,
                "first_name": "Group",
                "username": "GroupAnonymousBot",
            }
        else:
            message["from"] = self.user(user_id if user_id is not None else chat_id)
        return {"message": message}

    def send_text(self, chat_id: int, text: str, user_id: int | None = None, **kw: Any) -> int:
        return self.push_update(self.message(chat_id, text, user_id, **kw))

    def tap(self, sent: SentMessage, data: str, user_id: int) -> int:
        """A callback query: ``user_id`` taps the button ``data`` under the message ``sent``."""
        chat = self.chats[sent.chat_id]
        message = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": chat.json(),
            "from": self._me(),
            "text": sent.plain,
            "reply_markup": sent.reply_markup,
        }
        query = {
            "id": str(next(self._message_ids)),
            "from": self.user(user_id),
            "chat_instance": f"ci{chat.id}",
            "data": data,
            "message": message,
        }
        return self.push_update({"callback_query": query})

    def upgrade_group(self, old_id: int, new_id: int) -> None:
        """The group ``old_id`` becomes the supergroup ``new_id`` (sending to the old id now
        answers 400 with ``migrate_to_chat_id``), without telling the bot."""
        old = self.chats[old_id]
        self.add_chat(new_id, "supergroup", old.title, tuple(old.admins), old.creator)
        self.migrated[old_id] = new_id

    def migrate_group(self, old_id: int, new_id: int, user_id: int) -> int:
        """:meth:`upgrade_group`, and the service message Telegram sends to the old group."""
        self.upgrade_group(old_id, new_id)
        old = self.chats[old_id]
        return self.push_update(
            {
                "message": {
                    "message_id": next(self._message_ids),
                    "date": int(time.time()),
                    "chat": old.json(),
                    "from": self.user(user_id),
                    "migrate_to_chat_id": new_id,
                }
            }
        )

    # --- faults -------------------------------------------------------------------------

    def block(
        self, chat_id: int, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        self.blocked[chat_id] = description

    def fail(self, chat_id: int, code: int, description: str, **parameters: int) -> None:
        """Every sendMessage to ``chat_id`` answers this error until :meth:`heal`."""
        self.faults[chat_id] = ApiError(code, description, **parameters)

    def heal(self, chat_id: int) -> None:
        self.faults.pop(chat_id, None)
        self.blocked.pop(chat_id, None)

    def storm(self, count: int, retry_after: int = 1) -> None:
        """The next ``count`` sendMessage calls answer 429 with ``retry_after``."""
        self._storm = count
        self._storm_retry_after = retry_after

    def enforce_rate_limits(
        self,
        per_second: float = 30,
        per_chat_per_second: float = 1,
        per_group_per_minute: float = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Answer 429 (with ``retry_after``) past Telegram's limits, counted in sliding
        windows of ``clock()`` seconds (a test's fake clock, or real time)."""
        self._limits = (per_second, per_chat_per_second, per_group_per_minute)
        self._rate_clock = clock

    # --- waiting ------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Until ``predicate()`` holds after some API call; TimeoutError after ``within`` s."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), within)

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        return [message for message in self.sent if message.chat_id == chat_id]

    # --- the API ------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            params = await _params(request)
            self.calls.append((method, params))
            handler = self._methods().get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
            response = web.json_response({"ok": True, "result": result})
        except ApiError as error:
            body: Params = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            response = web.json_response(body, status=error.code)
        await self._notify(self._changed)
        return response

    def _methods(self) -> dict[str, Callable[[Params], Awaitable[Any]]]:
        return {
            "getme": self._get_me,
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "getchatmember": self._get_chat_member,
            "getchatadministrators": self._get_chat_administrators,
            "close": self._true,
            "logout": self._true,
        }

    def _me(self) -> Params:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Briefbot",
            "username": self.username,
        }

    async def _true(self, params: Params) -> bool:
        return True

    async def _get_me(self, params: Params) -> Params:
        return {**self._me(), "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}  # fmt: skip

    async def _get_updates(self, params: Params) -> list[Params]:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = min(int(params.get("limit") or 100), 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            async with self._updates_changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._updates_changed.wait_for(
                            lambda: bool(self._updates) or self._closing
                        ),
                        timeout,
                    )
        batch = self._updates[:limit]
        now = time.monotonic()
        for update in batch:
            self.delivered_at.setdefault(update["update_id"], now)
        return batch

    async def _send_message(self, params: Params) -> Params:
        try:
            chat = self._chat(params)
            self._check_faults(chat)
            text, plain = self._check_text(params)
        except ApiError as error:
            self.rejected.append((_int(params.get("chat_id")), error.code, error.description))
            raise
        markup = params.get("reply_markup")
        preview = params.get("link_preview_options") or {}
        disabled = bool(preview.get("is_disabled")) or _bool(params.get("disable_web_page_preview"))
        message = SentMessage(
            chat.id, next(self._message_ids), text, plain, params.get("parse_mode"),
            markup, disabled, time.monotonic(),
        )  # fmt: skip
        self.sent.append(message)
        for listener in self.on_sent:
            listener(message)
        return self._message_json(chat, message)

    async def _edit_message_text(self, params: Params) -> Params:
        chat = self._chat(params)
        text, plain = self._check_text(params)
        message = SentMessage(
            chat.id, int(params["message_id"]), text, plain, params.get("parse_mode"),
            params.get("reply_markup"), True, time.monotonic(),
        )  # fmt: skip
        self.edits.append(message)
        return self._message_json(chat, message)

    async def _answer_callback_query(self, params: Params) -> bool:
        self.callback_answers.append(params)
        return True

    async def _set_my_commands(self, params: Params) -> bool:
        self.commands = list(params.get("commands") or [])
        return True

    async def _get_my_commands(self, params: Params) -> list[dict[str, Any]]:
        return self.commands

    async def _delete_webhook(self, params: Params) -> bool:
        self.webhook = {}
        if _bool(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def _set_webhook(self, params: Params) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith(("http://", "https://")):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook = {"url": url, "secret_token": params.get("secret_token") or ""}
        return True

    async def _get_webhook_info(self, params: Params) -> Params:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}  # fmt: skip

    async def _get_chat_member(self, params: Params) -> Params:
        chat = self._chat(params)
        return self._member(chat, int(params["user_id"]))

    async def _get_chat_administrators(self, params: Params) -> list[Params]:
        chat = self._chat(params)
        ids = sorted(chat.admins | ({chat.creator} if chat.creator is not None else set()))
        return [self._member(chat, user_id) for user_id in ids]

    # --- helpers ------------------------------------------------------------------------

    def _member(self, chat: Chat, user_id: int) -> Params:
        user = self.user(user_id)
        if user_id == chat.creator:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in chat.admins:
            rights = (
                "can_be_edited", "can_manage_chat", "can_delete_messages",
                "can_manage_video_chats", "can_restrict_members", "can_promote_members",
                "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
                "can_delete_stories",
            )  # fmt: skip
            return {"status": "administrator", "user": user, "is_anonymous": False,
                    **dict.fromkeys(rights, True)}  # fmt: skip
        return {"status": "member", "user": user}

    def _chat(self, params: Params) -> Chat:
        raw = str(params.get("chat_id", ""))
        try:
            return self.chats[int(raw)]
        except (ValueError, KeyError):
            raise ApiError(400, "Bad Request: chat not found") from None

    def _check_faults(self, chat: Chat) -> None:
        if self._storm > 0:
            self._storm -= 1
            retry = self._storm_retry_after
            raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        if chat.id in self.faults:
            raise self.faults[chat.id]
        if chat.id in self.blocked:
            raise ApiError(403, self.blocked[chat.id])
        if chat.id in self.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self.migrated[chat.id],
            )
        if self._limits is not None:
            self._check_rate(chat)

    def _check_rate(self, chat: Chat) -> None:
        assert self._limits is not None
        per_second, per_chat, per_group_minute = self._limits
        now = self._rate_clock()
        window = self._chat_windows.setdefault(chat.id, deque())
        span, allowed = (60.0, per_group_minute) if chat.type != "private" else (1.0, per_chat)
        for queue, length, count in (
            (self._global_window, 1.0, per_second),
            (window, span, allowed),
        ):
            while queue and queue[0] <= now - length:
                queue.popleft()
            if len(queue) >= count:
                wait = queue[0] + length - now
                raise ApiError(
                    429, f"Too Many Requests: retry after {math.ceil(wait)}",
                    retry_after=max(1, math.ceil(wait)),
                )  # fmt: skip
        if chat.type != "private":
            # a group also obeys the per-chat second limit
            recent = [t for t in window if t > now - 1.0]
            if len(recent) >= per_chat:
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._global_window.append(now)
        window.append(now)

    def _check_text(self, params: Params) -> tuple[str, str]:
        text = str(params.get("text") or "")
        plain = text
        if params.get("parse_mode") == "HTML":
            try:
                plain = parse_html(text).text
            except HtmlError as error:
                raise ApiError(400, f"Bad Request: can't parse entities: {error}") from None
        if not plain.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(plain) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return text, plain

    def _message_json(self, chat: Chat, message: SentMessage) -> Params:
        body: Params = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": chat.json(),
            "text": message.plain,
        }
        if chat.type != "channel":
            body["from"] = self._me()
        if message.reply_markup:
            body["reply_markup"] = message.reply_markup
        return body

    async def _post_webhook(self, update: Params) -> None:
        if self._client is None:
            self._client = aiohttp.ClientSession()
        headers = {}
        if self.webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
        async with self._client.post(self.webhook["url"], json=update, headers=headers) as reply:
            self.webhook_statuses.append(reply.status)
        await self._notify(self._changed)

    @staticmethod
    async def _notify(condition: asyncio.Condition) -> None:
        async with condition:
            condition.notify_all()


async def _params(request: web.Request) -> Params:
    """Bot API parameters from the query string, a JSON body or a form (as PTB sends them)."""
    params: Params = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
        return params
    if request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            params[key] = value if isinstance(value, str) else str(value)
    for key in _JSON_PARAMS & params.keys():
        if isinstance(params[key], str):
            params[key] = json.loads(params[key])
    for key in _INT_PARAMS & params.keys():
        if isinstance(params[key], str):
            params[key] = int(params[key])
    return params


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _bool(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")
