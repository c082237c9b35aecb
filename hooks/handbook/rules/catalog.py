"""Every rule id the checks can report, explained for editors.

The editor guide's rule table is rendered from this catalogue
(``<!-- handbook:rule-table -->``). tests/test_editor_workflow.py reads every
``error(..., "rule.id", ...)`` / ``warning(...)`` call in hooks/ and fails if a
rule id is missing here or listed here but never reported, so the guide cannot
go stale: whoever adds a rule adds its line below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDoc:
    severity: str   # "error" | "warning"
    meaning: str    # what the finding says is wrong
    fix: str        # what the editor does about it


def _yaml_rules(prefix: str, where: str) -> dict[str, RuleDoc]:
    return {
        f"{prefix}.yaml": RuleDoc("error", f"{where}不是合法的 YAML。",
                                  "看报告的行：冒号后要有空格，同级字段缩进一致，含冒号、# 或引号的文字整体加英文双引号。"),
        f"{prefix}.duplicate-key": RuleDoc("error", f"{where}中同一个字段写了两次，后一个会覆盖前一个。",
                                           "删除或合并重复的字段。"),
        f"{prefix}.missing-field": RuleDoc("error", f"{where}缺少必填字段。",
                                           "按本指南的字段表补上该字段。"),
        f"{prefix}.unknown-field": RuleDoc("error", f"{where}中有未定义的字段（常见于拼写错误）。",
                                           "对照字段表改正拼写，或删除该字段。"),
        f"{prefix}.invalid-value": RuleDoc("error", f"{where}中某个字段的值格式不对（日期、数字、编号、长度等）。",
                                           "按消息中的提示和字段表修改，如日期写 `2026-11-28`，编号写 `M1`、`C1`、`D1`。"),
    }


RULES: dict[str, RuleDoc] = {
    # The file itself
    "input.encoding": RuleDoc("error", "文件中有不是 UTF-8 的字节（如用 GBK 保存，或整个文件是 UTF-16），页面会显示乱码。",
                              "在编辑器中把文件另存为“UTF-8（无 BOM）”，再核对报告的行。"),
    "input.bom": RuleDoc("warning", "文件开头有看不见的字节顺序标记（BOM）。只提醒，不会让构建失败。",
                         "在编辑器中另存为“UTF-8（无 BOM）”。"),
    "input.line-ending": RuleDoc("warning", "文件中有单独的回车符（旧式 Mac 换行）。只提醒，不会让构建失败。",
                                 "把换行符统一为 LF（或 CRLF）后保存；Windows 的 CRLF 换行没有问题。"),
    "input.control-char": RuleDoc("error", "某一行有看不见的控制字符（如 NUL），常见于复制粘贴或文件损坏。",
                                  "删除该字符；找不到时，把这一行删掉重新输入。"),
    "input.empty": RuleDoc("error", "文件是空的。", "写入内容（可用 `make new` 或 `templates/` 下的模板），或删除这个文件。"),
    "input.long-line": RuleDoc("warning", "某一行超过 2000 个字符，通常是粘贴进来的数据而不是正文。只提醒，不会让构建失败。",
                               "删除粘贴的数据；正文请分成几段。"),
    "page.not-in-nav": RuleDoc("error", "`docs/` 中的页面不在 `mkdocs.yml` 的导航（nav）中，读者找不到它。",
                               "在 nav 的相应部分加一行 `- 标题: 路径`（`make new` 会自动添加），或删除这个文件。"),
    # Front matter of pages
    "frontmatter.missing": RuleDoc("error", "页面开头没有完整的 front matter（两行 `---` 之间的 YAML）。",
                                   "用 `make new` 新建页面，或复制 `templates/` 下的模板；确认第一行和 YAML 结尾各有一行 `---`。"),
    "frontmatter.unknown-type": RuleDoc("error", "`type` 缺失或不是 `module`、`case`、`drill`、`reference`、`page` 之一。",
                                        "把 `type` 改成页面实际的类型。"),
    **_yaml_rules("frontmatter", "页面 front matter "),
    # Structure
    "sections.missing": RuleDoc("error", "缺少该类页面必需的二级标题（`## …`）。",
                                "按编辑指南“新建页面”一节列出的必需章节添加该标题，文字必须完全一致。"),
    "sections.order": RuleDoc("error", "必需的二级标题顺序不对。",
                              "按必需章节的顺序移动整节内容。"),
    "page.duplicate-id": RuleDoc("error", "两个页面用了同一个编号（id）。",
                                 "给新页面换一个未使用的编号；用 `make new` 会自动取下一个空闲编号。"),
    "page.unknown-module": RuleDoc("error", "案例或演练的 `modules` 中写了不存在的模块编号。",
                                   "改成已有模块的编号（M1–M5 等），编号见各模块页面的 `id`。"),
    "objectives.duplicate-id": RuleDoc("error", "同一个学习目标编号被声明了两次。",
                                       "新目标用新编号；已有目标的编号不要改动（自测题和覆盖矩阵靠它对应）。"),
    "objectives.unassessed": RuleDoc("error", "模块的某个学习目标没有任何自测题考查。",
                                     "在 `## 自测题` 中加一道 `<quiz objectives=\"该目标编号\">` 的题目，或删除该目标。"),
    "review.future": RuleDoc("error", "`reviewed` 审核日期晚于今天。",
                             "填写实际审核内容的日期（YYYY-MM-DD）。"),
    "review.overdue": RuleDoc("warning", "页面超过审核周期（`review_months`）没有复核。只提醒，不会让构建失败。",
                              "负责人通读并更新内容后，把 `reviewed` 改成复核当天的日期。"),
    "placeholder.unfilled": RuleDoc("error", "这一行还是 `make new` 生成的模板占位内容（含 `【待填写】`）。",
                                    "写成正式内容，并删除 `【待填写】` 标记。"),
    "generate.unknown-marker": RuleDoc("error", "页面中的生成标记 `<!-- handbook:名称 -->` 名称不存在。",
                                       "检查拼写；可用的名称列在消息中。"),
    "generate.bad-argument": RuleDoc("error", "生成标记的参数有误，例如 `<!-- handbook:procedure 编号 -->` 中的操作规范编号不存在。",
                                     "按消息改正参数；操作规范的编号见 `docs/reference/procedures.yml`。"),
    "generate.not-on-own-line": RuleDoc("error", "会生成整块内容（列表、表格）的标记写在了一行文字中间。",
                                        "把标记单独放一行，前后各空一行；行内只能用 `<!-- handbook:steps 编号 -->`。"),
    # Procedures restated by hand
    "restatement.retired-name": RuleDoc("error", "使用了操作规范不再使用的旧叫法（如带旧步数的“四步开场”），学员会看到两个版本。",
                                        "改用规范名称（见操作规范速查）；需要列出步骤时用 `<!-- handbook:steps 编号 -->`。"),
    "restatement.count": RuleDoc("error", "手写的步数（“六步法”“三要素”）或手写的步骤列表、步骤串与操作规范的项数不同。",
                                 "删除手写的步骤或数目，改用 `<!-- handbook:procedure 编号 -->`（整段）或 `<!-- handbook:steps 编号 -->`（行内）。"),
    "restatement.order": RuleDoc("error", "手写的步骤列表或“甲 → 乙”步骤串与操作规范的顺序不同。",
                                 "改用生成标记；确属有意展示的变体（如案例中某团队的调整），在它之前加 `<!-- handbook:variant 编号 说明原因 -->`。"),
    "restatement.unknown-variant": RuleDoc("error", "变体标记 `<!-- handbook:variant … -->` 缺少操作规范编号或原因，或编号不存在。",
                                           "写成 `<!-- handbook:variant 编号 为什么不同 -->`，编号见 `docs/reference/procedures.yml`。"),
    # Chinese typography (GB/T 15834)
    "typography.autocorrect": RuleDoc("error", "中文排版不统一：中文与英文、数字之间缺空格，或中文句子里用了半角标点（AutoCorrect 检查）。",
                                      "运行 `make typography` 自动修正全部页面，再用 `git diff` 检查；也可按消息逐处修改。"),
    "typography.ascii-quote": RuleDoc("error", "中文文字用了英文引号 `\"…\"` 或 `'…'`。",
                                      "改为中文引号“…”（引号里再用引号时用‘…’）；正文可运行 `make typography` 自动修正，front matter 和 YAML 数据请手工修改。"),
    "typography.ascii-paren": RuleDoc("error", "中文括注用了半角括号 `(…)`。",
                                      "改为全角括号（…）；正文可运行 `make typography` 自动修正。"),
    # Quizzes
    "quiz.unclosed": RuleDoc("error", "题目的开始标签 `<quiz …>` 没有对应的结束标签 `</quiz>`。", "在题目最后一行之后单独加一行 `</quiz>`。"),
    "quiz.unknown-attribute": RuleDoc("error", "`<quiz …>` 标签里有 `objectives`、`final` 以外的内容，或引号不对。",
                                      "只写 `<quiz objectives=\"M1-O1 M1-O2\">`（练习题可加 `final=\"no\"`），使用英文双引号。"),
    "quiz.bad-final": RuleDoc("error", "题目标签的 `final` 属性只能是 `no`（本题只用于练习，不进入结业测验）或 `yes`。",
                              "写 `final=\"no\"`，或删除这个属性（默认进入结业测验）。"),
    "assessment.objective-not-in-pool": RuleDoc("error", "某个学习目标的题目都标了 `final=\"no\"`，结业测验的题库里没有考查它的题目。",
                                                "去掉其中至少一道题的 `final=\"no\"`，或为该目标再写一道进入结业测验的题目。"),
    "quiz.no-objective": RuleDoc("error", "模块或案例页面上的题目没有标注考查的学习目标。",
                                 "写成 `<quiz objectives=\"M1-O1\">`；案例页只能用所属模块的目标。"),
    "quiz.unknown-objective": RuleDoc("error", "题目标注的学习目标编号不存在，或不属于本页（案例、演练：不属于 `modules` 中的模块）。",
                                      "改成消息中列出的可用编号之一。"),
    "quiz.no-question": RuleDoc("error", "选择题没有题干。", "在第一个选项之前写出问题。"),
    "quiz.too-few-options": RuleDoc("error", "选择题少于两个选项（或既没有选项也没有 `[[填空]]`）。",
                                    "至少写两行 `- [ ] 选项`，或把题目写成填空题。"),
    "quiz.no-correct": RuleDoc("error", "选择题没有正确答案。", "把正确选项写成 `- [x] …`。"),
    "quiz.bad-checkbox": RuleDoc("error", "选项方括号里的标记无效（只能是 x 或空格）。",
                                 "正确答案写 `[x]`，错误答案写 `[ ]`。"),
    "quiz.empty-option": RuleDoc("error", "有一个没有文字的选项。", "填写选项文字或删除这一行。"),
    "quiz.orphan-feedback": RuleDoc("error", "反馈行（`> …`）与它的选项之间隔了空行，不会显示。",
                                    "删除空行，让反馈紧跟在选项的下一行。"),
    "quiz.no-explanation": RuleDoc("error", "题目缺少解析。",
                                   "选择题：最后一个选项后空一行写“解析：……”；填空题：题干后单独一行 `---`，再写解析。"),
    "quiz.blank-malformed": RuleDoc("error", "填空题格式有误：方括号不成对、答案为空、解析里出现 `[[…]]`，或与选项混用。",
                                    "每个答案写成 `[[答案]]`，只写在 `---` 之前的题干中；填空题不要有 `- [ ]` 选项。"),
    # Legal citations and the registry
    "law.unknown-law": RuleDoc("error", "引用了法规索引中没有的法规名称或简称。",
                               "使用法规索引中的名称或简称；确需新法规的，先在 `docs/reference/laws.yml` 登记并经法务审核。"),
    "law.unregistered-article": RuleDoc("error", "引用的条文没有在法规索引中登记（条号写错，或尚未登记）。",
                                        "核对条号；确需引用的，先在 `laws.yml` 的 `articles` 中登记并经法务审核。"),
    "registry.duplicate": RuleDoc("error", "法规索引中法规 id、简称或条文重复。", "合并为一条。"),
    "registry.unknown-law": RuleDoc("error", "`articles` 中条文的 `law` 指向未登记的法规 id。",
                                    "先在 `laws` 中登记该法规，或改正 id。"),
    "registry.future-date": RuleDoc("error", "条文的核对日期 `verified` 晚于今天。", "填写实际核对的日期。"),
    **_yaml_rules("registry", "法规索引 laws.yml "),
    # Glossary
    "glossary.duplicate": RuleDoc("error", "术语表中同一术语出现两次。", "合并为一条。"),
    "glossary.missing-page": RuleDoc("error", "术语的 `see` 指向不存在的页面。",
                                     "写 `docs/` 下的相对路径，如 `curriculum/m1-legal-compliance.md`（可带 `#锚点`）。"),
    "glossary.unknown-procedure": RuleDoc("error", "术语的 `procedure` 不是已登记的操作规范编号。",
                                          "改成 `docs/reference/procedures.yml` 中的 `id`，或删除该字段。"),
    **_yaml_rules("glossary", "术语表 glossary.yml "),
    # Procedures
    "procedures.duplicate": RuleDoc("error", "操作规范的编号、名称（含别名）或某一步骤重复。",
                                    "每个规范只写一次；名称和别名在全部规范中唯一；同一规范内步骤名称不重复。"),
    "procedures.future-date": RuleDoc("error", "操作规范的审核日期 `reviewed` 晚于今天。", "填写实际审核的日期。"),
    "procedures.missing-page": RuleDoc("error", "操作规范的 `see` 指向不存在的页面。",
                                       "写 `docs/` 下的相对路径，如 `curriculum/m2-communication.md`（可带 `#锚点`）。"),
    **_yaml_rules("procedures", "操作规范 procedures.yml "),
    # Links, HTML and images
    "link.missing-file": RuleDoc("error", "链接指向的文件不存在。",
                                 "写目标 `.md` 文件相对于当前文件的路径，如 `../cases/c1-legal-cross-region.md`。"),
    "link.missing-anchor": RuleDoc("error", "链接中的 `#锚点` 在目标页面中不存在。",
                                   "锚点取自标题文字：中文原样保留、英文小写、空格变 `-`，如 `#本章小结`。"),
    "html.forbidden-tag": RuleDoc("error", "正文中使用了允许范围以外的标签，如 `<script>`、`<iframe>`、`<form>`、"
                                           "`<svg>`（安全与离线要求）。按浏览器的读法检查，大小写和字符实体写法都算。",
                                  "删除；如需展示代码示例，放进代码块。"),
    "html.event-handler": RuleDoc("error", "HTML 标签或属性列表带有 `onclick=` 等会执行脚本的属性（任何大小写）。", "删除该属性。"),
    "html.javascript-url": RuleDoc("error", "链接或图片地址会执行脚本：`javascript:`、`vbscript:`，"
                                            "包括用字符实体、大小写、空白或换行拼写的写法。",
                                   "改为指向页面或文件的普通链接。"),
    "html.unsafe-url": RuleDoc("error", "链接或图片地址的协议不在允许范围内（只允许 `http`、`https`、`mailto`、`tel`、"
                                        "站内相对路径和 `#锚点`），如 `data:`、`file:`。",
                               "改为普通网址或站内相对路径；图片放进 `docs/` 并用相对路径引用。"),
    "html.forbidden-attribute": RuleDoc("error", "HTML 标签或属性列表（`{: … }`）中有允许范围以外的属性，如 `style`、"
                                                 "`data-*`、`srcdoc`（可能加载外部资源或被脚本读取）。",
                                        "删除该属性；样式写在 `docs/assets/stylesheets/` 中，用 `class` 引用。"),
    "image.missing-alt": RuleDoc("error", "图片缺少替代文字（alt）。",
                                 "写成 `![图片内容的简短描述](路径)`，或给 `<img>` 加 `alt=\"…\"`。"),
}
