"""JupyterLab in French for the French edition (issue 24).

The ``lab`` extra installs JupyterLab's French language pack; ``make lab EDITION=fr`` opens
Lab with French menus through user settings kept inside ``.venv`` (never ``~/.jupyter``).
The menu paths the French notebooks and course files quote (« Exécution > Exécuter toutes
les cellules ») are the pack's own words, as JupyterLab shows them: the menu bar's title in
the ``menu`` context, the item as a command label.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from jupyterlab_server.translation_utils import get_language_pack

ROOT = Path(__file__).resolve().parents[2]
FRENCH = ROOT / "notebooks" / "fr"
MENU_PATH = re.compile(r"«\s*([^«»>]+?)\s*>\s*([^«»]+?)\s*»")


def _quoted_menu_paths() -> dict[tuple[str, str], list[str]]:
    """Every « Menu > Item » of the French notebooks' Markdown and the French course files."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(FRENCH.glob("*.md")) + sorted(FRENCH.glob("*.ipynb")):
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        for menu, item in MENU_PATH.findall(text.replace("\n", " ")):
            found.setdefault((menu, re.sub(r"\s+", " ", item)), []).append(path.name)
    return found


def _pack() -> dict[str, list[str]]:
    packs, message = get_language_pack("fr_FR")
    assert "jupyterlab" in packs, f"the French language pack is not installed: {message}"
    return packs["jupyterlab"]


def test_the_french_texts_quote_menu_paths():
    assert ("Exécution", "Exécuter toutes les cellules") in _quoted_menu_paths()


@pytest.mark.parametrize("quoted", sorted(_quoted_menu_paths()), ids=" > ".join)
def test_each_quoted_menu_path_is_the_language_pack_s_words(quoted):
    pack = _pack()
    menus = {v[0] for k, v in pack.items() if k.startswith("menu\x04")}
    items = {v[0] for k, v in pack.items() if "\x04" not in k and k}
    menu, item = quoted
    assert menu in menus, f"{quoted} ({_quoted_menu_paths()[quoted]}): no French menu {menu!r}"
    assert item in items, f"{quoted} ({_quoted_menu_paths()[quoted]}): no French item {item!r}"


def test_the_check_refuses_a_word_the_pack_does_not_have():
    pack = _pack()
    menus = {v[0] for k, v in pack.items() if k.startswith("menu\x04")}
    assert "Exécuter" not in menus  # the menu bar says "Exécution"; "Executer" is a verb label


def test_make_lab_sets_french_inside_the_venv_never_in_the_home_folder():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("LAB_FR_SETTINGS :=") : makefile.index("\nendif")]
    assert "LAB_FR_SETTINGS := $(VENV)/share/jupyter/lab/" in target
    assert 'JUPYTERLAB_SETTINGS_DIR="$(CURDIR)/$(LAB_FR_SETTINGS)"' in target
    assert '{"locale": "fr_FR"}' in target and "$(WORKSPACE)/fr/" in target
    assert "~" not in target and "HOME" not in target


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_lab_started_with_the_venv_settings_speaks_french(tmp_path):
    """Lab, given the settings folder ``make lab EDITION=fr`` writes, answers in fr_FR."""
    settings = tmp_path / "user-settings-fr" / "@jupyterlab" / "translation-extension"
    settings.mkdir(parents=True)
    (settings / "plugin.jupyterlab-settings").write_text('{"locale": "fr_FR"}\n')
    token, port = secrets.token_hex(16), _free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user-settings-fr"))
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={FRENCH}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (tmp_path / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)

    def get(path: str) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"token {token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read())

    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get("/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, (tmp_path / "lab.log").read_text()
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.3)
        plugin = get("/lab/api/settings/@jupyterlab/translation-extension:plugin")
        assert plugin["settings"]["locale"] == "fr_FR"
        translations = get("/lab/api/translations/fr_FR")["data"]["jupyterlab"]
        assert translations["Run All Cells"] == ["Exécuter toutes les cellules"]
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
