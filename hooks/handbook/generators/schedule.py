"""两周日程示例: module hours, case discussions and drills laid out over ten days.

Sessions follow the module order. A module's teaching hours may be split over
days (in half hours, at least one hour per part); a case is discussed once all
of its modules have been taught, a drill likewise; cases and drills are never
split. The opening and closing sessions and the daily limit are programme
choices, stated on the syllabus page. Durations are counted in minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import AnyPage, Handbook, Page
from ..content.schema import CasePage, DrillPage
from . import generator
from .queries import id_link, module_link, topic

DAY_MINUTES = 300      # at most 5 teaching hours a day (e.g. 3 in the morning, 2 in the afternoon)
DAYS = 10              # two working weeks
STEP, MIN_PART = 30, 60
CASE_MINUTES = 90      # one case discussion
OPENING = ("开班：培训目标与课堂规则，前测（学习评估基线）", 60)
CLOSING = ("综合模拟演练与结业测评（后测、反应评估问卷）", 180)
# The check after the first module gates every later drill (syllabus page, 课程安排 → M1 课堂检查).
GATE_MODULE = "M1"
GATE = ("[M1 课堂检查](#m1-课堂检查)：红线、第三人与个人信息、法律途径，未通过的讲评后重答", 30)
SPARE = "机动：补训、个别辅导与在岗跟岗"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五")


@dataclass
class Session:
    text: str
    minutes: int
    splittable: bool = False


def sessions(handbook: Handbook, page: AnyPage) -> list[Session]:
    order = {module.meta.id: module.meta.order for module in handbook.modules}
    planned = [Session(*OPENING)]
    for module in handbook.modules:
        planned.append(Session(f"{module_link(page, module)}：讲授、课堂练习与自测", round(module.meta.hours * 60),
                               splittable=True))
        if module.meta.id == GATE_MODULE:
            planned.append(Session(*GATE))
        for case in handbook.cases:
            if _last_module(case, order) == module.meta.order:
                planned.append(Session(f"案例讨论 {id_link(page, case)} {topic(case)}", CASE_MINUTES))
        for drill in handbook.drills:
            if _last_module(drill, order) == module.meta.order:
                planned.append(Session(f"角色扮演 {id_link(page, drill)} {topic(drill)}", drill.meta.minutes))
    planned.append(Session(*CLOSING))
    return planned


def _last_module(page: Page[CasePage | DrillPage], order: dict[str, int]) -> int | None:
    """Order of the last module a case or drill needs, None if none is known."""
    known = [order[module_id] for module_id in page.meta.modules if module_id in order]
    return max(known) if known else None


def lay_out(planned: list[Session], day_minutes: int = DAY_MINUTES) -> list[list[tuple[str, int]]]:
    """Fill days in order; returns per day a list of (text, minutes)."""
    days: list[list[tuple[str, int]]] = [[]]
    used = 0
    for session in planned:
        left, parts = session.minutes, []
        while left > 0:
            room = day_minutes - used
            if left <= room:
                chunk = left
            elif session.splittable and room >= MIN_PART:
                chunk = room - room % STEP
                if left - chunk < MIN_PART:      # don't leave a stub for the next day
                    chunk = left - MIN_PART
                    chunk -= chunk % STEP
                if chunk < MIN_PART:
                    chunk = 0
            elif used == 0:                      # a whole session longer than a day
                chunk = left
            else:
                chunk = 0
            if chunk <= 0:
                days.append([])
                used = 0
                continue
            parts.append((len(days) - 1, chunk))
            used += chunk
            left -= chunk
        for index, (day, chunk) in enumerate(parts, start=1):
            suffix = f"（第 {index}/{len(parts)} 段）" if len(parts) > 1 else ""
            days[day].append((session.text + suffix, chunk))
    return days


def duration(minutes: int) -> str:
    return f"{minutes / 60:g} 学时" if minutes % 30 == 0 else f"{minutes} 分钟"


def day_hours(minutes: int) -> str:
    """Exact, never rounded, so the days add up to the total: ``5 小时``, ``4 小时 46 分``, ``30 分``."""
    hours, rest = divmod(minutes, 60)
    return " ".join(part for part in (f"{hours} 小时" if hours else "", f"{rest} 分" if rest else "") if part) or "0 分"


def spare(minutes: int, day_minutes: int = DAY_MINUTES) -> str:
    """The day's 机动时间: what is left of the daily limit."""
    left = day_minutes - minutes
    return f"<br>机动 {day_hours(left)}" if left > 0 else ""


@generator("schedule-days", inline=True)
def schedule_days(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    """The number of teaching days the schedule needs, for sentences about it."""
    return str(len(lay_out(sessions(handbook, page))))


@generator("schedule")
def schedule(handbook: Handbook, page: AnyPage, args: tuple[str, ...]) -> str:
    days = lay_out(sessions(handbook, page))
    rows = ["| 日期 | 安排 | 时长 |", "|---|---|---|"]
    for number in range(1, max(len(days), DAYS) + 1):
        week, weekday = divmod(number - 1, 5)
        when = f"第{week + 1}周{WEEKDAYS[weekday]}<br>（第 {number} 天）"
        if number <= len(days):
            items = "<br>".join(f"{text}，{duration(minutes)}" for text, minutes in days[number - 1])
            used = sum(m for _, m in days[number - 1])
            rows.append(f"| {when} | {items} | {day_hours(used)}{spare(used)} |")
        else:
            rows.append(f"| {when} | {SPARE} | — |")
    total = sum(minutes for day in days for _, minutes in day)
    free = len(days) * DAY_MINUTES - total
    rows.append(f"| **合计** | 共 {len(days)} 个教学日；机动时间共 {day_hours(free)} | **{day_hours(total)}** |")
    note = ""
    if len(days) > DAYS:
        note = (f'\n!!! warning "日程超过两周"\n    按当前课时，每天不超过 {DAY_MINUTES // 60} 学时需要 {len(days)} 天。'
                "请调整模块课时，或把部分内容改为课前自学。\n")
    return "\n".join(rows) + "\n" + note
