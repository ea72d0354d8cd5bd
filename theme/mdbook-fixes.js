// Small fixes to mdBook's own page (mdBook 0.5.4), for readers with a keyboard or a screen
// reader. The browser test runs axe on every page in every theme (xtask/browser/check_book.py);
// what mdBook gets wrong that these do not fix is listed there, each with the reason.
"use strict";

(function () {
  // The sidebar toggle is a <label> for a checkbox that mdBook hides (display: none): a label
  // may not carry the aria-label and aria-expanded it is given, and a keyboard cannot reach it.
  // A real button takes its place in the menu bar, with its icon and name; pressing it clicks
  // the label, so that mdBook does what it does on a click, and the aria-expanded that mdBook's
  // book.js keeps on the label at each toggle is copied onto the button.
  const label = document.getElementById("mdbook-sidebar-toggle");
  if (label) {
    const button = document.createElement("button");
    button.type = "button";
    button.id = "mdbook-sidebar-toggle-button";
    button.className = label.className;
    button.title = label.title;
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", label.getAttribute("aria-label") || label.title);
    button.setAttribute("aria-controls", label.getAttribute("aria-controls") || "mdbook-sidebar");
    const expanded = function () {
      button.setAttribute("aria-expanded", label.getAttribute("aria-expanded") === "true" ? "true" : "false");
    };
    expanded();
    new MutationObserver(expanded).observe(label, { attributes: true, attributeFilter: ["aria-expanded"] });
    button.addEventListener("click", function () {
      label.click();
    });
    label.before(button);
    label.hidden = true;
  }

  // The menu bar (the book's title and its buttons) and the search bar are outside every
  // landmark; they are the page's banner and its search.
  const menu = document.getElementById("mdbook-menu-bar");
  if (menu) {
    menu.setAttribute("role", "banner");
  }
  const search = document.getElementById("mdbook-search-wrapper");
  if (search) {
    search.setAttribute("role", "search");
  }
  // The search bar is named by its placeholder only, and described by the results' header
  // under an id that header does not have.
  const bar = document.getElementById("mdbook-searchbar");
  if (bar) {
    bar.setAttribute("aria-label", (bar.placeholder || "Search this book").replace(/\s*\.+$/, ""));
    if (document.getElementById("mdbook-searchresults-header")) {
      bar.setAttribute("aria-describedby", "mdbook-searchresults-header");
    }
  }

  // A code block or table too wide for the page scrolls sideways; a keyboard can scroll it only
  // if it can be focused. Each that scrolls (at this width: checked again when it changes) and
  // has nothing focusable inside gets a place in the Tab order.
  const scrollers = document.querySelectorAll("pre > code, .table-wrapper");
  function focusable() {
    scrollers.forEach(function (box) {
      const scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute("tabindex") && !box.querySelector("a, button, input, [tabindex]")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrolls = "";
      } else if (!scrolls && box.dataset.scrolls !== undefined) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrolls;
      }
    });
  }
  focusable();
  if (document.fonts) {
    document.fonts.ready.then(focusable);
  }
  if (window.ResizeObserver) {
    new ResizeObserver(focusable).observe(document.getElementById("mdbook-content") || document.body);
  }
})();
