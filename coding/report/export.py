"""Exporting the report: collect the data, write the document to a temporary file in the
target folder, then rename it over the target (a reader never sees a half-written .docx)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.report.model import ReportData, ReportOptions, collect
from models.db import Database


@dataclass
class ExportResult:
    """What was written."""

    path: Path
    themes: int
    codes: int
    quotes: int
    documents: int
    tables: int
    figures: int
    data: ReportData


def export_report(
    db: Database,
    out_path: str | Path,
    options: ReportOptions | None = None,
    progress: ProgressState | None = None,
) -> ExportResult:
    """Write the theme summary of the project in ``db`` to ``out_path`` (.docx).

    Reports progress and honours cancel (raises :class:`~coding.errors.Cancelled`; nothing is
    written then). The file appears only when complete."""
    from coding.report.docx_writer import ReportWriter

    options = options or ReportOptions()
    progress = progress or NullProgress()
    out = Path(out_path)
    if out.suffix.lower() != ".docx":
        raise TematikError(f"Cannot write {out.name}: the report is a Word file (.docx).")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise TematikError(f"Cannot write {out.name}: the folder {folder} does not exist.")
    progress.progress(0, 10, "Reading the project")
    session = db.session()
    try:
        data = collect(session, options, progress)
    finally:
        session.close()
    check_cancel(progress)
    steps = 5 + len(data.themes)
    done = 5

    def step(message: str) -> None:
        nonlocal done
        done += 1
        progress.progress(min(done, steps + 4), steps + 5, message)

    writer = ReportWriter(data, progress)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".docx.part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer.write(str(tmp), options.quotes, options.key_term_min_freq, step)
        check_cancel(progress)
        try:
            os.replace(tmp, out)
        except PermissionError as exc:
            raise TematikError(
                f"Cannot write {out.name}: the file is open in another program or the folder "
                "is read-only. Close it and try again."
            ) from exc
    except OSError as exc:
        raise TematikError(f"Cannot write {out.name}: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    progress.progress(steps + 5, steps + 5, "Done")
    return ExportResult(
        path=out,
        themes=len(data.themes),
        codes=sum(len(th.codes) for th in data.themes),
        quotes=sum(len(c.quotes) for th in data.themes for c in [th.root, *th.codes]),
        documents=len(data.documents),
        tables=writer.tables,
        figures=writer.figures,
        data=data,
    )
