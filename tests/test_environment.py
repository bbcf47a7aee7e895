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


def environment_yml_pins():
    """(conda pins, pip pins) of environment.yml: conda-forge lines, then those under its 'pip:' key."""
    text = (ROOT / "environment.yml").read_text()
    head, _, pip_section = text.partition("- pip:")
    conda = pins(head, "=")
    conda.pop("python", None)
    return conda, pins(pip_section, "==")


def test_environment_yml_matches_requirements():
    """environment.yml pins exactly the versions requirements.txt pins, each package once.

    Most come from conda-forge; packages published on PyPI only (or whose exact pin conda-forge may
    lack) sit under the file's 'pip:' key, also with '=='.
    """
    req = pins((ROOT / "requirements.txt").read_text(), "==")
    conda, pip = environment_yml_pins()
    assert not set(conda) & set(pip), f"pinned twice: {sorted(set(conda) & set(pip))}"
    assert {**conda, **pip} == req


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


def test_chinese_language_pack_is_installed():
    """The zh_CN language pack is installed, so Settings -> Language -> 中文 works without a network."""
    from importlib.metadata import entry_points, version

    req = pins((ROOT / "requirements.txt").read_text(), "==")
    assert version("jupyterlab-language-pack-zh-cn") == req["jupyterlab-language-pack-zh-cn"]
    packs = {ep.name for ep in entry_points(group="jupyterlab.languagepack")}
    assert "zh_CN" in packs, packs
    # what JupyterLab's Settings -> Language menu lists, read from the installed packs only
    from jupyterlab_server.translation_utils import get_language_packs

    available, _ = get_language_packs("en")
    assert available["zh_CN"]["nativeName"] == "中文 (简体, 中国)"


def test_slideshow_extension_is_installed():
    """jupyterlab-rise (the slideshow extension) is installed as a prebuilt JupyterLab extension."""
    from importlib.metadata import version

    req = pins((ROOT / "requirements.txt").read_text(), "==")
    assert version("jupyterlab-rise") == req["jupyterlab-rise"]
    ext = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "jupyterlab-rise" / "package.json"
    assert ext.exists(), ext
