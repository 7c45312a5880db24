"""The durable queue: idempotent enqueue, leases, outcomes."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.clock import FakeClock
from bot.delivery.queue import FAILED, GONE, QUEUED, SENT, DeliveryQueue
from tests.bot.delivery.fakes import T0, message


def make(engine: sa.Engine, worker_id: str = "w1", lease: float = 60.0) -> DeliveryQueue:
    return DeliveryQueue(engine, FakeClock(T0), worker_id=worker_id, lease_seconds=lease)


def test_a_key_is_queued_once(engine: sa.Engine) -> None:
    queue = make(engine)
    assert queue.enqueue("k1", "console", "c1", "digest", message("one")) is True
    assert queue.enqueue("k1", "console", "c1", "digest", message("again")) is False
    claimed = queue.claim(10)
    assert [(d.key, d.message.payload["text"]) for d in claimed] == [("k1", "one")]


def test_a_key_stays_taken_after_sending(engine: sa.Engine) -> None:
    queue = make(engine)
    queue.enqueue("k1", "console", "c1", "digest", message("one"))
    (delivery,) = queue.claim(10)
    assert queue.mark_sent(delivery.id, "m-1")
    assert queue.enqueue("k1", "console", "c1", "digest", message("one")) is False
    record = queue.get("k1")
    assert record is not None
    assert (record.status, record.message_id, record.sent_at) == (SENT, "m-1", T0)


def test_a_leased_row_is_not_claimed_again_until_the_lease_runs_out(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    first = DeliveryQueue(engine, clock, worker_id="w1", lease_seconds=30)
    second = DeliveryQueue(engine, clock, worker_id="w2", lease_seconds=30)
    first.enqueue("k1", "console", "c1", "digest", message("one"))
    assert len(first.claim(10)) == 1
    assert second.claim(10) == []
    clock.advance(timedelta(seconds=31))
    (taken,) = second.claim(10)
    assert taken.key == "k1"
    assert taken.claimed_until == clock.now() + timedelta(seconds=30)


def test_claims_due_rows_in_order_and_not_future_ones(engine: sa.Engine) -> None:
    queue = make(engine)
    queue.enqueue("later", "console", "c0", "digest", message("x"), not_before=T0 + timedelta(1))
    for i in range(5):
        queue.enqueue(f"k{i}", "console", f"c{i + 1}", "digest", message(str(i)))
    assert [d.key for d in queue.claim(3)] == ["k0", "k1", "k2"]
    assert [d.key for d in queue.claim(10)] == ["k3", "k4"]
    assert queue.next_due() == T0 + timedelta(seconds=60)  # the leases run out first


def test_reschedule_counts_attempts_and_waits(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    queue = DeliveryQueue(engine, clock, worker_id="w1")
    queue.enqueue("k1", "console", "c1", "digest", message("one"))
    (delivery,) = queue.claim(1)
    queue.reschedule(delivery.id, T0 + timedelta(seconds=5), "timeout")
    assert queue.claim(1) == []
    clock.advance(timedelta(seconds=5))
    (again,) = queue.claim(1)
    assert again.attempts == 1
    queue.reschedule(again.id, T0 + timedelta(seconds=9), "throttled", count_attempt=False)
    record = queue.get("k1")
    assert record is not None
    assert (record.attempts, record.last_error, record.status) == (1, "throttled", QUEUED)


def test_failed_and_gone_keep_their_reason(engine: sa.Engine) -> None:
    queue = make(engine)
    for key, chat in (("a", "c1"), ("b", "c2"), ("c", "c2")):
        queue.enqueue(key, "console", chat, "digest", message(key))
    claimed = {d.key: d for d in queue.claim(10)}
    queue.mark_failed(claimed["a"].id, "bad request: message is too long")
    assert queue.mark_chat_gone("console", "c2", "bot was blocked by the user") == 2
    assert queue.mark_sent(claimed["b"].id) is False  # no longer queued: never flips back
    statuses = {k: queue.get(k) for k in "abc"}
    assert {k: (r.status, r.last_error) for k, r in statuses.items() if r} == {
        "a": (FAILED, "bad request: message is too long"),
        "b": (GONE, "bot was blocked by the user"),
        "c": (GONE, "bot was blocked by the user"),
    }
    assert queue.counts() == {FAILED: 1, GONE: 2}


def test_queued_rows_follow_a_moved_chat(engine: sa.Engine) -> None:
    queue = make(engine)
    queue.enqueue("a", "telegram", "-1", "digest", message("a"))
    queue.enqueue("b", "telegram", "-1", "digest", message("b"))
    assert queue.move_chat("telegram", "-1", "-1001") == 2
    assert {d.chat_id for d in queue.claim(10)} == {"-1001"}


def test_release_gives_rows_back_without_an_attempt(engine: sa.Engine) -> None:
    queue = make(engine)
    queue.enqueue("a", "console", "c1", "digest", message("a"))
    (delivery,) = queue.claim(1)
    queue.release([delivery.id])
    (again,) = make(engine, worker_id="w2").claim(1)
    assert (again.key, again.attempts) == ("a", 0)


def test_a_chats_later_message_waits_for_its_earlier_one(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    first = DeliveryQueue(engine, clock, worker_id="w1")
    second = DeliveryQueue(engine, clock, worker_id="w2")
    for part in range(3):
        first.enqueue(f"p{part}", "console", "c1", "digest", message(str(part)))
    first.enqueue("other", "console", "c2", "digest", message("o"))
    (p0,) = first.claim(1)
    # p1 and p2 stay behind p0 (leased by w1); another chat is free to go.
    assert [d.key for d in second.claim(10)] == ["other"]
    first.mark_sent(p0.id)
    assert [d.key for d in second.claim(10)] == ["p1", "p2"]


def test_a_chats_later_message_waits_for_an_earlier_retry(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    queue = DeliveryQueue(engine, clock, worker_id="w1")
    queue.enqueue("p0", "console", "c1", "digest", message("0"))
    queue.enqueue("p1", "console", "c1", "digest", message("1"))
    (p0,) = queue.claim(1)
    queue.reschedule(p0.id, T0 + timedelta(seconds=10), "timeout")
    assert queue.claim(10) == []
    clock.advance(timedelta(seconds=10))
    assert [d.key for d in queue.claim(10)] == ["p0", "p1"]
