"""Shared test set-up: every test saves student work in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit import load_article

ROOT = Path(__file__).resolve().parent.parent
SEED_SLUG = "gaza-truce-blinken"


@pytest.fixture(autouse=True)
def _work_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MEDIALIT_WORK", str(tmp_path_factory.mktemp("work")))
    monkeypatch.delenv("MEDIALIT_STUDENT", raising=False)


@pytest.fixture(scope="session")
def seed():
    return load_article(SEED_SLUG)
