"""The book in a real browser: every page of the built book, opened in headless Chromium.

    python3 check_book.py BOOK_DIR SCREENSHOT      all checks, in Chromium (through chromedriver)
    python3 check_book.py --links-only BOOK_DIR    only the internal links and anchors

Checks that each page loads with no console error and no request leaving localhost, and keeps
its Korean words whole at line ends (word-break: keep-all under lang="ko"), that every
internal link and anchor resolves, that searching for "Waker" leads to the wake-up chapter and
searching in Korean ("퓨처", "웨이커", "취소") to the glossary's entries; answers every quiz
question twice, right and then wrong, and checks the feedback each time; answers each again with
the keyboard and checks where focus goes, that a changed answer clears the verdict, that the
feedback is a live region, and that the answers are a group named by the question; runs axe
(axe-core, pinned in package-lock.json and installed with `npm ci` into node_modules/ here) on
every page in each of mdBook's themes, with the quizzes' feedback shown, and on the Korean search
results, and fails on any violation but those listed in MDBOOK_KNOWN; checks that a font for
Korean is installed. Saves a screenshot of the first chapter (which opens with a summary in
Korean) and one of a quiz answered wrong, next to it. Python's standard library only: it speaks
the WebDriver protocol over HTTP to chromedriver. Prints every problem and exits 1 if there is one.
"""

import base64
import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))

# mdBook's themes, as its theme menu names them (`mdbook-theme` in localStorage).
THEMES = ["light", "rust", "coal", "navy", "ayu"]

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
]


class Page(HTMLParser):
    """The ids and the link targets of one HTML page."""

    def __init__(self, text):
        super().__init__()
        self.ids, self.links = set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def pages(book):
    """Every HTML page of the built book, as paths relative to it."""
    found = []
    for folder, _, files in os.walk(book):
        found += [os.path.relpath(os.path.join(folder, f), book) for f in files if f.endswith(".html")]
    return sorted(found)


def link_problems(book):
    """Internal links whose page or anchor does not exist."""
    parsed = {}

    def page(path):
        if path not in parsed:
            with open(os.path.join(book, path), encoding="utf-8") as f:
                parsed[path] = Page(f.read())
        return parsed[path]

    problems = []
    for source in pages(book):
        for href in page(source).links:
            url = urllib.parse.urlparse(href)
            if url.scheme or url.netloc or href.startswith("mailto:"):
                continue  # another site: not followed
            target = source if not url.path else os.path.normpath(
                os.path.join(os.path.dirname(source), urllib.parse.unquote(url.path)))
            if not os.path.isfile(os.path.join(book, target)):
                problems.append(f"{source}: link to {href}: {target} does not exist")
            elif url.fragment and url.fragment not in page(target).ids:
                problems.append(f"{source}: link to {href}: {target} has no id '{url.fragment}'")
    return problems


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(book):
    """Serves the book on 127.0.0.1, in a thread; returns its base URL."""
    handler = functools.partial(Quiet, directory=book)
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser may close a connection before a file is sent whole (a page left while it
    loads): that is no problem of the book's, so it is not printed."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class Browser:
    """Headless Chromium, driven through chromedriver's WebDriver endpoint."""

    def __init__(self):
        port = free_port()
        self.driver = subprocess.Popen(["chromedriver", f"--port={port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        self.profile = tempfile.mkdtemp(prefix="book-browser-")
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        capabilities = {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"args": CHROMIUM_FLAGS + [f"--user-data-dir={self.profile}"]},
        }
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.session = f"/session/{session['sessionId']}"

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def go(self, url):
        self.call("POST", self.session + "/url", {"url": url})

    def run(self, script, *args):
        return self.call("POST", self.session + "/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script, *args):
        return self.call("POST", self.session + "/execute/async", {"script": script, "args": list(args)})

    def element(self, css):
        """The WebDriver reference of the first element that matches `css`."""
        found = self.call("POST", self.session + "/element", {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def press(self, key):
        """Presses and releases one key, as a keyboard does, in whatever element has focus."""
        keys = [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.call("POST", self.session + "/actions",
                  {"actions": [{"type": "key", "id": "keyboard", "actions": keys}]})

    def type(self, css, text):
        """Types `text` into the element that matches `css`, key by key."""
        self.call("POST", f"{self.session}/element/{self.element(css)}/value", {"text": text})

    def console_errors(self):
        entries = self.call("POST", self.session + "/se/log", {"type": "browser"})
        # A page with no icon of its own (mdBook's toc.html) makes the browser ask for
        # /favicon.ico by itself; that request is the browser's, not the page's.
        return [e["message"] for e in entries
                if e.get("level") == "SEVERE" and "/favicon.ico " not in e["message"]]

    def screenshot(self, path):
        png = self.call("GET", self.session + "/screenshot")
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def close(self):
        try:
            self.call("DELETE", self.session)
        finally:
            self.driver.terminate()


# Korean passages (lang="ko", and everything inside them) that would break lines between any two
# syllables: theme/korean.css keeps Korean words whole (word-break: keep-all).
KOREAN_BREAKS = """
const korean = [...document.querySelectorAll('[lang|="ko"], [lang|="ko"] *')];
return {
  count: korean.length,
  breaking: korean.filter(e => getComputedStyle(e).wordBreak !== 'keep-all')
    .map(e => e.outerHTML.slice(0, 80)),
};
"""

# Every resource a page loaded (scripts, styles, fonts, images), by URL.
RESOURCES = "return performance.getEntriesByType('resource').map(e => e.name)"

# Types "Waker" into the search box and returns the links of the results, once there are some.
SEARCH = """
const done = arguments[arguments.length - 1];
document.getElementById('mdbook-search-toggle').click();
const bar = document.getElementById('mdbook-searchbar');
bar.value = 'Waker';
bar.dispatchEvent(new KeyboardEvent('keyup', {key: 'r', bubbles: true}));
bar.dispatchEvent(new Event('input', {bubbles: true}));
let tries = 0;
const look = () => {
  const links = [...document.querySelectorAll('#mdbook-searchresults a')].map(a => a.href);
  if (links.length || ++tries > 50) { done(links); } else { setTimeout(look, 100); }
};
look();
"""


# The questions of a built page, as the book's preprocessor left them (see xtask/src/quiz.rs):
# each a <div class="quiz" id=...> with its data as JSON.
QUIZ_DATA = re.compile(r'<script type="application/json" class="quiz-data">(.*?)</script>', re.S)


def quizzes(html):
    """The questions of a page, in order: each the dict the widget reads (id, kind, items with
    their text and whether they are right, output)."""
    return [json.loads(data) for data in QUIZ_DATA.findall(html)]


def answers(question):
    """The right answer to a question, and a wrong one, as the page's widget takes them."""
    items = [(item["text"], item["right"]) for item in question["items"]]
    if question["kind"] == "order":
        right = [text for text, _ in items]
        return right, right[::-1]
    right = [i for i, (_, ok) in enumerate(items) if ok]
    if question["kind"] == "printed":
        wrong = sorted(set(right) ^ {0})
    else:
        wrong = [next(i for i, (_, ok) in enumerate(items) if not ok)]
    return right, wrong


# Answers question ARGS[0] with ARGS[1] (the lines to click, in order, or the indices of the
# choices to tick), checks it, and returns the feedback shown and whether the output shows.
ANSWER = """
const [id, answer] = arguments;
const box = document.getElementById(id);
if (!box || !box.querySelector('.quiz-check')) { return {error: 'the page shows no question ' + id}; }
const again = box.querySelector('.quiz-again');
if (!again.hidden) { again.click(); }
if (box.dataset.kind === 'order') {
  for (const text of answer) {
    const line = [...box.querySelectorAll('.quiz-pool button')].find(b => b.dataset.text === text);
    if (!line) { return {error: 'no line to click: ' + text}; }
    line.click();
  }
} else {
  box.querySelectorAll('input').forEach((input, i) => {
    if (input.checked !== answer.includes(i)) { input.click(); }
  });
}
const output = box.querySelector('.quiz-output');
const folded = output ? !output.open && !output.querySelector('pre').checkVisibility() : null;
box.querySelector('.quiz-check').click();
const feedback = box.querySelector('.quiz-feedback');
box.scrollIntoView();
return {
  plain: box.querySelector('.quiz-static') !== null,
  folded: folded,
  unfolded: output ? output.open && output.querySelector('pre').checkVisibility() : null,
  output: output ? output.querySelector('pre').innerText : null,
  verdict: feedback.dataset.verdict,
  text: feedback.innerText,
  key: [...feedback.querySelectorAll('ol li')].map(li => li.innerText),
  links: [...feedback.querySelectorAll('a')].map(a => a.href),
};
"""


def quiz_problems(browser, base, book, only=None):
    """Every question of the book, answered with the keyboard, then right and wrong: the feedback
    must say so and show the key when the answer was wrong; a question about a program must keep
    its output folded until the answer is checked, and then show it; each link must lead to a
    place that exists. Returns the problems, and the page and question it answered last (wrong),
    for the screenshot."""
    problems, last = [], None
    for path in only or pages(book):
        with open(os.path.join(book, path), encoding="utf-8") as f:
            found = quizzes(f.read())
        if not found or path == "print.html":
            continue
        browser.go(base + path)
        for question in found:
            where = f"{path}: question {question['id']}"
            problems += [f"{where}: {p}" for p in keyboard_problems(browser, question)]
            for expected, answer in zip(["right", "wrong"], answers(question)):
                shown = browser.run(ANSWER, question["id"], answer)
                if "error" in shown:
                    problems.append(f"{where}: {shown['error']}")
                    break
                opening = "Right." if expected == "right" else "Not quite."
                if shown["verdict"] != expected or not shown["text"].startswith(opening):
                    problems.append(f"{where}: the {expected} answer {answer} gets "
                                    f"{shown['verdict']}: {shown['text'][:80]!r}")
                if expected == "wrong" and question["kind"] == "order" and \
                        shown["key"] != [item["text"] for item in question["items"]]:
                    problems.append(f"{where}: the answer shown is {shown['key']}")
                if question.get("output") and (shown["folded"], shown["unfolded"]) != (True, True):
                    problems.append(f"{where}: the program's output is "
                                    f"{'shown' if not shown['folded'] else 'folded'} before the "
                                    f"answer is checked and "
                                    f"{'shown' if shown['unfolded'] else 'still folded'} after")
                if shown["plain"]:
                    problems.append(f"{where}: the plain version is still shown beside the widget")
                if question.get("output") and not (shown["output"] or "").strip():
                    problems.append(f"{where}: the program's output is empty")
                for link in shown["links"]:
                    problems += [f"{where}: the feedback's {p}" for p in target_problems(book, base, link)]
            last = (path, question)
    return problems, last


# Widgets broken on purpose, each as (what is wrong, the text of theme/quiz.js to replace, its
# replacement): the quiz check must find each one wrong, or it is not checking that.
BROKEN_WIDGETS = [
    ("the output unfolded from the start",
     'output = element("details", "quiz-output");',
     'output = element("details", "quiz-output"); output.open = true;'),
    ("the output left folded after Check",
     "      if (output) {\n        output.open = true;\n      }", ""),
    ("every verdict the wrong way round",
     'feedback.dataset.verdict = right ? "right" : "wrong";',
     'feedback.dataset.verdict = right ? "wrong" : "right";'),
    ("the plain version left beside the widget", "plain.remove();", ""),
    ("focus dropped after Check", "      again.focus();\n", ""),
]


def quiz_check_problems(browser, book):
    """The quiz check, shown failing: on a copy of the book's page with the most kinds of
    question, each of BROKEN_WIDGETS must be found wrong (and the widget as it is, right)."""
    def kinds(path):
        with open(os.path.join(book, path), encoding="utf-8") as f:
            found = quizzes(f.read())
        has_output = any(q.get("output") for q in found)
        return len({q["kind"] for q in found}) + has_output
    page = max((p for p in pages(book) if p != "print.html"), key=kinds)
    problems = []
    with tempfile.TemporaryDirectory(prefix="quiz-check-") as copy:
        shutil.copytree(book, copy, dirs_exist_ok=True)
        widget = [os.path.join(folder, f) for folder, _, files in os.walk(copy) for f in files
                  if re.fullmatch(r"quiz(-[0-9a-f]+)?\.js", f)]
        if len(widget) != 1:
            return [f"the built book has {len(widget)} copies of theme/quiz.js, not one"]
        with open(widget[0], encoding="utf-8") as f:
            source = f.read()
        for wrong, old, new in [("nothing", "", "")] + BROKEN_WIDGETS:
            if old and source.count(old) != 1:
                problems.append(f"the quiz check's self-test cannot break the widget ({wrong}): "
                                f"theme/quiz.js no longer has {old!r} once; update BROKEN_WIDGETS")
                continue
            with open(widget[0], "w", encoding="utf-8") as f:
                f.write(source.replace(old, new) if old else source)
            base = serve(copy)
            browser.go(base + page)
            found, _ = quiz_problems(browser, base, copy, only=[page])
            if wrong == "nothing" and found:
                problems += [f"the quiz check's self-test, widget unchanged: {p}" for p in found]
            elif wrong != "nothing" and not found:
                problems.append(f"the quiz check does not notice a widget with {wrong} ({page})")
    return problems


# The state of question ARGS[0], as a keyboard user meets it: where focus is, the verdict shown,
# which buttons are shown, whether the feedback is a live region in the page, and the name of the
# group that holds the answers.
QUESTION_STATE = """
const [id] = arguments;
const box = document.getElementById(id);
const feedback = box.querySelector('.quiz-feedback');
const active = document.activeElement;
const style = getComputedStyle(feedback);
const group = box.querySelector('[role=group], [role=radiogroup], fieldset');
const output = box.querySelector('.quiz-output');
const names = group && (group.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
const where = active === document.body || active === null ? 'nowhere (the page)'
  : !box.contains(active) ? 'outside the question'
  : active.matches('.quiz-check') ? 'check'
  : active.matches('.quiz-again') ? 'again'
  : active.matches('.quiz-pool button') ? 'pool'
  : active.matches('.quiz-chosen button') ? 'chosen'
  : active.matches('input') ? 'input ' + [...box.querySelectorAll('input')].indexOf(active)
  : active.tagName.toLowerCase();
return {
  focus: where,
  verdict: feedback.dataset.verdict || null,
  text: feedback.innerText.trim(),
  live: (feedback.getAttribute('role') === 'status' || feedback.getAttribute('aria-live') === 'polite')
    && !feedback.hidden && style.display !== 'none' && style.visibility !== 'hidden',
  same: feedback.probe === true,
  check: !box.querySelector('.quiz-check').hidden,
  again: !box.querySelector('.quiz-again').hidden,
  pool: box.querySelectorAll('.quiz-pool button').length,
  items: box.querySelectorAll('.quiz-pool button, .quiz-chosen button, input').length,
  group: !group ? null : group.tagName === 'FIELDSET'
    ? (group.querySelector('legend') || {}).innerText || ''
    : names.map(n => (document.getElementById(n) || {}).innerText || '?').join(' '),
  ask: box.querySelector('.quiz-ask').innerText,
  folded: output ? !output.open && !output.querySelector('pre').checkVisibility() : null,
};
"""

# Puts question ARGS[0] back as handed out, marks its feedback element (to see that the same
# live region is still there later), and gives focus to ARGS[1] in it: the WHAT-th element that
# matches SELECTOR, or the line whose text is TEXT.
QUESTION_FOCUS = """
const [id, target] = arguments;
const box = document.getElementById(id);
if (target.fresh) {
  const again = box.querySelector('.quiz-again');
  if (!again.hidden) { again.click(); }
  box.querySelector('.quiz-feedback').probe = true;
}
const element = target.text !== undefined
  ? [...box.querySelectorAll(target.selector)].find(b => b.dataset.text === target.text)
  : box.querySelectorAll(target.selector)[target.index || 0];
if (!element) { return 'nothing to focus: ' + JSON.stringify(target); }
element.focus();
return null;
"""

ENTER, SPACE = "\ue007", "\ue00d"


def keyboard_problems(browser, question):
    """Answers a question with the keyboard: focus must stay where a keyboard user expects it
    (Check hands it to Try again, Try again to the first answer, a moved line to the line that
    takes its place, the last line placed to Check); changing a checked answer must clear the
    verdict; the feedback must be a live region that is there before it is written; the answers
    must be a group named by the question."""
    problems = []
    kind = question["kind"]

    def state():
        return browser.run(QUESTION_STATE, question["id"])

    def focus(**target):
        missing = browser.run(QUESTION_FOCUS, question["id"], target)
        if missing:
            raise LookupError(missing)

    def expect(after, now, **wanted):
        for key, value in wanted.items():
            if now[key] != value:
                shown = {"focus": "focus is on", "verdict": "the verdict is", "check": "Check shown:",
                         "again": "Try again shown:"}.get(key, key + ":")
                problems.append(f"after {after}, {shown} {now[key]!r}, not {value!r}")

    try:
        right, wrong = answers(question)
        first = state()
        if question.get("output") and first["folded"] is not True:
            problems.append("the program's output shows before the reader has answered")
        if kind == "order":
            focus(fresh=True, selector=".quiz-pool button")
            for placed, text in enumerate(right, 1):
                focus(selector=".quiz-pool button", text=text)
                browser.press(ENTER)
                expect(f"placing line {placed} with Enter", state(),
                       focus="pool" if placed < len(right) else "check")
        else:
            focus(fresh=True, selector="input")
            for i in right:
                focus(selector="input", index=i)
                browser.press(SPACE)
        before = state()
        if not before["live"]:
            problems.append("before Check, the feedback is not a live region in the page "
                            "(role=status, not hidden), so a screen reader would not announce it")
        focus(selector=".quiz-check")
        browser.press(ENTER)
        checked = state()
        expect("Check (right answer)", checked, focus="again", verdict="right", check=False, again=True)
        if not checked["text"].startswith("Right.") or not (checked["live"] and checked["same"]):
            problems.append(f"after Check, the live region does not say 'Right.': {checked['text'][:60]!r}")

        # Change the answer: the verdict no longer holds.
        if kind == "order":
            focus(selector=".quiz-chosen button")
            browser.press(ENTER)
            changed = state()
            expect("taking the first line back after checking", changed, verdict=None, check=True,
                   again=False, focus="chosen" if len(right) > 1 else "pool")
            focus(selector=".quiz-pool button")
            browser.press(ENTER)
            expect("placing it last", state(), focus="check")
        else:
            # A radio button not chosen yet; or a box ticked or not, to tick or untick.
            flip = wrong[0] if kind != "printed" else \
                next(i for i in range(len(question["items"])) if (i in right) != (i in wrong))
            focus(selector="input", index=flip)
            browser.press(SPACE)
            changed = state()
            expect("changing the answer after checking", changed, verdict=None, check=True, again=False,
                   focus=f"input {flip}")
        if changed["text"]:
            problems.append(f"after the answer changed, the old feedback is still shown: {changed['text'][:60]!r}")
        focus(selector=".quiz-check")
        browser.press(ENTER)
        expect("Check (changed answer)", state(), focus="again", check=False, again=True)
        browser.press(ENTER)
        expect("Try again", state(), focus="pool" if kind == "order" else "input 0", verdict=None,
               check=True, again=False)

        group = first["group"]
        if group is None:
            problems.append("the answers are not in a group (fieldset, or role=group/radiogroup)")
        elif first["ask"].strip() not in group:
            problems.append(f"the answers' group is named {group!r}, not by the question")
    except LookupError as missing:
        problems.append(str(missing))
    return problems


# Ticks or places an answer in every question of the page and checks it, so that the feedback
# (its key, its links) is on the page when axe looks at it.
SHOW_FEEDBACK = """
document.querySelectorAll('.quiz-question').forEach(box => {
  if (box.dataset.kind === 'order') {
    box.querySelectorAll('.quiz-pool button').forEach(b => b.click());
  } else {
    const input = box.querySelector('input');
    if (input && !input.checked) { input.click(); }
  }
  box.querySelector('.quiz-check').click();
});
return document.querySelectorAll('.quiz-feedback[data-verdict]').length;
"""

# Runs axe on the page; ARGS[0] is MDBOOK_KNOWN, ARGS[1] the page's path. Returns each element
# in violation of a rule, with the index of the MDBOOK_KNOWN entry that excuses it (or -1).
AXE_RUN = """
const done = arguments[arguments.length - 1];
const [known, page] = arguments;
axe.run(document, {resultTypes: ['violations']}).then(result => {
  const found = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
      const excused = known.findIndex(k => k.rule === v.id && new RegExp(k.page).test(page)
        && element !== null && element.closest(k.element) !== null);
      const why = (node.failureSummary || '').split('\\n').slice(1).join(' ').replace(/\\s+/g, ' ');
      found.push({rule: v.id, target: node.target.join(' '), html: node.html.slice(0, 90),
                  why: why.slice(0, 240), excused: excused});
    }
  }
  done(found);
}, error => done([{rule: 'axe failed', target: '', html: '', why: String(error), excused: -1}]));
"""

# mdBook's own accessibility problems that theme/ does not fix, in one place, each with the
# reason. An entry excuses a violation of its rule on the pages its pattern matches, by the
# element it names (or one inside it); an entry that excuses nothing is itself a problem, so that
# the list stays true. Everything else axe finds, in any theme, fails the test.
MDBOOK_KNOWN = [
    # toc.html is the table of contents mdBook writes for readers without JavaScript, shown in an
    # iframe inside the sidebar's <noscript>: a fragment of a page, not a page. It has no title,
    # no main landmark and no heading by design, and theme/'s scripts cannot run in it.
    ("document-title", r"^toc\.html$", "html",
     "mdBook's no-JavaScript sidebar fragment, shown in an iframe; not a page a reader opens"),
    ("landmark-one-main", r"^toc\.html$", "html",
     "mdBook's no-JavaScript sidebar fragment: a list of links, with no main content"),
    ("page-has-heading-one", r"^toc\.html$", "html",
     "mdBook's no-JavaScript sidebar fragment: a list of links, with no heading"),
    ("region", r"^toc\.html$", "ol.chapter",
     "mdBook's no-JavaScript sidebar fragment: its list is the whole document"),
]


def axe_source():
    """axe-core's script, as `npm ci` installed it from package-lock.json into node_modules/
    here; runs `npm ci` first if it is missing or another version. Raises LookupError, saying
    what to do, if it cannot."""
    with open(os.path.join(HERE, "package-lock.json"), encoding="utf-8") as f:
        pinned = json.load(f)["packages"]["node_modules/axe-core"]["version"]
    installed = os.path.join(HERE, "node_modules", "axe-core")

    def version():
        try:
            with open(os.path.join(installed, "package.json"), encoding="utf-8") as f:
                return json.load(f)["version"]
        except (OSError, ValueError, KeyError):
            return None

    if version() != pinned:
        npm = shutil.which("npm")
        if npm is None:
            raise LookupError(
                f"axe-core {pinned}, the accessibility checker this test runs, is not installed in "
                "xtask/browser/node_modules/, and npm, which installs it, is missing: on Debian, "
                "`sudo apt-get install nodejs npm`; then run `cargo xtask browser` again (it runs "
                "`npm ci` in xtask/browser/, which installs what package-lock.json pins, hashes "
                "checked)")
        print(f"installing axe-core {pinned} with `npm ci` in xtask/browser/ (once)", file=sys.stderr)
        done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE,
                              capture_output=True, text=True)
        if done.returncode != 0 or version() != pinned:
            raise LookupError(f"`npm ci` in xtask/browser/ did not install axe-core {pinned}:\n"
                              f"{done.stdout}{done.stderr}")
    with open(os.path.join(installed, "axe.min.js"), encoding="utf-8") as f:
        return f.read()


# Puts the page in theme ARGS[0] as a reader does, with mdBook's theme menu (which also keeps
# the choice in localStorage); on a page without the menu (toc.html), by its class. Then ends
# the colour transitions that mdBook's style starts, so that axe sees the theme's colours, not
# colours on their way. Returns the classes of <html>.
SWITCH_THEME = """
const theme = arguments[0];
const item = document.getElementById('mdbook-theme-' + theme);
if (item) {
  item.click();
} else {
  document.documentElement.classList.remove(...arguments[1]);
  document.documentElement.classList.add(theme);
}
document.getAnimations().forEach(a => a.finish());
return [...document.documentElement.classList];
"""


def accessibility_problems(browser, base, book, axe):
    """axe on every page in every theme, with the quizzes' feedback shown, and on the search
    results for a Korean query. Violations are grouped: one line for one element's problem,
    with the pages and themes it occurs in."""
    known = [{"rule": r, "page": p, "element": e} for r, p, e, _ in MDBOOK_KNOWN]
    problems, found, used = [], {}, set()

    def audit(where):
        for theme in THEMES:
            classes = browser.run(SWITCH_THEME, theme, THEMES)
            if theme not in classes:
                problems.append(f"{where}: the page is not in the {theme} theme: {classes}")
            for v in browser.run_async(AXE_RUN, known, where):
                if v["excused"] >= 0:
                    used.add(v["excused"])
                    continue
                key = (v["rule"], v["target"], v["why"])
                if key not in found:
                    found[key] = (v["html"], [])
                found[key][1].append(f"{where} ({theme})")

    for path in pages(book):
        browser.go(base + path)
        browser.run(SHOW_FEEDBACK)
        browser.run(axe)
        audit(path)
    browser.go(base + "index.html")
    if korean_search(browser, "퓨처")["links"]:
        browser.run(axe)
        audit("index.html, with Korean search results")
    else:
        problems.append("axe: the Korean search shows no results to check")
    browser.run("localStorage.removeItem('mdbook-theme')")
    for (rule, target, why), (html, where) in found.items():
        sample = ", ".join(where[:3]) + (f" and {len(where) - 3} more" if len(where) > 3 else "")
        problems.append(f"axe: {rule}: {target} {html!r}: {why} [on {sample}]")
    for number, (rule, page, element, reason) in enumerate(MDBOOK_KNOWN):
        if number not in used:
            problems.append(f"axe: MDBOOK_KNOWN lists {rule} on {page} ({element}: {reason}), "
                            "which no page shows any more: take it off the list")
    return problems


# Whether the table of contents is shown, as the page shows it and as the toggle tells.
SIDEBAR_STATE = """
const button = document.getElementById('mdbook-sidebar-toggle-button');
return {
  shown: document.documentElement.classList.contains('sidebar-visible'),
  expanded: button && button.getAttribute('aria-expanded'),
  focus: document.activeElement === button,
};
"""


def sidebar_problems(browser, base):
    """The sidebar's toggle is a button a keyboard reaches (theme/mdbook-fixes.js): Enter hides
    the table of contents and shows it again, and aria-expanded says which."""
    problems = []
    browser.go(base + "index.html")
    try:
        browser.element("#mdbook-sidebar-toggle-button")
    except urllib.error.HTTPError:
        return ["the sidebar has no toggle button (theme/mdbook-fixes.js makes one)"]
    start = browser.run(SIDEBAR_STATE)
    for press in (1, 2):
        browser.run("document.getElementById('mdbook-sidebar-toggle-button').focus()")
        browser.press(ENTER)
        time.sleep(0.1)
        now = browser.run(SIDEBAR_STATE)
        shown = start["shown"] != (press == 1)
        if now["shown"] != shown or now["expanded"] != str(shown).lower() or not now["focus"]:
            problems.append(f"after pressing Enter on the sidebar's toggle {press} time(s), the "
                            f"table of contents is {'shown' if now['shown'] else 'hidden'}, "
                            f"aria-expanded={now['expanded']}, focus on the toggle: {now['focus']}")
    return problems


# Searches for ARGS[0] with the book's search bar, typed as a reader types it (the search bar is
# open and empty); returns the header and the links of the results once the Korean searcher has
# shown them, or what is there after 5 s.
KOREAN_RESULTS = """
const done = arguments[arguments.length - 1];
let tries = 0;
const look = () => {
  const links = [...document.querySelectorAll('#mdbook-searchresults li.korean-result a')].map(a => a.href);
  const header = document.getElementById('mdbook-searchresults-header').innerText;
  if (links.length || /^No search results/.test(header) || ++tries > 50) {
    done({links: links, header: header});
  } else { setTimeout(look, 100); }
};
look();
"""

# The Korean words of the glossary, and the entries that searching for them must find first.
KOREAN_QUERIES = {"퓨처": "future", "웨이커": "waker", "취소": "cancellation"}


def korean_search(browser, query):
    browser.run("""
      const wrapper = document.getElementById('mdbook-search-wrapper');
      if (wrapper.classList.contains('hidden')) { document.getElementById('mdbook-search-toggle').click(); }
      const bar = document.getElementById('mdbook-searchbar');
      bar.value = '';
      bar.focus();
    """)
    browser.type("#mdbook-searchbar", query)
    return browser.run_async(KOREAN_RESULTS)


def korean_search_problems(browser, base, book):
    """Searching for the glossary's Korean words must list its entry first, with a link that
    resolves."""
    problems = []
    browser.go(base + "index.html")
    for query, entry in KOREAN_QUERIES.items():
        shown = korean_search(browser, query)
        links = shown["links"]
        wanted = [i for i, link in enumerate(links)
                  if urllib.parse.urlparse(link).path.endswith("/glossary.html")
                  and urllib.parse.urlparse(link).fragment == entry]
        if not wanted:
            problems.append(f"searching for '{query}' does not lead to the glossary's entry "
                            f"'{entry}': {shown['header']!r} {links[:3]}")
        elif wanted[0] != 0:
            problems.append(f"searching for '{query}' lists the glossary's entry '{entry}' "
                            f"{wanted[0] + 1}th, after {links[:wanted[0]]}")
        for link in links[:1]:
            problems += [f"searching for '{query}': the first result's {p}"
                         for p in target_problems(book, base, link)]
    return problems


def target_problems(book, base, url):
    """Why a link of the built book, as the browser resolved it, leads nowhere (if it does)."""
    if not url.startswith(base):
        return [f"link {url} leaves the book"]
    parsed = urllib.parse.urlparse(url[len(base):])
    path = urllib.parse.unquote(parsed.path) or "index.html"
    if not os.path.isfile(os.path.join(book, path)):
        return [f"link {url}: {path} does not exist"]
    with open(os.path.join(book, path), encoding="utf-8") as f:
        if parsed.fragment and parsed.fragment not in Page(f.read()).ids:
            return [f"link {url}: {path} has no id '{parsed.fragment}'"]
    return []


def korean_font_problems():
    """The chapters open with Korean: without a font for it, Chromium draws empty boxes."""
    try:
        fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout
    except OSError:
        return ["fc-list (fontconfig) is missing, so no font for Korean can be found"]
    if not fonts.strip():
        return ["no font for Korean is installed: on Debian, `apt-get install fonts-noto-cjk`"]
    return []


def browser_problems(book, screenshot):
    try:
        axe = axe_source()
    except LookupError as missing:
        return [str(missing)]
    problems = []
    base = serve(book)
    browser = Browser()
    korean_elements = 0
    try:
        for path in pages(book):
            browser.go(base + path)
            for message in browser.console_errors():
                problems.append(f"{path}: console error: {message}")
            for url in browser.run(RESOURCES):
                if not url.startswith(base):
                    problems.append(f"{path}: loads {url}, which is not on this machine")
            korean = browser.run(KOREAN_BREAKS)
            korean_elements += korean["count"]
            for html in korean["breaking"][:3]:
                problems.append(f"{path}: Korean text may break inside a word "
                                f"(word-break is not keep-all): {html}")
        if korean_elements == 0:
            problems.append("no page marks anything as Korean (lang=\"ko\"): the check of Korean "
                            "line breaking has nothing to check")
        browser.go(base + "index.html")
        results = browser.call("POST", browser.session + "/execute/async", {"script": SEARCH, "args": []})
        if not any("/wakeup/" in link or "wakeup.html" in link for link in results):
            problems.append(f"searching for 'Waker' does not lead to the wake-up chapter: {results}")
        problems += korean_search_problems(browser, base, book)
        problems += sidebar_problems(browser, base)
        found, last = quiz_problems(browser, base, book)
        problems += found
        problems += quiz_check_problems(browser, book)
        if last is None:
            problems.append("the book has no quiz")
        else:
            # The last question, answered wrong, with its feedback in view.
            browser.go(base + last[0])
            browser.run(ANSWER, last[1]["id"], answers(last[1])[1])
            browser.screenshot(os.path.join(os.path.dirname(screenshot), "quiz.png"))
        started = time.monotonic()
        problems += accessibility_problems(browser, base, book, axe)
        print(f"axe: {len(pages(book))} pages in {len(THEMES)} themes, in "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)
        # The first chapter opens with its summary in Korean: the screenshot shows how it renders.
        problems += korean_font_problems()
        browser.go(base + "coroutines.html")
        browser.screenshot(screenshot)
    finally:
        browser.close()
    return problems


def main(args):
    if args[:1] == ["--links-only"]:
        problems = link_problems(args[1])
    else:
        book, screenshot = args
        problems = link_problems(book) + browser_problems(book, screenshot)
    for problem in problems:
        print(problem)
    if not problems and args[:1] == ["--links-only"]:
        print("every internal link and anchor resolves")
    elif not problems:
        print("every page loads cleanly, offline, with its Korean words kept whole; every link "
              "resolves; search finds the wake-up chapter, and in Korean the glossary's entries; "
              "every question gives the right feedback, right and wrong, keeps its program's "
              "output folded until it is answered, and keeps the keyboard's focus (and five "
              "widgets broken on purpose are caught); axe finds nothing on any page in any theme "
              f"({', '.join(THEMES)}) beyond the {len(MDBOOK_KNOWN)} problems of mdBook's own "
              "that MDBOOK_KNOWN lists")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
