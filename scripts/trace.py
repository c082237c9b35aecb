"""Where a page's main-thread time goes on a throttled phone: a Chromium performance trace, summarised.

Builds nothing: give it a built site folder (``make build`` writes site/). It serves the site
gzip-compressed on 127.0.0.1 (as scripts/bench.py does), opens each page in Debian's Chromium at
phone size with 4x CPU slowdown and a slow-4G network (Lighthouse's mobile profile), records a
trace from navigation until the page is quiet, and prints the median of --runs runs of:

- main-thread time by kind (script, style, layout, paint, HTML parsing, ...), exclusive; times are
  thread (CPU) times, so other processes on the machine disturb them much less than wall time;
- script time by file, and inside Material's bundle by source module (read from the bundle's
  source map, so the cost of each Material feature is visible);
- long tasks (> 50 ms) and their total blocking part (the part over 50 ms, as TBT counts it);
- the number of DOM elements.

    python scripts/trace.py site/ curriculum/m1-legal-compliance/ reference/laws/ [--runs 3] [--save DIR]

``--save DIR`` keeps each raw trace (open it in Chromium's DevTools, Performance panel).
A measurement tool, not a test: on a shared 2-core machine the numbers are noisy, hence medians.
"""

from __future__ import annotations

import argparse
import bisect
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import CHROMIUM_ARGS, serve

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "loading",
              "disabled-by-default-v8.cpu_profiler", "disabled-by-default-devtools.timeline.stack"]
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
# Lighthouse's mobile preset: 4x slower CPU, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
           "uploadThroughput": 750 * 1024 / 8 * 0.9}

KIND = {
    "EvaluateScript": "script", "FunctionCall": "script", "v8.compile": "script", "v8.compileModule": "script",
    "V8.CompileCode": "script", "v8.evaluateModule": "script", "TimerFire": "script", "FireAnimationFrame": "script",
    "EventDispatch": "script", "XHRReadyStateChange": "script", "XHRLoad": "script", "RunMicrotasks": "script",
    "v8.run": "script", "V8.Execute": "script", "ProfileCall": "script", "MajorGC": "garbage collection",
    "MinorGC": "garbage collection", "V8.GC_SCAVENGER": "garbage collection", "BlinkGC.AtomicPhase": "garbage collection",
    "UpdateLayoutTree": "style", "RecalculateStyles": "style", "ScheduleStyleRecalculation": "style",
    "ParseAuthorStyleSheet": "CSS parsing", "Layout": "layout", "UpdateLayerTree": "layout",
    "IntersectionObserverController::computeIntersections": "layout", "Paint": "paint", "PaintImage": "paint",
    "PrePaint": "paint", "Layerize": "paint", "CompositeLayers": "paint", "Commit": "paint",
    "ParseHTML": "HTML parsing", "HTMLDocumentParser::*": "HTML parsing", "Decode Image": "images",
    "ResourceReceivedData": "other", "ResourceFinish": "other",
}


class SourceMap:
    """Maps (line, column) in a minified file to its original source file, from a v3 source map."""

    _B64: ClassVar[dict[str, int]] = {
        c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}

    def __init__(self, data: dict):
        self.sources = data["sources"]
        self.lines: list[tuple[list[int], list[int]]] = []
        source = 0
        for line in data["mappings"].split(";"):
            column, columns, files = 0, [], []
            for segment in filter(None, line.split(",")):
                values = self._decode(segment)
                column += values[0]
                if len(values) > 1:
                    source += values[1]
                    columns.append(column)
                    files.append(source)
                # original line/column (values[2:]) are not needed
            self.lines.append((columns, files))

    def _decode(self, segment: str) -> list[int]:
        values, shift, value = [], 0, 0
        for char in segment:
            digit = self._B64[char]
            value += (digit & 31) << shift
            if digit & 32:
                shift += 5
            else:
                values.append(-(value >> 1) if value & 1 else value >> 1)
                shift = value = 0
        return values

    def source(self, line: int, column: int) -> str:
        if line >= len(self.lines):
            return "?"
        columns, files = self.lines[line]
        index = bisect.bisect_right(columns, column) - 1
        if index < 0:
            return "?"
        name = self.sources[files[index]]
        name = name.replace("src/templates/assets/javascripts/", "").removesuffix("/index.ts").removesuffix("/_")
        return name.split("node_modules/")[-1].split("/")[0] if "node_modules/" in name else name


def record(url: str, runs: int, save: Path | None, label: str) -> list[dict]:
    from playwright.sync_api import sync_playwright
    traces = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for run in range(runs):
            context = browser.new_context(locale="zh-CN", service_workers="block", **PHONE)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", NETWORK)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            browser.start_tracing(page=page, categories=CATEGORIES)
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)  # late timers, idle callbacks, workers
            elements = page.evaluate("document.getElementsByTagName('*').length")
            raw = browser.stop_tracing()
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{label}-{run + 1}.json").write_bytes(raw)
            data = json.loads(raw)
            traces.append({"events": data["traceEvents"] if isinstance(data, dict) else data, "elements": elements})
            context.close()
        browser.close()
    return traces


def main_thread(events: list[dict]) -> tuple[int, int]:
    """(pid, tid) of the page's renderer main thread."""
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for event in events:
        key = (event.get("pid"), event.get("tid"))
        if names.get(key) == "CrRendererMain" and event.get("ph") == "X":
            counts[key] += event.get("dur", 0)
    return max(counts, key=counts.get)


def cpu(event: dict) -> int:
    """The thread time of a trace event (microseconds): unlike wall time, it does not grow when
    other processes share the CPU. Under CPU throttling it grows with the slowdown, as it should."""
    return event.get("tdur", event["dur"])


def summarise(trace: dict, maps: dict[str, SourceMap], base: str) -> dict:
    events = trace["events"]
    pid, tid = main_thread(events)
    spans = sorted((e for e in events if e.get("pid") == pid and e.get("tid") == tid and e.get("ph") == "X"
                    and "dur" in e), key=lambda e: (e["ts"], -e["dur"]))
    # exclusive time per kind: walk the nesting with a stack
    by_kind: dict[str, float] = defaultdict(float)
    stack: list[list] = []  # [end, kind, child time]
    tasks = []

    def close(entry):
        _end, kind, child, duration = entry
        by_kind[kind] += (duration - child) / 1000
        if stack:
            stack[-1][2] += duration

    for event in spans:
        while stack and event["ts"] >= stack[-1][0]:
            close(stack.pop())
        name = event["name"]
        if name in ("RunTask", "ThreadControllerImpl::RunTask") and not stack:
            tasks.append(cpu(event) / 1000)
        kind = KIND.get(name, "other" if stack else "task overhead")
        if kind == "other" and stack:
            kind = stack[-1][1]  # unknown detail inherits its parent's kind
        stack.append([event["ts"] + event["dur"], kind, 0, cpu(event)])
    while stack:
        close(stack.pop())

    # script self time by file (and by Material module), from CPU profile samples
    nodes: dict[tuple[str, int], dict] = {}
    by_file: dict[str, float] = defaultdict(float)
    by_module: dict[str, float] = defaultdict(float)
    for event in events:
        if event.get("name") not in ("Profile", "ProfileChunk") or event.get("pid") != pid:
            continue
        chunk = event["args"]["data"].get("cpuProfile", {})
        profile_id = event.get("id")
        for node in chunk.get("nodes", []):
            nodes[(profile_id, node["id"])] = node["callFrame"]
        deltas = event["args"]["data"].get("timeDeltas", [])
        for sample, delta in zip(chunk.get("samples", []), [*deltas[1:], 0], strict=False):
            frame = nodes.get((profile_id, sample))
            if not frame or frame.get("functionName") in ("(idle)", "(program)", "(root)"):
                continue
            url = frame.get("url") or ("(garbage collector)" if frame.get("functionName") == "(garbage collector)"
                                       else "(native)")
            short = url.replace(base, "/").split("?")[0]
            by_file[short] += delta / 1000
            for name, source_map in maps.items():
                if url.endswith(name):
                    by_module[source_map.source(frame.get("lineNumber", 0), frame.get("columnNumber", 0))] += \
                        delta / 1000
    # style and layout forced by script, by the script that forced them (the first Material
    # component on the stack, or the file and function), and the same work done for rendering
    forced: dict[str, float] = defaultdict(float)
    for event in spans:
        if event["name"] not in ("Layout", "UpdateLayoutTree"):
            continue
        stack_trace = (event.get("args", {}).get("beginData") or {}).get("stackTrace")
        what = "layout" if event["name"] == "Layout" else "style"
        forced[f"{what}: {caller(stack_trace, maps, base) if stack_trace else '(rendering, not forced)'}"] += \
            cpu(event) / 1000
    long_tasks = [t for t in tasks if t > 50]
    return {"kind": dict(by_kind), "file": dict(by_file), "module": dict(by_module), "forced": dict(forced),
            "tasks": sum(tasks), "long": len(long_tasks), "blocking": sum(t - 50 for t in long_tasks),
            "elements": trace["elements"]}


def caller(stack_trace: list[dict], maps: dict[str, SourceMap], base: str) -> str:
    """Who forced a style or layout update: the innermost Material component, else the innermost frame."""
    names = []
    for frame in stack_trace:
        url = frame.get("url", "")
        source_map = next((m for name, m in maps.items() if url.endswith(name)), None)
        if source_map:  # trace stacks count lines and columns from 1
            names.append(source_map.source(frame["lineNumber"] - 1, frame["columnNumber"] - 1))
        else:
            names.append(f"{url.replace(base, '/')} {frame.get('functionName') or '(anonymous)'}")
    component = next((n for n in names if n.startswith(("components/", "patches/"))), None)
    return f"{names[0]} ← {component}" if component and component != names[0] else (names[0] if names else "?")


def median_of(summaries: list[dict], key: str) -> dict[str, float]:
    names = {name for s in summaries for name in s[key]}
    return {name: statistics.median(s[key].get(name, 0.0) for s in summaries) for name in names}


def print_table(title: str, values: dict[str, float], limit: int = 12) -> None:
    print(f"\n{title}\n")
    print("| | ms |\n|---|---:|")
    for name, value in sorted(values.items(), key=lambda item: -item[1])[:limit]:
        if value >= 1:
            print(f"| {name} | {value:.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="+", help="site-relative URLs, e.g. curriculum/m1-legal-compliance/")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    maps = {}
    for source_map in (args.site / "assets/javascripts").glob("bundle.*.min.js.map"):
        maps[source_map.name.removesuffix(".map")] = SourceMap(json.loads(source_map.read_text(encoding="utf-8")))
    server, base = serve(args.site)
    try:
        for page in args.pages:
            label = page.strip("/").replace("/", "_") or "home"
            summaries = [summarise(t, maps, base) for t in record(base + page, args.runs, args.save, label)]
            print(f"\n## /{page} — median of {args.runs} (phone 412 px, 4x CPU slowdown, slow 4G)\n")
            print(f"DOM elements {statistics.median(s['elements'] for s in summaries):.0f}; "
                  f"main-thread tasks {statistics.median(s['tasks'] for s in summaries):.0f} ms; "
                  f"long tasks {statistics.median(s['long'] for s in summaries):.0f}, "
                  f"blocking part {statistics.median(s['blocking'] for s in summaries):.0f} ms")
            print_table("Main thread by kind (exclusive)", median_of(summaries, "kind"))
            print_table("Script by file (CPU samples)", median_of(summaries, "file"))
            if maps:
                print_table("Material bundle by source module (CPU samples)", median_of(summaries, "module"), 20)
            print_table("Style and layout, by the script that forced them", median_of(summaries, "forced"), 20)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
