"""Alerts: a chat that turned them on is told at once of a material development of its
topics (an agreement, a new rate or deadline, talks started or called off, a story many
outlets take up), at most ``bot.alerts_per_day`` a local day and never in its quiet hours.

Wiring::

    job = AlertJob(engine, queue, renderers, settings)
    job.run(clock.now())   # after every ingest run, on the leading replica
"""

from bot.alerts.job import AlertJob, AlertRun, alert_key
from bot.alerts.rules import Held, held_back, in_quiet_hours, local_day_start

__all__ = [
    "AlertJob",
    "AlertRun",
    "Held",
    "alert_key",
    "held_back",
    "in_quiet_hours",
    "local_day_start",
]
