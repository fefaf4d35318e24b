"""``tematik export PROJECT OUT.docx``: the theme summary report."""

from __future__ import annotations

import argparse
import sys

from coding.errors import TematikError
from coding.project import open_project
from coding.report.export import export_report
from coding.report.model import ReportOptions


class _StderrProgress:
    """Progress on stderr when it is a terminal; never cancelled."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def progress(self, done: int, total: int, message: str = "") -> None:
        if self.tty and total:
            print(f"\r{100 * done // total:3d} %  {message[:60]:<60}", end="", file=sys.stderr)

    def cancelled(self) -> bool:
        return False


def options_from_args(args: argparse.Namespace) -> ReportOptions:
    """Report options from the ``export`` sub-command's arguments."""
    return ReportOptions(
        language=getattr(args, "language", None),
        coders=getattr(args, "coders", None) or None,
        codes=getattr(args, "codes", None) or None,
        documents=getattr(args, "documents", None) or None,
        pseudonymize=bool(getattr(args, "pseudonymize", False)),
        by=getattr(args, "by", None),
    )


def cmd_export_docx(args: argparse.Namespace) -> int:
    """Write the theme summary report to ``args.out``."""
    options = options_from_args(args)
    db = open_project(args.project)
    progress = _StderrProgress()
    try:
        result = export_report(db, args.out, options, progress)
    except TematikError:
        raise
    finally:
        if progress.tty:
            print(file=sys.stderr)
        db.close()
    print(
        f"Wrote {result.path}: {result.themes} themes, {result.codes} codes, "
        f"{result.quotes} quotes from {result.documents} documents."
    )
    return 0
