"""Plain-Python helpers for running the collection on a JupyterHub (standard library only).

Used by ``classroom/jupyterhub_config.py``, the link printer ``classroom/link.py``, the
environment builder ``classroom/setup_env.py``, the test harness
``classroom/classroom_test.py`` and ``tests/test_classroom.py``. Nothing here imports
JupyterHub, so the shipped limits, the nbgitpuller link and the capacity arithmetic can be
checked in the collection's own environment.

What lives here:

- the limits the configuration ships (``MEM_LIMIT``, ``CPU_LIMIT``, ``CULL_TIMEOUT``, ...);
- :func:`nbgitpuller_link`, the link students click;
- :func:`culler_service` and :func:`culler_role`, the idle culler as a hub-managed service;
- :func:`students_per_server`, the capacity arithmetic of the guide;
- :func:`helm_merge`, Helm's merge of a values file over a chart's defaults (Kubernetes);
- :class:`CgroupLimits`, per-user memory and CPU limits through Linux control groups (used
  by the local spawner of the test; a real server uses systemd, which does the same);
- :func:`blocked_for_others`, which tells whether another Unix user can reach a file.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

# ---------------------------------------------------------------------------------------------
# What the configuration ships. The guide's capacity table is computed from these and from the
# measurements of `make classroom-test`.
# ---------------------------------------------------------------------------------------------

#: Memory a student's server (JupyterLab plus its kernels) may use. On a real server
#: SystemdSpawner turns it into systemd's MemoryMax; in the test, a cgroup memory limit.
MEM_LIMIT = "1G"
#: CPU cores a student's server may use at most (a quota, not a reservation).
CPU_LIMIT = 1.0
#: Seconds without activity after which the idle culler stops a student's server. Files stay;
#: only the running server and its kernels (and their memory) go.
CULL_TIMEOUT = 3600
#: How often (seconds) the culler looks for idle servers.
CULL_EVERY = 300
#: The notebook the link opens, relative to the repository.
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
#: What the idle culler needs from the hub's REST API, and nothing more (jupyterhub-idle-culler's
#: documented scopes for culling servers, not users).
CULLER_SCOPES = ("list:users", "read:users:activity", "read:servers", "delete:servers")

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def parse_bytes(spec):
    """Bytes in a memory size written as JupyterHub writes it ("512M", "1G", "1.5G" or a number).

    Suffixes K, M, G and T are powers of 1024, as in JupyterHub's ``ByteSpecification``.

    >>> parse_bytes("1G"), parse_bytes("512M"), parse_bytes(2048)
    (1073741824, 536870912, 2048)
    """
    if isinstance(spec, bool):
        raise ValueError(f"memory size must be a number of bytes or text like '1G'; got {spec!r}")
    if isinstance(spec, int | float):
        value, unit = float(spec), ""
    else:
        m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)B?\s*", str(spec), flags=re.IGNORECASE)
        if not m:
            raise ValueError(f"memory size must look like '512M' or '1G' (K, M, G, T = 1024^n); got {spec!r}")
        value, unit = float(m.group(1)), m.group(2).upper()
    if value <= 0:
        raise ValueError(f"memory size must be positive; got {spec!r}")
    return int(value * _UNITS[unit])


# ---------------------------------------------------------------------------------------------
# The nbgitpuller link
# ---------------------------------------------------------------------------------------------


def nbgitpuller_dir(repo):
    """The folder nbgitpuller clones ``repo`` into when the link names none (its own rule).

    nbgitpuller takes the last part of the URL as it is, so ``.../nqp.git`` becomes ``nqp.git``.

    >>> nbgitpuller_dir("https://github.com/example/nqp-course.git/")
    'nqp-course.git'
    """
    return repo.rstrip("/").split("/")[-1]


def _check_relative(name, value):
    """A relative path inside the repository: not empty, no leading '/', no '..' parts."""
    if not value or value.startswith("/") or any(p in ("", ".", "..") for p in value.split("/")):
        raise ValueError(
            f"{name} must be a relative path inside the repository, like {START_NOTEBOOK!r}; got {value!r}"
        )


def nbgitpuller_link(hub, repo, branch="main", path=START_NOTEBOOK, targetpath=None):
    """The link that gives a student a copy of ``repo`` and opens ``path`` in JupyterLab.

    Clicking it logs the student in (if needed), starts their server (if needed), clones the
    repository into their home the first time and merges updates on later clicks (keeping the
    student's own edits), then opens ``lab/tree/<folder>/<path>``.

    Parameters
    ----------
    hub : str
        The hub's public address, like ``https://hub.example.edu`` (with a base path if the hub
        has one, but without ``/hub``).
    repo : str
        The git URL students pull from (https, git or file URL, or a path nbgitpuller's git can
        clone).
    branch : str
        Branch to pull.
    path : str
        File to open, relative to the repository (``notebooks/00-start-here.ipynb``; a students'
        repository made with ``make student`` keeps its notebooks at the top: ``00-start-here.ipynb``).
    targetpath : str, optional
        Folder in each student's home. Default: the repository's name without ``.git``. It is
        written into the link whenever it differs from nbgitpuller's own default, so the folder
        cloned and the folder opened are always the same.

    Returns
    -------
    str
        ``<hub>/hub/user-redirect/git-pull?repo=...&urlpath=lab%2Ftree%2F...&branch=...``, every
        value percent-encoded (``/`` too).

    Raises
    ------
    ValueError
        If the hub is not an http(s) URL, ends in ``/hub``, or carries a query; if the repository,
        branch, path or folder is empty or malformed.

    Examples
    --------
    >>> nbgitpuller_link("https://hub.example.edu", "https://github.com/example/nqp-course", "main")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample%2Fnqp-course&urlpath=lab%2Ftree%2Fnqp-course%2Fnotebooks%2F00-start-here.ipynb&branch=main'
    """
    parts = urlsplit(str(hub).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"hub must be the hub's address starting with https:// (or http://); got {hub!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"hub must be a plain address without '?' or '#'; got {hub!r}")
    base_path = parts.path.rstrip("/")
    if base_path.endswith("/hub"):
        raise ValueError(f"hub must be the hub's address without the trailing /hub; got {hub!r}")
    repo = str(repo).strip()
    if not repo or any(ch.isspace() for ch in repo) or not nbgitpuller_dir(repo):
        raise ValueError(
            f"repo must be a git URL without spaces, like https://github.com/org/name; got {repo!r}"
        )
    if not branch or any(ch.isspace() for ch in branch) or branch.startswith("-") or ".." in branch:
        raise ValueError(f"branch must be a git branch name like 'main'; got {branch!r}")
    _check_relative("path", path)
    default_dir = nbgitpuller_dir(repo)
    folder = default_dir.removesuffix(".git") if targetpath is None else targetpath
    if not folder or "/" in folder or folder in (".", ".."):
        raise ValueError(f"targetpath must be one folder name, like 'nqp-course'; got {targetpath!r}")
    params = [("repo", repo), ("urlpath", f"lab/tree/{folder}/{path}"), ("branch", branch)]
    if folder != default_dir:
        params.append(("targetpath", folder))
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params)
    return f"{parts.scheme}://{parts.netloc}{base_path}/hub/user-redirect/git-pull?{query}"


# ---------------------------------------------------------------------------------------------
# The idle culler, as a service the hub starts and stops with itself
# ---------------------------------------------------------------------------------------------


def culler_service(python, timeout=CULL_TIMEOUT, cull_every=CULL_EVERY, name="idle-culler"):
    """The ``c.JupyterHub.services`` entry that runs jupyterhub-idle-culler under the hub.

    >>> culler_service("/venv/bin/python", 3600, 300)["command"][1:]
    ['-m', 'jupyterhub_idle_culler', '--timeout=3600', '--cull-every=300']
    """
    if int(timeout) <= 0 or int(cull_every) <= 0:
        raise ValueError(f"timeout and cull_every must be positive seconds; got {timeout!r}, {cull_every!r}")
    return {
        "name": name,
        "command": [
            str(python),
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={int(timeout)}",
            f"--cull-every={int(cull_every)}",
        ],
    }


def culler_role(services=("idle-culler",)):
    """The ``c.JupyterHub.load_roles`` entry giving the culler exactly :data:`CULLER_SCOPES`."""
    return {"name": "idle-culler", "scopes": list(CULLER_SCOPES), "services": list(services)}


# ---------------------------------------------------------------------------------------------
# Capacity
# ---------------------------------------------------------------------------------------------


def students_per_server(ram_gib, per_student_gib, reserve_gib):
    """How many students' servers fit in a machine's memory.

    ``floor((ram - reserve) / per_student)``: the reserve is what the operating system, the
    hub, the proxy and the culler keep; each active student then needs ``per_student``.

    >>> students_per_server(16, 1.0, 2.0), students_per_server(8, 0.25, 1.5)
    (14, 26)
    """
    for name, value in (
        ("ram_gib", ram_gib),
        ("per_student_gib", per_student_gib),
        ("reserve_gib", reserve_gib),
    ):
        if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
            raise ValueError(f"{name} must be a number of GiB; got {value!r}")
    if per_student_gib <= 0:
        raise ValueError(f"per_student_gib must be positive; got {per_student_gib!r}")
    if reserve_gib < 0:
        raise ValueError(f"reserve_gib must not be negative; got {reserve_gib!r}")
    # a tiny tolerance, so that 14.999999 students (float noise) count as 15
    return max(0, int((ram_gib - reserve_gib) / per_student_gib + 1e-9))


# ---------------------------------------------------------------------------------------------
# Helm values (Zero to JupyterHub, classroom/kubernetes/values.yaml)
# ---------------------------------------------------------------------------------------------


def helm_merge(defaults, values):
    """``values`` over a chart's ``defaults`` as Helm merges them: mappings are merged key by key,
    anything else (lists included) is replaced, and ``None`` (YAML ``null``) removes a default.

    Neither argument is changed.

    >>> helm_merge({"a": {"b": 1, "c": [1, 2]}, "d": 1}, {"a": {"c": [3]}, "d": None, "e": 2})
    {'a': {'b': 1, 'c': [3]}, 'e': 2}
    """
    if not isinstance(defaults, dict) or not isinstance(values, dict):
        raise ValueError(
            f"Helm values must be mappings; got {type(defaults).__name__} and {type(values).__name__}"
        )
    out = dict(defaults)
    for key, value in values.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = helm_merge(out[key], value)
        else:
            out[key] = value
    return out


# ---------------------------------------------------------------------------------------------
# Who can reach a path
# ---------------------------------------------------------------------------------------------


def blocked_for_others(path, need_write=False):
    """The first folder or file on the way to ``path`` that another Unix user cannot pass, or None.

    A student's server runs as the student, not as root: the interpreter, the environment and
    the collection's package must be reachable (every folder on the way executable by others)
    and readable by everyone. ``path`` is resolved (symbolic links followed) first.
    """
    target = Path(path).resolve()
    for folder in [*reversed(target.parents), target]:
        mode = folder.stat().st_mode
        if stat.S_ISDIR(mode) and not mode & stat.S_IXOTH:
            return folder
    mode = target.stat().st_mode
    if not mode & stat.S_IROTH or (need_write and not mode & stat.S_IWOTH):
        return target
    return None


# ---------------------------------------------------------------------------------------------
# Per-user limits through control groups
# ---------------------------------------------------------------------------------------------


class CgroupUnavailable(RuntimeError):
    """The kernel's control groups cannot be used here (not root, not mounted, or read-only)."""


class CgroupLimits:
    """Per-user memory and CPU limits through Linux control groups, created and removed by root.

    One group per student holds that student's server and everything it starts (kernels,
    terminals): the memory limit caps their sum (the kernel's OOM killer ends the biggest
    process in the group when it is reached, usually the kernel that asked for too much), the
    CPU quota caps the group's share of processor time. This is what systemd does for
    SystemdSpawner (MemoryMax, CPUQuota) on a real server.

    Both layouts are supported: cgroup v1 (separate ``memory`` and ``cpu`` hierarchies) and
    cgroup v2 (one unified tree). Groups are made below the hub's own group (v1) or at the top of
    the tree (v2) under ``group``/``<user>``.

    Parameters
    ----------
    group : str
        Name of the folder that holds the students' groups.
    fs_root : path
        Where the cgroup file systems are mounted.
    self_cgroup : path
        The ``/proc/<pid>/cgroup`` file of this process (tells where it sits in v1).
    """

    PERIOD_US = 100_000

    def __init__(self, group="nqp-classroom", fs_root="/sys/fs/cgroup", self_cgroup="/proc/self/cgroup"):
        if not group or "/" in group:
            raise ValueError(f"group must be one folder name; got {group!r}")
        self.group = group
        self.fs_root = Path(fs_root)
        self.self_cgroup = Path(self_cgroup)
        self._bases = None  # {"memory": Path, "cpu": Path} for v1, {"unified": Path} for v2
        self.mode = None

    # -- where -------------------------------------------------------------------------------

    def _own_paths(self):
        """Controller name -> this process's path in that hierarchy, from /proc/self/cgroup."""
        out = {}
        for line in self.self_cgroup.read_text(encoding="utf-8").splitlines():
            _, controllers, path = line.split(":", 2)
            for name in controllers.split(",") if controllers else ["unified"]:
                out[name] = (controllers, path.lstrip("/"))
        return out

    def detect(self):
        """Find the hierarchies to use; returns "v1" or "v2", raises CgroupUnavailable."""
        if self.mode:
            return self.mode
        if hasattr(os, "geteuid") and os.geteuid() != 0 and self.fs_root == Path("/sys/fs/cgroup"):
            raise CgroupUnavailable("only root can create control groups")
        try:
            own = self._own_paths()
        except (OSError, ValueError) as exc:
            raise CgroupUnavailable(f"cannot read {self.self_cgroup}: {exc}") from exc
        v1 = {}
        for ctrl in ("memory", "cpu"):
            if ctrl in own:
                controllers, path = own[ctrl]
                for mount in (self.fs_root / ctrl, self.fs_root / controllers):
                    if (mount / path / "cgroup.procs").exists():
                        v1[ctrl] = mount / path
                        break
        if len(v1) == 2:
            self._bases, self.mode = v1, "v1"
            return self.mode
        controllers_file = self.fs_root / "cgroup.controllers"
        if controllers_file.exists() and {"memory", "cpu"} <= set(
            controllers_file.read_text(encoding="utf-8").split()
        ):
            self._bases, self.mode = {"unified": self.fs_root}, "v2"
            return self.mode
        raise CgroupUnavailable(f"no writable memory and cpu controllers under {self.fs_root}")

    def user_dirs(self, user):
        """The group folders of ``user`` (two in v1: memory and cpu; one in v2)."""
        self.detect()
        return [base / self.group / user for base in self._bases.values()]

    # -- make and remove ---------------------------------------------------------------------

    @staticmethod
    def _write(path, value):
        try:
            path.write_text(str(value), encoding="utf-8")
        except OSError as exc:
            raise CgroupUnavailable(f"cannot write {value!r} to {path}: {exc}") from exc

    def create(self, user, mem_bytes=None, cpu=None):
        """Make (or reset) ``user``'s groups with these limits; returns the folders to join.

        A process joins by writing its pid into ``<folder>/cgroup.procs`` (the spawner does this
        in the child, before it drops root and starts the server).
        """
        if not user or "/" in user or user in (".", ".."):
            raise ValueError(f"user must be a plain user name; got {user!r}")
        if mem_bytes is not None and int(mem_bytes) <= 0:
            raise ValueError(f"mem_bytes must be positive; got {mem_bytes!r}")
        if cpu is not None and float(cpu) <= 0:
            raise ValueError(f"cpu must be a positive number of cores; got {cpu!r}")
        mode = self.detect()
        try:
            if mode == "v2":
                # controllers must be switched on for the children of each level
                for level in (self.fs_root, self.fs_root / self.group):
                    level.mkdir(exist_ok=True)
                    self._write(level / "cgroup.subtree_control", "+memory +cpu")
            dirs = self.user_dirs(user)
            for d in dirs:
                d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CgroupUnavailable(f"cannot create the group of {user}: {exc}") from exc
        quota = None if cpu is None else max(1000, int(float(cpu) * self.PERIOD_US))
        if mode == "v1":
            mem_dir, cpu_dir = dirs
            if mem_bytes is not None:
                self._write(mem_dir / "memory.limit_in_bytes", int(mem_bytes))
                # with swap accounting on, also stop the group from escaping into swap
                if (mem_dir / "memory.memsw.limit_in_bytes").exists():
                    self._write(mem_dir / "memory.memsw.limit_in_bytes", int(mem_bytes))
            if quota is not None:
                self._write(cpu_dir / "cpu.cfs_period_us", self.PERIOD_US)
                self._write(cpu_dir / "cpu.cfs_quota_us", quota)
        else:
            (d,) = dirs
            if mem_bytes is not None:
                self._write(d / "memory.max", int(mem_bytes))
                if (d / "memory.swap.max").exists():
                    self._write(d / "memory.swap.max", 0)
            if quota is not None:
                self._write(d / "cpu.max", f"{quota} {self.PERIOD_US}")
        return dirs

    def pids(self, user):
        """Process ids now in ``user``'s groups."""
        found = set()
        for d in self.user_dirs(user):
            try:
                found.update(int(p) for p in (d / "cgroup.procs").read_text(encoding="utf-8").split())
            except FileNotFoundError:
                pass
        return sorted(found)

    def remove(self, user, timeout=5.0):
        """Kill what is left in ``user``'s groups (orphaned kernels too) and remove the groups."""
        deadline = time.monotonic() + timeout
        while True:
            left = self.pids(user)
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if not left or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        for d in self.user_dirs(user):
            try:
                d.rmdir()
            except FileNotFoundError:
                pass
            except OSError:
                time.sleep(0.2)  # the kernel frees a group a moment after its last process
                d.rmdir()
            try:
                d.parent.rmdir()  # the shared folder, once the last student's group is gone
            except OSError:
                pass

    def usage(self, user):
        """What the kernel counted for ``user``'s groups: peak memory, OOM kills, CPU throttling."""
        out = {"memory_peak_bytes": None, "oom_kills": None, "cpu_throttled_periods": None}

        def read(path):
            try:
                return path.read_text(encoding="utf-8")
            except OSError:
                return None

        def field(text, key):
            for line in (text or "").splitlines():
                name, _, value = line.partition(" ")
                if name == key:
                    return int(value)
            return None

        dirs = self.user_dirs(user)
        if self.mode == "v1":
            mem_dir, cpu_dir = dirs
            peak = read(mem_dir / "memory.max_usage_in_bytes")
            out["memory_peak_bytes"] = int(peak) if peak else None
            out["oom_kills"] = field(read(mem_dir / "memory.oom_control"), "oom_kill")
            out["cpu_throttled_periods"] = field(read(cpu_dir / "cpu.stat"), "nr_throttled")
        else:
            (d,) = dirs
            peak = read(d / "memory.peak")
            out["memory_peak_bytes"] = int(peak) if peak else None
            out["oom_kills"] = field(read(d / "memory.events"), "oom_kill")
            out["cpu_throttled_periods"] = field(read(d / "cpu.stat"), "nr_throttled")
        return out
