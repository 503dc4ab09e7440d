"""File names made from user text: ASCII slugs, names unique ignoring case, safe stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .messages import msg


def slug(text: str, max_chars: int = 80) -> str:
    """The ASCII file-name part of ``text``: accents transliterated (NFKD), every run of
    other characters one ``_``; ``""`` when nothing readable is left (Arabic, Chinese, "!!!")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9A-Za-z]+", "_", ascii_text).strip("_")[:max_chars].rstrip("_")


def unique_names(names: Iterable[str]) -> list[str]:
    """``names`` in order, each made unique ignoring case by ``_2``, ``_3``, ... before its extension."""
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        candidate, n = name, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}_{n}{dot}{ext}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def safe_stem(stem: str, max_bytes: int = 200) -> str:
    """A file stem without control characters or path separators, at most ``max_bytes`` in UTF-8."""
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\]+", "_", stem)
    while len(cleaned.encode("utf-8")) > max_bytes:
        cleaned = cleaned[:-1]
    return cleaned or msg("file_stem_fallback")
