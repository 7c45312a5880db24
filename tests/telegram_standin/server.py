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
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web

from tests.telegram_standin import updates
from tests.telegram_standin.faults import Faults
from tests.telegram_standin.model import (
    ApiError,
    Chat,
    Params,
    SentMessage,
    member_json,
    message_json,
)
from tests.telegram_standin.wire import as_bool, as_int, check_text, read_params


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
        self.faults = Faults()
        self.conflicts = 0  # getUpdates calls ended by a newer one (409), as Telegram does
        self.long_polls = 0  # getUpdates calls waiting for an update now
        self._polls = 0
        # A slow platform: sendMessage takes the message at once, then answers this late.
        self.answer_delay = 0.0
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

    def message(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        sender_chat_id: int | None = None,
        **extra: Any,
    ) -> Params:
        """A ``message`` (or ``channel_post``) update body for ``text`` in ``chat_id``; from
        ``user_id`` (default: the chat's own id), or on behalf of ``sender_chat_id``."""
        sender = self.chats[sender_chat_id] if sender_chat_id is not None else None
        return updates.message(
            self.chats[chat_id], text, next(self._message_ids), user_id, sender, **extra
        )

    def send_text(self, chat_id: int, text: str, user_id: int | None = None, **kw: Any) -> int:
        return self.push_update(self.message(chat_id, text, user_id, **kw))

    def tap(self, sent: SentMessage, data: str, user_id: int) -> int:
        """A callback query: ``user_id`` taps the button ``data`` under the message ``sent``."""
        query_id = str(next(self._message_ids))
        body = updates.callback_query(
            self.chats[sent.chat_id], sent, data, user_id, query_id, self._me()
        )
        return self.push_update(body)

    def upgrade_group(self, old_id: int, new_id: int) -> None:
        """The group ``old_id`` becomes the supergroup ``new_id`` (sending to the old id now
        answers 400 with ``migrate_to_chat_id``), without telling the bot."""
        old = self.chats[old_id]
        self.add_chat(new_id, "supergroup", old.title, tuple(old.admins), old.creator)
        self.faults.migrated[old_id] = new_id

    def migrate_group(self, old_id: int, new_id: int, user_id: int) -> int:
        """:meth:`upgrade_group`, and the service message Telegram sends to the old group."""
        self.upgrade_group(old_id, new_id)
        body = updates.migration(self.chats[old_id], new_id, user_id, next(self._message_ids))
        return self.push_update(body)

    # --- faults -------------------------------------------------------------------------

    def block(
        self, chat_id: int, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        self.faults.blocked[chat_id] = description

    def fail(self, chat_id: int, code: int, description: str, **parameters: int) -> None:
        """Every sendMessage to ``chat_id`` answers this error until :meth:`heal`."""
        self.faults.errors[chat_id] = ApiError(code, description, **parameters)

    def heal(self, chat_id: int) -> None:
        self.faults.errors.pop(chat_id, None)
        self.faults.blocked.pop(chat_id, None)

    def storm(self, count: int, retry_after: int = 1) -> None:
        """The next ``count`` sendMessage calls answer 429 with ``retry_after``."""
        self.faults.storm(count, retry_after)

    def enforce_rate_limits(
        self,
        per_second: float = 30,
        per_chat_per_second: float = 1,
        per_group_per_minute: float = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Answer 429 (with ``retry_after``) past Telegram's limits, counted in sliding
        windows of ``clock()`` seconds (a test's fake clock, or real time)."""
        self.faults.enforce_rate_limits(
            per_second, per_chat_per_second, per_group_per_minute, clock
        )

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
            params = await read_params(request)
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
        # Like Telegram: a newer getUpdates ends one still waiting with 409 Conflict.
        self._polls += 1
        mine = self._polls
        await self._notify(self._updates_changed)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            self.long_polls += 1
            await self._notify(self._changed)
            try:
                async with self._updates_changed:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(
                            self._updates_changed.wait_for(
                                lambda: bool(self._updates) or self._closing or self._polls != mine
                            ),
                            timeout,
                        )
            finally:
                self.long_polls -= 1
        if self._polls != mine and not self._closing:
            self.conflicts += 1
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        batch = self._updates[:limit]
        now = time.monotonic()
        for update in batch:
            self.delivered_at.setdefault(update["update_id"], now)
        return batch

    async def _send_message(self, params: Params) -> Params:
        try:
            chat = self._chat(params)
            self.faults.check(chat)
            text, plain = check_text(params)
        except ApiError as error:
            self.rejected.append((as_int(params.get("chat_id")), error.code, error.description))
            raise
        markup = params.get("reply_markup")
        preview = params.get("link_preview_options") or {}
        disabled = bool(preview.get("is_disabled")) or as_bool(
            params.get("disable_web_page_preview")
        )
        message = SentMessage(
            chat.id, next(self._message_ids), text, plain, params.get("parse_mode"),
            markup, disabled, time.monotonic(),
        )  # fmt: skip
        self.sent.append(message)
        for listener in self.on_sent:
            listener(message)
        if self.answer_delay:
            await asyncio.sleep(self.answer_delay)
        return message_json(chat, message, self._me())

    async def _edit_message_text(self, params: Params) -> Params:
        chat = self._chat(params)
        text, plain = check_text(params)
        message = SentMessage(
            chat.id, int(params["message_id"]), text, plain, params.get("parse_mode"),
            params.get("reply_markup"), True, time.monotonic(),
        )  # fmt: skip
        self.edits.append(message)
        return message_json(chat, message, self._me())

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
        if as_bool(params.get("drop_pending_updates")):
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
        return member_json(chat, int(params["user_id"]))

    async def _get_chat_administrators(self, params: Params) -> list[Params]:
        chat = self._chat(params)
        ids = sorted(chat.admins | ({chat.creator} if chat.creator is not None else set()))
        return [member_json(chat, user_id) for user_id in ids]

    # --- helpers ------------------------------------------------------------------------

    def _chat(self, params: Params) -> Chat:
        raw = str(params.get("chat_id", ""))
        try:
            return self.chats[int(raw)]
        except (ValueError, KeyError):
            raise ApiError(400, "Bad Request: chat not found") from None

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
