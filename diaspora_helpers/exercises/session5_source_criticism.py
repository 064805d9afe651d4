"""Checks of session 5: Source criticism of the document.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

import math

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis import audit, demography, key_figures, tokten
from diaspora_helpers.data import load
from diaspora_helpers.exercises.grading import (
    Verdict,
    exercise,
    grade_choice,
    grade_integer,
    grade_number,
    grade_set,
    resolver,
)
from diaspora_helpers.exercises.names import table_names
from diaspora_helpers.exercises.reading import PERSONS
from diaspora_helpers.i18n import _

#: French names a student may type for the audit's ``severity`` values (exercise 5.6); the
#: table shows the English values, which are accepted too. Matching folds accents and case.
SEVERITY_FRENCH = {
    "ambiguïté": "ambiguity",
    "passage altéré": "garble",
    "altération": "garble",
    "terminologie": "terminology",
    "contradiction": "contradiction",
    "erreur de calcul": "arithmetic",
    "arithmétique": "arithmetic",
}


@exercise("5.1")
def check_france_share(answer: object) -> Verdict:
    """Exercise 5.1: how many Malians in France the document's printed share implies."""
    key = key_figures.key_figures()
    shares = key_figures.recomputed_shares(key)
    population = float(key.at["population", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    stated = float(shares.at["malians_in_france", "stated_share_pct"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    count = float(shares.at["malians_in_france", "count"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return grade_number(
        answer,
        stated / 100 * population,
        unit=PERSONS,
        decimals=0,
        why=_(
            "The printed share and the printed count cannot both be right: at least one of "
            "the two is wrong."
        ),
        hint=_(
            "Multiply the resident population of the 2009 census by the printed share, "
            "divided by 100."
        ),
        traps=[
            (count, _("That is the printed count; compute what the printed share implies.")),
            (stated * population, _("A share in percent must be divided by 100 first.")),
        ],
        direction=False,
    )


@exercise("5.2")
def check_disagreeing_shares(answer: object) -> Verdict:
    """Exercise 5.2: the key figures whose printed share does not match their count."""
    shares = key_figures.recomputed_shares(key_figures.key_figures())
    return grade_set(
        answer,
        list(shares.index[~shares["agrees"]]),
        valid=table_names("key_figures"),  # the ids, or the labels a page shows for them
        what=_("key-figure ids"),
        traps=[
            (
                list(shares.index[shares["difference_pp"].abs() > 0]),
                _(
                    "Almost no recomputed share equals the printed one to the last digit: "
                    "compare them at the precision printed."
                ),
            )
        ],
        why=_(
            "A share is right only if the count divided by the population gives it at the "
            "precision printed."
        ),
        hint=_(
            "Recompute every share and round it as the document printed it (one decimal "
            "for 1.3, none for 24) before comparing."
        ),
    )


@exercise("5.3")
def check_unplaced_abroad(answer: object) -> Verdict:
    """Exercise 5.3: how many Malians abroad the document places neither in Africa nor Europe."""
    table = key_figures.abroad_breakdown(key_figures.key_figures()).set_index("where")
    correct = float(table.loc["not_placed", "persons"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    france = float(table.loc["france", "persons"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    un_year = demography.estimate_years()[-1]
    regions = demography.by_region(un_year).set_index("region_group")
    elsewhere = regions.loc["elsewhere"]
    return grade_number(
        answer,
        correct,
        unit=PERSONS,
        decimals=0,
        why=_(
            "The document's administrative parts leave a remainder it never places, and "
            "nothing in it says where those people live. Another measure cannot settle it: "
            "UN DESA's estimate for {year}, which counts people born in Mali (or Malian "
            "citizens where birthplace is not recorded), puts only {elsewhere} of them "
            "({share}) outside Africa and Europe, and its table names no destination in Asia, "
            "though the document lists Saudi Arabia and the United Arab Emirates among the "
            "countries its contact missions visited. The collection records the gap and does "
            "not guess."
        ).format(
            elsewhere=text.number(elsewhere["persons"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            share=text.percent(elsewhere["share_pct"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            year=un_year,
        ),
        hint=_("Subtract the parts from the total once each."),
        traps=[
            (
                correct - france,
                _("France is part of Europe: subtracting it as well counts it twice."),
            )
        ],
        direction=False,
    )


def _tokten_stated() -> dict[str, float]:
    totals = load("tokten_totals")
    return dict(
        zip(totals["measure"].astype("str"), totals["value"].astype("float64"), strict=True)
    )


@exercise("5.4")
def check_tokten_double_count(answer: object) -> Verdict:
    """Exercise 5.4: by how much the sum of every TOKTEN row exceeds the stated trainee total."""
    rows = load("tokten_results")
    check = tokten.check_totals(rows, _tokten_stated(), ["trainees"]).iloc[0]
    excess = int(round(check["difference"]))
    return grade_integer(
        answer,
        excess,
        traps=[
            (
                -excess if excess else math.nan,  # a sign slip, as 3.4 names it (rfr10)
                _(
                    "The size is right but the sign is not: subtract the stated total from "
                    "the sum of the rows, not the other way round."
                ),
            )
        ],
        why=_(
            "The education subtotal row repeats its three degree rows: summing a table with "
            "subtotals in it counts them twice."
        ),
        hint=_(
            "Add the trainees of every row of `tokten_results` as it stands, then subtract the "
            "stated total from `tokten_totals`."
        ),
    )


def _is_subtotal(rows: pd.DataFrame) -> pd.Series:
    """Return True for rows that add up other rows of the same sector ('all' beside details)."""
    detailed = set(rows.loc[rows["degree_level"].astype("str") != "all", "sector"].astype("str"))
    return (rows["degree_level"].astype("str") == "all") & rows["sector"].astype("str").isin(
        detailed
    )


@exercise("5.5")
def check_tokten_health_women(answer: object) -> Verdict:
    """Exercise 5.5: how many women among the health trainees the stated total implies."""
    rows = load("tokten_results")
    parts = rows[~_is_subtotal(rows) & (rows["sector"].astype("str") != "health")]
    check = tokten.check_totals(parts, _tokten_stated(), ["women"]).iloc[0]
    return grade_integer(
        answer,
        int(round(-check["difference"])),
        why=_(
            "The document leaves the figure out, but its own total pins it down, provided "
            "the total and the other sectors' figures are right."
        ),
        hint=_(
            "Subtract the women of every other sector (without counting a subtotal twice) "
            "from the stated total of women."
        ),
    )


def _commonest_why(n: int, total: int) -> str:
    """Return why the commonest kind is right: it holds ``n`` of the ``total`` entries."""
    values = {"n": n, "total": total, "share": text.percent(100 * n / total, 0)}
    if 2 * n > total:
        return _(
            "The commonest kind holds {n} of the {total} entries ({share}): more than half "
            "of the audit is of this one kind."
        ).format(**values)
    return _(
        "The commonest kind holds {n} of the {total} entries ({share}): fewer than half, so "
        "the audit mixes several kinds of problem, and each entry records how the "
        "collection treats it."
    ).format(**values)


@exercise("5.6")
def check_commonest_problem(answer: object) -> Verdict:
    """Exercise 5.6: the kind of problem recorded most often in the source audit."""
    counts = audit.entries()["severity"].astype("str").value_counts()
    correct = str(counts.sort_index().idxmax())
    kinds = {k: k for k in counts.index}
    kinds.update({fr: en for fr, en in SEVERITY_FRENCH.items() if en in kinds})
    return grade_choice(
        answer,
        correct,
        resolve=resolver(kinds),
        options=_("one of the values of the “Severity” column (`severity`) of the source audit"),
        why=_commonest_why(int(counts.max()), int(counts.sum())),
        hint=_("Count the audit entries by their “Severity” column (`severity`, value_counts)."),
    )
