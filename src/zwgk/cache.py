"""Where zwgk keeps what it builds once and later processes read back: the LALR tables of its grammar,
and its regular expressions as sre compiled them (``patterns``).

``ZWGK_CACHE_DIR`` names the folder (set empty, nothing is kept); by default it is the user's cache
folder: ``$XDG_CACHE_HOME/zwgk`` or ``~/.cache/zwgk``, ``~/Library/Caches/zwgk`` on macOS,
``%LOCALAPPDATA%\\zwgk\\Cache`` on Windows. Nothing is written where zwgk is installed, so a
read-only install works; without a usable folder everything is built afresh, in memory.
"""

from __future__ import annotations

import os
import sys

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
