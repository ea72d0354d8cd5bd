"""The book in a real browser: every page of the built book, opened in headless Chromium.

    python3 check_book.py BOOK_DIR SCREENSHOT      all checks, in Chromium (through chromedriver)
    python3 check_book.py --links-only BOOK_DIR    only the internal links and anchors

Checks that each page loads with no console error and no request leaving localhost, that every
internal link and anchor resolves, and that searching for "Waker" leads to the wake-up chapter;
saves a screenshot of the first chapter. Standard library only: it speaks the WebDriver protocol
over HTTP to chromedriver. Prints every problem and exits 1 if there is one.
"""

import base64
import functools
import http.server
import json
import os
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
        print("every page loads cleanly, offline; every link resolves; search finds the wake-up chapter")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
