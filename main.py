"""Tematik: qualitative coding of interview transcripts.

Thin entry point: the CLI sub-commands (a stable contract scripts build on) and the desktop
app. Heavy libraries (Qt, spaCy, python-docx) are imported only by the commands that use them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

EXIT_USER_ERROR = 2

# command → (module, function) for commands whose work lives in feature packages.
FEATURE_COMMANDS: dict[str, tuple[str, str]] = {
    "suggest": ("coding.suggest.cli", "cmd_suggest"),
    "train": ("coding.suggest.cli", "cmd_train"),
    "evaluate-suggestions": ("coding.suggest.cli", "cmd_evaluate"),
    "agreement": ("coding.compare.cli", "cmd_agreement"),
    "merge": ("coding.compare.cli", "cmd_merge"),
    "import-refi": ("coding.exchange.cli", "cmd_import_refi"),
}
EXPORTERS: dict[str, tuple[str, str]] = {
    ".docx": ("coding.report.cli", "cmd_export_docx"),
    ".qdpx": ("coding.exchange.cli", "cmd_export"),
    ".qdc": ("coding.exchange.cli", "cmd_export"),
    ".csv": ("coding.exchange.cli", "cmd_export"),
    ".xlsx": ("coding.exchange.cli", "cmd_export"),
}


def _csv_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tematik",
        description="Tematik – qualitative coding of interview transcripts. "
        "PROJECT is a .tematik file or a database URL (postgresql+psycopg://…).",
    )
    p.add_argument("--version", action="version", version="Tematik 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("open", help="open the app on PROJECT")
    s.add_argument("project")

    s = sub.add_parser("new", help="create a new project")
    s.add_argument("project")
    s.add_argument(
        "--codebook",
        default="default",
        help="ledermobilitet-da | ledermobilitet-en | none | FILE.json (default: Ledermobilitet "
        "in the project language)",
    )
    s.add_argument("--language", choices=("da", "en"), default="da")
    s.add_argument("--name", help="project name (default: the file name)")

    s = sub.add_parser("demo", help="build the demo project at PROJECT")
    s.add_argument("project")

    s = sub.add_parser("import", help="import transcripts (txt, docx, odt, rtf, pdf, vtt, srt)")
    s.add_argument("project")
    s.add_argument("files", nargs="*", metavar="FILE")
    s.add_argument(
        "--attributes", metavar="FILE", help="case attributes (.csv or .xlsx) keyed by document"
    )

    s = sub.add_parser("info", help="summarise a project")
    s.add_argument("project")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("segments", help="list coded segments")
    s.add_argument("project")
    s.add_argument(
        "--code", action="append", help="code path or name (repeatable; sub-codes included)"
    )
    s.add_argument("--coder", action="append", help="coder name (repeatable)")
    s.add_argument("--document", action="append", help="document name (repeatable)")
    s.add_argument(
        "--attribute", metavar="NAME=VALUE", help="only documents whose case has this value"
    )
    s.add_argument("--search", metavar="TEXT", help="only segments containing TEXT")
    fmt = s.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")

    s = sub.add_parser("suggest", help="suggest codes (offline spaCy)")
    s.add_argument("project")
    s.add_argument("--document", action="append")
    s.add_argument("--source", choices=("terms", "model", "similar", "all"), default="all")
    s.add_argument("--coder", help="coder whose decisions apply (default: first analyst)")
    s.add_argument("--threshold", type=float, default=None)
    s.add_argument(
        "--like",
        action="append",
        metavar="CODING_GUID",
        help="'more like this': passages similar to this coding (repeatable)",
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("train", help="train the suggestion model on the project's codings")
    s.add_argument("project")

    s = sub.add_parser("evaluate-suggestions", help="precision / recall / F1 of suggestions")
    s.add_argument("project")
    s.add_argument(
        "--coders",
        type=_csv_list,
        metavar="A,B",
        help="human codings of these coders (default: all, by union)",
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("agreement", help="inter-coder agreement")
    s.add_argument("project")
    s.add_argument("--coders", type=_csv_list, required=True, metavar="A,B[,C...]")
    s.add_argument("--unit", choices=("character", "segment", "turn"), default=None)
    s.add_argument("--documents", type=_csv_list, metavar="NAME,...")
    s.add_argument("--codes", type=_csv_list, metavar="CODE,...")
    s.add_argument(
        "--min-overlap",
        type=float,
        default=0.9,
        help="segment unit: share of a segment the other coder must cover",
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("merge", help="merge another coder's project file into PROJECT")
    s.add_argument("project")
    s.add_argument("other", metavar="OTHER.tematik")
    s.add_argument("--coder", help="only this coder's work")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser(
        "export", help="export to .docx (report), .qdpx / .qdc (REFI-QDA), .csv / .xlsx"
    )
    s.add_argument("project")
    s.add_argument("out", metavar="OUT")
    s.add_argument("--language", choices=("da", "en"))
    s.add_argument("--coders", type=_csv_list)
    s.add_argument("--codes", type=_csv_list)
    s.add_argument("--documents", type=_csv_list)
    s.add_argument("--pseudonymize", action="store_true")
    s.add_argument("--by", metavar="ATTRIBUTE", help="group tables by this case attribute")
    s.add_argument(
        "--table",
        choices=("segments", "matrix"),
        default="segments",
        help="csv/xlsx: what to export",
    )

    s = sub.add_parser("import-refi", help="import a REFI-QDA project (.qdpx) or codebook (.qdc)")
    s.add_argument("project")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    return p


def _feature(module: str, func: str) -> Callable[[argparse.Namespace], int]:
    from coding.errors import TematikError

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise TematikError("This command is not available in this build of Tematik.") from exc
        raise
    return getattr(mod, func)


def dispatch(args: argparse.Namespace) -> int:
    if args.command in (None, "open"):
        from app.application import run_app

        return run_app(getattr(args, "project", None))
    if args.command == "export":
        ext = os.path.splitext(args.out)[1].lower()
        if ext not in EXPORTERS:
            from coding.errors import TematikError

            raise TematikError(f"Cannot export to {ext or args.out!r}: use {', '.join(EXPORTERS)}.")
        return _feature(*EXPORTERS[ext])(args)
    if args.command in FEATURE_COMMANDS:
        return _feature(*FEATURE_COMMANDS[args.command])(args)
    from coding import cli

    return getattr(cli, "cmd_" + args.command.replace("-", "_"))(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from coding.errors import TematikError

    try:
        return dispatch(args) or 0
    except TematikError as exc:
        print(f"tematik: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("tematik: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
