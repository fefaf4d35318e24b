"""The architecture's boundaries, checked on the source (ruff enforces the same at lint time:
see pyproject.toml and app/ruff.toml)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests._paths import REPO

SQL_CALL = re.compile(r"\bsession\.(execute|query|scalars?)\(|\b(SELECT|INSERT|UPDATE|DELETE)\s+\w")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def sources(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def test_domain_and_models_never_import_qt() -> None:
    offenders = [
        (str(p.relative_to(REPO)), m)
        for folder in ("coding", "models")
        for p in sources(folder)
        for m in imported_modules(p)
        if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert offenders == []


def test_app_never_reaches_the_database_itself() -> None:
    offenders = []
    for p in sources("app"):
        mods = imported_modules(p)
        offenders += [
            (str(p.relative_to(REPO)), m) for m in mods if m.split(".")[0] == "sqlalchemy"
        ]
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if SQL_CALL.search(line) and not line.lstrip().startswith("#"):
                offenders.append((f"{p.relative_to(REPO)}:{i}", line.strip()))
    assert offenders == []


def test_cli_start_up_imports_no_heavy_library() -> None:
    code = (
        "import sys, main; main.main(['info', sys.argv[1]]);"
        "heavy = [m for m in ('PySide6', 'spacy', 'docx', 'sqlalchemy', 'matplotlib') if m in sys.modules];"
        "print('HEAVY:' + ','.join(heavy))"
    )
    import tempfile

    from coding.project import create_project

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.tematik"
        create_project(path).close()
        out = (
            subprocess.run(
                [sys.executable, "-c", code, str(path)],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    assert out == "HEAVY:"
