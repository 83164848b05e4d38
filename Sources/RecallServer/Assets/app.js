// Recall's page script: keyboard shortcuts, the study session, the live import preview, and small
// enhancements. Every page works without it. It builds DOM nodes with textContent only: the
// Content-Security-Policy requires Trusted Types with no policy, so assigning a string to innerHTML
// would throw, and card text can never become markup.
"use strict";

(() => {
  const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
  document.documentElement.classList.add("js");

  // ---- Small helpers ----

  /** Creates an element: attributes (event handlers for on* keys) and children (strings become text). */
  function h(tag, attributes = {}, ...children) {
    const svg = tag.startsWith("svg:");
    const element = svg
      ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
      : document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") {
        element.addEventListener(key.slice(2).toLowerCase(), value);
      } else {
        element.setAttribute(key, value === true ? "" : String(value));
      }
    }
    append(element, children);
    return element;
  }

  function append(parent, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function replaceChildren(element, ...children) {
    element.replaceChildren();
    append(element, children);
  }

  /** A shared icon from the page (the server draws them), cloned; or nothing. */
  function icon(name) {
    const template = document.querySelector(`template[data-icon="${name}"]`);
    return template ? template.content.cloneNode(true) : null;
  }

  /** Calls the JSON API; throws an Error with the server's message on failure. */
  async function api(method, path, body) {
    const options = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (method !== "GET") options.headers["X-CSRF-Token"] = csrfToken;
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = new Error(data?.error?.message ?? `The server answered ${response.status}.`);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  let toastTimer = 0;
  function toast(message, kind = "info") {
    document.querySelector(".toast")?.remove();
    const element = h("div", { class: `toast${kind === "error" ? " toast-error" : ""}`, role: kind === "error" ? "alert" : "status" }, message);
    document.body.append(element);
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => element.remove(), kind === "error" ? 6000 : 2600);
  }

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }

  function plural(count, word) {
    return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
  }

  function relative(date) {
    const seconds = (date.getTime() - Date.now()) / 1000;
    const magnitude = Math.abs(seconds);
    if (magnitude < 60) return seconds >= 0 ? "in a moment" : "just now";
    let text;
    if (magnitude < 3600) text = plural(Math.floor(magnitude / 60), "minute");
    else if (magnitude < 86400) text = plural(Math.floor(magnitude / 3600), "hour");
    else if (magnitude < 86400 * 60) text = plural(Math.round(magnitude / 86400), "day");
    else text = plural(Math.round(magnitude / (86400 * 30.4)), "month");
    return seconds >= 0 ? `in ${text}` : `${text} ago`;
  }

  /** Card text blocks from the API as DOM: paragraphs with line breaks, lists, bold, italic, code, images. */
  function renderBlocks(blocks) {
    const fragment = document.createDocumentFragment();
    const spans = (line) => line.map((span) => {
      switch (span.style) {
        case "bold": return h("strong", {}, span.text);
        case "italic": return h("em", {}, span.text);
        case "code": return h("code", {}, span.text);
        // The server sends only single safe file names as images; encoding keeps each one path segment.
        case "image": return h("img", { src: `/media/${encodeURIComponent(span.text)}`, alt: "" });
        default: return document.createTextNode(span.text);
      }
    });
    for (const block of blocks) {
      if (block.kind === "lines") {
        const paragraph = h("p");
        block.lines.forEach((line, index) => {
          if (index > 0) paragraph.append(h("br"));
          append(paragraph, spans(line));
        });
        fragment.append(paragraph);
      } else {
        fragment.append(h(block.kind === "numbers" ? "ol" : "ul", {}, block.lines.map((line) => h("li", {}, spans(line)))));
      }
    }
    return fragment;
  }

  /** The check mark the server draws for a finished session. */
  function checkMark() {
    return h("div", { class: "done-mark", "aria-hidden": "true" },
      h("svg:svg", { class: "icon", viewBox: "0 0 24 24", focusable: "false" },
        h("svg:path", { d: "M5 12.5l4.5 4.5L19 7.5" })));
  }

  /** A horizontal bar of segments, as the server draws them (SVG, no inline styles). */
  function stackedBar(segments, label) {
    const total = Math.max(1, segments.reduce((sum, segment) => sum + segment.count, 0));
    const bar = h("svg:svg", { class: "bar", role: "img", "aria-label": label, preserveAspectRatio: "none" });
    bar.append(h("svg:title", {}, label));
    bar.append(h("svg:rect", { x: "0", y: "0", width: "100%", height: "100%", class: "bar-track" }));
    let x = 0;
    for (const segment of segments) {
      if (segment.count <= 0) continue;
      const width = (segment.count / total) * 100;
      bar.append(h("svg:rect", { x: `${x}%`, y: "0", width: `${width}%`, height: "100%", class: segment.className }));
      x += width;
    }
    return bar;
  }

  // ---- Shortcuts, dialogs and small enhancements on every page ----

  const shortcutsDialog = document.getElementById("shortcuts");
  const shortcutButton = document.querySelector('[data-action="shortcuts"]');
  if (shortcutButton && shortcutsDialog) {
    shortcutButton.hidden = false;
    shortcutButton.addEventListener("click", () => shortcutsDialog.showModal());
  }

  let pendingG = 0;
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    if (event.key === "?" && shortcutsDialog) {
      event.preventDefault();
      shortcutsDialog.showModal();
      return;
    }
    if (event.key === "/") {
      event.preventDefault();
      const search = document.getElementById("browse-q");
      if (search) search.focus();
      else location.href = "/browse";
      return;
    }
    if (event.key === "g") {
      pendingG = Date.now();
      return;
    }
    if (Date.now() - pendingG < 1200) {
      const targets = { d: "/", i: "/import", b: "/browse", s: "/stats", t: "/settings" };
      if (targets[event.key]) {
        event.preventDefault();
        location.href = targets[event.key];
      }
      pendingG = 0;
    }
  });

  /** Asks before a destructive button submits its form. */
  function confirmDialog(title, message, confirmLabel) {
    return new Promise((resolve) => {
      const dialog = h("dialog", { class: "dialog", "aria-labelledby": "confirm-title" },
        h("h2", { id: "confirm-title" }, title),
        h("p", { class: "muted" }, message),
        h("div", { class: "form-actions" },
          h("button", { type: "button", class: "btn btn-secondary", onclick: () => dialog.close("cancel") }, "Cancel"),
          h("button", { type: "button", class: "btn btn-danger", onclick: () => dialog.close("confirm") }, confirmLabel)));
      dialog.addEventListener("close", () => {
        resolve(dialog.returnValue === "confirm");
        dialog.remove();
      });
      document.body.append(dialog);
      dialog.showModal();
      dialog.querySelector(".btn-danger").focus();
    });
  }

  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", async (event) => {
      const form = button.form;
      if (!form || form.dataset.confirmed === "yes") return;
      event.preventDefault();
      const selected = form.id === "bulk-actions"
        ? document.querySelectorAll('input[name="ids"][form="bulk-actions"]:checked').length : 1;
      if (selected === 0) {
        toast("Tick the cards to delete first.", "error");
        return;
      }
      const ok = await confirmDialog(
        selected === 1 ? "Delete this card?" : `Delete ${selected} cards?`,
        "Their review history goes with them, and this cannot be undone. Suspending keeps them out of study instead.",
        "Delete");
      if (!ok) return;
      form.append(h("input", { type: "hidden", name: "confirm", value: "yes" }));
      form.append(h("input", { type: "hidden", name: "action", value: button.value }));
      form.dataset.confirmed = "yes";
      form.submit();
    });
  }

  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    form.addEventListener("change", () => form.submit());
  }
  const filters = document.getElementById("browse-filters");
  filters?.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement) filters.submit();
  });

  for (const range of document.querySelectorAll('input[type="range"][data-output]')) {
    const output = document.getElementById(range.dataset.output);
    const update = () => { output.textContent = `${Math.round(Number(range.value) * 100)}%`; };
    range.addEventListener("input", update);
  }

  const themeForm = document.querySelector(".theme-form");
  if (themeForm) {
    themeForm.querySelector("[data-theme-submit]").hidden = true;
    themeForm.addEventListener("change", async (event) => {
      const theme = event.target.value;
      try {
        await api("PUT", "/api/v1/settings", { theme });
        if (theme === "system") document.documentElement.removeAttribute("data-theme");
        else document.documentElement.setAttribute("data-theme", theme);
        toast("Theme saved.");
      } catch (error) {
        toast(error.message, "error");
      }
    });
  }

  const selectAll = document.querySelector("[data-select-all]");
  if (selectAll) {
    const boxes = [...document.querySelectorAll('input[name="ids"][form="bulk-actions"]')];
    const count = document.querySelector("[data-selected-count]");
    const actions = [...document.querySelectorAll("#bulk-actions button")];
    const update = () => {
      const selected = boxes.filter((box) => box.checked).length;
      count.textContent = selected === 0 ? "Tick cards to act on them" : `${plural(selected, "card")} selected`;
      actions.forEach((button) => { button.disabled = selected === 0; });
      selectAll.checked = selected > 0 && selected === boxes.length;
      selectAll.indeterminate = selected > 0 && selected < boxes.length;
    };
    selectAll.hidden = false;
    selectAll.addEventListener("change", () => {
      boxes.forEach((box) => { box.checked = selectAll.checked; });
      update();
    });
    boxes.forEach((box) => box.addEventListener("change", update));
    update();
  }

  // ---- Study ----

  const study = document.getElementById("study");
  if (study) startStudy(study);

  function startStudy(root) {
    const deckId = root.dataset.deckId;
    const stage = document.getElementById("study-stage");
    const progress = root.querySelector("[data-session-progress]");
    const state = {
      mode: root.dataset.mode || "flip",
      step: null,
      revealed: false,
      check: null,
      chosen: null,
      shownAt: Date.now(),
      answers: [],
      startedAt: Date.now(),
      busy: false,
      ended: false,
    };

    const firstCard = root.dataset.cardId;
    load(firstCard ? `/api/v1/cards/${firstCard}/study?mode=${state.mode}` : nextPath());

    function nextPath(after) {
      return `/api/v1/decks/${deckId}/next?mode=${state.mode}${after ? `&after=${after}` : ""}`;
    }

    async function load(path) {
      state.busy = true;
      try {
        show(await api("GET", path));
      } catch (error) {
        toast(error.message, "error");
      } finally {
        state.busy = false;
      }
    }

    function show(step) {
      state.step = step;
      state.revealed = false;
      state.check = null;
      state.chosen = null;
      state.shownAt = Date.now();
      state.ended = false;
      render();
    }

    function updateCounts() {
      const counts = state.step?.counts ?? { review: 0, learning: 0, new: 0, total: 0 };
      for (const kind of ["review", "learning", "new"]) {
        const element = root.querySelector(`[data-count="${kind}"]`);
        if (element) element.textContent = counts[kind];
      }
      const done = state.answers.length;
      if (done === 0) {
        progress.hidden = true;
        return;
      }
      progress.hidden = false;
      const left = counts.total;
      replaceChildren(progress,
        stackedBar([{ count: done, className: "seg-done" }, { count: left, className: "bar-track" }],
          `${done} done, ${left} left`),
        h("span", {}, `${done} done · ${left} left`));
    }

    function render() {
      updateCounts();
      const step = state.step;
      if (state.ended || !step?.card) {
        replaceChildren(stage, state.answers.length > 0 ? summaryView(!step?.card) : doneView());
        stage.querySelector(".btn-primary")?.focus();
        root.dataset.ready = "true";
        return;
      }
      const card = step.card;
      const article = h("article", { class: "flashcard", "aria-live": "polite" },
        h("section", { class: "card-side card-front", "aria-label": "Question" }, renderBlocks(card.frontBlocks)));
      const revealed = state.revealed || state.check || state.chosen !== null;
      if (revealed) {
        if (state.check) article.append(checkView(state.check));
        article.append(h("hr", { class: "card-divider" }),
          h("section", { class: "card-side card-back", "aria-label": "Answer" }, renderBlocks(card.backBlocks)));
      }
      replaceChildren(stage, article, h("div", { class: "answer-bar" }, controls(card, revealed)), footer(card));
      // Focus the typing box, or the one main button before the answer shows. Never a rating button: a second
      // Space press would then rate the card by accident.
      const focusTarget = stage.querySelector("#typed") ?? stage.querySelector(".reveal") ?? stage;
      focusTarget.focus({ preventScroll: true });
      // Tells tests (and anyone curious) that the keyboard now drives the page.
      root.dataset.ready = "true";
    }

    function controls(card, revealed) {
      if (state.mode === "type" && !state.check) {
        const input = h("textarea", {
          id: "typed", rows: "2", placeholder: "Type the answer, then press Enter", autocomplete: "off",
          autocapitalize: "off", spellcheck: "false", "aria-label": "Your answer",
        });
        input.addEventListener("keydown", (event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            check(input.value);
          }
        });
        return h("form", { class: "type-form", onsubmit: (event) => { event.preventDefault(); check(input.value); } },
          input, h("button", { class: "btn btn-primary", type: "submit" }, "Check ", h("kbd", {}, "Enter")));
      }
      if (state.mode === "choice") {
        const choices = card.choices ?? [];
        const answered = state.chosen !== null;
        const buttons = choices.map((choice, index) => {
          let className = "choice";
          if (answered && index === card.correctChoice) className += " is-right";
          else if (answered && index === state.chosen) className += " is-wrong";
          return h("button", {
            class: className, type: "button", disabled: answered, "aria-keyshortcuts": String(index + 1),
            onclick: () => choose(index),
          }, h("kbd", {}, String(index + 1)), h("span", { class: "choice-text" }, renderBlocks(choice.blocks)));
        });
        const list = h("div", { class: "choices", role: "group", "aria-label": "Options" }, buttons);
        if (!answered) return list;
        const right = state.chosen === card.correctChoice;
        return [list,
          h("p", { class: `verdict ${right ? "verdict-right" : "verdict-wrong"}` },
            right ? "Right: rated Good." : "Not this one: rated Again."),
          h("button", { class: "btn btn-primary btn-large", type: "button", onclick: next }, "Next card ", h("kbd", {}, "Space"))];
      }
      if (!revealed) {
        return h("button", {
          class: "btn btn-primary btn-large reveal", type: "button", "aria-keyshortcuts": "Space",
          onclick: reveal,
        }, "Show answer ", h("kbd", {}, "Space"));
      }
      const suggested = state.check?.suggestedRating;
      const ratings = ["again", "hard", "good", "easy"];
      return h("div", { class: "ratings", role: "group", "aria-label": "How well did you know it?" },
        ratings.map((name, index) => h("button", {
          class: `rate rate-${name}${suggested === name ? " suggested" : ""}`, type: "button",
          "aria-keyshortcuts": String(index + 1), onclick: () => answer(index + 1),
        },
        h("span", { class: "rate-label" }, name[0].toUpperCase() + name.slice(1)),
        h("span", { class: "rate-interval" }, card.intervals[name]),
        h("kbd", {}, String(index + 1)))));
    }

    function footer(card) {
      return h("div", { class: "study-footer" },
        h("button", { class: "btn btn-ghost btn-small", type: "button", onclick: undo, "aria-keyshortcuts": "u" },
          "Undo ", h("kbd", {}, "U")),
        h("a", { class: "btn btn-ghost btn-small", href: `/cards/${card.id}` }, "Edit card"),
        h("button", { class: "btn btn-ghost btn-small", type: "button", onclick: end, "aria-keyshortcuts": "Escape" },
          "End ", h("kbd", {}, "Esc")));
    }

    function checkView(check) {
      const segments = check.segments.map((segment) => {
        if (segment.kind === "matched") return h("span", { class: "diff-match" }, segment.text);
        if (segment.kind === "extra") return h("del", { class: "diff-extra" }, segment.text);
        return h("ins", { class: "diff-missing" }, segment.text);
      });
      const label = check.suggestedRating[0].toUpperCase() + check.suggestedRating.slice(1);
      return h("section", { class: "check", "aria-label": "Your answer compared with the card" },
        h("p", { class: "check-score" },
          check.points
            ? [h("strong", { class: `verdict verdict-${check.points.verdict}` },
                `${check.points.hit} of ${check.points.total} point${check.points.total === 1 ? "" : "s"}`), ` · ${check.points.verdict}`]
            : [h("strong", {}, `${Math.round(check.similarity * 100)}%`), " match"],
          " · suggested ",
          h("span", { class: `badge badge-${check.suggestedRating}` }, label),
          h("span", { class: "muted" }, " (Enter accepts)")),
        h("p", { class: "diff" }, segments),
        check.missed.length ? h("p", { class: "missed" }, "Missed: ",
          check.missed.flatMap((text, index) => [index ? ", " : "", h("mark", {}, text)])) : null,
        h("p", { class: "diff-legend" }, h("span", { class: "diff-match" }, "matched"), " ",
          h("del", { class: "diff-extra" }, "typed, not in the answer"), " ",
          h("ins", { class: "diff-missing" }, "missed")));
    }

    function doneView() {
      const step = state.step;
      const nextDue = step?.nextDue ? new Date(step.nextDue) : null;
      return h("section", { class: "done", "data-done": true },
        checkMark(),
        h("h2", {}, "All done for today"),
        nextDue ? h("p", {}, "The next card is due ", h("strong", {}, relative(nextDue)), ".") : null,
        step?.flagged ? h("p", {}, `${plural(step.flagged, "card")} missing a side ${step.flagged === 1 ? "waits" : "wait"} for you: `,
          h("a", { href: `/browse?deck=${deckId}&state=flagged` }, "complete them"), ".") : null,
        h("p", { class: "done-actions" },
          h("a", { class: "btn btn-primary", href: "/" }, "Back to decks"),
          h("a", { class: "btn btn-secondary", href: `/stats?deck=${deckId}` }, "See stats")));
    }

    function summaryView(finished) {
      const answers = state.answers;
      const counts = [1, 2, 3, 4].map((rating) => answers.filter((answer) => answer.rating === rating).length);
      const remembered = answers.length - counts[0];
      const minutes = Math.max(1, Math.round((Date.now() - state.startedAt) / 60000));
      const nextDue = state.step?.nextDue ? new Date(state.step.nextDue) : null;
      const names = ["again", "hard", "good", "easy"];
      return h("section", { class: "summary", "data-summary": true },
        checkMark(),
        h("h2", {}, finished ? "Session complete" : "Session ended"),
        h("p", { class: "muted" }, finished
          ? (nextDue ? `Nothing else is due now. The next card comes back ${relative(nextDue)}.` : "Nothing else is due today.")
          : `${plural(state.step?.counts?.total ?? 0, "card")} still waiting today.`),
        h("div", { class: "summary-stats" },
          h("div", { class: "stat" }, h("span", { class: "stat-value", "data-summary-count": true }, String(answers.length)), h("span", { class: "stat-label" }, "cards answered")),
          h("div", { class: "stat" }, h("span", { class: "stat-value" }, `${Math.round((remembered / answers.length) * 100)}%`), h("span", { class: "stat-label" }, "remembered")),
          h("div", { class: "stat" }, h("span", { class: "stat-value" }, String(minutes)), h("span", { class: "stat-label" }, minutes === 1 ? "minute" : "minutes"))),
        stackedBar(names.map((name, index) => ({ count: counts[index], className: `seg-${name}` })),
          names.map((name, index) => `${counts[index]} ${name}`).join(", ")),
        h("p", { class: "rating-legend" }, names.map((name, index) =>
          h("span", {}, h("span", { class: `legend-dot legend-${name}` }), `${name[0].toUpperCase()}${name.slice(1)} ${counts[index]}`))),
        h("p", { class: "done-actions" },
          finished ? null : h("button", { class: "btn btn-primary", type: "button", onclick: () => { state.ended = false; render(); } }, "Keep studying"),
          h("a", { class: finished ? "btn btn-primary" : "btn btn-secondary", href: "/" }, "Back to decks"),
          h("a", { class: "btn btn-secondary", href: `/stats?deck=${deckId}` }, "See stats")));
    }

    function reveal() {
      if (!state.step?.card || state.mode !== "flip" || state.revealed) return;
      state.revealed = true;
      render();
    }

    async function check(typed) {
      if (state.busy || !state.step?.card) return;
      state.busy = true;
      try {
        state.check = await api("POST", `/api/v1/cards/${state.step.card.id}/check`, { answer: typed });
        render();
      } catch (error) {
        toast(error.message, "error");
      } finally {
        state.busy = false;
      }
    }

    async function choose(index) {
      const card = state.step?.card;
      if (state.busy || !card || state.chosen !== null) return;
      const rating = index === card.correctChoice ? 3 : 1;
      if (await record(card, rating)) {
        state.chosen = index;
        render();
      }
    }

    async function answer(rating) {
      const card = state.step?.card;
      if (state.busy || !card) return;
      if (await record(card, rating)) await load(nextPath(card.id));
    }

    async function record(card, rating) {
      state.busy = true;
      try {
        await api("POST", `/api/v1/cards/${card.id}/answer`, { rating, durationMs: Date.now() - state.shownAt });
        state.answers.push({ cardId: card.id, rating });
        return true;
      } catch (error) {
        toast(error.message, "error");
        return false;
      } finally {
        state.busy = false;
      }
    }

    async function next() {
      const card = state.step?.card;
      if (state.busy || !card) return;
      await load(nextPath(card.id));
    }

    async function undo() {
      if (state.busy) return;
      state.busy = true;
      try {
        const result = await api("POST", "/api/v1/undo");
        if (!result.undone) {
          toast("There is no answer to take back.");
          return;
        }
        const index = state.answers.map((answer) => answer.cardId).lastIndexOf(result.undone.id);
        if (index >= 0) state.answers.splice(index, 1);
        const step = await api("GET", `/api/v1/cards/${result.undone.id}/study?mode=${state.mode}`);
        show(step);
        toast("Answer taken back.");
      } catch (error) {
        toast(error.message, "error");
      } finally {
        state.busy = false;
      }
    }

    function end() {
      if (state.answers.length === 0) {
        location.href = "/";
        return;
      }
      state.ended = true;
      render();
    }

    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector("dialog[open]")) return;
      const typing = isTyping(event.target);
      if (event.key === "Escape") {
        if (typing) event.target.blur();
        event.preventDefault();
        end();
        return;
      }
      if (typing) return;
      const card = state.step?.card;
      if (state.ended || !card) return;
      const answered = state.chosen !== null;
      if (event.key === " " || event.key === "Enter") {
        if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) {
          if (event.key === "Enter") return;
        }
        event.preventDefault();
        if (state.mode === "flip" && !state.revealed) reveal();
        else if (state.mode === "choice" && answered) next();
        else if (state.mode === "type" && state.check && event.key === "Enter") {
          answer(["again", "hard", "good", "easy"].indexOf(state.check.suggestedRating) + 1);
        }
        return;
      }
      if (["1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        const number = Number(event.key);
        if (state.mode === "choice") {
          if (!answered && number <= (card.choices?.length ?? 0)) choose(number - 1);
        } else if (state.revealed || state.check) {
          answer(number);
        }
        return;
      }
      if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        undo();
      }
    });
  }

  // ---- Import ----

  const importSource = document.getElementById("import-source");
  if (importSource) startImport(importSource);

  function startImport(sourceForm) {
    const text = document.getElementById("import-text");
    const fileInput = document.getElementById("import-file");
    const format = document.getElementById("import-format");
    const container = document.getElementById("import-preview");
    const hint = sourceForm.querySelector("[data-live-hint]");
    if (hint) hint.hidden = false;
    const state = { cards: [], format: "auto", deckName: "", deckEdited: false, fileName: null, dirty: false, warnings: 0 };
    let timer = 0;
    let sequence = 0;

    // The server-rendered editor (after a no-script round trip) is replaced by the live one.
    const existing = document.getElementById("import-editor");
    if (existing) {
      state.deckName = existing.querySelector("#deck-name")?.value ?? "";
      state.deckEdited = true;
    }
    if (text.value.trim()) preview();

    text.addEventListener("input", () => {
      state.fileName = null;
      schedule();
    });
    format.addEventListener("change", () => preview());
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      // A package or a Recall JSON export is a whole collection, not text: the package form below previews it.
      const packageForm = document.getElementById("import-package");
      const packageInput = document.getElementById("package-file");
      const isExport = /\.json$/i.test(file.name) &&
        /^\s*\{\s*"format"\s*:\s*"recall-collection"/.test(await file.slice(0, 256).text());
      if ((/\.(apkg|colpkg)$/i.test(file.name) || isExport) && packageForm && packageInput) {
        packageInput.files = fileInput.files;
        packageForm.requestSubmit();
        fileInput.value = "";
        return;
      }
      if (file.size > 16 * 1024 * 1024) {
        toast("That file is larger than the 16 MB Recall imports at once. Split it into smaller files.", "error");
        fileInput.value = "";
        return;
      }
      text.value = await file.text();
      state.fileName = file.name;
      state.deckEdited = false;
      preview();
    });
    sourceForm.addEventListener("submit", (event) => {
      event.preventDefault();
      preview();
    });

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(preview, 350);
    }

    async function preview() {
      clearTimeout(timer);
      if (state.dirty && !(await confirmDialog("Replace your edits?",
        "The preview is read again from your notes, and the fixes you made below are lost.", "Replace"))) return;
      const body = { text: text.value, format: format.value };
      if (state.fileName) body.fileName = state.fileName;
      const current = ++sequence;
      if (!text.value.trim()) {
        state.cards = [];
        replaceChildren(container, h("div", { class: "preview-placeholder" },
          h("p", { class: "muted" }, "The cards Recall finds appear here, with anything it was unsure of marked at its line.")));
        return;
      }
      try {
        const result = await api("POST", "/api/v1/import/preview", body);
        if (current !== sequence) return;
        state.cards = result.cards.map((card) => ({ ...card }));
        state.format = result.format;
        state.formatLabel = format.querySelector(`option[value="${result.format}"]`)?.textContent ?? result.format;
        state.warnings = result.warnings.length;
        if (!state.deckEdited) state.deckName = result.deckName;
        state.dirty = false;
        renderEditor();
      } catch (error) {
        if (current !== sequence) return;
        replaceChildren(container, h("div", { class: "notice notice-error", role: "alert" }, error.message));
      }
    }

    function edited() {
      state.dirty = true;
    }

    function renderEditor(focus) {
      const cards = state.cards;
      const flagged = cards.filter((card) => !card.front.trim() || !card.back.trim()).length;
      const deckInput = h("input", {
        id: "deck-name", name: "deck", type: "text", value: state.deckName, required: true, maxlength: "200",
        autocomplete: "off",
      });
      deckInput.addEventListener("input", () => {
        state.deckName = deckInput.value;
        state.deckEdited = true;
      });
      const saveButton = h("button", { class: "btn btn-primary btn-large", type: "submit", "data-save": true },
        `Save ${plural(cards.length, "card")}`);
      const form = h("form", { class: "import-editor", id: "import-editor", novalidate: true },
        h("div", { class: "preview-header" },
          h("h2", {}, "Preview"),
          h("p", { class: "preview-summary" },
            h("span", { class: "badge badge-review" }, plural(cards.length, "card")),
            flagged ? h("span", { class: "badge badge-flagged", "data-flagged-count": true }, `${flagged} missing a side`) : null,
            state.warnings ? h("span", { class: "badge badge-learning" }, plural(state.warnings, "warning")) : null,
            h("span", { class: "badge badge-muted" }, state.formatLabel ?? state.format))),
        h("div", { class: "field" }, h("label", { for: "deck-name" }, "Save to deck"), deckInput),
        h("ol", { class: "preview-list", role: "list" }, cards.map((card, index) => cardEditor(card, index))),
        h("div", { class: "save-bar" },
          h("p", { class: "save-note" }, flagged === 0
            ? "Every card has a question and an answer."
            : "Cards missing a side are kept, but stay out of study until you complete them."),
          saveButton));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        save(saveButton);
      });
      replaceChildren(container, form);
      if (focus) container.querySelector(focus)?.focus();
    }

    function cardEditor(card, index) {
      const last = index === state.cards.length - 1;
      const missingFront = !card.front.trim();
      const missingBack = !card.back.trim();
      const item = h("li", {
        class: `preview-card${missingFront || missingBack ? " is-flagged" : ""}${card.warnings?.length ? " has-warning" : ""}`,
        "data-index": index,
      });
      const badge = h("span", { class: "badge badge-flagged", "data-missing": true },
        missingFront ? "No question" : "No answer");
      badge.hidden = !(missingFront || missingBack);
      const side = (name, label, placeholder) => {
        const area = h("textarea", {
          id: `${name}-${index}`, name, rows: String(Math.min(8, Math.max(2, card[name].split("\n").length))),
          placeholder,
        });
        area.value = card[name];
        area.addEventListener("input", () => {
          card[name] = area.value;
          edited();
          const front = !card.front.trim();
          const back = !card.back.trim();
          item.classList.toggle("is-flagged", front || back);
          badge.hidden = !(front || back);
          badge.textContent = front ? "No question" : "No answer";
          const count = state.cards.filter((c) => !c.front.trim() || !c.back.trim()).length;
          const summary = container.querySelector("[data-flagged-count]");
          if (summary) {
            summary.textContent = `${count} missing a side`;
            summary.hidden = count === 0;
          }
        });
        return h("div", { class: "field" }, h("label", { for: `${name}-${index}` }, label), area);
      };
      const lines = card.back.split("\n");
      let split = null;
      if (lines.length >= 2) {
        const select = h("select", { id: `split-at-${index}`, class: "split-select" },
          lines.slice(1).map((line, offset) => h("option", { value: String(offset + 1) }, `Before “${line.slice(0, 40)}”`)));
        split = h("span", { class: "split-control" },
          h("label", { class: "visually-hidden", for: `split-at-${index}` }, "Split the back before line"),
          select,
          h("button", {
            class: "btn btn-ghost btn-small", type: "button", "data-op": "split",
            onclick: () => splitCard(index, Number(select.value)),
          }, "Split"));
      }
      append(item, [
        h("div", { class: "preview-card-head" },
          h("span", { class: "card-number" }, String(index + 1)),
          h("span", { class: "line-ref" }, `line ${card.line}`),
          badge,
          h("span", { class: "card-tools" },
            last ? null : h("button", {
              class: "btn btn-ghost btn-small", type: "button", "data-op": "merge", onclick: () => merge(index),
              "aria-label": "Merge with the next card", title: "Merge with the next card",
            }, "Merge"),
            split,
            h("button", { class: "btn btn-ghost btn-small btn-danger-text", type: "button", "data-op": "delete", onclick: () => remove(index) }, "Remove"))),
        card.warnings?.length ? h("ul", { class: "warnings", role: "list" }, card.warnings.map((warning) =>
          h("li", { class: "warning" }, h("span", {}, h("span", { class: "warning-line" }, `Line ${warning.line}`), " ", warning.message)))) : null,
        h("div", { class: "sides" },
          side("front", "Front", "The question is missing: type it here"),
          side("back", "Back", "The answer is missing: type it here")),
      ]);
      return item;
    }

    function merge(index) {
      const [card, next] = [state.cards[index], state.cards[index + 1]];
      if (!next) return;
      card.back = [card.back, next.front, next.back].filter((part) => part.trim()).join("\n");
      card.warnings = [...(card.warnings ?? []), ...(next.warnings ?? [])];
      card.tags = [...new Set([...(card.tags ?? []), ...(next.tags ?? [])])];
      state.cards.splice(index + 1, 1);
      edited();
      renderEditor(`#back-${index}`);
      toast(`Cards ${index + 1} and ${index + 2} merged.`);
    }

    function splitCard(index, line) {
      const card = state.cards[index];
      const lines = card.back.split("\n");
      if (line < 1 || line >= lines.length) return;
      card.back = lines.slice(0, line).join("\n");
      const created = {
        front: lines[line].trim(), back: lines.slice(line + 1).join("\n"), line: card.line + line + 1,
        tags: [...(card.tags ?? [])], warnings: [],
      };
      state.cards.splice(index + 1, 0, created);
      edited();
      renderEditor(`#front-${index + 1}`);
      toast(`Card ${index + 1} split in two.`);
    }

    function remove(index) {
      state.cards.splice(index, 1);
      edited();
      renderEditor();
      toast(`Card ${index + 1} removed.`);
    }

    async function save(button) {
      if (!state.deckName.trim()) {
        toast("Give the deck a name.", "error");
        container.querySelector("#deck-name")?.focus();
        return;
      }
      button.disabled = true;
      try {
        const cards = state.cards.map((card) => ({ front: card.front, back: card.back, line: card.line, tags: card.tags ?? [] }));
        const result = await api("POST", "/api/v1/import", { deck: state.deckName, cards });
        state.dirty = false;
        location.href = `/?saved=${result.deckId}&added=${result.added}&updated=${result.updated}&flagged=${result.flagged}`;
      } catch (error) {
        toast(error.message, "error");
        button.disabled = false;
      }
    }
  }
})();
