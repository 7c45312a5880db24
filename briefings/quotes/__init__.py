"""The quote finder: direct quotes with their speakers, verbatim from the article.

Modules: :mod:`marks` pairs quote marks, :mod:`people` registers names and roles,
:mod:`attribution` finds the speaker phrase, :mod:`speakers` resolves it, :mod:`finder`
reads an article in order.
"""

from briefings.quotes.finder import find_quotes

__all__ = ["find_quotes"]
