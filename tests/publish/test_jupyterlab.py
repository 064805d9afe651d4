"""The real client: JupyterLab started headless on a free loopback port lists the notebooks
through its REST API and runs one, cell by cell, on the project's kernel (issue 7)."""

from __future__ import annotations

import datetime
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import diaspora_test_support as support
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Lab:
    """A JupyterLab server in a subprocess, and a small REST client for it."""

    def __init__(self, root: Path) -> None:
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.runtime = Path(tempfile.mkdtemp(prefix="diaspora-lab-"))
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)
        env.pop("DIASPORA_FIGURES_DIR", None)
        env["JUPYTER_RUNTIME_DIR"] = str(self.runtime)
        self.log = self.runtime / "lab.log"
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root}",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")  # CI containers run as root
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log)

    def request(self, method: str, path: str, body: Any = None) -> Any:
        """Call the REST API and return the decoded JSON reply (None if empty)."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.base}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as reply:
            raw = reply.read()
        return json.loads(raw) if raw else None

    def wait_ready(self, timeout: float = 120) -> None:
        """Wait until the server answers /api/status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: {self.log.read_text()}")
            try:
                self.request("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise TimeoutError("JupyterLab did not start")

    def stop(self) -> None:
        """Shut the server down through the API, then make sure it exited."""
        try:
            self.request("POST", "/api/shutdown")
        except (urllib.error.URLError, ConnectionError):
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.runtime, ignore_errors=True)


@pytest.fixture(scope="module")
def lab() -> Any:
    server = Lab(support.PROJECT)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()
    assert server.process.returncode is not None


def _message(session: str, code: str) -> dict[str, Any]:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "username": "test",
            "session": session,
            "msg_type": "execute_request",
            "version": "5.3",
            "date": datetime.datetime.now(datetime.UTC).isoformat(),
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
        "channel": "shell",
        "buffers": [],
    }


def _execute(ws: Any, session: str, code: str, timeout: float = 300) -> tuple[str, list[dict]]:
    """Run ``code``; return the reply status and the iopub outputs it produced."""
    message = _message(session, code)
    ws.send(json.dumps(message))
    outputs: list[dict] = []
    status, idle = None, False  # the shell reply and iopub's idle may come in either order
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not (status and idle):
        reply = json.loads(ws.recv())
        if reply.get("parent_header", {}).get("msg_id") != message["header"]["msg_id"]:
            continue
        kind = reply["header"]["msg_type"]
        if kind in ("stream", "execute_result", "display_data", "error"):
            outputs.append({"type": kind, **reply["content"]})
        elif kind == "execute_reply":
            status = reply["content"]["status"]
        elif kind == "status" and reply["content"]["execution_state"] == "idle":
            idle = True
    if not (status and idle):
        raise TimeoutError(code[:60])
    return status, outputs


def test_lists_the_notebooks(lab: Lab) -> None:
    listing = lab.request("GET", "/api/contents/notebooks")
    listed = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    on_disk = sorted(p.name for p in (support.PROJECT / "notebooks").glob("*.ipynb"))
    assert listed == on_disk
    assert "python3" in lab.request("GET", "/api/kernelspecs")["kernelspecs"]


def test_runs_a_notebook_on_the_project_kernel(lab: Lab) -> None:
    import websocket

    real = sorted((support.PROJECT / "notebooks").glob("*.ipynb"))
    path = f"notebooks/{real[0].name}" if real else "tests/fixtures/notebooks/a_chart.ipynb"
    session = lab.request(
        "POST",
        "/api/sessions",
        {"path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "python3"}},
    )
    kernel = session["kernel"]["id"]
    client_session = uuid.uuid4().hex
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{lab.port}/api/kernels/{kernel}/channels?session_id={client_session}",
        header=[f"Authorization: token {lab.token}"],
        timeout=300,
        suppress_origin=True,
    )
    try:
        status, outputs = _execute(
            ws, client_session, "import os, sys\nprint(sys.prefix)\nos.getcwd()"
        )
        assert status == "ok"
        assert outputs[0]["text"].strip() == sys.prefix, "the kernel is the project's Python"
        cwd = Path(outputs[1]["data"]["text/plain"].strip("'"))
        assert cwd == (support.PROJECT / Path(path).parent)
        notebook = lab.request("GET", f"/api/contents/{path}?content=1")["content"]
        code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        assert code_cells
        for index, cell in enumerate(code_cells):
            status, outputs = _execute(ws, client_session, cell["source"])
            errors = [o for o in outputs if o["type"] == "error"]
            assert status == "ok", f"code cell {index + 1} of {path}: {errors}"
    finally:
        ws.close()
        lab.request("DELETE", f"/api/sessions/{session['id']}")
    assert kernel not in [k["id"] for k in lab.request("GET", "/api/kernels")]
