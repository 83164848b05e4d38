#!/usr/bin/env python3
"""End-to-end tests of `recall serve` in a real browser: Debian's chromium driven by PyPI playwright.

The script starts `recall serve` on a free loopback port with a fresh collection, then, as a student would:
pastes the seed deck on Import, fixes its two flagged cards, saves, studies five cards with the keyboard, undoes
one, checks that Stats changed; tries the typed-answer and multiple-choice modes, merges and splits cards in the
import editor, browses, edits and suspends a card, switches to the dark theme, sets an exam date and reads its
readiness chart on Stats, then clears it; imports an Anki package (picked in the text form, previewed, saved) and
sees its image on a card; checks that a deck whose cards
hold `<img src=x onerror=...>` and `<script>` stays inert (no dialog, no request, no script); and uses the app
with JavaScript off. Every page is screenshotted at desktop and 360 px phone width into a folder printed at the
end. Any console error (a Content-Security-Policy violation included) fails the run.

    python3 Tests/e2e/run_e2e.py [--binary .build/debug/recall] [--out DIR] [--docs]

--docs copies a few screenshots into docs/screenshots/. Exits 1 on the first failure. Playwright must be
installed (pip install playwright) and chromium must be on PATH: `playwright install` is never run.
"""

import argparse
import datetime
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from playwright.sync_api import expect, sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = (ROOT / "examples" / "khrushchev.txt").read_text(encoding="utf-8")
SEED_DECK = "Khrushchev GOVERNMENT Flashcards"
# Made by Anki itself (scripts/anki/make_fixtures.py): 46 cards in 5 decks, one image (cell.png).
PACKAGE = ROOT / "Tests" / "RecallAnkiTests" / "Fixtures" / "legacy2.apkg"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 360, "height": 780}
HOSTILE_FRONT = '<img src=x onerror="window.__xss=1;fetch(\'/xss-probe\')">'
HOSTILE_BACK = "<script>window.__xss=2;fetch('/xss-probe')</script> & <b>bold?</b>"
DOC_SHOTS = ["desktop-decks", "desktop-import-preview", "desktop-study-answer", "desktop-study-typed", "desktop-stats",
             "desktop-browse", "desktop-dark-import", "phone-decks", "phone-study-answer", "phone-import-preview",
             "phone-stats"]


class Server:
    """`recall serve` on a free port, with its own collection; stopped with SIGTERM."""

    def __init__(self, binary, collection):
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", "--collection", collection],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        self.url = None
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if match:
                self.url = match.group(1)
                break
        if not self.url:
            self.process.kill()
            raise RuntimeError("recall serve did not print its URL:\n" + self.process.stderr.read())

    def stop(self):
        self.process.terminate()
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise RuntimeError("recall serve did not stop within 20 s of SIGTERM")
        if code != 0:
            raise RuntimeError(f"recall serve exited with {code} after SIGTERM:\n{self.process.stderr.read()}")


class Run:
    def __init__(self, browser, base, out):
        self.browser = browser
        self.base = base
        self.out = out
        self.console_errors = []
        self.shots = []

    def context(self, viewport, **options):
        context = self.browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(10_000)
        return context

    def watch(self, page):
        def on_console(message):
            if message.type == "error":
                self.console_errors.append(f"{page.url}: {message.text}")
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"{page.url}: {error}"))
        return page

    def shot(self, page, name, full_page=True):
        path = self.out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        self.shots.append(path)

    def phone(self, path, name, prepare=None):
        """Screenshots `path` at phone width, as the top of the screen a student sees."""
        context = self.context(PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = self.watch(context.new_page())
        page.goto(self.base + path)
        if prepare:
            prepare(page)
        page.wait_for_timeout(150)
        overflow = page.evaluate("document.documentElement.scrollWidth") - PHONE["width"]
        check(overflow <= 0, f"{path} is {overflow}px wider than a 360px phone")
        self.shot(page, f"phone-{name}", full_page=False)
        context.close()


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def api(page, method, path, body=None):
    """Calls the JSON API from inside the page, with its CSRF token, as the page's own script does."""
    return page.evaluate(
        """async ([method, path, body]) => {
          const token = document.querySelector('meta[name="csrf-token"]').content;
          const response = await fetch(path, {method, headers: {'Content-Type': 'application/json',
            'X-CSRF-Token': token}, body: body === null ? undefined : JSON.stringify(body)});
          return {status: response.status, body: await response.json().catch(() => null)};
        }""", [method, path, body])


def open_study(page, url):
    """Opens a study page and waits until its script has taken over the keyboard."""
    page.goto(url)
    expect(page.locator("#study[data-ready]")).to_have_count(1)


def test_import_fix_and_save(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/")
    expect(page.get_by_role("heading", name="No decks yet")).to_be_visible()
    run.shot(page, "desktop-decks-empty")

    page.get_by_role("link", name="Import").first.click()
    expect(page).to_have_url(run.base + "/import")
    run.shot(page, "desktop-import-empty")
    page.locator("#import-text").fill(SEED)
    cards = page.locator(".preview-card")
    expect(cards).to_have_count(27)
    expect(page.locator(".preview-summary")).to_contain_text("2 missing a side")
    for line in (2, 52, 81):
        expect(page.locator(".warning-line", has_text=f"Line {line}")).to_have_count(1)
    expect(page.locator("#deck-name")).to_have_value(SEED_DECK)
    run.shot(page, "desktop-import-preview", full_page=False)

    flagged = page.locator(".preview-card.is-flagged")
    expect(flagged).to_have_count(2)
    visible_badge = "[data-missing]:not([hidden])"
    no_question = page.locator(".preview-card", has=page.locator(visible_badge, has_text="No question"))
    no_question.locator("textarea[name=front]").fill("What were the aims of Khrushchev's government?")
    no_answer = page.locator(".preview-card", has=page.locator(visible_badge, has_text="No answer"))
    expect(no_answer.locator("textarea[name=front]")).to_have_value("When was the anti-party coup?")
    no_answer.locator("textarea[name=back]").fill("June 1957")
    expect(page.locator(".preview-card.is-flagged")).to_have_count(0)
    run.shot(page, "desktop-import-fixed")

    page.get_by_role("button", name=re.compile(r"Save 27 cards")).click()
    expect(page).to_have_url(re.compile(r"/\?saved=\d+"))
    expect(page.locator(".notice-success")).to_contain_text("Saved: 27 new cards.")
    expect(page.locator(".deck-row")).to_have_count(1)
    check("missing a side" not in page.locator(".deck-row").inner_text(), "the fixed cards still count as missing")
    run.shot(page, "desktop-decks")
    context.close()


def test_import_editor_merge_and_split(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/import")
    page.locator("#import-text").fill("Q: Capital of France?\nA: Paris\nCapital of Spain?\nMadrid\n"
                                      "Q: Largest ocean?\nA: Pacific\nQ: Longest river?\nA: Nile\n")
    page.locator("#import-format").select_option("qa")
    expect(page.locator(".preview-card")).to_have_count(3)
    first_back = page.locator("#back-0")
    expect(first_back).to_have_value(re.compile(r"Paris\nCapital of Spain\?\nMadrid"))
    page.locator("#split-at-0").select_option("1")
    page.locator(".preview-card").nth(0).get_by_role("button", name="Split").click()
    expect(page.locator(".preview-card")).to_have_count(4)
    expect(page.locator("#front-1")).to_have_value("Capital of Spain?")
    expect(page.locator("#back-1")).to_have_value("Madrid")
    page.locator(".preview-card").nth(2).get_by_role("button", name="Merge with the next card").click()
    expect(page.locator(".preview-card")).to_have_count(3)
    expect(page.locator("#back-2")).to_have_value("Pacific\nLongest river?\nNile")
    page.locator(".preview-card").nth(2).get_by_role("button", name="Remove").click()
    expect(page.locator(".preview-card")).to_have_count(2)
    page.locator("#deck-name").fill("Capitals")
    page.get_by_role("button", name="Save 2 cards").click()
    expect(page.locator(".notice-success")).to_contain_text("Saved: 2 new cards.")
    context.close()


def test_study_with_the_keyboard(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/stats")
    before = int(page.locator(".tile-value").first.inner_text().replace(",", ""))
    page.goto(run.base + "/")
    page.locator(".deck-row", has_text="Khrushchev").get_by_role("link", name=re.compile("Study")).click()
    expect(page.locator("#study[data-ready]")).to_have_count(1)
    expect(page.locator(".card-front")).to_be_visible()
    run.shot(page, "desktop-study-front")
    fronts = []
    for index, key in enumerate(["3", "3", "4", "1", "3"]):
        front = page.locator(".card-front").inner_text()
        fronts.append(front)
        page.keyboard.press("Space")
        expect(page.locator(".card-back")).to_be_visible()
        expect(page.locator(".rate-good .rate-interval")).not_to_be_empty()
        if index == 0:
            run.shot(page, "desktop-study-answer")
        page.keyboard.press(key)
        expect(page.locator("[data-session-progress]")).to_contain_text(f"{index + 1} done")
        if index < 4:
            expect(page.locator(".card-front")).not_to_have_text(front)
    page.keyboard.press("u")
    expect(page.locator(".toast")).to_contain_text("Answer taken back")
    expect(page.locator("[data-session-progress]")).to_contain_text("4 done")
    expect(page.locator(".card-front")).to_have_text(fronts[4])
    check(page.locator(".card-back").count() == 0, "after undo the card shows its front only")
    run.shot(page, "desktop-study-undone")

    deck = next(deck for deck in api(page, "GET", "/api/v1/decks")["body"] if deck["name"].startswith("Khrushchev"))
    stats = api(page, "GET", f"/api/v1/stats?deck={deck['id']}")["body"]
    check(stats["summary"]["reviewedToday"] == 4, f"4 answers kept after the undo, not {stats['summary']['reviewedToday']}")

    page.keyboard.press("Escape")
    expect(page.locator("[data-summary]")).to_be_visible()
    expect(page.locator("[data-summary-count]")).to_have_text("4")
    run.shot(page, "desktop-study-summary")

    page.goto(run.base + "/stats")
    after = int(page.locator(".tile-value").first.inner_text().replace(",", ""))
    check(after == before + 4, f"Stats showed {before} answered today, then {after}; expected {before + 4}")
    expect(page.locator(".heatmap .heat-1, .heatmap .heat-2, .heatmap .heat-3, .heatmap .heat-4")).not_to_have_count(0)
    expect(page.locator(".chart-card")).to_have_count(5)
    run.shot(page, "desktop-stats")
    context.close()


def test_typed_and_choice_modes(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/")
    href = page.locator(".deck-row", has_text="Khrushchev").get_by_role("link", name=re.compile("Study")).get_attribute("href")
    open_study(page, run.base + href + "?mode=type")
    typed = page.locator("#typed")
    expect(typed).to_be_focused()
    # Type the answer the way a student half-remembers it: its first line, with a slip.
    deck_id = href.rsplit("/", 1)[-1]
    back = api(page, "GET", f"/api/v1/decks/{deck_id}/next?mode=type")["body"]["card"]["back"]
    first_line = back.split("\n")[0].lstrip("- ")
    typed.fill(first_line[: max(4, len(first_line) * 2 // 3)].replace("s", "z", 1))
    typed.press("Enter")
    expect(page.locator(".check")).to_be_visible()
    expect(page.locator(".diff-match").first).to_be_visible()
    expect(page.locator(".rate.suggested")).to_have_count(1)
    run.shot(page, "desktop-study-typed")
    page.keyboard.press("Enter")
    expect(page.locator("#typed")).to_be_visible()

    open_study(page, run.base + href + "?mode=choice")
    expect(page.locator(".choice")).to_have_count(4)
    page.keyboard.press("2")
    expect(page.locator(".verdict")).to_be_visible()
    expect(page.locator(".choice.is-right")).to_have_count(1)
    run.shot(page, "desktop-study-choice")
    page.keyboard.press("Space")
    expect(page.locator(".verdict")).to_have_count(0)
    context.close()


def test_browse_edit_and_suspend(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/browse")
    expect(page.locator(".cards-table tbody tr")).to_have_count(29)
    run.shot(page, "desktop-browse", full_page=False)
    page.locator("#browse-q").fill("Beria")
    page.locator("#browse-q").press("Enter")
    expect(page.locator(".subtitle")).to_contain_text("matching “Beria”")
    page.locator("#field-sort").select_option("front")
    expect(page).to_have_url(re.compile(r"sort=front"))
    expect(page.locator(".cards-table tbody tr").first).to_be_visible()
    check(not page.locator("#bulk-actions button[value=suspend]").is_enabled(), "bulk actions wait for a selection")
    page.locator(".select-cell input").nth(1).check()
    expect(page.locator("[data-selected-count]")).to_have_text("1 card selected")
    page.locator(".front-cell a", has_text="Beria’s role").click()
    expect(page.locator("#edit-back")).to_have_value("Head of the secret police (NKVD)")
    page.locator("#edit-back").fill("Head of the secret police (**NKVD**)\n- arrested in June 1953")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".notice-success")).to_contain_text("Card saved.")
    page.get_by_role("button", name="Suspend").click()
    expect(page.locator(".notice-success")).to_contain_text("1 card suspended.")
    run.shot(page, "desktop-card")
    page.get_by_role("button", name="Delete…").click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("Delete this card?")
    run.shot(page, "desktop-delete-confirm", full_page=False)
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator("dialog[open]")).to_have_count(0)
    context.close()


def test_settings_and_dark_theme(run):
    context = run.context(DESKTOP, color_scheme="light")
    page = run.watch(context.new_page())
    page.goto(run.base + "/settings")
    expect(page.locator("#opt-retention")).to_be_visible()
    run.shot(page, "desktop-settings")
    page.locator("#opt-newCardsPerDay").fill("25")
    page.get_by_role("button", name="Save options").click()
    expect(page.locator(".notice-success")).to_contain_text("Options saved.")
    page.get_by_label("Dark").check()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.goto(run.base + "/")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    run.shot(page, "desktop-dark-decks")
    page.goto(run.base + "/stats")
    run.shot(page, "desktop-dark-stats")
    page.goto(run.base + "/settings")
    page.get_by_label("Follow the system").check()
    expect(page.locator("html")).not_to_have_attribute("data-theme", "dark")
    context.close()
    dark = run.context(DESKTOP, color_scheme="dark")
    page = run.watch(dark.new_page())
    page.goto(run.base + "/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    check(background == "rgb(14, 15, 19)", f"a dark system gets the dark theme, not {background}")
    page.goto(run.base + "/import")
    page.locator("#import-text").fill(SEED)
    expect(page.locator(".preview-card")).to_have_count(27)
    run.shot(page, "desktop-dark-import", full_page=False)
    dark.close()


def test_exam_mode(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/")
    decks = api(page, "GET", "/api/v1/decks")["body"]
    deck_id = next(deck["id"] for deck in decks if deck["name"] == SEED_DECK)
    page.goto(f"{run.base}/settings?deck={deck_id}")
    tomorrow = page.locator("#exam-date").get_attribute("min")  # in the deck's own study days
    in_three_weeks = (datetime.date.fromisoformat(tomorrow) + datetime.timedelta(days=20)).isoformat()
    page.locator("#exam-date").fill(in_three_weeks)
    page.locator("#exam-cap").fill("12")
    page.get_by_role("button", name="Set exam").click()
    expect(page.locator(".notice-success")).to_contain_text("Exam set")
    expect(page.locator(".exam-summary")).to_contain_text(f"Exam on {in_three_weeks}: 21 days left")
    run.shot(page, "desktop-settings-exam")
    page.get_by_role("link", name="Readiness and plan").click()
    expect(page.locator(f"#chart-exam-{deck_id}")).to_contain_text("Exam readiness")
    points = page.locator(f"section[aria-labelledby='chart-exam-{deck_id}'] svg circle.point")
    expect(points).to_have_count(22)  # now, then each of the 21 study days
    run.shot(page, "desktop-exam-stats")
    page.goto(f"{run.base}/settings?deck={deck_id}")
    page.get_by_role("button", name="Clear exam").click()
    expect(page.locator(".notice-success")).to_contain_text("Exam cleared")
    expect(page.get_by_role("button", name="Set exam")).to_be_visible()
    expect(page.locator(".exam-summary")).to_have_count(0)
    context.close()


def test_hostile_cards_stay_inert(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    dialogs, probes = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: probes.append(request.url)
            if "xss-probe" in request.url or request.url.rstrip("/").endswith("/x") else None)
    page.goto(run.base + "/")
    saved = api(page, "POST", "/api/v1/import", {"deck": "Hostile", "cards": [
        {"front": HOSTILE_FRONT, "back": HOSTILE_BACK},
        {"front": "<svg onload=alert(3)>", "back": "javascript:alert(4)"},
    ]})
    check(saved["status"] == 201, f"saving the hostile deck answered {saved['status']}")
    deck_id = saved["body"]["deckId"]
    open_study(page, f"{run.base}/study/{deck_id}")
    expect(page.locator(".card-front")).to_have_text(HOSTILE_FRONT)
    page.keyboard.press("Space")
    expect(page.locator(".card-back")).to_contain_text("<script>")
    run.shot(page, "desktop-hostile-study")
    page.goto(f"{run.base}/study/{deck_id}?mode=choice")
    expect(page.locator(".choice")).to_have_count(2)
    page.goto(f"{run.base}/browse?deck={deck_id}")
    expect(page.locator(".front-cell").first).to_contain_text("<img src=x")
    page.locator(".front-cell a").first.click()
    expect(page.locator("#edit-front")).to_have_value(HOSTILE_FRONT)
    page.goto(run.base + "/import")
    page.locator("#import-text").fill(f"Q: {HOSTILE_FRONT}\nA: {HOSTILE_BACK}\n")
    expect(page.locator(".preview-card")).to_have_count(1)
    page.wait_for_timeout(300)
    check(not dialogs, f"a dialog opened: {dialogs}")
    check(not probes, f"hostile markup made requests: {probes}")
    check(page.evaluate("window.__xss") is None, "hostile script ran")
    check(page.locator("img[src=x], svg[onload]").count() == 0, "hostile elements were created")
    context.close()


def test_without_javascript(run):
    context = run.context(DESKTOP, java_script_enabled=False)
    page = run.watch(context.new_page())
    page.goto(run.base + "/")
    page.locator(".deck-row", has_text="Capitals").get_by_role("link", name=re.compile("Study")).click()
    front = page.locator(".card-front").inner_text()
    page.get_by_role("link", name=re.compile("Show answer")).click()
    expect(page.locator(".card-back")).to_be_visible()
    page.get_by_role("button", name=re.compile("Good")).click()
    expect(page.locator(".card-front")).not_to_have_text(front)
    page.get_by_role("button", name=re.compile("Undo")).click()
    expect(page.locator(".notice-success")).to_contain_text("Answer taken back.")
    expect(page.locator(".card-front")).to_have_text(front)
    page.goto(run.base + "/import")
    page.locator("#import-text").fill("Q: One?\nA: 1\nQ: Two?\nA: 2\n")
    page.get_by_role("button", name="Preview cards").click()
    expect(page.locator(".preview-card")).to_have_count(2)
    page.locator(".preview-card").first.get_by_role("button", name="Merge with the next card").click()
    expect(page.locator(".preview-card")).to_have_count(1)
    page.locator("#deck-name").fill("No script")
    page.get_by_role("button", name=re.compile("Save 1 card")).click()
    expect(page.locator(".notice-success")).to_contain_text("Saved: 1 new card.")
    context.close()


def test_phone_screens(run):
    page_paths = [("/", "decks"), ("/import", "import"), ("/browse", "browse"), ("/stats", "stats"),
                  ("/settings", "settings")]
    for path, name in page_paths:
        run.phone(path, name)

    def fill_import(page):
        page.locator("#import-text").fill(SEED)
        expect(page.locator(".preview-card")).to_have_count(27)
        page.locator(".preview-card").first.scroll_into_view_if_needed()

    run.phone("/import", "import-preview", fill_import)

    context = run.context(DESKTOP)
    page = context.new_page()
    page.goto(run.base + "/")
    href = page.locator(".deck-row", has_text="Khrushchev").get_by_role("link", name=re.compile("Study")).get_attribute("href")
    card = page.locator(".deck-row", has_text="Khrushchev").count()
    context.close()
    check(card == 1, "the seed deck is listed")
    run.phone(href, "study-front")

    def reveal(page):
        expect(page.locator("#study[data-ready]")).to_have_count(1)
        page.get_by_role("button", name=re.compile("Show answer")).click()
        expect(page.locator(".card-back")).to_be_visible()

    run.phone(href, "study-answer", reveal)
    run.phone(href + "?mode=choice", "study-choice")
    run.phone("/browse?q=Beria", "browse-search")


def test_anki_package(run):
    context = run.context(DESKTOP)
    page = run.watch(context.new_page())
    page.goto(run.base + "/import")
    # Picked in the text form: the script hands it to the package form, which previews it.
    page.locator("#import-file").set_input_files(str(PACKAGE))
    expect(page).to_have_url(run.base + "/import/package")
    summary = page.locator("#package-preview")
    expect(summary.locator("h2")).to_have_text("legacy2.apkg")
    expect(summary.locator(".facts")).to_contain_text("46")
    expect(summary).to_contain_text("Vocabulary (3 fields)")
    run.shot(page, "desktop-import-package", full_page=False)
    page.get_by_role("button", name="Import 46 cards").click()
    expect(page).to_have_url(re.compile(r"/\?imported=46&"))
    expect(page.locator(".notice-success")).to_contain_text("Imported: 46 new cards")

    page.goto(run.base + "/browse?q=What%20does%20this%20show")
    rows = page.locator(".cards-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("[image]")
    found = api(page, "GET", "/api/v1/cards?q=What%20does%20this%20show")["body"]["cards"][0]
    open_study(page, run.base + f"/study/{found['deckId']}?card={found['id']}")
    image = page.locator(".card-front img")
    expect(image).to_have_attribute("src", "/media/cell.png")
    page.wait_for_function("() => { const i = document.querySelector('.card-front img'); "
                           "return i && i.complete && i.naturalWidth > 0; }")
    context.close()


TESTS = [
    test_import_fix_and_save, test_import_editor_merge_and_split, test_study_with_the_keyboard,
    test_typed_and_choice_modes, test_browse_edit_and_suspend, test_settings_and_dark_theme, test_exam_mode,
    test_hostile_cards_stay_inert, test_without_javascript, test_phone_screens, test_anki_package,
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("RECALL_BIN", str(ROOT / ".build" / "debug" / "recall")))
    parser.add_argument("--out", default=None, help="where screenshots go (default: a new temporary folder)")
    parser.add_argument("--docs", action="store_true", help="copy a few screenshots into docs/screenshots/")
    arguments = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("e2e: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    if not os.access(arguments.binary, os.X_OK):
        print(f"e2e: no recall binary at {arguments.binary}; build it first (swift build)", file=sys.stderr)
        return 1
    out = pathlib.Path(arguments.out or tempfile.mkdtemp(prefix="recall-e2e-"))
    out.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="recall-e2e-collection-")
    server = Server(arguments.binary, os.path.join(folder, "collection.sqlite"))
    started = time.time()
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        run = Run(browser, server.url, out)
        for test in TESTS:
            began = time.time()
            try:
                test(run)
                print(f"  ok    {test.__name__} ({time.time() - began:.1f} s)")
            except Exception:
                failures += 1
                print(f"  FAIL  {test.__name__}")
                traceback.print_exc()
                break
        browser.close()
    if run.console_errors:
        failures += 1
        print("  FAIL  the browser console reported errors:")
        for error in run.console_errors:
            print(f"        {error}")
    try:
        server.stop()
        print("  ok    recall serve stopped cleanly on SIGTERM")
    except RuntimeError as error:
        failures += 1
        print(f"  FAIL  {error}")
    shutil.rmtree(folder, ignore_errors=True)
    if arguments.docs:
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name in DOC_SHOTS:
            source = out / f"{name}.png"
            if source.exists():
                shutil.copy(source, docs / source.name)
    print(f"e2e: {len(TESTS)} scenarios, {failures} failed, {len(run.shots)} screenshots in {out} "
          f"({time.time() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
