"""One organ under the names reports give it: ``zwgk.organ_key``, and ``check_series`` using it."""

from __future__ import annotations

from pathlib import Path

import pytest

import zwgk
from zwgk.organs import same_organ

from .handmade import consistent_report, with_cell

HONGZE = Path(__file__).parent / "fixtures" / "corpus" / "hongze"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某市人民政府办公室", "某某市政府办公室"),
        ("某某市人民政府办公室", "某某市 人民政府 办公室"),
        ("湖东镇人民政府", "湖东镇"),
        ("湖東鎮人民政府", "湖东镇政府"),
        ("麻阳苗族自治县板栗树乡人民政府", "麻阳苗族自治县板栗树乡"),
        ("重庆市九龙坡区二郎街道办事处", "重庆市九龙坡区二郎街道"),
        ("长春新区管委会", "长春新区管理委员会"),
        ("乌鲁木齐国家高新区（新市区）", "乌鲁木齐国家高新区(新市区)"),
        ("区政府政务服务办", "区人民政府政务服务办"),
    ],
)
def test_names_of_one_organ(a: str, b: str) -> None:
    assert same_organ(a, b)
    assert zwgk.organ_key(a) == zwgk.organ_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某市人民政府", "某某市人民政府办公室"),
        ("洪泽区人民政府", "淮安市洪泽区人民政府"),
        ("某某市人民政府办公室", "某某市人民政府办公厅"),
        ("海城镇", "海城市卫生健康局"),
        ("铁西区科学技术局", "铁西区发改局"),
    ],
)
def test_names_of_two_organs(a: str, b: str) -> None:
    assert not same_organ(a, b)


def test_a_mapping_names_what_the_rules_cannot_tell() -> None:
    mapping = {"淮安市洪泽区人民政府": "洪泽区人民政府"}
    assert same_organ("洪泽区人民政府", "淮安市洪泽区人民政府", mapping)
    assert same_organ("淮安市 洪泽区政府", "洪泽区", mapping)
    keyed = {zwgk.organ_key("淮安市洪泽区人民政府"): "洪泽区人民政府"}
    assert same_organ("洪泽区人民政府", "淮安市洪泽区人民政府", keyed)
    assert not same_organ("洪泽区人民政府", "淮安区人民政府", mapping)


def test_series_finds_the_organ_under_another_name() -> None:
    earlier = consistent_report(2020, "某某县人民政府")
    later = with_cell(consistent_report(2021, "某某县政府"), "requests.carried_over.natural_person", 2)
    (found,) = zwgk.check_series([earlier, later])[1]
    assert found.code == "ZW305"
    assert found.message.startswith("某某县政府 2020 年表三“结转下年度继续办理”“自然人”为 1")


def test_series_takes_the_mapping() -> None:
    earlier = consistent_report(2020, "洪泽区人民政府")
    later = with_cell(consistent_report(2021, "淮安市洪泽区人民政府"), "requests.carried_over.total", 9)
    assert zwgk.check_series([earlier, later]) == [[], []]
    found = zwgk.check_series([earlier, later], organs={"淮安市洪泽区人民政府": "洪泽区人民政府"})
    assert [d.code for d in found[1]] == ["ZW305"]


def test_series_of_a_real_organ_under_two_names() -> None:
    """洪泽区 2023 names itself 洪泽区人民政府, 2024 淮安市洪泽区人民政府; both carry nothing over."""
    reports = [zwgk.parse_file(HONGZE / f"hzq{year}_working.pdf") for year in (2023, 2024)]
    assert [r.organ for r in reports] == ["洪泽区人民政府", "淮安市洪泽区人民政府"]
    mapping = {"淮安市洪泽区人民政府": "洪泽区人民政府"}
    assert zwgk.check_series(reports, mapping) == [[], []]
    broken = with_cell(reports[1], "requests.carried_over.total", 1)
    assert [d.code for d in zwgk.check_series([reports[0], broken], mapping)[1]] == ["ZW305"]
