"""Build the demo project from ``resources/demo/``: transcripts, case attributes, two
analysts' codings (which partly disagree), memos and a supervisor."""

from __future__ import annotations

import json
from pathlib import Path

from coding.attributes import import_attributes
from coding.codebook import find_code
from coding.codings import add_coding, set_memo
from coding.documents import find_document, import_files
from coding.errors import TematikError
from coding.importing import SUPPORTED_EXTENSIONS
from coding.progress import NullProgress, ProgressState
from coding.project import create_project, ensure_coder, transaction
from coding.resources import DEMO
from models.db import Database
from models.entities import Document


def demo_files(folder: Path = DEMO) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_EXTENSIONS and p.is_file()
    )


def build_demo(target: str | Path, progress: ProgressState | None = None) -> Database:
    """Create the demo project at ``target`` (a new ``.tematik`` file or empty database)."""
    progress = progress or NullProgress()
    db = create_project(target, name="Ledermobilitet (demo)", language="da")
    try:
        report = import_files(db, demo_files(), progress)
        if report.failed:
            raise TematikError(
                "The demo transcripts could not be imported: " + "; ".join(report.failed)
            )
        spec = json.loads((DEMO / "codings.json").read_text(encoding="utf-8"))
        with transaction(db) as s:
            import_attributes(s, DEMO / "attributes.csv")
            coders = {
                c["name"]: ensure_coder(s, c["name"], c.get("role", "analyst"))
                for c in spec["coders"]
            }
            docs: dict[str, Document] = {}
            for c in spec["codings"]:
                doc = docs.get(c["document"]) or find_document(s, c["document"])
                docs[c["document"]] = doc
                start = doc.text.find(c["quote"])
                if start < 0:
                    raise TematikError(f"Demo quote not found in {doc.name}: {c['quote'][:40]!r}")
                code = find_code(s, c["code"])
                end = start + len(c["quote"])
                add_coding(s, doc.id, code.id, coders[c["coder"]].id, start, end, c.get("memo", ""))
            for m in spec.get("code_memos", []):
                set_memo(
                    s, m["text"], coder_id=coders[m["coder"]].id, code_id=find_code(s, m["code"]).id
                )
            for m in spec.get("document_memos", []):
                doc = find_document(s, m["document"])
                set_memo(s, m["text"], coder_id=coders[m["coder"]].id, document_id=doc.id)
    except BaseException:
        db.close()
        path = db.path
        if path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return db
