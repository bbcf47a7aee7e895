"""The collection's table of contents: one entry per notebook, in reading order.

Used by scripts/navigation.py (navigation lines and the map in the start
notebook) and by the tests. Edit this list, then run ``make notebooks``.
"""

NOTEBOOKS = [
    {
        "file": "00-start-here.ipynb",
        "title": "Start here: a map of the collection",
        "section": "the whole article",
        "teaches": "what new quality productive forces are; the two threads; a first growth account; "
        "the mathematics and the Python the collection needs",
        "minutes": 35,
    },
    {
        "file": "00a-python-primer.ipynb",
        "title": "A Python primer for this collection",
        "section": "none (tools)",
        "teaches": "cells and the kernel; variables; numpy arrays and log differences as growth rates; "
        "loading a country's data; one growth account; one figure; how self-checks work",
        "minutes": 25,
    },
    {
        "file": "01-productive-forces.ipynb",
        "title": "Productive forces in Marx's theory",
        "section": "section 1",
        "teaches": "labour (by workers), means and objects of labour as a model; bottlenecks, "
        "diminishing returns, the best combination; Marx's determinants of labour productivity as an "
        "index; fit of relations",
        "minutes": 110,
    },
    {
        "file": "02-new-quality-productive-forces.ipynb",
        "title": "New quality productive forces and growth accounting",
        "section": "section 2",
        "teaches": "the definition and its parts; extensive vs intensive growth, by the article's test "
        "and by TFP's share; the Solow residual; labour costs; China's TFP next to published estimates "
        "and the official contribution rate",
        "minutes": 140,
    },
    {
        "file": "03-why-it-matters.ipynb",
        "title": "Why it matters: technological revolutions and the limits of extensive growth",
        "section": "section 3",
        "teaches": "diffusion lags of general-purpose technologies; the Solow model; returns to capital in "
        "China's data, read as diminishing returns and as a falling rate of profit; supply-chain shocks",
        "minutes": 110,
    },
    {
        "file": "04-paths.ipynb",
        "title": "The paths to new quality productive forces",
        "section": "section 4",
        "teaches": "idea production; shift-share; schooling; green accounting; misallocation; factor shares "
        "and two readings of distribution by contribution",
        "minutes": 150,
    },
    {
        "file": "05-lab-any-economy.ipynb",
        "title": "Lab: account for any economy yourself",
        "section": "all sections",
        "teaches": "a complete growth and development accounting of an economy of your choice",
        "minutes": 100,
    },
]
