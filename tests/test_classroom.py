"""The classroom set-up (classroom/): the link students click, the hub's configuration, the limits.

Fast checks that need no running hub. `make classroom-test` runs the hub itself with simulated
students; it also runs this file in the classroom's environment, where the tests that need
JupyterHub (skipped in the collection's own environment) run too.
"""

import ast
import asyncio
import doctest
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLASSROOM = ROOT / "classroom"
sys.path.insert(0, str(CLASSROOM))
import nqp_classroom as nqp  # noqa: E402

HUB = "https://hub.example.edu"
REPO = "https://github.com/example/nqp-course"

#: For tests of what only a Linux server has (Unix users and file modes, Unix sockets, make): the classroom
#: runs on Linux, while `make test` also runs on a student's Windows laptop.
linux_server_only = pytest.mark.skipif(os.name != "posix", reason="the classroom runs on a Linux server")


def query(link):
    """The link's query, decoded: name -> value (each name must appear once)."""
    parsed = parse_qs(urlsplit(link).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in parsed.values()), parsed
    return {k: v[0] for k, v in parsed.items()}


# --- the nbgitpuller link ----------------------------------------------------------------------


def test_link_opens_the_start_notebook_in_jupyterlab():
    """The link goes through the hub's user-redirect to git-pull and opens 00-start-here in JupyterLab."""
    link = nqp.nbgitpuller_link(HUB, REPO, "main")
    assert link == (
        "https://hub.example.edu/hub/user-redirect/git-pull?"
        "repo=https%3A%2F%2Fgithub.com%2Fexample%2Fnqp-course"
        "&urlpath=lab%2Ftree%2Fnqp-course%2Fnotebooks%2F00-start-here.ipynb&branch=main"
    )
    assert query(link) == {
        "repo": REPO,
        "urlpath": "lab/tree/nqp-course/notebooks/00-start-here.ipynb",
        "branch": "main",
    }


def test_link_encodes_every_reserved_character():
    """Characters that would cut or change the query (& = ? # / + space-like) are percent-encoded."""
    repo = "https://git.example.edu/课程/nqp?x=1&y=2#frag+plus"
    link = nqp.nbgitpuller_link(HUB, repo, "week-2/fix")
    raw = urlsplit(link).query
    assert raw.count("&") == 2 and raw.count("=") == 3  # only the separators of the three parameters
    assert "/" not in raw and "?" not in raw and "#" not in link and "+" not in raw
    assert query(link)["repo"] == repo and query(link)["branch"] == "week-2/fix"
    assert query(link)["urlpath"] == "lab/tree/nqp?x=1&y=2#frag+plus/notebooks/00-start-here.ipynb"


def test_link_names_the_folder_when_the_url_ends_in_git():
    """nbgitpuller would clone .../nqp.git into 'nqp.git'; the link names 'nqp' and opens the same folder."""
    q = query(nqp.nbgitpuller_link(HUB, "https://github.com/example/nqp.git", "main"))
    assert q["targetpath"] == "nqp"
    assert q["urlpath"].startswith("lab/tree/nqp/notebooks/")
    assert nqp.nbgitpuller_dir("https://github.com/example/nqp.git/") == "nqp.git"


def test_link_for_a_hub_under_a_path_and_a_students_repository():
    """A hub at /jupyter/ keeps its base path; a students' repository opens 00-start-here at its top."""
    link = nqp.nbgitpuller_link("https://uni.example.edu/jupyter/", REPO, "main", path="00-start-here.ipynb")
    assert link.startswith("https://uni.example.edu/jupyter/hub/user-redirect/git-pull?")
    assert query(link)["urlpath"] == "lab/tree/nqp-course/00-start-here.ipynb"
    q = query(nqp.nbgitpuller_link(HUB, REPO, "main", targetpath="econ101"))
    assert q["targetpath"] == "econ101" and q["urlpath"].startswith("lab/tree/econ101/")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"hub": "hub.example.edu"}, "hub must be the hub's address starting with https://"),
        ({"hub": "ftp://hub.example.edu"}, "hub must be the hub's address"),
        ({"hub": "https://hub.example.edu/hub"}, "without the trailing /hub"),
        ({"hub": "https://hub.example.edu/?next=x"}, "without '\\?' or '#'"),
        ({"repo": ""}, "repo must be a git URL"),
        ({"repo": "https://github.com/a b"}, "repo must be a git URL without spaces"),
        ({"branch": ""}, "branch must be a git branch name"),
        ({"branch": "-x"}, "branch must be a git branch name"),
        ({"branch": "a..b"}, "branch must be a git branch name"),
        ({"path": "/etc/passwd"}, "path must be a relative path inside the repository"),
        ({"path": "../secret.ipynb"}, "path must be a relative path"),
        ({"targetpath": "a/b"}, "targetpath must be one folder name"),
        ({"targetpath": ".."}, "targetpath must be one folder name"),
    ],
)
def test_link_refuses_malformed_input(kwargs, match):
    """Each bad argument raises a ValueError naming the argument and the rule."""
    args = {"hub": HUB, "repo": REPO, "branch": "main", **kwargs}
    with pytest.raises(ValueError, match=match):
        nqp.nbgitpuller_link(**args)


def test_link_command_prints_the_link_and_fails_clearly(capsys):
    """classroom/link.py (make classroom-link) prints exactly the link, or exits 2 with the reason."""
    import link as link_cli

    assert link_cli.main(["--hub", HUB, "--repo", REPO, "--branch", "main"]) == 0
    assert capsys.readouterr().out.strip() == nqp.nbgitpuller_link(HUB, REPO, "main")
    with pytest.raises(SystemExit) as exc:
        link_cli.main(["--hub", "https://hub.example.edu/hub", "--repo", REPO])
    assert exc.value.code == 2
    assert "without the trailing /hub" in capsys.readouterr().err


@linux_server_only
def test_make_classroom_link_passes_the_arguments():
    """`make classroom-link HUB=... REPO=... BRANCH=...` runs classroom/link.py with them (dry run)."""
    out = subprocess.run(
        ["make", "-n", "classroom-link", f"HUB={HUB}", f"REPO={REPO}", "BRANCH=week2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if "classroom/link.py" in line)
    assert f'--hub "{HUB}"' in line and f'--repo "{REPO}"' in line and '--branch "week2"' in line
    assert f'--path "{nqp.START_NOTEBOOK}"' in line


# --- limits, culler and capacity -------------------------------------------------------------


def test_module_examples_run():
    """The docstring examples of nqp_classroom hold (they are not collected by pytest otherwise)."""
    result = doctest.testmod(nqp, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0


def test_parse_bytes_uses_powers_of_1024():
    """'1G' is 1024^3 bytes and '1.5G' one and a half of it, as JupyterHub reads mem_limit."""
    assert nqp.parse_bytes("1G") == 1024**3
    assert nqp.parse_bytes("1.5G") == 3 * 1024**3 // 2
    assert nqp.parse_bytes("512m") == 512 * 1024**2
    for bad in ("", "1X", "-1G", "0", True):
        with pytest.raises(ValueError, match="memory size"):
            nqp.parse_bytes(bad)


def test_students_per_server_floors_what_fits():
    """(RAM - reserve) / per student, rounded down: 16 GiB less 2 GiB holds 14 students of 1 GiB."""
    assert nqp.students_per_server(16, 1.0, 2.0) == 14
    assert nqp.students_per_server(8, 0.3, 1.25) == 22  # 6.75 / 0.3 = 22.5
    assert nqp.students_per_server(1, 1.0, 2.0) == 0
    with pytest.raises(ValueError, match="per_student_gib must be positive"):
        nqp.students_per_server(8, 0, 1)
    with pytest.raises(ValueError, match="reserve_gib must not be negative"):
        nqp.students_per_server(8, 1, -1)
    with pytest.raises(ValueError, match="ram_gib must be a number"):
        nqp.students_per_server("8", 1, 1)


def test_culler_runs_with_the_shipped_timeout_and_only_its_scopes():
    """The culler service stops idle servers after CULL_TIMEOUT; its role holds exactly the four scopes."""
    service = nqp.culler_service("/v/bin/python")
    assert service["name"] == "idle-culler"
    assert service["command"] == [
        "/v/bin/python",
        "-m",
        "jupyterhub_idle_culler",
        f"--timeout={nqp.CULL_TIMEOUT}",
        f"--cull-every={nqp.CULL_EVERY}",
    ]
    role = nqp.culler_role()
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}
    assert role["services"] == ["idle-culler"]
    with pytest.raises(ValueError, match="timeout and cull_every must be positive"):
        nqp.culler_service("python", timeout=0)


@pytest.fixture
def open_dir():
    """A folder directly under /tmp that every user may enter (pytest's own tmp_path is private)."""
    path = Path(tempfile.mkdtemp(dir="/tmp", prefix="nqp-classroom-unit-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


@linux_server_only
def test_blocked_for_others_finds_the_private_folder(open_dir):
    """A file under a folder closed to others (mode 700) is blocked there; open folders and file: None."""
    private = open_dir / "private"
    private.mkdir()
    private.chmod(0o700)
    (private / "f.txt").write_text("x")
    (private / "f.txt").chmod(0o644)
    assert nqp.blocked_for_others(private / "f.txt") == private
    private.chmod(0o755)
    assert nqp.blocked_for_others(private / "f.txt") is None
    (private / "f.txt").chmod(0o600)
    assert nqp.blocked_for_others(private / "f.txt") == private / "f.txt"


# --- control groups, on fake cgroup file systems -------------------------------------------------


def fake_v1(tmp_path):
    root = tmp_path / "cgroup"
    for ctrl, path in (("memory", "a/b"), ("cpu", "")):
        d = root / ctrl / path
        d.mkdir(parents=True)
        (d / "cgroup.procs").write_text("")
    proc = tmp_path / "self_cgroup"
    proc.write_text("9:name=systemd:/\n4:memory:/a/b\n1:cpu:/\n0::/\n")
    return nqp.CgroupLimits(fs_root=root, self_cgroup=proc), root


def test_cgroup_v1_limits_memory_and_cpu_of_the_users_group(tmp_path):
    """v1: the user's memory group below the hub's own, limit in bytes; cpu quota = cores x period."""
    limits, root = fake_v1(tmp_path)
    dirs = limits.create("alice", mem_bytes=2**30, cpu=1.5)
    assert limits.mode == "v1"
    assert dirs == [root / "memory/a/b/nqp-classroom/alice", root / "cpu/nqp-classroom/alice"]
    assert (dirs[0] / "memory.limit_in_bytes").read_text(encoding="utf-8") == str(2**30)
    assert (dirs[1] / "cpu.cfs_period_us").read_text(encoding="utf-8") == "100000"
    assert (dirs[1] / "cpu.cfs_quota_us").read_text(encoding="utf-8") == "150000"
    (dirs[0] / "cgroup.procs").write_text("12\n13\n")
    (dirs[0] / "memory.max_usage_in_bytes").write_text("1234\n")
    (dirs[0] / "memory.oom_control").write_text("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n")
    (dirs[1] / "cpu.stat").write_text("nr_periods 40\nnr_throttled 7\nthrottled_time 99\n")
    assert limits.pids("alice") == [12, 13]
    assert limits.usage("alice") == {"memory_peak_bytes": 1234, "oom_kills": 2, "cpu_throttled_periods": 7}


def test_cgroup_v2_switches_controllers_on_and_writes_max(tmp_path):
    """v2: controllers enabled for children at each level; memory.max in bytes, cpu.max 'quota period'."""
    root = tmp_path / "cgroup"
    root.mkdir()
    (root / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    proc = tmp_path / "self_cgroup"
    proc.write_text("0::/init.scope\n")
    limits = nqp.CgroupLimits(fs_root=root, self_cgroup=proc)
    (d,) = limits.create("bob", mem_bytes=512 * 2**20, cpu=1.0)
    assert limits.mode == "v2" and d == root / "nqp-classroom" / "bob"
    assert (root / "cgroup.subtree_control").read_text(encoding="utf-8") == "+memory +cpu"
    assert (root / "nqp-classroom" / "cgroup.subtree_control").read_text(encoding="utf-8") == "+memory +cpu"
    assert (d / "memory.max").read_text(encoding="utf-8") == str(512 * 2**20)
    assert (d / "cpu.max").read_text(encoding="utf-8") == "100000 100000"


def test_cgroup_unavailable_and_bad_arguments(tmp_path):
    """No controllers: CgroupUnavailable (the spawner then falls back); bad names and limits: ValueError."""
    (tmp_path / "cgroup").mkdir()
    proc = tmp_path / "self_cgroup"
    proc.write_text("0::/\n")
    with pytest.raises(nqp.CgroupUnavailable, match="no writable memory and cpu controllers"):
        nqp.CgroupLimits(fs_root=tmp_path / "cgroup", self_cgroup=proc).create("carol", 2**30, 1)
    limits, _ = fake_v1(tmp_path / "v1")
    with pytest.raises(ValueError, match="user must be a plain user name"):
        limits.create("../etc", 2**30, 1)
    with pytest.raises(ValueError, match="mem_bytes must be positive"):
        limits.create("carol", 0, 1)
    with pytest.raises(ValueError, match="cpu must be a positive number of cores"):
        limits.create("carol", 2**30, 0)
    with pytest.raises(ValueError, match="group must be one folder name"):
        nqp.CgroupLimits(group="a/b")


# --- the hub's configuration ---------------------------------------------------------------------


def load_config(monkeypatch, env):
    """Read classroom/jupyterhub_config.py as JupyterHub does, with this environment."""
    from traitlets.config.loader import PyFileConfigLoader

    for key in [k for k in os.environ if k.startswith(("NQP_CLASSROOM_", "NQP_HUB_"))]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(CLASSROOM)).load_config()


@pytest.fixture
def test_mode_env(tmp_path):
    (tmp_path / "passwords.json").write_text(json.dumps({"salt": "00", "users": {"s1": "x", "s2": "y"}}))
    return {
        "NQP_CLASSROOM_TEST": "1",
        "NQP_CLASSROOM_STATE": str(tmp_path),
        "NQP_CLASSROOM_PORT": "18000",
        "NQP_CLASSROOM_HUB_PORT": "18081",
        "NQP_CLASSROOM_PROXY_API_PORT": "18001",
        "NQP_CLASSROOM_ADMIN_TOKEN": "t" * 64,
        "NQP_CLASSROOM_CULLER_TOKEN": "u" * 64,
        "NQP_CLASSROOM_VENV": "/opt/venv",
    }


def test_test_mode_listens_on_loopback_only_with_the_test_only_login(monkeypatch, test_mode_env):
    """Test mode: hub, hub API and proxy API on 127.0.0.1; test-only login; servers on 127.0.0.1."""
    c = load_config(monkeypatch, test_mode_env)
    for url in (c.JupyterHub.bind_url, c.JupyterHub.hub_bind_url, c.ConfigurableHTTPProxy.api_url):
        assert urlsplit(url).hostname == "127.0.0.1", url
    assert c.Spawner.ip == "127.0.0.1"
    assert c.JupyterHub.authenticator_class == "nqp_testonly_auth.TestOnlyAuthenticator"
    assert c.Authenticator.allowed_users == {"s1", "s2"}
    assert c.JupyterHub.spawner_class == "nqp_spawner.LimitedLocalProcessSpawner"
    assert c.Spawner.cmd == ["/opt/venv/bin/jupyterhub-singleuser"]
    assert c.LimitedLocalProcessSpawner.use_cgroups is True
    c = load_config(monkeypatch, {**test_mode_env, "NQP_CLASSROOM_LIMITS": "rlimit"})
    assert c.LimitedLocalProcessSpawner.use_cgroups is False


@pytest.mark.parametrize("mode", ["test", "real"])
def test_both_modes_ship_the_limits_the_culler_and_jupyterlab(monkeypatch, test_mode_env, tmp_path, mode):
    """Limits, the culler service with its role, JupyterLab and no admin access to students' servers."""
    if mode == "real":
        local = tmp_path / "local.py"
        local.write_text('c = get_config()\nc.JupyterHub.authenticator_class = "generic-oauth"\n')
        env = {"NQP_HUB_LOCAL_CONFIG": str(local), "NQP_CLASSROOM_VENV": "/opt/venv"}
    else:
        env = test_mode_env
    c = load_config(monkeypatch, env)
    assert c.Spawner.mem_limit == nqp.MEM_LIMIT and c.Spawner.cpu_limit == nqp.CPU_LIMIT
    assert c.Spawner.default_url == "/lab"
    assert c.Spawner.environment["NBGITPULLER_APP"] == "lab"
    assert c.JupyterHub.admin_access is False
    culler = next(s for s in c.JupyterHub.services if s["name"] == "idle-culler")
    assert culler == nqp.culler_service("/opt/venv/bin/python")
    role = next(r for r in c.JupyterHub.load_roles if r["name"] == "idle-culler")
    assert set(role["scopes"]) == set(nqp.CULLER_SCOPES) and "idle-culler" in role["services"]


def test_real_mode_defaults_are_safe(monkeypatch, tmp_path):
    """Real use: loopback unless told otherwise, hub and proxy APIs on loopback, SystemdSpawner isolated."""
    local = tmp_path / "local.py"
    local.write_text('c = get_config()\nc.JupyterHub.authenticator_class = "generic-oauth"\n')
    c = load_config(monkeypatch, {"NQP_HUB_LOCAL_CONFIG": str(local)})
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert urlsplit(c.JupyterHub.hub_bind_url).hostname == "127.0.0.1"
    assert urlsplit(c.ConfigurableHTTPProxy.api_url).hostname == "127.0.0.1"
    assert c.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
    assert c.SystemdSpawner.isolate_tmp and c.SystemdSpawner.disable_user_sudo
    assert c.JupyterHub.authenticator_class == "generic-oauth"
    assert not any(s.get("api_token") for s in c.JupyterHub.services)


def test_real_mode_refuses_without_a_login_or_with_the_test_only_one(monkeypatch, tmp_path):
    """Without local_config.py the hub will not start; with the test-only authenticator neither."""
    with pytest.raises(SystemExit, match="local_config.example.py"):
        load_config(monkeypatch, {"NQP_HUB_LOCAL_CONFIG": str(tmp_path / "missing.py")})
    local = tmp_path / "local.py"
    local.write_text(
        'c = get_config()\nc.JupyterHub.authenticator_class = "nqp_testonly_auth.TestOnlyAuthenticator"\n'
    )
    with pytest.raises(SystemExit, match="test-only authenticator must never serve a real class"):
        load_config(monkeypatch, {"NQP_HUB_LOCAL_CONFIG": str(local)})


def test_example_login_file_refuses_until_edited_and_holds_no_secret():
    """local_config.example.py stops the hub until a login is chosen; secrets come from the environment."""
    text = (CLASSROOM / "local_config.example.py").read_text(encoding="utf-8")
    ast.parse(text)
    assert 'raise SystemExit("classroom/local_config.py: choose a login' in text
    for line in text.splitlines():
        # a configuration line (commented out or not) that sets a secret
        m = re.search(r"^\s*#?\s*c\.\w+\.(\w*(secret|password|token)\w*)\s*=", line, flags=re.IGNORECASE)
        if m and not m.group(1).endswith("_url"):
            assert "os.environ[" in line, line
    assert "local_config.py" in (CLASSROOM / ".gitignore").read_text(encoding="utf-8").split()


def test_no_credentials_in_the_classroom_files():
    """No token-like hex string or literal password in classroom/ (the test makes its own at run time)."""
    for path in CLASSROOM.rglob("*"):
        if path.suffix not in (".py", ".txt", ".md", ".json") or "node_modules" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.name == "package-lock.json":
            text = re.sub(r'"integrity": "sha512-[^"]+"', "", text)
        assert not re.search(r"\b[0-9a-f]{32,}\b", text), path
        assert not re.search(r"""(api_token|password)["']?\s*[:=]\s*["'][^"'{}]{6,}["']""", text), path


# --- kernels over Unix sockets (IPC), not TCP ------------------------------------------------------

#: The longest name a Unix socket may have on Linux (108 bytes with the closing NUL).
SOCKET_NAME_MAX = 107


def kernel_socket(runtime_dir):
    """The longest socket name of a kernel in this runtime folder, as jupyter_client names them."""
    return f"{runtime_dir}/kernel-{'0' * 8}-{'0' * 4}-{'0' * 4}-{'0' * 4}-{'0' * 12}-ipc-5"


def real_mode_config(monkeypatch, tmp_path, lines=()):
    local = tmp_path / "local.py"
    local.write_text(
        "\n".join(["c = get_config()", 'c.JupyterHub.authenticator_class = "generic-oauth"', *lines]) + "\n",
        encoding="utf-8",
    )
    return load_config(monkeypatch, {"NQP_HUB_LOCAL_CONFIG": str(local), "NQP_CLASSROOM_VENV": "/opt/venv"})


@pytest.mark.parametrize("mode", ["test", "real"])
def test_kernels_talk_over_unix_sockets_in_both_modes(monkeypatch, test_mode_env, tmp_path, mode):
    """Each student's server is started with --KernelManager.transport=ipc, and the single-user server
    (a Jupyter ServerApp) reads that as IPC for every kernel it starts: sockets named after the
    kernel's connection file in the student's runtime folder, not TCP ports on 127.0.0.1."""
    from jupyter_client.ioloop import AsyncIOLoopKernelManager
    from jupyter_server.serverapp import ServerApp

    c = real_mode_config(monkeypatch, tmp_path) if mode == "real" else load_config(monkeypatch, test_mode_env)
    assert "--KernelManager.transport=ipc" in c.Spawner.args
    server = ServerApp()
    server.parse_command_line(list(c.Spawner.args))
    km = AsyncIOLoopKernelManager(config=server.config, connection_file=str(tmp_path / "kernel-k1.json"))
    assert km.transport == "ipc"
    assert km.ip == str(tmp_path / "kernel-k1-ipc")


def test_real_mode_keeps_kernel_sockets_short_and_private(monkeypatch, tmp_path):
    """Real use: the runtime folder is in the student's private /tmp, so that a kernel's socket names stay
    under the 107-byte limit whatever the user name (in /var/lib/<name>/... a 20-character name would
    not); without a private /tmp (both switched off in local_config.py) the folder stays in the home."""
    c = real_mode_config(monkeypatch, tmp_path)
    assert c.SystemdSpawner.isolate_tmp and c.SystemdSpawner.dynamic_users
    runtime = c.Spawner.environment["JUPYTER_RUNTIME_DIR"]
    assert runtime.startswith("/tmp/")
    assert len(kernel_socket(runtime).encode()) <= SOCKET_NAME_MAX
    in_home = "/var/lib/" + "s" * 20 + "/.local/share/jupyter/runtime"
    assert len(kernel_socket(in_home).encode()) > SOCKET_NAME_MAX  # why the home folder is not used
    c = real_mode_config(
        monkeypatch,
        tmp_path,
        ["c.SystemdSpawner.isolate_tmp = False", "c.SystemdSpawner.dynamic_users = False"],
    )
    assert "JUPYTER_RUNTIME_DIR" not in c.Spawner.environment
    assert c.Spawner.args == ["--KernelManager.transport=ipc"]


@linux_server_only
def test_a_kernel_started_with_the_classrooms_transport_runs_code_over_unix_sockets():
    """A kernel of the pinned environment, started over IPC as a student's server starts it, runs code;
    its five channels are Unix sockets in the runtime folder, and its connection file says so."""
    import stat

    from jupyter_client import KernelManager

    runtime = Path(tempfile.mkdtemp(dir="/tmp", prefix="nqp-ipc-"))  # pytest's tmp_path is too long
    try:
        km = KernelManager(transport="ipc", connection_file=str(runtime / "kernel-k1.json"))
        km.start_kernel()
        try:
            client = km.client()
            client.start_channels()
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive("print(6 * 7)", timeout=60, output_hook=lambda msg: None)
            assert reply["content"]["status"] == "ok"
            info = json.loads((runtime / "kernel-k1.json").read_text(encoding="utf-8"))
            assert info["transport"] == "ipc" and info["ip"] == str(runtime / "kernel-k1-ipc")
            for port in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"):
                assert stat.S_ISSOCK(os.stat(f"{info['ip']}-{info[port]}").st_mode), port
            client.stop_channels()
        finally:
            km.shutdown_kernel(now=True)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


# --- pins ------------------------------------------------------------------------------------------


def pins(path):
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not an exact pin"
            out[name.lower().replace("_", "-")] = version
    return out


def test_classroom_pins_are_exact_locked_and_do_not_touch_the_collections():
    """Each classroom requirement is pinned with ==, locked at that version, and changes no collection pin."""
    user = pins(CLASSROOM / "requirements-user.txt")
    hub = pins(CLASSROOM / "requirements-hub.txt")
    lock = pins(CLASSROOM / "constraints.txt")
    collection = pins(ROOT / "constraints.txt")
    assert {"jupyterhub", "nbgitpuller"} <= set(user)
    assert {"jupyterhub", "jupyterhub-idle-culler", "jupyterhub-systemdspawner"} <= set(hub)
    assert user["jupyterhub"] == hub["jupyterhub"], "hub and single-user servers must run one version"
    for name, version in {**user, **hub}.items():
        assert lock.get(name) == version, name
    assert not set(lock) & set(collection), sorted(set(lock) & set(collection))


def test_proxy_is_pinned_exactly_with_checksums():
    """configurable-http-proxy is pinned to one version, and the lock has a sha512 for every package."""
    package = json.loads((CLASSROOM / "proxy" / "package.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    lock = json.loads((CLASSROOM / "proxy" / "package-lock.json").read_text(encoding="utf-8"))
    packages = {k: v for k, v in lock["packages"].items() if k}
    assert packages["node_modules/configurable-http-proxy"]["version"] == version
    assert all(v.get("integrity", "").startswith("sha512-") for v in packages.values())


# --- the harness's bounds ------------------------------------------------------------------------


@linux_server_only
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--students", "1"], "--students must be between 2 (isolation needs two) and 50"),
        (["--students", "51"], "--students must be between 2 (isolation needs two) and 50"),
        (["--timeout", "30"], "--timeout must be between 60 and 3600"),
        (["--students", "3", "--parallel", "4"], "--parallel must be between 1 and --students"),
    ],
)
def test_classroom_test_is_bounded_in_count_and_time(argv, message, capsys):
    """The harness refuses more than 50 students, runs under a global time limit, before touching anything."""
    import classroom_test

    with pytest.raises(SystemExit) as exc:
        classroom_test.main(argv)
    assert exc.value.code == 2 and message in capsys.readouterr().err


# --- the capacity table in the guide -------------------------------------------------------------


def test_guide_capacity_table_follows_from_its_stated_numbers():
    """Each row of the guide's table is floor((RAM - reserve) / per student) with the numbers it states."""
    guide = (CLASSROOM / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- capacity: reserve=([\d.]+) per_active_mib=(\d+) limit=(\w+) -->", guide)
    assert m, "the capacity table's assumptions marker is missing"
    reserve, per_active, limit = float(m.group(1)), int(m.group(2)) / 1024, m.group(3)
    assert limit == nqp.MEM_LIMIT
    rows = re.findall(r"^\| (\d+) GiB \| ([\d.]+) GiB \| (\d+) \| (\d+) \|", guide, flags=re.MULTILINE)
    assert [int(r[0]) for r in rows] == [8, 16, 32, 64]
    for ram, res, at_limit, at_measured in rows:
        assert float(res) == reserve
        assert int(at_limit) == nqp.students_per_server(int(ram), nqp.parse_bytes(limit) / 2**30, reserve)
        assert int(at_measured) == nqp.students_per_server(int(ram), per_active, reserve)


# --- what needs JupyterHub (runs in the classroom's environment) ---------------------------------


def test_test_only_authenticator_refuses_outside_the_test(monkeypatch, tmp_path):
    """Without NQP_CLASSROOM_TEST=1, or on a hub not bound to 127.0.0.1, the authenticator will not start."""
    pytest.importorskip("jupyterhub")
    import nqp_testonly_auth as auth

    monkeypatch.delenv("NQP_CLASSROOM_TEST", raising=False)
    with pytest.raises(RuntimeError, match="for `make classroom-test` only"):
        auth.TestOnlyAuthenticator()
    monkeypatch.setenv("NQP_CLASSROOM_TEST", "1")
    with pytest.raises(RuntimeError, match="only runs on a hub bound to 127.0.0.1"):
        auth.refuse_unless_test("http://0.0.0.0:8000")


def test_test_only_authenticator_checks_the_hashed_passwords(monkeypatch, tmp_path):
    """The right password logs in; a wrong one, or a user not in the file, does not."""
    pytest.importorskip("jupyterhub")
    import nqp_testonly_auth as auth

    monkeypatch.setenv("NQP_CLASSROOM_TEST", "1")
    table = {"salt": "ab" * 16, "users": {"s1": auth.hash_password("ab" * 16, "right horse")}}
    (tmp_path / "pw.json").write_text(json.dumps(table))
    a = auth.TestOnlyAuthenticator(passwords_file=str(tmp_path / "pw.json"))
    login = lambda name, pw: asyncio.run(a.authenticate(None, {"username": name, "password": pw}))  # noqa: E731
    assert login("s1", "right horse") == "s1"
    assert login("s1", "wrong") is None
    assert login("s2", "right horse") is None


def test_spawner_joins_the_group_before_dropping_root(tmp_path, monkeypatch):
    """The child writes its pid into each group's cgroup.procs, then drops to the student's uid."""
    pytest.importorskip("jupyterhub")
    import nqp_spawner

    calls = []
    monkeypatch.setattr(
        nqp_spawner.LocalProcessSpawner, "make_preexec_fn", lambda self, name: lambda: calls.append(name)
    )
    spawner = nqp_spawner.LimitedLocalProcessSpawner.__new__(nqp_spawner.LimitedLocalProcessSpawner)
    spawner._cgroup_dirs = [tmp_path / "mem", tmp_path / "cpu"]
    for d in spawner._cgroup_dirs:
        d.mkdir()
    spawner.limits_mode = "cgroup-v1"
    spawner.make_preexec_fn("alice")()  # as the forked child would, before exec
    assert [(d / "cgroup.procs").read_text(encoding="utf-8") for d in spawner._cgroup_dirs] == [
        str(os.getpid())
    ] * 2
    assert calls == ["alice"]
    assert spawner.get_state()["limits_mode"] == "cgroup-v1"


def test_spawner_fallback_sets_the_data_limit_in_the_child(monkeypatch):
    """Without control groups the child gets RLIMIT_DATA = mem_limit (checked in a forked child)."""
    pytest.importorskip("jupyterhub")
    import resource

    import nqp_spawner

    monkeypatch.setattr(nqp_spawner.LocalProcessSpawner, "make_preexec_fn", lambda self, name: lambda: None)
    spawner = nqp_spawner.LimitedLocalProcessSpawner.__new__(nqp_spawner.LimitedLocalProcessSpawner)
    spawner._cgroup_dirs = []
    spawner.limits_mode = "rlimit"
    spawner.mem_limit = 3 * 2**30
    preexec = spawner.make_preexec_fn("alice")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: apply the limit as before exec, report it, leave
        preexec()
        os.write(write, str(resource.getrlimit(resource.RLIMIT_DATA)[0]).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    assert int(os.read(read, 100)) == 3 * 2**30
    assert resource.getrlimit(resource.RLIMIT_DATA)[0] != 3 * 2**30  # the parent is untouched


# --- the class at once (simultaneous slider moves) and what students do not need -----------------


@linux_server_only
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--slider-rounds", "9"], "--slider-rounds must be between 0 and 5"),
        (["--move-spread", "-1"], "--move-spread must be between 0 and 5 seconds"),
    ],
)
def test_slider_scenario_is_bounded(argv, message, capsys):
    """The simultaneous-move scenario refuses more rounds than it has values, or a spread beyond 5 s."""
    import classroom_test

    with pytest.raises(SystemExit) as exc:
        classroom_test.main(argv)
    assert exc.value.code == 2 and message in capsys.readouterr().err


def test_binary_frames_are_decoded_as_the_server_encodes_them():
    """A widget message with a PNG buffer, framed as jupyter_server frames it (offsets, JSON, buffers)."""
    import struct

    import classroom_test

    png = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
    msg = {"msg_type": "comm_msg", "content": {"comm_id": "abc", "data": {"method": "update"}}}
    body = json.dumps(msg).encode()
    header = struct.pack("!III", 2, 12, 12 + len(body))
    decoded = classroom_test.decode_frame(header + body + png)
    assert decoded["content"]["comm_id"] == "abc" and decoded["buffers"] == [png]
    assert classroom_test.decode_frame(json.dumps(msg))["buffers"] == []
    try:  # the server's own encoder, where it is installed (the classroom's environment)
        from jupyter_server.services.kernels.connection.base import serialize_binary_message
    except ImportError:
        return
    again = classroom_test.decode_frame(serialize_binary_message({**msg, "buffers": [png, b"x"]}))
    assert again["buffers"] == [png, b"x"] and again["msg_type"] == "comm_msg"


def test_percentiles_and_the_widgets_a_browser_would_draw():
    """p50 and p95 interpolate as numpy does; comm_open messages give the models by id."""
    import classroom_test

    values = [0.1 * i for i in range(1, 31)]
    assert classroom_test.percentile(values, 50) == pytest.approx(1.55)
    assert classroom_test.percentile(values, 95) == pytest.approx(2.855)
    assert classroom_test.percentile(values, 100) == pytest.approx(3.0)
    with pytest.raises(ValueError):
        classroom_test.percentile([], 50)
    opened = [
        {
            "msg_type": "comm_open",
            "content": {
                "comm_id": "s1",
                "target_name": "jupyter.widget",
                "data": {"state": {"_model_name": "FloatSliderModel", "description": "saving rate"}},
            },
        },
        {"msg_type": "comm_open", "content": {"comm_id": "x", "target_name": "other", "data": {}}},
        {"msg_type": "stream", "content": {"text": "hi"}},
    ]
    assert classroom_test.widget_models(opened) == {
        "s1": {"_model_name": "FloatSliderModel", "description": "saving rate"}
    }


def test_the_slider_app_is_made_from_notebook_03s_own_cells():
    """The scenario runs only the set-up cell and the app's cell of notebook 03, and the app has the
    saving-rate slider it moves."""
    import classroom_test

    nb = json.loads((ROOT / classroom_test.SLIDER_NOTEBOOK).read_text(encoding="utf-8"))
    setup, app = classroom_test.app_cells(nb)
    assert "from nqp_helpers" in setup and classroom_test.SLIDER_APP_CALL in app
    with pytest.raises(classroom_test.Failure, match="no set-up cell"):
        classroom_test.app_cells({"cells": []})
    from nqp_helpers.lessons.solow import make_push_app

    sliders = [c for c in make_push_app().controls.values() if classroom_test.SLIDER_LABEL in c.description]
    assert len(sliders) == 1
    assert all(sliders[0].min <= v <= sliders[0].max for v in classroom_test.SLIDER_VALUES)


def test_students_servers_load_only_what_students_need(monkeypatch, test_mode_env):
    """Each server reads classroom/singleuser/ (JUPYTER_CONFIG_PATH): nbdime, jupyter_lsp and notebook_shim
    are off, nbdime's JupyterLab extension too, the extension manager cannot install; the slideshow and
    the Chinese interface are never switched off."""
    c = load_config(monkeypatch, test_mode_env)
    folder = Path(c.Spawner.environment["JUPYTER_CONFIG_PATH"])
    assert folder == CLASSROOM / "singleuser"
    server = json.loads(
        (folder / "jupyter_server_config.d" / "nqp-classroom.json").read_text(encoding="utf-8")
    )
    off = server["ServerApp"]["jpserver_extensions"]
    assert off == {"nbdime": False, "jupyter_lsp": False, "notebook_shim": False}
    assert server["LabApp"]["extension_manager"] == "readonly"
    page = json.loads((folder / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    assert page["disabledExtensions"] == {"nbdime-jupyterlab": True}
    text = json.dumps([server, page]).lower()
    assert "rise" not in text and "language" not in text and "zh" not in text
    assert c.Spawner.environment["OPENBLAS_NUM_THREADS"] == "1"
