"""Bot API parameters off the wire: a query string, a JSON body or a form (as PTB sends
them, every non-string value JSON-encoded)."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from tests.telegram_standin.html import HtmlError, parse_html, utf16_len
from tests.telegram_standin.model import ApiError, Params

_JSON_PARAMS = frozenset(
    {"reply_markup", "commands", "allowed_updates", "link_preview_options", "scope", "entities"}
)
_INT_PARAMS = frozenset({"offset", "limit", "timeout", "message_id", "user_id", "max_connections"})


async def read_params(request: web.Request) -> Params:
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


def as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def as_bool(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def check_text(params: Params) -> tuple[str, str]:
    """The text as sent and as shown; ApiError as Telegram answers for bad or long text."""
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
