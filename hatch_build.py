"""The wheel's build hook: with ``ZWGK_COMPILE=1`` set, compiles the text-parse modules with mypyc.

Without it the wheel is pure Python, and an editable install always is. Compiling needs a C compiler
and the Python headers; the tools (hatch-mypyc, mypy) and zwgk's own dependencies, which mypy reads,
are added to the build environment only then. See docs/index.md#compiled.
"""

from __future__ import annotations

import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = [
    "/src/zwgk/lexing/*.py",
    "/src/zwgk/grammar.py",
    "/src/zwgk/structure.py",
    "/src/zwgk/assembly/*.py",
    "/src/zwgk/normalize.py",
    "/src/zwgk/codes.py",
]
"""The parse of a report's text: lexing, the grammar's feeding and what it builds, assembly, and the
``Findings`` they add diagnostics to (a native call each). ``api`` stays interpreted: a
compiled function refuses an argument of the wrong type with a ``TypeError`` before its body runs,
where ``parse`` must answer a ``ZwgkError``."""
_TOOLS = ["hatch-mypyc>=0.16", "mypy>=1.10"]
_MYPY_ARGS = ["--strict", "--ignore-missing-imports"]  # the optional extras are not in a build environment


def _asked() -> bool:
    return os.environ.get("ZWGK_COMPILE", "") == "1"


class CompileHook(BuildHookInterface):
    """Runs hatch-mypyc's hook on ``COMPILED`` when asked to, and removes what it built in the source
    tree once the wheel holds it, so that the checkout (and an editable install of it) stays pure."""

    def dependencies(self) -> list[str]:
        return [*_TOOLS, *self.metadata.core.dependencies] if _asked() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._mypyc = None
        if version == "editable" or not _asked():
            return
        from hatch_mypyc.plugin import MypycBuildHook

        config = {"include": COMPILED, "mypy-args": _MYPY_ARGS}
        self._mypyc = MypycBuildHook(
            self.root, config, self.build_config, self.metadata, self.directory, self.target_name, self.app
        )
        self._mypyc.initialize(version, build_data)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._mypyc is not None:
            self._mypyc.clean([version])
