"""两周日程示例: module hours, case discussions and drills laid out over ten days.

Sessions follow the module order. A module's teaching hours may be split over
days; a case is discussed once all of its modules have been taught, a drill
likewise. Cases and drills are never split. The fixed opening and closing
sessions and the per-day limit are programme choices, stated on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import generator
from .program_data import hours, id_link, module_link, topic

DAY_HOURS = 5.0        # teaching hours per day at most (e.g. 3 in the morning, 2 in the afternoon)
DAYS = 10              # two working weeks
CASE_HOURS = 1.5       # one case discussion
OPENING = ("开班：培训目标与课堂规则，前测（学习评估基线）", 1.0)
CLOSING = ("综合模拟演练与结业测评（后测、反应评估问卷）", 3.0)
SPARE = "机动：补训、个别辅导与在岗跟岗"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五")


@dataclass
class Session:
    text: str
    hours: float
    splittable: bool = False


def sessions(handbook, page) -> list[Session]:
    order = {module.meta.id: module.meta.order for module in handbook.modules}
    planned = [Session(OPENING[0], OPENING[1])]
    for module in handbook.modules:
        planned.append(Session(module_link(page, module), module.meta.hours, splittable=True))
        for case in handbook.cases:
            if _last_module(case, order) == module.meta.order:
                planned.append(Session(f"案例讨论 {id_link(page, case)} {topic(case)}", CASE_HOURS))
        for drill in handbook.drills:
            if _last_module(drill, order) == module.meta.order:
                planned.append(Session(f"角色扮演 {id_link(page, drill)} {topic(drill)}（{drill.meta.minutes} 分钟）",
                                       drill.meta.minutes / 60))
    planned.append(Session(CLOSING[0], CLOSING[1]))
    return planned


def _last_module(page, order: dict[str, int]) -> int | None:
    """Order of the last module a case or drill needs, None if none is known."""
    known = [order[module_id] for module_id in page.meta.modules if module_id in order]
    return max(known) if known else None


def lay_out(planned: list[Session], day_hours: float = DAY_HOURS) -> list[list[tuple[str, float]]]:
    """Fill days in order: split module teaching at half hours, keep other sessions whole."""
    days: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for session in planned:
        left = session.hours
        parts = []
        while left > 1e-9:
            room = day_hours - used
            if session.splittable and room >= 0.5:
                chunk = min(left, room - room % 0.5)
            elif left <= room + 1e-9 or not days[-1]:
                chunk = left
            else:
                chunk = 0.0
            if chunk <= 1e-9:
                days.append([])
                used = 0.0
                continue
            parts.append((len(days) - 1, chunk))
            used += chunk
            left -= chunk
        for index, (day, chunk) in enumerate(parts, start=1):
            text = session.text
            if len(parts) > 1:
                text += f"（第 {index}/{len(parts)} 段）"
            days[day].append((text, chunk))
    return days


@generator("schedule")
def schedule(handbook, page) -> str:
    days = lay_out(sessions(handbook, page))
    rows = ["| 日期 | 安排 | 学时 |", "|---|---|---|"]
    for number in range(1, max(len(days), DAYS) + 1):
        week, weekday = divmod(number - 1, 5)
        when = f"第{week + 1}周{WEEKDAYS[weekday]}（第 {number} 天）"
        if number <= len(days):
            items = "<br>".join(f"{text} — {hours(amount)} 学时" for text, amount in days[number - 1])
            rows.append(f"| {when} | {items} | {hours(sum(amount for _, amount in days[number - 1]))} |")
        else:
            rows.append(f"| {when} | {SPARE} | — |")
    total = sum(amount for day in days for _, amount in day)
    rows.append(f"| **合计** | 共 {len(days)} 个教学日 | **{hours(total)}** |")
    note = ""
    if len(days) > DAYS:
        note = (f'\n!!! warning "日程超过两周"\n    按当前课时，每天不超过 {hours(DAY_HOURS)} 学时需要 {len(days)} 天。'
                "请调整模块课时，或把部分内容改为课前自学。\n")
    return "\n".join(rows) + "\n" + note
