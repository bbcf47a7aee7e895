"""The Chinese edition is the English one in Chinese: same cells, same code, same numbers, current text.

The English notebooks are the source; ``notebooks/locale/zh_CN/*.po`` hold the Chinese of every markdown
cell (context: the cell's id); ``notebooks/zh-CN/`` is built from the two (``scripts/translate.py``).
These tests are what keeps the editions from drifting apart: an English paragraph edited without its
translation fails here, and so does a Chinese notebook that differs in structure, code or numbers.
"""

from __future__ import annotations

import ast
import re
import string

import nbformat
import pytest

from nqp_helpers import i18n
from scripts import nbtools, translate
from scripts.notebook_index import NOTEBOOKS

PATHS = [nbtools.NB_DIR / e["file"] for e in NOTEBOOKS]
IDS = [p.stem for p in PATHS]


@pytest.fixture
def chinese():
    """The package speaks Chinese for one test, then English again, with matplotlib's settings and
    standard output as they were (use_style() in Chinese changes both)."""
    import sys

    import matplotlib as mpl

    settings, stdout = mpl.rcParams.copy(), sys.stdout
    i18n.use_language("zh-CN")
    yield
    i18n.use_language("en")
    mpl.rcParams.update(settings)
    sys.stdout = stdout


# --------------------------------------------------------------------------- #
# Every English cell has a current translation
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_markdown_cell_has_a_current_translation_that_keeps_its_markup(path):
    """No markdown cell lacks a translation, none is fuzzy, none translates older English, and every
    translation keeps the cell's links, code, mathematics, tags, headings, numbers and markers."""
    found = translate.problems(nbtools.read(path), translate.read_catalogue(translate.catalogue_path(path)))
    assert not found, f"{path.name}: run `python -m scripts.translate -v status`:\n" + "\n".join(found[:20])


def test_editing_one_english_paragraph_without_its_translation_fails(tmp_path):
    """The drift check at work, on a copy: one sentence added to one English paragraph makes the cell's
    entry stale (problems() names it, build refuses), and extraction marks it fuzzy, keeping the old
    English beside the translation for the translator."""
    path = PATHS[2]
    nb = nbtools.read(path)
    catalogue = translate.read_catalogue(translate.catalogue_path(path))
    assert translate.problems(nb, catalogue) == []
    cell = next(c for c in nb.cells if translate.translatable(c) and "\n\n" in c.source)
    first, rest = cell.source.split("\n\n", 1)
    cell.source = first + " One more sentence.\n\n" + rest
    nbtools.write(nb, tmp_path / path.name)
    edited = nbtools.read(tmp_path / path.name)

    found = translate.problems(edited, catalogue)
    assert len(found) == 1 and cell.id in found[0] and "English changed" in found[0]
    with pytest.raises(ValueError, match="not up to date"):
        translate.build_notebook(edited, catalogue)
    updated = translate.update_notebook_catalogue(edited, catalogue, path.stem)
    entry = translate.by_context(updated)[cell.id]
    assert entry.fuzzy and entry.previous_id[0] == first + "\n\n" + rest and entry.string
    assert "fuzzy" in translate.problems(edited, updated)[0]


def test_a_translation_that_drops_a_number_or_a_link_is_refused():
    """markup_problems() catches a changed number, a lost link target, and an untranslated marker."""
    english = "**Figure 2.1.** TFP grew 1.80 % a year ([see](02-new-quality-productive-forces.ipynb))."
    assert (
        translate.markup_problems(
            english, "**图 2.1** TFP 每年增长 1.80%（[见](02-new-quality-productive-forces.ipynb)）。"
        )
        == []
    )
    found = translate.markup_problems(english, "**图 2.1.** TFP 每年增长 1.8%（见上）。")
    assert any("numbers" in f and "1.80" in f for f in found)
    assert any("link targets" in f for f in found)


# --------------------------------------------------------------------------- #
# The Chinese notebooks are the English ones, built
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_the_chinese_notebook_has_the_english_cells_code_and_tags(path):
    """Same cells in the same order (ids and types), identical code, identical cell metadata (tags,
    slide types, hidden solutions), and the catalogue's Chinese as the markdown."""
    nb, zh = nbtools.read(path), nbtools.read(translate.chinese_path(path))
    known = translate.by_context(translate.read_catalogue(translate.catalogue_path(path)))
    assert [(c.id, c.cell_type) for c in zh.cells] == [(c.id, c.cell_type) for c in nb.cells]
    assert zh.metadata.get("language") == "zh-CN"
    for en_cell, zh_cell in zip(nb.cells, zh.cells, strict=True):
        assert zh_cell.metadata == en_cell.metadata, f"cell {en_cell.id}: metadata differ"
        if translate.translatable(en_cell):
            assert zh_cell.source == known[en_cell.id].string, f"cell {en_cell.id}: not the catalogue's text"
        else:
            assert zh_cell.source == en_cell.source, f"cell {en_cell.id}: code differs"


_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:[.,]\d+)*")


def _printed_numbers(cell) -> list[str]:
    """The numbers a code cell printed (streams, text results, error values), in sorted order."""
    texts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream" and output.name == "stdout":
            texts.append(nbtools._joined(output.text))
        elif output.output_type in ("execute_result", "display_data"):
            texts.append(nbtools._joined(output.get("data", {}).get("text/plain", "")))
        elif output.output_type == "error":
            texts.append(output.evalue)
    return sorted(_NUMBER.findall("\n".join(texts)))


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_the_chinese_notebook_prints_the_english_numbers(path):
    """Every code cell prints the same numbers in both editions (as multisets: Chinese word order may
    move them); a cell whose output nbval ignores (widgets) is left out."""
    nb, zh = nbtools.read(path), nbtools.read(translate.chinese_path(path))
    for en_cell, zh_cell in zip(nb.cells, zh.cells, strict=True):
        if en_cell.cell_type != "code" or "NBVAL_IGNORE_OUTPUT" in en_cell.source:
            continue
        assert bool(zh_cell.outputs) == bool(en_cell.outputs), f"cell {en_cell.id}: run the Chinese edition"
        assert _printed_numbers(zh_cell) == _printed_numbers(en_cell), f"cell {en_cell.id}: numbers differ"


# --------------------------------------------------------------------------- #
# The package's catalogue
# --------------------------------------------------------------------------- #
def _fields(message: str) -> list[str]:
    return sorted(name for _text, name, spec, _conv in string.Formatter().parse(message) if name is not None)


def test_every_message_of_the_package_is_translated_with_its_placeholders():
    """Every string of the package passed to _() or N_(), every text in a notebook's answer keys and
    every country name has a translation that is not fuzzy and keeps the same {placeholders}."""
    catalogue = translate.read_catalogue(translate.PACKAGE_PO)
    assert translate.package_problems(catalogue) == []
    for message in catalogue:
        if message.id and message.string:
            assert _fields(message.string) == _fields(message.id), f"placeholders differ in {message.id!r}"


def test_the_compiled_catalogue_is_the_current_one():
    """The .mo file gettext reads is the .po compiled (python -m scripts.translate compile)."""
    mo = translate.PACKAGE_PO.with_suffix(".mo")
    assert mo.read_bytes() == translate.compiled(translate.read_catalogue(translate.PACKAGE_PO))


def test_use_language_switches_what_the_package_says(chinese):
    """In Chinese a translated message comes back in Chinese; in English unchanged; an unknown
    language is refused with the rule and the value."""
    message = next(m for m in translate.read_catalogue(translate.PACKAGE_PO) if m.id and m.string)
    assert i18n._(message.id) == message.string
    i18n.use_language("en")
    assert i18n._(message.id) == message.id
    with pytest.raises(ValueError, match="language must be one of en, zh-CN; got 'fr'"):
        i18n.use_language("fr")


def test_a_notebook_in_the_chinese_folder_speaks_chinese(tmp_path, monkeypatch):
    """The kernel of a notebook in notebooks/zh-CN/ starts there: the package chooses Chinese;
    NQP_LANG overrides the folder."""
    folder = tmp_path / "notebooks" / "zh-CN"
    assert i18n.detect_language({}, folder) == "zh-CN"
    assert i18n.detect_language({"NQP_LANG": "en"}, folder) == "en"
    assert i18n.detect_language({}, tmp_path / "notebooks") == "en"
    with pytest.raises(ValueError, match="NQP_LANG must be one of"):
        i18n.detect_language({"NQP_LANG": "de"}, folder)


# --------------------------------------------------------------------------- #
# The font
# --------------------------------------------------------------------------- #
def test_every_chinese_character_of_the_package_has_a_glyph(chinese):
    """A figure drawn with every character of the package's Chinese messages raises no missing-glyph
    error: the shipped font covers them all (figures in the notebooks are checked by nbval)."""
    import matplotlib.pyplot as plt

    from nqp_helpers.lessons.plotting import use_style

    use_style()
    characters = sorted({ch for m in translate.read_catalogue(translate.PACKAGE_PO) for ch in str(m.string)})
    fig, ax = plt.subplots()
    for start in range(0, len(characters), 80):
        ax.text(0, start / 1000, "".join(characters[start : start + 80]))
    fig.canvas.draw()
    plt.close(fig)


def test_a_character_without_a_glyph_is_an_error(chinese):
    """matplotlib draws an empty box for a character no font has: in Chinese that is an error, in
    plain text and in mathematics alike."""
    import matplotlib.pyplot as plt

    from nqp_helpers.lessons.plotting import use_style

    use_style()
    for label in ("\U0002a6d6", "$x$ \U0002a6d6"):
        fig, ax = plt.subplots()
        ax.set_title(label)
        with pytest.raises(UserWarning, match="glyph|Glyph"):
            fig.canvas.draw()
        plt.close(fig)


def test_the_font_is_the_checked_noto_sans_cjk_sc_under_the_ofl():
    """The font file is the one scripts/fonts.py checked, and its licence travels with it."""
    from scripts import fonts

    assert fonts.installed(), "run python -m scripts.fonts"
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_reading_a_chinese_notebook_needs_no_english_markdown():
    """A reader who knows no English: no Chinese markdown cell is left in English (a cell with no
    Chinese character at all is allowed only if it has no words, e.g. a formula or a link list)."""
    for path in PATHS:
        zh = nbformat.read(translate.chinese_path(path), as_version=4)
        for cell in zh.cells:
            if translate.translatable(cell):
                text = re.sub(r"\$[^$]*\$|`[^`]*`|\([^)]*\.ipynb[^)]*\)", " ", cell.source)
                words = re.findall(r"[A-Za-z]{4,}", text)
                has_chinese = re.search(r"[\u4e00-\u9fff]", cell.source)
                assert has_chinese or not words, f"{path.name} cell {cell.id} reads English: {words[:5]}"


# --------------------------------------------------------------------------- #
# Terms
# --------------------------------------------------------------------------- #
def glossary_misses(english: str, chinese: str, terms: list[tuple[str, str]]) -> list[str]:
    """The glossary terms an English text uses whose Chinese the translation does not use.

    A term counts where it appears as a whole phrase (any case, plural -s allowed), outside code,
    formulas and the quoted titles of works in references (``Hulten (1978), "Growth Accounting with
    ..."`` stays in English). The longest terms are matched first, so "new quality productive
    forces" is not also counted as "productive forces".
    """
    titles = r'\(\d{4}[a-z]?\)[.,]?\s*"[^"]*"'
    prose = re.sub(r"```.*?```|`[^`]*`|\$[^$]*\$|" + titles, " ", english, flags=re.DOTALL).lower()
    misses = []
    for term, term_zh in sorted(terms, key=lambda t: -len(t[0])):
        pattern = r"(?<![\w-])" + re.escape(term.lower()) + r"s?(?![\w-])"
        if re.search(pattern, prose):
            prose = re.sub(pattern, " ", prose)
            if term_zh not in chinese:
                misses.append(f"{term} -> {term_zh}")
    return misses


def _glossary_terms() -> list[tuple[str, str]]:
    from nqp_helpers.glossary import load_glossary

    return [(t.english, t.chinese) for t in load_glossary()]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_the_chinese_edition_uses_the_glossary_terms(path):
    """The glossary is the one source of the terms' Chinese: where an English cell uses a term, its
    translation uses the glossary's Chinese for it. A translator who meets a glossary word in another
    sense says so in the entry, with a comment ``# glossary: workers - "office workers", 办公室职员``."""
    terms = _glossary_terms()
    found = []
    for message in translate.read_catalogue(translate.catalogue_path(path)):
        if message.id and message.string:
            allowed = {
                c.split(":", 1)[1].split(" - ")[0].strip()
                for c in message.user_comments
                if c.startswith("glossary:")
            }
            misses = glossary_misses(message.id, message.string, terms)
            found += [f"cell {message.context}: {m}" for m in misses if m.split(" -> ")[0] not in allowed]
    assert not found, "\n".join(found)


# --------------------------------------------------------------------------- #
# The README and the instructors' plans
# --------------------------------------------------------------------------- #
DOCUMENTS = translate.document_paths()


@pytest.mark.parametrize(
    "document", DOCUMENTS, ids=[d.relative_to(translate.ROOT).as_posix() for d in DOCUMENTS]
)
def test_every_document_has_a_current_chinese_edition(document):
    """README.zh-CN.md and instructor/zh-CN/*.md are their English files block by block in Chinese:
    every block translated and not fuzzy, markup and numbers kept, and the file the current build."""
    catalogue = translate.read_catalogue(translate.document_catalogue_path(document))
    found = translate.document_problems(document, catalogue)
    assert not found, "\n".join(found[:20])
    built = translate.chinese_document_path(document)
    assert built.read_text(encoding="utf-8") == translate.build_document(document, catalogue), (
        f"{built.name} is not the current build: python -m scripts.translate build"
    )


def test_editing_one_block_of_a_plan_makes_its_translation_fuzzy(tmp_path):
    """The documents' drift check, on a copy: a changed paragraph is matched to its old translation,
    marked fuzzy, and reported."""
    plan = translate.document_paths()[2]
    catalogue = translate.read_catalogue(translate.document_catalogue_path(plan))
    blocks = translate.markdown_blocks(plan.read_text(encoding="utf-8"))
    target = max(blocks, key=len)
    copy = tmp_path / plan.name
    copy.write_text(
        plan.read_text(encoding="utf-8").replace(target, target + " One more sentence."), encoding="utf-8"
    )
    updated = translate.update_document_catalogue(copy, catalogue)
    entry = updated.get(target + " One more sentence.")
    assert entry is not None and entry.fuzzy and entry.string
    assert any("fuzzy" in p for p in translate.document_problems(copy, updated))


# --------------------------------------------------------------------------- #
# Around the notebooks: students' copies, pages, the lab's start
# --------------------------------------------------------------------------- #
def test_the_chinese_students_copies_leave_out_the_solutions_and_speak_chinese(tmp_path):
    """make student writes the Chinese edition's copies into student/zh-CN/ with a Chinese README; the
    copies keep no solution cell (the same cells as the English copies, since the tags are the same)."""
    from scripts import student_copies

    path = translate.chinese_path(PATHS[3])
    out = tmp_path / "student" / "zh-CN"
    (copy,) = student_copies.write([path], out, execute=False)
    english = student_copies.student_notebook(nbtools.read(PATHS[3]))
    chinese = nbtools.read(copy)
    assert [c.id for c in chinese.cells] == [c.id for c in english.cells]
    assert not any(nbtools.is_solution(c) for c in chinese.cells)
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "学生版" in readme and "zh-CN" in readme


def test_the_chinese_index_page_is_in_chinese(tmp_path):
    """The offline pages' and slides' index of the Chinese edition lists the Chinese titles, in a page
    marked lang="zh-CN"."""
    from scripts import export_html

    entries = export_html.catalogue(nbtools.CHINESE_DIR)
    export_html.write_index(tmp_path, entries, {}, "新质生产力：笔记本（中文版）", "说明", edition="zh")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page and "从这里开始" in page and "not yet written" not in page


# --------------------------------------------------------------------------- #
# Lines that code cells print
# --------------------------------------------------------------------------- #
def test_a_printed_line_becomes_its_templates_translation_with_the_printed_values(chinese):
    """A line that matches a template is translated with its values put back (a value the catalogue
    knows, such as a country, translated too); a line that matches none, and every line in English,
    is unchanged."""
    from scripts import translate as tr

    print_call = 'print(f"TFP share of growth: {tfp_share:.1f} %")'
    (template,) = tr._print_lines(ast.parse(print_call).body[0].value)
    assert template == "TFP share of growth: {0} %"
    catalogue = tr.read_catalogue(tr.PACKAGE_PO)
    chinese_template = catalogue.get(template, tr.PRINTED).string
    assert i18n.translate_line("TFP share of growth: 30.3 %") == chinese_template.format("30.3")
    assert i18n.translate_line("nothing like a template") == "nothing like a template"
    i18n.use_language("en")
    assert i18n.translate_line("TFP share of growth: 30.3 %") == "TFP share of growth: 30.3 %"


def test_the_translating_stream_waits_for_whole_lines(chinese):
    """print() writes its pieces separately: the stream translates only whole lines, and a flush
    writes what is left."""
    import io

    out = io.StringIO()
    stream = i18n.TranslatingStream(out)
    stream.write("TFP share")
    stream.write(" of growth: 30.3 %")
    assert out.getvalue() == ""
    stream.write("\nrest")
    assert out.getvalue() == i18n.translate_line("TFP share of growth: 30.3 %") + "\n"
    stream.flush()
    assert out.getvalue().endswith("\nrest")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_the_lines_a_notebook_prints_have_templates_with_the_same_placeholders(path):
    """Every line template of a notebook's print calls is in the package's catalogue, translated, with
    each {n} once, and the numbers of its literal text kept."""
    catalogue = translate.read_catalogue(translate.PACKAGE_PO)
    for template in translate.printed_lines(nbtools.read(path)):
        entry = catalogue.get(template, translate.PRINTED)
        assert entry is not None and entry.string, f"no translation of the printed line {template!r}"
        assert sorted(re.findall(r"\{\d+\}", entry.string)) == sorted(re.findall(r"\{\d+\}", template))
        numbers = translate.markup_problems(
            re.sub(r"\{\d+\}", " ", template), re.sub(r"\{\d+\}", " ", entry.string)
        )
        assert not [p for p in numbers if p.startswith("numbers")], (template, numbers)


def test_the_chinese_pages_carry_their_font(tmp_path):
    """Offline pages and slides of the Chinese edition copy the font and its licence into assets/ and
    declare it for Chinese characters, so that they read on a computer without Chinese fonts."""
    from scripts import export_html, fonts

    export_html.copy_chinese_font(tmp_path)
    assert (tmp_path / "assets" / fonts.FONT_NAME).stat().st_size == (
        fonts.FONT_DIR / fonts.FONT_NAME
    ).stat().st_size
    assert (tmp_path / "assets" / "OFL.txt").exists()
    assert 'url("assets/NotoSansCJKsc-Regular.otf")' in export_html.CHINESE_FONT_STYLE
    assert "unicode-range:U+2E80" in export_html.CHINESE_FONT_STYLE
