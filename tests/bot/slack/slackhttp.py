"""Requests to the app exactly as Slack sends them: signed with HMAC-SHA256 over
``v0:{timestamp}:{body}``, as form posts (commands, interactivity) or JSON (events)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

FORM = "application/x-www-form-urlencoded"


def signature(secret: str, timestamp: int, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, body: str, content_type: str, timestamp: int | None = None
) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": signature(secret, stamp, body),
    }


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    text: str


class SlackHttp:
    """Posts to the app's ``/slack/events`` like Slack's servers do."""

    def __init__(self, session: aiohttp.ClientSession, url: str, secret: str) -> None:
        self.session = session
        self.url = url
        self.secret = secret

    async def post(
        self, body: str, content_type: str, headers: dict[str, str] | None = None
    ) -> Answer:
        sent = headers if headers is not None else signed_headers(self.secret, body, content_type)
        async with self.session.post(self.url, data=body.encode(), headers=sent) as response:
            return Answer(response.status, await response.text())

    async def slash(
        self,
        text: str,
        response_url: str,
        *,
        team: str = "T1",
        channel: str = "C1",
        user: str = "U1",
        channel_name: str = "general",
    ) -> Answer:
        form = {
            "token": "legacy",
            "team_id": team,
            "team_domain": team.lower(),
            "channel_id": channel,
            "channel_name": channel_name,
            "user_id": user,
            "user_name": user.lower(),
            "command": "/briefing",
            "text": text,
            "api_app_id": "A0BRIEF",
            "response_url": response_url,
            "trigger_id": uuid.uuid4().hex,
        }
        return await self.post(urlencode(form), FORM)

    async def event(
        self, event: dict[str, Any], *, team: str = "T1", event_id: str = "", retry: int = 0
    ) -> Answer:
        body = json.dumps(event_body(event, team=team, event_id=event_id))
        headers = signed_headers(self.secret, body, "application/json")
        if retry:
            headers["X-Slack-Retry-Num"] = str(retry)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        return await self.post(body, "application/json", headers)

    async def action(self, payload: dict[str, Any]) -> Answer:
        return await self.post(urlencode({"payload": json.dumps(payload)}), FORM)


def event_body(event: dict[str, Any], *, team: str = "T1", event_id: str = "") -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": team,
        "api_app_id": "A0BRIEF",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or "Ev" + uuid.uuid4().hex[:10].upper(),
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": team, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}
        ],
    }


def slash_payload(text: str, response_url: str, channel: str = "C1", user: str = "U1") -> dict:
    """A slash command as a Socket Mode envelope payload carries it."""
    return {
        "token": "legacy",
        "team_id": "T1",
        "team_domain": "t1",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/briefing",
        "text": text,
        "api_app_id": "A0BRIEF",
        "response_url": response_url,
        "trigger_id": uuid.uuid4().hex,
    }
