"""The foundation's CLI commands (see ``main.py`` for the argument parser).

Output: human-readable text by default, ``--json`` / ``--csv`` for scripts. Errors raise
TematikError, which ``main.py`` prints to stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.errors import TematikError

if TYPE_CHECKING:
    from models.db import Database


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_new(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from coding.project import create_project, transaction

    db = create_project(
        args.project, name=args.name, language=args.language, codebook=args.codebook
    )
    with transaction(db) as s:
        from models.entities import Code

        n = s.scalar(select(func.count(Code.id)))
    db.close()
    print(f"Created {args.project} ({args.language}) with {n} codes.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from coding.demo import build_demo

    db = build_demo(args.project)
    data = info_data(db)
    db.close()
    print(
        f"Built the demo project {args.project}: {len(data['documents'])} documents, "
        f"{len(data['codes'])} codes, {data['codings']['total']} codings by "
        f"{', '.join(c['name'] for c in data['coders'])}."
    )
    return 0


class _PrintProgress:
    def progress(self, done: int, total: int, message: str = "") -> None:
        if message:
            print(f"[{done + 1}/{total}] {message}", file=sys.stderr)

    def cancelled(self) -> bool:
        return False


def cmd_import(args: argparse.Namespace) -> int:
    from coding.attributes import import_attributes
    from coding.documents import import_files
    from coding.project import open_project, transaction

    if not args.files and not args.attributes:
        raise TematikError("Give one or more files to import, and/or --attributes FILE.")
    db = open_project(args.project)
    status = 0
    try:
        if args.files:
            report = import_files(db, [Path(f) for f in args.files], _PrintProgress())
            for name in report.imported:
                print(f"imported: {name}")
            for msg in report.skipped:
                print(f"skipped: {msg}")
            for msg in report.failed:
                print(f"tematik: error: {msg}", file=sys.stderr)
            if report.failed:
                status = 1
        if args.attributes:
            with transaction(db) as s:
                rep = import_attributes(s, Path(args.attributes))
            print(
                f"attributes: {', '.join(rep.attributes)} for {rep.documents} document(s)"
                + (
                    f"; not in the project: {', '.join(rep.unknown_documents)}"
                    if rep.unknown_documents
                    else ""
                )
            )
    finally:
        db.close()
    return status


def info_data(db: Database) -> dict[str, Any]:
    from coding.info import project_summary

    raw = db.engine.raw_connection()
    try:
        return project_summary(raw, db.display_name)
    finally:
        raw.close()


def cmd_info(args: argparse.Namespace) -> int:
    from coding.info import fast_sqlite_summary

    data = fast_sqlite_summary(args.project)
    if data is None:
        from coding.project import open_project

        db = open_project(args.project)
        try:
            data = info_data(db)
        finally:
            db.close()
    if args.json:
        _print_json(data)
        return 0
    p = data["project"]
    print(f"Project {p['name']} ({p['language']}) at {p['location']}")
    print(f"Documents ({len(data['documents'])}):")
    for d in data["documents"]:
        print(
            f"  {d['name']}  [{d['format']}]  {d['characters']} characters, {d['turns']} turns, "
            f"speakers: {', '.join(d['speakers']) or '-'}"
        )
    print(f"Codes ({len(data['codes'])}):")
    for c in data["codes"]:
        depth = c["path"].count("/")
        kind = f"  ({c['kind']})" if c["kind"] else ""
        print(f"  {'  ' * depth}{c['path'].rsplit('/', 1)[-1]}{kind}")
    print("Coders: " + (", ".join(f"{c['name']} ({c['role']})" for c in data["coders"]) or "-"))
    by = ", ".join(f"{k}: {v}" for k, v in data["codings"]["by_coder"].items())
    print(f"Codings: {data['codings']['total']}" + (f" ({by})" if by else ""))
    return 0


SEGMENT_FIELDS = (
    "document",
    "code_path",
    "coder",
    "start",
    "end",
    "speaker",
    "text",
    "memo",
    "guid",
)


def cmd_segments(args: argparse.Namespace) -> int:
    from coding.project import open_project, transaction
    from coding.queries import SegmentFilter, segments

    attribute = None
    if args.attribute:
        if "=" not in args.attribute:
            raise TematikError("--attribute takes NAME=VALUE.")
        name, value = args.attribute.split("=", 1)
        attribute = (name.strip(), value.strip())
    flt = SegmentFilter(
        codes=args.code,
        coders=args.coder,
        documents=args.document,
        attribute=attribute,
        text=args.search,
    )
    db = open_project(args.project)
    try:
        with transaction(db) as s:
            rows = segments(s, flt)
    finally:
        db.close()
    if args.json:
        _print_json([{k: getattr(r, k) for k in SEGMENT_FIELDS} for r in rows])
    elif args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(SEGMENT_FIELDS)
        for r in rows:
            w.writerow([getattr(r, k) if getattr(r, k) is not None else "" for k in SEGMENT_FIELDS])
    else:
        for r in rows:
            text = " ".join(r.text.split())
            print(f"{r.document} [{r.start}-{r.end}] {r.code_path} ({r.coder}): {text}")
        print(f"{len(rows)} segment(s)", file=sys.stderr)
    return 0
