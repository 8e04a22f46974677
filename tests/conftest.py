"""Shared pytest fixtures: the repo on the path, and the other languages' workers."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "python"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from harness.bridges import environment_problem  # noqa: E402
from harness.worker import Worker  # noqa: E402


def skip_or_fail(reason):
    """Skip for reason, except under CI=true, where CI's set-up should have made it moot."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true, and this test would skip: {reason}")
    pytest.skip(reason)


def require_language(lang):
    """Skip when lang is not installed (a failure under CI=true)."""
    problem = environment_problem(lang)
    if problem:
        skip_or_fail(f"{lang} is unavailable: {problem}")


@pytest.fixture(scope="session")
def workers():
    """One worker per other language for the whole session (R and Octave start once)."""
    made = {}

    def get(lang):
        require_language(lang)
        if lang not in made:
            made[lang] = Worker(lang, timeout=300)
        return made[lang]

    yield get
    for w in made.values():
        w.close()
