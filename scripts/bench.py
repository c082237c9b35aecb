"""Benchmark of the handbook: build time, hook overhead, cost growth, page weight, PDF.

Prints Markdown tables (median of --runs runs). A benchmark, not a test: it
measures and reports; budgets are compared in the output, never asserted.

    python scripts/bench.py [--runs 3] [--skip-pdf] [--lighthouse]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
QUIZ_PAGE = "curriculum/m2-communication/index.html"
PLAIN_PAGE = "reference/index.html"

# Runs a command and prints its peak memory (KiB), measured from a fresh parent.
_MEASURE = ("import resource, subprocess, sys;"
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True);"
            "sys.stderr.write(r.stderr[-3000:] if r.returncode else '');"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak KiB) of one run; raises if the command fails."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", _MEASURE, *command], cwd=cwd, env=env or ENV, check=False,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, int(result.stdout.strip().splitlines()[-1])


def median_run(command: list[str], runs: int, **kwargs) -> tuple[float, int]:
    samples = [timed(command, **kwargs) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def mkdocs(config: Path, site: Path, strict: bool = True) -> list[str]:
    return [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)] + (["--strict"] if strict else [])


# Modules a build has loaded before hooks/validate.py runs are imported first, so
# only what validation itself adds is timed.
_VALIDATION = ("import mkdocs.plugins, mkdocs_quiz.plugin, material.plugins.search.plugin, yaml, markdown, time;"
               "t = time.perf_counter();"
               "from pathlib import Path; from handbook.pipeline import analyse; from handbook.content.sources import read_docs;"
               "analyse(*read_docs(Path('docs'))); print(time.perf_counter() - t)")


def validation_seconds() -> float:
    """What hooks/validate.py adds to a build: importing the engine and one
    analyse() of the docs, timed inside a fresh interpreter."""
    result = subprocess.run([PYTHON, "-c", _VALIDATION], cwd=ROOT, env=ENV, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


# --- variants of the project in a temporary folder -------------------------------------

def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__",
                                                                ".pytest_cache", ".hypothesis", "bench"))
    return target


def without_nav(config_text: str) -> str:
    """The config with its nav removed, so MkDocs lists every page itself."""
    return re.sub(r"^nav:\n(?:[ \t-].*\n|\n)*", "", config_text, flags=re.MULTILINE)


def without_hooks(project: Path) -> None:
    """Same content, but none of our hooks: quiz attributes are removed from the
    Markdown up front so mkdocs-quiz still renders every quiz."""
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^hooks:\n(?:[ \t]+- .*\n)+", "", config.read_text(encoding="utf-8"), flags=re.MULTILINE),
                      encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"<quiz\s[^>]*>", "<quiz>", text), encoding="utf-8")


_ID = re.compile(r"(?<![A-Za-z0-9])([MCD])(\d+)(?=-O\d|(?![0-9]))")


def grow(project: Path, target_pages: int) -> int:
    """Add renumbered copies of the modules, cases and drills until the docs
    folder holds about ``target_pages`` pages; returns the page count."""
    docs = project / "docs"
    templates = sorted(p for folder in ("curriculum", "cases", "practice") for p in (docs / folder).glob("[mcd][0-9]*.md"))
    count = len(list(docs.rglob("*.md")))
    copy_number = 0
    while count < target_pages:
        copy_number += 1
        for template in templates:
            if count >= target_pages:
                break
            offset = 100 * copy_number
            text = _ID.sub(lambda m, offset=offset: f"{m.group(1)}{int(m.group(2)) + offset}",
                           template.read_text(encoding="utf-8"))
            # copies of cases and drills illustrate the copied modules
            (template.parent / f"copy{copy_number}-{template.name}").write_text(text, encoding="utf-8")
            count += 1
    config = project / "mkdocs.yml"
    config.write_text(without_nav(config.read_text(encoding="utf-8")), encoding="utf-8")
    return count


# --- page weight in a real browser ------------------------------------------------------

class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site the way static hosts do (GitHub Pages, nginx): text
    compressed with gzip when the browser asks for it."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(self.COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        if os.path.isdir(self.translate_path(self.path)) and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the parent class redirect to the slash URL
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = partial(_StaticHost, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_visit(url: str) -> tuple[int, int, int, int]:
    """(bytes transferred, bytes after decompression, requests, requests to other
    hosts) of one cold page load."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        responses = []
        page.on("response", responses.append)
        page.goto(url, wait_until="networkidle")
        transferred = decoded = 0
        for response in responses:
            try:
                decoded += len(response.body())
                transferred += response.request.sizes()["responseBodySize"]
            except Exception:  # redirects and aborted requests have no body
                pass
        foreign = sum(1 for r in responses if not r.url.startswith(url.split("/", 3)[0] + "//" + url.split("/")[2]))
        browser.close()
    return transferred, decoded, len(responses), foreign


# --- report ----------------------------------------------------------------------------

def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main() -> int:  # noqa: PLR0915 - one table after another, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--lighthouse", action="store_true", help="也运行 Lighthouse（需要 npm）")
    args = parser.parse_args()
    runs = args.runs
    print(f"## 手册性能基准（{os.cpu_count()} 核，每项取 {runs} 次的中位数）")
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        pages = len(list((ROOT / "docs").rglob("*.md")))
        site = work / "site"
        build, build_mem = median_run(mkdocs(ROOT / "mkdocs.yml", site), runs)
        plain = copy_project(work / "nohooks")
        without_hooks(plain)
        bare, _ = median_run(mkdocs(plain / "mkdocs.yml", work / "site-nohooks", strict=False), runs, cwd=plain)
        check, _ = median_run([PYTHON, "-m", "handbook.check", "docs"], runs)
        validation = statistics.median(validation_seconds() for _ in range(runs))
        table("构建", ["项目", "结果", "预算"], [
            ["严格构建（全部钩子）", f"{build:.2f} s（{pages} 页，峰值内存 {build_mem / 1024:.0f} MiB）", "—"],
            ["同一内容、不加钩子", f"{bare:.2f} s", "—"],
            ["全部钩子的开销（验证、测验资源、无障碍、提示、搜索修正…）", f"{(build - bare) / bare * 100:+.1f} %", "—"],
            ["其中验证（导入 + 全部规则，构建内同一调用）", f"{validation:.2f} s = 构建的 {validation / build * 100:.1f} %",
             "≤ 10 %"],
            ["make check（独立检查）", f"{check:.2f} s", "≤ 2 s"],
        ])

        if not args.skip_growth:
            rows, per_page = [], {}
            for size in (50, 200, 500):
                project = copy_project(work / f"grow{size}")
                count = grow(project, size)
                seconds, memory = median_run(mkdocs(project / "mkdocs.yml", work / f"site{size}", strict=False), runs,
                                             cwd=project)
                per_page[size] = seconds / count
                rows.append([str(count), f"{seconds:.2f} s", f"{seconds / count * 1000:.1f} ms",
                             f"{memory / 1024:.0f} MiB"])
            ratio = per_page[500] / per_page[50]
            rows.append(["500 页 / 50 页 每页耗时之比", f"{ratio:.2f}", "预算 ≤ 1.3", ""])
            table("规模增长（合成内容）", ["页数", "构建时间", "每页", "峰值内存"], rows)

        quiz_html = (site / QUIZ_PAGE).stat().st_size
        plain_html = (site / PLAIN_PAGE).stat().st_size
        server, base = serve(site)
        try:
            quiz_sent, quiz_total, quiz_requests, quiz_foreign = first_visit(base + QUIZ_PAGE.removesuffix("index.html"))
            plain_sent, plain_total, plain_requests, plain_foreign = first_visit(
                base + PLAIN_PAGE.removesuffix("index.html"))
        finally:
            server.shutdown()
        columns = ["页面", "HTML", "首次访问：传输 / 解压后", "请求数", "第三方请求", "预算"]
        table("页面重量（gzip 传输，与静态托管相同）", columns, [
            [PLAIN_PAGE, f"{plain_html / 1024:.1f} KB", f"{plain_sent / 1024:.0f} KB / {plain_total / 1024:.0f} KB",
             str(plain_requests), str(plain_foreign), "HTML ≤ 25 KB；第三方 0"],
            [QUIZ_PAGE, f"{quiz_html / 1024:.1f} KB", f"{quiz_sent / 1024:.0f} KB / {quiz_total / 1024:.0f} KB",
             str(quiz_requests), str(quiz_foreign), "第三方 0"],
        ])

        if not args.skip_pdf:
            pdf_env = {**ENV, "ENABLE_PDF_EXPORT": "1"}
            seconds, memory = timed(mkdocs(ROOT / "mkdocs.yml", work / "site-pdf"), env=pdf_env)
            pdfs = list((work / "site-pdf").rglob("*.pdf"))
            size = f"{pdfs[0].stat().st_size / 1024 / 1024:.1f} MiB" if pdfs else "未生成"
            build_row = ["网站 + PDF 构建（1 次）", f"{seconds:.1f} s，峰值内存 {memory / 1024:.0f} MiB"]
            table("PDF 手册", ["项目", "结果"], [build_row,
                                              ["PDF 文件", size]])

    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_tool() -> Path:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(ROOT / "bench"), "--no-audit", "--no-fund", "--loglevel=error"],
                       check=True, stdout=subprocess.DEVNULL)
    return LIGHTHOUSE


def lighthouse_once(url: str, tries: int = 3) -> dict[str, float]:
    """One Lighthouse run (mobile preset: Moto G Power screen, 4x CPU slowdown, simulated slow 4G).

    Lighthouse 12.2 sometimes fails to read a trace of this newer Chromium and leaves a category
    without a score; such a run is repeated (up to ``tries`` times)."""
    for attempt in range(tries):
        result = subprocess.run(
            [str(lighthouse_tool()), url, "--quiet", "--output=json", "--output-path=stdout",
             "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if result.returncode:
            raise RuntimeError(f"lighthouse {url} failed:\n{result.stderr[-2000:]}")
        report = json.loads(result.stdout)
        audits = report["audits"]
        keys = (("fcp", "first-contentful-paint"), ("lcp", "largest-contentful-paint"),
                ("tbt", "total-blocking-time"), ("cls", "cumulative-layout-shift"), ("si", "speed-index"),
                ("bytes", "total-byte-weight"), ("dom", "dom-size"))
        if any(report["categories"][key]["score"] is None for key in CATEGORIES) or \
                any(audits[audit].get("numericValue") is None for _key, audit in keys):
            continue
        values = {key: report["categories"][key]["score"] * 100 for key in CATEGORIES}
        values.update({key: audits[audit]["numericValue"] for key, audit in keys})
        return values
    raise RuntimeError(f"lighthouse {url}: no complete report in {tries} tries")


def lighthouse_medians(url: str, runs: int) -> dict[str, float]:
    """Median of ``runs`` Lighthouse runs; CLS is the largest seen (it must be 0 in every run)."""
    samples = [lighthouse_once(url) for _ in range(runs)]
    medians = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    medians["cls"] = max(s["cls"] for s in samples)
    medians["tbt_range"] = (min(s["tbt"] for s in samples), max(s["tbt"] for s in samples))
    return medians


if __name__ == "__main__":
    sys.exit(main())
