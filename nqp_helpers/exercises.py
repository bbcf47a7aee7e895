"""Self-checks for exercises: feedback without giving the answer away.

An exercise cell in a notebook looks like this::

    answer = None   # replace None with your number
    check("2.1", answer, key="nqp1:...")

``check`` compares the student's answer with the answer stored in ``key``
and prints graded feedback ("right size, wrong sign", "looks like a fraction,
not per cent", "close: check your rounding"), never the answer itself. Keys are
made by instructors with :func:`encode_answer`; they are encoded, not
encrypted: a determined reader can decode them, but an answer is never in plain
text in a notebook or in this source.

A wrong or unreadable *answer* is never an error: the student gets feedback
that names the mistake. A bad *argument from code* (a damaged key, a negative
tolerance, an exercise number that is not text) raises a ``ValueError`` that
names the argument, the rule and the value.

Progress
--------
Passed exercises are recorded in a small JSON file on this computer, a list of
exercise numbers (by default ``~/.nqp_helpers/progress.json``; set the
environment variable ``NQP_PROGRESS_FILE`` to put it elsewhere). Nothing is
sent anywhere. No pass is lost:

- **One writer at a time.** A kernel that records a pass holds a lock on
  ``progress.json.lock`` while it reads the list, adds the exercise and writes
  the list back, so two notebooks passing exercises at the same moment keep
  both passes. The lock is the operating system's own (``fcntl.flock`` on
  Linux and macOS, ``msvcrt.locking`` on Windows, both in the standard
  library): the system releases it when the kernel ends, even a kernel that
  crashed or was restarted mid-write. We chose it over the two other
  standard-library designs: a lock file created with ``O_CREAT | O_EXCL``
  stays behind after a killed kernel and needs a guessed "stale after"
  timeout, during which every self-check waits; an append-only log needs a
  lock anyway to be compacted, and an ``O_APPEND`` write is atomic only where
  the operating system promises it. On a file system without locks, the
  kernel writes without one (the write is still atomic).
- **Atomic writes.** The new list goes to a temporary file in the same folder,
  which is flushed and synced to the disk, then moved over the old file with
  ``os.replace``: a reader, a crash or a full disk leaves the old list or the
  new one, never half a file.
- **A damaged file is kept.** A file that is not a list of exercise numbers is
  renamed ``progress.json.damaged-<date>-<time>`` (never overwritten, never
  deleted) and a :class:`ProgressWarning` says where it is; a new list starts.
- **Storage that cannot be written** (a read-only folder, a path that is a
  folder) is reported once per session by a :class:`ProgressWarning`; the
  self-checks go on giving feedback.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import inspect
import json
import math
import numbers
import os
import re
import sys
import tempfile
import time
import warnings
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._validate import as_bool, as_scalar
from .i18n import N_, _

__all__ = [
    "Feedback",
    "ProgressWarning",
    "check",
    "encode_answer",
    "encode_choice",
    "decode_answer",
    "progress",
    "reset_progress",
]

_PREFIX = "nqp1:"
_MASK = "new quality productive forces / 新质生产力".encode()
_KINDS = ("number", "numbers", "text", "choice")


def _scramble(data: bytes) -> bytes:
    return bytes(b ^ _MASK[i % len(_MASK)] for i, b in enumerate(data))


def _show(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, for messages; never raises (``10**5000`` has no repr)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return _("an integer of about {digits} digits").format(digits=math.floor(math.log10(abs(value))) + 1)
    try:
        text = repr(value)
    except Exception:  # an object whose repr fails, or nests too deeply
        text = _("a {type_name}").format(type_name=type(value).__name__)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _as_finite(value: object) -> float | None:
    """``value`` as a float if it is a finite real number (True and False are not); None otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):  # an integer beyond the range of floats, 10**400
        return None
    return number if math.isfinite(number) else None


def _finite_number(name: str, value: object) -> float:
    """``value`` as a float; a ValueError naming ``name`` unless it is a finite real number."""
    number = _as_finite(value)
    if number is None:
        raise ValueError(
            _("{name} must contain finite numbers only; got {value}").format(name=name, value=_show(value))
        )
    return number


def _tolerance(name: str, value: object) -> float:
    """A tolerance: a finite number >= 0 (a negative tolerance makes a key nobody can pass)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > sys.float_info.max:
        raise ValueError(
            _("{name} must be a finite number >= 0; got {value}").format(name=name, value=_show(value))
        )
    return as_scalar(name, value, low=0.0)


def encode_answer(
    answer: float | Sequence[float] | str | Sequence[str],
    tol: float | None = None,
    rel_tol: float | None = None,
    hints: Iterable[tuple[float | str | Sequence[float], str]] | None = None,
    kind: str | None = None,
) -> str:
    """Encode an exercise answer into a key for :func:`check` (for instructors).

    Parameters
    ----------
    answer : float, sequence of float, or str (or list of accepted str)
        The right answer. Text answers are compared case-insensitively after
        trimming spaces; give a list to accept several equivalent forms.
    tol : float, optional
        Absolute tolerance for numbers, >= 0. Default: 0.5 per cent of the
        answer's size (rel_tol = 0.005) with a floor of 1e-9.
    rel_tol : float, optional
        Relative tolerance, >= 0, used when ``tol`` is None.
    hints : list of (value, message), optional
        Common wrong answers and the feedback to give when a student gives one
        (within the same tolerance). The value is a number for a number
        answer, a list of as many numbers for a list answer, and text for a
        text answer.
    kind : {"number", "numbers", "text"}, optional
        Inferred from ``answer`` when omitted.

    Returns
    -------
    str
        A key beginning with ``"nqp1:"``.

    Raises
    ------
    ValueError
        If the answer is not a finite number, a sequence of them, or text; if
        ``tol`` or ``rel_tol`` is negative or not finite; if a hint is not a
        (value, message) pair of the answer's kind; if ``kind`` is unknown.

    Examples
    --------
    >>> key = encode_answer(2.5, tol=0.05)
    >>> decode_answer(key)["answer"]
    2.5
    >>> encode_answer(2.5, tol=-1)
    Traceback (most recent call last):
    ...
    ValueError: tol must lie in [0, inf]; got -1
    """
    if kind is None:
        kind = _infer_kind(answer)
    elif not isinstance(kind, str) or kind not in _KINDS[:3]:
        raise ValueError(
            _(
                "kind must be 'number', 'numbers' or 'text' (a multiple choice is made by encode_choice); "
                "got {kind}"
            ).format(kind=_show(kind))
        )
    tol_value = None if tol is None else _tolerance("tol", tol)
    rel_tol_value = 0.005 if rel_tol is None else _tolerance("rel_tol", rel_tol)
    payload: dict[str, Any]
    if kind == "text":
        accepted = [answer] if isinstance(answer, str) else answer
        if (
            not isinstance(accepted, (list, tuple))
            or not accepted
            or not all(isinstance(a, str) and _norm_text(a) for a in accepted)
        ):
            raise ValueError(
                _(
                    "answer must be non-blank text, or a list of accepted texts, for kind 'text'; "
                    "got {answer}"
                ).format(answer=_show(answer))
            )
        payload = {"kind": "text", "answer": [_norm_text(a) for a in accepted]}
        size = 1
    else:
        entries = [answer] if kind == "number" else _entries(answer)
        if not entries:
            raise ValueError(
                _("answer must be a non-empty list of numbers for kind 'numbers'; got {answer}").format(
                    answer=_show(answer)
                )
            )
        values = [_finite_number("answer", v) for v in entries]
        payload = {
            "kind": kind,
            "answer": values[0] if kind == "number" else values,
            "tol": tol_value,
            "rel_tol": rel_tol_value,
        }
        size = len(values)
    payload["hints"] = _hint_pairs(hints, kind, size)
    raw = zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    return _PREFIX + base64.urlsafe_b64encode(_scramble(raw)).decode("ascii")


def _infer_kind(answer: object) -> str:
    """The kind of an answer: text (or a list of texts), a number, or a list of numbers; else ValueError."""
    if isinstance(answer, str) or (
        isinstance(answer, (list, tuple)) and answer and all(isinstance(a, str) for a in answer)
    ):
        return "text"
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return "number"
    if isinstance(answer, (list, tuple)) and answer:
        return "numbers"
    raise ValueError(
        _("answer must be a number, a list of numbers or text; got {answer}").format(answer=_show(answer))
    )


def _entries(answer: object) -> list[object] | None:
    """The entries of a list, a tuple or a 1-D array; None for anything else (text, a dict, a set)."""
    if isinstance(answer, Iterable) and not isinstance(answer, (str, bytes, Mapping, Set)):
        with contextlib.suppress(TypeError):  # a 0-d array is iterable in name only
            return list(answer)
    return None


def _hint_pairs(hints: object, kind: str, size: int) -> list[list[Any]]:
    """The hints as [value, message] pairs, checked against the answer's kind (and length, for a list)."""
    if hints is None:
        return []
    if isinstance(hints, (str, bytes, Mapping)) or not isinstance(hints, Iterable):
        raise ValueError(
            _("hints must be a list of (value, message) pairs; got {hints}").format(hints=_show(hints))
        )
    pairs: list[list[Any]] = []
    for i, pair in enumerate(hints):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(
                _("hints[{i}] must be a (value, message) pair; got {pair}").format(i=i, pair=_show(pair))
            )
        value, message = pair
        if not isinstance(message, str) or not message.strip():
            raise ValueError(
                _("hints[{i}] message must be non-blank text; got {message}").format(
                    i=i, message=_show(message)
                )
            )
        if kind == "text":
            if not isinstance(value, str) or not _norm_text(value):
                raise ValueError(
                    _("hints[{i}] value must be non-blank text for a text answer; got {value}").format(
                        i=i, value=_show(value)
                    )
                )
        elif kind == "number":
            value = _finite_number(f"hints[{i}] value", value)
        else:
            entries = _entries(value)
            if entries is None or len(entries) != size:
                raise ValueError(
                    _(
                        "hints[{i}] value must be a list of {size} numbers, like the answer; got {value}"
                    ).format(i=i, size=size, value=_show(value))
                )
            value = [_finite_number(f"hints[{i}] value", v) for v in entries]
        pairs.append([value, message])
    return pairs


def _option_label(text: object) -> str:
    """An option's label as the check compares it: "(B)", "b)", " b. " and "b" are all "b"."""
    return _norm_text(text).strip("().").strip()


def encode_choice(answer: str, feedback: Mapping[str, str]) -> str:
    """Encode a multiple-choice question into a key for :func:`check` (for instructors).

    An in-flow check asks the student to choose one option, often a prediction made before moving
    a slider. Every option, the right one included, carries its own feedback: a wrong option's
    message names the mistake behind it without saying which option is right; the right option's
    message says why it is right.

    Parameters
    ----------
    answer : str
        The label of the right option, one of the keys of ``feedback`` (for example ``"b"``).
    feedback : mapping of str to str
        Every option's label and the feedback a student who chooses it gets; at least two options.
        Labels are compared in lower case, without brackets or a final full stop: ``"(B)"`` is ``"b"``.

    Returns
    -------
    str
        A key beginning with ``"nqp1:"``.

    Raises
    ------
    ValueError
        If ``feedback`` is not a mapping of at least two distinct non-blank labels to non-blank
        messages, or ``answer`` is not one of its labels.

    Examples
    --------
    >>> key = encode_choice("b", {"a": "That is the level, not the growth.", "b": "Growth is a log change."})
    >>> print(check("demo", "(B)", key, record=False))
    ✓ Exercise demo: correct. Growth is a log change.
    >>> print(check("demo", "a", key, record=False))
    ✗ Exercise demo: not (a): That is the level, not the growth.
    >>> print(check("demo", "d", key, record=False))
    ✗ Exercise demo: 'd' is not one of the options: type the letter of (a) or (b) in quotes, such as "a".
    >>> encode_choice("c", {"a": "x", "b": "y"})
    Traceback (most recent call last):
    ...
    ValueError: answer must be one of the options ['a', 'b']; got 'c'
    """
    if not isinstance(feedback, Mapping) or len(feedback) < 2:
        raise ValueError(
            _("feedback must map at least two option labels to their feedback; got {feedback}").format(
                feedback=_show(feedback)
            )
        )
    options: dict[str, str] = {}
    for label, message in feedback.items():
        if not isinstance(label, str) or not _option_label(label):
            raise ValueError(
                _("feedback labels must be non-blank text; got {label}").format(label=_show(label))
            )
        if not isinstance(message, str) or not message.strip():
            raise ValueError(
                _("feedback[{label!r}] must be non-blank text; got {message}").format(
                    label=label, message=_show(message)
                )
            )
        if _option_label(label) in options:
            raise ValueError(
                _(
                    "feedback labels must be distinct after trimming and lower case; got {label!r} twice"
                ).format(label=label)
            )
        options[_option_label(label)] = message.strip()
    if not isinstance(answer, str) or _option_label(answer) not in options:
        raise ValueError(
            _("answer must be one of the options {options}; got {answer}").format(
                options=list(options), answer=_show(answer)
            )
        )
    payload = {"kind": "choice", "answer": _option_label(answer), "options": options, "hints": []}
    raw = zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    return _PREFIX + base64.urlsafe_b64encode(_scramble(raw)).decode("ascii")


def decode_answer(key: str) -> dict[str, Any]:
    """Decode a key made by :func:`encode_answer` (for instructors and tests).

    Raises
    ------
    ValueError
        If ``key`` is not a valid key: not text starting with ``"nqp1:"``,
        damaged so that it cannot be decoded, or not holding a valid answer.

    Examples
    --------
    >>> decode_answer(encode_answer([1.0, 2.0]))["kind"]
    'numbers'
    >>> decode_answer("nqp1:AAAA")
    Traceback (most recent call last):
    ...
    ValueError: key is damaged: it could not be decoded; got 'nqp1:AAAA'. Copy it again from the notebook.
    """
    if not isinstance(key, str) or not key.startswith(_PREFIX):
        raise ValueError(
            _("key must be a string starting with {prefix!r}; got {key}").format(
                prefix=_PREFIX, key=_show(key, 40)
            )
        )
    problem: str | None
    try:
        raw = _scramble(base64.urlsafe_b64decode(key[len(_PREFIX) :].encode("ascii")))
        payload = json.loads(zlib.decompress(raw).decode("utf-8"))
    except Exception:  # any damage: bad base64, bad zlib data, bad JSON
        payload, problem = None, N_("it could not be decoded")
    else:
        problem = _payload_problem(payload)
    if problem:
        raise ValueError(
            _("key is damaged: {problem}; got {key}. Copy it again from the notebook.").format(
                problem=_(problem), key=_show(key, 40)
            )
        )
    payload.setdefault("hints", [])
    return payload


def key_texts(payload: dict[str, Any]) -> list[str]:
    """The texts a decoded key holds for students: options' feedback, hints' messages, accepted texts.

    The Chinese edition translates them through the package's catalogue (``scripts/translate.py``
    collects them from the notebooks' keys), so both editions share one key.

    Examples
    --------
    >>> key_texts(decode_answer(encode_choice("b", {"a": "Too high.", "b": "Right."})))
    ['Too high.', 'Right.']
    """
    texts = [str(message) for _value, message in payload.get("hints", [])]
    if payload["kind"] == "choice":
        texts = list(payload["options"].values()) + texts
    elif payload["kind"] == "text":
        texts = list(payload["answer"]) + texts
    return texts


def _payload_problem(payload: object) -> str | None:
    """What is wrong with a decoded key (None if nothing), so that a bad key fails here, not inside check.

    The problem is returned untranslated (marked with ``N_``); :func:`decode_answer` translates it.
    """
    if not isinstance(payload, dict) or payload.get("kind") not in _KINDS:
        return N_("it holds no answer of a known kind")
    hints = payload.get("hints", [])
    if not isinstance(hints, list) or not all(
        isinstance(h, list) and len(h) == 2 and isinstance(h[1], str) for h in hints
    ):
        return N_("its hints are not (value, message) pairs")
    answer = payload.get("answer")
    if payload["kind"] == "choice":
        options = payload.get("options")
        if (
            not isinstance(options, dict)
            or len(options) < 2
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in options.items())
            or answer not in options
        ):
            return N_("its options do not hold the answer and a message for each option")
        return None
    if payload["kind"] == "text":
        if not isinstance(answer, list) or not answer or not all(isinstance(a, str) for a in answer):
            return N_("its answer is not a list of texts")
        return None
    values = [answer] if payload["kind"] == "number" else answer
    if not isinstance(values, list) or not values or any(_as_finite(v) is None for v in values):
        return N_("its answer is not made of finite numbers")
    tol, rel_tol = payload.get("tol"), payload.get("rel_tol")
    for tolerance in (rel_tol,) if tol is None else (tol, rel_tol):
        number = _as_finite(tolerance)
        if number is None or number < 0:
            return N_("its tolerance is not a finite number >= 0")
    return None


def _key_text(text: str) -> str:
    """A text of an answer key (feedback, a hint, an accepted answer) in the language in use.

    The catalogue holds the keys' texts (``scripts/translate.py`` collects them with :func:`key_texts`);
    an empty text stays empty (gettext would return the catalogue's header for it).
    """
    return _(text) if text else text


def _norm_text(text: object) -> str:
    return " ".join(str(text).strip().lower().split())


#: The number of a question asked in the flow of a lesson ("Q2.1", "QP.2"), not in the exercises at the end.
IN_FLOW_NUMBER = re.compile(r"Q(?:\d+|P)\.\d+")


def question_label(exercise: str) -> str:
    """How feedback names a self-check: "Question 2.1" for an in-flow check "Q2.1", else "Exercise 2.1".

    Examples
    --------
    >>> question_label("Q2.1"), question_label("2.1"), question_label("QP.3")
    ('Question 2.1', 'Exercise 2.1', 'Question P.3')
    """
    if IN_FLOW_NUMBER.fullmatch(exercise):
        return _("Question {number}").format(number=exercise[1:])
    return _("Exercise {number}").format(number=exercise)


#: The feedback to an answer left as None (``Feedback`` shows it with "…", not "✗").
_NO_ANSWER = N_("no answer yet: replace None with your answer and run the cell again.")


@dataclass(frozen=True)
class Feedback:
    """The outcome of a self-check: whether it passed and what to tell the student."""

    exercise: str
    passed: bool
    message: str

    def __str__(self) -> str:
        unanswered = self.message.startswith("no answer yet") or self.message == _(_NO_ANSWER)
        mark = "✓" if self.passed else ("…" if unanswered else "✗")
        # TRANSLATORS: a self-check's feedback line, "✓ Exercise 2.1: correct."
        return _("{mark} {label}: {message}").format(
            mark=mark, label=question_label(self.exercise), message=self.message
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython shows the message, not the dataclass
        p.text(str(self))


def _close(x: float, target: float, tol: float | None, rel_tol: float) -> bool:
    bound = tol if tol is not None else max(rel_tol * abs(target), 1e-9)
    return abs(x - target) <= bound


def _judge_number(x: float, payload: dict[str, Any]) -> tuple[bool, str]:
    target, tol, rel = float(payload["answer"]), payload["tol"], float(payload["rel_tol"])
    tol = None if tol is None else float(tol)
    if _close(x, target, tol, rel):
        return True, _("correct.")
    for value, message in payload["hints"]:
        hint = _as_finite(value)  # a key may hold hints of another kind: they do not apply
        if hint is not None and _close(x, hint, tol, rel):
            return False, _key_text(message)
    if target != 0 and _close(-x, target, tol, rel):
        return False, _("right size but the wrong sign: check which way each term enters.")
    if target != 0 and (_close(x / 100, target, tol, rel) or _close(x * 100, target, tol, rel)):
        return False, _("right digits, wrong scale: is it per cent or a fraction (a factor of 100)?")
    if target != 0 and abs(x - target) <= 0.05 * abs(target):
        return (
            False,
            _("close, but not within the tolerance: check rounding and the exact period or share used."),
        )
    if target != 0 and x != 0 and (x > 0) == (target > 0):
        if abs(x) > abs(target):
            return False, _("not yet: your answer is too large. Recheck the formula step by step.")
        return False, _("not yet: your answer is too small. Recheck the formula step by step.")
    return False, _("not yet: recheck the formula step by step.")


def _read_number(answer: Any) -> float | None:
    """A student's answer as a finite float, or None if it cannot be read as one (anything may arrive).

    An integer too large for a float (``10**400``) is a number, just far too large: it reads as the
    largest float of its sign, so that the feedback says "too large" instead of failing.
    """
    if isinstance(answer, bool) or answer is None:
        return None
    if isinstance(answer, str):
        answer = answer.strip().rstrip("%％")  # "3.6%" and the full-width "3.6％" are 3.6
    try:
        value = float(answer)
    except OverflowError:
        if not isinstance(answer, int):
            return None
        return sys.float_info.max if answer > 0 else -sys.float_info.max
    except (TypeError, ValueError, ArithmeticError):
        return None
    return value if math.isfinite(value) else None


def _unreadable_number(answer: object) -> str:
    """The feedback for an answer to a number question that is not a finite number."""
    if isinstance(answer, (list, tuple, Mapping, Set)):
        message = _("could not read {answer} as a finite number: this question asks for one number.")
    elif isinstance(answer, str) and "," in answer:
        message = _("could not read {answer} as a finite number: write decimals with a point, not a comma.")
    else:
        message = _("could not read {answer} as a finite number.")
    return message.format(answer=_show(answer))


def _judge_numbers(answer: Any, payload: dict[str, Any]) -> tuple[bool, str]:
    """Judge a list answer entry by entry; the feedback names the wrong entries, never the right values."""
    target = [float(t) for t in payload["answer"]]
    tol = None if payload["tol"] is None else float(payload["tol"])
    rel = float(payload["rel_tol"])
    n = len(target)
    if isinstance(answer, Mapping):
        return False, _(
            "expected a list of {n} finite numbers; got a dict, whose keys are not its values: "
            "give the numbers as a list, in the order the question asks."
        ).format(n=n)
    if isinstance(answer, Set):
        return False, _(
            "expected a list of {n} finite numbers; got a set, which has no order: "
            "give the numbers as a list."
        ).format(n=n)
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__len__"):
        return False, _("expected {n} numbers (a list); got {answer}.").format(n=n, answer=_show(answer))
    try:
        entries = list(answer) if len(answer) == len(target) else None
    except (TypeError, ValueError, OverflowError):  # a length or entries that cannot be read
        entries = None
    if entries is None or len(entries) != len(target):
        return False, _("expected a list of {n} finite numbers; got {answer}.").format(
            n=n, answer=_show(answer)
        )
    read = [_read_number(a) for a in entries]
    if None in read:
        i = read.index(None)
        return False, _(
            "expected a list of {n} finite numbers; entry {entry}, {value}, is not a finite number."
        ).format(n=n, entry=i + 1, value=_show(entries[i]))
    values = [v for v in read if v is not None]
    wrong = [i + 1 for i, (v, t) in enumerate(zip(values, target, strict=True)) if not _close(v, t, tol, rel)]
    if not wrong:
        return True, _("correct.")
    for value, message in payload["hints"]:
        hint = [_as_finite(v) for v in value] if isinstance(value, list) else []
        if len(hint) == len(values) and all(
            h is not None and _close(v, h, tol, rel) for v, h in zip(values, hint, strict=True)
        ):
            return False, _key_text(message)
    if len(wrong) == 1:
        return False, _("entry {entry} is not right yet; the others are.").format(entry=wrong[0])
    return False, _("entries {entries} are not right yet; the others are.").format(entries=wrong)


def _judge_text(answer: Any, payload: dict[str, Any]) -> tuple[bool, str]:
    """Judge a text answer after trimming and lower-casing; numbers typed without quotes are read as text.

    The catalogue's translation of each accepted answer (and of each hint's value) is accepted too,
    after the same normalisation: in Chinese a student may answer in Chinese. In English ``_`` returns
    the text unchanged, so nothing else is accepted.
    """
    try:
        given = _norm_text(answer)
    except Exception:  # str() of the answer failed (10**5000, or an odd object)
        return False, _("could not read {answer} as text: type your answer in quotes.").format(
            answer=_show(answer)
        )
    if given in payload["answer"] or given in {_norm_text(_key_text(a)) for a in payload["answer"]}:
        return True, _("correct.")
    hint = [
        m
        for v, m in payload["hints"]
        if isinstance(v, str) and given in (_norm_text(v), _norm_text(_key_text(v)))
    ]
    return False, _key_text(hint[0]) if hint else _("not this one: reread the question and try again.")


def _judge_choice(answer: Any, payload: dict[str, Any]) -> tuple[bool, str]:
    """Judge the label of a chosen option; every option has its own message, the right one included."""
    options: dict[str, str] = payload["options"]
    given = _option_label(answer) if isinstance(answer, str) else ""
    if given == payload["answer"]:
        return True, _("correct. {feedback}").format(feedback=_key_text(options[given]))
    if given in options:
        return False, _("not ({label}): {feedback}").format(label=given, feedback=_key_text(options[given]))
    # TRANSLATORS: joins the options' letters, "(a) or (b) or (c)"; keep the spaces your language needs.
    labels = _(" or ").join(f"({label})" for label in options)
    first = next(iter(options))
    return (
        False,
        _(
            '{answer} is not one of the options: type the letter of {labels} in quotes, such as "{first}".'
        ).format(answer=_show(answer), labels=labels, first=first),
    )


def _exercise_name(exercise: object) -> str:
    """The exercise's number as text ("2.1"); a ValueError for anything that cannot name an exercise."""
    name, number = "", _as_finite(exercise)
    if isinstance(exercise, str):
        name = exercise.strip()
    elif number is not None and abs(number) < 1e15:
        name = str(exercise)  # 2.1 -> "2.1"; text is safer: 2.10 would be "2.1"
    if not name or len(name) > 40 or not name.isprintable():
        raise ValueError(
            _(
                "exercise must be the exercise's number as text, such as '2.1' "
                "(1 to 40 printable characters); got {exercise}"
            ).format(exercise=_show(exercise))
        )
    return name


def check(exercise: str | float, answer: Any, key: str, record: bool = True) -> Feedback:
    """Check an answer against its key and return graded feedback.

    Parameters
    ----------
    exercise : str
        Exercise number as printed in the notebook, for example ``"2.1"``
        (any text of 1 to 40 printable characters, such as ``"2.1b"``).
    answer : float, sequence of float, or str
        The student's answer. ``None`` means "not answered yet". Numbers may be
        given as text ("3.6" or "3.6%"). Anything else gets feedback that
        names the mistake, never an error.
    key : str
        The key printed in the notebook (made with :func:`encode_answer`).
    record : bool, default True
        Whether a pass is written to the local progress file. Solution cells
        pass ``record=False`` so that reading a solution does not count.

    Returns
    -------
    Feedback
        Shown as one line in a notebook; ``.passed`` is True or False.

    Raises
    ------
    ValueError
        If ``exercise`` cannot name an exercise, ``key`` is not a valid key, or
        ``record`` is not True or False. A pass that cannot be recorded (the
        storage cannot be written) gives a :class:`ProgressWarning`, not an
        error.

    Examples
    --------
    >>> key = encode_answer(3.6, tol=0.05)
    >>> print(check("demo", 3.62, key, record=False))
    ✓ Exercise demo: correct.
    >>> print(check("demo", -3.6, key, record=False))
    ✗ Exercise demo: right size but the wrong sign: check which way each term enters.
    >>> print(check("demo", 10**400, key, record=False))
    ✗ Exercise demo: not yet: your answer is too large. Recheck the formula step by step.
    """
    name = _exercise_name(exercise)
    payload = decode_answer(key)
    record = as_bool("record", record)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(name, False, _(_NO_ANSWER))
    kind = payload["kind"]
    if kind == "choice":
        passed, message = _judge_choice(answer, payload)
    elif kind == "text":
        passed, message = _judge_text(answer, payload)
    elif kind == "numbers":
        passed, message = _judge_numbers(answer, payload)
    else:
        x = _read_number(answer)
        if x is None:
            return Feedback(name, False, _unreadable_number(answer))
        passed, message = _judge_number(x, payload)
    if passed and record:
        _record(name)
    return Feedback(name, passed, message)


# --------------------------------------------------------------------------- #
# Progress on disk (see the module docstring for the design)
# --------------------------------------------------------------------------- #
class ProgressWarning(UserWarning):
    """Progress could not be read or saved, or a damaged progress file was kept aside."""


#: How long a kernel waits for another one to finish writing the progress file, in seconds.
_LOCK_WAIT = 10.0
#: How often ``os.replace`` is tried when another program holds the file open (Windows), 50 ms apart.
_REPLACE_TRIES = 20
#: Progress files whose storage problem has already been reported in this session.
_REPORTED: set[str] = set()

if sys.platform == "win32":
    import msvcrt

    def _lock_now(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_now(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


#: The errors of a lock that another process holds (any other error: the file system has no locks).
_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


def _progress_file() -> Path:
    """The progress file: ``NQP_PROGRESS_FILE`` with ``~`` expanded, or ``~/.nqp_helpers/progress.json``."""
    value = os.environ.get("NQP_PROGRESS_FILE")
    if value is None:
        return Path.home() / ".nqp_helpers" / "progress.json"
    if not value.strip():
        raise ValueError(
            _(
                "NQP_PROGRESS_FILE must name a file, such as ~/.nqp_helpers/progress.json, or be unset; "
                "got {value!r}"
            ).format(value=value)
        )
    try:
        return Path(value).expanduser()
    except RuntimeError:  # "~someone" who is not a user of this computer
        raise ValueError(
            _("NQP_PROGRESS_FILE must name a file in a home folder that exists; got {value!r}").format(
                value=value
            )
        ) from None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the lock on ``<path>.lock`` while the block runs: other kernels wait until it ends.

    The lock belongs to this process, and the operating system releases it when the process ends.
    Where no lock file can be made (a read-only folder: nothing can be written there anyway) or the
    file system has no locks, the block runs unlocked. TimeoutError if another process holds the
    lock for more than ``_LOCK_WAIT`` seconds.
    """
    lock_path = path.with_name(path.name + ".lock")
    fd = None
    with contextlib.suppress(OSError):  # no lock file here means nothing can be written here either
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    if fd is None:
        yield
        return
    try:
        locked = _wait_for_lock(fd, lock_path)
        try:
            yield
        finally:
            if locked:
                _unlock(fd)
    finally:
        os.close(fd)


def _wait_for_lock(fd: int, lock_path: Path) -> bool:
    """Take the lock on ``fd``, waiting while another process holds it; False if locks do not work here."""
    give_up = time.monotonic() + _LOCK_WAIT
    pause = 0.001
    while True:
        try:
            _lock_now(fd)
            return True
        except OSError as exc:
            if exc.errno not in _BUSY:
                return False
        if time.monotonic() > give_up:
            raise TimeoutError(
                _("another program has held {path} for over {seconds:.0f} s").format(
                    path=lock_path, seconds=_LOCK_WAIT
                )
            )
        time.sleep(pause)
        pause = min(2 * pause, 0.05)


def _read(path: Path) -> list[str] | None:
    """The exercises recorded in ``path``: [] if there is no file yet, None if the file is damaged.

    OSError if the file cannot be read (a folder, no permission).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (ValueError, RecursionError):  # not UTF-8, not JSON
        return None
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        return None
    return list(dict.fromkeys(data))


def _load(path: Path) -> list[str]:
    """The exercises recorded in ``path``; a damaged file is kept aside first and a new list starts.

    Call it holding the lock, so that it never moves the new file another kernel has just written.
    """
    done = _read(path)
    if done is None:
        _keep_aside(path)
        return []
    return done


def _keep_aside(path: Path) -> None:
    """Rename a damaged progress file to ``<name>.damaged-<date>-<time>`` (never over another file)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while os.path.lexists(aside):
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(aside)
    except OSError as exc:
        raise OSError(
            _("it is damaged and could not be renamed to {name} ({reason})").format(
                name=aside.name, reason=_reason(exc)
            )
        ) from None
    _warn(
        _(
            "your progress file {path} was damaged (it is not a list of exercise numbers). It is kept, "
            "unchanged, as {aside}, and a new progress file is started."
        ).format(path=path, aside=aside)
    )


def _write_atomically(path: Path, done: list[str]) -> None:
    """Write the list to a temporary file in the same folder, sync it to disk, then move it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8") as file:
            json.dump(done, file, indent=1, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        _replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def _replace(source: str, target: Path) -> None:
    """``os.replace``, tried again for a moment while another program (a reader, an antivirus) holds the
    target open, which Windows does not allow."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_TRIES - 1 or target.is_dir():
                raise
            time.sleep(0.05)


def _reason(exc: OSError) -> str:
    """Why a file operation failed, in a few words."""
    if isinstance(exc, IsADirectoryError) or (exc.filename and os.path.isdir(exc.filename)):
        return _("it is a folder, not a file")
    if exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc)


def _warn(message: str) -> None:
    """Give a ProgressWarning that points at the first caller outside this module (the notebook cell)."""
    level, frame = 1, inspect.currentframe()
    while frame is not None and frame.f_code.co_filename == __file__:
        level, frame = level + 1, frame.f_back
    warnings.warn(message, ProgressWarning, stacklevel=level)


def _warn_once(problem: str, message: str) -> None:
    """Give the warning about ``problem`` (a progress file, a setting) once per session."""
    if problem not in _REPORTED:
        _REPORTED.add(problem)
        _warn(message)


def _report_storage_problem(path: Path, exc: OSError) -> None:
    """Warn, once per session for each progress file, that passes cannot be saved there."""
    _warn_once(
        str(path),
        _(
            "your progress cannot be saved in {path} ({reason}). The self-checks still work, but "
            "passes may not be recorded in this session: set the environment variable NQP_PROGRESS_FILE "
            "to a file in a folder you can write to."
        ).format(path=path, reason=_reason(exc)),
    )


def _record(exercise: str) -> None:
    """Add ``exercise`` to the progress file, holding the lock; a storage problem is a warning."""
    try:
        path = _progress_file()
    except ValueError as exc:  # the self-check itself still gives its feedback
        _warn_once(str(exc), _("your passes are not recorded: {problem}").format(problem=exc))
        return
    try:
        with _locked(path):
            done = _load(path)
            if exercise not in done:
                _write_atomically(path, sorted([*done, exercise], key=_sort_key))
    except OSError as exc:  # a read-only home must not break a lesson
        _report_storage_problem(path, exc)


def _sort_key(name: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Notebook order, which never fails: "2.9" before "2.10", "2.1" before "2.1b", numbers before "demo".

    Runs of digits compare as numbers (by length without leading zeros, then digit by digit, so that
    no run is too long to compare), other runs as text; "2-3" sorts as "2.3".
    """
    parts = []
    for run in re.findall(r"[0-9]+|[^0-9]+", name.replace("-", ".")):
        if run[0] in "0123456789":
            digits = run.lstrip("0")
            parts.append((0, len(digits), digits))
        else:
            parts.append((1, 0, run.casefold()))
    return tuple(parts), name


def progress() -> list[str]:
    """List the exercises passed on this computer, in notebook order.

    Returns
    -------
    list of str
        Empty if nothing is recorded yet, or if the progress file cannot be
        read (a :class:`ProgressWarning` says why). A damaged file is kept
        aside, with a warning that says where.

    Raises
    ------
    ValueError
        If ``NQP_PROGRESS_FILE`` is set but empty.
    """
    path = _progress_file()
    try:
        done = _read(path)
        if done is None:  # damaged: keep it aside, holding the lock so that no new file is moved
            with _locked(path):
                done = _load(path)
    except OSError as exc:
        _report_storage_problem(path, exc)
        return []
    return sorted(done, key=_sort_key)


def reset_progress() -> None:
    """Forget all recorded passes (deletes the progress file; a damaged one is kept aside instead).

    Raises
    ------
    OSError
        If the progress file cannot be deleted (a read-only folder, a path
        that is a folder); the message says which file and why.
    ValueError
        If ``NQP_PROGRESS_FILE`` is set but empty.
    """
    path = _progress_file()
    if not os.path.lexists(path):
        return
    try:
        with _locked(path):
            _load(path)
            path.unlink(missing_ok=True)
    except OSError as exc:
        raise OSError(
            _(
                "could not reset your progress: {path} cannot be deleted ({reason}). Delete it "
                "yourself, or set the environment variable NQP_PROGRESS_FILE to another file."
            ).format(path=path, reason=_reason(exc))
        ) from None
