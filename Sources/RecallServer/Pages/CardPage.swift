import Foundation
import RecallCore
import RecallStore

/// One card: edit its sides, act on it, and see its schedule, forgetting curve and history.
enum CardPage {
  static func render(
    _ detail: APIModels.CardDetail, card: Card, options: DeckOptions, notice: HTML?, context: AppContext
  ) -> Page {
    let now = Date()
    let schedule = card.schedule
    let title = card.front.isEmpty ? "Card \(card.id)" : CardText.plainSummary(card.front, limit: 70)
    let edit: HTML = """
      <form method="post" action="/cards/\(card.id)/edit" class="panel card-edit">
      \(Layout.csrfField(context))
      <h2>Text</h2>
      <div class="field"><label for="edit-front">Front</label>\
      <textarea id="edit-front" name="front" rows="\(rows(card.front))" \
      placeholder="The question is missing: type it here">\(card.front)</textarea></div>
      <div class="field"><label for="edit-back">Back</label>\
      <textarea id="edit-back" name="back" rows="\(rows(card.back))" \
      placeholder="The answer is missing: type it here">\(card.back)</textarea></div>
      <p class="hint">Lines starting with “- ” become a list; **bold**, _italic_ and `code` are shown as such. \
      HTML is shown as text.</p>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Save changes</button></div>
      </form>
      """
    let facts: [(String, String)] = [
      (card.deck, "Deck"),
      (schedule.phase == .new ? "New" : schedule.phase.rawValue.capitalized, "State"),
      (schedule.phase == .new ? "When studied" : "\(Components.relative(schedule.due, now: now))", "Due"),
      (detail.retrievability.map { Components.percent($0) } ?? "—", "Chance of recall now"),
      (schedule.stability.map { IntervalText.describe(days: $0) } ?? "—", "Stability"),
      (schedule.difficulty.map { String(format: "%.1f / 10", $0) } ?? "—", "Difficulty"),
      ("\(schedule.reps) · \(schedule.lapses)", "Reviews · lapses"),
      (card.sourceLine.map { "line \($0)" } ?? "—", "Imported from"),
    ]
    let factList = facts.map { "<div><dt>\($0.1)</dt><dd>\($0.0)</dd></div>" as HTML }
    let toggle: (String, String) = card.suspended ? ("unsuspend", "Unsuspend") : ("suspend", "Suspend")
    let actions: HTML = """
      <form method="post" action="/cards/\(card.id)/action" class="card-actions">\(Layout.csrfField(context))
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="\(toggle.0)">\(toggle.1)</button>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="bury">Bury until tomorrow</button>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="reset">Reset to new</button>
      <button class="btn btn-danger btn-small" type="submit" name="action" value="delete" data-confirm>Delete…</button>
      </form>
      """
    let badges: HTML =
      Components.stateBadge(card, now: now)
      + (card.isLeech ? " <span class=\"badge badge-flagged\">Leech</span>" : HTML())
    let curve =
      schedule.phase == .new
      ? "<p class=\"muted\">The curve appears once the card has been studied.</p>" as HTML
      : Charts.forgettingCurve(
        card, model: (try? options.scheduler().model) ?? FSRSModel(), desiredRetention: options.desiredRetention,
        now: now)
    return Page(
      title: title, section: .browse,
      body: """
        <p class="breadcrumb"><a href="/browse">Browse</a> / card \(card.id)</p>
        \(Components.header(title, subtitle: badges))
        \(notice)
        <div class="card-layout">
        \(edit)
        <aside class="panel card-facts" aria-label="Schedule"><h2>Schedule</h2><dl class="facts">\(factList)</dl>\
        \(actions)</aside>
        </div>
        <section class="panel" aria-labelledby="curve-title"><h2 id="curve-title">Forgetting curve</h2>\(curve)</section>
        <section class="panel" aria-labelledby="history-title"><h2 id="history-title">History</h2>\
        \(history(detail.history))</section>
        """)
  }

  private static func history(_ records: [ReviewRecord]) -> HTML {
    guard !records.isEmpty else { return "<p class=\"muted\">Not answered yet.</p>" }
    let rows = records.reversed().map { record -> HTML in
      let duration = record.durationMs.map { String(format: "%.1f s", Double($0) / 1000) } ?? "—"
      let interval = record.mode == "cram" ? "cram" : IntervalText.describe(days: record.intervalDays)
      return """
        <tr><td>\(Components.dateTime(record.reviewedAt))</td>\
        <td><span class="badge badge-\(record.rating.name)">\(record.rating.label)</span></td>\
        <td>\(record.phaseBefore.rawValue) → \(record.phaseAfter.rawValue)</td><td>\(interval)</td>\
        <td>\(record.stability.map { IntervalText.describe(days: $0) } ?? "—")</td><td>\(duration)</td></tr>
        """
    }
    return """
      <div class="table-wrap"><table class="history-table"><thead><tr><th scope="col">When</th>\
      <th scope="col">Rating</th><th scope="col">State</th><th scope="col">Next in</th>\
      <th scope="col">Stability</th><th scope="col">Time</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  private static func rows(_ text: String) -> Int {
    min(12, max(3, text.split(separator: "\n", omittingEmptySubsequences: false).count + 1))
  }
}
