"""A local spawner that enforces the per-user memory and CPU limits (used by the classroom test).

JupyterHub's own ``LocalProcessSpawner`` runs each student's server as that student's Unix user
but ignores ``mem_limit`` and ``cpu_limit`` (it only passes them on as the environment variables
``MEM_LIMIT`` and ``CPU_LIMIT``). On a real server the guide recommends The Littlest JupyterHub
or SystemdSpawner, where systemd enforces both. This subclass makes the limits real on one
machine without systemd, which is how ``make classroom-test`` runs:

1. **cgroup** (v1 or v2, needs root and a writable ``/sys/fs/cgroup``): one control group per
   student holds the server and every kernel it starts; the group's memory limit is
   ``mem_limit`` (the sum of the student's processes; the kernel's OOM killer ends a process in
   the group, usually the kernel that asked for too much, when it is reached) and its CPU
   quota is ``cpu_limit`` cores. Groups are removed, and leftover kernels killed, when the
   server stops.
2. **rlimit** (fallback when control groups cannot be used): ``RLIMIT_DATA = mem_limit`` for the
   server and, inherited, for each kernel *separately* (heap and other private writable memory
   of one process; not a per-user total). CPU is then not limited.

The mechanism used is logged and given to the server as ``NQP_LIMITS`` (for example
``cgroup-v1 mem=1073741824 cpu=1.0``), where the test reads it back from inside a kernel.
"""

from __future__ import annotations

import os
import resource

from jupyterhub.spawner import LocalProcessSpawner
from nqp_classroom import CgroupLimits, CgroupUnavailable
from traitlets import Bool, Unicode


class LimitedLocalProcessSpawner(LocalProcessSpawner):
    """``LocalProcessSpawner`` plus enforced ``mem_limit`` / ``cpu_limit`` (cgroups, else rlimit)."""

    cgroup_group = Unicode(
        "nqp-classroom",
        help="Folder (under the cgroup hierarchies) that holds one control group per user.",
    ).tag(config=True)

    use_cgroups = Bool(
        True, help="Try control groups first (False: go straight to the rlimit fallback)."
    ).tag(config=True)

    limits_mode = Unicode("none", help="How the limits of the last start were enforced (read only).")

    def _limits(self):
        return CgroupLimits(group=self.cgroup_group)

    def _describe(self):
        return f"{self.limits_mode} mem={self.mem_limit or 0} cpu={self.cpu_limit or 0}"

    async def start(self):
        """Create the user's control group (or choose the fallback), then start as usual."""
        self._cgroup_dirs = []
        self.limits_mode = "none"
        if self.mem_limit or self.cpu_limit:
            limits = self._limits()
            try:
                if not self.use_cgroups:
                    raise CgroupUnavailable("switched off by use_cgroups = False")
                self._cgroup_dirs = limits.create(self.user.name, self.mem_limit, self.cpu_limit)
                self.limits_mode = f"cgroup-{limits.mode}"
            except CgroupUnavailable as exc:
                self.limits_mode = "rlimit" if self.mem_limit else "none"
                self.log.warning(
                    "control groups unavailable (%s); limits for %s: %s",
                    exc,
                    self.user.name,
                    self.limits_mode,
                )
        self.log.info("limits for %s: %s", self.user.name, self._describe())
        return await super().start()

    def get_state(self):
        state = super().get_state()
        state["limits_mode"] = self.limits_mode  # so that a restarted hub still removes the group
        return state

    def load_state(self, state):
        super().load_state(state)
        self.limits_mode = state.get("limits_mode", "none")

    def get_env(self):
        env = super().get_env()
        env["NQP_LIMITS"] = self._describe()
        return env

    def make_preexec_fn(self, name):
        """Join the user's control group (still as root) and set the rlimit, then drop to the user."""
        drop_privileges = super().make_preexec_fn(name)
        procs_files = [str(d / "cgroup.procs") for d in getattr(self, "_cgroup_dirs", [])]
        data_limit = int(self.mem_limit) if self.limits_mode == "rlimit" else None

        def preexec():
            # runs in the forked child before exec: only plain system calls here
            pid = str(os.getpid())
            for path in procs_files:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(pid)
            if data_limit:
                resource.setrlimit(resource.RLIMIT_DATA, (data_limit, data_limit))
            drop_privileges()

        return preexec

    async def stop(self, now=False):
        """Stop as usual, then kill anything left in the user's group and remove the group."""
        try:
            await super().stop(now=now)
        finally:
            if self.limits_mode.startswith("cgroup"):
                try:
                    self._limits().remove(self.user.name)
                except (OSError, CgroupUnavailable) as exc:
                    self.log.warning("could not remove the control group of %s: %s", self.user.name, exc)
