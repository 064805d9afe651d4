"""The exercises of the five class sessions: a grading core and one module per session.

Every ``check_*`` function takes a student's answer (and the notebook's parameters) and
returns a :class:`Verdict`: "Not yet answered", "Correct." with the reason, or "Not
quite." with a hint, never the expected value. The verdicts are in the edition's language
(``setup(language="fr")``: "Pas encore de réponse", "Bonne réponse.", "Pas tout à fait."),
through the ``exercises`` catalog; answers are read in English or French in both editions:
numbers in any common container (one-element Series, Index, array, list, tuple or frame),
typed as text with a decimal comma, any kind of space or a dot between digit groups, and
unit words either side (``'765 USD'``, ``'USD 765'``, ``'21,6 %'``), see
:mod:`diaspora_helpers.exercises.reading`; names of countries, places, institutions and the
labels the tables show, with or without an article (``"l’Afrique"``), misspelt by a letter
or two at most, see :mod:`diaspora_helpers.exercises.names`. What a wrong answer is told is
limited so that it cannot be mined: see :mod:`diaspora_helpers.exercises.grading`.
"""

from diaspora_helpers.exercises.grading import (
    BLANK,
    CORRECT,
    EXERCISES,
    WRONG,
    ParameterError,
    Verdict,
    hints_shown,
    set_hints,
)
from diaspora_helpers.exercises.session1_counting import (
    check_admin_to_un_ratio,
    check_count_with_descendants,
    check_foreign_born_ratio,
    check_largest_gap_region,
    check_share_of_all_malians,
)
from diaspora_helpers.exercises.session2_destinations import (
    check_africa_share,
    check_fastest_growing,
    check_top3_share,
    check_top_destination,
    check_women_share,
)
from diaspora_helpers.exercises.session3_remittances import (
    check_cost_gap,
    check_document_vs_world_bank,
    check_fee_savings,
    check_peer_rank,
    check_per_emigrant,
    check_remittance_share_of_gdp,
)
from diaspora_helpers.exercises.session3_remittances import (
    check_parameters as validate_session3_parameters,
)
from diaspora_helpers.exercises.session4_policy import (
    check_busiest_year,
    check_events_after_fidima,
    check_forum_before_policy,
    check_strategies_on_cost,
    check_strategies_without_constraint,
    check_unaddressed_constraints,
)
from diaspora_helpers.exercises.session5_source_criticism import (
    check_commonest_problem,
    check_disagreeing_shares,
    check_france_share,
    check_tokten_double_count,
    check_tokten_health_women,
    check_unplaced_abroad,
)

__all__ = [
    "BLANK",
    "CORRECT",
    "WRONG",
    "EXERCISES",
    "ParameterError",
    "Verdict",
    "check_admin_to_un_ratio",
    "check_africa_share",
    "check_busiest_year",
    "check_commonest_problem",
    "check_cost_gap",
    "check_count_with_descendants",
    "check_disagreeing_shares",
    "check_document_vs_world_bank",
    "check_events_after_fidima",
    "check_fastest_growing",
    "check_fee_savings",
    "check_foreign_born_ratio",
    "check_forum_before_policy",
    "check_france_share",
    "check_largest_gap_region",
    "check_peer_rank",
    "check_per_emigrant",
    "check_remittance_share_of_gdp",
    "validate_session3_parameters",
    "check_share_of_all_malians",
    "check_strategies_on_cost",
    "check_strategies_without_constraint",
    "check_tokten_double_count",
    "check_tokten_health_women",
    "check_top3_share",
    "check_top_destination",
    "check_unaddressed_constraints",
    "check_unplaced_abroad",
    "check_women_share",
    "hints_shown",
    "set_hints",
]
