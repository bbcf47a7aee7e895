"""The language of what the package prints and draws: English (the default) or Simplified Chinese.

Every string a student reads -- self-check feedback, figure titles and labels, widget labels and
notes, table headers, error messages -- is written in English in the source and passed through
:func:`_` where it is used. In Chinese, :func:`_` looks the string up in the catalogue
``nqp_helpers/locale/zh_CN/LC_MESSAGES/nqp_helpers.po`` (compiled to ``.mo`` beside it by
``python -m scripts.translate compile``); a string the catalogue lacks stays English.

Which language
--------------
The first call decides, in this order, and :func:`use_language` overrides it at any time:

1. the environment variable ``NQP_LANG`` (``en`` or ``zh-CN``);
2. the kernel's working folder: a notebook in a folder named ``zh-CN`` (the Chinese edition,
   ``notebooks/zh-CN/``) runs its kernel there, so its figures and feedback are Chinese;
3. English.

Code cells are the same in both editions, so nothing in a notebook has to choose.

For strings built when a module is imported (a table of labels, say), mark them with :func:`N_`
where they are defined and translate them with :func:`_` where they are shown.

The lines a notebook's code cells print themselves (``print(f"TFP growth {g:.2f} % per year")``) are
the same code in both editions. The catalogue holds each such line as a template, ``"TFP growth {0} %
per year"`` (context :data:`PRINTED`); in Chinese, :func:`translate_printed_lines` makes the kernel's
standard output translate every whole line that matches one, filling in the values the code printed.

Examples
--------
>>> use_language("en")
'en'
>>> _("capital")
'capital'
"""

from __future__ import annotations

import gettext
import logging
import os
import re
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, TextIO

LANGUAGES = ("en", "zh-CN")
"""The languages of the collection: English, the source, and Simplified Chinese."""

CHINESE_FOLDER = "zh-CN"
"""The folder of the Chinese edition; a kernel started inside it speaks Chinese."""

PRINTED = "printed line"
"""The context of the catalogue's templates of lines that notebooks' code cells print."""

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "nqp_helpers"

_current: str | None = None


def _gettext_name(language: str) -> str:
    """The gettext name of a language: ``zh-CN`` -> ``zh_CN``."""
    return language.replace("-", "_")


def detect_language(environ: Mapping[str, str] | None = None, folder: str | Path | None = None) -> str:
    """The language a fresh kernel should speak: ``NQP_LANG``, else its folder, else English.

    Parameters
    ----------
    environ : mapping, optional
        The environment (``os.environ`` if None).
    folder : path, optional
        The working folder (the current one if None).

    Returns
    -------
    str
        One of :data:`LANGUAGES`.

    Raises
    ------
    ValueError
        If ``NQP_LANG`` is set to a language the collection does not have.

    Examples
    --------
    >>> detect_language({}, "/home/student/nqp/notebooks/zh-CN")
    'zh-CN'
    >>> detect_language({"NQP_LANG": "en"}, "/home/student/nqp/notebooks/zh-CN")
    'en'
    >>> detect_language({}, "/home/student/nqp/notebooks")
    'en'
    """
    chosen = (os.environ if environ is None else environ).get("NQP_LANG", "").strip()
    if chosen:
        return _checked(chosen, "NQP_LANG")
    here = Path.cwd() if folder is None else Path(folder)
    return CHINESE_FOLDER if CHINESE_FOLDER in here.parts else "en"


def _checked(language: str, name: str) -> str:
    """``language`` in its canonical spelling, or a ValueError naming ``name``."""
    spelled = {lang.lower().replace("_", "-"): lang for lang in LANGUAGES} | {"zh": "zh-CN"}
    key = language.strip().lower().replace("_", "-")
    if key not in spelled:
        raise ValueError(f"{name} must be one of {', '.join(LANGUAGES)}; got {language!r}")
    return spelled[key]


def use_language(language: str | None = None) -> str:
    """Set the language of everything the package prints and draws from now on.

    Parameters
    ----------
    language : str, optional
        ``"en"`` or ``"zh-CN"`` (``"zh"`` and ``"zh_CN"`` are accepted too). None chooses again as a
        fresh kernel would (see the module's docstring).

    Returns
    -------
    str
        The language now in use.

    Raises
    ------
    ValueError
        If ``language`` is not one of the collection's languages.

    Examples
    --------
    >>> use_language("zh")
    'zh-CN'
    >>> use_language("en")
    'en'
    """
    global _current
    _current = detect_language() if language is None else _checked(language, "language")
    if _current != "en":
        _warn_on_missing_glyphs()
    return _current


def current_language() -> str:
    """The language in use (chosen on first call, see the module's docstring)."""
    return _current if _current is not None else use_language()


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language`` (English: no catalogue, strings pass through)."""
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[_gettext_name(language)])


def _(message: str) -> str:
    """``message`` in the language in use (unchanged in English or when the catalogue lacks it).

    Examples
    --------
    >>> use_language("en")
    'en'
    >>> _("output")
    'output'
    """
    return _catalogue(current_language()).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now (see the module's docstring)."""
    return message


class MissingGlyphError(UserWarning):
    """A figure's text has a character that no font of the figure can draw."""


def _refuse_dummy_glyph(record: logging.LogRecord) -> bool:
    """A logging filter: mathtext's "substituting with a dummy symbol" becomes an error."""
    if "does not have a glyph" in record.getMessage():
        raise MissingGlyphError(record.getMessage())
    return True


def _warn_on_missing_glyphs() -> None:
    """Make matplotlib's missing-glyph reports errors, so that no figure shows empty boxes.

    Plain text warns (``UserWarning: Glyph ... missing from font(s) ...``): that warning becomes an
    error. Mathematics logs (``Font ... does not have a glyph ...``) and draws a box: that record raises
    :class:`MissingGlyphError`.
    """
    import warnings

    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from", category=UserWarning)
    mathtext = logging.getLogger("matplotlib.mathtext")
    if _refuse_dummy_glyph not in mathtext.filters:
        mathtext.addFilter(_refuse_dummy_glyph)


# --------------------------------------------------------------------------- #
# Lines that code cells print
# --------------------------------------------------------------------------- #
def _template_pattern(template: str) -> tuple[re.Pattern[str], int]:
    """A printed-line template as a regular expression over a whole line, and its amount of literal text."""
    pattern, literal = "", 0
    for part in re.split(r"(\{\d+\})", template):
        number = re.fullmatch(r"\{(\d+)\}", part)
        if number:
            pattern += f"(?P<v{number.group(1)}>.*?)"
        else:
            text = part.replace("{{", "{").replace("}}", "}")
            pattern += re.escape(text)
            literal += len(text)
    return re.compile(pattern + r"\Z", re.DOTALL), literal


@cache
def _printed_templates(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The catalogue's printed-line templates with their translations, the most specific first."""
    # GNUTranslations keeps its messages in _catalog, keyed "context\x04message" for a message in context
    messages = getattr(_catalogue(language), "_catalog", {})
    found = []
    for key, text in messages.items():
        if isinstance(key, str) and key.startswith(PRINTED + "\x04") and text:
            pattern, literal = _template_pattern(key.split("\x04", 1)[1])
            found.append((literal, pattern, text))
    found.sort(key=lambda t: -t[0])
    return tuple((pattern, text) for _literal, pattern, text in found)


def _value(text: str) -> str:
    """A value printed into a line, translated if the catalogue knows it (a country, a label)."""
    core = text.strip()
    return text.replace(core, _(core)) if core else text


def translate_line(line: str) -> str:
    """A line a code cell printed, in the language in use: the translation of the first template it
    matches (the one with the most literal text), with the printed values put back; else unchanged.

    Examples
    --------
    >>> use_language("en")
    'en'
    >>> translate_line("TFP growth: 1.80 % per year")
    'TFP growth: 1.80 % per year'
    """
    language = current_language()
    if language == "en":
        return line
    for pattern, text in _printed_templates(language):
        match = pattern.match(line)
        if match:
            values = {int(k[1:]): _value(v) for k, v in match.groupdict().items()}
            try:
                return text.format(*[values[i] for i in range(len(values))])
            except (IndexError, KeyError, ValueError):
                return line
    return line


class TranslatingStream:
    """Standard output that writes each whole line through :func:`translate_line`.

    Everything else (``flush``, ``fileno``, the kernel's own attributes) is the wrapped stream's. A
    line without its end is kept until the end comes or the stream is flushed.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        if lines:
            self.stream.write("".join(translate_line(line) + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(translate_line(self.pending))
            self.pending = ""
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def translate_printed_lines() -> bool:
    """In a language other than English, make standard output translate the lines code cells print.

    Called by the lesson layer's ``use_style()`` in each notebook's set-up cell; calling it again, or in
    English, does nothing. Returns whether standard output translates now.
    """
    if current_language() == "en":
        return False
    if not isinstance(sys.stdout, TranslatingStream):
        sys.stdout = TranslatingStream(sys.stdout)
    return True
