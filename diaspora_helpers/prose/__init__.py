"""Sentences computed from the data, in the edition's language: one module per notebook topic.

A notebook cell that states a computed finding calls a function here, for example
``prose.demography.census_gap(headcounts)``, and gets a :class:`diaspora_helpers.text.Prose`
(Markdown whose plain text is the same sentence, so strict nbval compares it). The wording
is English in the code, wrapped in ``_()`` with ``{named}`` placeholders, and French in the
catalog of the topic's area (``diaspora_helpers/locale/fr/LC_MESSAGES/<area>.po``); numbers
and dates are formatted by :mod:`diaspora_helpers.text` for the edition. So a code cell
reads the same in the English and the French notebook; only the Markdown around it is
written twice.

Layer: like ``charts``, this package reads ``analysis`` results and never draws.
"""

from diaspora_helpers.prose import demography, history, overview, policy, remittances, tokten

__all__ = ["demography", "history", "overview", "policy", "remittances", "tokten"]
