"""Where zwgk keeps what it builds once and later processes read back: the LALR tables of its grammar,
its regular expressions as sre compiled them (``patterns``) and the methods attrs writes for its
classes as Python compiled them (``methods``).

``ZWGK_CACHE_DIR`` names the folder (set empty, nothing is kept); by default it is the user's cache
folder: ``$XDG_CACHE_HOME/zwgk`` or ``~/.cache/zwgk``, ``~/Library/Caches/zwgk`` on macOS,
``%LOCALAPPDATA%\\zwgk\\Cache`` on Windows. Nothing is written where zwgk is installed, so a
read-only install works; without a usable folder everything is built afresh, in memory.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from contextlib import suppress
from typing import Any

ENVIRONMENT = "ZWGK_CACHE_DIR"


def _user_cache_dir() -> str | None:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return os.path.join(local, "zwgk", "Cache") if local else None
    home = os.path.expanduser("~")
    if home == "~":  # no home directory to be had
        return None
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "zwgk")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "zwgk")


def cache_dir() -> str | None:
    """The cache folder, created if need be, or ``None`` when there is none to be had."""
    folder = os.environ.get(ENVIRONMENT)
    if folder is None:
        folder = _user_cache_dir()
    if not folder:
        return None
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder


def kept_file(kind: str, build: str) -> str | None:
    """The file ``kind`` is kept in under ``build``, or ``None`` without a cache folder."""
    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"{kind}-{zlib.crc32(build.encode()):08x}.marshal")


def read_kept(kind: str, build: str) -> dict[Any, Any]:
    """What ``write_kept`` kept of ``kind`` under ``build`` (a Python build, as the caller tells builds
    apart); empty when there is no file, or it is damaged or another build's."""
    path = kept_file(kind, build)
    if path is None:
        return {}
    try:
        with open(path, "rb") as file:
            whole = file.read()  # marshal.load reads a file piece by piece, ten times slower
        kept_build, kept = marshal.loads(whole)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if kept_build == build and isinstance(kept, dict) else {}


def write_kept(kind: str, build: str, kept: dict[Any, Any]) -> None:
    """Write ``kept`` for ``read_kept``: whole under a name of its own, then renamed, so no process
    reads half a file; a folder that cannot be written to, and it is made again next time."""
    path = kept_file(kind, build)
    if path is None:
        return
    partial = f"{path}.{os.getpid()}.tmp"
    try:
        with open(partial, "wb") as file:
            marshal.dump((build, kept), file)
        os.replace(partial, path)
    except (OSError, ValueError):
        with suppress(OSError):
            os.remove(partial)
