"""Foundation benchmarks: batch import with turn detection, segment retrieval, CLI start-up.

Targets (issue 2): 100 .txt transcripts of 10,000 words imported with turn detection
≤ 0.25 s in all and ≤ 300 MB peak; segments of one code among 50,000 codings ≤ 20 ms;
``python main.py info`` on the demo project ≤ 0.5 s.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import make_transcript

REPO = Path(__file__).resolve().parent.parent


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to this process image alone
    (``ru_maxrss`` would carry over the parent's peak across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_import(folder: Path) -> dict[str, float]:
    """Runs in a child process so its peak memory is its own."""
    import coding.importing  # noqa: F401  (module loading is start-up, not import work)
    from coding.documents import import_files
    from coding.project import create_project

    files = sorted(folder.glob("*.txt"))
    times = []
    for attempt in range(3):  # best of three, each into a new project
        db = create_project(folder / f"bench{attempt}.tematik", codebook="none")
        t0 = time.perf_counter()
        report = import_files(db, files)
        times.append(time.perf_counter() - t0)
        db.close()
        assert len(report.imported) == len(files), report.failed
    elapsed = min(times)
    peak_mb = _peak_rss_mb()
    return {"seconds": elapsed, "peak_mb": peak_mb, "files": len(files)}


def _import_row() -> list[tuple[str, str, str]]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(100):
            (folder / f"interview_{i:03}.txt").write_text(make_transcript(rng), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-c",
             f"import json,sys; sys.path.insert(0, {str(REPO)!r}); from bench.bench_foundation import bench_import; "
             f"from pathlib import Path; print(json.dumps(bench_import(Path({tmp!r}))))"],
            capture_output=True, text=True, check=True, cwd=REPO,
        )  # fmt: skip
        res = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        (
            "import 100 × 10,000-word .txt with turns",
            f"{res['seconds']:.3f} s (best of 3)",
            "≤ 0.25 s",
        ),
        ("import peak memory (process RSS)", f"{res['peak_mb']:.0f} MB", "≤ 300 MB"),
    ]


def _segments_row() -> list[tuple[str, str, str]]:
    from sqlalchemy import insert

    from coding.codebook import add_code
    from coding.documents import store_document
    from coding.importing.base import ParsedDocument
    from coding.project import create_project, ensure_coder, transaction
    from coding.queries import segments
    from models.base import new_guid
    from models.entities import Coding

    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        db = create_project(Path(tmp) / "seg.tematik", codebook="none")
        with transaction(db) as s:
            docs = [
                store_document(s, f"doc{i}", ParsedDocument(make_transcript(rng, 4000), "txt"))
                for i in range(100)
            ]
            codes = [add_code(s, f"Code {i}") for i in range(50)]
            coders = [ensure_coder(s, n) for n in ("Anne", "Bo")]
            rows, seen = [], set()
            while len(rows) < 50_000:
                d = rng.choice(docs)
                a = rng.randrange(0, d.char_count - 400)
                key = (
                    d.id,
                    rng.choice(codes).id,
                    rng.choice(coders).id,
                    a,
                    a + rng.randint(20, 400),
                )
                if key not in seen:
                    seen.add(key)
                    rows.append(
                        dict(
                            zip(
                                ("document_id", "code_id", "coder_id", "start", "end"),
                                key,
                                strict=True,
                            ),
                            guid=new_guid(),
                        )
                    )
            s.execute(insert(Coding), rows)
        target = codes[17].id
        times = []
        with transaction(db) as s:
            for _ in range(21):
                t0 = time.perf_counter()
                got = segments(s, code_ids=[target])
                times.append(time.perf_counter() - t0)
        db.close()
    return [
        (f"segments of one code among 50,000 codings ({len(got)} rows)",
         f"{statistics.median(times) * 1000:.1f} ms (median of 21)", "≤ 20 ms"),
    ]  # fmt: skip


def _info_row() -> list[tuple[str, str, str]]:
    from coding.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.tematik"
        build_demo(path).close()
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, str(REPO / "main.py"), "info", str(path)], check=True,
                           capture_output=True)  # fmt: skip
            times.append(time.perf_counter() - t0)
    return [
        (
            "python main.py info (demo project, wall clock)",
            f"{statistics.median(times):.2f} s (median of 5)",
            "≤ 0.5 s",
        )
    ]


def run() -> list[tuple[str, str, str]]:
    return _import_row() + _segments_row() + _info_row()


if __name__ == "__main__":
    for row in run():
        print(" | ".join(row))
