"""Any code page: the package, the scripts and the classroom set-up read and write every file as UTF-8.

Python opens a text file in the locale's encoding unless told otherwise: UTF-8 on Linux and macOS, but a
code page such as cp1252 or cp936 (GBK) on many Windows machines, where a Chinese glossary entry, a
notebook or a path would then be garbled or refused. So every call that reads or writes text names
``encoding="utf-8"``. Two checks: the project's modules run (imported, and a few functions that read
and write files called) under ``python -X warn_default_encoding`` must raise no ``EncodingWarning`` from
the project's own files; and every such call in the source names its encoding (ruff's
``unspecified-encoding`` rule, plus the calls it cannot see: subprocesses in text mode, and
``read_text``/``write_text``/``open`` on objects whose type it cannot infer).
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The project's own code: the package, the scripts and the classroom set-up.
PROJECT = ("nqp_helpers", "scripts", "classroom")

#: Run in a child Python; records every EncodingWarning with the file and line that caused it. Each
#: step reads or writes files the way a student's or a maintainer's session does.
CHILD = r"""
import importlib, json, pkgutil, sys, traceback, warnings
from pathlib import Path

tmp = Path(sys.argv[1])
records, failed = [], []


def step(name, action):
    try:
        action()
    except Exception:
        failed.append(name + ": " + traceback.format_exc(limit=3))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", EncodingWarning)

    def import_everything():
        import nqp_helpers, scripts

        for package in (nqp_helpers, scripts):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)

    def load_the_data():
        from nqp_helpers import data

        data.clear_cache()
        data.list_countries()
        data.pwt_metadata()
        data.load_country("CHN")
        data.toy_economy(data.list_toy_economies()[0])
        data.load_published()

    def read_the_glossary():
        from nqp_helpers.glossary import glossary_table, load_glossary, lookup

        load_glossary()
        lookup("全要素")
        glossary_table("生产率")

    def record_progress():
        from nqp_helpers.exercises import check, encode_answer, progress

        check("9.9", 1.0, key=encode_answer(1.0, tol=0.01))
        assert "9.9" in progress()

    def write_a_student_copy():
        import nbformat
        from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

        from scripts import student_copies

        source = tmp / "notebooks 课程" / "99-编码.ipynb"
        source.parent.mkdir()
        nb = new_notebook(cells=[new_markdown_cell("# 新质生产力: a test"), new_code_cell("x = 1  # 一")])
        nbformat.write(nb, source)
        student_copies.write([source], out=tmp / "student 学生")

    def save_a_lab_summary():
        from nqp_helpers.lab import analyse_economy
        from nqp_helpers.lessons.lab import save_summary

        save_summary(analyse_economy("KOR", 1990, 2010), tmp / "kor 韩国")

    for name in STEPS:
        step(name, globals()[name])

    records = [{"file": w.filename, "line": w.lineno, "message": str(w.message)} for w in caught
               if issubclass(w.category, EncodingWarning)]

print("RESULT " + json.dumps({"warnings": records, "failed": failed}))
"""
STEPS = (
    "import_everything",
    "load_the_data",
    "read_the_glossary",
    "record_progress",
    "write_a_student_copy",
    "save_a_lab_summary",
)


def run_child(code, tmp_path, *args):
    """Run ``code`` in a child Python with default-encoding warnings on (as errors unless caught)."""
    home = tmp_path / "home 家"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "USERPROFILE": str(home),
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(home / "matplotlib"),
        "NQP_PROGRESS_FILE": str(home / ".nqp_helpers" / "progress.json"),
    }
    cmd = [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c", code]
    result = subprocess.run(
        [*cmd, str(tmp_path), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"the child did not finish (exit {result.returncode}):\n{result.stderr[-4000:]}"
    return json.loads(line[len("RESULT ") :])


def in_project(filename, root=ROOT):
    """Whether a warning's file is the project's own code (not a third-party library, not the venv)."""
    try:
        relative = Path(filename).resolve().relative_to(root)
    except ValueError:
        return False
    return relative.parts[0] in PROJECT


def test_no_encoding_warning_from_the_projects_own_code(tmp_path):
    """Importing every module of nqp_helpers and scripts, loading the data and the glossary, recording
    progress, writing a student copy and saving a lab summary (paths with Chinese characters) raise no
    EncodingWarning from the project's files: each of their reads and writes names its encoding."""
    result = run_child(f"STEPS = {STEPS!r}\n" + CHILD, tmp_path)
    assert result["failed"] == []
    ours = [f"{w['file']}:{w['line']}: {w['message']}" for w in result["warnings"] if in_project(w["file"])]
    assert ours == []


def test_the_runtime_check_sees_each_kind_of_call(tmp_path):
    """The check can fail: open(), Path.read_text/write_text and subprocess.run(text=True) without an
    encoding, in a file of the project's folders, each give an EncodingWarning attributed to that file
    and line (so the filter by file name keeps it)."""
    probe = tmp_path / "scripts" / "probe_encoding.py"
    probe.parent.mkdir()
    probe.write_text(
        "import subprocess, sys\nfrom pathlib import Path\n\n\ndef run(folder):\n"
        "    path = Path(folder) / 'f.txt'\n"
        "    path.write_text('新')\n"  # line 7
        "    path.read_text()\n"  # line 8
        "    open(path).close()\n"  # line 9
        "    subprocess.run([sys.executable, '-c', 'pass'], capture_output=True, text=True)\n",  # line 10
        encoding="utf-8",
    )
    code = (
        "import json, sys, warnings\n"
        f"sys.path.insert(0, {str(probe.parent)!r})\n"
        "import probe_encoding\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always', EncodingWarning)\n"
        "    probe_encoding.run(sys.argv[1])\n"
        "print('RESULT ' + json.dumps({'warnings': [{'file': w.filename, 'line': w.lineno, 'message': "
        "str(w.message)} for w in caught if issubclass(w.category, EncodingWarning)], 'failed': []}))\n"
    )
    result = run_child(code, tmp_path)
    lines = sorted(w["line"] for w in result["warnings"] if in_project(w["file"], root=tmp_path))
    assert lines == [7, 8, 9, 10]
    assert not in_project("/usr/lib/python3/dist-packages/x.py") and not in_project(ROOT / ".venv" / "x.py")


# --------------------------------------------------------------------------- #
# The source: every text read and write names its encoding
# --------------------------------------------------------------------------- #
def source_files():
    return sorted(p for folder in PROJECT for p in (ROOT / folder).rglob("*.py"))


#: Modules (and usual names of archives) whose ``.open`` is not a text file's.
NOT_TEXT_OPEN = {"os", "tarfile", "zipfile", "gzip", "bz2", "lzma", "webbrowser", "tar", "zf", "archive"}
SUBPROCESS_TEXT = {"run", "Popen", "check_output", "check_call", "call"}


def _keyword(call, name):
    return next((k.value for k in call.keywords if k.arg == name), None)


def calls_without_encoding(tree):
    """Line numbers of the calls ruff's rule cannot see: a subprocess in text mode, ``.read_text()``,
    ``.write_text()`` and ``.open(<text mode>)`` on any object, none of them naming ``encoding``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, receiver = node.func.attr, ast.unparse(node.func.value)
        has_encoding = _keyword(node, "encoding") is not None
        if name in SUBPROCESS_TEXT and receiver == "subprocess":
            text = _keyword(node, "text") or _keyword(node, "universal_newlines")
            text_mode = text is not None and not (isinstance(text, ast.Constant) and not text.value)
            if text_mode and not has_encoding:
                lines.append(node.lineno)
        elif name == "read_text" and not has_encoding and not node.args:
            lines.append(node.lineno)
        elif name == "write_text" and not has_encoding and len(node.args) < 2:
            lines.append(node.lineno)
        elif name == "open" and receiver not in NOT_TEXT_OPEN and not has_encoding:
            mode = node.args[0] if node.args else _keyword(node, "mode")
            if mode is None or (isinstance(mode, ast.Constant) and "b" not in str(mode.value)):
                lines.append(node.lineno)
    return sorted(lines)


def test_ruff_finds_no_open_without_an_encoding():
    """ruff's unspecified-encoding rule (PLW1514) passes on nqp_helpers, scripts and classroom: no
    open(), Path.open/read_text/write_text, tempfile or TextIOWrapper in text mode without encoding."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--preview"]
        + ["--select", "PLW1514", "--output-format", "concise", *PROJECT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_text_call_names_its_encoding(path):
    """No subprocess in text mode, and no read_text/write_text/open in text mode on any object, without
    encoding= (the calls ruff's rule cannot type)."""
    assert calls_without_encoding(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_source_check_can_fail():
    """The source check finds each kind of call, and leaves binary, os-level and archive opens alone."""
    tree = ast.parse(
        "import os, subprocess, tarfile\n"
        "self.log.read_text()\n"  # 2
        "self.log.write_text(text)\n"  # 3
        "self.log.open('w')\n"  # 4
        "subprocess.run(cmd, capture_output=True, text=True)\n"  # 5
        "subprocess.check_output(cmd, universal_newlines=True)\n"  # 6
        "self.log.open('rb')\n"
        "os.open(path, os.O_RDONLY)\n"
        "tarfile.open(path, 'r:gz')\n"
        "subprocess.run(cmd, text=False)\n"
        "subprocess.run(cmd, text=True, encoding='utf-8')\n"
        "path.read_text(encoding='utf-8')\n"
        "path.write_text(text, 'utf-8')\n"
    )
    assert calls_without_encoding(tree) == [2, 3, 4, 5, 6]
