"""Self-checks give graded feedback, accept equivalent forms and never need the network."""

import json

import pytest

from nqp_helpers.exercises import check, decode_answer, encode_answer, progress, reset_progress


@pytest.fixture(autouse=True)
def own_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "progress.json"))


KEY = encode_answer(3.6, tol=0.05, hints=[(5.4, "you used the labour share instead of the capital share.")])


def test_key_round_trips_and_hides_the_answer():
    """A key decodes to the answer, but the answer is not in the key's text."""
    assert decode_answer(KEY)["answer"] == 3.6
    assert "3.6" not in KEY and KEY.startswith("nqp1:")


@pytest.mark.parametrize("answer", [3.6, 3.62, "3.6", " 3.6 % ", 3.58])
def test_right_answers_in_equivalent_forms_pass(answer):
    """A number within tolerance passes, also typed as text or with a per-cent sign."""
    assert check("1.1", answer, KEY, record=False).passed


@pytest.mark.parametrize(
    "answer, feedback",
    [
        (-3.6, "wrong sign"),
        (0.036, "per cent or a fraction"),
        (360, "per cent or a fraction"),
        (5.4, "labour share instead of the capital share"),
        (3.7, "close, but not within the tolerance"),
        (9.0, "too large"),
        (1.0, "too small"),
        (-20.0, "recheck the formula"),
    ],
)
def test_wrong_answers_get_graded_feedback_without_the_answer(answer, feedback):
    """Each common mistake gets its own message, and no message contains the answer."""
    result = check("1.1", answer, KEY, record=False)
    assert not result.passed
    assert feedback in result.message
    assert "3.6" not in result.message


@pytest.mark.parametrize("answer", ["abc", float("nan"), float("inf"), [1, 2], {"a": 1}, True])
def test_malformed_answers_are_explained_not_raised(answer):
    """A malformed answer gets a readable message instead of a traceback."""
    result = check("1.1", answer, KEY, record=False)
    assert not result.passed and "could not read" in result.message


def test_no_answer_yet_is_neither_right_nor_wrong():
    """None (the notebook's placeholder) asks for an answer."""
    result = check("1.1", None, KEY)
    assert not result.passed and str(result).startswith("…") and "no answer yet" in result.message
    assert progress() == []


def test_several_numbers_report_which_entries_are_wrong():
    """A list answer names the entries that are wrong, and accepts tuples and text numbers."""
    key = encode_answer([1.0, 2.0, 3.0], tol=0.01)
    assert check("x", ("1", 2.0, 3.0), key, record=False).passed
    assert "entry 2 is not right" in check("x", [1.0, 2.5, 3.0], key, record=False).message
    assert "entries [1, 3]" in check("x", [0.0, 2.0, 0.0], key, record=False).message
    assert "expected a list of 3" in check("x", [1.0, 2.0], key, record=False).message
    assert "expected 3 numbers" in check("x", 1.0, key, record=False).message


def test_text_answers_ignore_case_and_spacing_and_accept_synonyms():
    """Text answers are compared after trimming and lower-casing; several forms may be accepted."""
    key = encode_answer(
        ["means of labour", "means of labor"], hints=[("workers", "workers are a different element.")]
    )
    assert check("t", "  Means of  Labor ", key, record=False).passed
    assert "different element" in check("t", "workers", key, record=False).message
    assert not check("t", "land", key, record=False).passed


def test_passes_are_recorded_once_in_notebook_order():
    """Passing records the exercise in the local progress file, once, sorted 2.10 after 2.9."""
    key = encode_answer(1.0)
    for name in ["2.10", "2.9", "2.9", "0.1"]:
        check(name, 1.0, key)
    assert progress() == ["0.1", "2.9", "2.10"]
    check("3.1", 0.0, key)  # a wrong answer is not recorded
    check("3.2", 1.0, key, record=False)  # nor is a solution cell's check
    assert progress() == ["0.1", "2.9", "2.10"]
    reset_progress()
    assert progress() == []


def test_corrupt_progress_file_reads_as_empty(tmp_path, monkeypatch):
    """A damaged progress file does not break a lesson."""
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    assert progress() == []
    check("1.1", 3.6, KEY)
    assert json.loads(path.read_text()) == ["1.1"]


@pytest.mark.parametrize(
    "args, message",
    [
        ((float("nan"),), "finite numbers only"),
        (([],), "a number, a list of numbers or text"),
        ((None,), "a number, a list of numbers or text"),
        ((1.0,), None),
    ],
)
def test_encode_answer_validates(args, message):
    """Instructors get a clear error for an answer that cannot be a key."""
    if message is None:
        assert encode_answer(*args).startswith("nqp1:")
    else:
        with pytest.raises(ValueError, match=message):
            encode_answer(*args)


def test_encode_answer_rejects_unknown_kind():
    """The kind must be one of the three supported."""
    with pytest.raises(ValueError, match="kind must be 'number', 'numbers' or 'text'"):
        encode_answer(1.0, kind="vector")


@pytest.mark.parametrize("key", ["abc", "nqp1:!!!", "nqp1:AAAA", 42])
def test_damaged_key_raises_clear_error(key):
    """A damaged or foreign key raises ValueError saying so."""
    with pytest.raises(ValueError, match="key"):
        check("1.1", 1.0, key)
