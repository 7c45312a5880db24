"""The quote finder: direct quotes with their speakers, verbatim from the article.

Modules: :mod:`marks` pairs quote marks, :mod:`runs` follows quotes over paragraphs,
:mod:`people` registers names and roles, :mod:`attribution` finds the speaker phrase,
:mod:`speakers` resolves it, :mod:`acronyms` spells out acronym speakers, :mod:`finder`
reads an article in order.
"""

from briefings.quotes.finder import find_quotes

__all__ = ["find_quotes"]
