"""JupyterHub configuration for a class that uses the collection. Read classroom/README.md first.

    sudo /path/to/venv/bin/jupyterhub -f classroom/jupyterhub_config.py

It has two modes.

**Real use** (the default): JupyterHub with SystemdSpawner on one Linux server. Each student's
server runs under systemd with the memory and CPU limits below enforced (MemoryMax, CPUQuota),
a private /tmp and no way to become root. The login is yours to choose: put it, and every
secret, in ``classroom/local_config.py`` (ignored by git; start from
``local_config.example.py``). Without that file the hub refuses to start.

**Test mode** (``NQP_CLASSROOM_TEST=1``, set only by ``make classroom-test``): a throw-away hub on
127.0.0.1 with a TEST-ONLY authenticator and a local spawner. The section marked TEST ONLY
below must never serve students; the authenticator itself refuses to run outside the test.

Shared by both: JupyterLab as the interface, the limits and the idle culler of
``nqp_classroom`` (one place, also read by the guide's capacity table and the tests).
"""

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import nqp_classroom as nqp  # noqa: E402

c = get_config()  # noqa: F821  (provided by JupyterHub when it reads this file)

TEST = os.environ.get("NQP_CLASSROOM_TEST") == "1"
# The environment that runs the hub also runs the students' servers (the collection's pinned
# environment plus classroom/requirements-*.txt); `make classroom-test` builds it in _build/classroom/venv.
VENV = Path(os.environ.get("NQP_CLASSROOM_VENV", sys.prefix))
SINGLEUSER = str(VENV / "bin" / "jupyterhub-singleuser")
# configurable-http-proxy: the copy `make` installs from the npm registry, else one on PATH
_LOCAL_CHP = (
    HERE.parent / "_build" / "classroom" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
)
CHP = str(_LOCAL_CHP) if _LOCAL_CHP.exists() else "configurable-http-proxy"
# The single-user servers' own configuration (what students do not need, switched off): see below.
SINGLEUSER_CONFIG = HERE / "singleuser"
# The students' Jupyter runtime folder (connection files, kernel sockets) in real use; see below.
RUNTIME_IN_PRIVATE_TMP = "/tmp/jupyter-runtime"

# ---------------------------------------------------------------------------------------------
# Shared by both modes
# ---------------------------------------------------------------------------------------------

c.Spawner.cmd = [SINGLEUSER]
# Kernels talk to the student's server over Unix sockets (IPC) in the student's own runtime folder
# (mode 700), not over TCP ports on 127.0.0.1: every user of a shared machine can connect to such a
# port, and a kernel's output channel (iopub) sends what the kernel prints to anyone who subscribes.
c.Spawner.args = ["--KernelManager.transport=ipc"]
c.Spawner.default_url = "/lab"
# nbgitpuller links open JupyterLab, and git must be on the path it runs
c.Spawner.environment = {
    "NBGITPULLER_APP": "lab",
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    # What students do not need, switched off in each server (classroom/singleuser/, read as an extra
    # Jupyter configuration folder): the server extensions nbdime (notebook diffs for maintainers),
    # jupyter_lsp (no language server is installed) and notebook_shim (classic-notebook extensions,
    # none installed), nbdime's JupyterLab extension, and the extension manager's PyPI listing.
    # The slideshow (jupyterlab-rise) and the Chinese language pack stay.
    "JUPYTER_CONFIG_PATH": str(SINGLEUSER_CONFIG),
    # One BLAS thread per kernel: a student has one CPU (the limit below), and numpy's OpenBLAS would
    # otherwise start a thread per core of the server in every kernel.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}

# Per-student limits (see nqp_classroom.MEM_LIMIT and CPU_LIMIT for what they mean)
c.Spawner.mem_limit = nqp.MEM_LIMIT
c.Spawner.cpu_limit = nqp.CPU_LIMIT
# a class starting at once on a small server: give slow starts time before calling them failed
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# Idle culler: stops a student's server after CULL_TIMEOUT seconds without activity, so that
# memory goes back to the students who are working. Files stay. The hub starts and stops it.
c.JupyterHub.services = [nqp.culler_service(VENV / "bin" / "python")]
c.JupyterHub.load_roles = [nqp.culler_role()]

# Nobody, admins included, may open a student's server: admins manage servers, not files.
c.JupyterHub.admin_access = False
c.ConfigurableHTTPProxy.command = [CHP]

if TEST:
    # =========================================================================================
    # TEST ONLY: used by `make classroom-test` (classroom/classroom_test.py). NEVER FOR STUDENTS.
    # Loopback only, throw-away users with random passwords, state in a temporary folder.
    # =========================================================================================
    state = Path(os.environ["NQP_CLASSROOM_STATE"])
    c.JupyterHub.bind_url = f"http://127.0.0.1:{int(os.environ['NQP_CLASSROOM_PORT'])}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{int(os.environ['NQP_CLASSROOM_HUB_PORT'])}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ['NQP_CLASSROOM_PROXY_API_PORT'])}"
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True

    # TEST-ONLY authenticator (refuses to run without NQP_CLASSROOM_TEST=1 and a loopback hub)
    c.JupyterHub.authenticator_class = "nqp_testonly_auth.TestOnlyAuthenticator"
    c.TestOnlyAuthenticator.passwords_file = str(state / "passwords.json")
    c.Authenticator.allowed_users = set(
        json.loads((state / "passwords.json").read_text(encoding="utf-8"))["users"]
    )

    # Local spawner: each server runs as its own throw-away Unix user, limits via cgroups
    c.JupyterHub.spawner_class = "nqp_spawner.LimitedLocalProcessSpawner"
    c.Spawner.ip = "127.0.0.1"
    # `classroom_test.py --limits rlimit` checks the fallback used where control groups are missing
    c.LimitedLocalProcessSpawner.use_cgroups = os.environ.get("NQP_CLASSROOM_LIMITS", "auto") != "rlimit"
    # `classroom_test.py --untrimmed` measures the servers with everything on, for comparison
    if os.environ.get("NQP_CLASSROOM_UNTRIMMED") == "1":
        for key in ("JUPYTER_CONFIG_PATH", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
            c.Spawner.environment.pop(key)

    # The test's own API clients, with tokens made at run time: one to administer the test,
    # one with exactly the culler's role, to show that role is enough to cull.
    c.JupyterHub.services += [
        {"name": "classroom-test", "api_token": os.environ["NQP_CLASSROOM_ADMIN_TOKEN"]},
        {"name": "culler-check", "api_token": os.environ["NQP_CLASSROOM_CULLER_TOKEN"]},
    ]
    c.JupyterHub.load_roles = [
        nqp.culler_role(services=("idle-culler", "culler-check")),
        {
            "name": "classroom-test",
            "scopes": ["admin:users", "admin:servers", "list:services", "read:services"],
            "services": ["classroom-test"],
        },
    ]
else:
    # =========================================================================================
    # Real use: SystemdSpawner on one Linux server (or use The Littlest JupyterHub instead)
    # =========================================================================================
    state = Path(os.environ.get("NQP_HUB_STATE", "/srv/nqp-hub"))
    # Behind a TLS-terminating reverse proxy (nginx, Caddy) keep the default: loopback only.
    # Serving HTTPS directly: NQP_HUB_BIND_URL=https://0.0.0.0:443 with NQP_HUB_SSL_CERT/_KEY.
    c.JupyterHub.bind_url = os.environ.get("NQP_HUB_BIND_URL", "http://127.0.0.1:8000")
    if os.environ.get("NQP_HUB_SSL_CERT"):
        c.JupyterHub.ssl_cert = os.environ["NQP_HUB_SSL_CERT"]
        c.JupyterHub.ssl_key = os.environ["NQP_HUB_SSL_KEY"]
    # the hub's API and the proxy's API never leave the machine
    c.JupyterHub.hub_bind_url = "http://127.0.0.1:8081"
    c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")

    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    # Students from a university login have no Unix account here: systemd gives each a dynamic
    # user with a persistent home under /var/lib/private (set False if students have accounts).
    c.SystemdSpawner.dynamic_users = True
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True

    # The login (and anything secret) lives outside the repository.
    local = Path(os.environ.get("NQP_HUB_LOCAL_CONFIG", HERE / "local_config.py"))
    if not local.exists():
        raise SystemExit(
            f"{local} is missing: copy classroom/local_config.example.py to it and choose your "
            "university's login there (see classroom/README.md)."
        )
    load_subconfig(str(local))  # noqa: F821  (provided by JupyterHub when it reads this file)
    if "nqp_testonly_auth" in str(c.JupyterHub.get("authenticator_class", "")):
        raise SystemExit("the test-only authenticator must never serve a real class")
    # The kernels' sockets (IPC, above) are files named <runtime folder>/kernel-<id>-ipc-<n>, and a
    # Unix socket's name has at most 107 bytes. In the home folder of a dynamic user,
    # /var/lib/<hub user name>/.local/share/jupyter/runtime, a user name longer than 19 characters
    # (an e-mail address) would pass that. Each student's server has its own /tmp (PrivateTmp,
    # implied by dynamic users), so the runtime folder goes there, where the names have 70 bytes.
    if c.SystemdSpawner.isolate_tmp or c.SystemdSpawner.dynamic_users:
        c.Spawner.environment["JUPYTER_RUNTIME_DIR"] = RUNTIME_IN_PRIVATE_TMP
