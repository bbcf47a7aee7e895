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

Passed exercises are recorded in a small JSON file on this computer (by default
``~/.nqp_helpers/progress.json``; set the environment variable
``NQP_PROGRESS_FILE`` to put it elsewhere). Nothing is sent anywhere.
"""

from __future__ import annotations

import base64
import json
import math
import numbers
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Feedback", "check", "encode_answer", "decode_answer", "progress", "reset_progress"]

_PREFIX = "nqp1:"
_MASK = "new quality productive forces / 新质生产力".encode()


def _scramble(data: bytes) -> bytes:
    return bytes(b ^ _MASK[i % len(_MASK)] for i, b in enumerate(data))


def encode_answer(
    answer: float | Sequence[float] | str | Sequence[str],
    tol: float | None = None,
    rel_tol: float | None = None,
    hints: Iterable[tuple[float | str, str]] | None = None,
    kind: str | None = None,
) -> str:
    """Encode an exercise answer into a key for :func:`check` (for instructors).

    Parameters
    ----------
    answer : float, sequence of float, or str (or list of accepted str)
        The right answer. Text answers are compared case-insensitively after
        trimming spaces; give a list to accept several equivalent forms.
    tol : float, optional
        Absolute tolerance for numbers. Default: 0.5 per cent of the answer's
        size (rel_tol = 0.005) with a floor of 1e-9.
    rel_tol : float, optional
        Relative tolerance, used when ``tol`` is None.
    hints : list of (value, message), optional
        Common wrong answers and the feedback to give when a student gives one
        (within the same tolerance). For text answers, value is a string.
    kind : {"number", "numbers", "text"}, optional
        Inferred from ``answer`` when omitted.

    Returns
    -------
    str
        A key beginning with ``"nqp1:"``.

    Raises
    ------
    ValueError
        If the answer is not a finite number, a sequence of them, or text.

    Examples
    --------
    >>> key = encode_answer(2.5, tol=0.05)
    >>> decode_answer(key)["answer"]
    2.5
    """
    if kind is None:
        if isinstance(answer, str) or (
            isinstance(answer, (list, tuple)) and answer and all(isinstance(a, str) for a in answer)
        ):
            kind = "text"
        elif isinstance(answer, numbers.Real) and not isinstance(answer, bool):
            kind = "number"
        elif isinstance(answer, (list, tuple)) and answer:
            kind = "numbers"
        else:
            raise ValueError(f"answer must be a number, a list of numbers or text; got {answer!r}")
    payload: dict[str, Any]
    if kind == "text":
        accepted = [answer] if isinstance(answer, str) else _entries(answer)
        payload = {"kind": "text", "answer": [_norm_text(a) for a in accepted]}
    elif kind in ("number", "numbers"):
        values = [_finite_number(v) for v in ([answer] if kind == "number" else _entries(answer))]
        payload = {
            "kind": kind,
            "answer": values[0] if kind == "number" else values,
            "tol": None if tol is None else float(tol),
            "rel_tol": 0.005 if rel_tol is None else float(rel_tol),
        }
    else:
        raise ValueError(f"kind must be 'number', 'numbers' or 'text'; got {kind!r}")
    payload["hints"] = [[h, str(m)] for h, m in (hints or [])]
    raw = zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    return _PREFIX + base64.urlsafe_b64encode(_scramble(raw)).decode("ascii")


def _entries(answer: object) -> list[object]:
    """The entries of an answer given as a list, a tuple or an array; any other answer is its one entry."""
    return list(answer) if isinstance(answer, Iterable) else [answer]


def _finite_number(value: object) -> float:
    """``value`` as a float; ValueError unless it is a finite real number (True and False are not)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"answer must contain finite numbers only; got {value!r}")
    return float(value)


def decode_answer(key: str) -> dict[str, Any]:
    """Decode a key made by :func:`encode_answer` (for instructors and tests).

    Raises
    ------
    ValueError
        If ``key`` is not a valid key.
    """
    if not isinstance(key, str) or not key.startswith(_PREFIX):
        raise ValueError(f"key must be a string starting with {_PREFIX!r}; got {key!r:.40}")
    try:
        raw = _scramble(base64.urlsafe_b64decode(key[len(_PREFIX) :].encode("ascii")))
        return json.loads(zlib.decompress(raw).decode("utf-8"))
    except Exception as exc:
        raise ValueError("key is damaged: it could not be decoded; copy it again from the notebook") from exc


def _norm_text(text: object) -> str:
    return " ".join(str(text).strip().lower().split())


@dataclass(frozen=True)
class Feedback:
    """The outcome of a self-check: whether it passed and what to tell the student."""

    exercise: str
    passed: bool
    message: str

    def __str__(self) -> str:
        mark = "✓" if self.passed else ("…" if self.message.startswith("no answer yet") else "✗")
        return f"{mark} Exercise {self.exercise}: {self.message}"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython shows the message, not the dataclass
        p.text(str(self))


def _close(x: float, target: float, tol: float | None, rel_tol: float) -> bool:
    bound = tol if tol is not None else max(rel_tol * abs(target), 1e-9)
    return abs(x - target) <= bound


def _judge_number(x: float, payload: dict[str, Any]) -> tuple[bool, str]:
    target, tol, rel = payload["answer"], payload["tol"], payload["rel_tol"]
    if _close(x, target, tol, rel):
        return True, "correct."
    for value, message in payload["hints"]:
        if isinstance(value, (int, float)) and _close(x, value, tol, rel):
            return False, message
    if target != 0 and _close(-x, target, tol, rel):
        return False, "right size but the wrong sign: check which way each term enters."
    if target != 0 and (_close(x / 100, target, tol, rel) or _close(x * 100, target, tol, rel)):
        return False, "right digits, wrong scale: is it per cent or a fraction (a factor of 100)?"
    if target != 0 and abs(x - target) <= 0.05 * abs(target):
        return (
            False,
            "close, but not within the tolerance: check rounding and the exact period or share used.",
        )
    if target != 0 and x != 0 and (x > 0) == (target > 0):
        direction = "too large" if abs(x) > abs(target) else "too small"
        return False, f"not yet: your answer is {direction}. Recheck the formula step by step."
    return False, "not yet: recheck the formula step by step."


def _read_number(answer: Any) -> float | None:
    """A student's answer as a finite float, or None if it cannot be read as one (anything may arrive)."""
    if isinstance(answer, bool) or answer is None:
        return None
    if isinstance(answer, str):
        try:
            answer = float(answer.strip().rstrip("%"))
        except ValueError:
            return None
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def check(exercise: str | float, answer: Any, key: str, record: bool = True) -> Feedback:
    """Check an answer against its key and return graded feedback.

    Parameters
    ----------
    exercise : str
        Exercise number as printed in the notebook, for example ``"2.1"``.
    answer : float, sequence of float, or str
        The student's answer. ``None`` means "not answered yet". Numbers may be
        given as text ("3.6" or "3.6%").
    key : str
        The key printed in the notebook (made with :func:`encode_answer`).
    record : bool, default True
        Whether a pass is written to the local progress file. Solution cells
        pass ``record=False`` so that reading a solution does not count.

    Returns
    -------
    Feedback
        Shown as one line in a notebook; ``.passed`` is True or False.

    Examples
    --------
    >>> key = encode_answer(3.6, tol=0.05)
    >>> print(check("demo", 3.62, key, record=False))
    ✓ Exercise demo: correct.
    >>> print(check("demo", -3.6, key, record=False))
    ✗ Exercise demo: right size but the wrong sign: check which way each term enters.
    """
    payload = decode_answer(key)
    exercise = str(exercise)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(
            exercise, False, "no answer yet: replace None with your answer and run the cell again."
        )
    kind = payload["kind"]
    if kind == "text":
        given = _norm_text(answer)
        if given in payload["answer"]:
            passed, message = True, "correct."
        else:
            hint = [m for v, m in payload["hints"] if _norm_text(v) == given]
            passed, message = False, hint[0] if hint else "not this one: reread the question and try again."
    elif kind == "number":
        x = _read_number(answer)
        if x is None:
            return Feedback(exercise, False, f"could not read {answer!r} as a finite number.")
        passed, message = _judge_number(x, payload)
    else:
        target = payload["answer"]
        if isinstance(answer, (str, bytes)) or not hasattr(answer, "__len__"):
            return Feedback(exercise, False, f"expected {len(target)} numbers (a list); got {answer!r}.")
        read = [_read_number(a) for a in answer]
        values = [v for v in read if v is not None]
        if len(values) != len(target) or len(values) != len(read):
            return Feedback(
                exercise, False, f"expected a list of {len(target)} finite numbers; got {answer!r}."
            )
        wrong = [
            i + 1
            for i, (v, t) in enumerate(zip(values, target, strict=True))
            if not _close(v, t, payload["tol"], payload["rel_tol"])
        ]
        passed = not wrong
        message = "correct." if passed else f"entries {wrong} are not right yet; the others are."
        if len(wrong) == 1:
            message = f"entry {wrong[0]} is not right yet; the others are."
    if passed and record:
        _record(exercise)
    return Feedback(exercise, passed, message)


def _progress_file() -> Path:
    return Path(os.environ.get("NQP_PROGRESS_FILE", Path.home() / ".nqp_helpers" / "progress.json"))


def _record(exercise: str) -> None:
    path = _progress_file()
    done = progress()
    if exercise in done:
        return
    done.append(exercise)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(done, key=_sort_key), indent=1), encoding="utf-8")
    except OSError:  # a read-only home must not break a lesson
        pass


def _sort_key(name: str) -> list[int | str]:
    return [int(p) if p.isdigit() else p for p in str(name).replace("-", ".").split(".")]


def progress() -> list[str]:
    """List the exercises passed on this computer, in notebook order.

    Returns
    -------
    list of str
    """
    path = _progress_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return sorted((str(x) for x in data), key=_sort_key) if isinstance(data, list) else []


def reset_progress() -> None:
    """Forget all recorded passes (deletes the progress file)."""
    path = _progress_file()
    if path.exists():
        path.unlink()
