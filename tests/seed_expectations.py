"""What each seed report says, as read off the source files by a person.

Table 三 rows are listed in the order the report prints them, as (自然人, 商业企业, 科研机构, 社会公益组织,
法律服务机构, 其他, 总计); ``None`` is a blank cell. Text sections are given by the start of their first
paragraph and the end of their last.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

_ = None
ZEROS = (0, 0, 0, 0, 0, 0, 0)
BLANKS = (_, _, _, _, _, _, _)
ONLY_TOTAL_ZERO = (_, _, _, _, _, _, 0)

REQUEST_PATHS_2019 = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.security_stability",
    "withheld.third_party_rights",
    "withheld.internal_affairs",
    "withheld.process_information",
    "withheld.enforcement_files",
    "withheld.query_matters",
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
    "not_processed.petition",
    "not_processed.repeated",
    "not_processed.publications",
    "not_processed.excessive",
    "not_processed.confirmation",
    "other_handling",
    "total",
    "carried_forward",
)
REQUEST_PATHS_2021 = (
    *REQUEST_PATHS_2019[:20],
    "other_handling.overdue_correction",
    "other_handling.overdue_fee",
    "other_handling.other",
    "total",
    "carried_forward",
)


SEEDS: dict[str, dict[str, Any]] = {
    # 梁园区王楼乡: tab rows; every figure printed is 0.
    "000_a590bb6f50b0561d.txt": {
        "title": "梁园区王楼乡人民政府2020年政府信息公开工作年度报告",
        "organ": "梁园区王楼乡人民政府",
        "year": 2020,
        "template": "2019",
        "active": {
            "regulations": {"made": 0, "published": 0, "total_published": 0},
            "normative_documents": {"made": 0, "published": 0, "total_published": 0},
            "licensing": {"previous": 0, "change": 0, "decisions": 0},
            "other_services": {"previous": 0, "change": 0, "decisions": 0},
            "punishment": {"previous": 0, "change": 0, "decisions": 0},
            "coercion": {"previous": 0, "change": 0, "decisions": 0},
            "fees": {"previous": 0, "change": 0},
            # header: 采购总金额(单位:万元,保留4位小数); the row's amount cell is 0
            "procurement": {"projects": 0, "amount": Decimal("0"), "amount_unit": "万元"},
        },
        # 第（八）项 prints three columns, the third (处理决定数量) is not in the 2019 format
        "extras": [("八", "行政事业性收费", "处理决定数量", Decimal("0"))],
        "requests": dict.fromkeys(REQUEST_PATHS_2019, ZEROS),
        "review": (0,) * 15,
        "preamble": None,
        "overview": (
            "(一) 成立组织、加强领导。为进一步加强政府信息公开工作的组织领导",
            "由政府信息公开领导小组组长签发后予以公开。",
        ),
        "problems": ("(一) 人员配置方面。", "重点加强信息公开人员的培训和指导。"),
        "other_matters": ("无", "无"),
    },
    # 垫江县周嘉镇: traditional mirror copy, pipe cells, label-less 8-figure sub-rows.
    "001_f115db0abcc19756.txt": {
        "title": "垫江县周嘉镇人民政府2020年政府信息公开工作年度报告",
        "organ": "垫江县周嘉镇人民政府",
        "year": 2020,
        "template": "2019",
        "active": {
            "regulations": {"made": 0, "published": 0, "total_published": 0},
            "normative_documents": {"made": 0, "published": 0, "total_published": 0},
            "licensing": {"previous": 4, "change": 5, "decisions": 1496},
            "other_services": {"previous": 175, "change": -45, "decisions": 11536},
            "punishment": {"previous": 6, "change": 8, "decisions": 0},
            "coercion": {"previous": 9, "change": -4, "decisions": 0},
            "fees": {"previous": 0, "change": 0},
            "procurement": {"projects": 0, "amount": Decimal("0"), "amount_unit": None},
        },
        "extras": [],
        "requests": dict.fromkeys(REQUEST_PATHS_2019, ZEROS),
        "review": (0,) * 15,
        "preamble": (
            "根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
            "报告如下:",
        ),
        "overview": (
            "在县委、县政府坚强领导下,周嘉镇政务公开工作,坚持以习近平",
            "把政务公开工作延伸至各村级组织。",
        ),
        "problems": ("(一)存在问题", "增强行政机关及其工作人员主动意识和责任意识。"),
        "other_matters": ("无。", "无。"),
    },
    # 一平垣乡: no title; one tab-indented cell per line; 一 and 二 have a blank 总计; results all blank.
    "002_ec2c52ebd74edb1b.txt": {
        "title": None,
        "organ": "一平垣乡",
        "year": 2023,
        "template": "2021",
        "active": {
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": 0, "repealed": 0, "in_force": 0},
            "licensing": {"decisions": 512},
            "punishment": {"decisions": 0},
            "coercion": {"decisions": 0},
            "fees": {"amount": Decimal("0")},
        },
        "extras": [],
        "requests": {
            **dict.fromkeys(REQUEST_PATHS_2021, BLANKS),
            "new_received": (0, 0, 0, 0, 0, 0, _),
            "carried_over": (0, 0, 0, 0, 0, 0, _),
        },
        "review": (0,) * 15,
        "preamble": ("2023年，一平垣乡在区政府的正确领导下", "现向社会公布我乡政府信息公开工作年度报告："),
        "overview": ("（一）以组织领导为保障，统筹政务公开事宜", "保障人民群众知情权、参与权和监督权。"),
        "problems": ("今年以来，全乡政府信息公开工作稳步推进", "推动政府信息公开工作深入开展。"),
        "other_matters": ("无", "无"),
    },
    # 大洼区西安镇: title over two lines; only the 总计 column of table 三 is filled.
    "003_a4cd329829f06c67.txt": {
        "title": "大洼区西安镇2021年度政府信息公开工作报告",
        "organ": "大洼区西安镇",
        "year": 2021,
        "template": "2021",
        "active": {
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": 0, "repealed": 0, "in_force": 0},
            "licensing": {"decisions": 0},
            "punishment": {"decisions": 0},
            "coercion": {"decisions": 0},
            "fees": {"amount": Decimal("0")},
        },
        "extras": [],
        "requests": dict.fromkeys(REQUEST_PATHS_2021, ONLY_TOTAL_ZERO),
        "review": (0,) * 15,
        "preamble": None,
        "overview": ("一年来，在区政务公开领导小组的统一部署和指导下", "确保了我镇政务公开工作的实际成效。"),
        "problems": ("我镇的政务公开工作虽然取得了一定的成绩", "党群干群关系更加密切。"),
        "other_matters": ("无", "无"),
    },
    # 景芝镇: blank cells as no-break spaces; one application, not held.
    "004_9208575a96190eff.txt": {
        "title": "景芝镇2019年政府信息公开工作年度报告",
        "organ": "景芝镇",
        "year": 2019,
        "template": "2019",
        "active": {
            "regulations": {"made": 0, "published": 0, "total_published": 0},
            "normative_documents": {"made": 0, "published": 0, "total_published": 0},
            "licensing": {"previous": 0, "change": 0, "decisions": 0},
            "other_services": {"previous": _, "change": _, "decisions": _},
            "punishment": {"previous": 0, "change": 0, "decisions": 0},
            "coercion": {"previous": 0, "change": 0, "decisions": 0},
            "fees": {"previous": 0, "change": 0},
            "procurement": {"projects": 0, "amount": Decimal("0"), "amount_unit": None},
        },
        "extras": [],
        "requests": {
            **dict.fromkeys(REQUEST_PATHS_2019, ZEROS),
            "new_received": (1, 0, 0, 0, 0, 0, 1),
            "unavailable.not_held": (1, 0, 0, 0, 0, 0, 1),
            "total": (1, 0, 0, 0, 0, 0, 1),
        },
        "review": (0,) * 15,
        "preamble": None,
        "overview": ("（一）加大信息公开力度", "2019年我镇未出现因信息公开不到位需要进行责任追究的情况。"),
        "problems": (
            "2019年，虽然全镇信息公开工作取得了一定成效",
            "确保政府信息公开工作顺利推进并取得实效。",
        ),
        "other_matters": ("2019年，镇政府积极配合上级有关部门", "以增进公众对镇政府工作的了解、理解和支持。"),
    },
}
