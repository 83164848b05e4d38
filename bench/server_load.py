#!/usr/bin/env python3
"""Load on `recall serve`: 50 concurrent clients on loopback studying a 100,000-card collection for 30 s.

Each client repeats what the study page does: GET /api/v1/decks/{id}/next, then POST /api/v1/cards/{card}/answer
with a rating (each answer is a durable SQLite commit). The load comes from wrk (Debian `wrk`) with a Lua script,
so the generator costs little CPU beside the server on a 2-core machine. Reported: requests per second, p50 and
p99 latency over both kinds of request, errors (non-2xx answers and socket errors), and the server's resident
memory (peak, sampled every 0.2 s from /proc). After the run the server gets SIGTERM, and the review log must
hold every answer the clients were told succeeded.

The collection: 100,000 cards in one deck, as a student with years of notes might have: 5,000 review cards due
today, 20,000 reviews due over the next 300 days, and 75,000 new cards, with daily limits high enough that the
queue never runs dry in 30 s. The cards are imported with `recall import`; the review cards' schedules are then
written with sqlite3 (the store's `card` columns, as `recall-bench scheduling` writes them through the store),
since no command sets a history.

    swift build -c release --scratch-path .build-server --product recall
    python3 bench/server_load.py [--binary .build-server/release/recall] [--clients 50] [--duration 30]

Prints a Markdown table (bench/server_load.md keeps the last one run here).
"""

import argparse
import http.cookiejar
import json
import os
import pathlib
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]

LUA = r"""
-- Each /next response queues its card; the thread's next request answers the oldest queued card, so every
-- client alternates next and answer (wrk does not say which connection a callback is for).
local token, deck = "%(token)s", "%(deck)s"
-- Globals, not locals: done() reads them from each thread with thread:get.
pending = {}
nexts, answers, failures, empty = 0, 0, 0, 0
wrk.headers["Cookie"] = "recall_csrf=" .. token
wrk.headers["X-CSRF-Token"] = token
wrk.headers["Content-Type"] = "application/json"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  if #pending > 0 then
    local card = table.remove(pending, 1)
    local body = '{"rating":' .. math.random(2, 4) .. ',"durationMs":3000}'
    return wrk.format("POST", "/api/v1/cards/" .. card .. "/answer", nil, body)
  end
  return wrk.format("GET", "/api/v1/decks/" .. deck .. "/next")
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    return
  end
  local id = string.match(body, '^{"card":{.-"id":(%%d+)')
  if id then
    nexts = nexts + 1
    table.insert(pending, id)
  elseif string.sub(body, 1, 12) == '{"card":null' then
    nexts = nexts + 1
    empty = empty + 1
  else
    answers = answers + 1
  end
end

function done(summary, latency, requests)
  local n, a, f, e = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    n = n + thread:get("nexts")
    a = a + thread:get("answers")
    f = f + thread:get("failures")
    e = e + thread:get("empty")
  end
  io.write(string.format("LUA nexts=%%d\nLUA answers=%%d\nLUA failures=%%d\nLUA empty=%%d\n", n, a, f, e))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("LUA p%%s=%%d\n", tostring(p), latency:percentile(p)))
  end
end
"""


def run(command, **options):
    return subprocess.run(command, check=True, capture_output=True, text=True, **options)


def build_collection(binary, folder, cards, due, reviews):
    path = os.path.join(folder, "collection.sqlite")
    tsv = os.path.join(folder, "load.tsv")
    with open(tsv, "w", encoding="utf-8") as file:
        for index in range(cards):
            file.write(f"Question {index}: what is {index} squared?\t{index * index}\n")
    started = time.time()
    run([binary, "import", tsv, "--deck", "Load", "--collection", path])
    run([binary, "deck", "options", "Load", "--new-per-day", "100000", "--reviews-per-day", "100000",
         "--collection", path])
    now = time.time()
    rng = random.Random(42)
    database = sqlite3.connect(path)
    rows = []
    ids = [row[0] for row in database.execute("SELECT id FROM card ORDER BY position")]
    for position, card_id in enumerate(ids[:reviews]):
        stability = rng.uniform(1, 200)
        offset = -rng.uniform(0, 10 * 86400) if position < due else rng.uniform(86400, 300 * 86400)
        due_at = now + offset
        rows.append(("review", stability, rng.uniform(1, 10), due_at, due_at - stability * 86400, 5, 0,
                     int(stability), card_id))
    database.executemany(
        "UPDATE card SET phase = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?, reps = ?, lapses = ?, "
        "scheduledDays = ? WHERE id = ?", rows)
    database.commit()
    database.close()
    return path, time.time() - started


class Memory(threading.Thread):
    """Samples the server's resident memory."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.samples = []
        self.stop = threading.Event()

    def rss(self):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return 0
        return 0

    def run(self):
        while not self.stop.is_set():
            value = self.rss()
            self.samples.append(value)
            self.peak = max(self.peak, value)
            time.sleep(0.2)


def time_pages(opener, url, deck):
    """Each page's time to the last byte, in ms: the first request (computed) and the best of two more (the
    server caches decks, queues and statistics for a few seconds)."""
    pages = [
        ("Decks", "/"), ("Study (first card)", f"/study/{deck}"), ("Stats", f"/stats?deck={deck}"),
        ("Browse, first page", f"/browse?deck={deck}"), ("Browse, search", f"/browse?deck={deck}&q=squared+4242"),
        ("Browse, sorted by due", f"/browse?deck={deck}&sort=due"), ("Settings", f"/settings?deck={deck}"),
    ]
    rows = []
    for label, path in pages:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            opener.open(url + path).read()
            times.append((time.perf_counter() - started) * 1000)
        rows.append((label, path, times[0], min(times[1:])))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build-server" / "release" / "recall"))
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=5_000, help="review cards due today")
    parser.add_argument("--reviews", type=int, default=25_000, help="review cards in all; the rest are new")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--json", help="also write the figures to this file")
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("server_load: wrk is not installed (apt-get install wrk)")
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"server_load: no binary at {arguments.binary}; build it with "
                 "swift build -c release --scratch-path .build-server --product recall")
    folder = tempfile.mkdtemp(prefix="recall-load-")
    try:
        collection, setup_seconds = build_collection(
            arguments.binary, folder, arguments.cards, arguments.due, arguments.reviews)
        print(f"collection: {arguments.cards:,} cards ({arguments.due:,} reviews due, "
              f"{arguments.cards - arguments.reviews:,} new), built in {setup_seconds:.1f} s", file=sys.stderr)
        server = subprocess.Popen([arguments.binary, "serve", "--port", "0", "--collection", collection],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = None
        for line in server.stdout:
            match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if match:
                url = match.group(1)
                break
        if not url:
            server.kill()
            sys.exit("server_load: the server did not start: " + server.stderr.read())
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        token = json.load(opener.open(url + "/api/v1/session"))["csrfToken"]
        deck = json.load(opener.open(url + "/api/v1/decks"))[0]["id"]
        idle_rss = Memory(server.pid).rss()
        script = os.path.join(folder, "study.lua")
        with open(script, "w") as file:
            file.write(LUA % {"token": token, "deck": deck})
        memory = Memory(server.pid)
        memory.start()
        result = subprocess.run(
            ["wrk", f"-t{arguments.threads}", f"-c{arguments.clients}", f"-d{arguments.duration}s", "--timeout", "5s",
             "--latency", "-s", script, url], capture_output=True, text=True)
        memory.stop.set()
        memory.join()
        output = result.stdout
        pages = time_pages(opener, url, deck)
        server.send_signal(signal.SIGTERM)
        exit_code = server.wait(timeout=30)
        database = sqlite3.connect(collection)
        reviews = database.execute("SELECT COUNT(*) FROM review").fetchone()[0]
        integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
        database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    lua = dict(re.findall(r"LUA (\S+)=(\d+)", output))
    lua.update(dict(re.findall(r"LUA (p[\d.]+)=(\d+)", output)))
    total = number(r"(\d+) requests in")
    non_2xx = number(r"Non-2xx or 3xx responses: (\d+)")
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = sum(int(value) for value in socket.groups()) if socket else 0
    figures = {
        "cards": arguments.cards, "due": arguments.due, "clients": arguments.clients,
        "seconds": arguments.duration, "requests": int(total), "requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
        "next": int(lua.get("nexts", 0)), "answers": int(lua.get("answers", 0)),
        "p50_ms": int(lua.get("p50", 0)) / 1000, "p90_ms": int(lua.get("p90", 0)) / 1000,
        "p99_ms": int(lua.get("p99", 0)) / 1000, "p99.9_ms": int(lua.get("p99.9", 0)) / 1000,
        "errors": int(non_2xx) + socket_errors,
        "idle_rss_mb": idle_rss / 2**20, "peak_rss_mb": memory.peak / 2**20,
        "reviews_kept": reviews, "sigterm_exit": exit_code, "integrity": integrity,
    }
    kept = reviews >= figures["answers"]
    print()
    print(f"| {arguments.clients} clients × {arguments.duration} s, next + answer, {arguments.cards:,} cards "
          f"({arguments.due:,} reviews due, {arguments.cards - arguments.reviews:,} new) | |")
    print("| --- | ---: |")
    print(f"| requests/s | {figures['requests_per_second']:,.0f} |")
    print(f"| requests (next / answer) | {figures['requests']:,} ({figures['next']:,} / {figures['answers']:,}) |")
    print(f"| answers/s (durable commits) | {figures['answers'] / arguments.duration:,.0f} |")
    print(f"| latency p50 / p90 / p99 / p99.9 | {figures['p50_ms']:.1f} / {figures['p90_ms']:.1f} / "
          f"{figures['p99_ms']:.1f} / {figures['p99.9_ms']:.1f} ms |")
    print(f"| errors (non-2xx + socket) | {figures['errors']} |")
    print(f"| server memory: idle / peak RSS | {figures['idle_rss_mb']:.0f} / {figures['peak_rss_mb']:.0f} MB |")
    print(f"| answers in the review log after SIGTERM | {reviews:,} of {figures['answers']:,} acknowledged "
          f"({'all kept' if kept else 'LOST SOME'}), exit {exit_code}, integrity {integrity} |")
    print()
    print(f"| page, {arguments.cards:,} cards, after the load | first request | again (cached) |")
    print("| --- | ---: | ---: |")
    for label, path, first, again in pages:
        print(f"| {label} (`{path}`) | {first:.1f} ms | {again:.1f} ms |")
    figures["pages_ms"] = {path: {"first": first, "again": again} for _, path, first, again in pages}
    if arguments.json:
        pathlib.Path(arguments.json).write_text(json.dumps(figures, indent=2) + "\n")
    if result.returncode != 0 or not kept or exit_code != 0:
        print(result.stdout, result.stderr, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
