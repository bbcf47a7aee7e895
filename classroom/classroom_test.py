"""Simulate a class on a real JupyterHub, on this machine only (``make classroom-test``; needs root).

What it does, in order (every step must pass; any failure stops the run, which still cleans up):

1. Creates N throw-away Unix users (``useradd``; home folders mode 700) with random passwords,
   a snapshot of the collection (the tracked files of this checkout as they are now, uncommitted
   edits included) as a git repository served read-only by ``git daemon`` on 127.0.0.1, and
   starts JupyterHub from ``classroom/jupyterhub_config.py`` in its TEST-ONLY mode:
   hub, proxy (configurable-http-proxy from npm) and user servers on 127.0.0.1 only, the
   test-only authenticator, the local spawner that enforces the per-user limits, and the idle
   culler as a hub-managed service.
2. For every student, in parallel as a class does at the start of a seminar: logs in through
   the login form (with its XSRF token), makes an API token on the hub (as the token page does),
   starts a server and times it until it answers, opens the nbgitpuller link that
   ``make classroom-link`` prints (the same URL) and runs the pull the link's page runs, opens
   the JupyterLab URL the link leads to, then executes every code cell of notebook 02 through
   the kernel API (REST for the session, websocket ``execute_request`` per cell) and times it.
   Each student then edits the notebook (a cell of their own, saved through the server).
3. Measures memory per student (RSS and PSS of all the student's processes, server plus kernel,
   with psutil; the peak is sampled every half second), the hub's own processes, and the
   control group's peak.
   Then the class at once: every student opens notebook 03 as well, runs only its set-up cell and
   the cell that makes its push app, and, in each of three rounds, all students move the app's
   saving-rate slider at the same moment, exactly as the browser does (a ``comm_msg`` with method
   "update" and the new value on the kernel's websocket); each waits for the image widget's update
   carrying the new PNG. Reports p50, p95 and the maximum time from the move to the new picture, and
   the CPU seconds of the kernels, servers, hub and proxy, this harness and the whole machine.
4. Pushes an update (the instructor changes notebooks 00 and 02 and adds a file) and pulls
   again for every student: the update must arrive and each student's own cell must survive.
5. Isolation, for every student A and the next student B: A's token on B's server and on B's
   hub record is refused (403), A's browser session on B's server is refused, and A's kernel
   cannot list, read or write B's home (PermissionError); A's kernel runs as A's own uid.
6. Checks that nothing the test started listens beyond 127.0.0.1 (psutil, all processes of
   the hub, proxy, culler, git daemon, servers and kernels).
7. Limits: one kernel allocates 1.5 times the memory limit (the cgroup must stop it: OOM kill,
   or MemoryError under the rlimit fallback) and runs two CPU-bound processes (the cgroup quota
   must hold them to about ``cpu_limit`` cores).
8. Culling: runs jupyterhub-idle-culler with the culler's own role and a one-second timeout;
   every server must be stopped and every student process gone.
9. Prints the per-student table and the capacity table, writes them to
   ``_build/classroom/report.md`` and ``report.json``, then stops everything and removes the
   users, their homes, the control groups and the temporary folders (also on failure, Ctrl-C or
   SIGTERM; what a run killed outright left behind, processes, users and folders, is removed at
   the start of the next run).

    python classroom/classroom_test.py                 # 30 students, 10 at a time (2 to 50)
    python classroom/classroom_test.py --students 10 --parallel 10 --move-spread 1
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pwd
import random
import re
import secrets
import shutil
import signal
import socket
import stat
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import nqp_classroom as nqp  # noqa: E402

MAX_STUDENTS = 50
MAX_TIMEOUT = 3600
MARKER = "nqp-classroom-test throw-away user"  # the GECOS field of every user the test creates
NOTEBOOK = "notebooks/02-new-quality-productive-forces.ipynb"
# The simultaneous move: notebook 03's Solow "push" app, its saving-rate slider moved by every student
SLIDER_NOTEBOOK = "notebooks/03-why-it-matters.ipynb"
SLIDER_APP_CALL = "make_push_app("
SLIDER_LABEL = "saving rate"
SLIDER_VALUES = (0.15, 0.2, 0.05, 0.25, 0.1)  # the saving push Δs of each round (starts at 0.1)
REPO_NAME = "nqp-collection"
BRANCH = "main"
REPORT_DIR = ROOT / "_build" / "classroom"
RUNS_DIR = REPORT_DIR / "runs"  # what each run started, so that a later run can end it if it was killed
OS_RESERVE_GIB = 1.0  # memory kept for the operating system in the capacity table
SERVER_SIZES_GIB = (8, 16, 32, 64)
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
MiB = 1024**2
GiB = 1024**3


class Failure(Exception):
    """A check of the test failed."""


class Timeout(Exception):
    """The global time limit was reached."""


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc.poll() is not None:
            raise Failure(f"{what} exited with code {proc.returncode}")
        time.sleep(0.2)
    raise Failure(f"{what} did not listen on 127.0.0.1:{port} within {timeout} s")


# ---------------------------------------------------------------------------------------------
# Preflight
# ---------------------------------------------------------------------------------------------


def preflight():
    """Refuse early, with a clear message, what cannot work."""
    if os.geteuid() != 0:
        raise SystemExit(
            "make classroom-test must run as root: it creates throw-away Unix users (useradd) so that "
            "each simulated student's server runs as its own user, and removes them at the end."
        )
    for tool in ("useradd", "userdel", "git"):
        if not shutil.which(tool):
            raise SystemExit(f"make classroom-test needs {tool} (Debian: apt-get install passwd git)")
    try:
        import jupyterhub  # noqa: F401
        import psutil  # noqa: F401
        import requests  # noqa: F401
        import websocket  # noqa: F401
    except ImportError as exc:
        raise SystemExit(
            f"{exc}: run this through `make classroom-test` (it builds _build/classroom/venv)"
        ) from exc
    chp = REPORT_DIR / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
    if not chp.exists():
        raise SystemExit(
            "configurable-http-proxy is missing: run `make classroom-test` (it installs it with npm)"
        )
    if not shutil.which("node"):
        raise SystemExit("configurable-http-proxy needs Node.js: apt-get install nodejs")
    # students' servers run as the students: they must reach the interpreter, the environment
    # and the collection's package and data
    blocked = {nqp.blocked_for_others(p) for p in paths_students_need()} - {None}
    if blocked and os.environ.get("CI") != "true":
        raise SystemExit(
            f"{', '.join(map(str, sorted(blocked)))}: not reachable by other users, so students' servers "
            "could not run the environment or the collection's package. Put the checkout where every "
            "user can read it (every folder on the way executable by others, not under /root)."
        )


def paths_students_need():
    return [
        Path(sys.executable),
        Path(sys.prefix) / "bin" / "jupyterhub-singleuser",
        ROOT / "nqp_helpers" / "__init__.py",
        ROOT / "nqp_helpers" / "datasets" / "pwt110.csv",
        Path(shutil.which("node")),
    ]


def open_passage(opened):
    """On CI only (a throw-away clone, CI=true): let other users pass (o+x: enter, not list) the
    folders on the way to the checkout that block them, for the duration of the test; the old
    modes are put back by the clean-up. Refuses /root and anything that is not a folder."""
    for path in paths_students_need():
        while (blocked := nqp.blocked_for_others(path)) is not None:
            if not blocked.is_dir() or blocked == Path("/root") or any(blocked == p for p, _ in opened):
                raise SystemExit(f"{blocked} keeps students' servers from {path}; move the checkout")
            mode = stat.S_IMODE(blocked.stat().st_mode)
            opened.append((blocked, mode))
            blocked.chmod(mode | stat.S_IXOTH)
            log(f"CI: other users may pass through {blocked} during the test (mode {mode:o} restored after)")


# ---------------------------------------------------------------------------------------------
# Throw-away users
# ---------------------------------------------------------------------------------------------


def processes_of(uid, zombies=True):
    """Processes of a user (zombies, which hold no memory, optionally left out)."""
    import psutil

    out = []
    for p in psutil.process_iter(["uids", "status"]):
        try:
            if p.info["uids"] and p.info["uids"].real == uid:
                if zombies or p.info["status"] != psutil.STATUS_ZOMBIE:
                    out.append(p)
        except psutil.Error:
            pass
    return out


def describe(procs):
    """pid, status and command of processes, for messages."""
    out = []
    for p in procs:
        try:
            out.append(f"{p.pid} {p.status()} {' '.join(p.cmdline())[:100]}")
        except Exception:
            pass
    return out


def kill_processes_of(uid, timeout=5):
    import psutil

    procs = processes_of(uid)
    for p in procs:
        try:
            p.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(procs, timeout=timeout)


def create_user(name):
    subprocess.run(
        [
            "useradd",
            "--create-home",
            "--home-dir",
            f"/home/{name}",
            "--shell",
            "/bin/bash",
            "--comment",
            f"{MARKER} pid={os.getpid()}",  # which run made it: see leftover_users()
            "--user-group",
            name,
        ],
        check=True,
        capture_output=True,
    )
    entry = pwd.getpwnam(name)
    os.chmod(entry.pw_dir, 0o700)  # only the student (and root) may enter
    return entry


def remove_user(name):
    """Kill the user's processes, remove their control groups, the user, its group and its home."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return
    if not entry.pw_gecos.startswith(MARKER):  # never touch a user this test did not create
        raise RuntimeError(f"refusing to remove {name}: not a throw-away user of this test")
    kill_processes_of(entry.pw_uid)
    try:
        nqp.CgroupLimits().remove(name)
    except (nqp.CgroupUnavailable, OSError):
        pass
    subprocess.run(["userdel", "--remove", name], capture_output=True)
    if Path(entry.pw_dir).exists() and Path(entry.pw_dir).parent == Path("/home"):
        shutil.rmtree(entry.pw_dir, ignore_errors=True)


def reap_killed_runs():
    """End the processes and remove the folders of earlier runs that were killed outright."""
    import psutil

    for path in RUNS_DIR.glob("*.json") if RUNS_DIR.exists() else []:
        run = json.loads(path.read_text(encoding="utf-8"))
        try:
            if psutil.Process(run["pid"]).create_time() == run["started"]:
                continue  # that run is still going
        except psutil.Error:
            pass
        for pid, started in run["procs"]:
            try:
                p = psutil.Process(pid)
                if p.create_time() == started:  # the same process, not a new one with its number
                    p.kill()
                    log(f"ended {pid} ({p.name()}), left by an earlier run that was killed")
            except psutil.Error:
                pass
        for folder in run["dirs"]:
            shutil.rmtree(folder, ignore_errors=True)
        path.unlink()


def leftover_users():
    """Throw-away users of earlier runs that were killed (their run's process is gone)."""
    import psutil

    out = []
    for e in pwd.getpwall():
        if e.pw_gecos.startswith(MARKER):
            m = re.search(r"pid=(\d+)", e.pw_gecos)
            if not m or not psutil.pid_exists(int(m.group(1))):
                out.append(e.pw_name)
    return out


# ---------------------------------------------------------------------------------------------
# The repository students pull from
# ---------------------------------------------------------------------------------------------


def git(*args, cwd):
    r = subprocess.run(
        ["git", "-c", "user.name=nqp classroom test", "-c", "user.email=classroom-test@localhost", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if r.returncode != 0:
        raise Failure(f"git {' '.join(args)} failed in {cwd}: {(r.stderr or r.stdout).strip()[-500:]}")
    return r.stdout


def snapshot_repository(dest):
    """A git repository holding the tracked files of this checkout as they are now (one commit)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git("init", "-q", "-b", BRANCH, cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "Snapshot of the collection for the classroom test", cwd=dest)
    subprocess.run(["chmod", "-R", "a+rX", str(dest)], check=True)


def instructor_update(repo):
    """What an instructor pushes during the term: edits to notebooks 00 and 02 and a new file."""
    import nbformat

    marks = {}
    for rel in ("notebooks/00-start-here.ipynb", NOTEBOOK):
        path = repo / rel
        nb = nbformat.read(path, as_version=4)
        first = nb.cells[1] if nb.cells[0].metadata.get("tags") == ["navigation"] else nb.cells[0]
        marks[rel] = f"Update from the instructor {secrets.token_hex(4)}."
        first.source = first.source + "\n\n" + marks[rel]
        nbformat.write(nb, path)
    new_file = "notebooks/classroom-update.md"
    (repo / new_file).write_text(
        "# Week 2\n\nRead section 2 of the article before the seminar.\n", encoding="utf-8"
    )
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Instructor's update", cwd=repo)
    subprocess.run(["chmod", "-R", "a+rX", str(repo)], check=True)
    return marks, new_file


# ---------------------------------------------------------------------------------------------
# Talking to the hub and to a student's server
# ---------------------------------------------------------------------------------------------


@dataclass
class Student:
    index: int
    name: str
    password: str
    uid: int = 0
    home: str = ""
    token: str = ""
    session: object = None
    kernel_id: str = ""
    slider: dict = field(default_factory=dict)
    times: dict = field(default_factory=dict)
    memory: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)


class Hub:
    """Addresses and HTTP helpers for the hub under test."""

    def __init__(self, port, admin_token):
        self.base = f"http://127.0.0.1:{port}"
        self.admin = {"Authorization": f"token {admin_token}"}

    def api(self, method, path, token=None, headers=None, **kw):
        import requests

        h = dict(headers or {})
        if token:
            h["Authorization"] = f"token {token}"
        kw.setdefault("timeout", 60)
        return requests.request(method, f"{self.base}{path}", headers=h, **kw)

    def admin_api(self, method, path, **kw):
        import requests

        kw.setdefault("timeout", 60)
        return requests.request(method, f"{self.base}/hub/api{path}", headers=self.admin, **kw)


def login(hub, name, password):
    """Log in through the hub's login form, as a browser does; returns the session (cookies)."""
    import requests

    s = requests.Session()
    page = s.get(f"{hub.base}/hub/login", timeout=60)
    m = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text)
    if page.status_code != 200 or not m:
        raise Failure(f"login page: status {page.status_code}, no _xsrf field")
    r = s.post(
        f"{hub.base}/hub/login",
        data={"username": name, "password": password, "_xsrf": m.group(1)},
        allow_redirects=False,
        timeout=60,
    )
    if r.status_code != 302 or not any(c.name.startswith("jupyterhub-") for c in s.cookies):
        raise Failure(f"login of {name}: status {r.status_code}, cookies {[c.name for c in s.cookies]}")
    return s


def hub_xsrf(session):
    for c in session.cookies:
        if c.name == "_xsrf" and c.path.startswith("/hub"):
            return c.value
    raise Failure("the hub set no _xsrf cookie")


def make_token(hub, student):
    """An API token for the student, made with their browser session as the hub's token page does."""
    r = student.session.post(
        f"{hub.base}/hub/api/users/{student.name}/tokens",
        json={"note": "classroom test", "expires_in": 3600},
        headers={"X-XSRFToken": hub_xsrf(student.session)},
        timeout=60,
    )
    if r.status_code != 201:
        raise Failure(f"token for {student.name}: status {r.status_code} {r.text[:200]}")
    return r.json()["token"]


def start_server(hub, student, timeout=240):
    """Ask the hub for the student's server and wait until it answers; returns seconds."""
    t0 = time.perf_counter()
    r = hub.api("POST", f"/hub/api/users/{student.name}/server", token=student.token)
    if r.status_code not in (201, 202):
        raise Failure(f"start server of {student.name}: status {r.status_code} {r.text[:200]}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        user = hub.api("GET", f"/hub/api/users/{student.name}", token=student.token).json()
        server = user.get("servers", {}).get("")
        if server and server.get("ready"):
            status = hub.api("GET", f"/user/{student.name}/api/status", token=student.token)
            if status.status_code == 200:
                return time.perf_counter() - t0
        time.sleep(0.25)
    raise Failure(f"the server of {student.name} was not ready within {timeout} s")


def open_link(hub, student, link):
    """Follow the nbgitpuller link with the student's browser session; returns the pull page's data."""
    r = student.session.get(link, timeout=120)
    if r.status_code != 200 or f"/user/{student.name}/git-pull" not in r.url:
        raise Failure(f"{student.name}: the link ended at {r.url} with status {r.status_code}")
    data = {k: unquote(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', r.text)}
    return r.url, data


def git_pull(hub, student, repo_url, targetpath):
    """Run the pull exactly as the link's page does (an event stream); returns seconds."""
    xsrf = next((c.value for c in student.session.cookies if c.name == "_xsrf" and "/user/" in c.path), "")
    params = {"repo": repo_url, "targetpath": targetpath, "branch": BRANCH, "_xsrf": xsrf}
    t0 = time.perf_counter()
    with student.session.get(
        f"{hub.base}/user/{student.name}/git-pull/api", params=params, stream=True, timeout=300
    ) as r:
        if r.status_code != 200:
            raise Failure(f"{student.name}: git-pull/api status {r.status_code}")
        phase, output = None, []
        for line in r.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data:"):
                continue
            event = json.loads(line[5:])
            phase = event.get("phase")
            output.append(str(event.get("output") or event.get("message") or ""))
            if phase in ("finished", "error"):
                break
    if phase != "finished":
        raise Failure(f"{student.name}: the pull ended in phase {phase}:\n" + "".join(output)[-1500:])
    return time.perf_counter() - t0


def contents(hub, student, path, **kw):
    r = hub.api("GET", f"/user/{student.name}/api/contents/{quote(path)}", token=student.token, **kw)
    if r.status_code != 200:
        raise Failure(f"{student.name}: contents of {path}: status {r.status_code}")
    return r.json()


# --- the kernel, through REST and a websocket --------------------------------------------------


class KernelDied(Failure):
    """The kernel died (or was restarted) while running a request."""


class Kernel:
    """A websocket to one kernel of a student's server, speaking the Jupyter message protocol."""

    def __init__(self, hub, student, kernel_id):
        import websocket

        self.session_id = uuid.uuid4().hex
        url = (
            f"ws://127.0.0.1:{urlsplit(hub.base).port}/user/{student.name}/api/kernels/{kernel_id}/channels"
            f"?session_id={self.session_id}"
        )
        self.ws = websocket.create_connection(
            url, header=[f"Authorization: token {student.token}"], suppress_origin=True, timeout=60
        )
        self.username = student.name

    def close(self):
        self.ws.close()

    def send(self, msg_type, content, channel="shell"):
        """Send one message as JupyterLab does (JSON text, no binary buffers); returns its msg_id."""
        msg_id = uuid.uuid4().hex
        self.ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "username": self.username,
                        "session": self.session_id,
                        "msg_type": msg_type,
                        "version": "5.3",
                        "date": datetime.now(UTC).isoformat(),
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": content,
                    "channel": channel,
                    "buffers": [],
                }
            )
        )
        return msg_id

    def recv(self, deadline, what):
        """The next message from the kernel (binary frames decoded, buffers in ``m["buffers"]``)."""
        import websocket

        left = deadline - time.monotonic()
        if left <= 0:
            raise Failure(f"no {what} before the time limit")
        self.ws.settimeout(left)
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException as exc:
            raise Failure(f"no {what} before the time limit") from exc
        except websocket.WebSocketConnectionClosedException as exc:
            raise KernelDied("the kernel's websocket closed") from exc
        m = decode_frame(raw)
        body = m.get("content", {})
        if m.get("msg_type") == "status" and body.get("execution_state") in (
            "restarting",
            "autorestarting",
            "dead",
        ):
            raise KernelDied(f"kernel {body['execution_state']}")
        return m

    def request(self, msg_type, content, timeout=300, collect=None):
        """Send one request on the shell channel; wait for its reply and the kernel's 'idle'.

        ``collect``, a list, receives every message the request caused (widget messages too)."""
        msg_id = self.send(msg_type, content)
        reply, idle, errors, stdout = None, False, [], []
        deadline = time.monotonic() + timeout
        while not (reply is not None and idle):
            m = self.recv(deadline, f"reply to {msg_type} within {timeout} s")
            kind, body = m.get("msg_type"), m.get("content", {})
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if collect is not None:
                collect.append(m)
            if kind.endswith("_reply"):
                reply = body
            elif kind == "status" and body.get("execution_state") == "idle":
                idle = True
            elif kind == "error":
                errors.append(f"{body.get('ename')}: {body.get('evalue')}")
            elif kind == "stream" and body.get("name") == "stdout":
                stdout.append(body.get("text", ""))
        return reply, errors, "".join(stdout)

    def run(self, code, timeout=300, collect=None):
        return self.request(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
            timeout=timeout,
            collect=collect,
        )


def decode_frame(raw):
    """A kernel message from the server's websocket: JSON text, or a binary frame (messages with
    buffers, such as a widget's new PNG): 4 bytes n, n offsets (big-endian uint32), then the JSON
    message and the buffers at those offsets (jupyter_server's ``serialize_binary_message``)."""
    if isinstance(raw, str):
        m = json.loads(raw)
        m.setdefault("buffers", [])
        return m
    (n,) = struct.unpack_from("!I", raw, 0)
    offsets = [*struct.unpack_from(f"!{n}I", raw, 4), len(raw)]
    parts = [raw[offsets[i] : offsets[i + 1]] for i in range(n)]
    m = json.loads(parts[0].decode("utf-8"))
    m["buffers"] = parts[1:]
    return m


def open_kernel(hub, student, notebook_path):
    """Start a kernel for the notebook as JupyterLab does (a session), connect, wait until ready."""
    r = hub.api(
        "POST",
        f"/user/{student.name}/api/sessions",
        token=student.token,
        json={
            "path": notebook_path,
            "type": "notebook",
            "name": Path(notebook_path).name,
            "kernel": {"name": "python3"},
        },
    )
    if r.status_code != 201:
        raise Failure(f"{student.name}: new session: status {r.status_code} {r.text[:200]}")
    kernel_id = r.json()["kernel"]["id"]
    kernel = Kernel(hub, student, kernel_id)
    kernel.request("kernel_info_request", {}, timeout=120)
    return kernel_id, kernel


def kernel_process(student, kernel_id):
    for p in processes_of(student.uid):
        try:
            if any(f"kernel-{kernel_id}" in part for part in p.cmdline()):
                return p
        except Exception:
            pass
    return None


def run_notebook(hub, student, kernel, nb):
    """Execute every code cell in order; every one must finish without error. Returns (seconds, cells)."""
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    t0 = time.perf_counter()
    for i, cell in enumerate(cells):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        reply, errors, _ = kernel.run(source)
        if errors or reply.get("status") != "ok":
            raise Failure(f"{student.name}: code cell {i + 1} of {NOTEBOOK} failed: {errors or reply}")
    return time.perf_counter() - t0, len(cells)


# ---------------------------------------------------------------------------------------------
# The class at once: every student moves a slider in the same second
# ---------------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def app_cells(nb, app_call=SLIDER_APP_CALL):
    """The cells a student runs to get the slider app of a notebook: its set-up cell (the first code
    cell that imports from nqp_helpers) and the cell that makes the app, in the notebook's order."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    text = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in code]
    setup = next((t for t in text if "from nqp_helpers" in t), None)
    app = next((t for t in text if app_call in t), None)
    if setup is None or app is None:
        raise Failure(f"{SLIDER_NOTEBOOK} has no set-up cell or no cell calling {app_call}")
    return [setup, app]


def widget_models(messages):
    """model id -> state of every widget the kernel opened (the comm_open messages a browser gets)."""
    out = {}
    for m in messages:
        body = m.get("content", {})
        if m.get("msg_type") == "comm_open" and body.get("target_name") == "jupyter.widget":
            out[body["comm_id"]] = body.get("data", {}).get("state", {})
    return out


def percentile(values, q):
    """The q-th percentile (0..100) with linear interpolation between order statistics (numpy's default).

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 95), percentile([5.0], 95)
    (2.5, 3.85, 5.0)
    """
    xs = sorted(values)
    if not xs:
        raise ValueError("percentile of no values")
    rank = q / 100 * (len(xs) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(xs) - 1)
    return xs[low] + (xs[high] - xs[low]) * (rank - low)


def open_slider_app(hub, student):
    """Open notebook 03 as a second notebook, run only the cells that make its app, and find the
    models the browser would draw: the saving-rate slider and the image the figure is shown in."""
    path = f"{REPO_NAME}/{SLIDER_NOTEBOOK}"
    nb = contents(hub, student, path, params={"content": 1})["content"]
    t0 = time.perf_counter()
    kernel_id, kernel = open_kernel(hub, student, path)
    messages = []
    for source in app_cells(nb):
        reply, errors, _ = kernel.run(source, timeout=300, collect=messages)
        if errors or reply.get("status") != "ok":
            raise Failure(f"{student.name}: a cell of {SLIDER_NOTEBOOK} failed: {errors or reply}")
    models = widget_models(messages)
    shown = {
        m["content"]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
        for m in messages
        if m.get("msg_type") in ("display_data", "execute_result")
        and "application/vnd.jupyter.widget-view+json" in m["content"].get("data", {})
    }
    sliders = [
        k
        for k, st in models.items()
        if st.get("_model_name") == "FloatSliderModel" and SLIDER_LABEL in st.get("description", "")
    ]
    images = [k for k, st in models.items() if st.get("_model_name") == "ImageModel"]
    if len(sliders) != 1 or len(images) != 1 or not shown & set(models):
        raise Failure(
            f"{student.name}: the app of {SLIDER_NOTEBOOK} should show one slider with {SLIDER_LABEL!r} "
            f"and one image on screen; the kernel opened "
            f"{sorted(st.get('_model_name', '?') for st in models.values())}, "
            f"{len(sliders)} such sliders, {len(images)} images, and showed {sorted(shown)}"
        )
    student.slider = {
        "kernel_id": kernel_id,
        "kernel": kernel,
        "slider": sliders[0],
        "image": images[0],
        "value": models[sliders[0]]["value"],
        "app_seconds": time.perf_counter() - t0,
        "moves": [],
    }


def move_slider(student, value, barrier, delay, timeout=120):
    """Move the slider as the browser's widget manager does (a comm_msg with method "update" and the
    new state on the shell channel) once every student is ready; wait for the new PNG of the image.
    Returns the seconds from sending the move to receiving the new picture."""
    app = student.slider
    kernel = app["kernel"]
    barrier.wait(timeout=timeout)
    if delay:
        time.sleep(delay)
    t0 = time.perf_counter()
    msg_id = kernel.send(
        "comm_msg",
        {
            "comm_id": app["slider"],
            "data": {"method": "update", "state": {"value": value}, "buffer_paths": []},
        },
    )
    seconds, idle = None, False
    deadline = time.monotonic() + timeout
    while seconds is None or not idle:
        m = kernel.recv(deadline, f"new picture for {student.name} within {timeout} s")
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, body = m.get("msg_type"), m.get("content", {})
        if kind == "comm_msg" and body.get("comm_id") == app["image"]:
            data = body.get("data", {})
            png = next((b for b in m["buffers"] if bytes(b[:8]) == PNG_SIGNATURE), None)
            if data.get("method") == "update" and png is not None:
                seconds = time.perf_counter() - t0
                if png == app.get("png"):
                    raise Failure(f"{student.name}: the slider moved but the picture did not change")
                app["png"] = png
        elif kind == "error":
            raise Failure(
                f"{student.name}: moving the slider raised {body.get('ename')}: {body.get('evalue')}"
            )
        elif kind == "status" and body.get("execution_state") == "idle":
            idle = True
            if seconds is None:
                raise Failure(f"{student.name}: the kernel handled the move but sent no new picture")
    app["value"] = value
    app["moves"].append(seconds)
    return seconds


# ---------------------------------------------------------------------------------------------
# Memory
# ---------------------------------------------------------------------------------------------


class PeakSampler(threading.Thread):
    """Samples, every half second, the summed RSS of each student's processes; keeps the peak."""

    def __init__(self, uids):
        super().__init__(daemon=True)
        self.uids = set(uids)
        self.peak = dict.fromkeys(uids, 0)
        self.stop_event = threading.Event()

    def run(self):
        import psutil

        while not self.stop_event.is_set():
            totals = dict.fromkeys(self.uids, 0)
            for p in psutil.process_iter(["uids", "memory_info"]):
                try:
                    uid = p.info["uids"].real
                    if uid in totals:
                        totals[uid] += p.info["memory_info"].rss
                except (psutil.Error, AttributeError, TypeError):
                    pass
            for uid, total in totals.items():
                self.peak[uid] = max(self.peak[uid], total)
            self.stop_event.wait(0.5)


def cpu_seconds(procs):
    """User plus system CPU seconds used so far by these processes."""
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except Exception:
            pass
    return total


def memory_of(procs):
    """RSS, PSS and USS (bytes) summed over processes, and the RSS of kernels alone."""
    import psutil

    out = {"rss": 0, "pss": 0, "uss": 0, "kernel_rss": 0, "processes": 0}
    for p in procs:
        try:
            full = p.memory_full_info()
            out["rss"] += full.rss
            out["pss"] += full.pss
            out["uss"] += full.uss
            if any("ipykernel" in part for part in p.cmdline()):
                out["kernel_rss"] += full.rss
            out["processes"] += 1
        except psutil.Error:
            pass
    return out


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


class ClassroomTest:
    def __init__(self, n, parallel, limits="auto", slider_rounds=3, move_spread=0.0, untrimmed=False):
        self.n = n
        self.untrimmed = untrimmed
        self.slider_rounds = slider_rounds
        self.move_spread = move_spread
        self.parallel = parallel
        self.limits = limits
        self.run_id = secrets.token_hex(3)
        self.students = []
        self.procs = {}
        self.tmp = []
        self.opened = []  # (folder, mode) opened for passage on CI, restored by cleanup()
        self.run_file = RUNS_DIR / f"{os.getpid()}.json"
        self.report = {
            "students": [],
            "checks": {},
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self.t_start = time.perf_counter()

    # -- set-up -------------------------------------------------------------------------------

    def setup(self):
        import psutil  # noqa: F401

        open_passage(self.opened)
        reap_killed_runs()
        for name in leftover_users():
            log(f"removing {name}, left by an earlier run that was killed")
            remove_user(name)
        work = Path(tempfile.mkdtemp(prefix="nqp-classroom-"))  # mode 700: root only
        self.tmp.append(work)
        self.state = work / "state"
        self.state.mkdir()
        self.logs = work / "logs"
        self.logs.mkdir()
        public = Path(tempfile.mkdtemp(prefix="nqp-classroom-repo-"))
        self.tmp.append(public)
        public.chmod(0o755)
        self.repo = public / REPO_NAME
        self.repo.mkdir()
        snapshot_repository(self.repo)

        # the repository, served read-only over git's own protocol on loopback
        git_port = free_port()
        self.procs["git daemon"] = subprocess.Popen(
            [
                "git",
                "daemon",
                "--reuseaddr",
                "--listen=127.0.0.1",
                f"--port={git_port}",
                f"--base-path={public}",
                "--export-all",
                str(self.repo),
            ],
            stdout=(self.logs / "git-daemon.log").open("w", encoding="utf-8"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(git_port, self.procs["git daemon"], "git daemon")
        self.repo_url = f"git://127.0.0.1:{git_port}/{REPO_NAME}"

        # throw-away students with random passwords (hashes only reach the hub)
        salt = secrets.token_hex(16)
        table = {"salt": salt, "users": {}}
        from nqp_testonly_auth import hash_password

        for i in range(1, self.n + 1):
            s = Student(i, f"nqp{self.run_id}s{i:02d}", secrets.token_urlsafe(18))
            entry = create_user(s.name)
            s.uid, s.home = entry.pw_uid, entry.pw_dir
            self.students.append(s)
            table["users"][s.name] = hash_password(salt, s.password)
        pw_file = self.state / "passwords.json"
        pw_file.write_text(json.dumps(table), encoding="utf-8")
        pw_file.chmod(0o600)
        log(f"created {self.n} throw-away users nqp{self.run_id}s01.. with homes of mode 700")

        self.admin_token = secrets.token_hex(32)
        self.culler_token = secrets.token_hex(32)
        ports = {k: free_port() for k in ("PORT", "HUB_PORT", "PROXY_API_PORT")}
        self.hub_port = ports["HUB_PORT"]
        node_dir = str(Path(shutil.which("node")).parent)
        env = {
            "PATH": f"{Path(sys.prefix) / 'bin'}:{node_dir}:{SYSTEM_PATH}",
            "LANG": "C.UTF-8",
            "HOME": str(work),
            "NQP_CLASSROOM_TEST": "1",
            "NQP_CLASSROOM_STATE": str(self.state),
            "NQP_CLASSROOM_VENV": sys.prefix,
            "NQP_CLASSROOM_ADMIN_TOKEN": self.admin_token,
            "NQP_CLASSROOM_CULLER_TOKEN": self.culler_token,
            "NQP_CLASSROOM_LIMITS": self.limits,
            "NQP_CLASSROOM_UNTRIMMED": "1" if self.untrimmed else "0",
            **{f"NQP_CLASSROOM_{k}": str(v) for k, v in ports.items()},
        }
        self.hub_log = self.logs / "jupyterhub.log"
        self.procs["hub"] = subprocess.Popen(
            [str(Path(sys.prefix) / "bin" / "jupyterhub"), "-f", str(HERE / "jupyterhub_config.py")],
            cwd=self.state,
            env=env,
            stdout=self.hub_log.open("w", encoding="utf-8"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            stdin=subprocess.DEVNULL,  # servers must not see a terminal (they would ask before stopping)
        )
        self.hub = Hub(ports["PORT"], self.admin_token)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if self.hub.api("GET", "/hub/api/", timeout=5).status_code == 200:
                    break
            except Exception:
                pass
            if self.procs["hub"].poll() is not None:
                raise Failure("JupyterHub exited:\n" + self.hub_log.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.5)
        else:
            raise Failure(
                "JupyterHub did not answer within 120 s:\n" + self.hub_log.read_text(encoding="utf-8")[-3000:]
            )
        version = self.hub.api("GET", "/hub/api/").json()["version"]
        log(f"JupyterHub {version} up on {self.hub.base} (hub API on 127.0.0.1:{self.hub_port})")
        self.remember()

    def check_culler_service(self):
        """The idle culler runs as a service the hub started, with the shipped settings."""
        r = self.hub.admin_api("GET", "/services")
        if r.status_code != 200 or "idle-culler" not in r.json():
            raise Failure(f"the hub lists no idle-culler service: {r.status_code} {r.text[:300]}")
        import psutil

        hub = psutil.Process(self.procs["hub"].pid)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            culler = [
                p for p in hub.children(recursive=True) if "jupyterhub_idle_culler" in " ".join(p.cmdline())
            ]
            if culler:
                break
            time.sleep(0.5)
        else:
            raise Failure("the hub did not start the idle culler")
        cmd = " ".join(culler[0].cmdline())
        expected = f"--timeout={nqp.CULL_TIMEOUT}"
        if expected not in cmd:
            raise Failure(f"the culler runs as {cmd!r}, without {expected}")
        self.report["checks"]["culler_service"] = cmd
        log(f"idle culler running under the hub: {cmd.split('python', 1)[-1].strip()}")

    def check_wrong_password(self):
        import requests

        s = requests.Session()
        page = s.get(f"{self.hub.base}/hub/login", timeout=60)
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text).group(1)
        student = self.students[0]
        r = s.post(
            f"{self.hub.base}/hub/login",
            data={"username": student.name, "password": "wrong", "_xsrf": xsrf},
            allow_redirects=False,
            timeout=60,
        )
        if r.status_code == 302 or any(c.name == "jupyterhub-hub-login" for c in s.cookies):
            raise Failure("the hub accepted a wrong password")
        self.report["checks"]["wrong_password_status"] = r.status_code

    # -- one student's first visit ---------------------------------------------------------------

    def first_visit(self, student):
        hub = self.hub
        student.session = login(hub, student.name, student.password)
        student.token = make_token(hub, student)
        student.times["ready"] = start_server(hub, student)
        student.times["start_cpu"] = cpu_seconds(processes_of(student.uid))

        link = nqp.nbgitpuller_link(hub.base, self.repo_url, BRANCH)
        url, data = open_link(hub, student, link)
        expected_path = f"lab/tree/{REPO_NAME}/{nqp.START_NOTEBOOK}"
        if data.get("targetpath") != REPO_NAME or data.get("path") != expected_path:
            raise Failure(
                f"{student.name}: the link's page pulls into {data.get('targetpath')!r} and opens "
                f"{data.get('path')!r}; expected {REPO_NAME!r} and {expected_path!r}"
            )
        student.times["pull"] = git_pull(hub, student, data["repo"], data["targetpath"])
        page = student.session.get(f"{hub.base}/user/{student.name}/{data['path']}", timeout=60)
        if page.status_code != 200 or "JupyterLab" not in page.text:
            raise Failure(f"{student.name}: {data['path']} answered {page.status_code}")
        names = {item["name"] for item in contents(hub, student, f"{REPO_NAME}/notebooks")["content"]}
        if Path(NOTEBOOK).name not in names or Path(nqp.START_NOTEBOOK).name not in names:
            raise Failure(f"{student.name}: the copy lacks the notebooks: {sorted(names)}")

        nb_path = f"{REPO_NAME}/{NOTEBOOK}"
        nb = contents(hub, student, nb_path, params={"content": 1})["content"]
        t0 = time.perf_counter()
        student.kernel_id, kernel = open_kernel(hub, student, nb_path)
        student.times["kernel"] = time.perf_counter() - t0
        proc = kernel_process(student, student.kernel_id)
        cpu0 = sum(proc.cpu_times()[:2]) if proc else 0.0
        try:
            student.times["run"], student.notes["cells"] = run_notebook(hub, student, kernel, nb)
        finally:
            kernel.close()
        student.times["cpu"] = sum(proc.cpu_times()[:2]) - cpu0 if proc else float("nan")

        # the student's own edit, saved through the server as JupyterLab saves
        note = f"My own notes ({student.name}): check the residual against Figure 2."
        nb["cells"].append(
            {"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": note}
        )
        r = hub.api(
            "PUT",
            f"/user/{student.name}/api/contents/{quote(nb_path)}",
            token=student.token,
            json={"type": "notebook", "format": "json", "content": nb},
        )
        if r.status_code not in (200, 201):
            raise Failure(f"{student.name}: saving the edited notebook: status {r.status_code}")
        student.notes["own_cell"] = note
        log(
            f"{student.name}: ready {student.times['ready']:.1f} s, pull {student.times['pull']:.1f} s, "
            f"kernel {student.times['kernel']:.1f} s, notebook 02 {student.times['run']:.1f} s "
            f"({student.notes['cells']} cells, no error)"
        )

    def second_pull(self, student, marks, new_file):
        """Pull the instructor's update: it must arrive, and the student's own cell must stay."""
        hub = self.hub
        student.times["pull2"] = git_pull(hub, student, self.repo_url, REPO_NAME)
        nb02 = json.dumps(contents(hub, student, f"{REPO_NAME}/{NOTEBOOK}", params={"content": 1})["content"])
        nb00 = json.dumps(
            contents(hub, student, f"{REPO_NAME}/{nqp.START_NOTEBOOK}", params={"content": 1})["content"]
        )
        missing = [
            what
            for what, ok in (
                ("the student's own cell in 02", student.notes["own_cell"] in nb02),
                ("the instructor's change to 02", marks[NOTEBOOK] in nb02),
                ("the instructor's change to 00", marks[nqp.START_NOTEBOOK] in nb00),
            )
            if not ok
        ]
        contents(hub, student, f"{REPO_NAME}/{new_file}")  # raises if the new file did not arrive
        if missing:
            raise Failure(f"{student.name}: after the second pull, missing: {', '.join(missing)}")

    # -- the class at once -------------------------------------------------------------------------

    def slider_moves(self):
        """Every student opens notebook 03's push app; then, in each round, all move its saving-rate
        slider at the same moment (or within ``move_spread`` seconds) and wait for the new picture."""
        import psutil

        t0 = time.perf_counter()
        self.map(lambda s: open_slider_app(self.hub, s), self.students)
        opened = time.perf_counter() - t0
        kernels = [kernel_process(s, s.slider["kernel_id"]) for s in self.students]
        if not all(kernels):
            raise Failure("a kernel of notebook 03 has no process")
        others = [
            p for s in self.students for p in processes_of(s.uid) if p.pid not in {k.pid for k in kernels}
        ]
        hub = psutil.Process(self.procs["hub"].pid)
        # the hub and its own services (root); the students' servers are its children too, but not root
        hub_stack = [hub, *[p for p in hub.children(recursive=True) if p.uids().real == 0]]
        me = psutil.Process()
        rng = random.Random(2024)
        log(
            f"{self.n} students opened {SLIDER_NOTEBOOK}'s app in {opened:.1f} s; load average before the "
            f"moves {os.getloadavg()[0]:.2f}"
        )
        rounds = []
        pool = ThreadPoolExecutor(max_workers=self.n)  # every student at once, whatever --parallel says
        try:
            for value in SLIDER_VALUES[: self.slider_rounds]:
                time.sleep(2)  # let the previous round's messages settle
                barrier = threading.Barrier(self.n)
                delays = [rng.uniform(0, self.move_spread) for _ in self.students]
                cpu0 = [cpu_seconds(kernels), cpu_seconds(others), cpu_seconds(hub_stack), cpu_seconds([me])]
                busy0, w0 = _busy_cpu_seconds(), time.perf_counter()
                futures = [
                    pool.submit(move_slider, s, value, barrier, d) for s, d in zip(self.students, delays)
                ]
                seconds = [f.result() for f in futures]
                wall = time.perf_counter() - w0
                busy = _busy_cpu_seconds() - busy0
                cpu1 = [cpu_seconds(kernels), cpu_seconds(others), cpu_seconds(hub_stack), cpu_seconds([me])]
                used = [b - a for a, b in zip(cpu0, cpu1)]
                row = {
                    "value": value,
                    "students": self.n,
                    "p50_s": round(percentile(seconds, 50), 3),
                    "p95_s": round(percentile(seconds, 95), 3),
                    "max_s": round(max(seconds), 3),
                    "wall_s": round(wall, 3),
                    "kernel_cpu_s": round(used[0], 2),
                    "kernel_cpu_per_move_s": round(used[0] / self.n, 3),
                    "servers_cpu_s": round(used[1], 2),
                    "hub_proxy_cpu_s": round(used[2], 2),
                    "harness_cpu_s": round(used[3], 2),
                    "machine_busy_cpu_s": round(busy, 2),
                    "seconds": [round(x, 3) for x in seconds],
                }
                rounds.append(row)
                log(
                    f"slider round Δs={value}: {self.n} new pictures, p50 {row['p50_s']:.2f} s, p95 "
                    f"{row['p95_s']:.2f} s, max {row['max_s']:.2f} s; kernels {used[0]:.2f} CPU s "
                    f"({1000 * used[0] / self.n:.0f} ms a move), servers {used[1]:.2f}, hub and proxy "
                    f"{used[2]:.2f}, this harness {used[3]:.2f}; machine busy {busy:.2f} CPU s "
                    f"in {wall:.2f} s"
                )
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            for s in self.students:
                if s.slider.get("kernel"):
                    s.slider["kernel"].close()
        for s in self.students:  # close notebook 03 again: the later checks see the class as before
            r = self.hub.api(
                "DELETE", f"/user/{s.name}/api/kernels/{s.slider['kernel_id']}", token=s.token, timeout=60
            )
            if r.status_code != 204:
                raise Failure(
                    f"{s.name}: shutting down the kernel of {SLIDER_NOTEBOOK}: status {r.status_code}"
                )
        every = [x for r in rounds for x in r["seconds"]]
        self.report["slider"] = {
            "notebook": SLIDER_NOTEBOOK,
            "slider": SLIDER_LABEL,
            "students": self.n,
            "move_spread_s": self.move_spread,
            "open_app_s": round(opened, 1),
            "rounds": rounds,
            "all": {
                "moves": len(every),
                "p50_s": round(percentile(every, 50), 3),
                "p95_s": round(percentile(every, 95), 3),
                "max_s": round(max(every), 3),
                "kernel_cpu_per_move_s": round(sum(r["kernel_cpu_s"] for r in rounds) / len(every), 3),
            },
            "cores": os.cpu_count(),
        }

    # -- isolation -----------------------------------------------------------------------------

    def isolation(self, a, b):
        """Student a must not reach student b's server, hub record or files."""
        hub = self.hub
        results = {}
        results["token_on_server"] = hub.api(
            "GET", f"/user/{b.name}/api/contents", token=a.token, allow_redirects=False
        ).status_code
        results["token_write"] = hub.api(
            "PUT",
            f"/user/{b.name}/api/contents/intruder.txt",
            token=a.token,
            json={"type": "file", "format": "text", "content": "x"},
            allow_redirects=False,
        ).status_code
        results["token_on_hub_record"] = hub.api("GET", f"/hub/api/users/{b.name}", token=a.token).status_code
        results["token_stop_server"] = hub.api(
            "DELETE", f"/hub/api/users/{b.name}/server", token=a.token
        ).status_code
        browser = a.session.get(f"{hub.base}/user/{b.name}/lab", timeout=60)
        results["browser_session"] = browser.status_code
        refused = (
            results["token_on_server"] == 403
            and results["token_write"] == 403
            and results["token_on_hub_record"] in (403, 404)
            and results["token_stop_server"] in (403, 404)
            and (browser.status_code == 403 or "/hub/login" in browser.url)
        )
        if Path(b.home, "intruder.txt").exists():
            raise Failure(f"{a.name} wrote into the home of {b.name}")
        # from inside a's kernel: the operating system must refuse
        probe = f"""
import json, os
out = {{"uid": os.getuid(), "limits": os.environ.get("NQP_LIMITS")}}
for what, action in (("list", lambda: os.listdir({b.home!r})),
                     ("read", lambda: open({str(Path(b.home) / REPO_NAME / NOTEBOOK)!r}).read(10)),
                     ("write", lambda: open({str(Path(b.home) / "intruder.txt")!r}, "w").write("x"))):
    try:
        action()
        out[what] = "ALLOWED"
    except PermissionError:
        out[what] = "PermissionError"
print(json.dumps(out))
"""
        kernel = Kernel(hub, a, a.kernel_id)
        try:
            reply, errors, stdout = kernel.run(probe, timeout=60)
        finally:
            kernel.close()
        if errors:
            raise Failure(f"isolation probe in {a.name}'s kernel failed: {errors}")
        seen = json.loads(stdout.strip().splitlines()[-1])
        results.update({f"kernel_{k}": v for k, v in seen.items()})
        ok = (
            refused
            and seen["uid"] == a.uid
            and all(seen[k] == "PermissionError" for k in ("list", "read", "write"))
        )
        if not ok:
            raise Failure(f"isolation between {a.name} and {b.name} failed: {results}")
        return results

    # -- listening sockets -----------------------------------------------------------------------

    def check_listening(self):
        """Every socket a process of this test listens on (or binds for UDP) is on 127.0.0.1."""
        import psutil

        pids = set()
        for proc in self.procs.values():
            try:
                p = psutil.Process(proc.pid)
                pids.add(p.pid)
                pids.update(c.pid for c in p.children(recursive=True))
            except psutil.Error:
                pass
        for s in self.students:
            pids.update(p.pid for p in processes_of(s.uid))
        listening, bad = [], []
        for pid in pids:
            try:
                conns = psutil.Process(pid).net_connections(kind="inet")
            except psutil.Error:
                continue
            for conn in conns:
                is_listen = conn.status == psutil.CONN_LISTEN or (
                    conn.type == socket.SOCK_DGRAM and not conn.raddr
                )
                if not is_listen:
                    continue
                listening.append((pid, conn.laddr.ip, conn.laddr.port))
                if conn.laddr.ip != "127.0.0.1":
                    bad.append((pid, " ".join(psutil.Process(pid).cmdline())[:80], conn.laddr))
        if bad:
            raise Failure(f"listening beyond 127.0.0.1: {bad}")
        self.report["checks"]["listening_sockets"] = len(listening)
        self.report["checks"]["processes_checked"] = len(pids)
        log(f"{len(listening)} listening sockets in {len(pids)} processes, all on 127.0.0.1")

    # -- limits ----------------------------------------------------------------------------------

    def check_limits(self, student):
        """The memory limit stops a kernel that asks for more; the CPU quota holds."""
        hub = self.hub
        mode_probe = "import os; print(os.environ.get('NQP_LIMITS'))"
        kernel = Kernel(hub, student, student.kernel_id)
        try:
            _, _, mode = kernel.run(mode_probe, timeout=60)
            mode = mode.strip()
            result = {"mode": mode}
            # CPU: two busy processes for 3 s of wall time; CPU seconds used / wall = cores used
            burn = """
import json, multiprocessing as mp, os, time
def burn(seconds):
    end = time.time() + seconds
    while time.time() < end:
        pass
t0, c0 = time.time(), os.times()
ps = [mp.Process(target=burn, args=(3,)) for _ in range(2)]
[p.start() for p in ps]
[p.join() for p in ps]
c1 = os.times()
used = c1.children_user + c1.children_system - c0.children_user - c0.children_system
print(json.dumps({"cores": used / (time.time() - t0)}))
"""
            _, errors, out = kernel.run(burn, timeout=120)
            if errors:
                raise Failure(f"CPU probe failed: {errors}")
            result["cores_used_by_two_busy_processes"] = round(
                json.loads(out.strip().splitlines()[-1])["cores"], 2
            )
            limit_bytes = nqp.parse_bytes(nqp.MEM_LIMIT)
            items = int(1.5 * limit_bytes) // 8  # float64 numbers filling 1.5 x the limit, all touched
            hog = f"import numpy as np\nx = np.ones({items}, dtype=np.float64)\nprint(x.sum())"
            try:
                _, errors, _ = kernel.run(hog, timeout=120)
                result["memory_hog"] = "; ".join(errors) or "NOT STOPPED"
            except KernelDied as exc:
                result["memory_hog"] = f"kernel killed ({exc})"
        finally:
            try:
                kernel.close()
            except Exception:
                pass
        if mode.startswith("cgroup"):
            usage = nqp.CgroupLimits().usage(student.name)
            result.update(usage)
            stopped = "killed" in result["memory_hog"] or (usage["oom_kills"] or 0) > 0
            cpu_ok = (
                result["cores_used_by_two_busy_processes"] <= nqp.CPU_LIMIT * 1.25
                and (usage["cpu_throttled_periods"] or 0) > 0
            )
        else:
            stopped = "MemoryError" in result["memory_hog"]
            cpu_ok = True  # not enforced without control groups; reported as such
        status = hub.api("GET", f"/user/{student.name}/api/status", token=student.token).status_code
        result["server_alive_after"] = status == 200
        if not (stopped and cpu_ok and status == 200):
            raise Failure(f"limits not enforced as configured: {result}")
        self.report["checks"]["limits"] = result
        log(
            f"limits ({mode}): a kernel asking for 1.5 x {nqp.MEM_LIMIT} was stopped "
            f"({result['memory_hog']}); "
            f"two busy processes got {result['cores_used_by_two_busy_processes']} cores "
            + (
                f"(limit {nqp.CPU_LIMIT})"
                if mode.startswith("cgroup")
                else "(CPU is not limited by the fallback)"
            )
            + "; the server kept running"
        )

    # -- culling ---------------------------------------------------------------------------------

    def check_culling(self):
        """jupyterhub-idle-culler, with the culler's role only, stops every idle server."""
        time.sleep(2)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "JUPYTERHUB_API_TOKEN": self.culler_token}
        t0 = time.perf_counter()
        culler = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                "--timeout=1",
                "--cull-every=30",
                f"--url=http://127.0.0.1:{self.hub_port}/hub/api",
            ],
            cwd=self.state,
            env=env,
            stdout=(self.logs / "culler-check.log").open("w", encoding="utf-8"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs["culler check"] = culler
        self.remember()
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                users = self.hub.admin_api("GET", "/users").json()
                running = [u["name"] for u in users if u.get("servers")]
                if not running:
                    break
                time.sleep(1)
            else:
                raise Failure(f"servers still running after culling: {running}")
        finally:
            culler.terminate()
            culler.wait(10)
        seconds = time.perf_counter() - t0
        left = {}
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            left = {s.name: describe(processes_of(s.uid, zombies=False)) for s in self.students}
            left = {name: procs for name, procs in left.items() if procs}
            if not left:
                break
            time.sleep(0.5)
        if left:
            raise Failure(f"processes left after culling: {left}")
        self.report["checks"]["culling_seconds"] = round(seconds, 1)
        log(f"idle culler stopped all {self.n} servers in {seconds:.1f} s; no student process left")

    # -- the whole run ---------------------------------------------------------------------------

    def run(self):
        self.setup()
        self.check_culler_service()
        self.check_wrong_password()
        sampler = PeakSampler([s.uid for s in self.students])
        sampler.start()
        t0 = time.perf_counter()
        log(f"{self.n} students log in, start servers, pull and run {NOTEBOOK} ({self.parallel} at a time)")
        self.map(self.first_visit, self.students)
        self.report["checks"]["class_wall_seconds"] = round(time.perf_counter() - t0, 1)
        time.sleep(1)
        sampler.stop_event.set()
        sampler.join()

        cg = nqp.CgroupLimits()
        for s in self.students:
            s.memory = memory_of(processes_of(s.uid))
            s.memory["peak_rss"] = sampler.peak[s.uid]
            try:
                s.memory["cgroup_peak"] = cg.usage(s.name)["memory_peak_bytes"]
            except (nqp.CgroupUnavailable, OSError):
                s.memory["cgroup_peak"] = None
        import psutil

        hub_stack = [psutil.Process(self.procs["hub"].pid)]
        hub_stack += [p for p in hub_stack[0].children(recursive=True) if p.uids().real == 0]
        self.report["hub_stack"] = memory_of(hub_stack)

        if self.slider_rounds:
            log(f"the class at once: {self.n} students move a slider of {SLIDER_NOTEBOOK} in the same second")
            self.slider_moves()

        marks, new_file = instructor_update(self.repo)
        self.map(lambda s: self.second_pull(s, marks, new_file), self.students)
        log(
            "second pull: the instructor's update arrived for every student, "
            "and every student's own cell survived"
        )
        self.report["checks"]["merge"] = "update arrived, own edits kept"

        # every student against the next one (the last against the first)
        iso = [self.isolation(s, self.students[(i + 1) % self.n]) for i, s in enumerate(self.students)]
        log(
            f"isolation: {len(iso)} pairs; token on another's server -> {iso[0]['token_on_server']}, "
            f"browser session -> {iso[0]['browser_session']}, another's home from a kernel -> "
            f"{iso[0]['kernel_read']}"
        )
        self.report["checks"]["isolation"] = iso

        self.check_listening()
        self.check_limits(self.students[0])
        self.check_culling()

    def map(self, fn, items):
        """Run fn for every item, self.parallel at a time; the first failure stops the rest."""
        pool = ThreadPoolExecutor(max_workers=self.parallel)
        try:
            for future in [pool.submit(fn, item) for item in items]:
                future.result()
        finally:
            # on failure, do not wait for students still running: clean-up ends their connections
            pool.shutdown(wait=False, cancel_futures=True)

    # -- clean-up --------------------------------------------------------------------------------

    def cleanup(self):
        import psutil

        # the hub stops the servers it started (cleanup_servers), then its proxy and services
        hub = self.procs.get("hub")
        if hub and hub.poll() is None:
            try:
                children = psutil.Process(hub.pid).children(recursive=True)
            except psutil.Error:
                children = []
            hub.send_signal(signal.SIGTERM)
            try:
                hub.wait(60)
            except subprocess.TimeoutExpired:
                log("the hub did not stop within 60 s; killing it")
            for p in children:  # the proxy and services, if the hub left any
                try:
                    p.kill()
                except psutil.Error:
                    pass
        for proc in self.procs.values():  # each was started in its own process group
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(10)
        for s in self.students:
            try:
                remove_user(s.name)
            except Exception as exc:  # keep removing the others
                log(f"WARNING: removing {s.name}: {exc}")
        for path in self.tmp:
            shutil.rmtree(path, ignore_errors=True)
        for path, mode in reversed(self.opened):
            path.chmod(mode)
        gone = [s.name for s in self.students if _user_exists(s.name) or Path(s.home).exists()]
        if gone:
            log(f"WARNING: could not remove {gone}")
        else:
            log(f"removed {len(self.students)} users, their homes, control groups and temporary folders")
            self.run_file.unlink(missing_ok=True)

    def remember(self):
        """Write down what this run started (with start times) so that a later run can end it if
        this one is killed outright (SIGKILL leaves no chance to clean up)."""
        import psutil

        procs = []
        for proc in self.procs.values():
            try:
                p = psutil.Process(proc.pid)
                procs += [(q.pid, q.create_time()) for q in [p, *p.children(recursive=True)]]
            except psutil.Error:
                pass
        me = psutil.Process()
        RUNS_DIR.mkdir(parents=True, exist_ok=True)
        RUNS_DIR.chmod(0o700)
        self.run_file.write_text(
            json.dumps(
                {"pid": me.pid, "started": me.create_time(), "procs": procs, "dirs": list(map(str, self.tmp))}
            ),
            encoding="utf-8",
        )

    # -- report ----------------------------------------------------------------------------------

    def tables(self):
        rows = []
        for s in self.students:
            m = s.memory
            rows.append(
                {
                    "student": s.name,
                    "ready_s": round(s.times["ready"], 1),
                    "pull_s": round(s.times["pull"], 1),
                    "kernel_s": round(s.times["kernel"], 1),
                    "run_s": round(s.times["run"], 1),
                    "cpu_s": round(s.times["cpu"], 1),
                    "start_cpu_s": round(s.times["start_cpu"], 1),
                    "cells": s.notes["cells"],
                    "rss_mib": round(m["rss"] / MiB),
                    "pss_mib": round(m["pss"] / MiB),
                    "kernel_rss_mib": round(m["kernel_rss"] / MiB),
                    "peak_rss_mib": round(m["peak_rss"] / MiB),
                    "cgroup_peak_mib": round(m["cgroup_peak"] / MiB) if m.get("cgroup_peak") else None,
                    "pull2_s": round(s.times["pull2"], 1),
                }
            )
        self.report["students"] = rows
        cols = [
            ("student", "student"),
            ("ready_s", "ready (s)"),
            ("pull_s", "pull (s)"),
            ("kernel_s", "kernel (s)"),
            ("run_s", "run 02 (s)"),
            ("start_cpu_s", "start CPU (s)"),
            ("cpu_s", "run CPU (s)"),
            ("rss_mib", "RSS (MiB)"),
            ("pss_mib", "PSS (MiB)"),
            ("kernel_rss_mib", "of which kernel"),
            ("peak_rss_mib", "peak RSS (MiB)"),
            ("cgroup_peak_mib", "cgroup peak (MiB)"),
        ]
        lines = ["| " + " | ".join(h for _, h in cols) + " |", "|" + "---|" * len(cols)]
        for r in rows:
            lines.append("| " + " | ".join("" if r[k] is None else str(r[k]) for k, _ in cols) + " |")

        def stat(key):
            values = [r[key] for r in rows if r[key] is not None]
            return values and (statistics.mean(values), max(values))

        summary = [
            "| "
            + " | ".join(
                ["mean / max"]
                + [("" if not stat(k) else f"{stat(k)[0]:.1f} / {stat(k)[1]}") for k, _ in cols[1:]]
            )
            + " |"
        ]
        lines += summary
        # Capacity: memory for the OS (OS_RESERVE_GIB) and for the hub, proxy and culler (measured,
        # rounded up to a quarter GiB), then either the full limit per student or the measured
        # average peak of an active student (server plus one kernel that has run notebook 02).
        hub_rss = self.report["hub_stack"]["rss"] / GiB
        per_active_mib = round(statistics.mean(r["peak_rss_mib"] for r in rows))
        per_active = per_active_mib / 1024
        reserve = OS_RESERVE_GIB + max(0.25, math.ceil(hub_rss * 4) / 4)
        limit_gib = nqp.parse_bytes(nqp.MEM_LIMIT) / GiB
        cap = [
            f"<!-- capacity: reserve={reserve:g} per_active_mib={per_active_mib} limit={nqp.MEM_LIMIT} -->",
            "| server memory | reserved (OS, hub, proxy, culler) | students if each used the full limit "
            f"({nqp.MEM_LIMIT}) | active students at the measured average ({per_active_mib} MiB each) |",
            "|---|---|---|---|",
        ]
        capacity = []
        for size in SERVER_SIZES_GIB:
            a = nqp.students_per_server(size, limit_gib, reserve)
            b = nqp.students_per_server(size, per_active, reserve)
            capacity.append({"ram_gib": size, "reserve_gib": reserve, "at_limit": a, "at_measured": b})
            cap.append(f"| {size} GiB | {reserve:g} GiB | {a} | {b} |")
        self.report["capacity"] = {
            "rows": capacity,
            "per_active_gib": per_active,
            "hub_stack_gib": hub_rss,
            "reserve_gib": reserve,
            "mem_limit": nqp.MEM_LIMIT,
            "cpu_limit": nqp.CPU_LIMIT,
        }
        return "\n".join(lines), "\n".join(cap)

    def slider_table(self):
        """The simultaneous moves: one row per round and one for all moves (empty without rounds)."""
        sl = self.report.get("slider")
        if not sl:
            return []
        spread = "at the same moment" if not sl["move_spread_s"] else f"within {sl['move_spread_s']:g} s"
        lines = [
            f"Students moving sliders together: {sl['students']} students each moved the slider "
            f"{sl['slider']!r} of {sl['notebook']} (its push app, made by running only its set-up cell and "
            f"the app's cell) {spread}, through the kernel's widget messages; time from sending the move "
            "to receiving the new PNG; CPU seconds used in the round.",
            "| round (Δs) | p50 (s) | p95 (s) | max (s) | kernels' CPU (s) | per move (ms) "
            "| servers' CPU (s) | hub and proxy CPU (s) | test harness CPU (s) | whole machine busy (CPU s) "
            "| round wall (s) |",
            "|" + "---|" * 11,
        ]
        for r in sl["rounds"]:
            lines.append(
                f"| {r['value']:g} | {r['p50_s']:.2f} | {r['p95_s']:.2f} | {r['max_s']:.2f} | "
                f"{r['kernel_cpu_s']:.2f} | {1000 * r['kernel_cpu_per_move_s']:.0f} | "
                f"{r['servers_cpu_s']:.2f} | "
                f"{r['hub_proxy_cpu_s']:.2f} | {r['harness_cpu_s']:.2f} | {r['machine_busy_cpu_s']:.2f} | "
                f"{r['wall_s']:.2f} |"
            )
        a = sl["all"]
        lines.append(
            f"| all {a['moves']} moves | {a['p50_s']:.2f} | {a['p95_s']:.2f} | {a['max_s']:.2f} | | "
            f"{1000 * a['kernel_cpu_per_move_s']:.0f} | | | | | |"
        )
        return ["\n".join(lines)]

    def write_report(self, per_student, capacity):
        total = time.perf_counter() - self.t_start
        self.report["total_seconds"] = round(total, 1)
        self.report["machine"] = {"cores": os.cpu_count(), "memory_gib": round(_total_memory() / GiB, 1)}
        head = (
            f"Measured {self.report['started']} by `make classroom-test`: {self.n} students, "
            f"{self.parallel} at a "
            f"time, on {os.cpu_count()} cores and {self.report['machine']['memory_gib']} GiB; limits "
            f"{nqp.MEM_LIMIT} and {nqp.CPU_LIMIT} CPU per student "
            f"({self.report['checks']['limits']['mode']})"
            + ("; servers UNTRIMMED (every extension on, for comparison)." if self.untrimmed else ".")
        )
        hub = self.report["hub_stack"]
        text = "\n\n".join(
            [
                head,
                per_student,
                f"Hub, proxy and culler together: RSS {hub['rss'] / MiB:.0f} MiB. The whole class (log in, "
                f"start, pull, run notebook 02) took {self.report['checks']['class_wall_seconds']} s of wall "
                "time; the whole test "
                f"{total:.0f} s.",
                *self.slider_table(),
                capacity,
            ]
        )
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        (REPORT_DIR / "report.md").write_text(text + "\n", encoding="utf-8")
        (REPORT_DIR / "report.json").write_text(json.dumps(self.report, indent=1) + "\n", encoding="utf-8")
        print("\n" + text + "\n", flush=True)


def _user_exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _busy_cpu_seconds():
    """CPU seconds the whole machine has spent not idle (every process, ours and others')."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def _total_memory():
    import psutil

    return psutil.virtual_memory().total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--students", type=int, default=30, help=f"simulated students, 2..{MAX_STUDENTS} (default 30)"
    )
    parser.add_argument(
        "--parallel",
        type=int,
        default=None,
        help="students logging in and running notebook 02 at a time (default 10; the slider moves: all)",
    )
    parser.add_argument(
        "--limits",
        choices=("auto", "rlimit"),
        default="auto",
        help="auto: control groups if possible; rlimit: check the fallback (per-process RLIMIT_DATA)",
    )
    parser.add_argument(
        "--timeout", type=int, default=900, help=f"seconds for the whole run, at most {MAX_TIMEOUT}"
    )
    parser.add_argument(
        "--slider-rounds",
        type=int,
        default=3,
        help=f"rounds in which every student moves a slider at once, 0..{len(SLIDER_VALUES)} (default 3)",
    )
    parser.add_argument(
        "--move-spread",
        type=float,
        default=0.0,
        help="spread the moves of a round at random over this many seconds, 0..5 (default 0: all at once)",
    )
    parser.add_argument(
        "--untrimmed",
        action="store_true",
        help="for comparison: start the servers without classroom/singleuser/ (every extension on)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.slider_rounds <= len(SLIDER_VALUES):
        parser.error(f"--slider-rounds must be between 0 and {len(SLIDER_VALUES)}; got {args.slider_rounds}")
    if not 0 <= args.move_spread <= 5:
        parser.error(f"--move-spread must be between 0 and 5 seconds; got {args.move_spread}")
    if not 2 <= args.students <= MAX_STUDENTS:
        parser.error(
            f"--students must be between 2 (isolation needs two) and {MAX_STUDENTS}; got {args.students}"
        )
    if not 60 <= args.timeout <= MAX_TIMEOUT:
        parser.error(f"--timeout must be between 60 and {MAX_TIMEOUT} seconds; got {args.timeout}")
    parallel = args.parallel or min(10, args.students)
    if not 1 <= parallel <= args.students:
        parser.error(f"--parallel must be between 1 and --students; got {parallel}")
    preflight()

    def on_alarm(signum, frame):
        raise Timeout(f"the classroom test took longer than {args.timeout} s")

    def on_term(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(args.timeout)
    test = ClassroomTest(
        args.students,
        parallel,
        limits=args.limits,
        slider_rounds=args.slider_rounds,
        move_spread=args.move_spread,
        untrimmed=args.untrimmed,
    )
    ok = False
    try:
        test.run()
        per_student, capacity = test.tables()
        test.write_report(per_student, capacity)
        ok = True
    except BaseException as exc:  # report, then clean up whatever happened
        log(f"FAILED: {type(exc).__name__}: {exc}")
        if not isinstance(exc, Failure | Timeout | KeyboardInterrupt):
            traceback.print_exc()
        if "hub_log" in vars(test) and test.hub_log.exists():
            print(
                "--- last lines of the hub's log ---\n" + test.hub_log.read_text(encoding="utf-8")[-4000:],
                flush=True,
            )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        test.cleanup()
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
