"""`briefbot chats list|remove`: the chats the bot serves, and forgetting one."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from bot.app import open_database_for
from bot.config import load_settings
from bot.store.chats import ChatRecord
from bot.store.operator import list_chats, remove_chat


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "chats",
        help="list the chats or remove one",
        description="List every chat with its state, digest and topics, or remove one.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="one line per chat")
    listing.add_argument("--platform", help="only chats of this platform (telegram, slack...)")
    removing = actions.add_parser(
        "remove",
        help="forget a chat: its subscriptions, digest and queued messages",
        description="Forget a chat: its subscriptions and digest are deleted and its queued "
        "messages dropped. A new command from the chat starts it afresh.",
    )
    removing.add_argument("chat", metavar="PLATFORM:CHAT_ID", help="e.g. telegram:-1001234")
    parser.set_defaults(command="chats")


def run(args: argparse.Namespace) -> int:
    if args.action == "remove" and ":" not in args.chat:
        print(f"briefbot chats remove: {args.chat!r} is not PLATFORM:CHAT_ID", file=sys.stderr)
        return 2
    engine = open_database_for(load_settings(args.config))
    try:
        if args.action == "list":
            for chat in list_chats(engine, args.platform):
                print_chat(chat, sys.stdout)
            return 0
        platform, chat_id = args.chat.split(":", 1)
        dropped = remove_chat(engine, platform, chat_id)
    finally:
        engine.dispose()
    if dropped is None:
        print(f"briefbot chats remove: no chat {args.chat}", file=sys.stderr)
        return 1
    print(f"removed {args.chat} ({dropped} queued messages dropped)")
    return 0


def print_chat(chat: ChatRecord, out: TextIO) -> None:
    digest = f"{chat.digest_time} {chat.digest_zone or 'UTC'}" if chat.digest_time else "off"
    topics = ", ".join(chat.topics) or "-"
    state = chat.state if not chat.migrated_to else f"{chat.state} to {chat.migrated_to}"
    fields = [f"{chat.platform}:{chat.chat_id}", chat.kind.value, state]
    fields += [f"digest {digest}", f"topics {topics}", chat.title]
    print("\t".join(fields).rstrip(), file=out)
