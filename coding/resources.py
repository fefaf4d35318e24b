"""Where bundled resources live (codebooks, demo transcripts, translations, icons)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CODEBOOKS = RESOURCES / "codebooks"
DEMO = RESOURCES / "demo"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"
