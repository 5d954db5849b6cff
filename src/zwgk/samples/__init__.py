"""The sample report shipped with zwgk (see README.md here)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE = "jingzhi-2019.txt"


def sample_path() -> Path:
    """The path of the bundled sample report: 景芝镇2019年政府信息公开工作年度报告."""
    return Path(str(files(__name__) / SAMPLE))
