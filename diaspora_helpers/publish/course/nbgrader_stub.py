"""nbgrader's ClearSolutions with a stub that names the answer of each cell.

The course's ``nbgrader_config.py`` sets ``ClearSolutions.code_stub`` to
``{answer} = None`` and lists this preprocessor in place of
ClearSolutions. In each solution region, ``{answer}`` becomes the ``answer_<n>`` variable the
region assigns, so the student version reads ``answer_3 = None`` above
the cell's check, as the exercise notebooks always did. Imported only by nbgrader.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode
from nbgrader.preprocessors import ClearSolutions

_ASSIGNED = re.compile(r"^\s*(answer_\d+)\s*[=,]", re.M)


class AnswerStub(ClearSolutions):
    """Replace each solution region with the configured stub, ``{answer}`` filled in."""

    code_stub: dict[str, str]  # ClearSolutions' trait, by language (nbgrader has no types)

    def _replace_solution_region(self, cell: NotebookNode, language: str) -> bool:
        begin, end = self.begin_solution_delimeter, self.end_solution_delimeter
        region = cell.source.partition(begin)[2].partition(end)[0]
        names = _ASSIGNED.findall(region)
        template = self.code_stub.get(language, "")
        if "{answer}" not in template or self.begin_solution_delimeter not in cell.source:
            return super()._replace_solution_region(cell, language)
        if not names:
            raise RuntimeError(f"a solution region assigns no answer_<n>:\n{cell.source}")
        saved = dict(self.code_stub)
        self.code_stub = {**saved, language: template.replace("{answer}", names[-1])}
        try:
            return super()._replace_solution_region(cell, language)
        finally:
            self.code_stub = saved
