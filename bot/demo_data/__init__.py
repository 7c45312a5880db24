"""Sample data for ``briefbot demo``: a trade-talks feed and the two article pages it links to
(copies of the test fixtures; see tests/data/FIXTURES.md)."""
