"""The bilingual glossary (English / 简体中文) of the terms the collection uses.

The terms live in ``glossary.csv`` in the package's data folder
(``nqp_helpers/datasets/``, or wherever :func:`nqp_helpers.data.use_data_dir`
points; columns ``english``, ``chinese``, ``pinyin``, ``definition``,
``first_notebook``); this module reads and checks that file and searches it::

    from nqp_helpers.glossary import glossary_table, lookup

    print(glossary_table())            # every term, in the order of first use
    print(glossary_table("生产率"))     # only the terms that match
    lookup("xin zhi sheng chan li")    # pinyin works without tone marks

Searches ignore case, spaces and hyphens, accept British or American spelling
("labour"/"labor"), and match pinyin with or without tone marks ("lü" may be
typed as "lu", "lv" or "lü").

The glossary is written by hand, so it is not read through
:func:`nqp_helpers.data.read_table` (which needs a sha256 in the metadata);
instead every load checks the header and every row: both languages present,
pinyin well formed, a notebook number, no term twice.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import data_dir
from .i18n import _

__all__ = ["GLOSSARY_CSV", "GlossaryEntry", "glossary_file", "load_glossary", "lookup", "glossary_table"]

#: File name of the glossary in the data folder.
GLOSSARY_CSV = "glossary.csv"
COLUMNS = ("english", "chinese", "pinyin", "definition", "first_notebook")

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PINYIN_CHARS = re.compile(r"[a-zü' \-]+")


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: its English and Chinese names, pinyin, a definition and where it is first used.

    Attributes
    ----------
    english : str
        The English term as the notebooks use it.
    chinese : str
        The term in simplified Chinese.
    pinyin : str
        Hanyu pinyin with tone marks, one word per group of syllables.
    definition : str
        One plain English sentence.
    first_notebook : str
        Two-digit number of the notebook where the term is first used ("00" to "05").
    """

    english: str
    chinese: str
    pinyin: str
    definition: str
    first_notebook: str

    def __str__(self) -> str:
        # TRANSLATORS: one glossary term; a translation may put the Chinese term first.
        return _("{english} — {chinese} ({pinyin}), notebook {notebook}: {definition}").format(
            english=self.english,
            chinese=self.chinese,
            pinyin=self.pinyin,
            notebook=self.first_notebook,
            definition=self.definition,
        )


def _strip_tones(text: str) -> str:
    """Pinyin without tone marks, ü written u, lower case: 'lǜsè' -> 'luse'."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key_pinyin(text: str) -> str:
    """Comparison key for pinyin: no tones, no spaces, hyphens or apostrophes; 'v' and 'ü' read as 'u'."""
    return re.sub(r"[\s\-'’]+", "", _strip_tones(text)).replace("v", "u")


def _key_english(text: str) -> str:
    """Comparison key for English: lower case, hyphens as spaces, single spaces, 'labour' spelt 'labor'."""
    text = re.sub(r"[\s\-]+", " ", text.lower()).strip()
    return text.replace("labour", "labor")


def _key_chinese(text: str) -> str:
    return re.sub(r"[\s\-－]+", "", text)


def _validate(rows: Iterable[tuple[int, Mapping[str | None, Any]]], source: str) -> tuple[GlossaryEntry, ...]:
    """Check the parsed rows; return them as entries or raise ValueError naming the row.

    ``rows`` are (line number, row) pairs from ``csv.DictReader``, which puts any
    extra fields in a list under the key None and a missing field as None.
    """
    entries = []
    seen_english: dict[str, int] = {}
    seen_chinese: dict[str, int] = {}
    for line, row in rows:
        where = f"{source}, line {line}"
        values = {name: unicodedata.normalize("NFC", (row.get(name) or "").strip()) for name in COLUMNS}
        label = values["english"] or values["chinese"] or "(empty)"
        where = f"{where} ({label!r})"
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{where}: expected exactly {len(COLUMNS)} fields {list(COLUMNS)}")
        if not values["english"] or not values["chinese"]:
            missing = "english" if not values["english"] else "chinese"
            raise ValueError(f"{where}: the {missing} term is empty; every term needs both languages")
        if _CJK.search(values["english"]):
            raise ValueError(
                f"{where}: english must not contain Chinese characters; got {values['english']!r}"
            )
        if not _CJK.search(values["chinese"]):
            raise ValueError(f"{where}: chinese must contain Chinese characters; got {values['chinese']!r}")
        if not values["pinyin"] or not _PINYIN_CHARS.fullmatch(_strip_tones(values["pinyin"])):
            raise ValueError(
                f"{where}: pinyin must be Latin letters with tone marks, spaces, hyphens or apostrophes; "
                f"got {values['pinyin']!r}"
            )
        if not values["definition"]:
            raise ValueError(f"{where}: the definition is empty")
        if not re.fullmatch(r"\d\d", values["first_notebook"]):
            raise ValueError(
                f"{where}: first_notebook must be a two-digit notebook number such as '02'; "
                f"got {values['first_notebook']!r}"
            )
        key_en, key_zh = _key_english(values["english"]), _key_chinese(values["chinese"])
        if key_en in seen_english:
            raise ValueError(
                f"{where}: english term {values['english']!r} duplicates line {seen_english[key_en]}"
            )
        if key_zh in seen_chinese:
            raise ValueError(
                f"{where}: chinese term {values['chinese']!r} duplicates line {seen_chinese[key_zh]}"
            )
        seen_english[key_en], seen_chinese[key_zh] = line, line
        entries.append(GlossaryEntry(**values))
    if not entries:
        raise ValueError(f"{source}: the glossary has no terms")
    return tuple(entries)


def glossary_file() -> Path:
    """Return the glossary the functions here read by default: ``glossary.csv`` in the data folder.

    Examples
    --------
    >>> glossary_file().name, glossary_file().parent.name
    ('glossary.csv', 'datasets')
    """
    return data_dir() / GLOSSARY_CSV


@functools.lru_cache(maxsize=4)
def _load(name: str, mtime_ns: int, size: int) -> tuple[GlossaryEntry, ...]:
    """Parse and check one glossary file; cached per path, modification time and size."""
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text") from exc
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{path}: the header must be {','.join(COLUMNS)}; got {reader.fieldnames}")
    rows = [(reader.line_num, row) for row in reader if any((v or "").strip() for v in row.values())]
    return _validate(rows, path.name)


def load_glossary(path: str | os.PathLike[str] | None = None) -> list[GlossaryEntry]:
    """Read and check the glossary.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A glossary CSV; by default :func:`glossary_file`. Parsed once and cached
        until the file changes.

    Returns
    -------
    list of GlossaryEntry
        In file order (grouped by the notebook of first use).

    Raises
    ------
    ValueError
        If the file is missing, its header is not ``english,chinese,pinyin,definition,first_notebook``,
        or a row lacks either language, has a malformed pinyin or notebook number, or repeats an
        English or Chinese term; the message names the file, the line and the term.

    Examples
    --------
    >>> terms = load_glossary()
    >>> len(terms) >= 40
    True
    >>> [t.chinese for t in terms if t.english == "total factor productivity (TFP)"]
    ['全要素生产率']
    """
    file = Path(path) if path is not None else glossary_file()
    if not file.exists():
        raise ValueError(_("{file} does not exist").format(file=file))
    stat = file.stat()
    return list(_load(str(file), stat.st_mtime_ns, stat.st_size))


def _rank(entry: GlossaryEntry, query: str) -> int | None:
    """0 exact, 1 starts with, 2 contains, None no match (best over the three fields)."""
    keys = []
    q_en, q_zh, q_py = _key_english(query), _key_chinese(query), _key_pinyin(query)
    if q_en:
        keys.append((_key_english(entry.english), q_en))
        # "TFP" or "CES" in brackets count as names too
        keys += [(_key_english(a), q_en) for a in re.findall(r"\(([^)]*)\)", entry.english)]
    if q_zh and _CJK.search(query):
        keys.append((_key_chinese(entry.chinese), q_zh))
    if q_py and not _CJK.search(query):
        keys.append((_key_pinyin(entry.pinyin), q_py))
    best = None
    for field, q in keys:
        rank = 0 if field == q else 1 if field.startswith(q) else 2 if q in field else None
        if rank is not None and (best is None or rank < best):
            best = rank
    return best


def lookup(query: str, path: str | os.PathLike[str] | None = None) -> list[GlossaryEntry]:
    """Find glossary terms by English, Chinese or pinyin.

    Parameters
    ----------
    query : str
        Part of a term in English ("productivity", "labor share"), Chinese ("生产率") or pinyin
        with or without tone marks and spaces ("xin zhi sheng chan li", "quányàosù").
    path : str or pathlib.Path, optional
        Another glossary file (default :func:`glossary_file`).

    Returns
    -------
    list of GlossaryEntry
        Exact matches first, then terms that begin with the query, then terms that contain it;
        file order within each group. Empty if nothing matches.

    Raises
    ------
    ValueError
        If ``query`` is not a non-empty string.

    Examples
    --------
    >>> [e.english for e in lookup("xin zhi sheng chan li")]
    ['new quality productive forces']
    >>> lookup("全要素生产率")[0].english
    'total factor productivity (TFP)'
    >>> lookup("TFP")[0].chinese
    '全要素生产率'
    """
    if not isinstance(query, str) or not query.strip():
        raise ValueError(
            _("query must be a non-empty string (English, Chinese or pinyin); got {query!r}").format(
                query=query
            )
        )
    ranked = []
    for i, entry in enumerate(load_glossary(path)):
        rank = _rank(entry, query.strip())
        if rank is not None:
            ranked.append((rank, i, entry))
    return [entry for _r, _i, entry in sorted(ranked, key=lambda t: t[:2])]


def _width(text: str) -> int:
    """Columns a string takes in a monospaced font (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def glossary_table(
    query: str | None = None,
    notebook: str | int | None = None,
    definitions: bool = False,
    path: str | os.PathLike[str] | None = None,
) -> str:
    """The glossary (or the terms matching a query) as a text table to print.

    Parameters
    ----------
    query : str, optional
        Show only the terms :func:`lookup` finds for this query.
    notebook : str or int, optional
        Show only the terms first used in this notebook ("02" or 2).
    definitions : bool, default False
        Add each term's definition on an indented line under it.
    path : str or pathlib.Path, optional
        Another glossary file (default :func:`glossary_file`).

    Returns
    -------
    str
        Aligned columns English | 中文 | pinyin | notebook (Chinese characters count as two
        columns), or a one-line message if no term matches.

    Raises
    ------
    ValueError
        If ``query`` is given but empty, or ``notebook`` is not a notebook number.

    Examples
    --------
    >>> print(glossary_table("劳动对象"))
    English            中文      pinyin           notebook
    -----------------  --------  ----------------  --------
    objects of labour  劳动对象  láodòng duìxiàng  00
    """
    entries = load_glossary(path) if query is None else lookup(query, path)
    if notebook is not None:
        if isinstance(notebook, bool) or not re.fullmatch(r"\d{1,2}", str(notebook)):
            raise ValueError(
                _("notebook must be a notebook number such as '02' or 2; got {notebook!r}").format(
                    notebook=notebook
                )
            )
        wanted = f"{int(notebook):02d}"
        entries = [e for e in entries if e.first_notebook == wanted]
    if not entries:
        if query is not None and notebook is not None:
            message = _("no glossary term matches {query!r} for notebook {notebook}")
        elif query is not None:
            message = _("no glossary term matches {query!r}")
        elif notebook is not None:
            message = _("no glossary term is listed for notebook {notebook}")
        else:
            message = _("no glossary term is listed")
        return message.format(query=query, notebook=wanted if notebook is not None else "")
    # TRANSLATORS: the headers of the glossary table (English | 中文 | pinyin | notebook).
    header = (_("English"), "中文", _("pinyin"), _("notebook"))
    rows = [(e.english, e.chinese, e.pinyin, e.first_notebook) for e in entries]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip(), line]
    for entry, row in zip(entries, rows, strict=True):
        out.append("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
        if definitions:
            out.append("    " + entry.definition)
    return "\n".join(out)


if __name__ == "__main__":  # python -m nqp_helpers.glossary [query]
    import sys

    print(glossary_table(" ".join(sys.argv[1:]) or None, definitions=len(sys.argv) > 1))
