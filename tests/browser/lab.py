"""A real JupyterLab server on loopback, for the browser tests.

The server gets its own config, settings, workspace and work folders (all temporary), a
random token, and ``MEDIALIT_WORK`` pointing at a temporary folder. ``stop()`` deletes
the kernel sessions and stops the server.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """``jupyter lab`` serving ``root`` with medialit's work saved under ``work``."""

    def __init__(self, root: Path, base: Path, student: str = "browser-test") -> None:
        self.root = root
        self.work = base / "work"
        self.student = student
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = base / "config"
        settings = base / "settings"
        note = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        for d in (config, self.work, base / "workspaces", base / "runtime"):
            d.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(config),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(base / "runtime"),
            MEDIALIT_WORK=str(self.work),
            MEDIALIT_STUDENT=student,
            MPLBACKEND="module://matplotlib_inline.backend_inline",
        )
        jupyter = Path(sys.executable).with_name("jupyter")
        args = [
            str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
            f"--ServerApp.token={self.token}", f"--ServerApp.root_dir={root}",
            "--LabApp.expose_app_in_browser=True", "--ServerApp.port_retries=0",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")
        self.log = (base / "lab.log").open("w")
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.api("GET", "/api/status")
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    log = base / "lab.log"
                    raise RuntimeError(f"JupyterLab did not start; see {log}") from None
                time.sleep(0.25)

    def api(self, method: str, path: str) -> object:
        req = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def open_url(self, notebook: str) -> str:
        return f"{self.url}/lab/tree/{notebook}?token={self.token}&reset"

    def sessions(self) -> list[dict]:
        return self.api("GET", "/api/sessions")  # type: ignore[return-value]

    def restart_kernels(self) -> None:
        for s in self.sessions():
            self.api("POST", f"/api/kernels/{s['kernel']['id']}/restart")

    def delete_sessions(self) -> None:
        for s in self.sessions():
            self.api("DELETE", f"/api/sessions/{s['id']}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.delete_sessions()
            except OSError:
                pass
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


def chromium_path() -> str | None:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")
