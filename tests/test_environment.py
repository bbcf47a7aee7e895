"""The environment is pinned once and said the same way everywhere."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pins(text, sep):
    """Name -> version for lines like 'name==1.2' (sep '==') or '- name=1.2' (sep '=')."""
    out = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip().lstrip("-").strip()
        m = re.fullmatch(rf"([A-Za-z0-9_.\-]+){sep}([0-9][^\s=]*)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_requirements_are_exact_pins():
    """Every requirement is pinned with ==, so every student gets the same versions."""
    lines = [
        l for l in (ROOT / "requirements.txt").read_text().splitlines() if l.strip() and not l.startswith("#")
    ]
    assert lines and all("==" in l for l in lines), lines


def test_environment_yml_matches_requirements():
    """environment.yml (conda) pins exactly the versions requirements.txt (pip) pins."""
    req = pins((ROOT / "requirements.txt").read_text(), "==")
    env = pins((ROOT / "environment.yml").read_text(), "=")
    env.pop("python", None)
    assert env == req


def test_constraints_lock_agrees_with_requirements():
    """The full lock (constraints.txt) holds each top-level package at the pinned version."""
    req = pins((ROOT / "requirements.txt").read_text(), "==")
    lock = pins((ROOT / "constraints.txt").read_text(), "==")
    for name, version in req.items():
        assert lock.get(name) == version, f"{name}: requirements {version}, lock {lock.get(name)}"


def test_installed_versions_are_the_pinned_ones():
    """The running environment is the pinned one (make installs from the lock)."""
    from importlib.metadata import version

    req = pins((ROOT / "requirements.txt").read_text(), "==")
    for name, pinned in req.items():
        assert version(name) == pinned, name
    assert sys.version_info >= (3, 11)


def test_lab_settings_switch_off_news_popup():
    """The shipped JupyterLab settings turn off the first-run news and update pop-ups."""
    import json

    settings = json.loads((ROOT / "jupyter" / "overrides.json").read_text())
    note = settings["@jupyterlab/apputils-extension:notification"]
    assert note == {"checkForUpdates": False, "fetchNews": "false"}
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(installed.read_text()) == settings
