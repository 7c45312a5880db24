"""Threads as Block Kit: a thread in ``latest``, a timeline, a digest of threads.

Article text is escaped (:mod:`bot.slack.mrkdwn`) in every field; links only for http(s)
URLs. Each function returns (blocks, fallback text) pairs that the renderer packs into
messages.
"""

from __future__ import annotations

from bot.chat import DatedLine, DigestThread, ThreadDigestPart, ThreadPart, TimelinePart
from bot.slack import blocks as bk
from bot.slack.mrkdwn import escape, link, one_line, safe_url, truncate

CHANGED = "Changed: "

Blocks = tuple[bk.Block, ...]


def thread_blocks(part: ThreadPart, briefing: Blocks) -> tuple[Blocks, str]:
    """``briefing``: the blocks of ``part.briefing`` (its header first), empty when None."""
    if part.briefing is None:
        return _quiet(part)
    blocks: list[bk.Block] = []
    if part.seen_before:
        count = f" ({part.new_count} developments)" if part.new_count > 1 else ""
        blocks.append(bk.context(f"_New since you last looked{count}_"))
    blocks.extend(briefing[:1])
    if part.changes:
        blocks.extend(bk.sections(change_line(text) for text in part.changes))
    blocks.extend(briefing[1:])
    if part.earlier:
        blocks.extend(bk.sections(["*Earlier:*", *(dated_line(d) for d in part.earlier)]))
    return tuple(blocks), escape(one_line(part.briefing.headline))


def timeline_blocks(part: TimelinePart) -> tuple[Blocks, str]:
    blocks: list[bk.Block] = [bk.header(part.title or "Timeline")]
    if part.headline:
        blocks.extend(bk.sections([f"_{escape(one_line(part.headline))}_"]))
    blocks.extend(bk.sections(dated_line(line) for line in part.lines))
    return tuple(blocks), escape(one_line(part.title))


def digest_blocks(part: ThreadDigestPart) -> list[tuple[Blocks, str]]:
    title = part.title or "Digest"
    groups: list[tuple[Blocks, str]] = [((bk.header(title),), escape(one_line(title)))]
    for index, thread in enumerate(part.threads):
        block = _digest_thread(thread)
        groups.append(
            ((bk.divider(), *block) if index else block, escape(one_line(thread.headline)))
        )
    if part.more:
        groups.append(((bk.context(escape(part.more)),), escape(one_line(part.more))))
    return groups


def change_line(text: str) -> str:
    return f"*{CHANGED.strip()}* {escape(one_line(text.removeprefix(CHANGED)))}"


def dated_line(line: DatedLine) -> str:
    new = " _(new)_" if line.new else ""
    return f"• {escape(one_line(line.day))} — {_linked(line.headline, line.url)}{new}"


def _quiet(part: ThreadPart) -> tuple[Blocks, str]:
    lines = []
    fallback = "Nothing new since you last looked."
    if part.last is not None:
        last = part.last
        lines.append(
            f"Nothing new since you last looked. Last development, {escape(last.day)}: "
            f"{_linked(last.headline, last.url)}"
        )
        fallback = f"{fallback} {escape(one_line(last.headline))}"
    if part.more:
        lines.append(f"Earlier developments: `{escape(part.more)}`")
    return tuple(bk.sections(lines)), fallback


def _digest_thread(thread: DigestThread) -> Blocks:
    lines = [f"*{_linked(thread.headline, thread.url)}*"]
    lines += [f"• {escape(one_line(text))}" for text in thread.outcomes]
    lines += [change_line(text) for text in thread.changes]
    if thread.stood:
        lines.append(f"_Before: {escape(one_line(thread.stood))}_")
    footer = [", ".join(escape(one_line(o)) for o in thread.outlets if o.strip())]
    footer.append(escape(thread.day))
    if thread.new_count > 1:
        footer.append(f"{thread.new_count} new developments")
    blocks = bk.sections([truncate(line, bk.MAX_SECTION_TEXT) for line in lines])
    context = " · ".join(f for f in footer if f)
    return (*blocks, bk.context(context)) if context else tuple(blocks)


def _linked(text: str, url: str) -> str:
    label = one_line(text) or "(untitled)"
    return link(url, label) if safe_url(url) else escape(label)
