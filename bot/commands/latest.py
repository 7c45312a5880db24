"""``latest [topic]``: the newest development of each active thread of the topic (or of each
topic the chat follows), most recent first, each with what is new to this chat first.

When several threads are shown, each tells its news in a few bullets. What it shows is
marked sent to the chat (``via`` "latest") once the reply has reached the chat (the reply
carries the marks, the platform layer records them), so the next ``latest`` and the digest
start from there. A topic with no thread yet (stories stored before threads were
kept) shows its newest briefing.
"""

from __future__ import annotations

import dataclasses

from bot.chat import BriefingPart, CommandRequest, Reply, ReplyPart, SentMarks, TextPart
from bot.commands.base import (
    Command,
    CommandContext,
    example_topic,
    one_topic_only,
    topic_label,
    topic_named,
    unknown_topic,
)
from bot.store.chats import ChatRecord
from bot.store.sent import Sent, Via
from bot.store.topicviews import TopicView
from bot.stories.days import zone_of
from bot.stories.latest import latest_view, needed

# Threads shown per topic; the reply says how many more there are and how to list them.
MAX_THREADS = 5


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if len(request.args) > 1:
        return one_topic_only(ctx, "latest", request.args)
    if request.args:
        topic = topic_named(ctx, request.args[0])
        if topic is None:
            return unknown_topic(ctx, request.args[0], "latest")
        names: tuple[str, ...] = (topic.name,)
    elif chat.topics:
        names = chat.topics
    else:
        example = example_topic(ctx)
        return Reply.error(
            f"This chat follows no topics yet. Try: latest {example}, or: subscribe {example}"
        )
    now = ctx.clock.now()
    zone = zone_of(chat.digest_zone or ctx.settings.bot.default_timezone)
    parts: list[ReplyPart] = []
    shown_threads: set[int] = set()
    shown_briefings: set[int] = set()
    marks: list[Sent] = []
    # What every chat sees of a topic is kept until the store changes; only what this chat
    # was sent is read for it.
    topic_views = ctx.views.topics(names, now)
    for name in names:
        topic_view = topic_views[name]
        threads = [
            t
            for t in topic_view.threads[: MAX_THREADS + len(shown_threads)]
            if t.id not in shown_threads
        ][:MAX_THREADS]
        if not threads:
            part = _newest_briefing(ctx, topic_view, shown_briefings)
            if part is not None:
                parts.append(part)
            continue
        ids = [t.id for t in threads]
        outline = topic_view.outline
        sent = ctx.sent.in_threads(chat.platform, chat.chat_id, ids)
        # Only the developments shown or weighed are read: a thread with nothing new costs
        # its newest development alone.
        wanted = {t.id: needed(outline[t.id], sent[t.id]) for t in threads}
        read = topic_view.developments({i for story_ids in wanted.values() for i in story_ids})
        developments = {
            t.id: [read[i] for i, _ in outline[t.id] if i in wanted[t.id] and i in read]
            for t in threads
        }
        short = len(names) > 1 or len(threads) > 1
        views = [
            (thread, latest_view(developments[thread.id], sent[thread.id], zone, "", short))
            for thread in threads
            if developments[thread.id]
        ]
        quiet = [i for i, (_, view) in enumerate(views) if view.part.briefing is None]
        for index, (thread, view) in enumerate(views):
            part = view.part
            if quiet and index == quiet[-1]:  # the timeline offered once, after the last
                part = dataclasses.replace(part, more=f"timeline {name}")
            parts.append(part)
            marks += [(d.story_id, thread.id) for d in view.shown]
            shown_threads.add(thread.id)
        hidden = len(topic_view.threads) - len(threads)
        if hidden > 0:
            more = "1 more thread" if hidden == 1 else f"{hidden} more threads"
            parts.append(TextPart(f"{more} on {topic_label(ctx, name)}: timeline {name} all"))
    # Recorded by the platform layer once the reply has arrived: a reply lost on the way
    # leaves what it showed new to the chat.
    delivered = SentMarks(chat.platform, chat.chat_id, tuple(marks), Via.LATEST.value)
    return Reply(parts=tuple(parts), on_delivered=delivered if marks else None)


def _newest_briefing(ctx: CommandContext, view: TopicView, shown: set[int]) -> ReplyPart | None:
    found = view.newest_briefing()
    if found is None:
        return TextPart(
            f"No briefing for {topic_label(ctx, view.topic)} yet: one arrives when the feeds "
            "bring a story on it."
        )
    if found.id in shown:  # a story on two topics is shown once
        return None
    shown.add(found.id)
    return BriefingPart(found.briefing)


COMMAND = Command(
    name="latest",
    usage=(("latest [topic]", "what is new in each story (of each topic this chat follows)"),),
    run=run,
    menu="What is new in each story",
)
