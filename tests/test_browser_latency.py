"""The latency summary of the browser test and its rows in the benchmark table (issue 19.2).

Pure helpers only: percentiles, summaries, the stored report, when it is stale, and what ``make bench``
writes from it, also on a machine without Chromium. No timing is taken or asserted here (that is
``make test-browser`` and ``make bench``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from scripts import bench, browser_test


def _notebook(path: Path, code: str, markdown: str = "Text") -> Path:
    cells = [
        {"cell_type": "markdown", "id": "a1", "metadata": {}, "source": markdown},
        {
            "cell_type": "code",
            "id": "b2",
            "metadata": {},
            "source": code,
            "outputs": [],
            "execution_count": None,
        },
    ]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _entry(*sliders: list[float], fp: str = "x") -> dict:
    return {
        "fingerprint": fp,
        "measured": "2026-12-03T15:00:00+00:00",
        "machine": "x86_64, 2 cores, Chromium 1",
        "sliders": [
            {"widget": 1, "slider": f"s{i}", "samples_ms": list(s), "to_src_ms": [v - 20 for v in s]}
            for i, s in enumerate(sliders)
        ],
    }


@pytest.mark.parametrize("q", [0, 5, 50, 90, 95, 99, 100])
@pytest.mark.parametrize("n", [1, 2, 7, 60])
def test_percentile_matches_numpy(q, n):
    values = np.random.default_rng(n).gamma(2.0, 60.0, n)
    assert browser_test.percentile(values, q) == pytest.approx(np.percentile(values, q))


def test_percentile_refuses_nothing_and_bad_q():
    with pytest.raises(ValueError, match="no values"):
        browser_test.percentile([], 50)
    with pytest.raises(ValueError, match="q must lie"):
        browser_test.percentile([1.0], 101)


def test_summarise_orders_and_counts():
    stats = browser_test.summarise([300.0, 100.0, 200.0, 120.0])
    assert stats == {"n": 4, "median": 160.0, "p95": pytest.approx(285.0), "max": 300.0}
    assert browser_test.summarise([])["median"] is None


def test_summary_lines_per_notebook_and_overall_with_the_target():
    report = {"notebooks": {"01-a.ipynb": _entry([100.0, 120.0]), "02-b.ipynb": _entry([200.0, 400.0], [])}}
    lines = browser_test.summary_lines(report, target=150.0)
    assert lines[1].startswith("01-a.ipynb") and "n=2" in lines[1] and "(p95 < 150 ms: met)" in lines[1]
    assert lines[2].startswith("02-b.ipynb") and "NOT met" in lines[2]
    assert lines[3].startswith("overall") and "n=4" in lines[3] and "max    400 ms" in lines[3]
    empty = browser_test.summary_lines({"notebooks": {"00-c.ipynb": _entry()}})
    assert "n=0 (no slider measured)" in empty[1]


def test_fingerprint_follows_code_not_markdown(tmp_path):
    nb = _notebook(tmp_path / "01-a.ipynb", "x = 1")
    first = browser_test.fingerprint(nb)
    _notebook(nb, "x = 1", markdown="Other words")
    assert browser_test.fingerprint(nb) == first
    _notebook(nb, "x = 2")
    assert browser_test.fingerprint(nb) != first


def test_stale_notebooks_and_merge(tmp_path):
    a = _notebook(tmp_path / "01-a.ipynb", "a = 1")
    b = _notebook(tmp_path / "02-b.ipynb", "b = 1")
    report = {"notebooks": {"01-a.ipynb": _entry([1.0], fp=browser_test.fingerprint(a))}}
    assert browser_test.stale_notebooks(report, [a, b]) == [b]
    assert browser_test.stale_notebooks(None, [a, b]) == [a, b]
    merged = browser_test.merge_report(report, {"what": "w", "notebooks": {"02-b.ipynb": _entry([2.0])}})
    assert sorted(merged["notebooks"]) == ["01-a.ipynb", "02-b.ipynb"] and merged["what"] == "w"


def test_write_report_merges_by_notebook(tmp_path, monkeypatch):
    monkeypatch.setattr(browser_test, "_chromium_version", lambda: "Chromium 1")
    out = tmp_path / "latency.json"
    a = _notebook(tmp_path / "01-a.ipynb", "a = 1")
    b = _notebook(tmp_path / "02-b.ipynb", "b = 1")
    browser_test.write_report({"01-a.ipynb": {"sliders": []}}, [a], out)
    report = browser_test.write_report({"02-b.ipynb": {"sliders": _entry([5.0])["sliders"]}}, [b], out)
    assert sorted(report["notebooks"]) == ["01-a.ipynb", "02-b.ipynb"]
    assert browser_test.read_report(out) == report
    assert browser_test.stale_notebooks(report, [a, b]) == []


def test_bench_rows_current_and_stale(tmp_path):
    a, b, c = (tmp_path / name for name in ("00-x.ipynb", "01-a.ipynb", "02-b.ipynb"))
    report = {"notebooks": {"00-x.ipynb": _entry(), "01-a.ipynb": _entry([100.0, 140.0], [120.0])}}
    rows = bench.browser_rows(report, [a, b, c], stale=[c])
    assert len(rows) == 3  # 00-x has no slider: no row of its own
    assert "01-a (n = 3, 2 sliders)" in rows[0] and "median 120 ms" in rows[0] and rows[0].endswith("| yes |")
    assert "all notebooks (n = 3)" in rows[1]
    assert "02-b | not measured in this run" in rows[2]
    assert all(row.count("|") == 7 for row in rows)  # the six columns of the table


def test_bench_without_chromium_says_so_and_goes_on(monkeypatch, tmp_path):
    nb = _notebook(tmp_path / "01-a.ipynb", "a = 1")
    monkeypatch.setattr(bench.nbtools, "select", lambda: [nb])
    monkeypatch.setattr(browser_test, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(browser_test, "read_report", lambda path=None: None)
    report, paths, stale, notes = bench.bench_browser("auto")
    assert report is None and stale == [nb]
    assert notes[0].startswith("not measured: no Chromium at") and "make test-browser" in notes[1]
    assert bench.browser_rows(report, paths, stale)[0].startswith("| browser: key press to new picture, 01-a")
    assert "Not measured: no Chromium" in bench._browser_note(report, paths, stale, notes)
