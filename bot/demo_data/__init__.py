"""Sample data for ``briefbot demo``: ``norland-aldoria.json``, made-up reports from three
made-up outlets on made-up trade talks (written for the project, see
tests/data/stories/README.md), served as feeds and pages by ``bot.demo.site``.

The Asahi and Pacific Wire pages and ``trade-talks.rss`` are test fixtures kept here (see
tests/data/FIXTURES.md)."""
