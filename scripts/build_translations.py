"""Build the UI translations: ``resources/translations/tematik_<lang>.ts`` → ``.qm``.

Usage::

    .venv/bin/python scripts/build_translations.py            # compile .ts → .qm (set-up runs this)
    .venv/bin/python scripts/build_translations.py --update   # first refresh the .ts from app/*.py

``--update`` runs ``pyside6-lupdate`` over every ``app/*.py`` (new strings are added
unfinished, vanished ones dropped; literals passed to small ``_tr("...")`` helpers that wrap
``QCoreApplication.translate`` are included too); translate them in Qt Linguist (``pyside6-linguist``) or
in the XML. Compiling always uses ``pyside6-lrelease`` from the PySide6 wheel. The ``.qm``
files are build products (git-ignored).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("da", "en")


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lrelease``) in this Python's environment."""
    for candidate in (Path(sys.executable).parent / name, shutil.which(name)):
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise SystemExit(f"build_translations: {name} not found; install PySide6-Essentials.")


def sources(root: Path = ROOT) -> list[Path]:
    """The files whose strings are translated: every module in app/."""
    return sorted((root / "app").glob("*.py"))


def _wrapper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level helpers like ``def _tr(text): return QCoreApplication.translate("Ctx", text)``
    → {helper name: context}."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for ret in ast.walk(node):
            call = ret.value if isinstance(ret, ast.Return) else None
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate"
                and len(call.args) >= 2
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == param
            ):
                found[node.name] = call.args[0].value
    return found


def wrapper_calls(path: Path) -> list[tuple[str, str]]:
    """(context, text) of every literal passed to a translate helper such as ``_tr("...")``.

    lupdate only sees literal ``tr()`` / ``translate()`` calls; modules that wrap
    ``QCoreApplication.translate`` in a small helper are covered by this.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _wrapper_contexts(tree)
    out: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append((helpers[node.func.id], node.args[0].value))
    return out


def update(ts_dir: Path = TRANSLATIONS, root: Path = ROOT) -> None:
    """Refresh the .ts files from the sources with lupdate."""
    files = [str(p) for p in sources(root)]
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "translate_helpers.py"
        calls = sorted({c for p in sources(root) for c in wrapper_calls(p)})
        shim.write_text(
            "from PySide6.QtCore import QCoreApplication\n"
            + "".join(f"QCoreApplication.translate({c!r}, {t!r})\n" for c, t in calls),
            encoding="utf-8",
        )
        for lang in LANGUAGES:
            ts = ts_dir / f"tematik_{lang}.ts"
            cmd = [tool("pyside6-lupdate"), *files, str(shim), "-no-obsolete"]
            cmd += ["-locations", "none", "-source-language", "en", "-target-language", lang]
            cmd += ["-ts", str(ts)]
            subprocess.run(cmd, cwd=root, check=True, capture_output=True, text=True)
            print(f"build_translations: updated {ts.relative_to(root)}")


def release(ts_dir: Path = TRANSLATIONS, out_dir: Path | None = None) -> list[Path]:
    """Compile every tematik_*.ts in ``ts_dir`` to .qm in ``out_dir`` (default: the same)."""
    out_dir = out_dir or ts_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(ts_dir.glob("tematik_*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        proc = subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=False,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0 or not qm.exists():
            raise SystemExit(f"build_translations: cannot compile {ts.name}: {proc.stderr.strip()}")
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files first")
    args = parser.parse_args(argv)
    if args.update:
        update()
    built = release()
    print(f"build_translations: built {', '.join(p.name for p in built) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
