"""Student content is inert wherever a person looks at it: the feedback page and the formgrader (`make lab`).

A hostile student adds to a correct notebook markdown cells with a ``<script>``, an ``<img onerror>``, an
``<svg onload>``, ``javascript:`` links and an iframe whose ``srcdoc`` holds a script, and a code cell that
displays HTML, JavaScript and markdown outputs. Every payload, if it ran, would set the page's title, add an
element and PUT a file into the course root through Jupyter's contents API with the session's XSRF cookie (the
attack of the issue). The class is graded through the instructors' path (``grade_class``); the feedback page is
opened in headless Chromium, and the formgrader's page of the submission in a real ``jupyter lab`` started with
``make lab``'s configuration, by a browser that logged in once with the instructor's token.
"""
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from servers import chromium
from tools import notebooks
from tools.course import ASSIGNMENTS, ROOT
from tools.grading import inert

A = ASSIGNMENTS["regularization"]
EN = A.folder("en")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]
LAB_CONFIG = ROOT / "tools" / "lab"  # what `make lab` puts on JUPYTER_CONFIG_PATH
TOKEN = "instructor-t0ken"


def payload(kind):
    """JavaScript that marks the page (title, an element) and writes ``pwned-<kind>.txt`` at the server's root."""
    return ("var d=window.parent.document;d.title='PWNED-" + kind + "';"
            "var m=d.createElement('p');m.id='pwned-" + kind + "';m.className='pwned';d.body.appendChild(m);"
            "var x=(d.cookie.match(/_xsrf=([^;]*)/)||[])[1]||'';"
            "fetch('/api/contents/pwned-" + kind + ".txt',{method:'PUT',credentials:'same-origin',"
            "headers:{'Content-Type':'application/json','X-XSRFToken':decodeURIComponent(x)},"
            "body:JSON.stringify({type:'file',format:'text',content:'pwned'})});")


HOSTILE_MARKDOWN = [
    "## My notes\n\nI worked hard on this one.\n\n<script>" + payload("script") + "</script>\n",
    'A picture: <img src="x" onerror="' + payload("img") + '">',
    'A drawing: <svg onload="' + payload("svg") + '"><circle r="4"></circle></svg>',
    "[A helpful link](javascript:document.title='PWNED-mdlink') and "
    '<a id="jslink" href="javascript:' + payload("link") + '">another</a>',
    'An inline frame: <iframe srcdoc="<script>' + payload("iframe") + '</script>"></iframe>',
]
HOSTILE_CODE = ("from IPython.display import HTML, Javascript, Markdown, display\n"
                f"display(HTML({json.dumps('<img src=x onerror=' + json.dumps(payload('output-html')) + '>')}))\n"
                f"display(Javascript({json.dumps(payload('output-js'))}))\n"
                "display(Markdown(\"[output link](javascript:document.title='PWNED-output-md')\"))")
TITLE_MARK = "PWNED"


def hostile(submission):
    """A copy of ``submission`` with the hostile markdown cells after its first cell and the code cell at its end."""
    nb = nbformat.from_dict(json.loads(json.dumps(submission)))
    nb.cells[1:1] = [nbformat.v4.new_markdown_cell(text) for text in HOSTILE_MARKDOWN]
    nb.cells.append(nbformat.v4.new_code_cell(HOSTILE_CODE))
    return nb


def test_markdown_renders_with_nothing_that_runs():
    """The markdown filter of the feedback and the formgrader: formatting kept, scripts shown as text."""
    html = "".join(inert.render_markdown(text) for text in HOSTILE_MARKDOWN)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "svg", "iframe", "style", "object", "embed", "form", "base", "meta"])
    assert not [(tag.name, name) for tag in soup.find_all(True) for name in tag.attrs
                if name.startswith("on") or name in ("style", "id", "class", "srcdoc")]
    assert all(not a.get("href", "").lower().startswith(("javascript", "data")) for a in soup.find_all("a"))
    assert soup.h2.get_text() == "My notes" and soup.find("img").attrs == {}  # an image loads nothing but data:
    assert "<script>var d=window.parent.document" in soup.get_text()  # shown as text
    kept = inert.render_markdown("**bold** <font color='blue'>blue</font> ![p](data:image/png;base64,iVBO) "
                                 "[site](https://example.org) <a href='DATA:text/html,x'>d</a> $x^2$")
    assert ('<strong>bold</strong> <font color="blue">blue</font> <img src="data:image/png;base64,iVBO" alt="p"> '
            '<a href="https://example.org">site</a> <a>d</a> $x^2$') in kept


def test_feedback_page_carries_a_policy_that_forbids_scripts():
    page = inert.with_csp("<!DOCTYPE html>\n<html>\n<head>\n<meta charset='utf-8'>\n<script>x</script>")
    head = BeautifulSoup(page, "html.parser").head
    first = head.find(True)
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
    assert "default-src 'none'" in first["content"] and "script-src" not in first["content"]
    with pytest.raises(ValueError):
        inert.with_csp("<p>no head</p>")


# --- end to end: a class graded by the instructors' command ------------------------------------------------------

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from tools.grading.classroom import grade_class
    from tools.nbgrader_run import make_course, release
    from tools.submissions import fill
    course = make_course(tmp_path_factory.mktemp("inert"), with_release=False)
    release(course, [EN])
    release_nb, source_nb = (notebooks.read(course / folder / EN / A.notebook) for folder in ("release", "source"))
    honest = fill(release_nb, source_nb)
    for student, nb in (("honest", honest), ("hostile", hostile(honest))):
        notebooks.write(nb, course / "submitted" / student / EN / A.notebook)
    results = {r.student: r for r in grade_class(course, [EN], jobs=2, progress=False)}
    return course, results


def grader_messages(course, student):
    """The messages the grader wrote under the test cells of ``student``'s autograded notebook."""
    nb = notebooks.read(course / "autograded" / student / EN / A.notebook)
    messages = [cell.metadata.get("pack", {}).get("message") for cell in nb.cells]
    return [" ".join(m.split()) for m in messages if m]


def feedback_path(course, student):
    return course / "feedback" / student / EN / A.notebook.replace(".ipynb", ".html")


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium (Debian's, driven by Playwright) with a fresh profile: one context, its events recorded."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium(), headless=True, args=CHROMIUM_FLAGS)
        context.events = {"requests": [], "dialogs": [], "console": []}
        context.on("request", lambda r: context.events["requests"].append((r.method, r.url)))
        context.on("dialog", lambda d: (context.events["dialogs"].append(d.message), d.dismiss()))
        context.on("console", lambda m: context.events["console"].append(m.text))
        try:
            yield context
        finally:
            context.close()


PROBE = """() => {
  const notebook = document.querySelector('#notebook-container') || document.body;  // the rendered notebook
  return {
    title: document.title,
    marks: Array.from(document.querySelectorAll('.pwned, [id^=pwned]')).map(e => e.id),
    scripts_links: Array.from(notebook.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
                     .filter(h => /^\\s*(javascript|data):/i.test(h)),
    frames: notebook.querySelectorAll('script, iframe, svg, object, embed').length,
    handlers: Array.from(notebook.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))
                     .filter(a => /^on/i.test(a.name)).map(a => a.name),
    text: document.body.innerText,
  };
}"""


def open_and_probe(page, url, settle=1.5):
    """Open ``url`` and ``probe`` it once it settled."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle * 1000)
    return probe(page)


def probe(page):
    """Click every link of the notebook that leads nowhere known (a javascript: link runs only when clicked), then
    read the page: its title, the payloads' marks, what is left of the hostile markup, its text."""
    for link in page.query_selector_all("#notebook-container a[href]"):
        if not (link.get_attribute("href") or "").startswith(("http", "#", "/", "mailto")):
            link.click(no_wait_after=True)
    page.wait_for_timeout(500)
    return page.evaluate(PROBE)


def csp_violations(events):
    return [text for text in events["console"] if "Content Security Policy" in text]


def assert_nothing_ran(seen, events, markup=True):
    """No payload ran (title, marks, requests, dialogs); with ``markup``, none is left in the page either."""
    assert TITLE_MARK not in seen["title"], seen["title"]
    assert seen["marks"] == [], seen["marks"]
    if markup:
        assert seen["scripts_links"] == [] and seen["frames"] == 0 and seen["handlers"] == [], seen
    assert not [r for r in events["requests"] if "pwned" in r[1] or r[0] == "PUT"], events["requests"]
    assert events["dialogs"] == []


@pytest.mark.slow
def test_hostile_markdown_neither_costs_nor_earns_points(graded):
    course, results = graded
    for student in ("honest", "hostile"):
        result = results[student]
        assert result.status.startswith("graded"), result.status
        assert result.score == result.max_score > 0, (student, result.cells)
    autograded = notebooks.read(course / "autograded" / "hostile" / EN / A.notebook)
    assert sum(HOSTILE_MARKDOWN[0] in "".join(cell.source) for cell in autograded.cells) == 1  # kept as written


@pytest.mark.slow
def test_feedback_page_runs_no_student_script_and_shows_the_grader_messages(graded, browser, tmp_path):
    course, _ = graded
    page = browser.new_page()
    for student in ("hostile", "honest"):
        path = feedback_path(course, student)
        html = path.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html
        seen = open_and_probe(page, path.as_uri())
        assert_nothing_ran(seen, browser.events)
        text = " ".join(seen["text"].split())
        messages = grader_messages(course, student)
        assert len(messages) >= 8 and all(message in text for message in messages), (messages, text[:3000])
        assert "def compute_cost_with_regularization" in text
        if student == "hostile":  # the student's markdown is shown, its markup as text
            assert "My notes" in text and "I worked hard on this one." in text and "A helpful link" in text
            assert "<script>var d=window.parent.document" in text and "<iframe srcdoc=" in text
    # Each wall holds alone: the policy stops a script that got past the cleaning, and the cleaning stops the
    # hostile cells in a page without the policy.
    html = feedback_path(course, "hostile").read_text(encoding="utf-8")
    slipped = tmp_path / "slipped.html"
    before, _, after = html.rpartition("</body>")
    slipped.write_text(before + "<script>" + payload("slipped") + '</script><img src="x" onerror="'
                       + payload("slipped-img") + '"></body>' + after, encoding="utf-8")
    assert_nothing_ran(open_and_probe(page, slipped.as_uri()), browser.events, markup=False)
    no_policy = tmp_path / "no-policy.html"
    no_policy.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8")
    assert "Content-Security-Policy" not in no_policy.read_text(encoding="utf-8")
    assert_nothing_ran(open_and_probe(page, no_policy.as_uri()), browser.events)
    # and the probe does see a script that runs (the policy and the cleaning are what stop the ones above)
    control = tmp_path / "control.html"
    control.write_text("<html><head></head><body><script>" + payload("control") + "</script></body></html>",
                       encoding="utf-8")
    page.goto(control.as_uri())
    assert page.evaluate("document.title") == "PWNED-control"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(graded, tmp_path):
    """`make lab`'s JupyterLab (its config folder on JUPYTER_CONFIG_PATH) at the graded course, on 127.0.0.1."""
    course, _ = graded
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab_target = makefile[makefile.index("\nlab:"):].split("\n\n")[0]
    assert "JUPYTER_CONFIG_PATH=$(CURDIR)/tools/lab" in lab_target, lab_target  # the same configuration
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_PATH=str(LAB_CONFIG))
    log = open(tmp_path / "lab.log", "wb")
    server = subprocess.Popen([str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
                               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
                               f"--IdentityProvider.token={TOKEN}", "--allow-root"],
                              cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("jupyter lab did not start:\n" + (tmp_path / "lab.log").read_text(errors="replace"))
                time.sleep(0.5)
        yield course, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def submission_id(course, student):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return gradebook.find_submission_notebook(A.notebook.replace(".ipynb", ""), EN, student).id


@pytest.mark.slow
def test_formgrader_page_of_a_hostile_submission_runs_nothing(lab, browser):
    course, base = lab
    page = browser.new_page()
    # The instructor logs in once with the token; from then on the browser's cookie is the session.
    page.goto(f"{base}/login?next=/formgrader")
    page.fill("input[name=password]", TOKEN)
    page.click("[type=submit]")
    page.wait_for_url(re.compile(r".*/formgrader.*"))
    assert any(cookie["name"].startswith("username-") for cookie in browser.cookies())
    # That session can write the course root: the hostile payload, run by the instructor's own hand, does it.
    page.evaluate("() => {" + payload("control") + "}")
    control = course / "pwned-control.txt"
    deadline = time.monotonic() + 10
    while not (control.exists() and control.read_text() == "pwned") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert control.exists() and control.read_text() == "pwned", "the session cannot write: the test proves nothing"
    control.unlink()
    browser.events["requests"].clear()

    url = f"{base}/formgrader/submissions/{submission_id(course, 'hostile')}/"
    response = page.goto(url, wait_until="load")
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy and "object-src 'none'" in policy, policy
    # The formgrader's own scripts work under the policy: they fetched the grades and built the grading form.
    # (Its MathJax comes from a CDN this machine cannot reach; the policy allows it, the network does not.)
    page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded",
                           timeout=30000)
    assert page.evaluate("() => formgrader.grades.length") == 8
    page.wait_for_timeout(2000)
    seen = probe(page)
    assert_nothing_ran(seen, browser.events)
    assert sorted(p.name for p in course.glob("pwned*")) == []
    text = " ".join(seen["text"].split())
    assert "Submission 2 / 2" in text or "Submission 1 / 2" in text  # the formgrader's page of the submission
    assert "My notes" in text and "<script>var d=window.parent.document" in text  # the hostile cells, as text
    assert "def compute_cost_with_regularization" in text
    # JupyterLab itself works under the same policy, and the autograded notebook opened there runs nothing.
    page.goto(f"{base}/lab/tree/autograded/hostile/{EN}/{A.notebook}", wait_until="load")
    page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=90000)
    page.wait_for_timeout(5000)
    assert TITLE_MARK not in page.title() and page.evaluate(PROBE)["marks"] == []
    assert "My notes" in page.evaluate("() => document.body.innerText")
    assert sorted(p.name for p in course.glob("pwned*")) == []
    assert csp_violations(browser.events) == []
