// Korean search. mdBook's search index (elasticlunr, with English rules) drops every Hangul word,
// and its searcher is compiled into mdBook. So `cargo xtask book build` (and `serve`) writes a
// second index, searchindex-ko.js, of every passage with Hangul in it, under its page and heading
// (xtask/src/book/korean_search.rs); for a query with Hangul in it, this script searches that
// index and shows what it finds in mdBook's own results list, in mdBook's own form. Queries
// without Hangul are left to mdBook. Plain JavaScript; the index comes from the book itself, the
// first time it is needed.
"use strict";

(function () {
  const bar = document.getElementById("mdbook-searchbar");
  const list = document.getElementById("mdbook-searchresults");
  const header = document.getElementById("mdbook-searchresults-header");
  const outer = document.getElementById("mdbook-searchresults-outer");
  if (!bar || !list || !header || !outer) {
    return; // the book's search is turned off
  }

  const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
  const SYLLABLES = /[\uac00-\ud7a3]+/g;
  const LIMIT = 30;
  // Particles that Korean attaches to a word; when a query word is found nowhere, it is
  // searched again without one (`퓨처를` finds `퓨처`). Longest first.
  const PARTICLES = [
    "에서는", "으로는", "에게서", "이라고", "에서", "으로", "에게", "한테", "처럼", "보다",
    "부터", "까지", "이나", "이랑", "라고", "은", "는", "이", "가", "을", "를", "의", "에", "로",
    "와", "과", "도", "만", "나", "랑",
  ];

  let index = null;
  let state = "not loaded"; // "loading", "ready", "failed"
  let shown = { query: null, header: null }; // what render() last put on the page

  function root() {
    // mdBook declares `path_to_root` in each page, relative to that page.
    return typeof path_to_root === "string" ? path_to_root : "";
  }

  // Loads searchindex-ko.js once; `update` runs again when it is there (or is known missing).
  function load() {
    if (state === "loading" || state === "ready") {
      return;
    }
    state = "loading";
    const script = document.createElement("script");
    // mdBook names its own index after its content: asking for ours with that name as a version
    // makes a rebuilt book's index replace one the browser has kept.
    const version = window.path_to_searchindex_js || "";
    script.src = root() + "searchindex-ko.js?v=" + encodeURIComponent(version.replace(/^.*\//, ""));
    script.onload = function () {
      index = window.koreanSearchIndex || null;
      state = index ? "ready" : "failed";
      update();
    };
    script.onerror = function () {
      script.remove();
      state = "failed";
      update();
    };
    document.head.appendChild(script);
  }

  function escapeHtml(text) {
    return text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  // Passages that have `word` in them: through the index's keys (each pair of syllables, or the
  // one syllable), then each candidate's own text.
  function passagesWith(word) {
    let candidates = null;
    for (const run of word.match(SYLLABLES) || []) {
      const chars = Array.from(run);
      const keys = chars.length === 1 ? chars : chars.slice(1).map(function (c, i) {
        return chars[i] + c;
      });
      for (const key of keys) {
        const posting = index.grams[key] || [];
        candidates = candidates === null
          ? posting
          : posting.filter(function (p) {
            return candidates.includes(p);
          });
      }
    }
    const pool = candidates === null ? index.passages.map(function (_, i) {
      return i;
    }) : candidates;
    return pool.filter(function (p) {
      return index.passages[p][1].toLowerCase().includes(word);
    });
  }

  // The word as found (perhaps without a particle), and the passages it is in.
  function lookUp(word) {
    const found = passagesWith(word);
    if (found.length > 0 || !HANGUL.test(word)) {
      return { word: word, passages: found };
    }
    for (const particle of PARTICLES) {
      if (word.endsWith(particle) && word.length > particle.length) {
        const stem = word.slice(0, -particle.length);
        const again = passagesWith(stem);
        if (again.length > 0) {
          return { word: stem, passages: again };
        }
      }
    }
    return { word: word, passages: [] };
  }

  // How well a passage answers a word: more for the word standing alone (not inside a longer
  // word), and more the larger its share of the passage's Hangul (a glossary line that is
  // just the word outranks a paragraph that uses it).
  function weight(text, word) {
    const lower = text.toLowerCase();
    let score = 0;
    let hits = 0;
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      hits += 1;
      const before = lower.slice(0, at);
      const after = lower.slice(at + word.length);
      const alone = !/[\uac00-\ud7a3]$/.test(before) && !/^[\uac00-\ud7a3]/.test(after);
      score = Math.max(score, alone ? 2 : 1);
    }
    const hangul = (text.match(SYLLABLES) || []).join("").length || 1;
    const share = Math.min(1, (hits * (word.match(SYLLABLES) || []).join("").length) / hangul);
    return score + 10 * share;
  }

  // Sections in which every word of the query is found, best first.
  function search(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean).map(lookUp);
    const bySection = new Map();
    words.forEach(function (found, w) {
      found.passages.forEach(function (p) {
        const [section, text] = index.passages[p];
        if (!bySection.has(section)) {
          bySection.set(section, { section: section, words: new Set(), score: 0, first: p });
        }
        const hit = bySection.get(section);
        hit.words.add(w);
        hit.score += weight(text, found.word);
        hit.first = Math.min(hit.first, p);
      });
    });
    const results = Array.from(bySection.values()).filter(function (hit) {
      return hit.words.size === words.length;
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.first - b.first;
    });
    return {
      words: words.map(function (found) {
        return found.word;
      }),
      results: results,
    };
  }

  // A piece of the passage around the first word found, with the words emphasised.
  function teaser(text, words) {
    const lower = text.toLowerCase();
    const at = Math.max(0, Math.min.apply(null, words.map(function (w) {
      const i = lower.indexOf(w);
      return i < 0 ? Infinity : i;
    }).concat([text.length])));
    const start = at > 60 ? text.lastIndexOf(" ", at - 40) + 1 : 0;
    const end = Math.min(text.length, start + 160);
    let piece = text.slice(start, end);
    const pattern = new RegExp(words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|"), "gi");
    let html = "";
    let last = 0;
    let match;
    while (words.length > 0 && (match = pattern.exec(piece)) !== null && match[0] !== "") {
      html += escapeHtml(piece.slice(last, match.index)) + "<em>" + escapeHtml(match[0]) + "</em>";
      last = match.index + match[0].length;
    }
    piece = html + escapeHtml(piece.slice(last));
    return (start > 0 ? "… " : "") + piece + (end < text.length ? " …" : "");
  }

  function metric(count, query) {
    // As mdBook words it.
    if (count === 0) {
      return "No search results for '" + query + "'.";
    }
    return count + (count === 1 ? " search result" : " search results") + " for '" + query + "':";
  }

  // Shows the results for `query` in mdBook's list, as mdBook shows its own.
  function render(query) {
    const found = search(query);
    const results = found.results.slice(0, LIMIT);
    const highlight = encodeURIComponent(found.words.join(" ")).replace(/'/g, "%27");
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    results.forEach(function (hit, n) {
      const [page, anchor, heading] = index.sections[hit.section];
      const [url, title] = index.pages[page];
      const text = found.words.length ? index.passages[hit.first][1] : "";
      const crumbs = heading && heading !== title ? title + " » " + heading : title || url;
      const li = document.createElement("li");
      li.className = "korean-result";
      li.innerHTML =
        '<a href="' + escapeHtml(root() + url + "?highlight=" + highlight + (anchor ? "#" + anchor : "")) +
        '" aria-details="korean-teaser-' + n + '">' + escapeHtml(crumbs) + "</a>" +
        '<span class="teaser" id="korean-teaser-' + n + '" aria-label="Search Result Teaser">' +
        teaser(text, found.words) + "</span>";
      list.appendChild(li);
    });
    header.textContent = metric(results.length, query);
    outer.classList.remove("hidden");
    shown = { query: query, header: header.textContent };
  }

  // Whether the results for `query` are on the page as render() left them (a key that does not
  // change the query, such as Shift, leaves them as they are).
  function onPage(query) {
    return shown.query === query && header.textContent === shown.header &&
      Array.from(list.children).every(function (li) {
        return li.classList.contains("korean-result");
      });
  }

  function say(message) {
    shown = { query: null, header: null };
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    header.textContent = message;
    outer.classList.remove("hidden");
  }

  // mdBook writes its results when a query is typed, and again when its own index has loaded;
  // for a query with Hangul, ours are put back each time it does.
  const watcher = new MutationObserver(function () {
    update();
  });

  function update() {
    const query = bar.value.trim();
    if (!HANGUL.test(query)) {
      return;
    }
    if (state === "ready") {
      if (!onPage(query)) {
        render(query);
      }
    } else if (state === "failed") {
      say("Korean search needs its index, searchindex-ko.js, which `cargo xtask book build` " +
        "writes next to the pages; it is not there (the book may be being rebuilt).");
      state = "not loaded"; // the next query tries again
    } else {
      say("Loading the Korean search index…");
      load();
    }
    watcher.takeRecords(); // our own changes are not mdBook's
  }

  bar.addEventListener("keyup", update);
  bar.addEventListener("input", update);
  watcher.observe(header, { childList: true, characterData: true, subtree: true });
  update(); // a search given in the page's address (`?search=...`)
})();
