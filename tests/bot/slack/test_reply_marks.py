"""What ``latest`` shows counts as sent to the channel only once Slack has accepted the whole
answer, through ``response_url`` or chat.postMessage: an answer Slack refuses leaves it new,
and the next ``latest`` shows it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.bot.shown import NOTHING_NEW, save_thread, sent_in
from tests.bot.slack.conftest import Running
from tests.bot.slack.samples import NOW
from tests.bot.slack.test_replies import lines, mention

CHAT = "T1:C1"
NEWEST = "Round 1 of the tariff talks ends"


async def _settled(app: Running, arrived: Callable[[], bool]) -> None:
    """Until Slack saw the answer (``arrived``) and the channel's line is done with it."""
    await app.standin.wait_for(arrived)
    await lines(app.adapter).until_idle(CHAT)


async def slash(app: Running, line: str, key: str) -> list[str]:
    """``/briefing line`` answered through the response URL ``key``; the texts accepted."""
    standin = app.standin
    refusals = len(standin.refused_responses)
    await app.http.slash(line, standin.response_url(key))
    await _settled(
        app, lambda: bool(standin.responses[key]) or len(standin.refused_responses) > refusals
    )
    return [_text(p) for p in standin.responses[key]]


async def mentioned(app: Running, line: str) -> list[str]:
    """``@briefbot line`` in the channel, answered with chat.postMessage; the texts accepted."""
    standin = app.standin
    posts, refusals = len(standin.called("chat.postMessage")), len(standin.refused)
    await app.http.event(mention(line))
    await _settled(
        app,
        lambda: len(standin.called("chat.postMessage")) > posts or len(standin.refused) > refusals,
    )
    return [_text(call.params) for call in standin.called("chat.postMessage")[posts:]]


def _text(payload: dict[str, Any]) -> str:
    return str(payload.get("text", ""))


async def test_an_answer_the_response_url_refuses_leaves_what_it_showed_new(
    http_app: Running,
) -> None:
    thread = save_thread(http_app.engine, NOW)
    http_app.standin.response_errors["broken"] = 500
    assert await slash(http_app, "latest trade-talks", "broken") == []
    assert http_app.standin.refused_responses == [("broken", 500)]
    assert sent_in(http_app.engine, "slack", CHAT, thread) == frozenset()
    [shown] = await slash(http_app, "latest trade-talks", "again")
    assert NEWEST in shown
    assert NOTHING_NEW not in shown
    assert len(sent_in(http_app.engine, "slack", CHAT, thread)) == 3


async def test_an_answer_given_up_after_a_long_retry_after_is_not_recorded(
    http_app: Running,
) -> None:
    thread = save_thread(http_app.engine, NOW)
    http_app.standin.limit_once("response_url", retry_after=3600)
    assert await slash(http_app, "latest trade-talks", "slow") == []
    assert sent_in(http_app.engine, "slack", CHAT, thread) == frozenset()
    [shown] = await slash(http_app, "latest trade-talks", "again")
    assert NOTHING_NEW not in shown


async def test_a_post_slack_refuses_leaves_what_it_showed_new(http_app: Running) -> None:
    thread = save_thread(http_app.engine, NOW)
    http_app.standin.archived.add("C1")
    assert await mentioned(http_app, "latest trade-talks") == []
    assert [error for _, error in http_app.standin.refused] == ["is_archived"]
    assert sent_in(http_app.engine, "slack", CHAT, thread) == frozenset()
    http_app.standin.archived.clear()
    [shown] = await mentioned(http_app, "latest trade-talks")
    assert NEWEST in shown
    assert NOTHING_NEW not in shown


async def test_an_accepted_answer_is_recorded_and_not_shown_as_new_again(
    http_app: Running,
) -> None:
    thread = save_thread(http_app.engine, NOW)
    [shown] = await slash(http_app, "latest trade-talks", "first")
    assert NEWEST in shown
    assert len(sent_in(http_app.engine, "slack", CHAT, thread)) == 3
    [again] = await mentioned(http_app, "latest trade-talks")
    assert NOTHING_NEW in again
