"""A standing fuzz test of the self-checks: whatever reaches ``check`` or ``encode_answer`` ends in a
``Feedback`` or in a ``ValueError`` whose message starts with the name of the argument at fault.

Hypothesis draws the inputs; ``derandomize=True`` makes every run draw the same ones, so that
``make test`` gives the same result each time (a failure found once is found again).
"""

import re

import numpy as np
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from nqp_helpers import exercises
from nqp_helpers.exercises import Feedback, check, decode_answer, encode_answer, progress, reset_progress

FUZZ = settings(max_examples=200, derandomize=True, deadline=None, database=None)


# --------------------------------------------------------------------------- #
# What may arrive
# --------------------------------------------------------------------------- #
def half(good, bad):
    """Draw from ``good`` half of the time and from ``bad`` the other half (``good | bad`` would weigh
    each alternative inside them equally)."""
    return st.booleans().flatmap(lambda is_good: good if is_good else bad)


HUGE = st.integers(min_value=10**300, max_value=10**4000) | st.integers(
    min_value=-(10**4000), max_value=-(10**300)
)
NUMBER_TEXT = st.from_regex(r"\A\s*-?[0-9]{1,4}([.,][0-9]{1,3})?(e[0-9]{1,3})?\s*[%％]?\s*\Z")
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    HUGE,
    st.floats(),  # NaN and infinities included
    st.fractions(),
    st.decimals(),  # NaN, sNaN and infinities included
    st.complex_numbers(),
    st.text(max_size=20),
    NUMBER_TEXT,
    st.binary(max_size=10),
    st.builds(np.float64, st.floats()),
)
ANSWERS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.frozensets(st.integers(), max_size=3),
        st.builds(np.array, st.lists(st.floats(), max_size=4)),
    ),
    max_leaves=10,
)

ONE = encode_answer(1.0)
KEYS = [
    encode_answer(3.6, tol=0.05, hints=[(5.4, "you used the labour share.")]),
    encode_answer(0.0),
    encode_answer(-2.5, rel_tol=0.01),
    encode_answer(1978, tol=0),
    encode_answer(1e300),
    encode_answer([1.0, 2.0, 3.0], tol=0.01, hints=[([3.0, 2.0, 1.0], "the order is reversed.")]),
    encode_answer(["means of labour", "means of labor"], hints=[("workers", "a different element.")]),
    encode_answer("1978"),
]


@st.composite
def mangled_keys(draw):
    """A valid key cut short, with a character changed or inserted, its prefix alone, or not a key at all."""
    key = draw(st.sampled_from(KEYS))
    where = draw(st.integers(min_value=0, max_value=len(key)))
    char = draw(st.characters())
    how = draw(st.sampled_from(["cut", "change", "insert", "prefix", "text", "bytes", "number"]))
    if how == "cut":
        return key[:where]
    if how == "change":
        return key[:where] + char + key[where + 1 :]
    if how == "insert":
        return key[:where] + char + key[where:]
    if how == "prefix":
        return "nqp1:" + draw(st.text(max_size=40))
    if how == "text":
        return draw(st.text(max_size=40))
    if how == "bytes":
        return key.encode("ascii")
    return draw(st.integers() | st.none() | st.floats())


NAMES = st.one_of(
    st.sampled_from(["1.1", "2.10", "2.1b", "demo", "练习 1"]),
    st.from_regex(r"\A[0-9]{1,3}([.-][0-9]{1,3}){0,2}[a-z]?\Z"),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), min_size=1, max_size=40),
)
EXERCISES = half(
    NAMES,
    st.one_of(
        st.text(max_size=50),
        st.integers(),
        HUGE,
        st.floats(),
        st.none(),
        st.booleans(),
        st.lists(st.integers(), max_size=2),
        st.binary(max_size=5),
    ),
)
RECORD = half(
    st.just(False),
    st.one_of(st.none(), st.integers(), st.text(max_size=3), st.lists(st.booleans(), max_size=1)),
)


def names_the_argument(error, *names):
    """True if the error message starts with one of the argument names (recorded as a statistic)."""
    found = re.match(rf"^({'|'.join(re.escape(n) for n in names)})\b", str(error))
    event(f"ValueError naming {found.group(1) if found else 'nothing'}")
    return found is not None


def is_feedback(result):
    """True for a Feedback with a short message (recorded as a statistic, passed or not)."""
    event(f"Feedback, passed={getattr(result, 'passed', None)}")
    return (
        isinstance(result, Feedback)
        and isinstance(result.passed, bool)
        and isinstance(result.message, str)
        and 0 < len(result.message) < 300
    )


# --------------------------------------------------------------------------- #
# check
# --------------------------------------------------------------------------- #
@FUZZ
@given(answer=ANSWERS, key=st.sampled_from(KEYS))
def test_any_answer_gets_feedback_never_an_error(answer, key):
    """With a valid key, any answer at all (numbers, huge integers, NaN, text, lists, dicts, sets,
    arrays, nested lists) gets a short Feedback: a bad answer is never an error."""
    assert is_feedback(check("1.1", answer, key, record=False))


@FUZZ
@given(exercise=EXERCISES, answer=ANSWERS, key=st.sampled_from(KEYS) | mangled_keys(), record=RECORD)
def test_check_gives_feedback_or_names_the_bad_argument(exercise, answer, key, record):
    """Any call of check ends in a Feedback or in a ValueError that names exercise, key or record."""
    try:
        result = check(exercise, answer, key, record=record)
    except ValueError as error:
        assert names_the_argument(error, "exercise", "key", "record"), str(error)
    else:
        assert is_feedback(result)


# --------------------------------------------------------------------------- #
# encode_answer
# --------------------------------------------------------------------------- #
GOOD_ANSWERS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**300), max_value=10**300),
    st.fractions(max_denominator=1000).filter(lambda f: abs(f) < 10**300),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=4),
    st.text(max_size=20),
    st.lists(st.text(max_size=10), min_size=1, max_size=3),
)
TOLERANCES = half(
    st.none() | st.floats(min_value=0, max_value=10),
    st.one_of(
        st.floats(),
        st.integers(min_value=-5, max_value=5),
        HUGE,
        st.fractions(max_denominator=100).filter(lambda f: abs(f) < 100),
        st.booleans(),
        st.text(max_size=3),
    ),
)
HINT_VALUES = st.one_of(
    SCALARS, st.lists(st.floats(), max_size=4), st.builds(np.array, st.lists(st.floats(), max_size=4))
)
GOOD_HINTS = st.lists(
    st.tuples(st.floats(allow_nan=False, allow_infinity=False) | st.text(min_size=1), st.just("a hint.")),
    max_size=3,
)
HINTS = st.one_of(
    st.none(),
    GOOD_HINTS,
    st.lists(st.tuples(HINT_VALUES, st.text(max_size=10) | st.none()), max_size=3),
    st.lists(st.tuples(HINT_VALUES), max_size=2),
    st.text(max_size=5),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.integers(),
)
KINDS = st.sampled_from([None, None, None, None, None, "number", "numbers", "text", "vector", "", 3])


def accepted_forms(answer, kind):
    """What a student may type and pass, for a key made from ``answer``."""
    if kind == "text" and not isinstance(answer, str):
        return list(answer)
    return [answer]


@FUZZ
@given(
    answer=GOOD_ANSWERS | ANSWERS,
    tol=TOLERANCES,
    rel_tol=TOLERANCES,
    hints=HINTS,
    kind=KINDS,
)
def test_encode_answer_makes_a_key_its_own_answer_passes_or_names_the_bad_argument(
    answer, tol, rel_tol, hints, kind
):
    """encode_answer either makes a valid key that its own answer passes, or raises a ValueError that
    names answer, tol, rel_tol, hints or kind."""
    try:
        key = encode_answer(answer, tol=tol, rel_tol=rel_tol, hints=hints, kind=kind)
    except ValueError as error:
        assert names_the_argument(error, "answer", "tol", "rel_tol", "hints", "kind"), str(error)
        return
    payload = decode_answer(key)
    event(f"key made, kind {payload['kind']}")
    for form in accepted_forms(answer, payload["kind"]):
        assert check("x", form, key, record=False).passed


def has_words(text):
    """True unless the text is blank (a plain function: hypothesis rewrites a filter by str.split as if
    only the empty string were blank)."""
    return bool(text.split())


VALID_ANSWERS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**300), max_value=10**300),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=4),
    st.text(max_size=20).filter(has_words),
    st.lists(st.text(max_size=10).filter(has_words), min_size=1, max_size=3),
)
VALID_TOLERANCES = st.none() | st.floats(min_value=0, max_value=10)


@FUZZ
@given(answer=VALID_ANSWERS, tol=VALID_TOLERANCES, rel_tol=VALID_TOLERANCES)
def test_every_valid_answer_makes_a_key_that_it_passes(answer, tol, rel_tol):
    """Any finite number, list of finite numbers or non-blank text, with any tolerance >= 0, makes a
    key, and the answer (each accepted text) passes it."""
    key = encode_answer(answer, tol=tol, rel_tol=rel_tol)
    payload = decode_answer(key)
    event(f"key made, kind {payload['kind']}")
    for form in accepted_forms(answer, payload["kind"]):
        assert check("x", form, key, record=False).passed


# --------------------------------------------------------------------------- #
# progress
# --------------------------------------------------------------------------- #
@FUZZ
@given(names=st.lists(st.text(max_size=12), max_size=8), a=st.integers(0, 10**30), b=st.integers(0, 10**30))
def test_notebook_order_never_fails_and_puts_numbers_in_numeric_order(names, a, b):
    """Any exercise names sort without an error, and "2.<a>" comes before "2.<b>" when a < b."""
    sorted(names, key=exercises._sort_key)
    if a != b:
        first, second = sorted([f"2.{a}", f"2.{b}"], key=exercises._sort_key)
        assert first == f"2.{min(a, b)}" and second == f"2.{max(a, b)}"


@pytest.fixture(scope="module")
def own_progress_file(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NQP_PROGRESS_FILE", str(tmp_path_factory.mktemp("fuzz") / "progress.json"))
        yield


@settings(FUZZ, max_examples=40)
@given(name=NAMES | st.text(min_size=1, max_size=40))
def test_any_printable_exercise_name_is_recorded_and_read_back(own_progress_file, name):
    """Any exercise name check accepts is recorded and read back as given (trimmed)."""
    reset_progress()
    try:
        passed = check(name, 1.0, ONE).passed
    except ValueError as error:
        assert names_the_argument(error, "exercise")
        return
    assert passed and progress() == [name.strip()]
