"""Start-up: what ``import zwgk`` loads, and the grammar's parser kept in the cache folder, each in a
fresh interpreter (what a process has imported or built cannot be undone in this one)."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from zwgk.normalize import TRADITIONAL_FILE, changed_by_t2s

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_a590bb6f50b0561d.txt"
TRADITIONAL_SEED = ROOT / "tests" / "fixtures" / "seeds" / "001_f115db0abcc19756.txt"

NOT_FOR_A_PARSE = (
    "cattrs",  # the JSON and CSV serializers
    "concurrent.futures.process",  # parse_many's process pool
    "multiprocessing",
    "zwgk.batch",
    "zwgk.check.tables",  # the rules: loaded by the first zwgk.check
    "zwgk.check.text",
    "zwgk.check.series",
    "zwgk.check.structure",
    "zwgk.serialize.text",
    "html",  # its entities: only a text holding one needs them
    "zwgk.serialize.json",
    "zwgk.serialize.csv",
    "zwgk.serialize.xlsx",
    "zwgk.sources",  # the document readers and the fetcher
    "zwgk.comparison",  # zwgk.compare, the summary and its charts, and what they share
    "zwgk.indicator",
    "zwgk.summary",
    "zwgk.plot",
    "zwgk.organs",
    "zwgk.organ_mapping",
    "zwgk.check.series",
    "matplotlib",
    "zipfile",
    "httpx",
    "pandas",
    "openpyxl",
    "pdfplumber",
    "docx",
    "selectolax",
)


def _run(code: str, cache: str | None = None, hash_seed: int | None = None) -> str:
    """What ``code`` prints in a fresh interpreter running this checkout's zwgk, ``ZWGK_CACHE_DIR``
    set to ``cache`` (and unset with ``None``), and ``PYTHONHASHSEED`` to ``hash_seed`` if given."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZWGK_CACHE_DIR", "PYTHONHASHSEED")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    if cache is not None:
        env["ZWGK_CACHE_DIR"] = cache
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = str(hash_seed)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_and_a_parse_leave_out_what_a_parse_does_not_need() -> None:
    loaded = json.loads(
        _run(
            "import json, sys, zwgk\n"
            "after_import = sorted(sys.modules)\n"
            f"zwgk.parse(open({str(SEED)!r}, encoding='utf-8-sig').read())\n"
            "print(json.dumps([after_import, sorted(sys.modules)]))"
        )
    )
    # nor OpenCC, for a report in simplified characters: it only converts
    for modules in loaded:
        assert [m for m in (*NOT_FOR_A_PARSE, "opencc") if m in modules] == []


def test_reading_a_text_file_loads_no_document_reader() -> None:
    loaded = _run(f"import sys, zwgk; zwgk.parse_file({str(SEED)!r}); print(*sorted(sys.modules))").split()
    readers = ("zipfile", "pathlib", "zwgk.sources.html", "zwgk.sources.pdf", "zwgk.sources.docx")
    assert [m for m in (*readers, "zwgk.sources.web") if m in loaded] == []


def test_lazy_names_are_there_on_first_use() -> None:
    out = _run(
        "import zwgk\n"
        "print('to_json' in dir(zwgk), sorted(set(zwgk.__all__) - set(dir(zwgk))))\n"
        "print(zwgk.to_json.__module__, zwgk.parse_many.__module__, callable(zwgk.check))\n"
        "print(zwgk.batch.__name__)"
    )
    assert out.split("\n") == ["True []", "zwgk.serialize.json zwgk.batch True", "zwgk.batch", ""]


def test_the_checks_load_on_first_use() -> None:
    out = _run(
        "import sys, zwgk\n"
        f"report = zwgk.parse(open({str(SEED)!r}, encoding='utf-8-sig').read())\n"
        "print('zwgk.check.tables' in sys.modules, type(zwgk.check).__name__)\n"
        "found = zwgk.check(report)\n"
        "print('zwgk.check.tables' in sys.modules, type(zwgk.check).__name__, found == zwgk.check(report))\n"
        "from zwgk.check import tables\n"
        "print(tables.__name__, type(zwgk.check).__name__)"
    )
    assert out.split("\n") == ["False function", "True function True", "zwgk.check.tables function", ""]


def test_an_unknown_name_is_an_attribute_error() -> None:
    import zwgk

    with pytest.raises(AttributeError, match="no_such_name"):
        zwgk.no_such_name  # noqa: B018


_PARSE = (
    "import hashlib, zwgk\n"
    "report = zwgk.parse(open({seed!r}, encoding='utf-8-sig').read())\n"
    "print(hashlib.sha256(zwgk.to_json(report).encode()).hexdigest())"
)
_NO_GRAMMAR_ANALYSIS = (
    "import lark\n"
    "def refuse(*args, **kwargs): raise AssertionError('the grammar was analysed afresh')\n"
    "lark.Lark.__init__ = refuse\n"
)


def _cache_files(folder: Path, kind: str = "report-") -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(kind))


@pytest.fixture(scope="module")
def uncached() -> str:
    """The seed's report as JSON (its hash), parsed with no cache folder at all."""
    return _run(_PARSE.format(seed=str(SEED)), cache="")


def test_the_grammar_is_kept_then_read_back(tmp_path: Path, uncached: str) -> None:
    assert _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
    kept = _cache_files(tmp_path)
    assert len(kept) == 1 and kept[0].startswith("report-") and kept[0].endswith(".marshal")
    # the next process parses without Lark analysing the grammar, into the same report
    assert _run(_NO_GRAMMAR_ANALYSIS + _PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
    assert _cache_files(tmp_path) == kept
    # nor is Lark imported at all: the kept tables are run by zwgk's own driver
    imported = _run(
        _PARSE.format(seed=str(SEED)) + "\nimport sys; print('lark' in sys.modules)", cache=str(tmp_path)
    )
    assert imported == uncached + "False\n"


def test_a_missing_or_damaged_cache_file_is_built_again(tmp_path: Path, uncached: str) -> None:
    _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path))
    (kept,) = tmp_path.glob("report-*")
    kept.unlink()
    assert _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
    assert kept.exists()
    for damage in (b"", b"no parser", kept.read_bytes()[:100]):
        kept.write_bytes(damage)
        assert _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
        assert _run(_NO_GRAMMAR_ANALYSIS + _PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached


def test_a_changed_grammar_gets_a_cache_file_of_its_own(tmp_path: Path) -> None:
    code = (
        "import zwgk.grammar as g\n"
        "grammar = g._grammar()\n"
        "print(g.cache_file(grammar) != g.cache_file(grammar + '\\n// changed'))\n"
        "g._grammar = lambda: grammar + '\\n// changed'\n"
        "g._parser()"
    )
    assert _run(code, cache=str(tmp_path)) == "True\n"
    _run("import zwgk.grammar as g; g._parser()", cache=str(tmp_path))
    assert len(_cache_files(tmp_path)) == 2


def test_without_a_usable_cache_folder_the_grammar_is_built_in_memory(tmp_path: Path, uncached: str) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert _run(_PARSE.format(seed=str(SEED)), cache=str(blocker / "cache")) == uncached
    assert _cache_files(tmp_path, "") == ["a file"]


_NO_PATTERN_COMPILING = (  # the standard library's own patterns are still compiled as usual
    "import re, sys\n"
    "parse = re._parser.parse\n"
    "def refuse(*args, **kwargs):\n"
    "    if sys._getframe(1).f_globals['__name__'] == 'zwgk.patterns':\n"
    "        raise AssertionError('a pattern was compiled afresh')\n"
    "    return parse(*args, **kwargs)\n"
    "re._parser.parse = refuse\n"
)
_PATTERNS = (
    "import hashlib, re, sys, zwgk\n"
    "found = sorted((name, key, p.pattern, p.flags, p.groups, sorted(p.groupindex.items()))\n"
    "    for name, module in list(sys.modules.items()) if name.startswith('zwgk')\n"
    "    for key, p in vars(module).items() if isinstance(p, re.Pattern))\n"
    "print(len(found), hashlib.sha256(repr(found).encode()).hexdigest())"
)


def test_the_patterns_are_kept_then_read_back(tmp_path: Path, uncached: str) -> None:
    compiled = _run(_PATTERNS, cache="")
    assert int(compiled.split()[0]) > 50  # the modules' patterns, as re.compile makes them
    assert _run(_PATTERNS, cache=str(tmp_path)) == compiled
    (kept,) = _cache_files(tmp_path, "patterns-")
    # a parse keeps those it compiled itself, made of the catalogue when first needed
    assert _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
    # the next process makes each pattern from the code kept, parsing none, into the same patterns
    assert _run(_NO_PATTERN_COMPILING + _PATTERNS, cache=str(tmp_path)) == compiled
    parsed = _run(_NO_PATTERN_COMPILING + _PARSE.format(seed=str(SEED)), cache=str(tmp_path))
    assert parsed == uncached
    assert _cache_files(tmp_path, "patterns-") == [kept]


def test_a_damaged_patterns_file_is_made_again(tmp_path: Path, uncached: str) -> None:
    compiled = _run(_PATTERNS, cache="")
    _run(_PATTERNS, cache=str(tmp_path))
    (kept,) = tmp_path.glob("patterns-*")
    whole = kept.read_bytes()
    for damage in (b"", b"no patterns", whole[: len(whole) // 2], whole.replace(b"\x01", b"\x7f")):
        kept.write_bytes(damage)
        assert _run(_PATTERNS, cache=str(tmp_path)) == compiled
        assert _run(_PARSE.format(seed=str(SEED)), cache=str(tmp_path)) == uncached
    assert _run(_NO_PATTERN_COMPILING + _PATTERNS, cache=str(tmp_path)) == compiled


_COUNT_COMPILING = (  # zwgk.class_code compiles what it does not hold with the builtin compile
    "import attrs, builtins\n"  # attrs' own NamedTuples compile their annotations before zwgk's import
    "compiled = []\n"
    "builtin_compile = builtins.compile\n"
    "def counting(source, filename, mode, *args, **kwargs):\n"
    "    if str(filename).startswith('<attrs generated methods zwgk.') or filename == '<string>':\n"
    "        compiled.append(filename)\n"
    "    return builtin_compile(source, filename, mode, *args, **kwargs)\n"
    "builtins.compile = counting\n"
    "import zwgk\n"
    "builtins.compile = builtin_compile\n"
    "print(sum(f != '<string>' for f in compiled), compiled.count('<string>'))\n"
)
_SAME_AS_COMPILED = (  # each method attrs wrote for zwgk's classes and each annotation of zwgk's
    # NamedTuples, against its source compiled afresh as attrs' and typing's own compile would
    "import __future__, attr._make, attrs, linecache, sys, types, typing\n"
    "future = sum(getattr(__future__, n).compiler_flag for n in __future__.all_feature_names)\n"
    "def flags(function):\n"
    "    return function.__code__.co_flags & future\n"
    "def nested(code):\n"
    "    for c in code.co_consts:\n"
    "        if isinstance(c, types.CodeType):\n"
    "            yield c\n"
    "            yield from nested(c)\n"
    "methods = annotations = differ = 0\n"
    "for name, module in [(n, m) for n, m in list(sys.modules.items()) if n.startswith(('zwgk', 'attr'))]:\n"
    "    for cls in [c for c in vars(module).values() if isinstance(c, type)]:\n"
    "        for method in [m for m in vars(cls).values() if isinstance(m, types.FunctionType)]:\n"
    "            code = method.__code__\n"
    "            shown = name.startswith('zwgk') or code.co_filename in linecache.cache  # attrs' own: not all\n"
    "            if attrs.has(cls) and code.co_filename.startswith('<attrs generated') and shown:\n"
    "                source = ''.join(linecache.cache[code.co_filename][2])\n"
    "                fresh = compile(source, code.co_filename, 'exec', flags(attr._make._compile_and_eval), True)\n"
    "                methods += 1\n"
    "                differ += not [c for c in nested(fresh) if c == code and c.co_filename == code.co_filename]\n"
    "        for ref in getattr(cls, '__annotations__', {}).values() if issubclass(cls, tuple) else ():\n"
    "            fresh = compile(ref.__forward_arg__, '<string>', 'eval', flags(typing.ForwardRef.__init__), True)\n"
    "            annotations += 1\n"
    "            differ += fresh != ref.__forward_code__ or fresh.co_flags != ref.__forward_code__.co_flags\n"
    "print(methods > 100, annotations > 0, differ)\n"
)
_BEHAVIOUR = (  # what zwgk's classes do, with this process's PYTHONHASHSEED
    "import attrs\n"
    "report = zwgk.parse(open({seed!r}, encoding='utf-8-sig').read())\n"
    "row, diagnostic = report.requests.new_received, report.diagnostics[0]\n"
    "print(hash(row), hash(diagnostic), repr(row), repr(diagnostic))\n"
    "print(row == attrs.evolve(row), row == attrs.evolve(row, total=row.total + 1), diagnostic != row)\n"
    "try:\n"
    "    row.total = 0\n"
    "except attrs.exceptions.FrozenInstanceError:\n"
    "    print('frozen')\n"
)


def _compiling(cache: str, hash_seed: int) -> tuple[tuple[int, int], str]:
    """How many sources of zwgk's classes were compiled (attrs' methods, annotations), and what the
    classes then print and do."""
    out = _run(_COUNT_COMPILING + _SAME_AS_COMPILED + _BEHAVIOUR.format(seed=str(SEED)), cache, hash_seed)
    counts, rest = out.split("\n", 1)
    methods, annotations = map(int, counts.split())
    return (methods, annotations), rest


def test_what_zwgks_classes_compile_is_kept_then_read_back(tmp_path: Path) -> None:
    every, uncached = _compiling("", hash_seed=1)
    # each of zwgk's attrs classes (the model's and the catalogue's: the parser's own are Records), each
    # text of a NamedTuple's fields
    assert every[0] > 20 and every[1] > 0
    assert uncached.startswith("True True 0\n") and uncached.endswith("True False True\nfrozen\n")
    assert _compiling(str(tmp_path), hash_seed=1) == (every, uncached)
    (kept,) = _cache_files(tmp_path, "class-code-")
    assert _compiling(str(tmp_path), hash_seed=1) == ((0, 0), uncached)
    # another process hashes the classes' names otherwise: where the number is as wide, the code kept is
    # given it, and the methods are what compiling their source makes, behaving as they do uncached
    (renumbered, annotations), out = _compiling(str(tmp_path), hash_seed=2)
    assert 0 < renumbered < every[0] and annotations == 0
    assert out == _compiling("", hash_seed=2)[1] != uncached
    assert _compiling(str(tmp_path), hash_seed=2) == ((0, 0), out)
    assert _compiling(str(tmp_path), hash_seed=1) == ((0, 0), uncached)
    assert _cache_files(tmp_path, "class-code-") == [kept]


def test_a_damaged_or_another_pythons_class_code_file_is_compiled_again(tmp_path: Path) -> None:
    every, uncached = _compiling("", hash_seed=1)
    _compiling(str(tmp_path), hash_seed=1)
    (kept,) = tmp_path.glob("class-code-*")
    whole = kept.read_bytes()
    build, entries = marshal.loads(whole)
    for damage in (
        b"",
        b"no code",
        whole[: len(whole) // 2],
        marshal.dumps(("another Python", entries)),
        marshal.dumps((build, dict.fromkeys(entries, (1, "no code")))),
        marshal.dumps((build, dict.fromkeys(entries, "no entry"))),
    ):
        kept.write_bytes(damage)
        assert _compiling(str(tmp_path), hash_seed=1) == (every, uncached)
    assert _compiling(str(tmp_path), hash_seed=1) == ((0, 0), uncached)


def test_another_versions_source_of_a_class_is_dropped_and_other_classes_stay(tmp_path: Path) -> None:
    _compiling(str(tmp_path), hash_seed=1)
    (kept,) = tmp_path.glob("class-code-*")
    build, entries = marshal.loads(kept.read_bytes())
    report = next(k for k in entries if k[0] == "<attrs generated methods zwgk.model.report.Report>")
    stale = (report[0], report[1], "def __init__(self): pass")
    other = ("<attrs generated methods zwgk.elsewhere.Other>", report[1], "def __init__(self): pass")
    code = compile("def __init__(self): pass", "x", "exec")
    kept.write_bytes(marshal.dumps((build, {**entries, stale: (code, {}), other: (code, {})})))
    assert _compiling(str(tmp_path), hash_seed=2)[0][0] > 0  # some hash numbers of another width
    _, written = marshal.loads(kept.read_bytes())
    assert other in written and stale not in written and set(entries) < set(written)


def test_only_zwgks_own_classes_are_kept_and_only_during_its_import(tmp_path: Path) -> None:
    code = (
        "import attr._make, attrs, typing, zwgk\n"
        "print('compile' in vars(attr._make), 'compile' in vars(typing))\n"
        "@attrs.frozen\n"
        "class Other:\n"
        "    x: int\n"
        "print(Other(1) == Other(1), repr(Other(2)))\n"
    )
    assert _run(code, str(tmp_path)) == "False False\nTrue Other(x=2)\n"
    assert _run(code, str(tmp_path)) == "False False\nTrue Other(x=2)\n"
    (kept,) = tmp_path.glob("class-code-*")
    _, entries = marshal.loads(kept.read_bytes())
    names = {name for name, _, _ in entries}
    assert "<string>" in names and all(
        n.startswith("<attrs generated methods zwgk.") for n in names - {"<string>"}
    )


_ATTRS_OWN = (  # attrs imported by zwgk's import: the classes attrs makes of its own as it loads
    "import builtins\n"
    "compiled = []\n"
    "builtin_compile = builtins.compile\n"
    "def counting(source, filename, mode, *args, **kwargs):\n"
    "    if str(filename).startswith('<attrs generated ') and ' attr.' in str(filename):\n"
    "        compiled.append(str(filename)[:-1].rsplit(' ', 1)[1])\n"
    "    return builtin_compile(source, filename, mode, *args, **kwargs)\n"
    "builtins.compile = counting\n"
    "import importlib, sys, zwgk\n"
    "builtins.compile = builtin_compile\n"
    "import attr, attr._make\n"
    "def fields(name):\n"
    "    module, _, cls = name.rpartition('.')\n"
    "    cls = getattr(importlib.import_module(module), cls)\n"
    "    return len(attr.fields(cls) if attr.has(cls) else cls.__slots__)\n"
    "print(len(compiled), sorted({fields(name) for name in compiled}))\n"
    "loader = attr._make.__loader__\n"
    "print(type(loader).__name__, type(loader).__module__, attr._make.__spec__.loader is loader)\n"
    "print('compile' in vars(attr._make), [f for f in sys.meta_path if 'zwgk' in repr(f)])\n"
    "v = attr.validators.instance_of(int)\n"
    "print(v == attr.validators.instance_of(int), hash(v) == hash(attr.validators.instance_of(int)), repr(v))\n"
    "a = attr.fields(zwgk.Report)[0]\n"
    "print(a == a.evolve(), hash(a) == hash(a.evolve()), a != a.evolve(name='other'))\n"
)


def test_attrs_own_classes_are_kept_where_zwgks_import_loads_attrs(tmp_path: Path) -> None:
    def run(hash_seed: int) -> list[str]:
        return _run(_ATTRS_OWN + _SAME_AS_COMPILED, str(tmp_path), hash_seed).split("\n")

    first, *rest = run(hash_seed=1)
    assert int(first.split()[0]) > 10  # each of attrs' own classes
    assert rest == [
        "SourceFileLoader _frozen_importlib_external True",  # attrs is left loaded as Python loads it
        "False []",
        "True True <instance_of validator for type <class 'int'>>",
        "True True True",
        "True True 0",  # every method as compiling its source afresh makes it
        "",
    ]
    # read back: only a class without fields is compiled again (its hash number is in a tuple constant)
    again, *same = run(hash_seed=1)
    assert again.endswith(" [0]") or again == "0 []"
    assert same == rest
    assert run(hash_seed=1) == [again, *rest]


def test_a_library_that_compiles_otherwise_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import attr._make

    from zwgk import class_code

    monkeypatch.setattr(attr._make, "_compile_and_eval", lambda *args, **kwargs: None)
    with class_code.kept():
        assert "compile" not in vars(attr._make)
        assert "compile" in vars(typing)  # still hooked: its ForwardRef compiles as it did
    assert "compile" not in vars(typing)


def test_garbage_collection_is_as_it_was_once_zwgk_is_imported() -> None:
    assert _run("import gc, zwgk; print(gc.isenabled())") == "True\n"
    assert _run("import gc; gc.disable(); import zwgk; print(gc.isenabled())") == "False\n"


def test_objects_a_process_froze_stay_frozen_through_the_import() -> None:
    """(Some may be freed meanwhile: refcounting still frees frozen objects.)"""
    frozen = "import gc; gc.freeze(); n = gc.get_freeze_count(); import zwgk; print(0 < gc.get_freeze_count() <= n)"
    assert _run(frozen) == "True\n"
    assert _run("import gc, zwgk; print(gc.get_freeze_count())") == "0\n"  # none left frozen by zwgk


def test_the_shipped_traditional_characters_are_what_opencc_changes() -> None:
    shipped = (ROOT / "src" / "zwgk" / TRADITIONAL_FILE).read_text(encoding="utf-8").strip()
    assert shipped == changed_by_t2s(), (
        "OpenCC changes other characters than src/zwgk/traditional.txt lists; write them again with "
        'python -c "from zwgk.normalize import changed_by_t2s; '
        "open('src/zwgk/traditional.txt', 'w', encoding='utf-8').write(changed_by_t2s() + '\\n')\""
    )
    # spot checks read off the characters themselves: 這 國 來 are traditional, 这 国 来 and 的 are not
    assert {"這", "國", "來"} <= set(shipped) and not {"这", "国", "来", "的"} & set(shipped)


def test_a_traditional_report_is_still_simplified() -> None:
    out = _run(
        "import zwgk\n"
        f"report = zwgk.parse(open({str(TRADITIONAL_SEED)!r}, encoding='utf-8-sig').read())\n"
        "print(any(d.code == 'ZW107' for d in report.diagnostics), '鎮' in zwgk.to_text(report))"
    )
    assert out == "True False\n"
