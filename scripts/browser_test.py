"""Open every notebook in JupyterLab in a real browser, run it, and check what a student sees.

``make test-browser`` runs this. It starts JupyterLab from the project's
environment on 127.0.0.1 with a random token (``--allow-root`` only when run as
root), drives Debian's headless Chromium with Playwright, and for each notebook:
runs all cells, checks there is no error output, that every widget cell shows
its widget, and that moving one slider changes the figure (the picture under
the slider before and after must differ). It also checks that the server
refuses a request without the token and that the start notebook opens with no
pop-up. JupyterLab serves a throw-away copy of the notebooks, so the run never
edits the collection. Screenshots go to ``screenshots/`` (git-ignored). The
server and the browser are stopped at the end, also on failure.

    python -m scripts.browser_test              # every notebook
    python -m scripts.browser_test 00 02        # those whose names contain 00 or 02
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts import nbtools
from scripts.lab import lab_command

ROOT = nbtools.ROOT

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


class Lab:
    """A JupyterLab server on loopback, stopped on exit."""

    def __init__(self):
        self.port = free_port()
        self.log = SHOTS / "jupyterlab.log"
        self.log.parent.mkdir(exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="nqp-browser-")
        shutil.copytree(
            nbtools.NB_DIR,
            Path(self.tmp) / "notebooks",
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "lab-output"),
        )
        cmd = lab_command(port=self.port, open_browser=False, root_dir=self.tmp)
        cmd.append("--LabApp.expose_app_in_browser=True")
        self.proc = subprocess.Popen(
            cmd, cwd=self.tmp, stdout=self.log.open("w", encoding="utf-8"), stderr=subprocess.STDOUT
        )
        self.token = None

    def __enter__(self):
        deadline = time.time() + 90
        while time.time() < deadline:
            m = re.search(r"\?token=([0-9a-f]+)", self.log.read_text(encoding="utf-8"))
            if m and http_status(f"{self.base}/api/status?token={m.group(1)}") == 200:
                self.token = m.group(1)
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.5)
        raise RuntimeError("JupyterLab did not start; log:\n" + self.log.read_text(encoding="utf-8")[-3000:])

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def shutdown_kernels(self):
        """Stop every kernel the server runs (through its REST API)."""
        with urllib.request.urlopen(f"{self.base}/api/sessions?token={self.token}", timeout=10) as r:
            sessions = json.load(r)
        for s in sessions:
            req = urllib.request.Request(
                f"{self.base}/api/sessions/{s['id']}?token={self.token}", method="DELETE"
            )
            urllib.request.urlopen(req, timeout=30).close()

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def widget_cells(path):
    """Indices of code cells that show a widget (marked NBVAL_IGNORE_OUTPUT and holding a widget view)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    out = []
    for i, c in enumerate(code):
        views = [
            o for o in c.get("outputs", []) if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        ]
        if views:
            out.append(i)
    return out


def wait_until_idle(page, timeout=300):
    """Wait until no cell shows the busy prompt [*] and the kernel is idle."""
    deadline = time.time() + timeout
    page.wait_for_timeout(1500)
    while time.time() < deadline:
        busy = page.evaluate(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-InputArea-prompt')]
                    .map(p => p.textContent);
                const app = window.jupyterapp;
                const w = app && app.shell.currentWidget;
                const status = w && w.sessionContext && w.sessionContext.kernelDisplayStatus;
                return prompts.some(t => t.includes('*')) || status !== 'idle';
            }"""
        )
        if not busy:
            return
        page.wait_for_timeout(500)
    raise TimeoutError("the notebook did not finish running")


def moved_figure(page, box, image, tries=3):
    """Move the widget's sliders one by one (some only matter in some settings) until the figure changes."""
    before_src, before_shot = image.get_attribute("src"), image.screenshot()
    handles = box.locator(".widget-slider .noUi-handle")
    for i in range(min(tries, handles.count())):
        handle = handles.nth(i)
        handle.focus()
        for _ in range(5):
            handle.press("ArrowRight")
        page.wait_for_timeout(1500)
        if image.get_attribute("src") != before_src or image.screenshot() != before_shot:
            return True
    return False


def check_notebook(page, lab, path, problems):
    """Open, run and inspect one notebook; append problems found."""
    name = path.name
    page.goto(f"{lab.base}/lab/tree/notebooks/{name}?reset&token={lab.token}")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus === 'idle'",
        timeout=60_000,
    )
    if name.startswith("00"):
        dialogs = page.locator(".jp-Dialog").count()
        toasts = page.locator(".Toastify__toast").count()
        if dialogs or toasts:
            problems.append(f"{name}: {dialogs} dialog(s) and {toasts} notification(s) on first load")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    wait_until_idle(page)
    errors = page.locator('[data-mime-type="application/vnd.jupyter.error"]').count()
    if errors:
        problems.append(f"{name}: {errors} error output(s) after Run All")
    expected = len(widget_cells(path))
    page.wait_for_timeout(1000)
    sliders = page.locator(".widget-slider")
    images = page.locator("img.widget-image")
    if expected and (sliders.count() == 0 or images.count() < expected):
        problems.append(
            f"{name}: {expected} widget cell(s) but {sliders.count()} slider(s), {images.count()} image(s)"
        )
    if expected and sliders.count():
        box = page.locator(".jp-OutputArea-output").filter(has=sliders.first).first
        box.scroll_into_view_if_needed()
        image = box.locator("img.widget-image").first
        if not moved_figure(page, box, image):
            problems.append(f"{name}: moving the sliders of the first widget did not change its figure")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path.stem}.png"), full_page=False)
    return expected


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.browser_test", description=__doc__.splitlines()[0]
    )
    _, paths = nbtools.parse_args(parser, argv)
    from playwright.sync_api import sync_playwright

    problems = []
    with Lab() as lab:
        if http_status(f"{lab.base}/api/contents/notebooks") != 403:
            problems.append("the server answered a request without the token")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"{lab.base}/lab")
                if page.locator(".jp-Notebook").count():
                    problems.append("JupyterLab opened without the token")
                page.close()
                for path in paths:
                    start = time.perf_counter()
                    # a fresh browser context per notebook: no state, dialog or kernel carried over
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = context.new_page()
                    try:
                        n = check_notebook(page, lab, path, problems)
                    except Exception as exc:  # report and go on with the next notebook
                        problems.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:300]}")
                        n = "?"
                    finally:
                        context.close()
                        lab.shutdown_kernels()
                    print(
                        f"{path.name}: {time.perf_counter() - start:.0f} s in the browser, {n} widget cell(s)"
                    )
            finally:
                browser.close()
    for p in problems:
        print("PROBLEM:", p)
    print(
        f"{len(paths) - len({p.split(':')[0] for p in problems})} passed, "
        f"{len({p.split(':')[0] for p in problems})} failed"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
