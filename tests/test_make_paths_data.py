"""The toy data of notebook 04 are rebuilt byte for byte by scripts/make_paths_data.py."""

import hashlib
import importlib
import json

import numpy as np
import pytest

from nqp_helpers.data import DATA_DIR


@pytest.fixture(scope="module")
def script():
    """The generator script scripts/make_paths_data.py, imported as a module (no subprocess)."""
    return importlib.import_module("scripts.make_paths_data")


def test_regeneration_is_byte_identical(script):
    """A fresh build in memory equals the committed files exactly (fixed seeds, fixed number format)."""
    fresh = script.build()
    assert sorted(fresh) == [
        "toy_green.csv",
        "toy_green.meta.json",
        "toy_sectors.csv",
        "toy_sectors.meta.json",
    ]
    for name, data in fresh.items():
        assert (DATA_DIR / name).read_bytes() == data, f"datasets/{name} differs from a fresh build"
    assert script.check() == []
    assert script.build() == fresh  # twice in a row: deterministic


def test_check_reports_a_stale_file(script, tmp_path):
    """--check style comparison names the files that differ or are missing."""
    for name, data in script.build().items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "toy_green.csv").write_bytes(b"year\n")
    (tmp_path / "toy_sectors.meta.json").unlink()
    assert sorted(script.check(tmp_path)) == ["toy_green.csv", "toy_sectors.meta.json"]


def test_metadata_hash_units_and_description(script):
    """Each metadata file carries the CSV's sha256 and size, units for every column and a description."""
    for stem in ("toy_sectors", "toy_green"):
        meta = json.loads((DATA_DIR / f"{stem}.meta.json").read_text(encoding="utf-8"))
        raw = (DATA_DIR / f"{stem}.csv").read_bytes()
        assert meta["sha256"] == hashlib.sha256(raw).hexdigest() and meta["bytes"] == len(raw)
        header = raw.decode("utf-8").splitlines()[0].split(",")
        assert [c["name"] for c in meta["columns"]] == header
        assert all(meta["units"][c] for c in header)
        assert len(meta["description"]) > 80 and "Not a real country" in meta["description"]
        assert meta["seed"] in (script.SEED_SECTORS, script.SEED_GREEN)


def test_green_toy_is_exact_cobb_douglas_and_identities_hold(script):
    """Output is A K^a (hL)^(1-a) with the documented TFP path; Kaya's factors multiply to emissions."""
    from nqp_helpers.data import load_toy_green
    from nqp_helpers.growth import decompose

    g = load_toy_green()
    acc = decompose(g.output, g.capital, g.labor, g.capital_share, g.human_capital, g.years)
    np.testing.assert_allclose(acc.tfp_index(), g.meta["tfp_index"], rtol=1e-10)
    assert acc.summary().parts["TFP"] == pytest.approx(2.0, abs=1e-8)
    kaya = g.population * (g.output / g.population) * (g.energy / g.output) * (g.emissions / g.energy)
    np.testing.assert_allclose(kaya, g.emissions, rtol=1e-14)
