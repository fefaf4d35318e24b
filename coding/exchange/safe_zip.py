"""Reading untrusted REFI-QDA files: a guarded zip reader and a guarded XML parser.

Both refuse hostile input with a :class:`TematikError` naming the file and the reason:
zip-slip member names, too many members, members larger than the limits (declared and
actual size), compression bombs, XML with entity declarations (external entities, billion
laughs) and malformed XML.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from coding.errors import TematikError

MAX_ARCHIVE_BYTES = 2 * 1024**3
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 200 * 1024**2
MAX_TOTAL_BYTES = 1024**3
MAX_XML_BYTES = 200 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_DOCTYPE_RE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """Limits for one archive (tests lower them)."""

    members: int = MAX_MEMBERS
    member_bytes: int = MAX_MEMBER_BYTES
    total_bytes: int = MAX_TOTAL_BYTES


def _bad(filename: str, reason: str) -> TematikError:
    return TematikError(f"Cannot import {filename}: {reason}. Nothing was imported.")


def check_member_name(name: str) -> str:
    """The member name, normalised to forward slashes; raises ValueError for names that
    could escape the archive (absolute, drive letters, ``..``, NUL)."""
    if "\x00" in name:
        raise ValueError("contains a NUL character")
    norm = name.replace("\\", "/")
    if norm.startswith("/") or _DRIVE_RE.match(norm):
        raise ValueError("is an absolute path")
    if any(part == ".." for part in PurePosixPath(norm).parts):
        raise ValueError("points outside the archive ('..')")
    return norm


class SafeArchive:
    """A .qdpx (zip) opened for reading with every member name and size checked up front.
    Members are looked up case-insensitively (``Sources/`` vs ``sources/``)."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.limits = limits or Limits()
        try:
            if self.path.stat().st_size > MAX_ARCHIVE_BYTES:
                raise _bad(self.name, "the file is larger than 2 GB")
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise TematikError(f"Cannot import {self.name}: the file does not exist.") from None
        except zipfile.BadZipFile:
            raise _bad(self.name, "it is not a valid .qdpx (zip) archive") from None
        except OSError as exc:
            raise _bad(self.name, f"it cannot be read ({exc.strerror or exc})") from None
        try:
            self._index = self._check()
        except BaseException:
            self._zip.close()
            raise

    def _check(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.members:
            raise _bad(
                self.name,
                f"the archive has {len(infos)} members (the limit is {self.limits.members})",
            )
        index: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            try:
                norm = check_member_name(info.filename)
            except ValueError as exc:
                raise _bad(self.name, f"the archive member {info.filename!r} {exc}") from None
            if info.file_size > self.limits.member_bytes:
                raise _bad(
                    self.name,
                    f"the archive member {info.filename!r} is {info.file_size:,} bytes "
                    f"(the limit is {self.limits.member_bytes:,})",
                )
            if (
                info.file_size > 1024**2
                and info.compress_size
                and info.file_size / info.compress_size > MAX_RATIO
            ):
                raise _bad(self.name, f"the archive member {info.filename!r} is a zip bomb")
            total += info.file_size
            if total > self.limits.total_bytes:
                raise _bad(self.name, "the archive unpacks to more than the size limit")
            if not info.is_dir():
                index.setdefault(norm.lower(), info)
        return index

    def names(self) -> list[str]:
        return [i.filename.replace("\\", "/") for i in self._index.values()]

    def find(self, name: str) -> str | None:
        """The stored member name matching ``name`` case-insensitively, or None."""
        info = self._index.get(name.replace("\\", "/").lstrip("/").lower())
        return None if info is None else info.filename

    def read(self, name: str) -> bytes:
        """A member's bytes, read with the actual size checked against the limit (a member
        whose header lies about its size is refused)."""
        info = self._index.get(name.replace("\\", "/").lstrip("/").lower())
        if info is None:
            raise _bad(self.name, f"the archive has no member {name!r}")
        limit = min(self.limits.member_bytes, max(info.file_size, 0))
        try:
            with self._zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise _bad(
                self.name, f"the archive member {info.filename!r} is damaged ({exc})"
            ) from None
        if len(data) > limit:
            raise _bad(
                self.name,
                f"the archive member {info.filename!r} is larger than its declared size",
            )
        return data

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_xml(data: bytes, filename: str) -> etree._Element:
    """Parse untrusted XML: no DTD loading, no entity resolution, no network, no huge trees.
    Any document type declaration that declares entities is refused outright."""
    if len(data) > MAX_XML_BYTES:
        raise _bad(filename, "the XML is larger than 200 MB")
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:8]:
        # UTF-16 XML: look for the declarations in the decoded text.
        try:
            probe = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise _bad(filename, "the XML has an unreadable encoding") from None
    else:
        probe = data
    if _DOCTYPE_RE.search(probe) and _ENTITY_RE.search(probe):
        raise _bad(
            filename,
            "the XML declares entities in a DOCTYPE (possible XML external entity or "
            "entity-expansion attack); REFI-QDA files never need them",
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if exc.lineno else ""
        raise _bad(filename, f"the XML is malformed{line}: {exc.msg}") from None
    if root is None:
        raise _bad(filename, "the XML is empty")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.entities()):
        raise _bad(filename, "the XML declares entities in a DOCTYPE")
    return root
