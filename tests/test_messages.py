"""What editors read, word for word: every finding of a set of defects, and the field
tables of the editor guide, against reviewed copies in tests/golden/.

A message is the editor's interface: it must name the place and say how to fix
it. A change to any of them is deliberate; after reading the diff, accept it with
``UPDATE_GOLDEN=1 pytest tests/test_messages.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from sample_content import MODULE, REGISTRY, TODAY, module_with
from test_rules import CASE, DATA_DEFECTS, GLOSSARY, SINGLE_DEFECTS

from handbook.content.schema import PAGE_MODELS, BasePage
from handbook.generators.editor_guide import field_rows, rule_table
from handbook.pipeline import analyse

GOLDEN = Path(__file__).parent / "golden"
P = "curriculum/m1.md"

# Defects beyond SINGLE_DEFECTS (one per line of the table), chosen for the branches of each message.
MORE = [
    ("two sections missing, the first one first", module_with("## 学习目标\n", "").replace("## 模拟演练\n", "")),
    ("sections in reverse order", module_with("## 实际应用\n", "## 本章小结X\n").replace("## 本章小结\n", "## 实际应用\n")
     .replace("## 本章小结X\n", "## 本章小结\n")),
    ("html of every kind", module_with("要点。", "要点。\n\n<iframe src=x></iframe>\n<span onclick=x style=y>字</span>\n"
                                          '<a href="vbscript:x">a</a> <a href="ftp://x">b</a> <img src=a.png>\n'
                                          "[c](data:text/html,x) {: onclick=x }\n" + "x" * 70 + "\n<q cite=\"javascript:" + "y" * 70 + '">q</q>\n')),
    ("links", module_with("要点。", "要点。[a](m9.md) [b](m1.md#无) [c](#本章小结) [d](https://x.cn) [e](/abs) [f](../cases/)")),
    ("citations", module_with("要点。", "要点。《刑法》第一条、第二条；民法典第188条至第190条；《不存在法》第1条。")),
    ("quiz without objectives on a module", module_with('<quiz objectives="M1-O2 M1-O4">', "<quiz>")),
    ("quiz with a bad attribute", module_with('<quiz objectives="M1-O2 M1-O4">', "<quiz objectives='M1-O2' x>")),
    ("fill-in quiz faults", module_with("诉讼时效期间为[[三年]]。\n---\n解析：《民法典》第一百八十八条。",
                                        "诉讼时效期间为[[三年]]和[[ ]]和[[。\n- [ ] 选项\n---\n解析：[[x]]")),
    ("fill-in quiz without explanation", module_with("诉讼时效期间为[[三年]]。\n---\n解析：《民法典》第一百八十八条。\n",
                                                     "诉讼时效期间为[[三年]]。\n")),
    ("choice quiz without options", module_with("- [x] 保持冷静，说明来意并询问方便的联系时间\n> 正确。\n- [ ] 威胁对方\n> 错误：这可能构成违法。\n", "")),
    ("placeholders", module_with("要点。", "要点【待填写】" + "很长的内容" * 12)),
    ("review overdue", module_with("reviewed: 2026-11-01", "reviewed: 2024-02-29")),
    ("front matter not a mapping", "---\n- a\n- b\n---\n# 标题\n"),
    ("front matter never closed", "---\ntype: page\n# 标题\n"),
    ("type missing", "---\ntitle: 无类型\n---\n# 标题\n"),
    ("case and glossary", None),
]


def _findings() -> list[str]:
    lines: list[str] = []
    cases = [(rule, text) for rule, text, _fragment in SINGLE_DEFECTS] + [(name, text) for name, text in MORE if text]
    for name, text in cases:
        handbook = analyse({P: text}, {"reference/laws.yml": REGISTRY}, set(), today=TODAY, nav={P})
        lines += [f"# {name}", *(f"{f} ({f.severity.value})" for f in handbook.findings)]
    broken_case = CASE.replace("modules: [M1]", "modules: [M7]").replace("## 讨论题\n", "")
    handbook = analyse({P: MODULE, "cases/c1.md": broken_case, "orphan.md": MODULE}, {"reference/laws.yml": REGISTRY},
                       set(), today=TODAY, nav={P, "cases/c1.md"})
    lines += ["# case and orphan", *(f"{f} ({f.severity.value})" for f in handbook.findings)]
    for rule, path, text, _fragment in DATA_DEFECTS:
        data = {"reference/laws.yml": REGISTRY, "reference/glossary.yml": GLOSSARY, path: text}
        lines += [f"# {rule}", *(f"{f} ({f.severity.value})" for f in analyse({}, data, set(), today=TODAY).findings)]
    for name, content in (("gbk", "第一行\n第二行".encode("gbk")), ("bom crlf cr nul", "\ufeff---\r\na\rb\x00\n"),
                          ("empty", b""), ("utf-16", "x".encode("utf-16"))):
        lines += [f"# {name}", *(f"{f} ({f.severity.value})" for f in analyse({P: content}, today=TODAY).findings)]
    return lines


def _tables() -> list[str]:
    lines = []
    for page_type, model in PAGE_MODELS.items():
        lines += [f"# fields of {page_type}", *("|".join(row) for row in field_rows(model, set(BasePage.model_fields)))]
    lines += ["# common fields", *("|".join(row) for row in field_rows(BasePage)), "# rule table", rule_table()]
    return lines


def _compare(name: str, lines: list[str]) -> None:
    golden = GOLDEN / name
    text = "\n".join(lines) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"tests/golden/{name} differs: read the diff, then UPDATE_GOLDEN=1"


def test_every_message_an_editor_reads():
    _compare("findings.txt", _findings())


def test_the_field_and_rule_tables_of_the_editor_guide():
    _compare("guide-tables.txt", _tables())
