"""The SCORM 1.2 package in a learning platform: scorm-again (node_modules, npm ci) plays the LMS.

The test LMS page sets ``window.API`` to scorm-again's Scorm12API and opens the package's launch
page in a frame, as an LMS does. A learner reads, answers a self-check question and takes the
final assessment; the test asserts what the LMS received, leaves, relaunches with what the LMS
stored (and an empty browser) and finds the progress again. Opened without an LMS, the package
is the handbook on its own."""

from __future__ import annotations

import functools
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_support import DESKTOP
from conftest import open_context
from playwright.sync_api import Browser, BrowserContext, FrameLocator, Page, Request, expect
from test_assessment import answer_all

ROOT = Path(__file__).resolve().parents[2]
SCORM_AGAIN = ROOT / "node_modules/scorm-again/dist/scorm12.min.js"

LMS_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>测试学习平台</title>
<script src="scorm12.min.js"></script>
<script>
  window.lmsCalls = [];
  window.launch = function (stored) {
    window.API = new Scorm12API({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
    if (stored) window.API.loadFromJSON(stored);
    ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
      window.API.on(name, function () { window.lmsCalls.push([name]); });
    });
    window.API.on("LMSSetValue.cmi.*", function (element, value) { window.lmsCalls.push(["LMSSetValue", element, value]); });
    document.getElementById("sco").src = "package/scorm-launch.html";
  };
  window.leave = function () { document.getElementById("sco").src = "about:blank"; };
</script></head>
<body><iframe id="sco" title="课件" style="width:100%;height:860px;border:0"></iframe></body></html>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def lms_url(scorm_zip: Path, tmp_path_factory):
    """The test LMS on 127.0.0.1: lms.html, scorm-again, and the package unzipped under package/."""
    assert SCORM_AGAIN.is_file(), "scorm-again missing: run `make test` (npm ci installs node_modules)"
    served = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(scorm_zip) as archive:
        archive.extractall(served / "package")
    shutil.copyfile(SCORM_AGAIN, served / "scorm12.min.js")
    (served / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Network:
    """Requests in flight in a context (pages, frames and the search workers they start)."""

    def __init__(self, context: BrowserContext) -> None:
        self.pending: set[Request] = set()
        # Playwright wants Python functions as handlers, not built-in methods.
        context.on("request", self.started)
        context.on("requestfinished", self.ended)
        context.on("requestfailed", self.ended)

    def started(self, request: Request) -> None:
        self.pending.add(request)

    def ended(self, request: Request) -> None:
        self.pending.discard(request)

    def settle(self, page: Page) -> None:
        """Wait until nothing is loading, so that leaving a page does not cut off the search
        worker's script loads (Chromium reports those as errors of the page)."""
        for _ in range(200):
            if not self.pending:
                return
            page.wait_for_timeout(50)
        raise AssertionError(f"still loading: {[request.url for request in self.pending]}")


@pytest.fixture
def lms(browser: Browser, lms_url: str):
    context, recorder = open_context(browser, lms_url, DESKTOP)
    page = context.new_page()
    page.network = Network(context)  # type: ignore[attr-defined]
    page.set_default_timeout(15_000)
    page.goto(lms_url + "lms.html")
    yield page
    context.close()
    assert not recorder.foreign, f"requests to other hosts: {recorder.foreign}"
    assert not recorder.errors, f"JavaScript errors: {recorder.errors}"


def go(lms: Page, site: FrameLocator, link: str) -> None:
    """Follow a link of the handbook's navigation once the current page has finished loading."""
    lms.network.settle(lms)  # type: ignore[attr-defined]
    site.get_by_role("link", name=link).first.click()


def handbook(lms: Page) -> FrameLocator:
    return lms.frame_locator("#sco").frame_locator("#hb-sco-frame")


def received(lms: Page, element: str) -> list[str]:
    """Every value the package set for ``element``, in order."""
    return lms.evaluate("e => lmsCalls.filter(c => c[0] === 'LMSSetValue' && c[1] === e).map(c => c[2])", element)


def cmi(lms: Page, element: str) -> str:
    return lms.evaluate("e => e.split('.').slice(1).reduce((o, k) => o[k], API.cmi)", element)


def launch(lms: Page, stored: dict | None = None) -> FrameLocator:
    lms.evaluate("stored => launch(stored)", stored)
    lms.frame_locator("#sco").locator("html[data-hb-scorm=connected]").wait_for(state="attached")
    site = handbook(lms)
    site.locator(".md-header").wait_for()
    return site


def assessment_pool(site: FrameLocator) -> dict:
    import json
    return json.loads(site.locator("#hb-assessment-data").text_content() or "")


def test_the_lms_receives_status_score_and_progress_and_resumes(lms: Page):
    site = launch(lms)
    assert lms.evaluate("lmsCalls[0]") == ["LMSInitialize"]
    assert received(lms, "cmi.core.lesson_status") == ["incomplete"]
    assert cmi(lms, "cmi.core.lesson_status") == "incomplete"

    # the learner opens a module from the navigation and answers its first question
    go(lms, site, "课程模块")
    go(lms, site, "模块一 法律与合规")
    quiz = site.locator(".quiz:has(input[type=radio])").first
    quiz.locator("input[data-correct]").first.check()
    expect(quiz.locator(".quiz-feedback")).to_be_visible()
    lms.wait_for_function("() => API.cmi.suspend_data.startsWith('H1|c')")
    assert lms.evaluate("lmsCalls.some(c => c[0] === 'LMSCommit')")

    # the final assessment, failed first, then passed
    go(lms, site, "结业测验")
    site.get_by_role("button", name="开始测验").click()
    data = assessment_pool(site)
    answer_all(site, data, right=data["questions"] // 2)
    site.get_by_role("button", name="交卷").click()
    expect(site.locator("#hb-result-verdict")).to_have_text("未通过")
    lms.wait_for_function("() => API.cmi.core.lesson_status === 'failed'")
    failed_score = round(data["questions"] // 2 / data["questions"] * 100)
    assert cmi(lms, "cmi.core.score.raw") == str(failed_score)
    assert (cmi(lms, "cmi.core.score.min"), cmi(lms, "cmi.core.score.max")) == ("0", "100")

    site.get_by_role("button", name="再考一次（重新抽题）").click()
    answer_all(site, data, right=data["questions"])
    site.get_by_role("button", name="交卷").click()
    expect(site.locator("#hb-result-verdict")).to_have_text("通过")
    lms.wait_for_function("() => API.cmi.core.lesson_status === 'passed'")
    assert cmi(lms, "cmi.core.score.raw") == "100"
    assert received(lms, "cmi.core.lesson_status") == ["incomplete", "failed", "passed"]
    assert received(lms, "cmi.core.score.raw") == [str(failed_score), "100"]
    suspend = cmi(lms, "cmi.suspend_data")
    assert 0 < len(suspend) <= 4096 and suspend.isascii()

    # the learner leaves: the package says goodbye properly
    lms.network.settle(lms)  # type: ignore[attr-defined]
    lms.evaluate("leave()")
    lms.wait_for_function("() => API.isTerminated()")
    assert received(lms, "cmi.core.exit") == ["suspend"]
    assert received(lms, "cmi.core.session_time")[0].count(":") == 2
    assert lms.evaluate("lmsCalls[lmsCalls.length - 1]") == ["LMSFinish"]
    stored = lms.evaluate("""() => ({ core: { lesson_status: API.cmi.core.lesson_status, entry: 'resume',
      score: { raw: API.cmi.core.score.raw, min: API.cmi.core.score.min, max: API.cmi.core.score.max } },
      suspend_data: API.cmi.suspend_data })""")

    relaunch_on_another_computer(lms, stored)


def relaunch_on_another_computer(lms: Page, stored: dict) -> None:
    """Next day, another computer: an empty browser, only what the LMS stored."""
    lms.evaluate("() => { localStorage.clear(); lmsCalls.length = 0; }")
    site = launch(lms, stored)
    assert "cmi.core.lesson_status" not in [c[1] for c in lms.evaluate("lmsCalls") if c[0] == "LMSSetValue"]
    go(lms, site, "我的学习进度")
    site.locator("html[data-hb-progress=ready]").wait_for(state="attached")
    expect(site.locator('tr[data-page="curriculum/m1-legal-compliance.md"] [data-field="answered"]')).to_have_text("1")
    go(lms, site, "结业测验")
    history = site.get_by_role("table", name="历次测验")
    expect(history.locator("tbody tr")).to_have_count(2)
    expect(history).to_contain_text("100%")
    # and what was restored is saved again unchanged (a round trip, not a reset)
    assert cmi(lms, "cmi.suspend_data") == stored["suspend_data"]
    assert cmi(lms, "cmi.core.lesson_status") == "passed"
    lms.network.settle(lms)  # type: ignore[attr-defined]


def test_the_package_opened_without_an_lms_is_the_handbook(browser: Browser, lms_url: str):
    context, recorder = open_context(browser, lms_url, DESKTOP)
    page = context.new_page()
    page.goto(lms_url + "package/scorm-launch.html")
    page.wait_for_url("**/package/index.html")
    expect(page.get_by_role("link", name="课程模块").first).to_be_visible()
    network = Network(context)
    network.settle(page)
    page.get_by_role("link", name="结业测验").first.click()
    page.wait_for_selector("html[data-hb-assessment=ready]")
    expect(page.get_by_role("button", name="开始测验")).to_be_visible()
    network.settle(page)
    context.close()
    assert not recorder.foreign and not recorder.errors, (recorder.foreign, recorder.errors)
