"""Quotation integrity: every passage the collection presents as the article's words is in the article.

The collection quotes an English machine translation of He Zili (2024). The translation is not part of the
repository; the tests that need it look for it at ``../shared/source/article.txt`` next to the repository
(CI has it) and skip, naming that path, when it is absent.

What counts as a quotation of the article (the extraction, explicit so that it can be reviewed):

- every markdown **block quote** (``> ...``) of a notebook: the collection uses block quotes for the article
  only. Inside a block quote, everything outside ``[brackets]`` is the article's text;
- every **quoted phrase** (``"..."`` or ``“...”``) in a **unit that cites the article**: a notebook's markdown
  cell, or a paragraph, list item, table row or heading of an instructor's plan (``instructor/*.md``), whose
  text names "the article". These are not quotations: phrases inside ``[bracketed]`` insertions (our
  glosses), code spans and LaTeX, titles of works (a phrase right after a year, ``(1957), "..."`` or
  ``(1945, "...``, and everything under a *Further reading* heading), names of the collection's own
  sections (a phrase equal to a heading, or to a bold label opening a line, of a notebook or plan), and the
  phrases of :data:`NOT_THE_ARTICLE`, each with its reason.

What a match forgives (:func:`pieces` and :func:`first_missing`): white space and line breaks; curly versus
straight quotation marks and apostrophes, and double versus single quotation marks (a quotation inside a
quotation); the case of a quotation's first letter; punctuation at its end. A marked ellipsis (``...``,
``…``, ``[...]``) and a ``[bracketed]`` insertion split a quotation into pieces, which must all be found, in
order. Nothing else is forgiven.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from nqp_helpers.revolutions import REVOLUTIONS
from scripts import nbtools

ROOT = nbtools.ROOT
#: The article's English text: outside the repository, next to it, or where ``NQP_ARTICLE_TEXT`` says
#: (CI sets it when it tests a clone made elsewhere).
ARTICLE = Path(os.environ.get("NQP_ARTICLE_TEXT") or ROOT.parent / "shared" / "source" / "article.txt")
INSTRUCTOR = ROOT / "instructor"

#: Quoted phrases in cells that cite the article which are deliberately not the article's words.
NOT_THE_ARTICLE = {
    "Solow residual": "the economists' name for the residual (Solow 1957), not the article's",
    "more inputs": "the collection's own term for extensive growth (notebook 00, cell 1)",
    "some sort of measure of our ignorance": "Abramovitz (1956), cited with its source in notebook 02",
    "September 2023": "our English for the Chinese date 2023年9月, which the translation garbles",
    "inputs": "the name of a column of the growth accounts, next to TFP",
    "TFP": "the name of a column of the growth accounts, next to inputs",
    "is this economy's productivity growth green?": "a question the seminar asks, not the article",
    "The 50 % rule comes from the article.": "a misconception the plan quotes in order to correct it",
    "path (article, section 4) | tool in this notebook | growth-accounting term it moves": (
        "the header of a table of notebook 04 that the plan names"
    ),
}

_CODE = re.compile(r"`[^`\n]*`")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_BRACKET = re.compile(r"\[[^\[\]]*\]")
_ELLIPSIS = re.compile(r"\.\.\.|…")
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”')
_DOUBLE_QUOTE = re.compile(r'["“”]')
_TITLE_BEFORE = re.compile(r"\(\d{4}[a-z]?(?:\)[.,]?|,)\s*$")
_CITES = re.compile(r"\barticle\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s*#+\s*(.*?)\s*$|^\*\*([^*]+?)\.?\*\*", re.MULTILINE)
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|step \d+:)\s*", re.IGNORECASE)
_FURTHER_READING = re.compile(
    r"^#+\s*further reading\b.*?(?=^#|\Z)", re.IGNORECASE | re.MULTILINE | re.DOTALL
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
_QUOTE_MARKS = str.maketrans({"“": "'", "”": "'", "‘": "'", "’": "'", '"': "'"})
_CUT = "\x00"


@dataclass(frozen=True)
class Quotation:
    """One passage presented as the article's words.

    Attributes
    ----------
    source : str
        The file, relative to the repository ("notebooks/00-start-here.ipynb").
    place : str
        Where in the file: "cell 2" (a notebook) or "line 14" (an instructor's plan).
    text : str
        The quotation as written, without its outer quotation marks.
    """

    source: str
    place: str
    text: str

    def __str__(self) -> str:
        return f"{self.source}, {self.place}: {self.text!r}"


def normalise(text: str) -> str:
    """Text as the match compares it: every quotation mark or apostrophe one ``'``, white space one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip()


def pieces(quotation: str) -> list[str]:
    """The pieces of a quotation that must be found in order: split at marked ellipses, ``[bracketed]``
    insertions and double quotation marks, normalised, without the punctuation at a piece's end.

    >>> pieces('high quality, [...] It takes the leap."')
    ['high quality', 'It takes the leap']
    """
    cut = _DOUBLE_QUOTE.sub(_CUT, _ELLIPSIS.sub(_CUT, _BRACKET.sub(_CUT, quotation)))
    found = []
    for part in cut.split(_CUT):
        part = normalise(part).strip(" '").rstrip(".,;:!?").strip(" '")
        if re.search(r"\w", part):
            found.append(part)
    return found


def first_missing(quotation: str, article: str) -> str | None:
    """The first piece of a quotation not found in the normalised article after the pieces before it,
    or None if every piece is found in order (the first letter of a piece may differ in case)."""
    position = 0
    for piece in pieces(quotation):
        first = re.escape(piece[0].lower()) + re.escape(piece[0].upper())
        match = re.compile(f"[{first}]" + re.escape(piece[1:])).search(article, position)
        if match is None:
            return piece
        position = match.end()
    return None


def _headings(text: str) -> set[str]:
    """The headings of a markdown text and the bold labels that open a line ("**What to notice.**"),
    without their numbering, in lower case."""
    return {_SECTION_NUMBER.sub("", a or b).strip("* ").lower() for a, b in _HEADING.findall(text)}


def _clean(text: str) -> str:
    """Markdown without what cannot hold a quotation: code, LaTeX, link targets, reading lists; every
    ``[bracketed]`` insertion becomes ``[]`` (its quoted phrases are ours), so a bracket still splits."""
    text = _FURTHER_READING.sub("", text)
    text = _MATH.sub(" ", _CODE.sub(" ", _LINK_TARGET.sub("]", text)))
    return _BRACKET.sub("[]", text)


def quotations(text: str, headings: frozenset[str] = frozenset()) -> Iterator[str | ValueError]:
    """The quotations of the article in one unit of markdown (a cell, a paragraph), in order; a
    ``ValueError`` in the stream for a paragraph whose quotation marks do not pair.

    Block quotes always count; quoted phrases only when the unit cites the article, and not when they are
    titles, one of ``headings`` or in :data:`NOT_THE_ARTICLE`.

    >>> list(quotations('> "A claim" [that is, ours]\\n\\nThe article calls it "a leap" (Solow 1957)'))
    ['"A claim" []', 'a leap']
    """
    text = _clean(text)
    cites = bool(_CITES.search(text))
    lines = []
    block: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.lstrip().startswith(">"):
            block.append(line.lstrip()[1:])
            continue
        if block:
            yield "\n".join(block).strip()
            block = []
        lines.append(line)
    if not cites:
        return
    for paragraph in re.split(r"\n\s*\n", "\n".join(lines)):
        if len(re.findall('"', paragraph)) % 2 or paragraph.count("“") != paragraph.count("”"):
            yield ValueError(f"unpaired quotation marks in {normalise(paragraph)[:80]!r}...")
            continue
        for match in _QUOTED.finditer(paragraph):
            quoted = match.group(1) if match.group(1) is not None else match.group(2)
            if _TITLE_BEFORE.search(paragraph[: match.start()]):
                continue
            if normalise(quoted) in NOT_THE_ARTICLE or normalise(quoted).lower() in headings:
                continue
            yield quoted


def _units() -> Iterator[tuple[str, str, str]]:
    """(file, place, markdown) for every notebook markdown cell, and every paragraph, list item, table row
    and heading of the instructors' plans."""
    for path in sorted(nbtools.NB_DIR.glob("*.ipynb")):
        for index, cell in enumerate(nbtools.read(path).cells):
            if cell.cell_type == "markdown":
                yield f"notebooks/{path.name}", f"cell {index}", cell.source
    for path in sorted(INSTRUCTOR.glob("*.md")):
        start, unit = 0, []
        for number, line in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], start=1):
            stripped = line.lstrip()
            ends = not stripped or _LIST_ITEM.match(line) or stripped.startswith(("|", "#"))
            if ends and unit:
                yield f"instructor/{path.name}", f"line {start}", "\n".join(unit)
                unit = []
            if stripped:
                start = number if not unit else start
                unit.append(line)


@cache
def _all_headings() -> frozenset[str]:
    """The section names of every notebook and plan (a quoted one is a cross-reference, not a quotation)."""
    names: set[str] = set()
    for _, _, text in _units():
        names |= _headings(text)
    return frozenset(names)


@cache
def collected() -> tuple[list[Quotation], list[str]]:
    """Every quotation of the article in the collection, and every unit whose quotation marks do not pair."""
    found, unpaired = [], []
    for source, place, text in _units():
        for item in quotations(text, _all_headings()):
            if isinstance(item, ValueError):
                unpaired.append(f"{source}, {place}: {item}")
            else:
                found.append(Quotation(source, place, item))
    return found, unpaired


@pytest.fixture(scope="module")
def article() -> str:
    """The article's English text, normalised; the test is skipped, naming the path, when it is absent."""
    if not ARTICLE.is_file():
        pytest.skip(f"the article's text is not at {ARTICLE} (it is kept outside the repository)")
    return normalise(ARTICLE.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- #
# The collection
# --------------------------------------------------------------------------- #
def test_every_quotation_of_the_article_is_in_its_text(article):
    """Every block quote, and every quoted phrase in a cell or paragraph that cites the article, is the
    article's text, forgiving only what the module docstring lists; every miss is reported at once."""
    found, _ = collected()
    missing = []
    for quotation in found:
        piece = first_missing(quotation.text, article)
        if piece is not None:
            detail = "" if piece == normalise(quotation.text).strip("'") else f" (not found: {piece!r})"
            missing.append(f"{quotation}{detail}")
    assert not missing, f"{len(missing)} quotations are not the article's words:\n" + "\n".join(missing)


def test_the_revolutions_notebook_03_prints_are_the_articles_words(article):
    """The quotations and the datings (the part in single quotation marks) that notebook 03 prints from
    ``nqp_helpers.revolutions.REVOLUTIONS`` are the article's text, by the same rules."""
    missing = []
    for revolution in REVOLUTIONS:
        dating = re.fullmatch(r"'(.+)' \[.+\]", revolution.dating)
        assert dating is not None, revolution.dating
        for text in (revolution.quote, dating.group(1)):
            piece = first_missing(text, article)
            if piece is not None:
                missing.append(f"revolution {revolution.number}: {text!r} (not found: {piece!r})")
    assert not missing, "\n".join(missing)


def test_the_collection_quotes_the_article_at_all():
    """The extraction finds the article's quotations (a broken extraction would pass everything)."""
    found, _ = collected()
    assert len(found) > 100
    assert any("core symbol" in quotation.text for quotation in found)


def test_quotation_marks_pair_in_every_paragraph_that_cites_the_article():
    """In a cell or paragraph that cites the article, every opening quotation mark has its closing one, so
    that no quotation is read wrongly."""
    _, unpaired = collected()
    assert not unpaired, "\n".join(unpaired)


def test_every_entry_of_the_allow_list_is_quoted_somewhere():
    """Every phrase :data:`NOT_THE_ARTICLE` exempts is still quoted in a cell that cites the article (a
    stale entry would exempt a future misquotation)."""
    quoted: set[str] = set()
    for _, _, text in _units():
        cleaned = _clean(text)
        if _CITES.search(cleaned):
            quoted |= {normalise(a or b) for a, b in _QUOTED.findall(cleaned)}
    assert not set(NOT_THE_ARTICLE) - quoted, sorted(set(NOT_THE_ARTICLE) - quoted)


def test_no_entry_of_the_allow_list_is_the_articles_text(article):
    """A phrase found in the article needs no exemption: the allow-list holds only what is not the
    article's."""
    needless = [phrase for phrase in NOT_THE_ARTICLE if first_missing(phrase, article) is None]
    assert not needless, needless


# --------------------------------------------------------------------------- #
# The rules of the match
# --------------------------------------------------------------------------- #
SOURCE = normalise(
    'He said that: "New quality productivity is an advanced productivity.\n It takes the leap."'
)


@pytest.mark.parametrize(
    "quotation",
    [
        "new quality productivity is an advanced productivity",  # first letter's case
        "New quality   productivity\nis an advanced productivity.",  # white space, end punctuation
        "He said that: “New quality productivity",  # curly quotation marks
        "He said that: 'New quality productivity",  # a quotation inside a quotation
        "New quality productivity [...] It takes the leap",  # a marked ellipsis
        "New quality productivity … the leap",  # an ellipsis character
        "an advanced productivity [that is, 先进生产力]. It takes",  # a bracketed insertion
        "He said [...] It takes the leap.",
    ],
)
def test_a_faithful_quotation_is_found(quotation):
    """A quotation that differs from the text only in what the rules forgive is found."""
    assert first_missing(quotation, SOURCE) is None


@pytest.mark.parametrize(
    ("quotation", "missing"),
    [
        ("a significant increase", "a significant increase"),  # a changed word
        ("New quality productivity is advanced", "New quality productivity is advanced"),  # a dropped word
        ("It takes the leap [...] New quality", "New quality"),  # pieces out of order
        ("new Quality productivity", "new Quality productivity"),  # case inside the quotation
        ("New quality productivities", "New quality productivities"),  # a changed ending
        ("It takes the leap - ", "It takes the leap -"),  # punctuation the text does not have
    ],
)
def test_anything_else_is_not_forgiven(quotation, missing):
    """A change of word, of order, of case after the first letter or of inner punctuation is a miss, and
    the piece that is missing is named."""
    assert first_missing(quotation, SOURCE) == missing


def test_a_block_quote_counts_even_where_the_cell_does_not_name_the_article():
    """Every block quote is taken as the article's words, with its bracketed insertions kept as splits."""
    assert list(quotations('## 4. Green\n\n> "Fourth, green." [that is, 绿色] [...] "Carbon peaking."')) == [
        '"Fourth, green." [] [] "Carbon peaking."'
    ]


def test_quoted_phrases_count_only_where_the_unit_cites_the_article():
    """A quoted phrase is the article's only in a cell or paragraph that names the article."""
    assert list(quotations('Growth was "extensive".')) == []
    assert list(quotations('The article calls growth "extensive".')) == ["extensive"]


def test_code_latex_titles_glosses_headings_and_reading_lists_are_not_quotations():
    """Quoted text in code, LaTeX, a [bracketed] gloss, a title after a year, a section name, a reading list
    or the allow-list is not taken as the article's words."""
    text = (
        'The article: `check("0.1")`, $x = "y"$, [that is, 专精特新 "little giants"], '
        'Solow (1957), "Technical Change", see "The two threads", the "Solow residual".'
        '\n\n## Further reading\n\n- "A title", 2024.'
    )
    assert list(quotations(text, frozenset({"the two threads"}))) == []


def test_unpaired_quotation_marks_are_reported():
    """A paragraph citing the article with an odd number of quotation marks is reported, not guessed."""
    (item,) = quotations('The article says "a leap, and more.')
    assert isinstance(item, ValueError)
