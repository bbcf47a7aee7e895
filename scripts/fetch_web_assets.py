"""Fetch, once, the JavaScript that the offline HTML pages and slide decks need.

nbconvert's HTML and reveal.js exporters point at CDNs for reveal.js, MathJax,
require.js, jQuery and the Jupyter widgets HTML manager. So that ``make html``
and ``make slides`` produce pages that work without a network, this script
downloads exact versions of those packages from the npm registry with
``npm pack`` (at build time only), checks each tarball against the sha512 in
``PACKAGES``, keeps only the files the pages load and caches them in
``_build/web-assets/`` (ignored by git). The exporters copy that folder next to
the pages as ``assets/`` and point every URL at it (see ``URLS``).

    python -m scripts.fetch_web_assets             # fetch if missing (needs npm once)
    python -m scripts.fetch_web_assets --check     # exit 1 if missing or out of date
    python -m scripts.fetch_web_assets --optional  # as the first, but only warn if it cannot (not on CI)
    python -m scripts.fetch_web_assets --force     # fetch again
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "_build" / "web-assets"
MANIFEST = "manifest.json"
# written by --optional when the assets could not be fetched (why), removed once they are
UNAVAILABLE = ROOT / "_build" / "web-assets-unavailable.txt"


@dataclass(frozen=True)
class Package:
    """An npm package: exact version, tarball sha512 (as npm's 'integrity'), files to keep, folder."""

    name: str
    version: str
    integrity: str
    keep: tuple[str, ...]
    folder: str


PACKAGES = (
    Package(
        "reveal.js",
        "4.6.1",
        "sha512-1CW0auaXNPmwmvQ7TwpszwVxMi2Xr5cTS3J3EBC/HHgbPF32Dn7aiu/LKWDOGjMbaDwKQiGmfqcoGQ74HUHCMw==",
        (
            "LICENSE",
            "dist/reveal.css",
            "dist/reveal.js",
            "dist/theme/*.css",
            "dist/theme/fonts/*",
            "plugin/notes/notes.js",
        ),
        "reveal.js",
    ),
    Package(
        "mathjax",
        "2.7.9",
        "sha512-NOGEDTIM9+MrsqnjPEjVGNx4q0GQxqm61yQwSK+/5S59i26wId5IC5gNu9/bu8+CCVl5p9G2IHcAl/wJa+5+BQ==",
        (
            "LICENSE",
            "MathJax.js",
            "config/TeX-AMS_CHTML-full.js",
            "config/Safe.js",
            "config/local/*",
            "extensions/*",
            "jax/input/TeX/*",
            "jax/element/*",
            "jax/output/CommonHTML/*",
            "jax/output/PreviewHTML/*",
            "jax/output/NativeMML/*",
            "jax/output/PlainSource/*",
            "fonts/HTML-CSS/TeX/woff/*",
            "fonts/HTML-CSS/TeX/otf/*",
            "fonts/HTML-CSS/TeX/eot/*",
            "localization/*",
        ),
        "mathjax",
    ),
    Package(
        "requirejs",
        "2.3.8",
        "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
        ("require.js",),
        "requirejs",
    ),
    Package(
        "jquery",
        "3.7.1",
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        ("LICENSE.txt", "dist/jquery.min.js"),
        "jquery",
    ),
    Package(
        "@jupyter-widgets/html-manager",
        "1.0.13",
        "sha512-NxJezzmgD+4aqYyEODuTtrNC6L7mA9JYPo5FOO0pWSkrLXgsadl342fdcCN5f0ZuI/OdzmRvz3QKxgk+vr0/7A==",
        ("LICENSE", "dist/embed-amd.js"),
        "html-manager",
    ),
)

# nbconvert settings, relative to a page that sits next to the copied "assets/" folder.
URLS = {
    "reveal_url_prefix": "assets/reveal.js",
    "mathjax_url": "assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "require_js_url": "assets/requirejs/require.js",
    "jquery_url": "assets/jquery/dist/jquery.min.js",
    "widget_renderer_url": "assets/html-manager/dist/embed-amd.js",
}

# Files whose presence shows that a cache is complete (every URL above, without its query).
REQUIRED = (
    "reveal.js/dist/reveal.css",
    "reveal.js/dist/reveal.js",
    "reveal.js/dist/theme/white.css",
    "reveal.js/plugin/notes/notes.js",
    "mathjax/MathJax.js",
    "mathjax/config/TeX-AMS_CHTML-full.js",
    "mathjax/jax/output/CommonHTML/jax.js",
    "requirejs/require.js",
    "jquery/dist/jquery.min.js",
    "html-manager/dist/embed-amd.js",
)

NPM_MISSING = (
    "npm (from Node.js) is needed once, at build time, to fetch the JavaScript that makes the HTML "
    "pages and slides work offline (reveal.js, MathJax, require.js, jQuery, the Jupyter widgets "
    "HTML manager). Install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm; macOS: brew "
    "install node; Windows: https://nodejs.org), then run the command again."
)


def _wanted():
    return {p.name: {"version": p.version, "integrity": p.integrity} for p in PACKAGES}


def ready(cache=CACHE):
    """True if ``cache`` holds every package at the pinned version with all required files."""
    cache = Path(cache)
    try:
        manifest = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("packages") == _wanted() and all((cache / f).is_file() for f in REQUIRED)


def _sha512(path):
    digest = hashlib.sha512(Path(path).read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def _keep(relative, patterns):
    """Whether a file (path relative to the package root) matches a pattern to keep.

    "dir/*" keeps everything below dir; any other pattern is matched within one folder level.
    """
    for pattern in patterns:
        if pattern.endswith("/*"):
            if relative.startswith(pattern[:-1]):
                return True
        elif relative.count("/") == pattern.count("/") and fnmatch.fnmatchcase(relative, pattern):
            return True
    return False


def _unpack(tarball, package, dest):
    """Extract the kept files of an npm tarball (rooted at 'package/') into ``dest``."""
    count = 0
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith("package/"):
                continue
            relative = member.name[len("package/") :]
            if ".." in Path(relative).parts or not _keep(relative, package.keep):
                continue
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            count += 1
    if count == 0:
        raise RuntimeError(f"{package.name}@{package.version}: no files kept from {tarball}")
    return count


def fetch(cache=CACHE, npm=None):
    """Download every package with ``npm pack``, verify it and build the cache folder.

    Raises
    ------
    RuntimeError
        If npm is not installed, a download fails, or a tarball's sha512 is not the pinned one.
    """
    npm = npm or shutil.which("npm")
    if not npm:
        raise RuntimeError(NPM_MISSING)
    cache = Path(cache)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nqp-web-assets-") as tmp:
        tmp = Path(tmp)
        build = tmp / "assets"
        build.mkdir()
        specs = [f"{p.name}@{p.version}" for p in PACKAGES]
        result = subprocess.run(
            [npm, "pack", *specs, "--json", "--silent"],
            cwd=tmp,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "npm_config_update_notifier": "false", "npm_config_fund": "false"},
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"`npm pack {' '.join(specs)}` failed (exit {result.returncode}); the npm registry must be "
                f"reachable once to fetch the web assets.\n{result.stderr.strip()[-2000:]}"
            )
        try:
            packed = {entry["id"]: tmp / entry["filename"] for entry in json.loads(result.stdout)}
        except (ValueError, KeyError, TypeError) as exc:
            raise RuntimeError(f"could not read the output of `npm pack --json`: {exc}") from exc
        for p in PACKAGES:
            tarball = packed.get(f"{p.name}@{p.version}")
            if tarball is None or not tarball.exists():
                raise RuntimeError(f"npm did not produce a tarball for {p.name}@{p.version}")
            actual = _sha512(tarball)
            if actual != p.integrity:
                raise RuntimeError(
                    f"{p.name}@{p.version}: tarball sha512 is {actual}, expected {p.integrity}; not used"
                )
            try:
                _unpack(tarball, p, build / p.folder)
            except (OSError, tarfile.TarError) as exc:
                raise RuntimeError(f"{p.name}@{p.version}: could not unpack {tarball.name}: {exc}") from exc
        manifest = {
            "note": "Made by scripts/fetch_web_assets.py from the npm registry; do not edit.",
            "packages": _wanted(),
            "urls": URLS,
        }
        (build / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        missing = [f for f in REQUIRED if not (build / f).is_file()]
        if missing:
            raise RuntimeError(f"the fetched packages lack {missing}")
        if cache.exists():
            shutil.rmtree(cache)
        shutil.move(str(build), str(cache))
    return cache


def ensure(cache=CACHE):
    """Fetch the assets unless ``cache`` is already complete; return the cache folder."""
    if ready(cache):
        (Path(cache) / MANIFEST).touch()  # keeps make's timestamp check quiet
        return Path(cache)
    return fetch(cache)


def copy_to(dest, cache=CACHE):
    """Copy the cached assets to ``dest/assets`` (fetching them first if needed); return that folder.

    A copy that already matches the cache's manifest is left alone.
    """
    cache = ensure(cache)
    target = Path(dest) / "assets"
    if ready(target) and (target / MANIFEST).read_bytes() == (cache / MANIFEST).read_bytes():
        return target
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(cache, target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.fetch_web_assets", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="only report whether the assets are there")
    parser.add_argument("--force", action="store_true", help="fetch again even if the cache is complete")
    parser.add_argument(
        "--optional",
        action="store_true",
        help="warn instead of failing when the assets cannot be fetched (never on CI, where CI is set)",
    )
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"cache folder (default {CACHE})")
    args = parser.parse_args(argv)
    if args.check:
        ok = ready(args.cache)
        print(f"web assets {'ready' if ok else 'missing or out of date'} in {args.cache}")
        return 0 if ok else 1
    try:
        if args.force:
            fetch(args.cache)
        else:
            ensure(args.cache)
    except RuntimeError as exc:
        if args.optional and not os.environ.get("CI"):
            UNAVAILABLE.parent.mkdir(parents=True, exist_ok=True)
            UNAVAILABLE.write_text(str(exc) + "\n", encoding="utf-8")
            print(f"note: offline web assets not fetched; the HTML and slide tests will be skipped.\n{exc}")
            return 0
        print(f"error: {exc}", file=sys.stderr)
        return 1
    UNAVAILABLE.unlink(missing_ok=True)
    shown = args.cache.relative_to(ROOT) if args.cache.is_relative_to(ROOT) else args.cache
    print(f"web assets ready in {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
