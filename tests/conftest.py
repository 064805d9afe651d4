"""Set-up of every test process (workers included).

The processes that test the package, like the command line, keep jsonschema from loading
``rfc3987_syntax`` (see :func:`diaspora_helpers.__main__.skip_iri_syntax_checker`): about
1.5 s per process on a 2-core machine. It works only when nothing imported jsonschema
first, so ``make check`` and the slow tier run pytest with ``-p no:nbval`` (nbval's plugin
imports nbformat, which imports jsonschema); the nbval run itself keeps its plugin.
"""

from diaspora_helpers.__main__ import skip_iri_syntax_checker

skip_iri_syntax_checker()
