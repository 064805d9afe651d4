"""Record a student's answer as a plain value, for grading outside the student's kernel.

The hidden test of each question calls :func:`record_answer`: it turns the answer into plain
JSON data (numbers, text, lists; numpy and pandas objects keep what kind of object they
were) and displays it under the media type :data:`MIME`. The course's grading step, in
another process, reads that output of the executed notebook, rebuilds the value
(:func:`rebuild`) and calls the question's check with the parameters the lecturer released.
Nothing the student's kernel defines (a rebound check, a changed parameter) reaches the
verdict: the kernel only hands over the answer itself.

Shapes: :func:`encode` returns JSON-able data; :func:`rebuild` returns Python, numpy or pandas
objects equal in value and kind to what was encoded. A value of any other kind is recorded
as its ``repr`` (at most :data:`MAX_TEXT` characters), so it reads as a wrong answer.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

#: The media type of a recorded answer in a notebook's outputs.
MIME = "application/vnd.diaspora-answer+json"
#: Longest list or text recorded; longer ones are cut (no question needs more).
MAX_ITEMS = 2000
MAX_TEXT = 2000


def _number(value: float) -> Any:
    if math.isfinite(value):
        return value
    return {"float": repr(value)}  # nan, inf, -inf: JSON has no literal for them


def encode(value: Any) -> Any:
    """Return ``value`` as JSON-able data that :func:`rebuild` turns back into an equal value."""
    import numpy as np
    import pandas as pd

    if value is None or type(value) in (bool, str):
        return value if type(value) is not str else value[:MAX_TEXT]
    if type(value) is int:
        return value if abs(value) < 2**53 else {"bigint": str(value)}
    if type(value) is float:
        return _number(value)
    if isinstance(value, np.generic):
        item = value.item()
        return {"numpy": value.dtype.str, "value": encode(item)}
    if isinstance(value, np.ndarray):
        return {"ndarray": [encode(v) for v in value.ravel()[:MAX_ITEMS].tolist()]}
    if isinstance(value, pd.DataFrame):
        frame = value.iloc[:MAX_ITEMS]
        return {
            "frame": [[encode(v) for v in row] for row in frame.itertuples(index=False)],
            "columns": [encode(c) for c in frame.columns],
            "index": [encode(i) for i in frame.index],
        }
    if isinstance(value, pd.Series):
        series = value.iloc[:MAX_ITEMS]
        return {
            "series": [encode(v) for v in series.tolist()],
            "index": [encode(i) for i in series.index],
            "name": encode(series.name) if isinstance(series.name, str | int) else None,
        }
    if isinstance(value, pd.Index):
        return {"index_of": [encode(v) for v in value[:MAX_ITEMS].tolist()]}
    if type(value) is list:
        return [encode(v) for v in value[:MAX_ITEMS]]
    if type(value) is tuple:
        return {"tuple": [encode(v) for v in value[:MAX_ITEMS]]}
    if type(value) in (set, frozenset):
        return {"set": [encode(v) for v in sorted(value, key=repr)[:MAX_ITEMS]]}
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return _number(float(value))  # Decimal, Fraction
    return {"repr": repr(value)[:MAX_TEXT]}


def rebuild(data: Any) -> Any:
    """Return the value :func:`encode` recorded as ``data``."""
    import numpy as np
    import pandas as pd

    if isinstance(data, list):
        return [rebuild(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "float" in data:
        return float(data["float"])
    if "bigint" in data:
        return int(data["bigint"])
    if "numpy" in data:
        return np.array(rebuild(data["value"]), dtype=np.dtype(data["numpy"]))[()]
    if "ndarray" in data:
        return np.array([rebuild(v) for v in data["ndarray"]])
    if "frame" in data:
        rows = [[rebuild(v) for v in row] for row in data["frame"]]
        return pd.DataFrame(
            rows, columns=[rebuild(c) for c in data["columns"]], index=rebuild(data["index"])
        )
    if "series" in data:
        return pd.Series(rebuild(data["series"]), index=rebuild(data["index"]), name=data["name"])
    if "index_of" in data:
        return pd.Index(rebuild(data["index_of"]))
    if "tuple" in data:
        return tuple(rebuild(v) for v in data["tuple"])
    if "set" in data:
        return {rebuild(v) for v in data["set"]}
    return str(data.get("repr", ""))


def record_answer(number: str, answer: Any) -> None:
    """Display the answer to question ``number`` (e.g. ``"2.4"``) as a plain-value record.

    Called by the hidden tests of the masters; prints nothing a reader sees.
    """
    from IPython.display import display

    display({MIME: {"question": number, "answer": encode(answer)}}, raw=True)
