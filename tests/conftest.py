"""Shared test helpers.

The shared folder (../shared next to the repository) holds seed articles and data sets. Tests
that need it skip when it is missing, except on CI (CI=true), where a missing folder fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder; skip (locally) or fail (CI=true) when it is not there."""
    if not SHARED.is_dir():
        message = f"shared folder not found at {SHARED}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (required on CI)")
        pytest.skip(message)
    return SHARED
