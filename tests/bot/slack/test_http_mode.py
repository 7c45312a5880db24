"""The app in HTTP mode over real HTTP: signed requests in, Web API calls out to the stand-in."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa

from bot.store.chats import ChatStore
from bot.store.schema import slack_events
from tests.bot.slack.conftest import SECRET, Running
from tests.bot.slack.slackhttp import FORM, signed_headers

CHALLENGE = json.dumps({"token": "x", "challenge": "c-123", "type": "url_verification"})


async def test_signed_request_is_accepted(http_app: Running) -> None:
    answer = await http_app.http.post(CHALLENGE, "application/json")
    assert (answer.status, json.loads(answer.text)) == (200, {"challenge": "c-123"})


async def test_forged_signature_is_refused(http_app: Running) -> None:
    headers = signed_headers("not-the-secret", CHALLENGE, "application/json")
    answer = await http_app.http.post(CHALLENGE, "application/json", headers)
    assert answer.status == 401


async def test_replayed_old_timestamp_is_refused(http_app: Running) -> None:
    old = int(time.time()) - 6 * 60  # signed correctly, but more than five minutes ago
    headers = signed_headers(SECRET, CHALLENGE, "application/json", timestamp=old)
    answer = await http_app.http.post(CHALLENGE, "application/json", headers)
    assert answer.status == 401


async def test_missing_signature_headers_are_refused(http_app: Running) -> None:
    headers = signed_headers(SECRET, CHALLENGE, "application/json")
    for missing in ("X-Slack-Signature", "X-Slack-Request-Timestamp"):
        partial = {k: v for k, v in headers.items() if k != missing}
        answer = await http_app.http.post(CHALLENGE, "application/json", partial)
        assert answer.status == 401


async def test_slash_subscribe_by_a_channel_admin(http_app: Running) -> None:
    standin = http_app.standin
    standin.workspace("T1").admins.add("UADMIN")
    url = standin.response_url("sub")
    answer = await http_app.http.slash("subscribe trade-talks", url, user="UADMIN")
    assert (answer.status, answer.text) == (200, "")  # acknowledged at once, empty
    await standin.wait_for(lambda: bool(standin.responses["sub"]))
    [response] = standin.responses["sub"]
    assert response["response_type"] == "in_channel"
    assert response["text"].startswith("Subscribed to")
    chat = ChatStore(http_app.engine).chat("slack", "T1:C1")
    assert chat is not None
    assert (chat.topics, chat.kind, chat.title) == (("trade-talks",), "channel", "general")


async def test_channel_creator_is_an_admin_and_members_are_not(http_app: Running) -> None:
    standin = http_app.standin
    standin.workspace("T1").channel_creators["C7"] = "UCREATE"
    await http_app.http.slash("subscribe trade-talks", standin.response_url("m"), channel="C7")
    await standin.wait_for(lambda: bool(standin.responses["m"]))
    [refused] = standin.responses["m"]
    assert refused["response_type"] == "ephemeral"
    assert "Only admins of this channel" in refused["text"]
    url = standin.response_url("c")
    await http_app.http.slash("subscribe trade-talks", url, channel="C7", user="UCREATE")
    await standin.wait_for(lambda: bool(standin.responses["c"]))
    assert standin.responses["c"][0]["response_type"] == "in_channel"


async def test_slash_latest_posts_the_briefing_in_channel(http_app: Running) -> None:
    standin = http_app.standin
    answer = await http_app.http.slash("latest trade-talks", standin.response_url("latest"))
    assert (answer.status, answer.text) == (200, "")  # the acknowledgement, before the work
    await standin.wait_for(lambda: bool(standin.responses["latest"]))
    [response] = standin.responses["latest"]
    assert response["response_type"] == "in_channel"
    assert response["text"] == "Japan-US tariff talks: fifth round ends without agreement"
    assert [b["type"] for b in response["blocks"]] == ["header", "section", "section", "context"]


async def test_unknown_subcommand_is_an_ephemeral_error(http_app: Running) -> None:
    standin = http_app.standin
    await http_app.http.slash("frobnicate", standin.response_url("e"))
    await standin.wait_for(lambda: bool(standin.responses["e"]))
    assert standin.responses["e"][0]["response_type"] == "ephemeral"
    assert "Unknown command 'frobnicate'" in standin.responses["e"][0]["text"]


async def test_app_mention_answers_in_the_channel(http_app: Running) -> None:
    standin = http_app.standin
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> latest trade-talks",
        "ts": "1.2",
        "channel": "C1",
        "event_ts": "1.2",
    }
    answer = await http_app.http.event(event)
    assert answer.status == 200
    await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
    [call] = standin.called("chat.postMessage")
    assert call.params["channel"] == "C1"
    assert call.params["blocks"][0]["type"] == "header"
    assert call.params["link_names"] is False


async def test_direct_message_works_like_a_command(http_app: Running) -> None:
    standin = http_app.standin
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "subscribe trade-talks",
        "ts": "1.3",
        "channel": "D1",
        "event_ts": "1.3",
    }
    await http_app.http.event(event)
    await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
    [call] = standin.called("chat.postMessage")
    assert call.params["channel"] == "D1"
    assert call.params["text"].startswith("Subscribed to")
    assert standin.called("users.info") == []  # in a DM the user is the admin
    assert ChatStore(http_app.engine).subscriptions("slack", "T1:D1") == ("trade-talks",)


async def test_event_retries_are_handled_once(http_app: Running) -> None:
    standin = http_app.standin
    event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> topics", "channel": "C1"}
    first = await http_app.http.event(event, event_id="EvSAME")
    again = await http_app.http.event(event, event_id="EvSAME", retry=1)
    assert (first.status, again.status) == (200, 200)
    await http_app.http.event({**event, "text": "<@UBOT> help"}, event_id="EvOTHER")
    await standin.wait_for(lambda: len(standin.called("chat.postEphemeral")) >= 2)
    texts = [c.params["text"] for c in standin.called("chat.postEphemeral")]
    assert len(texts) == 2
    with http_app.engine.connect() as connection:
        ids = connection.execute(sa.select(slack_events.c.event_id)).scalars().all()
    assert sorted(ids) == ["EvOTHER", "EvSAME"]


async def test_app_home_shows_subscriptions_and_buttons_act(http_app: Running) -> None:
    standin = http_app.standin
    opened = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"}
    await http_app.http.event(opened)
    await standin.wait_for(lambda: bool(standin.called("views.publish")))
    view = standin.called("views.publish")[0].params["view"]
    assert view["private_metadata"] == "D1"
    buttons = [b["accessory"] for b in view["blocks"] if "accessory" in b]
    assert [b["value"] for b in buttons] == ["subscribe trade-talks"]
    text = json.dumps(view["blocks"])
    assert "fifth round ends without agreement" in text

    click = {
        "type": "block_actions",
        "team": {"id": "T1", "domain": "t1"},
        "user": {"id": "U1", "team_id": "T1"},
        "api_app_id": "A0BRIEF",
        "container": {"type": "view", "view_id": "V1"},
        "view": view | {"id": "V1", "team_id": "T1"},
        "actions": [
            {
                "type": "button",
                "action_id": buttons[0]["action_id"],
                "block_id": "b1",
                "value": buttons[0]["value"],
                "action_ts": "1.4",
            }
        ],
        "trigger_id": "t1",
    }
    answer = await http_app.http.action(click)
    assert answer.status == 200
    await standin.wait_for(lambda: len(standin.called("views.publish")) == 2)
    assert ChatStore(http_app.engine).subscriptions("slack", "T1:D1") == ("trade-talks",)
    republished = standin.called("views.publish")[1].params["view"]
    values = [b["accessory"]["value"] for b in republished["blocks"] if "accessory" in b]
    assert values == ["unsubscribe trade-talks"]


async def test_button_in_a_message_answers_through_response_url(http_app: Running) -> None:
    standin = http_app.standin
    standin.workspace("T1").admins.add("U1")
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "api_app_id": "A0BRIEF",
        "channel": {"id": "C3", "name": "news"},
        "container": {"type": "message", "channel_id": "C3", "message_ts": "1.1"},
        "response_url": standin.response_url("btn"),
        "actions": [
            {
                "type": "button",
                "action_id": "briefbot:subscribe trade-talks",
                "block_id": "b",
                "value": "subscribe trade-talks",
                "action_ts": "1.5",
            }
        ],
    }
    await http_app.http.post(urlencode({"payload": json.dumps(payload)}), FORM)
    await standin.wait_for(lambda: bool(standin.responses["btn"]))
    assert standin.responses["btn"][0]["text"].startswith("Subscribed to")
    assert ChatStore(http_app.engine).subscriptions("slack", "T1:C3") == ("trade-talks",)


async def test_mention_in_an_archived_channel_is_logged_not_raised(
    http_app: Running, caplog: pytest.LogCaptureFixture
) -> None:
    standin = http_app.standin
    standin.archived.add("C8")
    event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> latest trade-talks"}
    await http_app.http.event({**event, "channel": "C8"})
    await standin.wait_for(lambda: bool(standin.refused))
    assert standin.refused[0][1] == "is_archived"
    await http_app.http.event({**event, "channel": "C1"})  # the app carries on
    await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
    assert "slack chat T1:C8: answer to latest not delivered: is_archived" in caplog.text


async def test_settings_are_private_and_digest_changes_are_public(http_app: Running) -> None:
    standin = http_app.standin
    standin.workspace("T1").admins.add("UADMIN")
    url = standin.response_url("digest")
    await http_app.http.slash("digest 07:30 Asia/Tokyo", url, user="UADMIN")
    await standin.wait_for(lambda: bool(standin.responses["digest"]))
    assert standin.responses["digest"][0]["response_type"] == "in_channel"
    await http_app.http.slash("settings", standin.response_url("settings"))
    await standin.wait_for(lambda: bool(standin.responses["settings"]))
    [settings] = standin.responses["settings"]
    assert settings["response_type"] == "ephemeral"
    assert "07:30" in settings["text"]
