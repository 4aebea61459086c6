"""A real JupyterHub on loopback: two students log in, tag in their own servers, and the
instructor grades what they handed in.

Starts ``jupyterhub -f jupyterhub/jupyterhub_config.py`` (dummy authenticator, local
process spawner) with configurable-http-proxy from npm, installed into
``jupyterhub/.proxy`` on first use. Students log in through the login form, start their
servers through the hub's REST API, and run code in a kernel of their own server over the
Jupyter server REST + websocket API. Nothing is mocked; all on 127.0.0.1, free ports.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

from medialit.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
HUB_DIR = ROOT / "jupyterhub"
PROXY = HUB_DIR / ".proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
VENV_BIN = Path(sys.executable).parent
PASSWORD = "class-password"
SLUG = "gaza-truce-blinken"

# What each student does in their kernel: tag a quote and its speaker, save, export.
STUDENT_CODE = """
import os
from medialit import load_article
from medialit.work import Tag, WorkStore
article = load_article({slug!r})
store = WorkStore(article)
work = store.load("quotes")
speaker = article.span("Blinken said")
quote = article.span({quote!r})
work.tags = [Tag("t1", speaker.start, speaker.start + 7, "speaker", "Blinken"),
             Tag("t2", quote.start, quote.end, {label!r}, article[quote], link="t1")]
store.save(work)
print(store.student, store.export())
"""


def started_processes(tmp: Path) -> dict[int, str]:
    """The processes this test's hub started: students' servers (working in the test's
    homes folder) and the proxy (from its pid file), by pid."""
    found: dict[int, str] = {}
    homes = str(tmp / "homes")
    for proc_dir in Path("/proc").iterdir():
        if not proc_dir.name.isdigit():
            continue
        try:
            cmd = (proc_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            cwd = os.readlink(proc_dir / "cwd")
        except OSError:
            continue
        if "jupyterhub-singleuser" in cmd and cwd.startswith(homes):
            found[int(proc_dir.name)] = cwd.rsplit("/", 1)[-1]
    pid_file = tmp / "state" / "proxy.pid"
    if pid_file.exists():
        pid = int(pid_file.read_text().strip())
        if Path(f"/proc/{pid}").exists():
            found[pid] = "proxy"
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_proxy() -> None:
    if PROXY.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is needed to install configurable-http-proxy")
    subprocess.run([npm, "install", "--prefix", str(HUB_DIR / ".proxy"), "--no-audit",
                    "--no-fund", "configurable-http-proxy@4"], check=True, timeout=300,
                   capture_output=True)


class Browser:
    """A cookie-keeping HTTP client for one user, with the hub's XSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.jar))

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def request(self, method: str, path: str, data: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, bytes]:
        req = Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except HTTPError as e:
            return e.code, e.read()


def wait_for(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


async def run_in_kernel(ws_url: str, token: str, code: str, timeout: float = 60) -> str:
    """Execute ``code`` over the kernel's websocket; return its stdout (fail on errors)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    conn = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}))
    msg_id = uuid.uuid4().hex
    conn.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    out: list[str] = []
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(conn.read_message(), deadline - time.monotonic())
        assert raw is not None, "the kernel's websocket closed"
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "stream":
            out.append(msg["content"]["text"])
        elif kind == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    conn.close()
    return "".join(out)


@pytest.fixture
def hub(tmp_path):
    ensure_proxy()
    port, hub_port, api_port = free_port(), free_port(), free_port()
    state = tmp_path / "state"
    env = {**os.environ,
           "MEDIALIT_HUB_PORT": str(port), "MEDIALIT_HUB_HUB_PORT": str(hub_port),
           "MEDIALIT_HUB_PROXY_API_PORT": str(api_port), "MEDIALIT_HUB_STATE": str(state),
           "MEDIALIT_HUB_HOMES": str(tmp_path / "homes"), "MEDIALIT_HUB_PASSWORD": PASSWORD,
           "MEDIALIT_HUB_STUDENTS": "alice,bob", "MEDIALIT_HUB_INSTRUCTORS": "teacher"}
    env.pop("MEDIALIT_WORK", None)
    env.pop("MEDIALIT_STUDENT", None)
    log = (tmp_path / "hub.log").open("w")
    proc = subprocess.Popen(
        [str(VENV_BIN / "jupyterhub"), "-f", str(HUB_DIR / "jupyterhub_config.py")],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        def up():
            if proc.poll() is not None:
                raise AssertionError("the hub exited:\n" + (tmp_path / "hub.log").read_text())
            try:
                return Browser(base).request("GET", "/hub/health", timeout=2)[0] == 200
            except OSError:
                return False
        wait_for(up, 90, "the hub to start")
        yield base, tmp_path, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # the hub stops the servers and the proxy
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
        for pid in started_processes(tmp_path):  # only ever processes this test started
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def login(base: str, name: str) -> Browser:
    b = Browser(base)
    status, _ = b.request("GET", "/hub/login")
    assert status == 200
    xsrf = b.cookie("_xsrf")
    assert xsrf
    body = urlencode({"username": name, "password": PASSWORD, "_xsrf": xsrf}).encode()
    status, page = b.request("POST", "/hub/login?next=", data=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, page[:500]
    assert b.cookie("jupyterhub-hub-login"), "login failed"
    return b


def api_token(b: Browser, name: str) -> str:
    status, body = b.request(
        "POST", f"/hub/api/users/{name}/tokens", data=json.dumps({"note": "test"}).encode(),
        headers={"X-XSRFToken": b.cookie("_xsrf") or "", "Content-Type": "application/json"})
    assert status in (200, 201), body[:500]
    return json.loads(body)["token"]


def start_server(b: Browser, name: str, token: str) -> None:
    auth = {"Authorization": f"token {token}"}
    status, body = b.request("POST", f"/hub/api/users/{name}/server", data=b"", headers=auth)
    assert status in (201, 202), body[:500]

    def ready():
        status, body = b.request("GET", f"/hub/api/users/{name}", headers=auth)
        server = json.loads(body).get("servers", {}).get("", {}) if status == 200 else {}
        return server.get("ready")
    wait_for(ready, 120, f"{name}'s server")


def test_two_students_tag_on_the_hub_and_the_instructor_grades(hub):
    base, tmp, proc = hub
    exports = {}
    for name, quote, label in (
        ("alice", "We have seen over the last week the very positive development of hostages "
                  "coming home, being reunited with their families,", "direct"),
        ("bob", "It's also enabled an increase in humanitarian assistance", "partial"),
    ):
        b = login(base, name)
        token = api_token(b, name)
        start_server(b, name, token)
        auth = {"Authorization": f"token {token}"}
        status, body = b.request("POST", f"/user/{name}/api/kernels",
                                 data=json.dumps({"name": "python3"}).encode(), headers=auth)
        assert status == 201, body[:500]
        kernel = json.loads(body)["id"]
        ws = (f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/user/{name}/api/kernels/{kernel}"
              "/channels")
        code = STUDENT_CODE.format(slug=SLUG, quote=quote, label=label)
        out = asyncio.run(run_in_kernel(ws, token, code))
        student, path = out.split()
        assert student == name  # the hub's spawner tells medialit who the student is
        exports[name] = Path(path)
        # The other student cannot reach this server with their own token.
        if name == "bob":
            other = api_token(login(base, "alice"), "alice")
            status, _ = b.request("GET", "/user/bob/api/contents",
                                  headers={"Authorization": f"token {other}"})
            assert status in (403, 404)

    homes = tmp / "homes"
    assert exports == {
        "alice": homes / "alice/medialit-work/alice/alice--gaza-truce-blinken.medialit.json",
        "bob": homes / "bob/medialit-work/bob/bob--gaza-truce-blinken.medialit.json",
    }
    # Each student's saved work is in their own home.
    assert (homes / "alice/medialit-work/alice/gaza-truce-blinken/quotes.json").exists()
    assert (homes / "bob/medialit-work/bob/gaza-truce-blinken/quotes.json").exists()

    # The instructor collects from the homes and grades.
    out = tmp / "report"
    frozen = ROOT / "tests" / "data" / "sample-class" / f"{SLUG}.key.json"  # fixed answers
    assert main(["grade", str(homes), "--article", SLUG, "--out", str(out),
                 "--pattern", "*.medialit.json", "--key", str(frozen)]) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "gradebook.csv").open())}
    assert sorted(rows) == ["alice", "bob"]
    # alice: a direct quote and its speaker, both exact, linked: 2 of 21, all tags right.
    assert rows["alice"]["recall"] == f"{2 / 21:.3f}"
    assert rows["alice"]["speakers_right"] == "1"
    # bob tagged part of a direct quote as "partial": right place, wrong label.
    assert rows["bob"]["labels_right"] == "1" and rows["bob"]["labels_judged"] == "2"
    assert (out / "feedback" / "alice.html").exists() and (out / "feedback" / "bob.html").exists()

    # Stopping the hub stops the students' servers and the proxy.
    assert sorted(started_processes(tmp).values()) == ["alice", "bob", "proxy"]
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    wait_for(lambda: not started_processes(tmp), 30, "the servers and the proxy to stop")
