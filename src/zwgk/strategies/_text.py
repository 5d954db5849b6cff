"""The text a generated report may hold: what zwgk keeps after reading a report.

Simplified characters only (traditional ones would be converted), none of the noise zwgk removes
(pinyin notes, HTML and Word residue, doubled punctuation), no line breaks, no white space at either
end. Within that: CJK punctuation, digits, Latin letters, and lines that look like headings, labels,
table rows or page numbers — the canonical writer must escape those.
"""

from __future__ import annotations

from hypothesis import strategies as st

HAN = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可年生自会那后能对着事"
    "里所去行过家十用发天如然作方成者多日都三小二无同么经法当起好看学进种将还分此心前面又定见只主没"
    "公从知间最它本正现两动开政府信息工作推领导组织建设制度规范管理服务平台网站务条件申请办答复情况"
    "报告区县乡镇街道局委员室市省人民加强完善提升深化落实展健全群众社监督检查审核布渠重点域项目资金"
    "数据统计期限划文意见通知求措施问题改不足步"
)
PUNCTUATION = "，。、；：“”《》（）！？—…·%"
ASCII = "0123456789ABCabcxyz"
SPECIAL_LINES = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "六、其他需要报告的事项",
    "1、 总体情况",
    "存在的主要问题及改进情况",
    "第二十条第（一）项",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "一、本年新收政府信息公开申请数量",
    "行政许可 97",
    "（七）总计\t1\t0\t0\t0\t0\t0\t1",
    "0 0 0",
    "- 4 -",
    "第 2 页",
    "\\以反斜杠开头",
    "单位：件",
    "景芝镇2019年政府信息公开工作年度报告",
    "| 规章 | 0 |",
    "信息内容\t本年制发件数",
    "结果维持",
    "0 |",
    "未归位：表三中的一行",
)
"""Lines that read as something other than a paragraph unless escaped."""

NOT_IN_ORGANS = ("公开", "报告", "年报", "年度", "关于", "我", "本")
ORGAN_ENDINGS = ("人民政府", "乡人民政府", "镇人民政府", "街道办事处", "局", "委员会", "区", "县人民政府")
EXTRA_ROWS = ("其他主动公开文件", "重大决策公开数量", "政务新媒体发布数量")
"""Row labels of table 二 that are not the format's (they read as text, never as a label)."""
EXTRA_COLUMNS = ("备注", "累计数量")
OWN_LABELS = (
    "类别",
    "(数据项目)",
    "项目",
    "申请人情况 (自然人)",
    "## 表二：主动公开政府信息情况",
    *EXTRA_ROWS,
)
"""Labels of rows and sub-tables reports print beyond the format, as converters leave them."""


def _clean(text: str) -> str:
    return text.strip()


plain = st.text(alphabet=HAN + PUNCTUATION + ASCII + "  ", min_size=1, max_size=80).map(_clean).filter(bool)
"""A paragraph of ordinary text."""

paragraph = st.one_of(plain, plain, plain, st.sampled_from(SPECIAL_LINES))
"""A paragraph: ordinary text, or a line that looks like something else."""

organ = st.builds(
    lambda name, ending: name + ending,
    st.text(alphabet=HAN.replace("其", "").replace("复", ""), min_size=2, max_size=8),
    st.sampled_from(ORGAN_ENDINGS),
).filter(lambda name: not any(word in name for word in NOT_IN_ORGANS))
"""An organ's name: never one that starts or ends with what zwgk strips from titles, and without the
words of a title (no organ is called 信息公开…); without 复, which a traditional copy may print as 覆
(``上复`` → ``上覆``), a character simplified text also has."""
