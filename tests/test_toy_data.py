"""Tests for the toy economies: regeneration, metadata and recovery of the true TFP path."""

from __future__ import annotations

import hashlib
import importlib
import json

import numpy as np
import pytest

from nqp_helpers import data as nd
from nqp_helpers import decompose


@pytest.fixture(scope="module")
def script():
    """The generator script scripts/make_toy_data.py, imported as a module (no subprocess)."""
    return importlib.import_module("scripts.make_toy_data")


@pytest.fixture(autouse=True)
def _fresh_cache():
    nd.clear_cache()
    yield
    nd.clear_cache()


def test_regeneration_reproduces_the_committed_files_byte_for_byte(script):
    """Running the seeded generator again gives exactly the committed CSV and metadata."""
    files = script.build()
    assert set(files) == {"toy_economies.csv", "toy_economies.meta.json"}
    for name, data in files.items():
        assert (nd.DATA_DIR / name).read_bytes() == data, name
    assert script.check() == []


def test_check_flag_reports_a_mismatch(script, tmp_path, monkeypatch, capsys):
    """--check exits 0 on the committed files and 1, naming the file, when a copy differs."""
    assert script.main(["--check"]) == 0
    for name, data in script.build().items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "toy_economies.csv").write_bytes(b"economy,year\n")
    assert script.check(tmp_path) == ["toy_economies.csv"]
    monkeypatch.setattr(script, "DATA_DIR", tmp_path)
    assert script.main(["--check"]) == 1
    assert "toy_economies.csv" in capsys.readouterr().err


def test_metadata_records_sha256_seed_and_script():
    """The metadata holds the CSV's sha256, the seed, the script and the units."""
    meta = json.loads((nd.DATA_DIR / "toy_economies.meta.json").read_text(encoding="utf-8"))
    raw = (nd.DATA_DIR / "toy_economies.csv").read_bytes()
    assert meta["sha256"] == hashlib.sha256(raw).hexdigest()
    assert isinstance(meta["seed"], int) and meta["script"] == "scripts/make_toy_data.py"
    assert meta["units"]["output"] == "billions of a constant currency unit"
    assert meta["units"]["labor"] == "millions of workers"


def test_list_toy_economies():
    """There are two toy economies, extensive and intensive."""
    assert nd.list_toy_economies() == ["extensive", "intensive"]


@pytest.mark.parametrize("name", ["extensive", "intensive"])
def test_decompose_recovers_the_true_tfp_path(name):
    """Cobb-Douglas data built from a known A_t gives back A_t (to 1e-10) and its growth rates."""
    toy = nd.toy_economy(name)
    truth = nd.toy_parameters(name)
    acc = decompose(toy.output, toy.capital, toy.labor, toy.capital_share, toy.human_capital, years=toy.years)
    np.testing.assert_allclose(acc.tfp_index(), truth["tfp_index"], rtol=1e-10, atol=0)
    np.testing.assert_allclose(acc.tfp_growth, truth["tfp_growth_log_points"], rtol=0, atol=1e-10)
    level = toy.output / (toy.capital**0.4 * (toy.human_capital * toy.labor) ** 0.6)
    np.testing.assert_allclose(level, truth["tfp_level"], rtol=1e-10, atol=0)


@pytest.mark.parametrize("name", ["extensive", "intensive"])
def test_average_growth_rates_equal_the_stated_parameters(name):
    """Average log growth of each series over 1990-2020 equals the target in the metadata (% per year)."""
    toy = nd.toy_economy(name)
    p = nd.toy_parameters(name)
    span = toy.years[-1] - toy.years[0]
    for series in ("output", "capital", "labor", "human_capital"):
        x = toy[series]
        rate = 100 * np.log(x[-1] / x[0]) / span
        assert rate == pytest.approx(p["realised_growth_pct_per_year"][series], abs=1e-9)
    for series in ("capital", "labor", "human_capital"):
        target = p["target_growth_pct_per_year"][series]
        assert p["realised_growth_pct_per_year"][series] == pytest.approx(target, abs=1e-9)
    assert p["realised_growth_pct_per_year"]["tfp"] == pytest.approx(p["target_growth_pct_per_year"]["tfp"])


def test_same_output_growth_from_different_sources():
    """Both economies grow 5 %/yr; TFP gives 0.5 %/yr in the extensive and 2.5 %/yr in the intensive one."""
    summaries = {}
    for name in nd.list_toy_economies():
        toy = nd.toy_economy(name)
        acc = decompose(
            toy.output, toy.capital, toy.labor, toy.capital_share, toy.human_capital, years=toy.years
        )
        summaries[name] = acc.summary()
    ext, inte = summaries["extensive"], summaries["intensive"]
    assert ext.total == pytest.approx(5.0, abs=1e-9) and inte.total == pytest.approx(5.0, abs=1e-9)
    assert ext.parts["TFP"] == pytest.approx(0.5, abs=1e-9)
    assert inte.parts["TFP"] == pytest.approx(2.5, abs=1e-9)
    assert ext.parts["capital"] + ext.parts["labour"] > 0.8 * ext.total
    assert inte.parts["TFP"] + inte.parts["human capital"] > 0.6 * inte.total


def test_toy_economy_has_documented_columns_and_units():
    """A toy economy carries output, capital, labor, human_capital and capital_share over 1990-2020."""
    toy = nd.toy_economy("intensive")
    assert list(toy.values) == ["output", "capital", "labor", "human_capital", "capital_share"]
    assert toy.years.tolist() == list(range(1990, 2021))
    assert toy.units["human_capital"].startswith("index")
    assert (toy.capital_share == 0.4).all()


def test_unknown_toy_economy_lists_valid_names():
    """An unknown toy economy raises ValueError listing the valid names."""
    with pytest.raises(
        ValueError, match=r"unknown toy economy 'balanced'; valid names are: extensive, intensive"
    ):
        nd.toy_economy("balanced")
    with pytest.raises(ValueError, match=r"unknown toy economy 'x'"):
        nd.toy_parameters("x")


def test_toy_parameters_is_a_copy():
    """Changing the returned parameters does not change the next call."""
    p = nd.toy_parameters("extensive")
    p["tfp_index"][0] = 99.0
    assert nd.toy_parameters("extensive")["tfp_index"][0] == 1.0
