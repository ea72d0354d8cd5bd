// The book's quizzes: turns each `<script type="text/x-quiz">` block of a page into questions the
// reader answers before seeing the answer. The format is described, and the answer keys are
// checked against the examples' expected output, in xtask/src/quiz.rs.
// Plain JavaScript, no network: everything it needs is in the page.
"use strict";

(function () {
  // The print page holds every chapter at once; a quiz there could not be answered anyway.
  if (window.location.pathname.endsWith("print.html")) {
    return;
  }

  function escapeHtml(text) {
    return text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // A page's link to another page is written to the Markdown file; the built book has HTML.
  function href(target) {
    if (/^[a-z]+:/.test(target)) {
      return target;
    }
    return target.replace(/\.md(#|$)/, ".html$1");
  }

  // Inline Markdown, as the questions use it: `code`, [links](page.md#id), *emphasis*.
  function inline(text) {
    const token = /\[([^\]]+)\]\(([^)\s]+)\)|`([^`]*)`|\*([^*]+)\*/g;
    let html = "";
    let last = 0;
    let match;
    while ((match = token.exec(text)) !== null) {
      html += escapeHtml(text.slice(last, match.index));
      if (match[1] !== undefined) {
        html += '<a href="' + escapeHtml(href(match[2])) + '">' + inline(match[1]) + "</a>";
      } else if (match[3] !== undefined) {
        html += "<code>" + escapeHtml(match[3]) + "</code>";
      } else {
        html += "<em>" + inline(match[4]) + "</em>";
      }
      last = token.lastIndex;
    }
    return html + escapeHtml(text.slice(last));
  }

  // The same grammar as xtask/src/quiz.rs: questions separated by blank lines; a first line
  // `KIND: EXAMPLE`; `key: value` lines; `- item` lines, `- [x] right` or `- [ ] wrong`.
  function parse(source) {
    const questions = [];
    source.split(/\n\s*\n/).forEach(function (block) {
      const lines = block.split("\n").filter(function (l) {
        return l.trim() !== "";
      });
      if (lines.length === 0) {
        return;
      }
      const head = lines[0].split(":");
      const question = {
        kind: head[0].trim(),
        example: (head[1] || "").trim(),
        items: [],
      };
      lines.slice(1).forEach(function (line) {
        if (line.startsWith("- ")) {
          const item = line.slice(2).trim();
          const mark = item.match(/^\[( |x)\] (.*)$/);
          question.items.push(
            mark ? { text: mark[2].trim(), right: mark[1] === "x" } : { text: item, right: true }
          );
        } else {
          const at = line.indexOf(":");
          question[line.slice(0, at).trim()] = line.slice(at + 1).trim();
        }
      });
      questions.push(question);
    });
    return questions;
  }

  // A shuffle that is the same on every visit (seeded by the question), and never the answer.
  function shuffled(items, seedText) {
    let seed = 0;
    for (const c of seedText) {
      seed = (seed * 31 + c.charCodeAt(0)) >>> 0;
    }
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const j = seed % (i + 1);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    const same = out.every(function (item, i) {
      return item.text === items[i].text;
    });
    return same ? out.slice(1).concat(out.slice(0, 1)) : out;
  }

  function element(tag, className, html) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (html !== undefined) {
      e.innerHTML = html;
    }
    return e;
  }

  const PROMPTS = {
    order: "Click the lines in the order the program prints them.",
    time: "Choose one.",
    printed: "Tick every line the program prints.",
    choice: "Choose one.",
  };

  // One question: its prompt, the reader's controls (a group named by the question), a Check
  // button, and the feedback, in a live region that is always there, so that a screen reader
  // announces each verdict. Focus never drops to the page: Check hands it to Try again (in the
  // same place), Try again to the first answer, and each line moved in an order question to the
  // line that takes its place. Changing an answer after checking clears the verdict, which no
  // longer holds.
  function render(question, quizId, number) {
    const box = element("div", "quiz-question");
    box.dataset.kind = question.kind;
    box.id = quizId + "-" + number;
    const heading = "<strong>" + number + ".</strong> " + inline(question.ask || "");
    const ask = element("p", "quiz-ask", heading);
    ask.id = box.id + "-ask";
    const how = element("p", "quiz-how", PROMPTS[question.kind] || "");
    how.id = box.id + "-how";
    box.appendChild(ask);
    box.appendChild(how);

    const controls = element("div", "quiz-controls");
    box.appendChild(controls);
    const check = element("button", "quiz-check", "Check");
    check.type = "button";
    const again = element("button", "quiz-again", "Try again");
    again.type = "button";
    again.hidden = true;
    const feedback = element("div", "quiz-feedback");
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");

    // The verdict is about the answer as it was checked: any change clears it.
    function changed() {
      if (feedback.dataset.verdict !== undefined) {
        delete feedback.dataset.verdict;
        feedback.innerHTML = "";
        check.hidden = false;
        again.hidden = true;
      }
    }

    let answer; // returns the reader's answer, or null if it is not complete yet
    let reset;
    let first; // the control that Try again hands focus to
    if (question.kind === "order") {
      const pool = element("div", "quiz-pool");
      pool.setAttribute("role", "group");
      pool.setAttribute("aria-labelledby", ask.id + " " + how.id);
      const chosen = element("ol", "quiz-chosen");
      chosen.setAttribute("aria-label", "Your order");
      controls.appendChild(pool);
      controls.appendChild(chosen);
      const buttons = shuffled(question.items, question.ask).map(function (item) {
        const button = element("button", "quiz-line", "<code>" + escapeHtml(item.text) + "</code>");
        button.type = "button";
        button.dataset.text = item.text;
        button.addEventListener("click", function () {
          const fromPool = button.parentElement === pool;
          const before = fromPool ? Array.from(pool.children) : Array.from(chosen.children);
          const place = before.indexOf(fromPool ? button : button.parentElement);
          if (fromPool) {
            const li = element("li");
            li.appendChild(button);
            chosen.appendChild(li);
          } else {
            const li = button.parentElement;
            pool.appendChild(button);
            li.remove();
          }
          changed();
          // Moving an element drops its focus: give it to the line now in the moved one's
          // place (or the one before it) in the list it left; when that list is empty, to
          // Check once every line is placed, or else to the line that went back.
          const left = fromPool ? Array.from(pool.children) : Array.from(chosen.querySelectorAll("button"));
          const next = left[Math.min(place, left.length - 1)];
          if (next) {
            next.focus();
          } else {
            (fromPool ? check : button).focus();
          }
        });
        pool.appendChild(button);
        return button;
      });
      answer = function () {
        const order = Array.from(chosen.querySelectorAll("button")).map(function (b) {
          return b.dataset.text;
        });
        return order.length === question.items.length ? order : null;
      };
      reset = function () {
        buttons.forEach(function (b) {
          pool.appendChild(b);
        });
        chosen.innerHTML = "";
      };
      first = function () {
        return pool.querySelector("button");
      };
    } else {
      const multiple = question.kind === "printed";
      controls.setAttribute("role", multiple ? "group" : "radiogroup");
      controls.setAttribute("aria-labelledby", ask.id + " " + how.id);
      const inputs = question.items.map(function (item, i) {
        const label = element("label", "quiz-choice");
        const input = document.createElement("input");
        input.type = multiple ? "checkbox" : "radio";
        input.name = box.id;
        input.value = String(i);
        input.addEventListener("change", changed);
        label.appendChild(input);
        const text = question.kind === "choice" ? inline(item.text) : "<code>" + escapeHtml(item.text) + "</code>";
        label.appendChild(element("span", "", " " + text));
        controls.appendChild(label);
        return input;
      });
      answer = function () {
        const picked = inputs.filter(function (i) {
          return i.checked;
        });
        return multiple || picked.length === 1 ? picked.map(function (i) {
          return Number(i.value);
        }) : null;
      };
      reset = function () {
        inputs.forEach(function (i) {
          i.checked = false;
        });
      };
      first = function () {
        return inputs[0];
      };
    }

    box.appendChild(check);
    box.appendChild(again);
    box.appendChild(feedback);

    check.addEventListener("click", function () {
      const given = answer();
      if (given === null) {
        feedback.dataset.verdict = "incomplete";
        feedback.innerHTML =
          "<p>" + (question.kind === "order" ? "Place every line first." : "Choose an answer first.") + "</p>";
        return;
      }
      let right;
      let key;
      if (question.kind === "order") {
        const expected = question.items.map(function (i) {
          return i.text;
        });
        right = given.join("\n") === expected.join("\n");
        key = "<ol>" + expected.map(function (t) {
          return "<li><code>" + escapeHtml(t) + "</code></li>";
        }).join("") + "</ol>";
      } else {
        const expected = question.items
          .map(function (item, i) {
            return item.right ? i : -1;
          })
          .filter(function (i) {
            return i >= 0;
          });
        right = given.join(",") === expected.join(",");
        const shown = expected.map(function (i) {
          const text = question.items[i].text;
          return question.kind === "choice" ? inline(text) : "<code>" + escapeHtml(text) + "</code>";
        });
        key = shown.length ? shown.join(", ") : "none of them";
        if (question.kind === "printed") {
          key = "it prints " + key + ".";
        }
      }
      feedback.dataset.verdict = right ? "right" : "wrong";
      feedback.innerHTML =
        "<p><strong>" + (right ? "Right." : "Not quite.") + "</strong> " +
        (right ? "" : "The answer: ") + (question.kind === "order" ? "" : key) + "</p>" +
        (question.kind === "order" && !right ? key : "") +
        "<p>" + inline(question.why || "") + "</p>" +
        '<p class="quiz-see">See ' + inline(question.see || "") + "</p>";
      check.hidden = true;
      again.hidden = false;
      again.focus();
    });
    again.addEventListener("click", function () {
      reset();
      changed();
      first().focus();
    });
    return box;
  }

  document.querySelectorAll('script[type="text/x-quiz"]').forEach(function (script) {
    const quiz = element("div", "quiz");
    quiz.dataset.quiz = script.id;
    quiz.appendChild(
      element("p", "quiz-intro", "Answer first, then check: the keys of the questions about output come from the programs' checked output.")
    );
    parse(script.textContent).forEach(function (question, i) {
      quiz.appendChild(render(question, script.id, i + 1));
    });
    script.after(quiz);
  });
})();
