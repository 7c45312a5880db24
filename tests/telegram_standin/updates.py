"""Update bodies as Telegram sends them: messages, channel posts, callback queries and the
service message of a group that became a supergroup."""

from __future__ import annotations

import time
from typing import Any

from tests.telegram_standin.html import utf16_len
from tests.telegram_standin.model import (
    ANONYMOUS_ADMIN_ID,
    Chat,
    Params,
    SentMessage,
    user_json,
)


def message(
    chat: Chat,
    text: str,
    message_id: int,
    user_id: int | None = None,
    sender_chat: Chat | None = None,
    **extra: Any,
) -> Params:
    body: Params = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat.json(),
        "text": text,
        **extra,
    }
    if text.startswith("/"):
        command = text.split()[0]
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
    if chat.type == "channel":
        body["sender_chat"] = chat.json()  # a channel post has no "from"
        return {"channel_post": body}
    if sender_chat is not None:
        body["sender_chat"] = sender_chat.json()
        body["from"] = {
            "id": ANONYMOUS_ADMIN_ID,
            "is_bot": True,
            "first_name": "Group",
            "username": "GroupAnonymousBot",
        }
    else:
        body["from"] = user_json(user_id if user_id is not None else chat.id)
    return {"message": body}


def callback_query(
    chat: Chat, sent: SentMessage, data: str, user_id: int, query_id: str, bot: Params
) -> Params:
    shown = {
        "message_id": sent.message_id,
        "date": int(time.time()),
        "chat": chat.json(),
        "from": bot,
        "text": sent.plain,
        "reply_markup": sent.reply_markup,
    }
    query = {
        "id": query_id,
        "from": user_json(user_id),
        "chat_instance": f"ci{chat.id}",
        "data": data,
        "message": shown,
    }
    return {"callback_query": query}


def migration(old: Chat, new_id: int, user_id: int, message_id: int) -> Params:
    body = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": old.json(),
        "from": user_json(user_id),
        "migrate_to_chat_id": new_id,
    }
    return {"message": body}
