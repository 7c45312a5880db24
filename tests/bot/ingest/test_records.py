"""An article stored as JSON comes back whole, with the paragraphs its page set apart."""

from __future__ import annotations

from bot.ingest.records import article_from_dict, article_to_dict
from briefings.model import Article


def test_the_paragraphs_set_apart_survive_the_store() -> None:
    article = Article(
        "https://news.example/a",
        "Estria and Norland agree to halve farm tariffs",
        ("Estria and Norland agreed on Friday to halve farm tariffs.", "Talks began in 2023."),
        background=(1,),
    )
    assert article_from_dict(article_to_dict(article)) == article


def test_an_article_stored_before_has_none_set_apart() -> None:
    stored = article_to_dict(Article("https://news.example/a", "Title", ("Text.",)))
    del stored["background"]
    assert article_from_dict(stored).background == ()
