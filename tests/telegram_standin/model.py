"""The stand-in's values: API errors, chats, sent messages, and their Bot API JSON."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

ANONYMOUS_ADMIN_ID = 1087968824  # the "GroupAnonymousBot" user Telegram puts in "from"
Params = dict[str, Any]


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


def user_json(user_id: int, name: str = "") -> Params:
    return {"id": user_id, "is_bot": False, "first_name": name or f"User{user_id}"}


def member_json(chat: Chat, user_id: int) -> Params:
    """A ChatMember object: creator, administrator (all rights) or member."""
    user = user_json(user_id)
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


def message_json(chat: Chat, message: SentMessage, bot: Params) -> Params:
    body: Params = {
        "message_id": message.message_id,
        "date": int(time.time()),
        "chat": chat.json(),
        "text": message.plain,
    }
    if chat.type != "channel":
        body["from"] = bot
    if message.reply_markup:
        body["reply_markup"] = message.reply_markup
    return body
