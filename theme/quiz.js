// The book's questions (written in the pages between <!-- quiz: ... --> and <!-- /quiz -->; the
// format and the checks of their answer keys are in xtask/src/quiz.rs). In place of each question
// the book's preprocessor (cargo xtask quiz-preprocessor) leaves a <div class="quiz"> that holds
// the question's data as JSON, its parts already HTML, and a plain version for a reader without
// JavaScript. This turns the data into a question the reader answers before the program's output
// unfolds. Plain JavaScript, no network: everything it needs is in the page.
"use strict";

(function () {
  // The print page holds every chapter at once; there the plain version stays.
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

  // A line of output is shown as code; a time or an answer to a choice as the page wrote it.
  function shown(question, item) {
    return question.kind === "order" || question.kind === "printed"
      ? "<code>" + escapeHtml(item.text) + "</code>"
      : item.html;
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

  // mdBook's book.js colours the code of the page before this script runs; the questions' code
  // arrives later, so it gets the same treatment here (highlight.js, which mdBook ships).
  function highlight(root) {
    root.querySelectorAll("pre code").forEach(function (block) {
      if (window.hljs && hljs.highlightBlock) {
        hljs.highlightBlock(block);
      }
      block.classList.add("hljs");
    });
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
  function render(box, question) {
    box.classList.add("quiz-question");
    box.dataset.kind = question.kind;
    const ask = element("div", "quiz-ask", question.ask);
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
        const button = element("button", "quiz-line", shown(question, item));
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
        label.appendChild(element("span", "", " " + shown(question, item)));
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

    // The program's output, folded until the reader has checked an answer (or opens it).
    let output = null;
    if (question.output) {
      output = element("details", "quiz-output");
      output.appendChild(element("summary", "", "What the program printed"));
      output.appendChild(element("div", "", question.output));
      box.appendChild(output);
    }

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
        const keys = expected.map(function (i) {
          return shown(question, question.items[i]);
        });
        key = keys.length ? keys.join(", ") : "none of them";
        if (question.kind === "printed") {
          key = "it prints " + key + ".";
        }
      }
      feedback.dataset.verdict = right ? "right" : "wrong";
      feedback.innerHTML =
        "<p><strong>" + (right ? "Right." : "Not quite.") + "</strong> " +
        (right ? "" : "The answer: ") + (question.kind === "order" ? "" : key) + "</p>" +
        (question.kind === "order" && !right ? key : "") +
        question.why +
        (question.see ? '<div class="quiz-see">' + question.see + "</div>" : "");
      highlight(feedback);
      if (output) {
        output.open = true;
      }
      check.hidden = true;
      again.hidden = false;
      again.focus();
    });
    // Trying again puts the question back as it was handed out, output folded.
    again.addEventListener("click", function () {
      reset();
      changed();
      if (output) {
        output.open = false;
      }
      first().focus();
    });
  }

  document.querySelectorAll("div.quiz").forEach(function (box) {
    const data = box.querySelector("script.quiz-data");
    if (!data) {
      return;
    }
    const question = JSON.parse(data.textContent);
    box.querySelectorAll(".quiz-static").forEach(function (plain) {
      plain.remove();
    });
    render(box, question);
    highlight(box);
  });
})();
