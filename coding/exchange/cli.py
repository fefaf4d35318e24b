"""CLI commands of the exchange package (dispatched lazily by main.py).

``tematik export PROJECT OUT.qdpx|OUT.qdc|OUT.csv|OUT.xlsx [--table segments|matrix]
[--by ATTRIBUTE] [--coders A,B] [--codes C,...] [--documents D,...] [--language da|en]``

``tematik import-refi PROJECT FILE.qdpx|FILE.qdc|FILE.qde [--json]`` — into an existing
project, or a new one when PROJECT does not exist yet.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coding.errors import TematikError


def _ids(session, args: argparse.Namespace) -> tuple[list[int] | None, ...]:  # type: ignore[no-untyped-def]
    from coding.codebook import descendant_ids, find_code
    from coding.documents import find_document
    from coding.project import get_coder

    coder_ids = [get_coder(session, c).id for c in args.coders] if args.coders else None
    code_ids = None
    if getattr(args, "codes", None):
        code_ids = []
        for ref in args.codes:
            code_ids.extend(descendant_ids(session, find_code(session, ref).id))
    document_ids = (
        [find_document(session, d).id for d in args.documents] if args.documents else None
    )
    return coder_ids, code_ids, document_ids


def cmd_export(args: argparse.Namespace) -> int:
    """Export a project to REFI-QDA (.qdpx project, .qdc codebook) or a table (.csv, .xlsx)."""
    from coding.exchange.refi_export import export_qdc, export_qdpx
    from coding.exchange.tabular import export_matrix, export_segments
    from coding.project import open_project, project_info, transaction

    out = Path(args.out)
    ext = out.suffix.lower()
    if getattr(args, "pseudonymize", False):
        raise TematikError(
            f"--pseudonymize is not available for {ext} exports (only for .docx reports); "
            "nothing was written."
        )
    if not Path(args.project).exists() and "://" not in args.project:
        raise TematikError(f"No project {args.project}: the file does not exist.")
    db = open_project(args.project)
    try:
        with transaction(db) as s:
            coder_ids, code_ids, document_ids = _ids(s, args)
            language = args.language or project_info(s).language or "da"
            if ext == ".qdpx":
                if code_ids is not None:
                    raise TematikError("--codes does not apply to .qdpx (the whole codebook goes).")
                r = export_qdpx(s, out, coder_ids=coder_ids, document_ids=document_ids)
                print(
                    f"Wrote {out}: {r.documents} documents, {r.codes} codes, {r.codings} "
                    f"codings, {r.memos} memos, {r.coders} coders, {r.cases} cases, "
                    f"{r.variables} variables, {r.sets} sets."
                )
            elif ext == ".qdc":
                r = export_qdc(s, out)
                print(f"Wrote {out}: {r.codes} codes.")
            elif args.table == "matrix":
                if code_ids is not None or document_ids is not None:
                    raise TematikError(
                        "--codes/--documents do not apply to the matrix (it has every code "
                        "and column); use --coders or --by."
                    )
                t = export_matrix(s, out, by=args.by, coder_ids=coder_ids, language=language)
                print(f"Wrote {out}: {t.rows} codes × {t.columns - 2} columns.")
            else:
                t = export_segments(
                    s, out, coder_ids=coder_ids, code_ids=code_ids, document_ids=document_ids,
                    by=args.by, language=language,
                )  # fmt: skip
                extra = f" ({t.truncated} long cells cut at Excel's limit)" if t.truncated else ""
                print(f"Wrote {out}: {t.rows} segments{extra}.")
    finally:
        db.close()
    return 0


def cmd_import_refi(args: argparse.Namespace) -> int:
    """Import a REFI-QDA project or codebook into PROJECT (created when it does not exist).
    Atomic: on any error the project is unchanged (and a project made for it is removed)."""
    from coding.exchange.refi_import import import_plan, read_refi
    from coding.project import create_project, open_project

    target = args.project
    is_url = "://" in target
    plan = read_refi(Path(args.file))  # reads and checks the whole file before any change
    created = False
    if not is_url and not Path(target).exists():
        db = create_project(target, language=plan.language or "da", codebook="none")
        created = True
    else:
        db = open_project(target)
    try:
        summary = import_plan(db, plan)
    except BaseException:
        db.close()
        if created:
            Path(target).unlink(missing_ok=True)
        raise
    db.close()
    if args.json:
        data = summary.as_json()
        data["project"] = str(target)
        data["created"] = created
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if created:
            print(f"Created {target}.")
        print("\n".join(summary.lines()))
    return 0
