"""The lab's analysis runs for every economy, states its fallbacks, and never overstates a verdict.

Development accounting (formerly in the lab) is tested in tests/test_accounting.py.
"""

import numpy as np
import pytest

from nqp_helpers.accounting import decompose_country
from nqp_helpers.data import list_countries
from nqp_helpers.lab import (
    CITATION,
    analyse_economy,
    growth_indices,
    sensitivity,
    split_periods,
    tfp_share_comparison,
    tfp_shares_all,
    verdict,
)
from nqp_helpers.lessons.lab import make_lab_app, save_summary, summary_figure


def test_full_analysis_runs_for_every_economy_and_adds_up():
    """For every economy in the extract the analysis returns (never raises); where it is possible,
    each sub-period's contributions sum to its output growth."""
    available = 0
    for code, _ in list_countries():
        a = analyse_economy(code)
        if not a.available:
            assert a.notes and "not enough data" in a.notes[0]
            continue
        available += 1
        for s in [a.whole, *a.period_summaries]:
            assert sum(s.parts.values()) == pytest.approx(s.total, abs=1e-9)
        assert a.periods[0][0] == a.start and a.periods[-1][1] == a.end
    assert available >= 170  # with the assumed-share fallback, nearly all economies can be accounted for


def test_fallbacks_are_stated():
    """Missing labour share, hours and human capital each leave a note saying what was used instead."""
    bgd = analyse_economy("BGD")
    assert any("labour share (labsh) is missing in every year" in n for n in bgd.notes)
    assert "capital share: 0.4 in every year (assumed, not measured)" in bgd.conventions
    abw = analyse_economy("ABW")
    assert any("(hc) does not cover the period" in n for n in abw.notes)
    assert any("(avh) do not cover the period" in n for n in abw.notes)


def test_requested_period_with_gaps_is_shrunk_visibly():
    """A period reaching before the data begin is cut to the complete run, and a note says so."""
    a = analyse_economy("CHN", 1940, 2000)
    assert (a.start, a.end) == (1952, 2000)
    assert "the analysis covers 1952-2000" in a.notes[0]


def test_split_periods_break_at_decades_and_merge_short_ends():
    """Sub-periods break at multiples of the length; a short last piece joins the one before."""
    assert split_periods(1978, 2023) == [(1978, 1990), (1990, 2000), (2000, 2010), (2010, 2023)]
    assert split_periods(2000, 2004) == [(2000, 2004)]
    assert split_periods(1993, 2004, 5) == [(1993, 2000), (2000, 2004)]
    with pytest.raises(ValueError, match="end must be after start"):
        split_periods(2000, 2000)


def row(share, total=5.0):
    return {"tfp_share": share, "output_growth": total}


def test_verdict_is_firm_only_when_every_specification_agrees():
    """TFP-led or input-led only if all specifications agree; otherwise the range is reported."""
    assert verdict([row(0.6), row(0.7)]).startswith("TFP-led under every specification")
    assert verdict([row(0.1), row(0.4)]).startswith("Input-led under every specification")
    mixed = verdict([row(0.3), row(0.6)])
    assert mixed.startswith("Not settled") and "30 to 60 %" in mixed
    assert verdict([row(float("nan"), 0.1)]).startswith("No verdict")
    assert verdict([]).startswith("No verdict")


def test_sensitivity_uses_the_assumed_shares():
    """With an assumed share a, TFP growth = g_Y - a g_K - (1 - a)(g_L + g_h): recomputed here."""
    a = analyse_economy("KOR", 1970, 2019)
    rows = sensitivity(a)
    assert len(rows) == 8 and rows[0]["label"] == "1 - labsh, with human capital"
    acc = a.accounting.accounting
    g = {
        k: 100 * getattr(acc, k).sum() / 49
        for k in ("output_growth", "capital_growth", "labor_growth", "human_capital_growth")
    }
    r = next(r for r in rows if r["capital_share"] == 0.4 and r["human_capital"])
    expected = (
        g["output_growth"] - 0.4 * g["capital_growth"] - 0.6 * (g["labor_growth"] + g["human_capital_growth"])
    )
    assert r["tfp_growth"] == pytest.approx(expected, abs=1e-9)


def test_sensitivity_equals_decompose_country_under_each_specification():
    """Each row is what decompose_country gives with that capital share and human-capital setting,
    to the last bit: the table re-accounts the same levels, nothing else."""
    for code, period in (("KOR", (1970, 2019)), ("BGD", (None, None)), ("ABW", (None, None))):
        a = analyse_economy(code, *period)
        rows = sensitivity(a)
        assert len(rows) == (6 if a.capital_share == 0.4 else 8)
        for r in rows:
            ca = decompose_country(
                a.code,
                a.start,
                a.end,
                labor=a.accounting.labor,
                human_capital=r["human_capital"],
                capital_share=r["capital_share"],
            )
            s = ca.summary()
            assert (r["tfp_growth"], r["output_growth"]) == (float(s.parts["TFP"]), float(s.total)), r


def test_capital_share_is_read_from_the_accounts_not_from_their_text():
    """The analysis reports the share decompose_country recorded: 'labsh', or 0.4 where labsh is missing."""
    assert analyse_economy("KOR", 1970, 2019).capital_share == "labsh"
    bgd = analyse_economy("BGD")
    assert bgd.capital_share == 0.4 == bgd.accounting.capital_share
    assert analyse_economy("ABW", 1950, 1960).capital_share is None


def test_growth_indices_are_the_cumulated_growth_rates():
    """The output index is Y_t / Y_0, output per unit of labour (Y/L)_t / (Y/L)_0, TFP the accounts' index."""
    a = analyse_economy("KOR", 1970, 2019)
    idx = growth_indices(a)
    lv = a.accounting.levels
    np.testing.assert_allclose(idx["output"], lv["output"] / lv["output"][0], rtol=1e-12)
    y_per_l = lv["output"] / lv["labor"]
    np.testing.assert_allclose(idx["output per unit of labour"], y_per_l / y_per_l[0], rtol=1e-12)
    np.testing.assert_array_equal(idx["TFP"], a.accounting.accounting.tfp_index())


def test_comparison_takes_the_economy_and_china_from_the_world_table():
    """The economy's and China's shares are their entries in tfp_shares_all; the median is the world's."""
    a = analyse_economy("KOR", 1970, 2019)
    comp = tfp_share_comparison(a)
    w = tfp_shares_all(1970, 2019)
    by_code = dict(zip(w["codes"], w["tfp_share"], strict=True))
    assert list(comp) == ["KOR", "CHN", f"median of {len(w['codes'])}"]
    assert comp["KOR"] == by_code["KOR"] and comp["CHN"] == by_code["CHN"]
    assert list(comp.values())[2] == w["median_share"]
    with pytest.raises(ValueError, match="analysis must be available"):
        tfp_share_comparison(analyse_economy("ABW", 1950, 1960))


def test_world_shares_use_one_convention_and_count_what_is_left_out():
    """Every economy is either compared or counted as left out; the median is of defined shares."""
    w = tfp_shares_all(1990, 2019)
    assert len(w["codes"]) + w["left_out"] == len(list_countries())
    assert w["median_share"] == pytest.approx(np.nanmedian(w["tfp_share"]))
    assert "CHN" in w["codes"] and "USA" in w["codes"]


def test_bad_arguments_raise_clear_errors():
    """Unknown codes get suggestions; a reversed period is refused."""
    with pytest.raises(ValueError, match="did you mean"):
        analyse_economy("KORR")
    with pytest.raises(ValueError, match="end must be after start"):
        analyse_economy("KOR", 2000, 1990)


def test_summary_figure_carries_citation_and_saves(tmp_path):
    """The one-page figure has four panels and the data citation, and saves as PNG and PDF."""
    a = analyse_economy("KOR", 1970, 2019)
    fig = summary_figure(a)
    assert len(fig.axes) == 4
    assert any(CITATION in t.get_text() for t in fig.texts)
    png, pdf = save_summary(a, tmp_path / "kor")
    assert png.read_bytes()[:4] == b"\x89PNG" and pdf.read_bytes()[:4] == b"%PDF"


def test_lab_app_follows_the_economy_box_and_tolerates_partial_text():
    """Choosing another economy redraws; half-typed text asks for a choice instead of failing."""
    app = make_lab_app("KOR", (1970, 2019))
    assert "Republic of Korea" in app.note.value
    app.set(economy="CHN — China")
    assert "China" in app.note.value and len(app.axes.patches) > 0
    app.set(economy="Chi")
    assert app.note.value == "no economy chosen yet"
    app.set(economy="CHN — China", period=(1978, 2004))
    assert "1978-2004" in app.note.value
    with pytest.raises(ValueError, match="economy must be a code"):
        make_lab_app("XXX")


@pytest.mark.perf
def test_lab_app_updates_fast():
    """Choosing another economy redraws (analysis, sensitivity, figure) in well under 0.25 s (median)."""
    app = make_lab_app("KOR", (1970, 2019))
    times = []
    for code in ("USA — United States", "IND — India", "DEU — Germany"):
        app.set(economy=code)
        times.append(app.last_seconds)
    assert np.median(times) < 0.25


def test_lab_check_grades_against_the_students_own_economy(tmp_path, monkeypatch):
    """The right answer is the one in the student's own tables; wrong ones get graded feedback."""
    from nqp_helpers.lab import lab_check

    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "p.json"))
    a = analyse_economy("KOR", 1970, 2019)
    assert lab_check("5.1", "output_growth", round(a.whole.total, 2), a).passed
    assert "wrong sign" in lab_check("5.1", "output_growth", -a.whole.total, a).message
    assert lab_check("5.2", "fastest_period", 1980, a).passed
    assert not lab_check("5.2", "fastest_period", 1990, a).passed
    assert "no answer yet" in lab_check("5.3", "tfp_share", None, a).message
    with pytest.raises(ValueError, match="question must be one of"):
        lab_check("5.1", "gdp", 1.0, a)
    with pytest.raises(ValueError, match="analysis must be an available"):
        lab_check("5.1", "output_growth", 1.0, analyse_economy("ABW", 1950, 1960))


def test_lab_functions_refuse_text_and_fractional_years():
    """analyse_economy and tfp_shares_all take whole years: text, fractions, a missing bound and an empty
    period raise ValueError naming the argument (not an int() or numpy error)."""
    with pytest.raises(ValueError, match=r"start must be a real number; got 'x'"):
        analyse_economy("KOR", "x", 2019)
    with pytest.raises(ValueError, match=r"end must be a whole number; got 2019.5"):
        analyse_economy("KOR", 1970, 2019.5)
    with pytest.raises(ValueError, match=r"period_length must be a whole number; got 2.5"):
        analyse_economy("KOR", 1970, 2019, period_length=2.5)
    with pytest.raises(ValueError, match=r"human_capital must be True or False"):
        analyse_economy("KOR", 1970, 2019, human_capital="yes")
    with pytest.raises(ValueError, match=r"labor must be 'hours' or 'persons'"):
        analyse_economy("KOR", 1970, 2019, labor="people")
    assert analyse_economy("KOR", 1970.0, 2019.0).start == 1970
    with pytest.raises(ValueError, match=r"start must be a year \(an integer such as 1978\); got '1990'"):
        tfp_shares_all("1990", 2019)
    with pytest.raises(ValueError, match=r"start must be a whole year; got 1990.5"):
        tfp_shares_all(1990.5, 2019)
    with pytest.raises(ValueError, match=r"end must be after start; got start=2000, end=2000"):
        tfp_shares_all(2000, 2000)
    with pytest.raises(ValueError, match=r"start and end must both be years"):
        tfp_shares_all(None, 2019)
    with pytest.raises(ValueError, match=r"capital_shares must lie in \[0, 1\]; got 1.5"):
        sensitivity(analyse_economy("KOR", 1970, 2019), capital_shares=(0.3, 1.5))


def test_world_shares_use_the_growth_threshold():
    """Every defined TFP share belongs to output growth of at least MIN_GROWTH_FOR_SHARES % per year."""
    from nqp_helpers.growth import MIN_GROWTH_FOR_SHARES

    w = tfp_shares_all(2012, 2019)
    defined = np.isfinite(w["tfp_share"])
    assert (w["output_growth"][defined] >= MIN_GROWTH_FOR_SHARES).all()
    assert np.isnan(w["tfp_share"][w["output_growth"] < MIN_GROWTH_FOR_SHARES]).all()
    ratio = w["tfp_growth"][defined] / w["output_growth"][defined]
    np.testing.assert_allclose(w["tfp_share"][defined], ratio)


def test_lab_check_refuses_a_share_of_too_little_growth(tmp_path, monkeypatch):
    """Where output grew less than 0.5 % per year the TFP-share question has no answer: a clear ValueError."""
    from nqp_helpers.lab import lab_check

    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "p.json"))
    flat = analyse_economy("JPN", 2014, 2020)
    assert flat.whole.total < 0.5
    with pytest.raises(ValueError, match=r"question 'tfp_share' has no answer for JPN 2014-2020"):
        lab_check("5.4", "tfp_share", 10.0, flat)


def test_lab_period_of_one_year_draws_a_note_not_a_stale_figure():
    """draw_lab with start == end (the range slider allows it) draws a note and returns it; the app shows it
    and no error."""
    from matplotlib.figure import Figure

    from nqp_helpers.lessons.lab import draw_lab

    ax = Figure().subplots()
    note = draw_lab(ax, "KOR — Republic of Korea", (2000, 2000))
    assert note == "choose a period of at least two years; now 2000-2000"
    assert not ax.axison and "no growth to account for" in ax.texts[0].get_text()
    app = make_lab_app("KOR", (1970, 2019))
    before = app.image.value
    app.set(period=(2000, 2000))
    assert app.note.value == note and app.error is None and app.image.value != before
    app.set(period=(1978, 2004))
    assert "1978-2004" in app.note.value and app.axes.axison


def test_lab_app_refuses_a_starting_period_the_slider_would_move():
    """A starting period outside 1950-2023, of one year, fractional or not a pair raises ValueError naming
    period (instead of being clamped silently)."""
    for bad, message in [
        ((1940, 2000), r"period\[0\] must lie in \[1950, 2023\]; got 1940"),
        ((1970, 2030), r"period\[1\] must lie in \[1950, 2023\]; got 2030"),
        ((2000, 2000), r"period must have start < end; got \(2000, 2000\)"),
        ((1970.5, 2000), r"period\[0\] must be a whole number; got 1970.5"),
        ("1970-2000", r"period must be a \(start, end\) pair of years"),
    ]:
        with pytest.raises(ValueError, match=message):
            make_lab_app("KOR", bad)


def test_save_summary_keeps_dots_and_never_overwrites_silently(tmp_path):
    """A stem with dots keeps them (kor.v2 -> kor.v2.png); existing files are refused unless overwrite=True;
    a missing folder is refused."""
    a = analyse_economy("KOR", 1970, 2019)
    png, pdf = save_summary(a, tmp_path / "kor.v2")
    assert (png.name, pdf.name) == ("kor.v2.png", "kor.v2.pdf")
    (tmp_path / "kor.png").write_bytes(b"keep me")
    with pytest.raises(ValueError, match=r"kor.v2.png and .*kor.v2.pdf already exist; .*overwrite=True"):
        save_summary(a, tmp_path / "kor.v2")
    assert save_summary(a, tmp_path / "kor.v2.png", overwrite=True) == (png, pdf)
    assert (tmp_path / "kor.png").read_bytes() == b"keep me"
    with pytest.raises(ValueError, match=r"kor.png already exists; choose another stem"):
        save_summary(a, tmp_path / "kor")
    assert (tmp_path / "kor.png").read_bytes() == b"keep me" and not (tmp_path / "kor.pdf").exists()
    with pytest.raises(ValueError, match=r"stem must lie in a folder that exists"):
        save_summary(a, tmp_path / "no-such-folder" / "kor")
    with pytest.raises(ValueError, match=r"overwrite must be True or False"):
        save_summary(a, tmp_path / "other", overwrite="yes")


def test_lab_app_choice_follows_the_widget():
    """The cells after the lab's widget read app.choice(): moving the widget changes the (code, start, end)
    it returns, and a half-typed economy or a one-year period is refused with a message, not guessed."""
    app = make_lab_app("KOR", (1970, 2019))
    assert app.choice() == ("KOR", 1970, 2019)
    app.set(economy="CHN — China", period=(1978, 2019))
    assert app.choice() == ("CHN", 1978, 2019)
    assert analyse_economy(*app.choice()).name == "China"
    app.set(period=(1990, 2010))
    assert app.choice().start == 1990 and app.choice().end == 2010
    app.set(economy="Chi")
    with pytest.raises(ValueError, match="no economy is chosen in the widget"):
        app.choice()
    app.set(economy="USA — United States", period=(2000, 2000))
    with pytest.raises(ValueError, match="move its ends apart"):
        app.choice()


def test_output_per_hour_is_never_called_per_worker():
    """With hours worked the per-unit-of-labour table is output per hour; with persons engaged, per worker."""
    from nqp_helpers.lab import labour_unit

    hours = analyse_economy("KOR", 1970, 2019)
    persons = analyse_economy("KOR", 1970, 2019, labor="persons")
    assert hours.accounting.labor == "hours" and hours.per_worker.total_name == "output per hour growth"
    assert "per worker" not in hours.per_worker.table()
    assert persons.per_worker.total_name == "output per worker growth"
    fig = summary_figure(hours)
    texts = [ax.get_title(loc="left") for ax in fig.axes]
    texts += [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    assert any("output per hour" in t for t in texts) and not any("per worker" in t for t in texts)
    with pytest.raises(ValueError, match="labor must be 'hours' or 'persons'"):
        labour_unit("people")


def test_summary_page_stands_alone():
    """The saved page names the economy (no ISO code), keeps every legend inside the page, writes the index
    axis in plain numbers, gives each panel a heading, and draws TFP in TFP's colour in every panel."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex

    from nqp_helpers.lessons.plotting import COMPONENT_STYLE

    a = analyse_economy("KOR", 1970, 2019)
    fig = summary_figure(a)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = fig.bbox
    ax1, ax2, ax3, ax4 = fig.axes
    assert "Republic of Korea" in fig._suptitle.get_text() and "KOR" not in fig._suptitle.get_text()
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            box = legend.get_window_extent(renderer)
            assert page.x0 <= box.x0 and box.x1 <= page.x1 and box.y1 <= page.y1, "a legend is clipped"
        assert ax.get_title(loc="left").startswith("(")
    ticks = [t.get_text() for t in ax1.get_yticklabels() if t.get_text()]
    assert ticks and not any("^" in t or "10^" in t or "$" in t for t in ticks), ticks
    labels = [t.get_text() for t in ax3.get_yticklabels()]
    assert labels[0] == "Republic of Korea" and labels[1] == "China" and "KOR" not in " ".join(labels)
    tfp = COMPONENT_STYLE["TFP"]["color"].lower()
    assert to_hex(ax1.get_lines()[2].get_color()) == tfp
    assert {to_hex(p.get_facecolor(), keep_alpha=False) for p in ax3.patches + ax4.patches} == {tfp}
    colours = {
        t.get_text(): to_hex(h.get_facecolor(), keep_alpha=False)
        for t, h in zip(ax2.get_legend().get_texts(), ax2.get_legend().legend_handles)
        if hasattr(h, "get_facecolor")
    }
    for name in ("capital", "labour", "human capital", "TFP"):
        assert colours[name] == COMPONENT_STYLE[name]["color"].lower()
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    for ax in fig.axes:  # a panel's heading never overlaps an axis label of the page
        heading = ax._left_title.get_window_extent(renderer)
        for other in fig.axes:
            for label in (other.yaxis.label, other.xaxis.label):
                assert not heading.overlaps(label.get_window_extent(renderer)), (titles, label.get_text())


def test_lab_check_judges_the_extensive_part_and_names_the_mistake(tmp_path, monkeypatch):
    """The extensive share is capital's and labour's shares together; counting human capital as extensive,
    or capital alone, gets feedback that names that mistake."""
    from nqp_helpers.lab import lab_check

    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "p.json"))
    a = analyse_economy("KOR", 1970, 2019)
    shares = {k: 100 * v for k, v in a.whole.shares.items()}
    right = shares["capital"] + shares["labour"]
    assert lab_check("5.1", "extensive_share", round(right, 1), a).passed
    wrong = lab_check("5.1", "extensive_share", round(right + shares["human capital"], 1), a)
    assert not wrong.passed and "human capital as extensive" in wrong.message
    assert "capital alone" in lab_check("5.1", "extensive_share", round(shares["capital"], 1), a).message
    assert "per cent" in lab_check("5.4", "tfp_share", a.whole.shares["TFP"], a).message


# --------------------------------------------------------------------------- #
# Updates in place (issue 19): a move draws the same picture and note as a full draw
# --------------------------------------------------------------------------- #
def pixels(app):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=float)


def test_lab_moves_update_in_place_and_draw_the_picture_a_full_draw_gives():
    """A period or an economy with the same number of sub-periods on the same scale moves the bars, the
    markers and the period labels in place ("update"); another vertical scale or another number of bars
    (1970-2023 gives 1 to 5 bars as the data cover it, 1950-2023 up to 7) also changes the view in place
    ("rescale"); a half-typed economy, an economy without data or a one-year period draws everything, and
    so does the first choice after such a note. Picture, note, limits, period labels and choice() equal
    those of an app that draws everything at every move."""
    from nqp_helpers.lessons.plotting import use_style

    use_style()
    moved, full = make_lab_app("KOR", (1970, 2023)), make_lab_app("KOR", (1970, 2023))
    full.update_function = None
    # The number of bars after each move is in the comment; "y" marks a new vertical scale.
    moves = [
        ("period", (1971, 2023), "update"),  # 5
        ("period", (1972, 2019), "update"),  # 5
        ("economy", "CHN — China", "update"),  # 5
        ("economy", "USA — United States", "rescale"),  # 5, y
        ("economy", "GBR — United Kingdom", "update"),  # 5
        ("period", (1960, 2019), "rescale"),  # 5 -> 6, y
        ("economy", "Chi", "draw"),  # a note
        ("economy", "KOR — Republic of Korea", "draw"),  # 6
        ("period", (2000, 2000), "draw"),  # a note
        ("period", (1990, 2010), "draw"),  # 2
        ("period", (1991, 2010), "update"),  # 2
        ("period", (1970, 2023), "rescale"),  # 2 -> 5, same y
        ("economy", "ATG — Antigua and Barbuda", "rescale"),  # 5 -> 2, same y
        ("economy", "ABW — Aruba", "rescale"),  # 2 -> 3, y
        ("economy", "BDI — Burundi", "rescale"),  # 3 -> 4
        ("economy", "DMA — Dominica", "rescale"),  # 4 -> 1, y
        ("economy", "LTU — Lithuania", "rescale"),  # 1 -> 3, y
        ("economy", "KOR — Republic of Korea", "rescale"),  # 3 -> 5, y
        ("economy", "CUW — Curaçao", "draw"),  # no data: a note
        ("economy", "ATG — Antigua and Barbuda", "draw"),  # 2
        ("economy", "USA — United States", "rescale"),  # 2 -> 5, y
        ("period", (1950, 2023), "rescale"),  # 5 -> 7, y
        ("period", (1999, 2023), "rescale"),  # 7 -> 2
        ("period", (2013, 2023), "rescale"),  # 2 -> 1
        ("period", (1950, 2023), "rescale"),  # 1 -> 7
        ("economy", "KOR — Republic of Korea", "rescale"),  # 7, y
    ]
    for name, value, mode in moves:
        moved.set(**{name: value})
        full.set(**{name: value})
        assert (moved.last_mode, full.last_mode) == (mode, "draw"), (name, value)
        assert moved.note.value == full.note.value and moved.error is None
        assert moved.axes.get_xlim() == full.axes.get_xlim(), (name, value)
        assert moved.axes.get_ylim() == full.axes.get_ylim(), (name, value)
        assert [t.get_text() for t in moved.axes.get_xticklabels()] == [
            t.get_text() for t in full.axes.get_xticklabels()
        ], (name, value)
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, (name, value)
    assert moved.choice() == ("KOR", 1950, 2023)  # the data begin in 1953
    assert [t.get_text() for t in moved.axes.get_xticklabels()][::6] == ["1953-1960", "2010-2023"]
