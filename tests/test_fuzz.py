"""Standing fuzz tests: any input ends in a correct result or a ValueError naming the argument.

Hypothesis draws inputs, good and bad, for growth accounting on series and panels, the loaders, the
lab's functions and development accounting; every outcome is either a result that satisfies the
accounting identity (the contributions add up to output growth) or a ``ValueError`` whose message names
the argument at fault. Every widget factory found in ``nqp_helpers.lessons`` (any ``make_*_app``, so a
new widget is covered without editing this file) has each control moved to its minimum and its maximum,
and each starting value set just outside its slider. The draws are derandomised: the same examples run
every time, and the whole file takes well under a minute.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import random
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nqp_helpers import accounting, data, lab
from nqp_helpers.growth import MIN_GROWTH_FOR_SHARES, decompose, decompose_panel

FAST = settings(derandomize=True, deadline=None, max_examples=200, database=None)
SLOW = settings(
    derandomize=True,
    deadline=None,
    max_examples=30,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def names(exc: BaseException, arguments: list[str] | tuple[str, ...]) -> bool:
    """Whether the message names one of the arguments as a word ("capital", not "capital_share")."""
    return any(re.search(rf"(?<![\w]){re.escape(a)}(?![\w])", str(exc)) for a in arguments)


def run(call: Callable[[], Any], blame: list[str] | tuple[str, ...]) -> Any:
    """The result of ``call()``, or None after a ValueError that names one of ``blame``."""
    try:
        return call()
    except ValueError as exc:
        assert names(exc, blame), f"the message names none of {blame}: {exc}"
        return None


def adds_up(acc: Any) -> None:
    """The accounting identity, wherever the result is defined, and sensible shares."""
    parts = acc.capital_contribution + acc.labor_contribution + acc.human_capital_contribution
    total = acc.output_growth
    ok = np.isfinite(total)
    np.testing.assert_allclose((parts + acc.tfp_growth)[ok], total[ok], rtol=1e-9, atol=1e-9)
    assert np.array_equal(ok, np.isfinite(acc.tfp_growth))
    s = acc.summary()
    for share in s.shares.values():
        small = ~(np.asarray(s.total) >= MIN_GROWTH_FOR_SHARES)
        assert np.isnan(np.asarray(share)[small]).all()


# --------------------------------------------------------------------------- #
# Values, good and bad, for an array argument
# --------------------------------------------------------------------------- #
POSITIVE = st.floats(1e-3, 1e6, allow_nan=False, allow_infinity=False)


def bad_versions(good: np.ndarray) -> st.SearchStrategy[Any]:
    """``good`` itself, or ``good`` spoilt in one of the ways a student's data can be."""
    flat = good.ravel()

    def put(value: Any) -> Callable[[int], Any]:
        def spoil(i: int) -> Any:
            items = flat.tolist()
            items[i % len(items)] = value
            return np.array(items, dtype=object).reshape(good.shape).tolist()

        return spoil

    position = st.integers(0, 10_000)
    return st.one_of(
        st.just(good),
        st.just(good.tolist()),
        st.sampled_from(
            [0.0, -1.0, np.nan, np.inf, -np.inf, 1e-300, 1e308, "1", None, True, 10**400]
        ).flatmap(lambda v: position.map(put(v))),
        st.just(good[..., :-1]),  # one year short
        st.just(np.stack([good, good])),  # a dimension too many
        st.just(good.ravel()[:1].reshape(())),  # a scalar
        st.just("abc"),
        st.just(None),
        st.just([]),
        st.just({"a": 1}),
        st.just([[1.0, 2.0], [3.0]]),  # ragged
        st.just(np.ma.array(good, mask=np.arange(good.size).reshape(good.shape) == 0)),
        st.just(good.astype(complex)),
        st.just(good > 0),  # booleans
    )


@st.composite
def series_case(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """Arguments of decompose with (at most) one of them spoilt, and the name of that argument."""
    T = draw(st.integers(2, 8))
    good: dict[str, Any] = {k: np.array(draw(st.lists(POSITIVE, min_size=T, max_size=T))) for k in "YKLh"}
    share: Any = draw(st.one_of(st.floats(0, 1), st.lists(st.floats(0, 1), min_size=T, max_size=T)))
    steps = draw(st.lists(st.integers(1, 5), min_size=T - 1, max_size=T - 1))
    years = None if draw(st.booleans()) else 1990 + np.concatenate([[0], np.cumsum(steps)])
    args = dict(
        output=good["Y"], capital=good["K"], labor=good["L"], capital_share=share, human_capital=good["h"]
    )
    args["years"] = years
    spoilt = draw(st.sampled_from(list(args)))
    base = args[spoilt]
    if spoilt == "capital_share":
        args[spoilt] = draw(
            st.one_of(bad_versions(np.broadcast_to(np.asarray(share, float), (T,)).copy()), st.floats())
        )
    elif spoilt == "years":
        years_now = np.arange(1990, 1990 + T) if base is None else base
        args[spoilt] = draw(
            st.one_of(bad_versions(years_now.astype(float)), st.just(years_now[::-1]), st.just([1990] * T))
        )
    else:
        args[spoilt] = draw(bad_versions(base))
    return args, spoilt


@FAST
@given(series_case())
def test_decompose_adds_up_or_names_the_bad_argument(case):
    """decompose on any spoilt series: the contributions add up to output growth, or a ValueError names
    the argument that was spoilt (its message may name others too, as 'the same shape as output')."""
    args, spoilt = case
    acc = run(lambda: decompose(**args), [spoilt])
    if acc is not None:
        adds_up(acc)
        assert np.isfinite(acc.output_growth).all()


@st.composite
def panel_case(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """Arguments of decompose_panel, N x T (N == T included), perhaps a missing value, one spoilt argument."""
    N, T = draw(st.integers(1, 4)), draw(st.integers(2, 5))
    good = {
        k: np.array(draw(st.lists(POSITIVE, min_size=N * T, max_size=N * T))).reshape(N, T) for k in "YKL"
    }
    if draw(st.booleans()):  # one missing value
        good[draw(st.sampled_from("YKL"))][draw(st.integers(0, N - 1)), draw(st.integers(0, T - 1))] = np.nan
    kind = draw(st.sampled_from(["scalar", "years", "countries", "both"]))
    length = {"scalar": 0, "years": T, "countries": N, "both": N * T}[kind]
    values = draw(st.lists(st.floats(0, 1), min_size=max(length, 1), max_size=max(length, 1)))
    share: Any = values[0] if kind == "scalar" else np.reshape(values, (N, T)) if kind == "both" else values
    axis = {"years": "years", "countries": "countries"}.get(kind)
    args: dict[str, Any] = dict(output=good["Y"], capital=good["K"], labor=good["L"], capital_share=share)
    args["shares_axis"] = draw(st.sampled_from([axis, axis, None, "rows", 1]))
    args["allow_missing"] = draw(st.sampled_from([True, True, False, "yes", 1, None, np.True_]))
    spoilt = draw(st.sampled_from(["output", "capital", "labor", "none", "none"]))
    if spoilt != "none":
        args[spoilt] = draw(bad_versions(args[spoilt]))
    return args, spoilt


@FAST
@given(panel_case())
def test_decompose_panel_adds_up_or_names_the_bad_argument(case):
    """decompose_panel: each defined interval adds up, NaN appears only where allowed and only in intervals
    touching a missing value; an error names a spoilt argument, the share, its axis or allow_missing."""
    args, spoilt = case
    blame = ["capital_share", "shares_axis", "allow_missing", spoilt]
    for name in ("output", "capital", "labor"):  # a missing value is refused unless allow_missing is True
        value = args[name]
        if isinstance(value, np.ndarray) and value.dtype.kind == "f" and np.isnan(value).any():
            blame.append(name)
    acc = run(lambda: decompose_panel(**args), blame)
    if acc is None:
        return
    adds_up(acc)
    levels = np.stack([np.asarray(args[k], dtype=float) for k in ("output", "capital", "labor")])
    touched = np.isnan(levels).any(axis=0)
    touched = touched[:, 1:] | touched[:, :-1]
    assert np.array_equal(np.isnan(acc.output_growth), touched)
    if not args["allow_missing"]:
        assert not touched.any()


# --------------------------------------------------------------------------- #
# The loaders
# --------------------------------------------------------------------------- #
VALID_CODES = ["CHN", "USA", "IND", "BGD", "ABW", "JPN", "ZWE", "KOR"]
ODD_CODES = [" chn", "chn", "Germany", "", "XX", "CHNA", "ＣＨＮ", 156, None, 1.5, b"CHN", ["CHN"]]
VARIABLES = list(data.list_variables())
YEARS = st.one_of(
    st.none(),
    st.integers(1940, 2035),
    st.sampled_from([1978.0, 1978.5, np.nan, np.inf, "1978", True, 10**400, np.int64(2000)]),
)
CODES = st.one_of(st.sampled_from(VALID_CODES), st.sampled_from(ODD_CODES), st.text(max_size=4))
#: A (start, end) pair: mostly two years of the data in order, sometimes anything.
PERIODS = st.one_of(
    st.integers(1950, 2022).flatmap(lambda a: st.tuples(st.just(a), st.integers(a + 1, 2023))),
    st.integers(1950, 2022).flatmap(lambda a: st.tuples(st.just(a), st.integers(a + 1, 2023))),
    st.tuples(YEARS, YEARS),
)
VARIABLE_ARG = st.one_of(
    st.none(),
    st.sampled_from(VARIABLES),
    st.lists(st.sampled_from(["rgdpna", "rnna", "emp", "hc", "labsh"]), min_size=1, max_size=3),
    st.lists(st.sampled_from(VARIABLES), max_size=4),
    st.sampled_from(["GDP", "", 5, ["rgdpna", 5], ("emp", "emp"), {"rgdpna": 1}, b"emp"]),
)
#: Mostly a period of the data (or no bounds), sometimes anything.
BOUNDS = st.one_of(PERIODS, st.just((None, None)), st.tuples(st.none(), st.integers(1950, 2023)))


@FAST
@given(
    st.one_of(st.sampled_from(VALID_CODES), CODES),
    VARIABLE_ARG,
    BOUNDS,
    st.sampled_from([True, False, True, False, "yes", 1, None]),
)
def test_load_country_returns_a_clean_series_or_names_the_argument(code, variables, period, missing):
    """load_country: consecutive years inside the request, one value per year for every variable, NaN only
    with allow_missing=True; or a ValueError naming an argument."""
    start, end = period
    blame = ["code", "variables", "start", "end", "allow_missing"]
    s = run(lambda: data.load_country(code, variables, start, end, allow_missing=missing), blame)
    if s is None:
        return
    assert np.array_equal(np.diff(s.years), np.ones(len(s.years) - 1)) and len(s.years) >= 1
    if start is not None:
        assert s.years[0] >= start
    if end is not None:
        assert s.years[-1] <= end
    for values in s.values.values():
        assert values.shape == s.years.shape
        assert missing or np.isfinite(values).all()


@FAST
@given(
    VARIABLE_ARG,
    st.one_of(
        st.none(),
        st.lists(st.sampled_from(VALID_CODES), min_size=1, max_size=3),
        st.lists(CODES, max_size=3),
        st.sampled_from(VALID_CODES + [5, ("CHN",)]),
    ),
    BOUNDS,
)
def test_load_panel_returns_countries_by_years_or_names_the_argument(variables, codes, period):
    """load_panel: every variable has shape (countries, years), in the order asked; or a ValueError naming
    an argument."""
    start, end = period
    p = run(lambda: data.load_panel(variables, codes, start, end), ["variables", "codes", "start", "end"])
    if p is None:
        return
    for values in p.values.values():
        assert values.shape == (len(p.codes), len(p.years))
    assert len(p.names) == len(p.codes)


# --------------------------------------------------------------------------- #
# The lab and development accounting
# --------------------------------------------------------------------------- #
@SLOW
@given(
    st.one_of(st.sampled_from(VALID_CODES), st.sampled_from(VALID_CODES), st.sampled_from(ODD_CODES)), PERIODS
)
def test_analyse_economy_adds_up_or_names_the_argument(code, period):
    """analyse_economy: where the data allow, every sub-period's contributions add up to its output growth
    and the sub-periods tile the period; else available is False with a note; or a ValueError naming it."""
    start, end = period
    a = run(lambda: lab.analyse_economy(code, start, end), ["code", "start", "end"])
    if a is None:
        return
    if not a.available:
        assert a.notes and a.whole is None
        return
    for s in [a.whole, *a.period_summaries]:
        assert sum(s.parts.values()) == pytest.approx(s.total, abs=1e-9)
    assert a.periods[0][0] == a.start and a.periods[-1][1] == a.end
    assert all(b == c for (_, b), (c, _) in zip(a.periods[:-1], a.periods[1:], strict=True))
    lab.verdict(lab.sensitivity(a))  # a verdict for every analysis that is available


@SLOW
@given(PERIODS)
def test_tfp_shares_all_counts_every_economy_or_names_the_argument(period):
    """tfp_shares_all: every economy is compared or left out; a share is defined exactly where output grew
    at least MIN_GROWTH_FOR_SHARES, and equals TFP growth over output growth there."""
    start, end = period
    w = run(lambda: lab.tfp_shares_all(start, end), ["start", "end"])
    if w is None:
        return
    assert len(w["codes"]) + w["left_out"] == len(data.list_countries())
    defined = np.isfinite(w["tfp_share"])
    assert np.array_equal(defined, w["output_growth"] >= MIN_GROWTH_FOR_SHARES)
    np.testing.assert_allclose(
        w["tfp_share"][defined], w["tfp_growth"][defined] / w["output_growth"][defined]
    )


@SLOW
@given(
    st.one_of(
        st.sampled_from(VALID_CODES + ["CHE", "SGP"]),
        st.sampled_from(VALID_CODES),
        st.sampled_from(ODD_CODES),
    ),
    st.one_of(st.none(), st.integers(1990, 2019), YEARS),
    st.one_of(st.just("USA"), st.sampled_from(VALID_CODES + ["CHE", "SGP"]), st.sampled_from(ODD_CODES)),
    st.one_of(st.floats(0.01, 0.99), st.floats(-0.5, 1.5), st.sampled_from([0.0, 1.0, np.nan, "0.3", None])),
)
def test_development_accounting_multiplies_up_or_names_the_argument(code, year, reference, share):
    """development_accounting: capital x human capital x TFP ratios give the output-per-worker ratio; the
    shares of the log gap sum to one, or are all NaN when the gap is too small to split."""
    d = run(
        lambda: accounting.development_accounting(code, year, reference, share),
        ["code", "year", "reference", "capital_share"],
    )
    if d is None:
        return
    r = d.ratios
    assert r["capital"] * r["human capital"] * r["TFP"] == pytest.approx(r["output per worker"])
    shares = np.array(list(d.log_shares.values()))
    if abs(np.log(r["output per worker"])) < accounting.MIN_LOG_GAP_FOR_SHARES:
        assert np.isnan(shares).all()
    else:
        assert shares.sum() == pytest.approx(1.0)
    assert "nan" not in d.table()


# --------------------------------------------------------------------------- #
# Every widget factory: controls at their ends, starting values just outside
# --------------------------------------------------------------------------- #
def widget_factories() -> dict[str, Callable[..., Any]]:
    """Every ``make_*_app`` defined in a module of ``nqp_helpers.lessons``."""
    import nqp_helpers.lessons as lessons

    found = {}
    for info in pkgutil.iter_modules(lessons.__path__):
        module = importlib.import_module(f"nqp_helpers.lessons.{info.name}")
        for name, obj in vars(module).items():
            if re.fullmatch(r"make_\w+_app", name) and callable(obj) and obj.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = obj
    return found


FACTORIES = widget_factories()
#: Values for the optional controls a factory adds only when asked (a parameter that defaults to None).
RICHEST = {"growth.make_economy_app": {"human_capital_growth": 0.5, "years": 20}}
#: A number in a note that is followed by "%" (a share or a rate).
PERCENT = re.compile(r"(-?[0-9][0-9.,]*(?:e[+-]?[0-9]+)?)\s*%")


def test_every_widget_factory_is_found():
    """The scan finds the widgets of every lesson (fourteen now); each optional control is switched on."""
    assert len(FACTORIES) >= 14 and "lab.make_lab_app" in FACTORIES
    for key, factory in FACTORIES.items():
        optional = [p.name for p in inspect.signature(factory).parameters.values() if p.default is None]
        assert sorted(optional) == sorted(RICHEST.get(key, {})), (
            f"{key}: add its optional controls to RICHEST"
        )


@functools.cache
def app_of(key: str) -> Any:
    """The factory's app with every control, drawn at a low resolution (what is tested is not the pixels)."""
    app = FACTORIES[key](**RICHEST.get(key, {}))
    app.fig.set_dpi(20)
    return app


def ends(control: Any) -> list[tuple[str, Any]]:
    """(attribute, value) pairs that move a control to each end of its range."""
    kind = type(control).__name__
    if kind in ("FloatSlider", "IntSlider"):
        return [("value", control.min), ("value", control.max)]
    if kind == "IntRangeSlider":
        low, high = control.min, control.max
        return [("value", (low, low)), ("value", (high, high)), ("value", (low, high))]
    if kind in ("Dropdown", "ToggleButtons"):
        return [("index", 0), ("index", len(control.options) - 1)]
    if kind == "Checkbox":
        return [("value", False), ("value", True)]
    if kind == "Combobox":
        return [("value", control.options[0]), ("value", control.options[-1]), ("value", "zz")]
    raise AssertionError(f"a {kind} control: teach the fuzz test its ends")


def check_note(app: Any, where: str) -> None:
    """The figure was drawn, and the note shows no nan, no inf and no absurd percentage."""
    assert app.error is None, f"{where}: {app.error}"
    text = re.sub(r"<[^>]+>", "", app.note.value)
    assert not re.search(r"\b(nan|inf)\b", text, re.IGNORECASE), f"{where}: {text}"
    for number in PERCENT.findall(text):
        assert abs(float(number.replace(",", ""))) <= 1000, f"{where}: {number} % in {text}"


@pytest.mark.parametrize("key", sorted(FACTORIES))
def test_widget_controls_draw_at_both_ends(key):
    """Each control of each widget, moved to its minimum and to its maximum (each option, each end of a
    range), redraws without error and with a note free of nan, inf and absurd percentages."""
    app = app_of(key)
    check_note(app, f"{key} at its defaults")
    for name, control in app.controls.items():
        start = control.value
        for attribute, value in ends(control):
            setattr(control, attribute, value)
            check_note(app, f"{key}: {name} = {control.value!r}")
        control.value = start


@pytest.mark.parametrize("key", sorted(FACTORIES))
def test_widget_starting_values_just_outside_are_refused(key):
    """A starting value just outside a slider's range, or not among a menu's options, raises a ValueError
    naming the argument, instead of being clamped or failing inside ipywidgets."""
    app = app_of(key)
    factory = FACTORIES[key]
    parameters = inspect.signature(factory).parameters
    tried = 0
    for name, control in app.controls.items():
        if name not in parameters:
            continue
        kind = type(control).__name__
        if kind in ("FloatSlider", "IntSlider"):
            step = control.step if kind == "FloatSlider" else 1
            outside = [control.min - step, control.max + step]
        elif kind == "IntRangeSlider":
            outside = [(control.min - 1, control.max), (control.min, control.max + 1)]
        elif kind in ("Dropdown", "ToggleButtons", "Combobox"):
            outside = ["no such option"]
        else:
            continue
        for value in outside:
            with pytest.raises(ValueError) as caught:
                factory(**{**RICHEST.get(key, {}), name: value})
            assert names(caught.value, [name, f"{name}[0]", f"{name}[1]"]), str(caught.value)
            tried += 1
    if any(name in parameters for name in app.controls):
        assert tried, f"{key}: no starting value was tried"


def random_value(control: Any, rng: random.Random) -> tuple[str, Any]:
    """(attribute, value): a value a student could choose, anywhere in the control's range."""
    kind = type(control).__name__
    if kind in ("FloatSlider", "IntSlider"):
        steps = round((control.max - control.min) / control.step)
        return "value", control.min + control.step * rng.randint(0, steps)
    if kind == "IntRangeSlider":
        low = rng.randint(control.min, control.max - 2)
        return "value", (low, rng.randint(low + 2, control.max))
    if kind in ("Dropdown", "ToggleButtons"):
        return "index", rng.randrange(len(control.options))
    if kind == "Checkbox":
        return "value", rng.random() < 0.5
    if kind == "Combobox":
        return "value", control.options[rng.randrange(min(len(control.options), 30))]
    raise AssertionError(f"a {kind} control: teach the random walk its values")


@pytest.mark.parametrize("key", sorted(FACTORIES))
def test_a_random_walk_of_moves_shows_what_a_full_draw_shows(key):
    """Forty moves of randomly chosen controls to random values (the same for every run): after each, the
    widget that updates in place (moving artists, rescaling, putting kept pixels back) shows the picture
    and the note of a twin that draws everything at every move (8-bit channels: antialiasing at most).
    Hand-picked sequences in each lesson's tests miss combinations; a walk found a rescale that left the
    old fixed ticks."""
    import io

    from PIL import Image

    from nqp_helpers.lessons.plotting import use_style

    def pixels(app: Any) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(app.image.value)), dtype=int)

    use_style()
    rng = random.Random(f"{key} walk")
    moved, full = (FACTORIES[key](**RICHEST.get(key, {})) for _ in range(2))
    full.update_function = None
    for step in range(40):
        name = rng.choice(list(moved.controls))
        attribute, value = random_value(moved.controls[name], rng)
        for app in (moved, full):
            setattr(app.controls[name], attribute, value)
        where = f"{key}, move {step}: {name} = {moved.controls[name].value!r} ({moved.last_mode})"
        assert moved.note.value == full.note.value, where
        assert np.abs(pixels(moved) - pixels(full)).max() <= 2, where
