"""Code on a phone (issue 25, the phone reader's last reading): a line of exercise code
wider than the screen wraps between names (after a dot, an opening bracket, a keyword's
``=``), never inside one, and the code a reader copies is the code as written."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.site import markup

PHONE = 390
HIGHLIGHTED = (
    '<div class="highlight"><pre><span class="n">exercises</span><span class="o">.</span>'
    '<span class="n">check_share_of_all_malians</span><span class="p">(</span>'
    '<span class="n">answer_1</span><span class="p">)</span>\n'
    '<span class="n">x</span> <span class="o">=</span> <span class="mf">20.0</span>\n'
    '<span class="n">f</span><span class="p">(</span><span class="n">a</span><span class="p">,'
    '</span> <span class="n">b</span><span class="o">=</span><span class="s2">&quot;k&quot;'
    '</span><span class="p">)</span></pre></div>'
)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_breaks_fall_between_names_only() -> None:
    marked = markup.code_breaks(HIGHLIGHTED)
    # the text is unchanged: a <wbr> adds no character to what is copied
    assert _text(marked) == _text(HIGHLIGHTED)
    # where the breaks fall, read off the text with a mark for each <wbr>
    shown = html.unescape(re.sub(r"<(?!wbr>)[^>]+>", "", marked)).replace("<wbr>", "|")
    assert shown == ('exercises.|check_share_of_all_malians(|answer_1)\nx = 20.0\nf(|a, b=|"k")'), (
        shown
    )
    # nothing inside a name or a number, and outside code nothing at all
    assert markup.code_breaks("<p>exercises.check(a)</p>") == "<p>exercises.check(a)</p>"
    inline = markup.code_breaks("<p>Call <code>key_figures.recomputed_shares(key)</code>.</p>")
    assert "<code>key_figures.<wbr>recomputed_shares(<wbr>key)</code>" in inline
    # a series code a student types stays one word
    assert markup.code_breaks("<td><code>BX.TRF.PWKR.CD.DT</code></td>") == (
        "<td><code>BX.TRF.PWKR.CD.DT</code></td>"
    )


#: Every word-like token of the code blocks and code phrases a reader sees, that the
#: browser laid out on more than one line: a name broken mid-word.
BROKEN = """JSON.stringify(Array.from(document.querySelectorAll('main pre span, main code'))
  .filter(s => s.children.length === 0 && s.offsetParent && /\\w{2,}/.test(s.textContent)
    && !/\\s/.test(s.textContent.trim()))
  .filter(s => s.getClientRects().length > 1).map(s => s.textContent))"""


@pytest.mark.slow
def test_no_name_breaks_mid_word_on_a_phone() -> None:
    from browser_support import launch

    given = os.environ.get("DIASPORA_BUILT_SITE")
    site = Path(given) if given else support.collection_site()
    pages = sorted(site.glob("exercises_*.html")) + sorted((site / "fr").glob("exercises_*.html"))
    assert len(pages) == 10, pages
    broken = {}
    with launch(javascript=True) as tools:
        tools.viewport(PHONE)
        for page in pages:
            tools.open(page)
            found = json.loads(tools.evaluate(BROKEN))
            if found:
                broken[f"{page.parent.name}/{page.name}"] = found
    assert broken == {}
