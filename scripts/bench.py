"""Benchmark of the handbook: build time, hook overhead, cost growth, page weight, PDF, and
the page budgets (every page, in a real browser, served gzip-compressed from 127.0.0.1).

Prints Markdown tables (median of --runs runs). A benchmark, not a test: timings belong here,
not in the test suite. It exits with status 1 when a page budget is missed:

- first visit to a page without quizzes transfers at most 120 KB (gzip);
- no layout shift (CLS 0) on any page on a phone (4x slower CPU), as Lighthouse's mobile run
  measures it, in every run; the desktop figure is shown beside it for information;
- the Chinese search terms of tests/browser/test_search.py find their pages at the same or a
  better rank;
- with --lighthouse (mobile preset, median of --runs runs per page, our build and a stock
  Material + mkdocs-quiz build of the same content side by side): performance >= 90 on every
  page and >= 95 on pages without quizzes, total blocking time <= 200 ms on the heaviest page
  (most DOM elements), CLS 0 in every run.

    python scripts/bench.py [--runs 3] [--skip-pdf] [--skip-growth] [--lighthouse]
                            [--pages-only] [--pages URL,URL] [--no-stock]

--pages-only skips the build tables (one build, then the page budgets); --pages limits the page
budgets to some pages (site-relative URLs, "/" for the home page), e.g. for a quick Lighthouse
look: --pages-only --lighthouse --pages /,curriculum/m1-legal-compliance/ --no-stock.
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

        def seen(response) -> None:  # Playwright 1.65 tags its handler: a bound builtin cannot be one
            responses.append(response)

        page.on("response", seen)
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
    parser.add_argument("--pages-only", action="store_true", help="只构建一次，只检查页面预算")
    parser.add_argument("--pages", help="只检查这些页面（逗号分隔的网站相对地址，首页写 /）")
    parser.add_argument("--no-stock", action="store_true", help="Lighthouse 不测对照构建（原版 Material + mkdocs-quiz）")
    args = parser.parse_args()
    runs = args.runs
    print(f"## 手册性能基准（{os.cpu_count()} 核，每项取 {runs} 次的中位数；机器上同时运行的其他进程会让时间有波动）")
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        site = work / "site"
        if args.pages_only:
            timed(mkdocs(ROOT / "mkdocs.yml", site))
            return page_budgets(site, work, args)
        pages = len(list((ROOT / "docs").rglob("*.md")))
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

        return page_budgets(site, work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
    for _attempt in range(tries):
        result = subprocess.run(
            [str(lighthouse_tool()), url, "--quiet", "--output=json", "--output-path=stdout",
             "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
            check=False, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
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


# --- page budgets --------------------------------------------------------------------------

FIRST_VISIT_BUDGET = 120 * 1024
PERFORMANCE_BUDGET, PERFORMANCE_BUDGET_PLAIN, TBT_BUDGET = 90, 95, 200


def site_pages(site: Path) -> list[str]:
    """Site-relative URLs of every page ("" is the home page), as the browser tests list them."""
    return sorted(html.relative_to(site).as_posix().removesuffix("index.html") for html in site.rglob("index.html")
                  if not html.relative_to(site).as_posix().startswith(("assets/", "search/", "404")))


def has_quiz(site: Path, page: str) -> bool:
    return 'class="quiz' in (site / page / "index.html").read_text(encoding="utf-8")


def stock_project(work: Path) -> Path:
    """The same content built with stock Material + mkdocs-quiz: no template overrides, no CSS or
    JavaScript of ours, no HTML minifying, no hooks but hooks/validate.py, which writes the content
    itself (objectives, generated tables such as the law registry) and strips our quiz attributes."""
    project = copy_project(work / "stock")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:[ \t]+- .*\n)+", "hooks:\n  - hooks/validate.py\n", text, flags=re.MULTILINE)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^extra_(?:css|javascript):\n(?:[ \t]+.*\n)+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^  - minify:\n(?:[ \t]{4,}.*\n)+", "", text, flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    return project


CLS_SCRIPT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 1000);
})"""


def layout_shifts(base: str, pages: list[str]) -> dict[str, dict[str, float]]:
    """CLS of each page while it loads, on a phone (412 px, 4x slower CPU) and a desktop (1280 px)."""
    from playwright.sync_api import sync_playwright
    shifts: dict[str, dict[str, float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, options, slowdown in (
                ("手机", {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True,
                          "device_scale_factor": 1.75}, 4),
                ("桌面", {"viewport": {"width": 1280, "height": 900}}, 1)):
            context = browser.new_context(locale="zh-CN", service_workers="block", **options)
            for page_url in pages:
                page = context.new_page()
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                page.goto(base + page_url, wait_until="networkidle")
                shifts.setdefault(page_url, {})[name] = page.evaluate(CLS_SCRIPT)
                page.close()
            context.close()
        browser.close()
    return shifts


def search_ranks(base: str) -> dict[str, tuple[int | None, int]]:
    """term -> (rank found now, rank allowed) for the terms of tests/browser/test_search.py."""
    sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "tests")]
    from browser_support import search
    from playwright.sync_api import sync_playwright
    from test_search import TERMS, ranked_pages
    found: dict[str, tuple[int | None, int]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN")
        for term, (teaching, allowed) in TERMS.items():
            page.goto(base)
            search(page, term)
            urls = [url for url, _marks in ranked_pages(page, base)]
            ranks = [i + 1 for i, url in enumerate(urls) if url in teaching]
            found[term] = (ranks[0] if ranks else None, allowed)
        browser.close()
    return found


def page_budgets(site: Path, work: Path, args) -> int:
    """Measures every page (or --pages) against the budgets; returns the exit status."""
    pages = site_pages(site)
    if args.pages:
        wanted = {"" if page.strip() in ("/", "") else page.strip().lstrip("/") for page in args.pages.split(",")}
        unknown = wanted - set(pages)
        if unknown:
            raise SystemExit(f"--pages: no such page: {sorted(unknown)}")
        pages = [page for page in pages if page in wanted]
    quiz = {page: has_quiz(site, page) for page in pages}
    missed: list[str] = []
    server, base = serve(site)
    try:
        rows = []
        for page in pages:
            if quiz[page]:
                continue
            sent, total, requests, foreign = first_visit(base + page)
            ok = sent <= FIRST_VISIT_BUDGET and foreign == 0
            if not ok:
                missed.append(f"首次访问 /{page}：{sent / 1024:.0f} KB，第三方请求 {foreign}")
            rows.append([f"/{page}", f"{sent / 1024:.0f} KB / {total / 1024:.0f} KB", str(requests), str(foreign),
                         "✓" if ok else "✗"])
        table("首次访问无自测题的页面（gzip 传输 / 解压后；预算 ≤ 120 KB，第三方请求 0）",
              ["页面", "传输 / 解压后", "请求数", "第三方请求", "预算"], rows)

        shifts = layout_shifts(base, pages)
        rows = []
        for page in pages:
            phone = shifts[page]["手机"]
            if phone > 0:
                missed.append(f"手机布局偏移 /{page}：{phone:.4f}")
            rows.append([f"/{page}"] + [f"{shifts[page][name]:.4f}" for name in ("手机", "桌面")] +
                        ["✓" if phone == 0 else "✗"])
        table("加载时的布局偏移 CLS（预算：手机 412 px、CPU 4 倍减速时为 0；桌面 1280 px 仅供参考）",
              ["页面", "手机", "桌面", "预算"], rows)

        if not args.pages:
            ranks = search_ranks(base)
            rows = []
            for term, (rank, allowed) in ranks.items():
                ok = rank is not None and rank <= allowed
                if not ok:
                    missed.append(f"搜索 {term}：第 {rank} 位，原为第 {allowed} 位")
                rows.append([term, str(rank), str(allowed), "✓" if ok else "✗"])
            table("中文搜索：讲授该术语的页面排在第几位（预算：不低于原来的名次）", ["术语", "现在", "原来", "预算"], rows)
    finally:
        server.shutdown()

    if args.lighthouse:
        missed += lighthouse_budgets(site, work, pages, quiz, args)

    print("\n### 预算\n")
    if missed:
        for line in missed:
            print(f"- ✗ {line}")
        return 1
    print("全部页面预算均已满足。")
    return 0


def lighthouse_budgets(site: Path, work: Path, pages: list[str], quiz: dict[str, bool], args) -> list[str]:
    lighthouse_tool()
    sites = {"本手册": site}
    if not args.no_stock:
        stock = stock_project(work)
        timed(mkdocs(stock / "mkdocs.yml", work / "site-stock", strict=False), cwd=stock)
        sites["原版 Material + mkdocs-quiz"] = work / "site-stock"
    results: dict[str, dict[str, dict]] = {}
    for name, folder in sites.items():
        server, base = serve(folder)
        try:
            for page in pages:
                results.setdefault(page, {})[name] = lighthouse_medians(base + page, args.runs)
                print(f"  Lighthouse {name} /{page}: 性能 {results[page][name]['performance']:.0f}", file=sys.stderr)
        finally:
            server.shutdown()
    ours = "本手册"
    heaviest = max(pages, key=lambda page: results[page][ours]["dom"])
    missed, rows = [], []
    for page in pages:
        mine = results[page][ours]
        floor = PERFORMANCE_BUDGET if quiz[page] else PERFORMANCE_BUDGET_PLAIN
        problems = []
        if mine["performance"] < floor:
            problems.append(f"性能 {mine['performance']:.0f} < {floor}")
        if page == heaviest and mine["tbt"] > TBT_BUDGET:
            problems.append(f"TBT {mine['tbt']:.0f} ms > {TBT_BUDGET} ms（最重的页面）")
        if mine["cls"] > 0:
            problems.append(f"CLS {mine['cls']:.3f}")
        missed += [f"Lighthouse /{page}：{p}" for p in problems]
        row = [f"/{page}" + ("（有自测题）" if quiz[page] else "") + ("（最重）" if page == heaviest else ""),
               f"{mine['performance']:.0f}", f"{mine['tbt']:.0f}", f"{mine['lcp'] / 1000:.1f} s",
               f"{mine['cls']:.2f}", f"{mine['bytes'] / 1024:.0f} KB", f"{mine['dom']:.0f}",
               f"{mine['accessibility']:.0f} / {mine['best-practices']:.0f} / {mine['seo']:.0f}"]
        if not args.no_stock:
            stock = results[page]["原版 Material + mkdocs-quiz"]
            row += [f"{stock['performance']:.0f}", f"{stock['tbt']:.0f}", f"{stock['lcp'] / 1000:.1f} s",
                    f"{stock['cls']:.2f}", f"{stock['bytes'] / 1024:.0f} KB", f"{stock['accessibility']:.0f}"]
        rows.append([*row, "✓" if not problems else "✗"])
    header = ["页面", "性能", "TBT ms", "LCP", "CLS", "传输", "DOM", "无障碍/最佳实践/SEO"]
    if not args.no_stock:
        header += ["原版 性能", "原版 TBT", "原版 LCP", "原版 CLS", "原版 传输", "原版 无障碍"]
    table(f"Lighthouse 12.2.3 移动端（每页 {args.runs} 次的中位数；CLS 取最大值）"
          f"：预算 性能 ≥ {PERFORMANCE_BUDGET}（无自测题 ≥ {PERFORMANCE_BUDGET_PLAIN}），最重页面 TBT ≤ {TBT_BUDGET} ms，CLS 0",
          [*header, "预算"], rows)
    return missed


if __name__ == "__main__":
    sys.exit(main())
