import Foundation
import RecallCore

/// The study screen. Without JavaScript it is a series of plain pages (front → answer → rating form); the
/// script turns it into a keyboard-driven session over the JSON API, with a summary at the end.
enum StudyPage {
  /// What the page shows beside the card.
  struct State {
    /// The step from the queue.
    var step: StudyStep
    /// How the card is asked.
    var mode: StudyMode
    /// Whether the back is shown.
    var revealed = false
    /// A typed answer's comparison, in type mode.
    var check: AnswerCheck?
    /// The option picked, in choice mode.
    var chosen: Int?
    /// A message about the last action (“Undone”).
    var message: String?
    /// Today's statistics, for the end of the queue.
    var today: DeckStatistics?
  }

  static func render(_ state: State, context: AppContext) -> Page {
    let step = state.step
    let deckID = step.deckID
    let modes = StudyMode.allCases.map { mode -> HTML in
      """
      <a href="/study/\(deckID)?mode=\(mode.rawValue)" class="segment"\
      \(HTML.when(mode == state.mode, " aria-current=\"true\""))>\(mode.label)</a>
      """
    }
    let top: HTML = """
      <div class="study-top">
      <a class="btn btn-ghost btn-small back-link" href="/">← Decks</a>
      <h1 class="study-deck">\(step.deckName)</h1>
      <nav class="segmented" aria-label="Study mode">\(modes)</nav>
      </div>
      """
    let message = state.message.map { Components.notice(HTML(text: $0), kind: "success") }
    let content = step.card.map { cardView($0, state: state, context: context) } ?? doneView(state)
    let counts = step.counts
    let progress: HTML = """
      <div class="study-progress">
      <p class="due-counts" aria-label="Left today"><span class="count count-review"><span class="dot"></span>\
      <span data-count="review">\(counts.review)</span> due</span>\
      <span class="count count-learning"><span class="dot"></span>\
      <span data-count="learning">\(counts.learning)</span> learning</span>\
      <span class="count count-new"><span class="dot"></span><span data-count="new">\(counts.new)</span> new</span></p>
      <div class="session-progress" data-session-progress hidden></div>
      </div>
      """
    return Page(
      title: "Study \(step.deckName)", section: .study,
      body: """
        <div class="study" id="study" data-deck-id="\(deckID)" data-mode="\(state.mode.rawValue)"\
        \(step.card.map { " data-card-id=\"\($0.id)\"" as HTML })>
        \(top)
        \(progress)
        \(message)
        <div class="study-stage" id="study-stage" tabindex="-1">\(content)</div>
        </div>
        """)
  }

  private static func cardView(_ card: Card, state: State, context: AppContext) -> HTML {
    let base = "/study/\(state.step.deckID)"
    let front: HTML = """
      <section class="card-side card-front" aria-label="Question">\(CardText.html(card.front))</section>
      """
    var back: HTML?
    let controls: HTML
    let shownAt = String(Int(Date().timeIntervalSince1970 * 1000))
    let hidden: HTML = """
      \(Layout.csrfField(context))<input type="hidden" name="card" value="\(card.id)">\
      <input type="hidden" name="mode" value="\(state.mode.rawValue)">\
      <input type="hidden" name="shownAt" value="\(shownAt)">
      """
    switch state.mode {
    case .flip where !state.revealed:
      controls = """
        <a class="btn btn-primary btn-large reveal" href="\(base)?mode=flip&amp;card=\(card.id)&amp;reveal=1" \
        data-action="reveal" aria-keyshortcuts="Space">Show answer <kbd>Space</kbd></a>
        """
    case .type where state.check == nil:
      controls = """
        <form method="post" action="\(base)/check" class="type-form">\(hidden)
        <label for="typed" class="visually-hidden">Your answer</label>
        <textarea id="typed" name="answer" rows="2" placeholder="Type the answer, then press Enter" \
        autocomplete="off" autocapitalize="off" spellcheck="false"></textarea>
        <button class="btn btn-primary" type="submit">Check <kbd>Enter</kbd></button>
        </form>
        """
    case .choice where state.chosen == nil:
      let options = (state.step.choices?.options ?? []).enumerated().map { index, option -> HTML in
        """
        <button class="choice" type="submit" name="choice" value="\(index)" aria-keyshortcuts="\(index + 1)">\
        <kbd>\(index + 1)</kbd><span class="choice-text">\(CardText.html(option))</span></button>
        """
      }
      controls = """
        <form method="post" action="\(base)/choose" class="choices">\(hidden)\(options)</form>
        """
    default:
      back = """
        <hr class="card-divider">
        <section class="card-side card-back" aria-label="Answer">\(CardText.html(card.back))</section>
        """
      if let check = state.check { back = checkView(check) + (back ?? HTML()) }
      if let chosen = state.chosen, let choices = state.step.choices {
        let verdict: HTML =
          chosen == choices.correct
          ? "<p class=\"verdict verdict-right\">Right: rated Good.</p>"
          : "<p class=\"verdict verdict-wrong\">Not this one: rated Again.</p>"
        controls = """
          \(verdict)<a class="btn btn-primary btn-large" href="\(base)?mode=choice" data-action="next">Next card \
          <kbd>Space</kbd></a>
          """
      } else {
        controls = ratingForm(state: state, hidden: hidden, base: base)
      }
    }
    let undo: HTML = """
      <form method="post" action="\(base)/undo" class="inline-form">\(Layout.csrfField(context))\
      <input type="hidden" name="mode" value="\(state.mode.rawValue)">\
      <button class="btn btn-ghost btn-small" type="submit" data-action="undo" aria-keyshortcuts="u">\
      \(Icons.small("undo")) Undo <kbd>U</kbd></button></form>
      """
    return """
      <article class="flashcard">\(front)\(back)</article>
      <div class="answer-bar">\(controls)</div>
      <div class="study-footer">\(undo)\
      <a class="btn btn-ghost btn-small" href="/cards/\(card.id)" data-action="edit">\(Icons.small("edit")) Edit card</a>\
      <a class="btn btn-ghost btn-small" href="/" data-action="end" aria-keyshortcuts="Escape">End <kbd>Esc</kbd></a>
      </div>
      """
  }

  private static func ratingForm(state: State, hidden: HTML, base: String) -> HTML {
    let suggested = state.check?.suggestedRating
    let buttons = Rating.allCases.map { rating -> HTML in
      """
      <button class="rate rate-\(rating.name)\(suggested == rating ? " suggested" : "")" type="submit" \
      name="rating" value="\(rating.rawValue)" aria-keyshortcuts="\(rating.rawValue)">\
      <span class="rate-label">\(rating.label)</span>\
      <span class="rate-interval">\(state.step.intervals[rating] ?? "")</span><kbd>\(rating.rawValue)</kbd></button>
      """
    }
    return """
      <form method="post" action="\(base)/answer" class="ratings" aria-label="How well did you know it?">\
      \(hidden)\(buttons)</form>
      """
  }

  /// A typed answer against the card's: what matched, what was extra, what was missed.
  static func checkView(_ check: AnswerCheck) -> HTML {
    let segments = check.segments.map { segment -> HTML in
      switch segment {
      case .matched(let text): return "<span class=\"diff-match\">\(text)</span>"
      case .extra(let text): return "<del class=\"diff-extra\">\(text)</del>"
      case .missing(let text): return "<ins class=\"diff-missing\">\(text)</ins>"
      }
    }
    let missed: HTML? =
      check.missed.isEmpty
      ? nil
      : "<p class=\"missed\">Missed: \(HTML.join(check.missed.map { "<mark>\($0)</mark>" as HTML }, separator: ", "))</p>"
    let score: HTML =
      check.points.map { points in
        "<strong class=\"verdict verdict-\(points.verdict)\">\(points.hit) of \(points.total) point\(points.total == 1 ? "" : "s")</strong> · \(points.verdict)"
      } ?? "<strong>\(Components.percent(check.similarity))</strong> match"
    return """
      <section class="check" aria-label="Your answer compared with the card">
      <p class="check-score">\(score) · suggested \
      <span class="badge badge-\(check.suggestedRating.name)">\(check.suggestedRating.label)</span></p>
      <p class="diff">\(segments)</p>\(missed)
      <p class="diff-legend"><span class="diff-match">matched</span> <del class="diff-extra">typed, not in the \
      answer</del> <ins class="diff-missing">missed</ins></p>
      </section>
      """
  }

  private static func doneView(_ state: State) -> HTML {
    let step = state.step
    var stats: HTML?
    if let today = state.today, today.reviewedToday > 0 {
      stats = """
        <div class="summary-stats">\
        <div class="stat"><span class="stat-value">\(Components.number(today.reviewedToday))</span>\
        <span class="stat-label">answered today</span></div>\
        <div class="stat"><span class="stat-value">\(Components.percent(today.accuracyToday))</span>\
        <span class="stat-label">remembered</span></div>\
        <div class="stat"><span class="stat-value">\(Components.number(Int((today.secondsToday / 60).rounded())))</span>\
        <span class="stat-label">minutes</span></div></div>
        """
    }
    let next: HTML? = step.nextDue.map {
      "<p>The next card is due <strong>\(Components.relative($0))</strong>.</p>"
    }
    let flagged: HTML? =
      step.flagged > 0
      ? """
      <p>\(Components.plural(step.flagged, "card")) missing a side \(step.flagged == 1 ? "waits" : "wait") for you: \
      <a href="/browse?deck=\(step.deckID)&amp;state=flagged">complete \(step.flagged == 1 ? "it" : "them")</a>.</p>
      """ : nil
    return """
      <section class="done" data-done>
      <div class="done-mark" aria-hidden="true">\(Icons.small("check"))</div>
      <h2>All done for today</h2>
      \(stats)\(next)\(flagged)
      <p class="done-actions"><a class="btn btn-primary" href="/">Back to decks</a>\
      <a class="btn btn-secondary" href="/stats?deck=\(step.deckID)">See stats</a></p>
      </section>
      """
  }
}
