"""Self-checks give graded feedback, accept equivalent forms and never need the network."""

import base64
import errno
import json
import os
import subprocess
import sys
import zlib

import numpy as np
import pytest

from nqp_helpers import exercises
from nqp_helpers.exercises import (
    ProgressWarning,
    check,
    decode_answer,
    encode_answer,
    encode_choice,
    progress,
    reset_progress,
)


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


def test_damaged_progress_file_is_kept_aside_and_reads_as_empty(tmp_path, monkeypatch):
    """A damaged progress file does not break a lesson: it is renamed, unchanged, next to itself (a
    warning says where) and a new list starts."""
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    with pytest.warns(
        ProgressWarning, match=r"was damaged.*kept, unchanged, as .*bad\.json\.damaged-"
    ) as seen:
        assert progress() == []
    check("1.1", 3.6, KEY)
    assert json.loads(path.read_text(encoding="utf-8")) == ["1.1"]
    [aside] = tmp_path.glob("bad.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{not json" and str(aside) in str(seen[0].message)


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


# --------------------------------------------------------------------------- #
# Progress is never lost (issue 17)
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "damage",
    [b"{not json", b"", b"\xff\xfe not UTF-8", b'{"1.1": true}', b'[1.1, "2.1"]', b"[[[[[[", b"null"],
    ids=["not-json", "empty", "not-utf8", "a-dict", "a-number-inside", "cut-short", "null"],
)
def test_every_kind_of_damage_is_kept_aside_byte_for_byte(tmp_path, monkeypatch, damage):
    """A file that is not a list of exercise numbers is renamed with its bytes unchanged; the next pass
    starts a new list."""
    path = tmp_path / "progress.json"
    path.write_bytes(damage)
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    with pytest.warns(ProgressWarning, match="was damaged"):
        assert check("1.1", 3.6, KEY).passed
    [aside] = tmp_path.glob("progress.json.damaged-*")
    assert aside.read_bytes() == damage
    assert progress() == ["1.1"]


def test_a_second_damaged_file_never_overwrites_the_first(tmp_path, monkeypatch):
    """Two damaged files kept aside in the same second get two names: neither is overwritten."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    monkeypatch.setattr(exercises.time, "strftime", lambda fmt: "20240301-120000")
    for damage in ["first damage", "second damage"]:
        path.write_text(damage, encoding="utf-8")
        with pytest.warns(ProgressWarning, match="was damaged"):
            assert progress() == []
    kept = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("progress.json.damaged-*")}
    assert kept == {
        "progress.json.damaged-20240301-120000": "first damage",
        "progress.json.damaged-20240301-120000-2": "second damage",
    }


def test_a_readable_old_progress_file_is_kept_as_it_is(tmp_path, monkeypatch):
    """A progress file written by an earlier version (a JSON list, ASCII-escaped) is read, not replaced."""
    path = tmp_path / "progress.json"
    path.write_text('[\n "0.1",\n "2.9"\n]', encoding="utf-8")
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    check("2.10", 1.0, encode_answer(1.0))
    assert progress() == ["0.1", "2.9", "2.10"] and not list(tmp_path.glob("*.damaged-*"))


def test_exercise_numbers_that_are_not_numbers_sort_in_notebook_order():
    """Exercise names such as "2.1b" and "demo" are recorded and sorted (numbers as numbers, words after
    numbers) instead of raising TypeError."""
    key = encode_answer(1.0)
    for name in ["demo", "2.1b", "2.10", "2.9", "2.1", "10.1", "练习 1", "2-3", "2.01"]:
        check(name, 1.0, key)
    assert progress() == ["2.01", "2.1", "2.1b", "2-3", "2.9", "2.10", "10.1", "demo", "练习 1"]


def test_progress_file_is_utf8_json(tmp_path, monkeypatch):
    """The progress file is UTF-8 JSON, so that a Chinese exercise name survives any locale."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    check("练习 1", 1.0, encode_answer(1.0))
    assert json.loads(path.read_bytes().decode("utf-8")) == ["练习 1"]


def test_no_file_access_uses_the_locale_encoding(tmp_path):
    """Recording, reading, keeping a damaged file aside and resetting progress raise no EncodingWarning
    (every file is opened as UTF-8, whatever the computer's locale)."""
    code = (
        "import warnings\n"
        "from pathlib import Path\n"
        "from nqp_helpers.exercises import check, encode_answer, progress, reset_progress\n"
        f"path = Path({str(tmp_path / 'progress.json')!r})\n"
        "path.write_bytes(b'{damaged')\n"
        "warnings.simplefilter('ignore', UserWarning)\n"
        "check('1.1', 1.0, encode_answer(1.0))\n"
        "assert progress() == ['1.1']\n"
        "reset_progress()\n"
    )
    env = {**os.environ, "NQP_PROGRESS_FILE": str(tmp_path / "progress.json")}
    result = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning:nqp_helpers.exercises"]
        + ["-c", code],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_nqp_progress_file_expands_the_home_folder(tmp_path, monkeypatch):
    """NQP_PROGRESS_FILE="~/..." is a file in the home folder, not in a folder named "~"."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("NQP_PROGRESS_FILE", "~/course/progress.json")
    check("1.1", 3.6, KEY)
    assert json.loads((tmp_path / "course" / "progress.json").read_text(encoding="utf-8")) == ["1.1"]
    assert progress() == ["1.1"]


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_nqp_progress_file_is_refused_clearly(monkeypatch, value):
    """An empty NQP_PROGRESS_FILE is a ValueError naming the variable for progress() and reset_progress();
    a passing self-check still gives its feedback and warns that the pass is not recorded."""
    monkeypatch.setenv("NQP_PROGRESS_FILE", value)
    with pytest.raises(ValueError, match="NQP_PROGRESS_FILE must name a file"):
        progress()
    with pytest.raises(ValueError, match="NQP_PROGRESS_FILE must name a file"):
        reset_progress()
    with pytest.warns(ProgressWarning, match="not recorded: NQP_PROGRESS_FILE must name a file"):
        assert check("1.1", 3.6, KEY).passed


def test_a_folder_in_place_of_the_file_is_reported_once_and_checks_go_on(tmp_path, monkeypatch):
    """If the progress path is a folder, self-checks keep giving feedback and one warning per session
    names the path (pointing at the caller's line); the folder is left alone."""
    path = tmp_path / "progress.json"
    path.mkdir()
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    with pytest.warns(ProgressWarning) as seen:
        for name in ["1.1", "1.2", "1.3"]:
            assert check(name, 3.6, KEY).passed
        assert progress() == []
    assert len(seen) == 1 and seen[0].filename == __file__  # it points at the caller's line, not the package
    assert str(path) in str(seen[0].message) and "it is a folder, not a file" in str(seen[0].message)
    assert path.is_dir() and not list(tmp_path.glob("*.damaged-*"))


def test_a_file_in_place_of_the_folder_is_reported(tmp_path, monkeypatch):
    """If the progress file's folder is a file, the pass gets its feedback and a warning, and that file is
    left alone."""
    (tmp_path / "notes").write_text("my notes", encoding="utf-8")
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "notes" / "progress.json"))
    with pytest.warns(ProgressWarning, match="progress cannot be saved"):
        assert check("1.1", 3.6, KEY).passed
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "my notes"


def read_only(*args, **kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


def test_read_only_storage_is_reported_once_and_the_old_list_is_kept(tmp_path, monkeypatch):
    """On a read-only disk (no temporary file can be made) a pass gets its feedback and one warning, and
    the existing list is unchanged and still read."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    check("0.1", 3.6, KEY)
    monkeypatch.setattr(exercises.tempfile, "mkstemp", read_only)
    with pytest.warns(
        ProgressWarning, match=r"cannot be saved in .*progress\.json \(read-only file system\)"
    ):
        assert check("1.1", 3.6, KEY).passed
        assert check("1.2", 3.6, KEY).passed
    assert progress() == ["0.1"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_reported(tmp_path, monkeypatch):
    """In a folder without write permission a pass gets its feedback and a warning, not a traceback."""
    folder = tmp_path / "locked"
    folder.mkdir()
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(folder / "progress.json"))
    folder.chmod(0o500)
    try:
        with pytest.warns(ProgressWarning, match="progress cannot be saved"):
            assert check("1.1", 3.6, KEY).passed
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_the_old_list_whole_and_no_temporary_file(tmp_path, monkeypatch):
    """A write that fails half-way (a full disk when syncing) leaves the previous list as it was and
    removes its temporary file: the file is replaced whole or not at all."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    check("0.1", 3.6, KEY)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exercises.os, "fsync", disk_full)
    with pytest.warns(ProgressWarning, match="no space left on device"):
        assert check("1.1", 3.6, KEY).passed
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json", "progress.json.lock"]


def test_a_file_held_open_by_another_program_is_replaced_when_it_is_released(tmp_path, monkeypatch):
    """If replacing the file is refused for a moment (Windows, while a reader or an antivirus holds it),
    the write is tried again and the pass is recorded."""
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "progress.json"))
    real_replace, refusals = os.replace, []

    def busy_twice(source, target):
        if len(refusals) < 2:
            refusals.append(target)
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(exercises.os, "replace", busy_twice)
    assert check("1.1", 3.6, KEY).passed
    assert len(refusals) == 2 and progress() == ["1.1"]


def test_without_file_locks_passes_are_still_recorded(monkeypatch):
    """On a file system that has no locks, passes are written without one (still atomically)."""

    def no_locks(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(exercises, "_lock_now", no_locks)
    check("1.1", 3.6, KEY)
    assert progress() == ["1.1"]


@pytest.mark.parametrize("busy", [errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK])
def test_a_busy_lock_is_waited_for(monkeypatch, busy):
    """The errors that say "another process holds the lock" (flock's EWOULDBLOCK; msvcrt's EACCES and
    EDEADLK on Windows) make the kernel wait and try again, not give up the lock."""
    attempts = []

    def busy_twice(fd):
        attempts.append(fd)
        if len(attempts) <= 2:
            raise OSError(busy, os.strerror(busy))

    monkeypatch.setattr(exercises, "_lock_now", busy_twice)
    monkeypatch.setattr(exercises, "_unlock", lambda fd: None)
    check("1.1", 3.6, KEY)
    assert len(attempts) == 3 and progress() == ["1.1"]


def test_a_lock_held_too_long_gives_a_warning_not_a_hang(monkeypatch):
    """If another program keeps the lock past the waiting time, the pass gets its feedback and a
    warning naming the lock file (the student can run the cell again)."""

    def always_busy(fd):
        raise BlockingIOError(errno.EWOULDBLOCK, "Resource temporarily unavailable")

    monkeypatch.setattr(exercises, "_lock_now", always_busy)
    monkeypatch.setattr(exercises, "_LOCK_WAIT", 0.05)
    with pytest.warns(ProgressWarning, match=r"another program has held .*progress\.json\.lock"):
        assert check("1.1", 3.6, KEY).passed


def test_reset_progress_on_a_read_only_disk_says_what_and_why(tmp_path, monkeypatch):
    """reset_progress on a read-only disk raises one OSError that names the file and the reason, with
    no chained traceback from inside os; the passes are still there."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    check("1.1", 3.6, KEY)
    monkeypatch.setattr(exercises.Path, "unlink", read_only)
    with pytest.raises(OSError, match=r"could not reset your progress: .* \(read-only file system\)") as err:
        reset_progress()
    assert err.value.__cause__ is None and err.value.__suppress_context__
    assert str(path) in str(err.value)
    assert progress() == ["1.1"]


def test_reset_progress_on_a_folder_says_so(tmp_path, monkeypatch):
    """reset_progress refuses to delete a folder given as the progress file, with a clear message."""
    (tmp_path / "progress.json").mkdir()
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "progress.json"))
    with pytest.raises(
        OSError, match=r"could not reset your progress: .* cannot be deleted \(it is a folder, not a file\)"
    ):
        reset_progress()
    assert (tmp_path / "progress.json").is_dir()


def test_reset_progress_keeps_a_damaged_file_aside(tmp_path, monkeypatch):
    """reset_progress never deletes a damaged file: it is kept aside like any damaged file."""
    path = tmp_path / "progress.json"
    path.write_text("{damaged", encoding="utf-8")
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(path))
    with pytest.warns(ProgressWarning, match="was damaged"):
        reset_progress()
    assert not path.exists()
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob("progress.json.damaged-*")] == ["{damaged"]
    reset_progress()  # nothing left to reset: no error


# --------------------------------------------------------------------------- #
# Bad arguments from code raise ValueError; bad answers get feedback
# --------------------------------------------------------------------------- #
def label(value):
    """A short test id for any value (the repr of 10**5000 cannot even be made)."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"int-{value.bit_length()}-bits"
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


@pytest.mark.parametrize(
    "tolerances, message",
    [
        ({"tol": -1}, r"^tol must lie in \[0, inf\]; got -1"),
        ({"tol": -1e-12}, r"^tol must lie in \[0, inf\]"),
        ({"tol": float("nan")}, r"^tol must be finite; got nan"),
        ({"tol": float("inf")}, r"^tol must be finite; got inf"),
        ({"tol": 10**400}, r"^tol must be a finite number >= 0; got an integer of about 401 digits"),
        ({"tol": "0.1"}, r"^tol must be a real number; got '0.1'"),
        ({"tol": True}, r"^tol must be a real number; got True"),
        ({"rel_tol": -0.01}, r"^rel_tol must lie in \[0, inf\]; got -0.01"),
        ({"rel_tol": float("nan")}, r"^rel_tol must be finite"),
        ({"rel_tol": [0.1]}, r"^rel_tol must be a real number"),
    ],
)
def test_encode_answer_refuses_a_tolerance_nobody_can_pass(tolerances, message):
    """A negative, non-finite or non-numeric tolerance is refused, naming the argument and the value."""
    with pytest.raises(ValueError, match=message):
        encode_answer(3.6, **tolerances)


def test_a_zero_tolerance_is_an_exact_answer():
    """tol=0 is allowed: only the exact value passes (the lab's first-year question uses it)."""
    key = encode_answer(1978, tol=0)
    assert check("x", 1978, key, record=False).passed and not check("x", 1978.5, key, record=False).passed


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((10**400,), {}, r"^answer must contain finite numbers only; got an integer of about 401 digits"),
        (([1.0, 10**400],), {}, r"^answer must contain finite numbers only"),
        (([1.0, "a"],), {}, r"^answer must contain finite numbers only; got 'a'"),
        (([[1.0, 2.0]],), {}, r"^answer must contain finite numbers only; got \[1.0, 2.0\]"),
        (({"a": 1.0},), {}, r"^answer must be a number, a list of numbers or text; got \{'a': 1.0\}"),
        (({"a": 1.0},), {"kind": "numbers"}, r"^answer must be a non-empty list of numbers for kind"),
        (({1.0, 2.0},), {"kind": "numbers"}, r"^answer must be a non-empty list of numbers for kind"),
        (
            ([],),
            {"kind": "numbers"},
            r"^answer must be a non-empty list of numbers for kind 'numbers'; got \[\]",
        ),
        (
            (2.0,),
            {"kind": "numbers"},
            r"^answer must be a non-empty list of numbers for kind 'numbers'; got 2.0",
        ),
        ((np.array(2.0),), {"kind": "numbers"}, r"^answer must be a non-empty list of numbers for kind"),
        ((None,), {"kind": "text"}, r"^answer must be non-blank text"),
        (("   ",), {}, r"^answer must be non-blank text"),
        (([],), {"kind": "text"}, r"^answer must be non-blank text"),
        ((["a", 1],), {"kind": "text"}, r"^answer must be non-blank text"),
        (
            (1.0,),
            {"kind": 3},
            r"^kind must be .number., .numbers. or .text. "
            r"\(a multiple choice is made by encode_choice\); got 3",
        ),
        ((1.0,), {"hints": "wrong"}, r"^hints must be a list of \(value, message\) pairs; got 'wrong'"),
        ((1.0,), {"hints": {2.0: "m"}}, r"^hints must be a list of \(value, message\) pairs"),
        ((1.0,), {"hints": 5}, r"^hints must be a list of \(value, message\) pairs; got 5"),
        ((1.0,), {"hints": [(2.0,)]}, r"^hints\[0\] must be a \(value, message\) pair; got \(2.0,\)"),
        ((1.0,), {"hints": [(2.0, None)]}, r"^hints\[0\] message must be non-blank text; got None"),
        ((1.0,), {"hints": [(2.0, "ok"), (3.0, " ")]}, r"^hints\[1\] message must be non-blank text"),
        ((1.0,), {"hints": [("x", "m")]}, r"^hints\[0\] value must contain finite numbers only; got 'x'"),
        ((1.0,), {"hints": [(float("nan"), "m")]}, r"^hints\[0\] value must contain finite numbers only"),
        (("a",), {"hints": [(2.0, "m")]}, r"^hints\[0\] value must be non-blank text for a text answer"),
        (([1.0, 2.0],), {"hints": [([1.0], "m")]}, r"^hints\[0\] value must be a list of 2 numbers"),
        (([1.0, 2.0],), {"hints": [(1.0, "m")]}, r"^hints\[0\] value must be a list of 2 numbers"),
    ],
)
def test_encode_answer_refuses_bad_arguments_naming_them(args, kwargs, message):
    """Each bad answer, kind or hint is a ValueError whose message starts with the argument's name and
    gives the rule and the value."""
    with pytest.raises(ValueError, match=message):
        encode_answer(*args, **kwargs)


def test_hints_of_a_list_answer_are_given():
    """A hint for a list answer is given when every entry matches it; numpy numbers are accepted."""
    key = encode_answer([1.0, 2.0], tol=0.01, hints=[(np.array([2.0, 1.0]), "the order is reversed.")])
    assert check("x", [2.0, 1.0], key, record=False).message == "the order is reversed."
    assert "entry 2 is not right" in check("x", [1.0, 3.0], key, record=False).message
    assert check("x", np.array([1.0, 2.0]), key, record=False).passed


def forge(payload):
    """A key holding any JSON payload, as a damaged or hand-made key might."""
    raw = zlib.compress(json.dumps(payload).encode("utf-8"))
    return "nqp1:" + base64.urlsafe_b64encode(exercises._scramble(raw)).decode("ascii")


GOOD = {"kind": "number", "answer": 1.0, "tol": 0.1, "rel_tol": 0.005, "hints": []}


@pytest.mark.parametrize(
    "key, message",
    [
        (None, r"^key must be a string starting with 'nqp1:'; got None"),
        (b"nqp1:AAAA", r"^key must be a string starting with 'nqp1:'"),
        ("nqp1:" + "A" * 500, r"^key is damaged: it could not be decoded.*got 'nqp1:AAAA"),
        ("nqp1:ключ", r"^key is damaged: it could not be decoded"),
        (KEY[:-6], r"^key is damaged: it could not be decoded"),
        (forge([1, 2]), r"^key is damaged: it holds no answer of a known kind"),
        (forge({**GOOD, "kind": "vector"}), r"^key is damaged: it holds no answer of a known kind"),
        (forge({**GOOD, "answer": "3.6"}), r"^key is damaged: its answer is not made of finite numbers"),
        (forge({**GOOD, "answer": 10**400}), r"^key is damaged: its answer is not made of finite numbers"),
        (forge({**GOOD, "kind": "numbers", "answer": []}), r"^key is damaged: its answer is not made"),
        (forge({**GOOD, "tol": -1}), r"^key is damaged: its tolerance is not a finite number >= 0"),
        (forge({**GOOD, "tol": None, "rel_tol": None}), r"^key is damaged: its tolerance is not"),
        (forge({**GOOD, "hints": [[1.0]]}), r"^key is damaged: its hints are not \(value, message\) pairs"),
        (forge({**GOOD, "hints": {"a": 1}}), r"^key is damaged: its hints are not"),
        (forge({"kind": "text", "answer": "abc", "hints": []}), r"^key is damaged: its answer is not a list"),
    ],
)
def test_malformed_keys_raise_a_clear_error(key, message):
    """A key that is not text, cannot be decoded, or decodes to something that is not an answer raises a
    ValueError about the key (never a KeyError or TypeError from inside check)."""
    with pytest.raises(ValueError, match=message):
        check("1.1", 1.0, key)
    with pytest.raises(ValueError, match=message):
        decode_answer(key)


def test_a_hand_made_key_without_hints_still_works():
    """A key whose payload has no "hints" entry (hand-made or from an early version) checks normally."""
    key = forge({"kind": "number", "answer": 2.0, "tol": 0.1, "rel_tol": 0.005})
    assert check("1.1", 2.05, key, record=False).passed
    assert "too large" in check("1.1", 9.0, key, record=False).message


@pytest.mark.parametrize(
    "exercise",
    [None, True, [2.1], {"n": 2.1}, b"2.1", "", "   ", "2.1\n2.2", "x" * 41, float("nan"), 10**400, 1e20],
    ids=label,
)
def test_check_refuses_an_exercise_that_is_not_a_name(exercise):
    """The exercise must be text (or a plain number) of 1 to 40 printable characters."""
    with pytest.raises(ValueError, match=r"^exercise must be the exercise's number as text"):
        check(exercise, 3.6, KEY)


@pytest.mark.parametrize("exercise, name", [("2.1", "2.1"), (" 2.1 ", "2.1"), (2.1, "2.1"), (3, "3")])
def test_check_accepts_exercise_numbers_as_text_or_numbers(exercise, name):
    """Text is trimmed; a number is written as Python writes it."""
    assert check(exercise, 3.6, KEY, record=False).exercise == name


@pytest.mark.parametrize("record", ["no", 0, None, [True]])
def test_check_refuses_a_record_that_is_not_true_or_false(record):
    """record must be True or False, so that record="no" cannot record a solution's pass."""
    with pytest.raises(ValueError, match=r"^record must be True or False"):
        check("1.1", 3.6, KEY, record=record)
    assert progress() == []


@pytest.mark.parametrize(
    "answer, feedback",
    [
        (10**400, "your answer is too large"),
        (-(10**400), "recheck the formula"),
        (10**5000, "your answer is too large"),
        ("1e400", "could not read '1e400' as a finite number"),
        ("3,6", "write decimals with a point, not a comma"),
        ([3.6], "this question asks for one number"),
        ({"answer": 3.6}, "this question asks for one number"),
        (np.array([3.6, 1.0]), "could not read"),
        (3 + 0j, "could not read"),
        (b"\xff", "could not read"),
    ],
    ids=label,
)
def test_odd_answers_to_a_number_question_get_feedback_not_errors(answer, feedback):
    """Huge integers, unreadable text, lists and other odd answers are wrong answers with feedback that
    names the mistake; nothing raises."""
    result = check("1.1", answer, KEY, record=False)
    assert not result.passed and feedback in result.message and len(result.message) < 200


def test_feedback_on_a_huge_answer_stays_short():
    """The feedback quotes a long answer cut short, not in full."""
    result = check("1.1", "9" * 10_000 + "x", KEY, record=False)
    assert "could not read" in result.message and len(result.message) < 200


LIST_KEY = encode_answer([1.0, 2.0, 3.0], tol=0.01)


@pytest.mark.parametrize(
    "answer, feedback",
    [
        ({"a": 1.0, "b": 2.0, "c": 3.0}, "got a dict, whose keys are not its values"),
        ({0: 1.0, 1: 2.0, 2: 3.0}, "got a dict, whose keys are not its values"),
        ({1.0, 2.0, 3.0}, "got a set, which has no order"),
        ([1.0, 10**400, 3.0], "entry 2 is not right yet"),
        ([1.0, "two", 3.0], "entry 2, 'two', is not a finite number"),
        ([1.0, [2.0], 3.0], "entry 2, [2.0], is not a finite number"),
        ([1.0, None, 3.0], "entry 2, None, is not a finite number"),
        (np.array(2.0), "expected a list of 3 finite numbers"),
        (range(10**20), "expected a list of 3 finite numbers"),
        ("1, 2, 3", "expected 3 numbers (a list)"),
        (10**400, "expected 3 numbers (a list)"),
    ],
    ids=label,
)
def test_odd_answers_to_a_list_question_get_feedback_naming_the_mistake(answer, feedback):
    """A dict (whose keys would be compared), a set (no order), a wrong entry or a wrong shape gets
    feedback that names the mistake; nothing raises and no right value is shown."""
    result = check("x", answer, LIST_KEY, record=False)
    assert not result.passed and feedback in result.message


@pytest.mark.parametrize("answer", [10**5000, ["means of labour"], 42, {"means of labour": 1}], ids=label)
def test_odd_answers_to_a_text_question_get_feedback(answer):
    """A text question answered with a number, a list or a dict is simply not the right text."""
    key = encode_answer("means of labour")
    result = check("t", answer, key, record=False)
    assert not result.passed and ("not this one" in result.message or "as text" in result.message)


# --------------------------------------------------------------------------- #
# Multiple choice (the in-flow checks): every option has its own feedback
# --------------------------------------------------------------------------- #
CHOICE = {
    "a": "That adds the shares; growth rates are weighted, not added.",
    "b": "Output grows at the weighted average of input growth plus TFP growth.",
    "c": "The number of years changes levels, not growth rates.",
}


def test_every_option_gets_its_own_feedback_and_only_the_right_one_passes():
    key = encode_choice("b", CHOICE)
    for label, message in CHOICE.items():
        result = check("Q0.1", label, key, record=False)
        assert result.passed is (label == "b")
        assert message in result.message  # each wrong option's own message, not a generic one
        if label != "b":
            assert "(b)" not in result.message  # a wrong option's feedback never names the right one


@pytest.mark.parametrize("typed", ["b", "B", " (b) ", "b)", "b.", "(B)."])
def test_a_choice_is_read_however_the_letter_is_typed(typed):
    assert check("Q0.1", typed, encode_choice("b", CHOICE), record=False).passed


@pytest.mark.parametrize("typed", ["d", "", 2, ["b"], {"b": 1}, b"b", 1.5])
def test_an_answer_that_is_not_an_option_gets_feedback_not_an_error(typed):
    result = check("Q0.1", typed, encode_choice("b", CHOICE), record=False)
    assert not result.passed
    assert "not one of the options" in result.message or "no answer yet" in result.message


def test_a_passed_choice_is_recorded_like_any_self_check(tmp_path, monkeypatch):
    monkeypatch.setenv("NQP_PROGRESS_FILE", str(tmp_path / "progress.json"))
    key = encode_choice("b", CHOICE)
    check("Q0.1", "a", key)
    assert progress() == []
    check("Q0.1", "b", key)
    assert progress() == ["Q0.1"]


@pytest.mark.parametrize(
    ("answer", "feedback", "message"),
    [
        ("a", {"a": "only one"}, r"^feedback must map at least two option labels"),
        ("a", ["a", "b"], r"^feedback must map at least two option labels"),
        ("c", {"a": "x", "b": "y"}, r"^answer must be one of the options \['a', 'b'\]; got 'c'"),
        ("a", {"a": "x", "b": " "}, r"^feedback\['b'\] must be non-blank text"),
        ("a", {"a": "x", "(A)": "y"}, r"^feedback labels must be distinct"),
        ("a", {"a": "x", 2: "y"}, r"^feedback labels must be non-blank text; got 2"),
    ],
)
def test_encode_choice_refuses_bad_arguments_naming_them(answer, feedback, message):
    with pytest.raises(ValueError, match=message):
        encode_choice(answer, feedback)


def test_a_choice_key_decodes_with_every_option():
    payload = decode_answer(encode_choice("(C)", CHOICE))
    assert payload["kind"] == "choice" and payload["answer"] == "c"
    assert payload["options"] == CHOICE
