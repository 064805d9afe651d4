"""The records a table carries in ``DataFrame.attrs`` are shared by the frames made from it,
not deep-copied at every pandas operation, and cannot be changed in place."""

import copy
import pickle

import pandas as pd
import pytest

from diaspora_helpers import i18n
from diaspora_helpers.frame_records import Record


def test_a_record_is_shared_by_deepcopy_and_read_only():
    words = {"africa": "Africa"}
    record = Record({"region": words})
    assert copy.deepcopy(record) is record
    assert record == {"region": {"africa": "Africa"}}
    with pytest.raises(TypeError):
        record["region"] = {}
    words["europe"] = "Europe"  # the caller's dict, copied when the record was made
    assert list(record) == ["region"] and len(record) == 1
    assert pickle.loads(pickle.dumps(record)) == record


def test_frames_made_from_a_table_share_its_words_and_formats():
    table = pd.DataFrame({"region": ["africa", "europe"], "persons": [3, 1]})
    i18n.with_words(table, region={"africa": "Africa", "europe": "Europe"})
    i18n.with_formats(table, persons=str)
    i18n.with_texts(table, "persons")
    derived = table[table["persons"] > 1].sort_values("region").copy()
    assert derived.attrs[i18n.WORDS_ATTR] is table.attrs[i18n.WORDS_ATTR]
    assert derived.attrs[i18n.FORMATS_ATTR] is table.attrs[i18n.FORMATS_ATTR]
    assert i18n.texts_of(derived) == ["persons"]
    # adding words makes a new record: the first table keeps its own
    i18n.with_words(derived, persons=["3"])
    assert set(i18n.words_of(derived)) == {"region", "persons"}
    assert set(i18n.words_of(table)) == {"region"}
    assert i18n.labelled(derived)["region"].tolist() == ["Africa"]
