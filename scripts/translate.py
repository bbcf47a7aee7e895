"""The Chinese edition: gettext catalogues beside the English source, and the notebooks built from them.

One source, two editions. The English notebooks in ``notebooks/`` are the source. Each has a catalogue
``notebooks/locale/zh_CN/<name>.po`` with one entry per markdown cell: the context (``msgctxt``) is the
cell's id, the ``msgid`` its English text, the ``msgstr`` its Chinese text. The Chinese notebook
``notebooks/zh-CN/<name>.ipynb`` is *built*: a copy of the English notebook (the same cells, ids, code,
tags and metadata) whose markdown is taken from the catalogue, then executed in ``notebooks/zh-CN/``,
where the package prints and draws in Chinese (:mod:`nqp_helpers.i18n`).

When an English cell changes, ``extract`` marks its entry *fuzzy* (keeping the old English as
``#| msgid`` for the translator to compare); a new cell gets an empty entry. ``build`` refuses a
notebook whose catalogue has a missing or fuzzy entry, and the tests fail on one, so the editions
cannot drift apart unnoticed.

The package's own strings (feedback, figure labels, widget labels, errors) have one catalogue,
``nqp_helpers/locale/zh_CN/LC_MESSAGES/nqp_helpers.po``, extracted from the calls of ``_()`` and
``N_()`` in the code and compiled to the ``.mo`` file gettext reads.

    python -m scripts.translate extract        # update the notebooks' and the package's catalogues
    python -m scripts.translate build          # write notebooks/zh-CN/ from the English and the catalogues
    python -m scripts.translate compile        # the package's .po -> .mo
    python -m scripts.translate status         # what is missing or fuzzy, per catalogue
    python -m scripts.translate build 02       # only the notebooks whose name contains 02

``make notebooks`` runs the English notebooks, builds the Chinese ones and runs them.
"""

from __future__ import annotations

import argparse
import ast
import copy
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from nbformat import NotebookNode

from scripts import nbtools

ROOT = nbtools.ROOT
NB_DIR = nbtools.NB_DIR
LANGUAGE = "zh-CN"
LOCALE = "zh_CN"
ZH_DIR = NB_DIR / LANGUAGE
PO_DIR = NB_DIR / "locale" / LOCALE
PACKAGE = ROOT / "nqp_helpers"
PACKAGE_PO = PACKAGE / "locale" / LOCALE / "LC_MESSAGES" / "nqp_helpers.po"
#: Scripts whose output is translated through the package's catalogue (their _() strings join it).
SCRIPT_SOURCES = [ROOT / "scripts" / "instructor_answers.py"]
KEYWORDS = {"_": None, "N_": None}
#: A comment that starts so, just before a message, is shown to translators.
COMMENT_TAGS = ("TRANSLATORS:",)
"""The functions whose string argument is a message (nqp_helpers.i18n)."""

# A fixed creation date keeps the catalogues' headers from changing at every extraction.
_EPOCH = datetime(2026, 12, 3, tzinfo=UTC)


# --------------------------------------------------------------------------- #
# Catalogues
# --------------------------------------------------------------------------- #
def new_catalogue(project: str) -> Catalog:
    """An empty Simplified Chinese catalogue with the collection's header."""
    return Catalog(
        locale=LOCALE,
        project=project,
        version="1",
        copyright_holder="the authors of the collection",
        creation_date=_EPOCH,
        revision_date=_EPOCH,
        fuzzy=False,
    )


def read_catalogue(path: str | Path, project: str = "") -> Catalog:
    """The catalogue at ``path``, or an empty one if the file does not exist."""
    path = Path(path)
    if not path.exists():
        return new_catalogue(project or path.stem)
    with path.open("rb") as f:
        return read_po(f, locale=LOCALE)


def write_catalogue(catalogue: Catalog, path: str | Path) -> bool:
    """Write ``catalogue`` to ``path`` (unwrapped, in order, old English kept); True if it changed."""
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, sort_output=False, include_previous=True, omit_header=False)
    text = buffer.getvalue()
    path = Path(path)
    if path.exists() and path.read_bytes() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    return True


def by_context(catalogue: Catalog) -> dict[str, Message]:
    """The catalogue's live (not obsolete) entries, by context (a notebook catalogue's cell id)."""
    return {m.context: m for m in catalogue if m.id and m.context}


def translatable(cell: NotebookNode) -> bool:
    """A markdown cell with text (an empty cell has nothing to translate)."""
    return cell.cell_type == "markdown" and bool(str(cell.source).strip())


def update_notebook_catalogue(nb: NotebookNode, old: Catalog, project: str) -> Catalog:
    """The catalogue of ``nb``'s markdown, keeping what ``old`` translated.

    An entry whose English is unchanged keeps its translation; an entry whose English changed keeps
    its old translation, marked fuzzy, with the old English as ``previous_id``; a new cell gets an
    empty entry. Entries of cells that are gone are dropped. Translators' comments are kept.
    """
    known = by_context(old)
    catalogue = new_catalogue(project)
    for cell in nb.cells:
        if not translatable(cell):
            continue
        source = str(cell.source)
        before = known.get(cell.id)
        flags: set[str] = set()
        previous: list[str] = []
        text = ""
        if before is not None:
            text = str(before.string or "")
            if before.id != source:
                flags.add("fuzzy")
                previous = [str(before.previous_id[0]) if before.fuzzy and before.previous_id else before.id]
            elif before.fuzzy:
                flags.add("fuzzy")
                previous = list(before.previous_id or [])
        comments = list(before.user_comments) if before is not None else []
        catalogue.add(
            source, text, context=cell.id, flags=flags, previous_id=previous or (), user_comments=comments
        )
    return catalogue


def problems(nb: NotebookNode, catalogue: Catalog) -> list[str]:
    """What stops ``nb``'s Chinese edition from being built: cells without a current translation.

    A cell's entry is missing, empty, fuzzy (marked by a translator or by ``extract``), or its
    English no longer matches the notebook's (the catalogue was not re-extracted after an edit).
    """
    known = by_context(catalogue)
    found = []
    for index, cell in enumerate(nb.cells):
        if not translatable(cell):
            continue
        entry = known.get(cell.id)
        where = f"cell {index} (id {cell.id})"
        if entry is None or not entry.string:
            found.append(f"{where}: no translation")
        elif entry.fuzzy:
            found.append(
                f"{where}: the translation is fuzzy (the English changed); update it, remove 'fuzzy'"
            )
        elif entry.id != str(cell.source):
            found.append(f"{where}: the English changed since the catalogue was extracted")
        else:
            found += [f"{where}: {p}" for p in markup_problems(entry.id, str(entry.string))]
    return found


_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`\n]+)`")
# $$display$$ or $inline$ (which may wrap a line); a dollar after a letter is a currency (US$)
_MATH = re.compile(r"\$\$.+?\$\$|(?<![A-Za-z$])\$[^$]+\$", re.DOTALL)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:[.,]\d+)*")
_HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)
_SOFT_BREAK = re.compile(r"[\u4e00-\u9fff，。；：、）》”][ \t]*\n[ \t]*[\u4e00-\u9fff（《“]")
STRUCTURE = {
    r"\*\*Figure (\d+|P)\.(\d+)\.\*\*": "**图 {}.{}**",
    r"\*\*Question (\d+|P)\.(\d+)\*\*": "**问题 {}.{}**",
    r"\*\*Exercise (\d+|P)\.(\d+)\*\*": "**练习 {}.{}**",
    r"\*\*What to notice\*\*": "**观察要点**",
    r"\*\*What the data show\*\*": "**数据显示**",
}
"""English markers the tests and scripts find, and their fixed Chinese form."""


def _outside_code(text: str) -> str:
    """``text`` without fenced code blocks and inline code (whose numbers are code, not prose)."""
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    return _CODE.sub(" ", text)


def markup_problems(english: str, chinese: str) -> list[str]:
    """Where a translation does not keep the English cell's markup, numbers and markers.

    The same link targets, mathematics and HTML tags (each as a multiset), the English's inline code
    (the Chinese may add some, such as the Chinese edition's commands), the same
    heading levels in the same order, every number of the English prose (digits, as written), the
    fixed Chinese form of each marker in :data:`STRUCTURE` (``**Figure 2.1.**`` is ``**图 2.1**``), and
    no line break between two Chinese characters (markdown shows it as a space).

    Examples
    --------
    >>> markup_problems("See [the map](00-start-here.ipynb): $g_Y$ was 4.2 %.",
    ...                 "见[地图](00-start-here.ipynb)：$g_Y$ 为 4.2 %。")
    []
    >>> markup_problems("Growth was 4.2 %.", "增长为 4.3 %。")
    ['numbers of the English missing: 4.2']
    """
    found = []
    checks = [
        ("link targets", _LINK.findall),
        ("inline code", lambda t: _CODE.findall(re.sub(r"```.*?```", " ", t, flags=re.DOTALL))),
        ("mathematics", lambda t: _MATH.findall(_outside_code(t))),
        ("HTML tags", lambda t: [m.lower() for m in _TAG.findall(_outside_code(t))]),
        ("heading levels", _HEADING.findall),
    ]
    for name, find in checks:
        a, b = find(english), find(chinese)
        if name == "inline code":  # the Chinese may add code (the Chinese edition's own commands)
            b = [x for x in b if x in a]
        if sorted(a) != sorted(b) if name != "heading levels" else a != b:
            only_en = [x for x in a if x not in b] or a
            only_zh = [x for x in b if x not in a] or b
            found.append(f"{name} differ: English {only_en[:3]}, Chinese {only_zh[:3]}")
    prose_en = _MATH.sub(" ", _outside_code(english))
    prose_zh = _MATH.sub(" ", _outside_code(chinese))
    numbers_zh = _NUMBER.findall(prose_zh)
    missing = []
    for number in _NUMBER.findall(prose_en):
        if number in numbers_zh:
            numbers_zh.remove(number)
        else:
            missing.append(number)
    if missing:
        found.append(f"numbers of the English missing: {', '.join(missing)}")
    if _SOFT_BREAK.search(_outside_code(chinese)):
        found.append("a line break inside a Chinese sentence (it shows as a space): join the lines")
    for pattern, form in STRUCTURE.items():
        for match in re.finditer(pattern, english):
            wanted = form.format(*match.groups())
            if wanted not in chinese:
                found.append(f"{match.group(0)} must read {wanted}")
    return found


def catalogue_path(notebook: str | Path) -> Path:
    """The catalogue of an English notebook."""
    return PO_DIR / (Path(notebook).stem + ".po")


def chinese_path(notebook: str | Path) -> Path:
    """The Chinese notebook built from an English one."""
    return ZH_DIR / Path(notebook).name


# --------------------------------------------------------------------------- #
# The Chinese notebooks
# --------------------------------------------------------------------------- #
def build_notebook(
    nb: NotebookNode, catalogue: Catalog, previous: NotebookNode | None = None
) -> NotebookNode:
    """The Chinese edition of ``nb``: the same cells with the catalogue's markdown.

    Code cells, ids, tags and metadata are copied. A code cell keeps the outputs of the previous
    Chinese build when its code is unchanged (so a text-only change needs no re-run); otherwise it has
    none until the notebook is executed.

    Raises
    ------
    ValueError
        If a markdown cell has no current translation (:func:`problems`).
    """
    found = problems(nb, catalogue)
    if found:
        raise ValueError("the catalogue is not up to date:\n  " + "\n  ".join(found))
    known = by_context(catalogue)
    old_cells = {c.id: c for c in previous.cells} if previous is not None else {}
    zh = copy.deepcopy(nb)
    zh.metadata["language"] = LANGUAGE
    # the widgets' saved state belongs to the run that made the outputs: the Chinese one, if kept
    zh.metadata.pop("widgets", None)
    code_kept = previous is not None and [c.source for c in previous.cells if c.cell_type == "code"] == [
        c.source for c in nb.cells if c.cell_type == "code"
    ]
    if code_kept and "widgets" in previous.metadata:
        zh.metadata["widgets"] = copy.deepcopy(previous.metadata["widgets"])
    for cell in zh.cells:
        if translatable(cell):
            cell.source = str(known[cell.id].string)
        elif cell.cell_type == "code":
            old = old_cells.get(cell.id)
            if old is not None and old.cell_type == "code" and old.source == cell.source:
                cell.outputs = copy.deepcopy(old.outputs)
                cell.execution_count = old.execution_count
            else:
                cell.outputs = []
                cell.execution_count = None
    return zh


def build(paths: Sequence[Path]) -> list[Path]:
    """Write the Chinese notebooks of ``paths``; return those whose code changed (to be executed)."""
    stale = []
    for path in paths:
        nb = nbtools.read(path)
        target = chinese_path(path)
        previous = nbtools.read(target) if target.exists() else None
        zh = build_notebook(nb, read_catalogue(catalogue_path(path)), previous)
        before = {c.id: c.source for c in previous.cells if c.cell_type == "code"} if previous else {}
        if any(c.cell_type == "code" and before.get(c.id) != c.source for c in zh.cells):
            stale.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbtools.write(zh, target)
    return stale


# --------------------------------------------------------------------------- #
# The documents: the README and the instructors' plans (markdown files)
# --------------------------------------------------------------------------- #
INSTRUCTOR = ROOT / "instructor"
INSTRUCTOR_ZH = INSTRUCTOR / LANGUAGE


def document_paths() -> list[Path]:
    """The markdown written by hand in English that has a Chinese edition: the README, the plans."""
    return [ROOT / "README.md", *sorted(INSTRUCTOR.glob("*.md"))]


def document_catalogue_path(document: str | Path) -> Path:
    """A document's catalogue: ``locale/zh_CN/README.po``, ``instructor/locale/zh_CN/NN-name.po``."""
    document = Path(document)
    return document.parent / "locale" / LOCALE / (document.stem + ".po")


def chinese_document_path(document: str | Path) -> Path:
    """Where a document's Chinese edition goes: ``README.zh-CN.md``, ``instructor/zh-CN/NN-name.md``."""
    document = Path(document)
    if document.parent == ROOT:
        return ROOT / f"{document.stem}.{LANGUAGE}.md"
    return document.parent / LANGUAGE / document.name


def markdown_blocks(text: str) -> list[str]:
    r"""A markdown file's blocks: the text between blank lines, a fenced code block kept whole.

    Examples
    --------
    >>> markdown_blocks("# Plan\n\nFirst part.\nSame paragraph.\n\n```\na\n\nb\n```\n")
    ['# Plan', 'First part.\nSame paragraph.', '```\na\n\nb\n```']
    """
    blocks, current, fenced = [], [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def update_document_catalogue(document: Path, old: Catalog) -> Catalog:
    """The catalogue of a document's blocks (msgid: the English block), keeping what ``old`` translated;
    a changed block is matched to its old translation by similarity and marked fuzzy (Babel)."""
    template = new_catalogue(document.stem)
    for block in markdown_blocks(document.read_text(encoding="utf-8")):
        if block not in template:
            template.add(block)
    old.update(template, no_fuzzy_matching=False)
    old.obsolete.clear()
    return old


def document_problems(document: Path, catalogue: Catalog) -> list[str]:
    """Blocks of a document without a current translation, or whose translation loses markup."""
    found = []
    for block in markdown_blocks(document.read_text(encoding="utf-8")):
        entry = catalogue.get(block)
        head = block.splitlines()[0][:60]
        if entry is None or not entry.string:
            found.append(f"{document.name}: no translation of {head!r}")
        elif entry.fuzzy:
            found.append(f"{document.name}: fuzzy translation of {head!r} (the English changed)")
        else:
            found += [f"{document.name}: {head!r}: {p}" for p in markup_problems(block, str(entry.string))]
    return found


def _chinese_link(target: str, document: Path) -> str:
    """A document's link, seen from its Chinese edition: to the Chinese notebook, plan, answers or
    README where there is one, else to the same file."""
    if re.match(r"[a-z]+:|#", target):
        return target
    path, _, anchor = target.partition("#")
    resolved = (document.parent / path).resolve()
    candidates = []
    if resolved.parent == NB_DIR.resolve():
        candidates.append(ZH_DIR / resolved.name)
    elif resolved.parent == INSTRUCTOR.resolve():
        candidates.append(INSTRUCTOR_ZH / resolved.name)
    elif resolved.parent == (INSTRUCTOR / "answers").resolve():
        candidates.append(INSTRUCTOR / "answers" / LANGUAGE / resolved.name)
    elif resolved == (ROOT / "README.md").resolve():
        candidates.append(chinese_document_path(ROOT / "README.md"))
    chosen = next((c for c in candidates if c.exists()), resolved)
    relative = Path(os.path.relpath(chosen, chinese_document_path(document).parent)).as_posix()
    return relative + ("#" + anchor if anchor else "")


def build_document(document: Path, catalogue: Catalog) -> str:
    """A document's Chinese edition: every block replaced by its translation, links pointing at the
    Chinese edition where there is one.

    Raises
    ------
    ValueError
        If a block has no current translation.
    """
    found = document_problems(document, catalogue)
    if found:
        raise ValueError("the catalogue is not up to date:\n  " + "\n  ".join(found))
    blocks = [str(catalogue.get(b).string) for b in markdown_blocks(document.read_text(encoding="utf-8"))]
    source = document.relative_to(ROOT).as_posix()
    catalogue_file = document_catalogue_path(document).relative_to(ROOT).as_posix()
    note = (
        f"<!-- Built from {source} and {catalogue_file} by `python -m scripts.translate build`; "
        "edit those, not this file. -->"
    )
    text = "\n\n".join([note, *blocks]) + "\n"
    return _LINK.sub(lambda m: "](" + _chinese_link(m.group(1), document) + ")", text)


# --------------------------------------------------------------------------- #
# The package's catalogue
# --------------------------------------------------------------------------- #
def key_messages(nb: NotebookNode) -> list[str]:
    """The texts inside a notebook's answer keys: options' feedback, hints' messages, accepted texts.

    :func:`nqp_helpers.exercises.check` shows them through the package's catalogue, so the
    Chinese edition's self-checks speak Chinese with the same keys as the English one.
    """
    from nqp_helpers import exercises

    found: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for key in nbtools.answer_keys(str(cell.source)):
            found += exercises.key_texts(exercises.decode_answer(key))
    return list(dict.fromkeys(found))


#: Calls in notebooks' code cells whose string arguments a figure shows, and the keywords that are texts.
FIGURE_CALLS = {
    "set_xlabel",
    "set_ylabel",
    "set_title",
    "suptitle",
    "text",
    "annotate",
    "set",
    "legend",
    "plot",
    "bar",
    "barh",
    "scatter",
    "fill_between",
    "hist",
    "axhline",
    "axvline",
    "step",
    "errorbar",
}
FIGURE_KEYWORDS = {"label", "title", "xlabel", "ylabel", "s", "text"}
#: The calls whose positional arguments are texts (``ax.set_xlabel("year")``, ``ax.text(x, y, "note")``).
FIGURE_TEXT_ARGUMENTS = {"set_xlabel", "set_ylabel", "set_title", "suptitle", "text", "annotate"}


def figure_texts(nb: NotebookNode) -> list[str]:
    """The string labels a notebook's code cells give figures (``ax.set_xlabel("year")``, ``label="TFP"``).

    They are the same code in both editions; the catalogue translates them as matplotlib sets them
    (:func:`nqp_helpers.lessons.plotting.translate_figure_text`). f-strings and names are left out: only
    literal text can have a fixed translation.
    """
    found: list[str] = []
    for node in _calls(nb):
        if not (isinstance(node.func, ast.Attribute) and node.func.attr in FIGURE_CALLS):
            continue
        values = [a for a in node.args if node.func.attr in FIGURE_TEXT_ARGUMENTS]
        values += [k.value for k in node.keywords if k.arg in FIGURE_KEYWORDS]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.strip():
                found.append(value.value)
    return list(dict.fromkeys(found))


def _calls(nb: NotebookNode) -> Iterator[ast.Call]:
    """Every call in a notebook's code cells (a cell Python cannot parse, such as a magic, is skipped)."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(str(cell.source))
        except SyntaxError:
            continue
        yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


#: The context of a line a code cell prints (its template, with {0}, {1}, ... for what the code fills in).
PRINTED = "printed line"


def _print_lines(call: ast.Call) -> list[str]:
    """The line templates a ``print(...)`` call writes: literal text as it is, ``{0}``, ``{1}``, ... for
    each value the code fills in (numbering restarts on each line); [] for a call this cannot read."""
    keywords = {k.arg: k.value for k in call.keywords}
    if set(keywords) - {"sep", "end"} or any(not isinstance(v, ast.Constant) for v in keywords.values()):
        return []
    sep = keywords["sep"].value if "sep" in keywords else " "
    end = keywords["end"].value if "end" in keywords else "\n"
    if not isinstance(sep, str) or not isinstance(end, str) or not end.endswith("\n"):
        return []
    pieces: list[str | None] = []  # text, or None for a value
    for i, arg in enumerate(call.args):
        if i:
            pieces.append(sep)
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            pieces.append(arg.value)
        elif isinstance(arg, ast.JoinedStr):
            pieces += [v.value if isinstance(v, ast.Constant) else None for v in arg.values]
        else:
            pieces.append(None)
    lines, current, n = [], "", 0
    for piece in pieces:
        if piece is None:
            current, n = current + "{" + str(n) + "}", n + 1
            continue
        parts = piece.replace("{", "{{").replace("}", "}}").split("\n")
        current += parts[0]
        for part in parts[1:]:
            lines.append(current)
            current, n = part, 0
    lines.append(current)
    return [line for line in lines if re.search(r"[A-Za-z]{3,}", re.sub(r"\{\d+\}", " ", line))]


def printed_lines(nb: NotebookNode) -> list[str]:
    """The templates of the lines a notebook's code cells print themselves (``print(f"TFP {x:.2f}")`` ->
    ``"TFP {0}"``): the Chinese edition's kernels translate each printed line that matches one
    (:func:`nqp_helpers.i18n.translate_printed_lines`); lines without words are left out."""
    found: list[str] = []
    for node in _calls(nb):
        if isinstance(node.func, ast.Name) and node.func.id == "print":
            found += _print_lines(node)
    return list(dict.fromkeys(found))


def package_template(
    files: Sequence[str | Path] | None = None,
    notebooks: Sequence[str | Path] | None = None,
    countries: bool = True,
) -> Catalog:
    """The package's messages: the string arguments of ``_()`` and ``N_()`` and the answer keys' texts.

    Parameters
    ----------
    files : paths, optional
        Only these Python files (every file of the package if None).
    notebooks : paths, optional
        Only the answer keys of these notebooks (every English notebook's if None).
    countries : bool
        Include the Penn World Table's country names.
    """
    template = new_catalogue("nqp_helpers")
    if files is None:
        found = [
            (f"nqp_helpers/{filename}", *rest)
            for filename, *rest in extract_from_dir(
                str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=COMMENT_TAGS
            )
        ]
        files = SCRIPT_SOURCES
    else:
        found = []
    for file in files:
        with open(file, "rb") as f:
            found += [
                (Path(file).resolve().relative_to(ROOT).as_posix(), *rest)
                for rest in extract("python", f, keywords=KEYWORDS, comment_tags=COMMENT_TAGS)
            ]
    for filename, lineno, message, comments, context in found:
        if isinstance(message, tuple):
            message = message[0]
        _add(template, message, (filename, lineno), comments, context)
    for path in nbtools.select(nb_dir=NB_DIR) if notebooks is None else [Path(p) for p in notebooks]:
        nb = nbtools.read(path)
        for message in key_messages(nb) + figure_texts(nb):
            _add(template, message, (f"notebooks/{path.name}", 0), [], None)
        for line in printed_lines(nb):
            _add(template, line, (f"notebooks/{path.name}", 0), [], PRINTED)
    if countries:
        for name in country_names():
            _add(template, name, ("nqp_helpers/datasets/pwt110.csv", 0), [], None)
    return template


def country_names() -> list[str]:
    """The Penn World Table's country names, which figures and tables show through the catalogue."""
    import csv

    with (PACKAGE / "datasets" / "pwt110.csv").open(newline="", encoding="utf-8") as f:
        return sorted({row["country"] for row in csv.DictReader(f)})


def _add(template: Catalog, message: str, location: tuple[str, int], comments, context) -> None:
    """Add ``message`` to ``template``, or another location to it if it is there."""
    if (message, context) in template:
        template[message, context].locations.append(location)
    else:
        template.add(message, locations=[location], auto_comments=comments, context=context)


def update_fragment(
    path: str | Path, files: Sequence[str | Path], notebooks: Sequence[str | Path], countries: bool
) -> bool:
    """Update a catalogue fragment with the messages of some files and notebooks (for parallel work)."""
    catalogue = read_catalogue(path, "nqp_helpers")
    catalogue.update(package_template(files, notebooks, countries), no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    return write_catalogue(catalogue, path)


def merge_fragments(fragments: Sequence[str | Path]) -> int:
    """Copy the translations of some fragments into the package's catalogue; return how many."""
    catalogue = read_catalogue(PACKAGE_PO, "nqp_helpers")
    catalogue.update(package_template(), no_fuzzy_matching=False)
    catalogue.obsolete.clear()
    copied = 0
    for fragment in fragments:
        for message in read_catalogue(fragment):
            if message.id and message.string and not message.fuzzy:
                entry = catalogue.get(message.id, message.context)
                if entry is not None and entry.string != message.string:
                    entry.string = message.string
                    entry.flags.discard("fuzzy")
                    copied += 1
    write_catalogue(catalogue, PACKAGE_PO)
    return copied


def update_package_catalogue() -> bool:
    """Bring the package's catalogue in line with the code (Babel's fuzzy matching for changed strings)."""
    catalogue = read_catalogue(PACKAGE_PO, "nqp_helpers")
    catalogue.update(package_template(), no_fuzzy_matching=False)
    catalogue.obsolete.clear()
    return write_catalogue(catalogue, PACKAGE_PO)


def package_problems(catalogue: Catalog | None = None) -> list[str]:
    """Messages of the package without a current translation (missing, empty or fuzzy)."""
    catalogue = read_catalogue(PACKAGE_PO) if catalogue is None else catalogue
    template = package_template()
    found = []
    for message in template:
        if not message.id:
            continue
        entry = catalogue.get(message.id, message.context)
        where = f"{message.locations[0][0]}:{message.locations[0][1]}" if message.locations else "?"
        if entry is None or not entry.string:
            found.append(f"{where}: no translation of {message.id!r}")
        elif entry.fuzzy:
            found.append(f"{where}: fuzzy translation of {message.id!r}")
    return found


def compiled(catalogue: Catalog) -> bytes:
    """The ``.mo`` file of a catalogue (fuzzy entries left out, as gettext does)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def compile_package() -> bool:
    """Compile the package's catalogue to the ``.mo`` file beside it; True if the file changed."""
    mo = PACKAGE_PO.with_suffix(".mo")
    data = compiled(read_catalogue(PACKAGE_PO))
    if mo.exists() and mo.read_bytes() == data:
        return False
    mo.write_bytes(data)
    return True


def build_edition(paths: Sequence[Path]) -> list[Path]:
    """Build the Chinese edition: compile the package's catalogue, write the Chinese README and plans,
    and the Chinese notebooks of ``paths``; return the notebooks whose code changed (to be executed)."""
    compile_package()
    for document in document_paths():
        target = chinese_document_path(document)
        target.parent.mkdir(exist_ok=True)
        text = build_document(document, read_catalogue(document_catalogue_path(document)))
        target.write_text(text, encoding="utf-8")
    return build(paths)


# --------------------------------------------------------------------------- #
# Command line
# --------------------------------------------------------------------------- #
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.translate", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "build", "compile", "status", "fragment", "merge"])
    parser.add_argument("--files", nargs="+", default=[], help="fragment: the Python files")
    parser.add_argument("--output", help="fragment: the fragment's path")
    parser.add_argument("--countries", action="store_true", help="fragment: the country names")
    parser.add_argument("--fragments", nargs="+", default=[], help="merge: the fragments")
    parser.add_argument("-v", "--verbose", action="store_true", help="status: list every problem")
    args, paths = nbtools.parse_args(parser, argv)
    if args.command == "extract":
        for path in paths:
            old = read_catalogue(catalogue_path(path), path.stem)
            new = update_notebook_catalogue(nbtools.read(path), old, path.stem)
            if write_catalogue(new, catalogue_path(path)):
                print(f"updated {catalogue_path(path).relative_to(ROOT)}")
        if update_package_catalogue():
            print(f"updated {PACKAGE_PO.relative_to(ROOT)}")
        for document in document_paths():
            po = document_catalogue_path(document)
            if write_catalogue(update_document_catalogue(document, read_catalogue(po, document.stem)), po):
                print(f"updated {po.relative_to(ROOT)}")
    elif args.command == "fragment":
        keys = paths if args.notebooks else []
        if update_fragment(args.output, args.files, keys, args.countries):
            print(f"updated {args.output}")
    elif args.command == "merge":
        print(f"{merge_fragments(args.fragments)} translations copied into {PACKAGE_PO.relative_to(ROOT)}")
    elif args.command == "compile":
        if compile_package():
            print(f"compiled {PACKAGE_PO.with_suffix('.mo').relative_to(ROOT)}")
    elif args.command == "build":
        stale = build_edition(paths)
        for target in stale:
            print(f"{target.relative_to(ROOT)}: code changed: python -m scripts.run_notebooks --edition zh")
    else:
        status = 0
        for path in paths:
            found = problems(nbtools.read(path), read_catalogue(catalogue_path(path)))
            print(f"{catalogue_path(path).relative_to(ROOT)}: {len(found)} problems")
            if args.verbose:
                print("".join(f"  {p}\n" for p in found), end="")
            status |= bool(found)
        found = package_problems()
        print(f"{PACKAGE_PO.relative_to(ROOT)}: {len(found)} to translate")
        if args.verbose:
            print("".join(f"  {p}\n" for p in found), end="")
        for document in document_paths():
            doc_found = document_problems(document, read_catalogue(document_catalogue_path(document)))
            print(f"{document_catalogue_path(document).relative_to(ROOT)}: {len(doc_found)} problems")
            if args.verbose:
                print("".join(f"  {p}\n" for p in doc_found), end="")
            found += doc_found
        return int(status or bool(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
