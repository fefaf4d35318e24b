"""The theme summary report exported to Word (.docx).

``export_report(db, out_path, options, progress)`` is the entry point; the CLI command
``tematik export PROJECT OUT.docx`` and the app's "Export theme summary…" dialog call it.
"""

from __future__ import annotations

from coding.report.export import ExportResult, export_report
from coding.report.model import ReportOptions

__all__ = ["ExportResult", "ReportOptions", "export_report"]
