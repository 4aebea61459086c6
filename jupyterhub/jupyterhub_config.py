"""JupyterHub configuration for a medialit classroom (see README.md beside this file).

Start it from the repository folder with

    npm install --prefix jupyterhub/.proxy configurable-http-proxy@4   # once
    .venv/bin/jupyterhub -f jupyterhub/jupyterhub_config.py

Every setting can be changed with an environment variable (``MEDIALIT_HUB_*``, below), so
the same file serves a trial on one laptop and the automated test. As shipped it is for
trials: anyone who knows the shared password can log in under any allowed name, and all
students' servers run as the same system user. For a real class, switch to your school's
authenticator and a spawner that isolates students (README.md, "For a real class").
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821  (provided by JupyterHub)

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
STATE = Path(os.environ.get("MEDIALIT_HUB_STATE", HERE / "state"))
HOMES = Path(os.environ.get("MEDIALIT_HUB_HOMES", STATE / "homes"))
STATE.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(parents=True, exist_ok=True)


def _env(name: str, default: str) -> str:
    return os.environ.get(f"MEDIALIT_HUB_{name}", default)


def _names(value: str) -> set[str]:
    return {n.strip() for n in value.split(",") if n.strip()}


# --- Network: loopback only unless MEDIALIT_HUB_IP says otherwise ------------------------
c.JupyterHub.ip = _env("IP", "127.0.0.1")
c.JupyterHub.port = int(_env("PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(_env("HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_env('PROXY_API_PORT', '8001')}"
proxy = HERE / ".proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [str(proxy) if proxy.exists()
                                   else shutil.which("configurable-http-proxy") or str(proxy)]
c.ConfigurableHTTPProxy.should_start = True

# --- State: the hub's database, cookie secret and pid file ------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# --- Who may log in ---------------------------------------------------------------------
# A shared password for trials (DummyAuthenticator). Without MEDIALIT_HUB_PASSWORD a random
# one is made and printed in the log, so a forgotten setting never opens the hub to all.
password = _env("PASSWORD", "")
if not password:
    password = secrets.token_urlsafe(12)
    print(f"medialit hub: no MEDIALIT_HUB_PASSWORD set; this run's password is {password}")
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = password
students = _names(_env("STUDENTS", "student1,student2"))
instructors = _names(_env("INSTRUCTORS", "instructor"))
c.Authenticator.allowed_users = students | instructors
c.Authenticator.admin_users = instructors

# --- Each user's server: JupyterLab with medialit, work saved in the user's home ------------
c.JupyterHub.spawner_class = "simple"  # SimpleLocalProcessSpawner: trials only
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = _env("DEFAULT_URL", "/lab")
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    # Saved work: ~/medialit-work/<student>/<article>/<exercise>.json; hand-in files:
    # ~/medialit-work/<student>/<student>--<article>.medialit.json
    "MEDIALIT_WORK": lambda spawner: str(Path(spawner.home_dir) / "medialit-work"),
    "MEDIALIT_STUDENT": lambda spawner: spawner.user.name,
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
}
if os.geteuid() == 0:  # containers often run everything as root; Jupyter refuses by default
    c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = int(_env("START_TIMEOUT", "120"))
c.Spawner.http_timeout = int(_env("START_TIMEOUT", "120"))

# Stop the students' servers and the proxy when the hub stops.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
