"""The README's `make lab` serves JupyterLab on the notebooks (a real server on loopback)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.load(r)


def test_make_lab_serves_the_notebooks(tmp_path):
    port, token = free_port(), "medialit-test-token"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    args = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/contents"
    try:
        deadline = time.monotonic() + 60
        listing = None
        while time.monotonic() < deadline:
            try:
                listing = get_json(f"{base}?token={token}")
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                time.sleep(0.3)
        assert listing is not None, "JupyterLab did not start within 60 s"
        names = {item["name"] for item in listing["content"]}
        assert {"00-start-here.ipynb", "01-anatomy-of-an-article.ipynb"} <= names
        nb = get_json(f"{base}/00-start-here.ipynb?token={token}")
        assert nb["type"] == "notebook" and nb["content"]["cells"]
        # Without the token the server refuses.
        with pytest.raises(urllib.error.HTTPError) as err:
            get_json(f"{base}/00-start-here.ipynb")
        assert err.value.code == 403
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
