"""`make lab` serves JupyterLab safely: loopback only, token required, widgets ready."""

import json
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from scripts.lab import ROOT, lab_command


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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen(lab_command(port=port, open_browser=False), cwd=ROOT, stdout=fh, stderr=fh)
    token = None
    deadline = time.time() + 60
    while time.time() < deadline and token is None:
        time.sleep(0.5)
        m = re.search(r"\?token=([0-9a-f]+)", log.read_text())
        token = m.group(1) if m else None
        if proc.poll() is not None:
            break
    try:
        if token is None:
            pytest.fail("JupyterLab did not start:\n" + log.read_text()[-3000:])
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
