"""Input validation shared by the package.

Every public function checks its arguments here, at the boundary, so that bad
input raises a ``ValueError`` that names the argument, the rule it broke and the
offending value or position, instead of a traceback from deep inside numpy or a
silently wrong number.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from .i18n import N_, _

__all__ = [
    "as_bool",
    "as_numeric",
    "as_array_in",
    "as_float_or_array",
    "as_levels",
    "as_shares",
    "as_years",
    "as_scalar",
    "as_finite",
    "as_whole_number",
]


def _refuse_masked(name: str, value: Any) -> Any:
    """Return the data of a numpy masked array that masks nothing; refuse one that masks a value.

    A masked array hides values behind its mask, and ``np.asarray`` would
    silently unmask them: the hidden numbers would enter the computation.
    """
    if not isinstance(value, np.ma.MaskedArray):
        return value
    mask = np.ma.getmaskarray(value)
    if mask.any():
        pos = tuple(int(p) for p in np.argwhere(mask)[0]) if mask.ndim else ()
        if pos:
            message = _(
                "{name} must not be a masked array with masked values; got {count} masked value(s), "
                "the first at position {pos}: pass a plain array (NaN marks a missing value where one "
                "is allowed)"
            )
        else:
            message = _(
                "{name} must not be a masked array with masked values; got {count} masked value(s): "
                "pass a plain array (NaN marks a missing value where one is allowed)"
            )
        raise ValueError(message.format(name=name, count=int(mask.sum()), pos=_fmt(pos) if pos else ""))
    return np.ma.getdata(value)


def _to_float(name: str, arr: np.ndarray) -> np.ndarray:
    """``arr`` as a new float array; a Python integer too large for a float is refused."""
    try:
        return arr.astype(float, copy=True)
    except OverflowError:
        raise ValueError(
            _("{name} must hold numbers a float can store (|x| < 1.8e308); got a larger integer").format(
                name=name
            )
        ) from None


def as_numeric(name: str, value: Any) -> np.ndarray:
    """Return ``value`` as a float array, refusing anything that is not a number.

    Refused, with a ``ValueError`` naming ``name``: text, booleans, ``None`` and
    other non-numbers; ragged lists; a masked array that masks a value; an
    integer too large for a float.

    Examples
    --------
    >>> as_numeric("output", [1, 2.5])
    array([1. , 2.5])
    >>> as_numeric("output", [[1, 2], [3]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: output must be a rectangular array of numbers; got [[1, 2], [3]]
    """
    if isinstance(value, (str, bytes)):
        raise ValueError(_("{name} must be numeric; got the text {value!r}").format(name=name, value=value))
    value = _refuse_masked(name, value)
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and other oddities
        raise ValueError(
            _("{name} must be a rectangular array of numbers; got {value!r}").format(name=name, value=value)
        ) from exc
    if arr.dtype.kind not in "iuf":
        # Find the first item that is not a real number, in the caller's own terms.
        items = np.asarray(value, dtype=object) if arr.dtype.kind in "OUSb" else arr
        for pos, item in np.ndenumerate(items):
            if isinstance(item, (bool, np.bool_)) or not isinstance(item, numbers.Real):
                if pos:
                    message = _("{name} must contain only numbers; got {item!r} at position {pos}")
                else:
                    message = _("{name} must contain only numbers; got {item!r}")
                raise ValueError(message.format(name=name, item=item, pos=_fmt(pos) if pos else ""))
        if arr.dtype.kind != "O":
            raise ValueError(
                _("{name} must contain only numbers; got an array of dtype {dtype}").format(
                    name=name, dtype=arr.dtype
                )
            )
    return _to_float(name, arr)


def as_bool(name: str, value: object) -> bool:
    """Validate a switch: ``True`` or ``False`` (a numpy bool too), never a merely truthy value.

    Examples
    --------
    >>> as_bool("allow_missing", False)
    False
    >>> as_bool("allow_missing", "no")
    Traceback (most recent call last):
    ...
    ValueError: allow_missing must be True or False; got 'no'
    """
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(_("{name} must be True or False; got {value!r}").format(name=name, value=value))
    return bool(value)


def _fmt(pos: tuple[int, ...]) -> str:
    """Format an index tuple as ``3`` or ``(2, 5)``."""
    return str(pos[0]) if len(pos) == 1 else str(tuple(int(p) for p in pos))


def _where(pos: tuple[int, ...], years: np.ndarray | None) -> str:
    """Describe a position, adding the year when years are known."""
    if years is not None:
        return _("position {pos} (year {year:g})").format(pos=_fmt(pos), year=years[pos[-1]])
    return _("position {pos}").format(pos=_fmt(pos))


def as_levels(
    name: str, value: Any, ndim: int = 1, years: np.ndarray | None = None, allow_missing: bool = False
) -> np.ndarray:
    """Validate a series (or panel) of levels that must be strictly positive.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : array_like
        Levels, shape (T,) when ``ndim == 1`` or (N, T) when ``ndim == 2``.
    ndim : {1, 2}
        Required number of dimensions.
    years : ndarray, optional
        Years of the last axis, used only to make error messages precise.
    allow_missing : bool
        If True, NaN marks a missing value and is kept; infinities and
        non-positive numbers are still refused.

    Returns
    -------
    ndarray of float

    Raises
    ------
    ValueError
        If the value is not numeric, has the wrong number of dimensions, or
        holds a non-finite or non-positive level.
    """
    arr = as_numeric(name, value)
    if arr.ndim != ndim:
        if ndim != 1:
            message = _("{name} must be a 2-D panel (countries x years); got an array of shape {shape}")
        elif arr.ndim == 2:
            message = _(
                "{name} must be a 1-D series (one value per year); got an array of shape {shape} "
                "(use decompose_panel for a countries x years panel)"
            )
        else:
            message = _("{name} must be a 1-D series (one value per year); got an array of shape {shape}")
        raise ValueError(message.format(name=name, shape=arr.shape))
    nan = np.isnan(arr)
    if nan.any() and not allow_missing:
        pos = np.argwhere(nan)[0]
        raise ValueError(
            _("{name} must be finite; got nan at {where}").format(name=name, where=_where(tuple(pos), years))
        )
    inf = np.isinf(arr)
    if inf.any():
        pos = tuple(np.argwhere(inf)[0])
        raise ValueError(
            _("{name} must be finite; got {value} at {where}").format(
                name=name, value=arr[pos], where=_where(pos, years)
            )
        )
    with np.errstate(invalid="ignore"):
        bad = ~nan & (arr <= 0)
    if bad.any():
        pos = tuple(np.argwhere(bad)[0])
        raise ValueError(
            _("{name} must be strictly positive; got {value:g} at {where}").format(
                name=name, value=arr[pos], where=_where(pos, years)
            )
        )
    return arr


def as_shares(
    name: str,
    value: Any,
    shape: tuple[int, ...],
    years: np.ndarray | None = None,
    allow_missing: bool = False,
    axis: str | None = None,
) -> np.ndarray:
    """Validate a share (scalar, per year, per country, or per country and year) in [0, 1].

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : float or array_like
        A scalar, an array of length T (the last axis of ``shape``), for a
        panel an array of length N (one share per country, with
        ``axis="countries"``), or an array of exactly ``shape``.
    shape : tuple of int
        Shape of the levels the share goes with, (T,) or (N, T).
    years, allow_missing
        As in :func:`as_levels`.
    axis : {None, "years", "countries"}
        For a panel, what a 1-D share runs over. None reads length T as one
        share per year and refuses the ambiguous case N == T.

    Returns
    -------
    ndarray of float, broadcast to ``shape``

    Raises
    ------
    ValueError
        If the share is not numeric, has a shape that fits neither reading,
        is ambiguous (N == T without ``axis``), or lies outside [0, 1].

    Examples
    --------
    >>> as_shares("capital_share", [0.3, 0.4], (2, 3), axis="countries")
    array([[0.3, 0.3, 0.3],
           [0.4, 0.4, 0.4]])
    >>> as_shares("capital_share", [0.3, 0.4], (2, 2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: capital_share is ambiguous: its length 2 is both the number of countries and ...
    """
    if axis not in (None, "years", "countries"):
        raise ValueError(
            _("the shares' axis must be None, 'years' or 'countries'; got {axis!r}").format(axis=axis)
        )
    arr = as_numeric(name, value)
    per_country = len(shape) == 2 and arr.ndim == 1 and axis == "countries"
    if arr.ndim == 1 and len(shape) == 2 and axis is None and shape[0] == shape[1]:
        raise ValueError(
            _(
                "{name} is ambiguous: its length {length} is both the number of countries and the "
                "number of years; pass shares_axis='years' (one share per year) or "
                "shares_axis='countries' (one share per country)"
            ).format(name=name, length=arr.shape[0])
        )
    if arr.ndim == 0:
        arr = np.full(shape, float(arr))
    elif per_country and arr.shape == shape[:1]:
        arr = np.broadcast_to(arr[:, None], shape).copy()
    elif arr.shape == shape[-1:] and not per_country:
        arr = np.broadcast_to(arr, shape).copy()
    elif arr.shape != shape:
        if per_country:
            message = _(
                "{name} must be a scalar, one value per country (length {countries}) or of shape {shape}; "
                "got shape {got}"
            )
        elif len(shape) == 2 and arr.ndim == 1 and arr.shape[0] == shape[0]:
            message = _(
                "{name} must be a scalar, one value per year (length {years}) (for one value per country "
                "pass shares_axis='countries') or of shape {shape}; got shape {got}"
            )
        else:
            message = _(
                "{name} must be a scalar, one value per year (length {years}) or of shape {shape}; "
                "got shape {got}"
            )
        raise ValueError(
            message.format(name=name, countries=shape[0], years=shape[-1], shape=shape, got=arr.shape)
        )
    nan = np.isnan(arr)
    if nan.any() and not allow_missing:
        pos = tuple(np.argwhere(nan)[0])
        raise ValueError(
            _("{name} must be a number in [0, 1]; got nan at {where}").format(
                name=name, where=_where(pos, years)
            )
        )
    with np.errstate(invalid="ignore"):
        bad = ~nan & ((arr < 0) | (arr > 1))
    if bad.any():
        pos = tuple(np.argwhere(bad)[0])
        if np.ndim(value) == 0:
            message = _("{name} must lie in [0, 1]; got {value:g}")
        else:
            message = _("{name} must lie in [0, 1]; got {value:g} at {where}")
        raise ValueError(message.format(name=name, value=arr[pos], where=_where(pos, years)))
    return arr


def as_years(years: Any, length: int) -> np.ndarray | None:
    """Validate years: 1-D, numeric, finite, strictly increasing, of the given length.

    Returns
    -------
    ndarray of float or None
        None when ``years`` is None.
    """
    if years is None:
        return None
    arr = as_numeric("years", years)
    if arr.ndim != 1:
        raise ValueError(_("years must be 1-D; got an array of shape {shape}").format(shape=arr.shape))
    if arr.shape[0] != length:
        raise ValueError(
            _("years must have one entry per observation ({length}); got {got}").format(
                length=length, got=arr.shape[0]
            )
        )
    if not np.isfinite(arr).all():
        pos = int(np.argwhere(~np.isfinite(arr))[0][0])
        raise ValueError(
            _("years must be finite; got {value} at position {pos}").format(value=arr[pos], pos=pos)
        )
    step = np.diff(arr)
    if (step == 0).any():
        pos = int(np.argwhere(step == 0)[0][0]) + 1
        raise ValueError(
            _("years must not repeat; {year:g} appears twice (position {pos})").format(year=arr[pos], pos=pos)
        )
    if (step < 0).any():
        pos = int(np.argwhere(step < 0)[0][0]) + 1
        raise ValueError(
            _(
                "years must be sorted in increasing order; {year:g} at position {pos} follows {previous:g}"
            ).format(year=arr[pos], pos=pos, previous=arr[pos - 1])
        )
    return arr


def as_scalar(
    name: str,
    value: Any,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Validate a real scalar, optionally inside an interval.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : float
        The value to check.
    low, high : float, optional
        Bounds of the allowed interval.
    low_open, high_open : bool
        Whether each bound is excluded.

    Returns
    -------
    float
    """
    value = _refuse_masked(name, value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
            value = value.item()
        else:
            raise ValueError(_("{name} must be a real number; got {value!r}").format(name=name, value=value))
    try:
        value = float(value)
    except OverflowError:
        raise ValueError(
            _("{name} must be finite; got an integer too large for a float (> 1.8e308)").format(name=name)
        ) from None
    if not np.isfinite(value):
        raise ValueError(_("{name} must be finite; got {value}").format(name=name, value=value))
    lo_bad = low is not None and (value <= low if low_open else value < low)
    hi_bad = high is not None and (value >= high if high_open else value > high)
    if lo_bad or hi_bad:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        raise ValueError(
            _("{name} must lie in {interval}; got {value:g}").format(
                name=name, interval=f"{left}{lo}, {hi}{right}", value=value
            )
        )
    return value


def as_array_in(
    name: str,
    value: Any,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> np.ndarray:
    """Return ``value`` as a float array whose every entry lies in the given interval.

    Raises ValueError naming the argument, the rule and the first offending value.
    """
    if isinstance(value, (str, bytes)):
        raise ValueError(_("{name} must be numeric; got the text {value!r}").format(name=name, value=value))
    value = _refuse_masked(name, value)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            _("{name} must be a number or an array of numbers; got {value!r}").format(name=name, value=value)
        ) from exc
    except OverflowError:
        raise ValueError(
            _("{name} must hold numbers a float can store (|x| < 1.8e308)").format(name=name)
        ) from None
    if np.asarray(value).dtype.kind == "b":
        raise ValueError(
            _("{name} must be a number, not a boolean; got {value!r}").format(name=name, value=value)
        )
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(_("{name} must be finite; got {value}").format(name=name, value=arr[bad].flat[0]))
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    lo_txt = "-inf" if low is None else f"{low:g}"
    hi_txt = "inf" if high is None else f"{high:g}"
    out = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        out |= (arr <= low) if low_open else (arr < low)
    if high is not None:
        out |= (arr >= high) if high_open else (arr > high)
    if out.any():
        raise ValueError(
            _("{name} must lie in {interval}; got {value:g}").format(
                name=name, interval=f"{left}{lo_txt}, {hi_txt}{right}", value=arr[out].flat[0]
            )
        )
    return arr


def as_float_or_array(x: Any) -> float | np.ndarray:
    """A 0-d array becomes a float; anything else stays an array."""
    x = np.asarray(x, dtype=float)
    return float(x) if x.ndim == 0 else x


def as_whole_number(name: str, value: object, low: float | None = None, high: float | None = None) -> int:
    """Validate a whole number (a count of points, firms, steps), optionally inside ``[low, high]``.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : int or float
        The value to check; 3.0 is accepted as 3, 2.5 is refused.
    low, high : float, optional
        Bounds of the allowed (closed) interval.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If the value is not a real number, lies outside ``[low, high]`` or is
        not whole; the message names the argument, the rule and the value.

    Examples
    --------
    >>> as_whole_number("n_firms", 2000.0, low=3)
    2000
    """
    number = as_scalar(name, value, low=low, high=high)
    if number != int(number):
        raise ValueError(_("{name} must be a whole number; got {value:g}").format(name=name, value=number))
    return int(number)


def as_finite(name: str, value: object, sign: str | None = None) -> np.ndarray:
    """Validate an array of finite numbers, optionally non-negative or strictly positive.

    Unlike :func:`as_array_in`, the message gives the position of the first
    offending entry, which helps with quantities stored element by element.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : float or array_like
        The numbers to check.
    sign : {None, "non-negative", "positive"}
        None accepts any finite number; "non-negative" refuses negative
        numbers; "positive" refuses zero too.

    Returns
    -------
    ndarray of float

    Raises
    ------
    ValueError
        If the value is not numeric, holds a non-finite number or breaks the
        sign rule; the message names the argument, the rule, the first
        offending value and (for arrays) its position.

    Examples
    --------
    >>> as_finite("prices", [200.0, 150.0, 4.0], sign="positive")
    array([200., 150.,   4.])
    >>> as_finite("quantities", [10.0, -5.0], sign="non-negative")
    Traceback (most recent call last):
    ...
    ValueError: quantities must be non-negative; got -5 at position 1
    """
    if sign not in (None, "non-negative", "positive"):
        raise ValueError(_("sign must be None, 'non-negative' or 'positive'; got {sign!r}").format(sign=sign))
    arr = as_numeric(name, value)
    bad = ~np.isfinite(arr)
    if not bad.any() and sign is not None:
        bad = arr <= 0 if sign == "positive" else arr < 0
        rule = sign
    else:
        rule = "finite"
    if bad.any():
        pos = tuple(int(p) for p in np.argwhere(bad)[0])
        got = f"{arr[pos]:g}" if rule != "finite" else f"{arr[pos]}"
        raise ValueError(
            _(_FINITE_RULES[rule, bool(arr.ndim)]).format(name=name, got=got, pos=_fmt(pos) if pos else "")
        )
    return arr


#: The messages of :func:`as_finite`, by rule and by whether the value is an array (with a position).
_FINITE_RULES = {
    ("finite", True): N_("{name} must be finite; got {got} at position {pos}"),
    ("finite", False): N_("{name} must be finite; got {got}"),
    ("positive", True): N_("{name} must be strictly positive; got {got} at position {pos}"),
    ("positive", False): N_("{name} must be strictly positive; got {got}"),
    ("non-negative", True): N_("{name} must be non-negative; got {got} at position {pos}"),
    ("non-negative", False): N_("{name} must be non-negative; got {got}"),
}
