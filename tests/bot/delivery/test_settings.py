"""The delivery and digest settings added for the queue and the scheduler are validated."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings, settings_from_tree


def test_shipped_defaults() -> None:
    settings = load_settings(environ={})
    assert settings.bot.digest_slot_minutes == 1
    assert settings.delivery.limit_fraction == 0.97
    assert settings.delivery.lease_seconds == 120.0


@pytest.mark.parametrize(
    ("tree", "named"),
    [
        ({"delivery": {"limit_fraction": 1.5}}, "delivery.limit_fraction"),
        ({"delivery": {"concurrency": 0}}, "delivery.concurrency"),
        ({"delivery": {"lease_seconds": 0}}, "delivery.lease_seconds"),
        ({"bot": {"digest_slot_minutes": 90}}, "bot.digest_slot_minutes"),
    ],
)
def test_bad_values_are_named(tree: dict[str, dict[str, object]], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        settings_from_tree(tree, {})
