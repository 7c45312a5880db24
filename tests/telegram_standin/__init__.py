"""A Bot API stand-in for tests: a real HTTP server speaking the Telegram Bot API subset the
bot uses, with injectable faults and a record of everything sent."""

from tests.telegram_standin.html import HtmlError, parse_html
from tests.telegram_standin.server import BotApiStandIn, SentMessage

__all__ = ["BotApiStandIn", "HtmlError", "SentMessage", "parse_html"]
