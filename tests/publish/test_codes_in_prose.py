"""Codes in the reading text of the topic notebooks (issue 25, the fresh phone reader): a
setting, table or column is said in words first; where its name matters to an analyst it
comes after the words, in ``<code>`` ("the largest communities (as many as the parameter
`top_n` asks for)"), never as the noun of the sentence ("the `top_n` largest"). The
parameters section, which moves to the collapsed block at the end of the page, keeps its
names as papermill needs them."""

from __future__ import annotations

import re
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

NOTEBOOKS = sorted((support.PROJECT / "notebooks").glob("0*.ipynb")) + sorted(
    (support.PROJECT / "notebooks" / "fr").glob("0*.ipynb")
)
#: An inline code span that is a name in the code (a parameter, table or column), not a
#: file path or a command.
NAME = re.compile(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)*)`")
#: What may stand just before such a name: an opening parenthesis, a comma of apposition,
#: or the word "parameter" (both editions).
AFTER_WORDS = re.compile(r"(?:\(|, |\bparameter |\bparamètre )$")


def _reading_text(path: Path) -> list[str]:
    """The Markdown a reader reads: the Markdown cells, without the parameters section
    (the cell just before the ``parameters`` cell) and code blocks, and the Markdown the
    code cells wrote."""
    nb = nbformat.read(path, as_version=4)
    at = next(
        (i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None
    )
    texts = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and (at is None or i != at - 1):
            texts.append(re.sub(r"```.*?```", "", cell.source, flags=re.S))
        for output in cell.get("outputs", []):
            markdown = output.get("data", {}).get("text/markdown")
            if markdown:
                texts.append(markdown if isinstance(markdown, str) else "".join(markdown))
    return texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_names_in_code_follow_the_words_that_say_what_they_are(path: Path) -> None:
    bare = [
        (match.group(1), " ".join(text[max(0, match.start() - 40) : match.end()].split()))
        for text in _reading_text(path)
        for match in NAME.finditer(text)
        if not AFTER_WORDS.search(text[: match.start()].replace("\n", " "))
    ]
    assert bare == [], bare
