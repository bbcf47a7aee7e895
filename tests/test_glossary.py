"""The bilingual glossary: complete, without duplicates, searchable in three ways."""

import csv
import dataclasses
import unicodedata

import pytest

from nqp_helpers import glossary
from nqp_helpers.glossary import GlossaryEntry, glossary_file, glossary_table, load_glossary, lookup

HEADER = "english,chinese,pinyin,definition,first_notebook\n"

# The terms issue 9 names, with the Chinese the collection uses for them.
REQUIRED = {
    "new quality productive forces": "新质生产力",
    "total factor productivity (TFP)": "全要素生产率",
    "workers": "劳动者",
    "means of labour": "劳动资料",
    "objects of labour": "劳动对象",
    "productive forces": "生产力",
    "relations of production": "生产关系",
    "extensive growth": "粗放型增长",
    "intensive growth": "集约型增长",
    "high-quality development": "高质量发展",
    "labour productivity": "劳动生产率",
    "human capital": "人力资本",
    "capital deepening": "资本深化",
    "Solow residual": "索洛余值",
    "growth accounting": "增长核算",
    "Cobb-Douglas production function": "柯布-道格拉斯生产函数",
    "elasticity of substitution": "替代弹性",
    "diminishing returns": "边际报酬递减",
    "steady state": "稳态",
    "saving rate": "储蓄率",
    "depreciation rate": "折旧率",
    "demographic dividend": "人口红利",
    "return to capital": "资本回报率",
    "capital-output ratio": "资本产出比",
    "general-purpose technology": "通用目的技术",
    "technology diffusion": "技术扩散",
    "industrial and supply chains": "产业链供应链",
    "modern industrial system": "现代化产业体系",
    "strategic emerging industries": "战略性新兴产业",
    "future industries": "未来产业",
    "structural change": "结构变迁",
    "shift-share analysis": "偏离-份额分析",
    "misallocation": "资源错配",
    "green total factor productivity (green TFP)": "绿色全要素生产率",
    "Kaya identity": "卡亚恒等式",
    "carbon intensity": "碳强度",
    "energy intensity": "能源强度",
    "labour share": "劳动收入份额",
    "distribution according to factor contribution": "按要素贡献分配",
    "new development concept": "新发展理念",
    "scientific and technological innovation": "科技创新",
    "disruptive technology": "颠覆性技术",
    "digital economy": "数字经济",
    "allocation of production factors": "要素配置",
    "development accounting": "发展核算",
    "output per worker": "劳均产出",
    "output per person": "人均产出",
    "national innovation system": "国家创新体系",
}


def write(tmp_path, body, header=HEADER):
    path = tmp_path / "glossary.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


GOOD_ROW = "workers,劳动者,láodòngzhě,People who produce.,00\n"


# --------------------------------------------------------------------------- #
# The shipped glossary
# --------------------------------------------------------------------------- #
def test_glossary_has_at_least_forty_terms_each_in_both_languages():
    """The glossary has 40 or more terms; each has English, Chinese (with Chinese characters),
    pinyin and a one-sentence definition."""
    terms = load_glossary()
    assert len(terms) >= 40
    for t in terms:
        assert t.english and t.chinese and t.pinyin and t.definition, t
        assert any("\u4e00" <= ch <= "\u9fff" for ch in t.chinese), t
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in t.english + t.pinyin), t
        assert t.definition.endswith(".") and t.definition.count(". ") == 0, t.english


def test_glossary_has_no_duplicates():
    """No English term and no Chinese term appears twice (read straight from the CSV)."""
    with open(glossary_file(), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    english = [r["english"].lower() for r in rows]
    chinese = [r["chinese"] for r in rows]
    assert len(set(english)) == len(english)
    assert len(set(chinese)) == len(chinese)
    assert len(rows) == len(load_glossary())


def test_glossary_contains_the_terms_the_issue_names():
    """Every term issue 9 asks for is there with the expected Chinese name."""
    by_english = {t.english: t.chinese for t in load_glossary()}
    missing = {en: zh for en, zh in REQUIRED.items() if by_english.get(en) != zh}
    assert not missing


def test_first_notebooks_are_planned_notebooks():
    """first_notebook names a notebook of the collection (00-05), and every notebook introduces terms."""
    numbers = {t.first_notebook for t in load_glossary()}
    assert numbers == {"00", "01", "02", "03", "04", "05"}


def test_pinyin_is_precomposed_and_has_tone_marks():
    """Pinyin is stored in Unicode NFC and nearly every term carries tone marks."""
    terms = load_glossary()
    assert all(unicodedata.normalize("NFC", t.pinyin) == t.pinyin for t in terms)
    toned = [
        t for t in terms if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", t.pinyin))
    ]
    assert len(toned) == len(terms)


def test_entries_are_frozen_and_the_cache_is_safe():
    """Entries are frozen dataclasses, and changing the returned list does not change the next load."""
    terms = load_glossary()
    with pytest.raises(dataclasses.FrozenInstanceError):
        terms[0].english = "changed"
    terms.clear()
    assert len(load_glossary()) >= 40


# --------------------------------------------------------------------------- #
# Lookup
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "query, english",
    [
        ("total factor productivity", "total factor productivity (TFP)"),
        ("TFP", "total factor productivity (TFP)"),
        ("tfp", "total factor productivity (TFP)"),
        ("Labor Share", "labour share"),
        ("shift share", "shift-share analysis"),
        ("solow residual", "Solow residual"),
    ],
)
def test_lookup_by_english_ignores_case_hyphens_and_spelling(query, english):
    """English queries ignore case and hyphens and accept 'labor' for 'labour'; the exact term comes first."""
    found = lookup(query)
    assert found and found[0].english == english


@pytest.mark.parametrize(
    "query, english",
    [
        ("新质生产力", "new quality productive forces"),
        ("全要素生产率", "total factor productivity (TFP)"),
        ("劳动对象", "objects of labour"),
        ("偏离份额分析", "shift-share analysis"),
    ],
)
def test_lookup_by_chinese(query, english):
    """A Chinese term finds its entry first (hyphens in the Chinese term are optional)."""
    assert lookup(query)[0].english == english


def test_lookup_by_chinese_part_finds_every_term_containing_it():
    """Part of a Chinese term finds every entry whose Chinese name contains it."""
    found = {t.chinese for t in lookup("生产率")}
    assert found == {t.chinese for t in load_glossary() if "生产率" in t.chinese}
    assert {"全要素生产率", "劳动生产率", "绿色全要素生产率"} <= found


@pytest.mark.parametrize(
    "query, english",
    [
        ("xin zhi sheng chan li", "new quality productive forces"),
        ("xīnzhì shēngchǎnlì", "new quality productive forces"),
        ("XINZHI SHENGCHANLI", "new quality productive forces"),
        ("quan yao su sheng chan lv", "total factor productivity (TFP)"),
        ("lüse quan", "green total factor productivity (green TFP)"),
        ("lu se quan yao su", "green total factor productivity (green TFP)"),
        ("suo luo yu zhi", "Solow residual"),
        ("pian li fen e", "shift-share analysis"),
    ],
)
def test_lookup_by_pinyin_ignores_tones_and_spaces(query, english):
    """Pinyin is matched without tone marks, spaces or apostrophes; ü may be typed u or v."""
    assert lookup(query)[0].english == english


def test_lookup_orders_exact_then_prefix_then_contains():
    """'productive forces' itself comes before the longer term that contains it."""
    names = [t.english for t in lookup("productive forces")]
    assert names[0] == "productive forces"
    assert "new quality productive forces" in names[1:]


def test_lookup_without_match_is_empty():
    """A query matching nothing returns an empty list, not an error."""
    assert lookup("phlogiston") == []


@pytest.mark.parametrize("bad", ["", "   ", None, 3])
def test_lookup_rejects_empty_or_non_text_queries(bad):
    """An empty or non-string query raises ValueError naming the argument."""
    with pytest.raises(ValueError, match="query must be a non-empty string"):
        lookup(bad)


# --------------------------------------------------------------------------- #
# The printable table
# --------------------------------------------------------------------------- #
def test_table_lists_every_term_once_with_aligned_columns():
    """The full table has a header, a rule and one line per term; the pinyin column starts at the
    same display column on every line (Chinese characters count as two)."""
    table = glossary_table().splitlines()
    terms = load_glossary()
    assert len(table) == 2 + len(terms)
    assert table[0].startswith("English") and set(table[1]) <= {"-", " "}
    starts = set()
    for line, term in zip(table[2:], terms, strict=True):
        before = line[: line.index(term.pinyin)]
        starts.add(glossary._width(before))
    assert len(starts) == 1


def test_table_filters_by_query_and_notebook_and_shows_definitions():
    """A query, a notebook number and definitions=True narrow and extend the table as asked."""
    one = glossary_table("劳动对象", definitions=True).splitlines()
    assert len(one) == 4 and "láodòng duìxiàng" in one[2] and one[3].startswith("    What labour works on")
    nb5 = glossary_table(notebook=5)
    assert "development accounting" in nb5 and "Solow residual" not in nb5
    assert glossary_table("phlogiston") == "no glossary term matches 'phlogiston'"


@pytest.mark.parametrize("bad", ["two", 1.5, True, "123"])
def test_table_rejects_bad_notebook(bad):
    """A notebook that is not a number 0-99 raises ValueError naming the argument."""
    with pytest.raises(ValueError, match="notebook must be a notebook number"):
        glossary_table(notebook=bad)


# --------------------------------------------------------------------------- #
# Malformed files
# --------------------------------------------------------------------------- #
def test_a_good_small_file_loads(tmp_path):
    """A well-formed one-row file loads into a GlossaryEntry."""
    assert load_glossary(write(tmp_path, GOOD_ROW)) == [
        GlossaryEntry("workers", "劳动者", "láodòngzhě", "People who produce.", "00")
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        (",劳动者,láodòngzhě,People.,00\n", r"line 2 \('劳动者'\): the english term is empty"),
        ("workers,,láodòngzhě,People.,00\n", r"line 2 \('workers'\): the chinese term is empty"),
        (GOOD_ROW + "Workers,工人,gōngrén,People.,01\n", r"line 3 .*duplicates line 2"),
        (GOOD_ROW + "labourers,劳动者,láodòngzhě,People.,01\n", r"chinese term '劳动者' duplicates line 2"),
        ("劳动者,workers,láodòngzhě,People.,00\n", "english must not contain Chinese characters"),
        ("workers,laodongzhe,láodòngzhě,People.,00\n", "chinese must contain Chinese characters"),
        ("workers,劳动者,劳动者,People.,00\n", "pinyin must be Latin letters"),
        ("workers,劳动者,láodòngzhě,,00\n", "the definition is empty"),
        ("workers,劳动者,láodòngzhě,People.,first\n", "first_notebook must be a two-digit"),
        ("workers,劳动者,láodòngzhě,People.\n", "expected exactly 5 fields"),
        ("workers,劳动者,láodòngzhě,People.,00,extra\n", "expected exactly 5 fields"),
        ("", "the glossary has no terms"),
    ],
)
def test_malformed_rows_raise_naming_the_row(tmp_path, body, message):
    """Each kind of bad row raises ValueError naming the file, the line and the rule broken."""
    with pytest.raises(ValueError, match=message) as err:
        load_glossary(write(tmp_path, body))
    assert "glossary.csv" in str(err.value)


def test_wrong_header_or_missing_file_raise(tmp_path):
    """A file with other columns, or no file, raises ValueError naming it."""
    with pytest.raises(ValueError, match="the header must be english,chinese,pinyin"):
        load_glossary(write(tmp_path, GOOD_ROW, header="english,chinese,definition\n"))
    with pytest.raises(ValueError, match="does not exist"):
        load_glossary(tmp_path / "nowhere.csv")


def test_a_changed_file_is_read_again(tmp_path):
    """The cache notices a changed file: after adding a row, the next load has two terms."""
    path = write(tmp_path, GOOD_ROW)
    assert len(load_glossary(path)) == 1
    path.write_text(
        HEADER + GOOD_ROW + "growth accounting,增长核算,zēngzhǎng hésuàn,Splitting growth.,02\n",
        encoding="utf-8",
    )
    assert [t.english for t in load_glossary(path)] == ["workers", "growth accounting"]


def test_the_default_glossary_is_in_the_package_data_folder():
    """By default the glossary is glossary.csv in nqp_helpers/datasets/, the folder of nqp_helpers.data."""
    from nqp_helpers.data import DATA_DIR

    assert glossary_file() == DATA_DIR / "glossary.csv" and glossary_file().is_file()
