"""Search of one edition's pages that works offline, opened from disk (``file://``).

Every page carries a search form, hidden until its small inline script runs (with
JavaScript off the pages read as before, without the form). Nothing is loaded until the
reader submits a search (not when the box gets the focus: a reader who only tabs past it,
or taps it by mistake on a metered phone, loads nothing): then the script adds
``minisearch.js`` (MiniSearch 7, MIT, vendored from npm in ``templates/vendor/``, minified:
``make vendor-js`` runs the pinned terser over ``node_modules``' build, 18 KB instead of
86 KB) and the edition's ``search-index.js``,
indexes the documents and lists the matches. Both are ``<script>`` files, not JSON fetched
by the page: a browser refuses such a fetch from ``file://``.

``search-index.js`` is written by :func:`write_index` once every page of the edition
exists: one document per section of each page (its ``<h2>``), with the page's title, the
section's heading, its link and the words of its whole text, each once
(:func:`index_words`), in page order, so rebuilding gives the same bytes. The results
list the best :data:`SHOWN` matches under a line that gives the true
number of matches ("The first 12 of 31 sections that match:") and a button that shows
them all ("Show all 31 sections"), the focus then on the first match it added. Only the
count is announced to a screen reader (a status region: "31 results"), not the list; Escape
in the box or the results empties both and puts the focus back in the box. Accents are
folded and terms matched by prefix, so "tokten", "TOKTEN" and "Tokt" find the same
sections. Only a term of more than five letters is matched fuzzily ("hcme" is not "home"),
and an acronym typed in capitals ("HCME") is matched exactly, its glossary entry first.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from importlib import resources
from pathlib import Path

INDEX_FILE = "search-index.js"
LIBRARY_FILE = "minisearch.js"
VENDORED = resources.files("diaspora_helpers.publish.site") / "templates" / "vendor"
#: Characters of a section's text :func:`page_documents` gives by default (the glossary's
#: "Used in" looks for its terms there); the index takes each section's words whole.
TEXT_LIMIT = 3000
#: Matches listed at most (the message says how many there are in all).
SHOWN = 12

_SCRIPT = """<script>(function(){var f=document.getElementById('search');if(!f)return;
f.hidden=false;var q=f.elements.q,out=document.getElementById('search-results'),
say=document.getElementById('search-status'),m=null,w=null;
function fold(t){return t.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g,'');}
function add(s,k){var e=document.createElement('script');e.src=s;e.onload=k;
document.head.appendChild(e);}
function ready(k){if(m)return k();if(w){w.push(k);return;}w=[k];
add(LIB,function(){add(IDX,function(){m=new MiniSearch({fields:['title','section','text'],
storeFields:['title','section'],processTerm:fold,searchOptions:{prefix:true,
fuzzy:function(t){return t.length>5?0.15:false;},boost:{title:3,section:2}}});
m.addAll(window.DIASPORA_SEARCH);
w.forEach(function(g){g();});w=null;});});}
function clear(){q.value='';out.textContent='';say.textContent='';}
function show(all,full){var r=full?all:all.slice(0,SHOWN),n=all.length,d=f.dataset;
out.textContent='';var p=document.createElement('p');
p.textContent=(n>r.length?d.first.replace('{shown}',r.length):
n>1?d.found:n?d.one:d.none).replace('{n}',n);out.appendChild(p);if(!n)return;
var l=document.createElement('ol');
r.forEach(function(x){var i=document.createElement('li'),a=document.createElement('a');
a.href=x.id;a.textContent=x.section?x.title+' \\u2014 '+x.section:x.title;
i.appendChild(a);l.appendChild(i);});out.appendChild(l);if(n<=r.length)return;
var b=document.createElement('button');b.type='button';b.className='more';
b.textContent=d.more.replace('{n}',n);b.addEventListener('click',function(){show(all,true);
var k=out.querySelectorAll('li a')[SHOWN];if(k)k.focus();});out.appendChild(b);}
function esc(e){if(e.key!=='Escape'||!(q.value||out.firstChild))return;
e.preventDefault();clear();q.focus();}f.addEventListener('keydown',esc);
out.addEventListener('keydown',esc);
f.addEventListener('submit',function(e){e.preventDefault();var t=q.value.trim();
if(!t)return;ready(function(){var a=m.search(t,/^[A-Z][A-Z0-9-]+$/.test(t)?{fuzzy:false,
boostDocument:function(i){return /glossary/.test(i)?20:1;}}:{}),n=a.length,d=f.dataset;
show(a,false);
say.textContent='';setTimeout(function(){say.textContent=(n>1?d.count:n?d.single:d.zero)
.replace('{n}',n);},100);});});})();</script>"""


def form(gettext: Callable[[str], str] = str, base: str = "") -> str:
    """Return the search form of a page (hidden until its script runs), its results
    region and the script, its words translated with ``gettext``; ``base`` is the path
    from the page to the edition's folder (pages sit in it: "")."""
    _ = gettext
    script = (
        _SCRIPT.replace("LIB", json.dumps(base + LIBRARY_FILE))
        .replace("IDX", json.dumps(base + INDEX_FILE))
        .replace("SHOWN", str(SHOWN))
    )
    attrs = {
        "one": _("One section matches:"),
        "found": _("{n} sections match:"),
        "first": _("The first {shown} of {n} sections that match:"),
        "none": _("No section matches; try another word."),
        "more": _("Show all {n} sections"),
        # What the status region announces: the count only, not the list.
        "count": _("{n} results"),
        "single": _("One result"),
        "zero": _("No results"),
    }
    data = "".join(f' data-{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    label, button = _("Search these pages"), _("Search")
    # Short enough to show whole beside the button on a 390 px phone, in both editions.
    hint = _("Word or acronym")
    return (
        f'<form class="search" id="search" role="search" hidden{data}>'
        f'<label for="search-q" class="vh">{label}</label>'
        f'<input id="search-q" name="q" type="search" placeholder="{hint}">'
        f'<button type="submit">{button}</button></form>'
        f'<p id="search-status" class="vh" role="status"></p>'
        f'<div id="search-results" class="search-results"></div>\n' + script
    )


_TAG = re.compile(r"<[^>]+>")


#: Runs of the whitespace a page's markup puts between words: ASCII only, so that the
#: no-break spaces of French typography (U+00A0, U+202F before ":") are kept as written.
_LAYOUT_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _plain(fragment: str) -> str:
    return _LAYOUT_SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip(" ")


def page_documents(page: Path, limit: int | None = TEXT_LIMIT) -> list[dict[str, str]]:
    """Return the search documents of one page: its text before the first ``<h2>`` (under
    the page's title), then one per ``<h2>`` section with the section's link; each
    section's text is cut after ``limit`` characters (None: whole)."""
    text = page.read_text(encoding="utf-8")
    title_match = re.search(r"<title>(.*?)(?: \| [^<]*)?</title>", text, re.S)
    title = _plain(title_match.group(1)) if title_match else page.stem
    main = re.search(r"<main\b[^>]*>(.*)</main>", text, re.S)
    body = main.group(1) if main else text
    body = re.sub(r"<details class=\"code\">.*?</details>", " ", body, flags=re.S)
    body = re.sub(r"<(nav|script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', " ", body, flags=re.S)
    body = re.sub(r'<p class="to-top\b[^"]*">.*?</p>', " ", body, flags=re.S)
    parts = re.split(r'(<h2\b[^>]*id="[^"]*"[^>]*>.*?</h2>)', body, flags=re.S)
    documents = [{"id": page.name, "url": page.name, "title": title, "section": "",
                  "text": _plain(parts[0])[:limit]}]  # fmt: skip
    for heading, section in zip(parts[1::2], parts[2::2], strict=False):
        ident = re.search(r'id="([^"]*)"', heading)
        anchor = ident.group(1) if ident else ""
        documents.append(
            {
                "id": f"{page.name}#{anchor}",
                "url": f"{page.name}#{anchor}",
                "title": title,
                "section": _plain(heading),
                "text": _plain(section)[:limit],
            }
        )
    return documents


def _separates(character: str) -> bool:
    """Whether MiniSearch's tokenizer splits words at ``character`` (its default,
    ``/[\\n\\r\\p{Z}\\p{P}]+/u``: line ends, Unicode spaces and punctuation)."""
    return character in "\n\r" or unicodedata.category(character)[0] in "ZP"


def _fold(word: str) -> str:
    """A word as the page's script matches it (``fold``: lower case, accents dropped)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")


def index_words(text: str) -> str:
    """Return the words of ``text`` that search can match, each once (the first spelling
    of each word as the script folds it), in order, separated by spaces.

    The index holds no running text (results show a section's title, never its text), so
    a word said twice in a section adds weight, not matches: this keeps every word of
    every section findable at about 60 % of the bytes of the first 3,000 characters.
    """
    words: dict[str, str] = {}
    # Each distinct character is classed once (a section has a few hundred, in thousands).
    spaced = text.translate({ord(c): " " for c in set(text) if _separates(c)})
    spellings: set[str] = set()  # a spelling seen before folds as it did then
    for word in spaced.split():
        if word not in spellings:
            spellings.add(word)
            words.setdefault(_fold(word), word)
    return " ".join(words.values())


def write_index(folder: Path) -> Path:
    """Write ``search-index.js`` (the documents of every ``*.html`` page of ``folder``,
    by name: ``id`` the section's link, ``title``, ``section``, and ``text`` the words of
    the whole section, :func:`index_words`) and ``minisearch.js`` into ``folder``; return
    the index's path."""
    documents = []
    for page in sorted(folder.glob("*.html")):
        documents += [
            {
                "id": document["url"],
                "title": document["title"],
                "section": document["section"],
                "text": index_words(document["text"]),
            }
            for document in page_documents(page, None)
        ]
    payload = json.dumps(documents, ensure_ascii=False, separators=(",", ":"))
    out = folder / INDEX_FILE
    out.write_text(f"window.DIASPORA_SEARCH={payload};\n", encoding="utf-8")
    library = (VENDORED / LIBRARY_FILE).read_bytes()
    (folder / LIBRARY_FILE).write_bytes(library)
    return out
