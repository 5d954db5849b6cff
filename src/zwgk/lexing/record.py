"""What the parser's records share: equality, hash and repr made of their fields.

The records (the lexer's ``SourceLine``, ``Cell``, ``Reading``, ``Token``, ``Run``, its labels' and
headings', the assembly's ``Glued`` and ``Totals``) are plain classes rather than NamedTuples or attrs:
mypyc compiles them to structs, whose fields are read directly where a tuple's named field is a lookup
on its type. Each says what its value is (``_values``); this base does the rest once.

A record is never changed once made. Those that were frozen attrs classes declare their fields
``Final``: mypy refuses an assignment to one, and a compiled build refuses it at run time too (mypyc
makes a final attribute read-only); interpreted, nothing checks, which keeps a record's construction a
plain ``__init__`` (attrs' frozen one sets each field through ``object.__setattr__``)."""

from __future__ import annotations


class Record:
    __slots__ = ()

    def _values(self) -> tuple[object, ...]:
        """The record's fields, in the order its constructor takes them."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._values()!r}"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Record):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())
