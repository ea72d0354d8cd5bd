"""The book in a real browser: every page of the built book, opened in headless Chromium.

    python3 check_book.py BOOK_DIR SCREENSHOT      all checks, in Chromium (through chromedriver)
    python3 check_book.py --links-only BOOK_DIR    only the internal links and anchors

Checks that each page loads with no console error and no request leaving localhost, that every
internal link and anchor resolves, and that searching for "Waker" leads to the wake-up chapter;
answers every quiz question twice, right and then wrong, and checks the feedback each time; checks
that a font for Korean is installed. Saves a screenshot of the first chapter (which opens with a
summary in Korean) and one of a quiz answered wrong, next to it. Standard library only: it speaks
the WebDriver protocol over HTTP to chromedriver. Prints every problem and exits 1 if there is one.
"""

import base64
import functools
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser

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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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


# The quiz blocks of a built page, as its source wrote them (see xtask/src/quiz.rs).
QUIZ_BLOCK = re.compile(r'<script type="text/x-quiz" id="([^"]+)">\n(.*?)</script>', re.S)


def quizzes(html):
    """The quizzes of a page: (id, questions); each question is a dict with its kind and items."""
    found = []
    for quiz_id, body in QUIZ_BLOCK.findall(html):
        questions = []
        for block in re.split(r"\n\s*\n", body.strip()):
            lines = block.strip().split("\n")
            question = {"kind": lines[0].split(":")[0].strip(), "items": []}
            for line in lines[1:]:
                if line.startswith("- "):
                    mark = re.match(r"\[( |x)\] (.*)", line[2:].strip())
                    text, right = (mark.group(2), mark.group(1) == "x") if mark else (line[2:], True)
                    question["items"].append((text.strip(), right))
            questions.append(question)
        found.append((quiz_id, questions))
    return found


def answers(question):
    """The right answer to a question, and a wrong one, as the page's widget takes them."""
    items = question["items"]
    if question["kind"] == "order":
        right = [text for text, _ in items]
        return right, right[::-1]
    right = [i for i, (_, ok) in enumerate(items) if ok]
    if question["kind"] == "printed":
        wrong = sorted(set(right) ^ {0})
    else:
        wrong = [next(i for i, (_, ok) in enumerate(items) if not ok)]
    return right, wrong


# Answers question ARGS[1] of quiz ARGS[0] with ARGS[2] (the lines to click, in order, or the
# indices of the choices to tick), checks it, and returns the feedback shown.
ANSWER = """
const [id, number, answer] = arguments;
const box = document.getElementById(id + '-' + number);
if (!box) { return {error: 'the page shows no question ' + number + ' for ' + id}; }
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
box.querySelector('.quiz-check').click();
const feedback = box.querySelector('.quiz-feedback');
box.scrollIntoView();
return {
  verdict: feedback.dataset.verdict,
  text: feedback.innerText,
  key: [...feedback.querySelectorAll('ol li')].map(li => li.innerText),
  links: [...feedback.querySelectorAll('a')].map(a => a.href),
};
"""


def quiz_problems(browser, base, book):
    """Every question of every quiz, answered right and then wrong: the feedback must say so,
    show the key when the answer was wrong, and link to a place that exists. Returns the problems,
    and the page and quiz it answered last (wrong), for the screenshot."""
    problems, last = [], None
    for path in pages(book):
        with open(os.path.join(book, path), encoding="utf-8") as f:
            found = quizzes(f.read())
        if not found or path == "print.html":
            continue
        browser.go(base + path)
        for quiz_id, questions in found:
            for number, question in enumerate(questions, 1):
                where = f"{path}: quiz '{quiz_id}', question {number}"
                for expected, answer in zip(["right", "wrong"], answers(question)):
                    shown = browser.run(ANSWER, quiz_id, number, answer)
                    if "error" in shown:
                        problems.append(f"{where}: {shown['error']}")
                        break
                    opening = "Right." if expected == "right" else "Not quite."
                    if shown["verdict"] != expected or not shown["text"].startswith(opening):
                        problems.append(f"{where}: the {expected} answer {answer} gets "
                                        f"{shown['verdict']}: {shown['text'][:80]!r}")
                    if expected == "wrong" and question["kind"] == "order" and \
                            shown["key"] != [text for text, _ in question["items"]]:
                        problems.append(f"{where}: the answer shown is {shown['key']}")
                    if not shown["links"]:
                        problems.append(f"{where}: the feedback links to nothing")
                    for link in shown["links"]:
                        problems += [f"{where}: the feedback's {p}" for p in target_problems(book, base, link)]
            last = (path, quiz_id)
    return problems, last


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
    problems = []
    base = serve(book)
    browser = Browser()
    try:
        for path in pages(book):
            browser.go(base + path)
            for message in browser.console_errors():
                problems.append(f"{path}: console error: {message}")
            for url in browser.run(RESOURCES):
                if not url.startswith(base):
                    problems.append(f"{path}: loads {url}, which is not on this machine")
        browser.go(base + "index.html")
        results = browser.call("POST", browser.session + "/execute/async", {"script": SEARCH, "args": []})
        if not any("/wakeup/" in link or "wakeup.html" in link for link in results):
            problems.append(f"searching for 'Waker' does not lead to the wake-up chapter: {results}")
        found, last = quiz_problems(browser, base, book)
        problems += found
        if last is None:
            problems.append("the book has no quiz")
        else:
            # The last quiz, answered wrong, with its feedback in view.
            browser.go(base + last[0])
            quiz = quizzes(open(os.path.join(book, last[0]), encoding="utf-8").read())[-1]
            browser.run(ANSWER, quiz[0], len(quiz[1]), answers(quiz[1][-1])[1])
            browser.screenshot(os.path.join(os.path.dirname(screenshot), "quiz.png"))
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
    if not problems:
        print("every page loads cleanly, offline; every link resolves; search finds the wake-up "
              "chapter; every quiz question gives the right feedback, right and wrong")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
