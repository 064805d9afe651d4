"""``make check`` holds every test that starts no kernel (issue 21): a fast test that starts
one fails with the fix named (the root conftest's guard), before any kernel process runs."""

from __future__ import annotations

import pytest
from jupyter_client.manager import KernelManager


def test_a_fast_test_that_starts_a_kernel_is_told_to_be_marked_slow() -> None:
    with pytest.raises(RuntimeError, match=r"starts a kernel: mark it @pytest\.mark\.slow"):
        KernelManager(kernel_name="python3").start_kernel()
