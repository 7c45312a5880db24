"""Who may change a shared chat's settings: its admins, asked via ``getChatMember``.

Answers are cached briefly per chat and user: a burst of commands in a busy group costs one
API call, and a demoted admin loses the right within ``ttl``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import Bot, Chat, ChatMember, User
from telegram.error import TelegramError

from bot.clock import Clock

logger = logging.getLogger(__name__)

_ADMIN_STATUSES = frozenset({ChatMember.OWNER, ChatMember.ADMINISTRATOR})


class AdminCache:
    def __init__(self, bot: Bot, clock: Clock, ttl: timedelta) -> None:
        self._bot = bot
        self._clock = clock
        self._ttl = ttl
        self._answers: dict[tuple[int, int], tuple[bool, datetime]] = {}

    async def is_admin(self, chat: Chat, user: User | None, sender_chat: Chat | None) -> bool:
        """True in private chats, for anonymous admins and channel posts (the message is sent
        on behalf of the chat itself), and for users whose member status is owner or admin."""
        if chat.type == Chat.PRIVATE:
            return True
        if sender_chat is not None and sender_chat.id == chat.id:
            return True
        if user is None:
            return False
        return await self._member_is_admin(chat.id, user.id)

    async def _member_is_admin(self, chat_id: int, user_id: int) -> bool:
        now = self._clock.now()
        cached = self._answers.get((chat_id, user_id))
        if cached is not None and now - cached[1] < self._ttl:
            return cached[0]
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramError as error:
            logger.warning(
                "telegram chat %s: admin check for %s failed: %s", chat_id, user_id, error
            )
            return False
        answer = member.status in _ADMIN_STATUSES
        if len(self._answers) > 10_000:
            self._answers.clear()
        self._answers[(chat_id, user_id)] = (answer, now)
        return answer
