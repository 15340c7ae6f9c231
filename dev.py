#!/usr/bin/env python3
"""Set-up and main tasks on a fresh machine with only Python 3.11+.

    python3 dev.py build   # create .venv, install readout-kg, vendor the page's JS, build sources/ into build/
    python3 dev.py test    # create .venv, install readout-kg with test extras, vendor the page's JS, run the tests

Each command installs what it needs itself (into .venv beside this file) and is safe to
run again. Extra arguments are passed on: `python3 dev.py test -k gexf`,
`python3 dev.py build --jobs 2`.

A few tests also need system tools (SYSTEM_TOOLS below, installed by
`bash .ci/system-deps.sh`) or the folder ../shared/. `dev.py test` names in one line those
missing here; such tests are then skipped, each with a one-line reason, except in CI
(CI=true), where they fail.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
SHARED = ROOT.parent / "shared"  # the annotation guide, the GEXF grammar, the real corpus
# command -> Debian package, for the tests that run other tools; keep .ci/system-deps.sh in step
SYSTEM_TOOLS = {
    "rapper": "raptor2-utils",  # an independent RDF parser: every published file must parse
    "xmllint": "libxml2-utils",  # GEXF exports checked against the official grammar
    "virtuoso-t": "virtuoso-opensource",  # a real SPARQL server for `kg publish --to`
    "npm": "npm",  # vendors the JavaScript libraries of the `kg serve` page (web/package-lock.json)
    "chromium": "chromium",  # a real headless browser drives the `kg serve` page (tests/test_web.py)
}
WEB = ROOT / "web"  # package.json and package-lock.json of the page's libraries; node_modules/ is git-ignored
VENDOR = ROOT / "kg" / "web" / "vendor"  # what web/build.mjs makes: git-ignored, shipped in the wheel


def in_ci() -> bool:
    """True under CI (CI=true, as CI services set it): there a missing tool fails its tests."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_line() -> str | None:
    """One line naming the system tools (and ../shared/) that are missing here, or None."""
    tools = [f"{tool} ({package})" for tool, package in SYSTEM_TOOLS.items() if not shutil.which(tool)]
    parts = []
    if tools:
        parts.append(f"{', '.join(tools)}: install with `bash .ci/system-deps.sh`")
    if not SHARED.is_dir():
        parts.append(f"{SHARED}/ is missing")
    if not parts:
        return None
    fate = "they fail in CI" if in_ci() else "tests that need them are skipped"
    return f"dev.py: missing {'; '.join(parts)} ({fate})"


def _run(*args: str | Path) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_env(extras: str) -> None:
    """Create the virtual environment and install the project, once per pyproject change."""
    if sys.version_info < (3, 11):
        sys.exit(f"readout-kg needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("installing readout-kg and its dependencies ...", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.write_text(digest)


def ensure_web() -> str | None:
    """Vendor the page's JavaScript libraries (npm ci, then web/build.mjs), once per change of
    the lock file or the build script; None when done, else one line saying what is missing."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return ("dev.py: npm is missing, so the kg serve page has no editor or network view: "
                "install it with `bash .ci/system-deps.sh`")
    digest = hashlib.sha256(b"".join((WEB / name).read_bytes()
                                     for name in ("package-lock.json", "build.mjs", "editor.mjs"))).hexdigest()
    stamp = VENDOR / ".built"
    if stamp.exists() and stamp.read_text() == digest:
        return None
    print("vendoring the kg serve page's JavaScript libraries (npm ci) ...", flush=True)
    for command in ([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], [node, "build.mjs"]):
        if subprocess.run(command, cwd=WEB).returncode:
            return (f"dev.py: `{Path(command[0]).name} {' '.join(command[1:])}` failed in web/; "
                    "kg serve runs without the page's editor and network view")
    stamp.write_text(digest)
    return None


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("build", "test"):
        sys.exit(__doc__)
    task, rest = argv[0], argv[1:]
    if task == "build":
        ensure_env("")
        web = ensure_web()
        if web:
            print(web, flush=True)
        _run(BIN / "kg", "build", "sources", "--out", "build", *rest)
    else:
        ensure_env("test")
        for line in (missing_line(), ensure_web()):
            if line:
                print(line, flush=True)
        code = subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode
        sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
