"""The files shipped inside the package (the grammar, the traditional characters), read as
``pkgutil.get_data`` reads them — through the package's loader, so from a zip archive too — without
importing ``pkgutil``, which cost ~0.6 ms of each start-up."""

from __future__ import annotations

import os
import sys


def shipped(name: str) -> bytes:
    """The bytes of ``name``, a path under the ``zwgk`` package such as ``grammars/report.lark``."""
    package = sys.modules[__package__]
    assert package.__spec__ is not None and package.__spec__.loader is not None and package.__file__
    loader = package.__spec__.loader
    path = os.path.join(os.path.dirname(package.__file__), *name.split("/"))
    return loader.get_data(path)  # type: ignore[attr-defined,no-any-return]
