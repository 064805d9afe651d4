"""Test-session set-up shared by the unit tests and nbval.

Kernels started by nbval inherit this process's environment, which becomes the project's
one kernel environment (``execute.kernel_env``, with no folder for run files, so
validating a notebook writes no files).

Every test process, like the command line, keeps jsonschema from loading ``rfc3987_syntax``
(see :func:`diaspora_helpers.__main__.skip_iri_syntax_checker`): about 1.5 s per process on
a 2-core machine. It must run before anything imports nbformat (``execute`` does), and it
works only when no plugin imported jsonschema first, so ``make check`` and the slow tier run
pytest with ``-p no:nbval``; the nbval run itself keeps its plugin.
"""

import os

from diaspora_helpers.__main__ import skip_iri_syntax_checker

skip_iri_syntax_checker()

from diaspora_helpers.publish.execution.execute import kernel_env  # noqa: E402

_kernel = kernel_env(None)
os.environ.clear()
os.environ.update(_kernel)


def pytest_configure(config):
    """Name this test run (xdist passes the name to its workers as PYTEST_XDIST_TESTRUNUID)."""
    if hasattr(config, "workerinput") or not hasattr(config.option, "testrunuid"):
        return
    if config.option.testrunuid is None:
        import uuid

        config.option.testrunuid = uuid.uuid4().hex


def pytest_sessionfinish(session, exitstatus):
    """Remove the runs the xdist workers shared (``support.shared_folder``), once, at the end.

    Only this run's folder: other test runs on the machine (other checkouts) share /tmp.
    """
    if hasattr(session.config, "workerinput"):
        return
    run_id = getattr(session.config.option, "testrunuid", None)
    if not run_id:
        return
    import shutil
    import tempfile
    from pathlib import Path

    shutil.rmtree(Path(tempfile.gettempdir()) / f"diaspora-shared-{run_id}", ignore_errors=True)


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _english_edition_after_each_test():
    """Put the edition back to English after every test, whatever the test set."""
    yield
    from diaspora_helpers import i18n

    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _fast_tests_start_no_kernel(request, monkeypatch):
    """A test not marked ``slow`` runs in ``make check``, which holds every test that starts
    no kernel: one that starts a kernel in this process fails here, naming the fix."""
    if request.node.get_closest_marker("slow") is not None:
        yield
        return
    from jupyter_client.manager import KernelManager

    def refuse(*args, **kwargs):
        raise RuntimeError(
            f"{request.node.nodeid} starts a kernel: mark it @pytest.mark.slow "
            "(make check runs only the tests that start none)"
        )

    # Both the blocking and the asynchronous managers start a kernel through this step.
    monkeypatch.setattr(KernelManager, "_async_pre_start_kernel", refuse)
    yield
