"""Past one server: the Zero to JupyterHub values file and the single-user image (classroom/kubernetes/).

Neither a cluster nor an image registry is reached: these tests check the values file against the
one-server set-up (same limits, culling, link), validate it, merged over the chart's defaults as Helm
merges them, against the chart's own values schema, and check what the Dockerfile installs.

The chart's ``values.schema.yaml`` and ``values.yaml`` (jupyterhub/zero-to-jupyterhub-k8s, folder
``jupyterhub/``) are not part of this repository: the tests read them from the folder named by the
environment variable NQP_Z2JH_DIR, else from ``vendor/z2jh`` in the course folder next to the
checkout, and are skipped, with the reason, when neither exists.
"""

import copy
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLASSROOM = ROOT / "classroom"
KUBE = CLASSROOM / "kubernetes"
sys.path.insert(0, str(CLASSROOM))
import nqp_classroom as nqp  # noqa: E402

yaml = pytest.importorskip("yaml", reason="PyYAML (in the pinned environment via jupyter_events) is missing")


def chart_dir():
    """Where the chart's schema and defaults are, or None."""
    if os.environ.get("NQP_Z2JH_DIR"):
        return Path(os.environ["NQP_Z2JH_DIR"])
    return ROOT.parent / "shared" / "vendor" / "z2jh"


def chart_files():
    """(schema, defaults) of the chart, or a skip naming what is missing."""
    folder = chart_dir()
    files = [folder / "values.schema.yaml", folder / "values.yaml"]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        pytest.skip(
            f"the Zero to JupyterHub chart's values schema and defaults are not here ({', '.join(missing)}); "
            "set NQP_Z2JH_DIR to a folder holding values.schema.yaml and values.yaml of "
            "jupyterhub/zero-to-jupyterhub-k8s (folder jupyterhub/)"
        )
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]


def values():
    return yaml.safe_load((KUBE / "values.yaml").read_text(encoding="utf-8"))


def schema_errors(vals):
    """Every violation of the chart's schema by ``vals`` merged over the chart's defaults, as
    'path: message' lines (empty when valid)."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (in the pinned environment) is missing")
    schema, defaults = chart_files()
    merged = nqp.helm_merge(defaults, vals)
    validator = jsonschema.Draft7Validator(schema)
    return sorted(
        f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in validator.iter_errors(merged)
    )


# --- the same set-up as on one server ------------------------------------------------------------


def one_server_config(monkeypatch, tmp_path):
    """classroom/jupyterhub_config.py in real use, read as JupyterHub reads it."""
    from traitlets.config.loader import PyFileConfigLoader

    local = tmp_path / "local.py"
    local.write_text('c = get_config()\nc.JupyterHub.authenticator_class = "generic-oauth"\n')
    for key in [k for k in os.environ if k.startswith(("NQP_CLASSROOM_", "NQP_HUB_"))]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("NQP_HUB_LOCAL_CONFIG", str(local))
    return PyFileConfigLoader("jupyterhub_config.py", path=str(CLASSROOM)).load_config()


def test_values_ship_the_one_server_limits_culling_and_link(monkeypatch, tmp_path):
    """1 GiB and 1 CPU per student, culling after 60 minutes, JupyterLab for the nbgitpuller link, the
    same environment variables in each server, no admin access, and not the chart's open login."""
    v = values()
    c = one_server_config(monkeypatch, tmp_path)
    single = v["singleuser"]
    assert single["memory"]["limit"] == nqp.MEM_LIMIT == c.Spawner.mem_limit
    assert float(single["cpu"]["limit"]) == nqp.CPU_LIMIT == c.Spawner.cpu_limit
    assert nqp.parse_bytes(single["memory"]["guarantee"]) < nqp.parse_bytes(single["memory"]["limit"])
    assert 0 < single["cpu"]["guarantee"] <= single["cpu"]["limit"]
    assert v["cull"] == {
        "enabled": True,
        "users": False,
        "timeout": nqp.CULL_TIMEOUT,
        "every": nqp.CULL_EVERY,
    }
    assert single["defaultUrl"] == c.Spawner.default_url == "/lab"
    env = dict(c.Spawner.environment)
    env.pop("PATH")  # the image's own
    # SystemdSpawner's private /tmp only (short socket names); a pod has its own /tmp
    env.pop("JUPYTER_RUNTIME_DIR")
    assert set(single["extraEnv"]) == set(env)
    for key, value in env.items():
        if key != "JUPYTER_CONFIG_PATH":  # a folder of the checkout there, of the image here
            assert single["extraEnv"][key] == value, key
    hub = v["hub"]["config"]["JupyterHub"]
    assert hub["admin_access"] is False is c.JupyterHub.admin_access
    assert hub["authenticator_class"] not in ("dummy", "null", "nqp_testonly_auth.TestOnlyAuthenticator")


def test_the_image_installs_the_pinned_environment_and_the_link():
    """The Dockerfile installs requirements.txt and classroom/requirements-user.txt (nbgitpuller, the
    hub's version of jupyterhub) with both locks, the package without touching the pins, the config
    folder the values point at, and runs as the chart's user, not root."""
    text = (KUBE / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", " ", text)  # continuation lines joined
    base = re.search(r"^FROM python:(3\.\d+)", joined, flags=re.MULTILINE)
    assert base and base.group(1) == "3.11", "the lock is made on Python 3.11"
    pip = next(line for line in joined.splitlines() if "-r /opt/nqp/requirements.txt" in line)
    for arg in (
        "-r /opt/nqp/requirements.txt",
        "-r /opt/nqp/classroom/requirements-user.txt",
        "-c /opt/nqp/constraints.txt",
        "-c /opt/nqp/classroom/constraints.txt",
    ):
        assert arg in pip, arg
    assert "pip install --no-deps /opt/nqp/src" in joined
    for line in joined.splitlines():  # every file the image copies is in the repository
        if line.startswith("COPY "):
            for src in line.split()[1:-1]:
                assert (ROOT / src).exists(), src
    assert "COPY classroom/singleuser /opt/nqp/singleuser" in joined
    assert values()["singleuser"]["extraEnv"]["JUPYTER_CONFIG_PATH"] == "/opt/nqp/singleuser"
    user = re.findall(r"^USER (\S+)", joined, flags=re.MULTILINE)
    assert user and user[-1] == "1000" and "--uid 1000 --gid 100" in joined
    assert re.search(r'^CMD \["jupyterhub-singleuser"\]', joined, flags=re.MULTILINE)
    assert "nbgitpuller" in (CLASSROOM / "requirements-user.txt").read_text(encoding="utf-8")


# --- Helm's merge and the chart's schema ------------------------------------------------------------


def patched(base, change):
    """A copy of ``base`` with the keys of ``change`` set (nested), None kept as a YAML null."""
    out = copy.deepcopy(base)
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = patched(out[key], value)
        else:
            out[key] = value
    return out


def test_helm_merge_merges_mappings_replaces_lists_and_deletes_on_null():
    """Mappings merge key by key, lists and scalars are replaced, null removes the default."""
    defaults = {"a": {"b": 1, "c": [1, 2], "d": {"e": 1}}, "f": "x", "g": [1]}
    before = copy.deepcopy(defaults)
    merged = nqp.helm_merge(defaults, {"a": {"c": [3], "d": {"h": 2}}, "f": None, "g": []})
    assert merged == {"a": {"b": 1, "c": [3], "d": {"e": 1, "h": 2}}, "g": []}
    assert defaults == before
    with pytest.raises(ValueError, match="mappings"):
        nqp.helm_merge({"a": 1}, ["a"])


def test_values_pass_the_charts_values_schema():
    """classroom/kubernetes/values.yaml, merged over the chart's defaults, is valid for the chart."""
    assert schema_errors(values()) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"cull": {"timeout": "one hour"}}, "cull.timeout: 'one hour' is not of type 'integer'"),
        ({"singleuser": {"memroy": {"limit": "1G"}}}, "'memroy' was unexpected"),
        ({"singleuser": {"cpu": {"limit": "one"}}}, "singleuser.cpu.limit: 'one' is not of type"),
        ({"hub": None}, "'hub' is a required property"),
    ],
)
def test_the_schema_check_can_fail(change, where):
    """A string where the schema wants a number, a misspelt key where no other key is allowed, a
    required part deleted: each is reported."""
    errors = schema_errors(patched(values(), change))
    assert any(where in e for e in errors), errors


# --- the guide --------------------------------------------------------------------------------------


def test_the_guide_sizes_a_cluster_and_says_what_was_checked():
    """classroom/README.md has the Kubernetes part: the files, the sizing, and what was and was not
    validated (no cluster, no registry)."""
    guide = (CLASSROOM / "README.md").read_text(encoding="utf-8")
    part = guide.split("## Past one server", 1)[1].split("\n## ", 1)[0]
    for needle in ("kubernetes/values.yaml", "kubernetes/Dockerfile", "values.schema.yaml", "### Sizing"):
        assert needle in part, needle
    assert "not validated" in part or "was not" in part
