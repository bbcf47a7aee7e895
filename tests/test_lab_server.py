"""`make lab` serves JupyterLab safely: loopback only, token required (whatever the user's own Jupyter
configuration says), widgets ready."""

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from scripts.lab import REFUSAL, ROOT, hand_over, lab_command


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""


def test_command_binds_loopback_keeps_token_and_allows_root_only_for_root():
    """The command binds 127.0.0.1, never disables the token, and adds --allow-root only for root."""
    user = lab_command(python="py", is_root=False)
    root = lab_command(python="py", is_root=True)
    assert "--ServerApp.ip=127.0.0.1" in user
    assert "--allow-root" not in user and "--allow-root" in root
    assert not any("token" in a.lower() or "password" in a.lower() for a in user + root)
    assert "notebooks/00-start-here.ipynb" in user


def test_the_page_gets_the_chinese_font_from_the_collection():
    """custom.css (loaded with --LabApp.custom_css) declares Noto Sans CJK SC for Chinese characters only,
    and serve_custom_css puts its folder and the font's in front of the folders served at /custom/, where
    the two files are found; a Jupyter that keeps the list elsewhere is left unchanged."""
    from scripts.lab import CUSTOM_PATHS, serve_custom_css

    settings = {"static_custom_path": ["/home/student/.jupyter/custom"]}
    assert serve_custom_css(settings) is True
    assert settings["static_custom_path"] == [*map(str, CUSTOM_PATHS), "/home/student/.jupyter/custom"]
    assert serve_custom_css({}) is False
    css = (CUSTOM_PATHS[0] / "custom.css").read_text(encoding="utf-8")
    assert 'url("NotoSansCJKsc-Regular.otf")' in css and "unicode-range: U+2E80" in css
    assert (CUSTOM_PATHS[1] / "NotoSansCJKsc-Regular.otf").exists()


def test_the_chinese_edition_opens_its_own_start_notebook():
    """--edition zh (make lab EDITION=zh) opens notebooks/zh-CN/00-start-here.ipynb, which exists, with
    the same safety settings."""
    from scripts.lab import STARTS

    cmd = lab_command(python="py", is_root=False, start=STARTS["zh"])
    assert cmd[4] == "notebooks/zh-CN/00-start-here.ipynb" and (ROOT / cmd[4]).exists()
    assert "--ServerApp.ip=127.0.0.1" in cmd


def test_command_runs_the_guarded_server_from_any_folder():
    """The command runs scripts/lab.py by its full path with -P (so the guard runs whatever the working
    folder, and the scripts' names cannot hide a module of Jupyter), then JupyterLab's own arguments."""
    cmd = lab_command(python="py", port=8899, open_browser=False, is_root=False)
    assert cmd[:4] == ["py", "-P", str(ROOT / "scripts" / "lab.py"), "--serve"]
    assert cmd[4:] == [
        "notebooks/00-start-here.ipynb",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.custom_css=True",
        "--ServerApp.port=8899",
        "--ServerApp.port_retries=0",
        "--no-browser",
    ]


def isolated_env(config_dir, **extra):
    """The environment with a throw-away Jupyter configuration folder (the user's own is not read)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_TOKEN")}
    return {**env, "JUPYTER_CONFIG_DIR": str(config_dir), **extra}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """JupyterLab as `make lab` starts it, for a user whose JUPYTER_TOKEN is set but empty."""
    port = free_port()
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    env = isolated_env(tmp_path_factory.mktemp("jupyter-config"), JUPYTER_TOKEN="")
    with open(log, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(
            lab_command(port=port, open_browser=False), cwd=ROOT, stdout=fh, stderr=fh, env=env
        )
    token = None
    deadline = time.time() + 60
    while time.time() < deadline and token is None:
        time.sleep(0.5)
        m = re.search(r"\?token=([0-9a-f]+)", log.read_text(encoding="utf-8"))
        token = m.group(1) if m else None
        if proc.poll() is not None:
            break
    try:
        if token is None:
            pytest.fail("JupyterLab did not start:\n" + log.read_text(encoding="utf-8")[-3000:])
        while time.time() < deadline and get(f"http://127.0.0.1:{port}/api/status?token={token}")[0] != 200:
            time.sleep(0.5)
        yield port, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_request_without_token_is_refused(server):
    """The API answers 403 without the token and 200 with it."""
    port, token = server
    assert get(f"http://127.0.0.1:{port}/api/status")[0] == 403
    assert get(f"http://127.0.0.1:{port}/api/contents/notebooks?token=wrong")[0] == 403
    assert get(f"http://127.0.0.1:{port}/api/status?token={token}")[0] == 200


def test_server_listens_on_loopback_only(server):
    """Nothing answers on the machine's other addresses."""
    port, _ = server
    others = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            others.add(info[4][0])
    except socket.gaierror:
        pass
    others = {a for a in others if not a.startswith("127.")}
    for addr in others:
        with socket.socket() as s:
            s.settimeout(2)
            assert s.connect_ex((addr, port)) != 0, f"JupyterLab answers on {addr}"


def test_widgets_extension_and_settings_are_served(server):
    """The ipywidgets extension is installed with no manual step, and the news pop-up is off."""
    port, token = server
    status, body = get(f"http://127.0.0.1:{port}/lab/api/extensions?token={token}")
    assert status == 200
    names = {e["name"] for e in json.loads(body)}
    assert "jupyter-widgets-jupyterlab-manager" in names  # the ipywidgets front end
    status, body = get(
        f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    )
    assert status == 200
    # Shipped overrides become the defaults of the settings schema ("none" would mean: ask the user).
    defaults = {k: v["default"] for k, v in json.loads(body)["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False


def test_an_empty_jupyter_token_variable_leaves_the_token_on(server):
    """With JUPYTER_TOKEN set to an empty string (the server above), Jupyter still makes a token of 48
    hex digits and asks for it."""
    port, token = server
    assert len(token) == 48
    assert get(f"http://127.0.0.1:{port}/api/contents?token=")[0] == 403


#: Ways a user's own configuration can empty the token: file name -> content, and extra environment.
EMPTY_TOKEN_CONFIGS = {
    "ServerApp.token in jupyter_server_config.py": (
        {"jupyter_server_config.py": "c.ServerApp.token = ''\n"},
        {},
    ),
    "IdentityProvider.token in jupyter_server_config.py": (
        {"jupyter_server_config.py": "c.IdentityProvider.token = ''\n"},
        {},
    ),
    "IdentityProvider.token in jupyter_lab_config.py": (
        {"jupyter_lab_config.py": "c.IdentityProvider.token = ''\n"},
        {},
    ),
    "JUPYTER_TOKEN_FILE naming an empty file": (
        {"empty-token.txt": ""},
        {"JUPYTER_TOKEN_FILE": "empty-token.txt"},
    ),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """Start JupyterLab once for each configuration of EMPTY_TOKEN_CONFIGS, all at once; return, for each,
    (exit code, port, log). A server that does start is stopped and reported with exit code None."""
    runs = {}
    for case, (files, extra) in EMPTY_TOKEN_CONFIGS.items():
        config_dir = tmp_path_factory.mktemp("jupyter-config")
        for name, text in files.items():
            (config_dir / name).write_text(text, encoding="utf-8")
        extra = {k: str(config_dir / v) for k, v in extra.items()}
        port = free_port()
        log = config_dir / "lab.log"
        with open(log, "w", encoding="utf-8") as fh:
            cmd = lab_command(port=port, open_browser=False)
            proc = subprocess.Popen(
                cmd, cwd=ROOT, stdout=fh, stderr=fh, env=isolated_env(config_dir, **extra)
            )
        runs[case] = (proc, port, log)
    results = {}
    for case, (proc, port, log) in runs.items():
        try:
            code = proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
        results[case] = (code, port, log.read_text(encoding="utf-8"))
    return results


@pytest.mark.parametrize("case", list(EMPTY_TOKEN_CONFIGS))
def test_lab_refuses_to_start_when_the_users_config_empties_the_token(refused, case):
    """A user's own Jupyter configuration that empties the token (in a throw-away JUPYTER_CONFIG_DIR here)
    stops the server before it serves anything: exit code 1, the reason and the fix in the terminal, and
    no address announced."""
    code, port, log = refused[case]
    assert code == 1, log[-2000:]
    assert " ".join(REFUSAL.split()) in " ".join(log.split())
    assert f":{port}/" not in log and "is running at" not in log


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_hand_over_replaces_the_process_except_on_windows(monkeypatch, tmp_path, platform):
    """On Linux and macOS the launcher becomes JupyterLab (os.execv, so Ctrl+C reaches JupyterLab alone);
    on Windows, which cannot do that, it runs JupyterLab as a child, waits through Ctrl+C and returns its
    exit code."""
    calls = []

    class Replaced(Exception):
        """What a real os.execv does: this process is gone, nothing after it runs."""

    def execv(exe, args):
        calls.append(("execv", exe, args))
        raise Replaced

    monkeypatch.setattr(os, "chdir", lambda path: calls.append(("chdir", path)))
    monkeypatch.setattr(os, "execv", execv)

    class FakeChild:
        waits = 0

        def __init__(self, cmd, cwd):
            calls.append(("child", cmd, cwd))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def wait(self):
            FakeChild.waits += 1
            if FakeChild.waits == 1:
                raise KeyboardInterrupt  # Ctrl+C: JupyterLab shuts down, the launcher waits for it
            return 3

    monkeypatch.setattr(subprocess, "Popen", FakeChild)
    cmd = ["C:/nqp/.venv/Scripts/python.exe", "-m", "scripts.lab"]
    if platform == "win32":
        assert hand_over(cmd, tmp_path, platform=platform) == 3
        assert calls == [("child", cmd, tmp_path)] and FakeChild.waits == 2
    else:
        with pytest.raises(Replaced):
            hand_over(cmd, tmp_path, platform=platform)
        assert calls == [("chdir", tmp_path), ("execv", cmd[0], cmd)]
