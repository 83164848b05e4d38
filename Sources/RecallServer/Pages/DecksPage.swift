/// The home page: every deck with what is due today and how far along it is, one click from studying.
enum DecksPage {
  static func render(_ decks: [DeckOverview], notice: HTML? = nil) -> Page {
    guard !decks.isEmpty else {
      let body = Components.emptyState(
        title: "No decks yet",
        message: """
          Paste your notes or upload an export from Quizlet, Anki or a spreadsheet. Recall finds the questions \
          and answers and tells you what it was unsure of.
          """,
        action: "<a class=\"btn btn-primary btn-large\" href=\"/import\">\(Icons.small("upload")) Import a deck</a>")
      return Page(title: "Decks", section: .decks, body: "\(notice)\(body)")
    }
    let due = decks.reduce(0) { $0 + $1.counts.total }
    let deckCount = Components.plural(decks.count, "deck")
    let subtitle: HTML =
      due == 0
      ? "All caught up across \(deckCount). Come back tomorrow."
      : "<strong>\(Components.plural(due, "card"))</strong> to study today across \(deckCount)."
    let header = Components.header(
      "Decks", subtitle: subtitle,
      actions: "<a class=\"btn btn-secondary\" href=\"/import\">\(Icons.small("upload")) Import</a>")
    return Page(
      title: "Decks", section: .decks,
      body: """
        \(header)
        \(notice)
        <ul class="deck-list" role="list">\(decks.map(row))</ul>
        """)
  }

  private static func row(_ deck: DeckOverview) -> HTML {
    let summary = deck.summary
    let studied = max(0, summary.cards - summary.new)
    let unseen = max(0, summary.new - summary.flagged)
    let progress = summary.cards == 0 ? 0 : Int((Double(studied) / Double(summary.cards) * 100).rounded())
    let bar = Components.stackedBar(
      [(studied, "seg-studied"), (unseen, "seg-new"), (summary.flagged, "seg-flagged")],
      label: "\(studied) of \(summary.cards) cards studied (\(progress)%)")
    let counts = deck.counts
    let studyButton: HTML =
      counts.total > 0
      ? """
      <a class="btn btn-primary study-button" href="/study/\(summary.id)" \
      aria-label="Study \(summary.name): \(counts.total) cards">\(Icons.small("play")) Study \
      <span class="btn-count">\(Components.number(counts.total))</span></a>
      """
      : """
      <a class="btn btn-secondary study-button" href="/study/\(summary.id)">\(Icons.small("check")) Done today</a>
      """
    let flagged: HTML? =
      summary.flagged > 0
      ? """
       · <a class="flag-link" href="/browse?deck=\(summary.id)&amp;state=flagged">\
      \(Components.plural(summary.flagged, "card")) missing a side</a>
      """ : nil
    return """
      <li class="deck-row">
      <div class="deck-main">
      <h2 class="deck-name"><a href="/study/\(summary.id)">\(summary.name)</a></h2>
      <p class="deck-meta">\(Components.plural(summary.cards, "card")) · \(progress)% studied\(flagged)</p>
      \(bar)
      <p class="due-counts">\
      <span class="count count-review"><span class="dot"></span>\(counts.review) due</span>\
      <span class="count count-learning"><span class="dot"></span>\(counts.learning) learning</span>\
      <span class="count count-new"><span class="dot"></span>\(counts.new) new</span></p>
      </div>
      <div class="deck-actions">
      \(studyButton)
      <div class="deck-links"><a href="/browse?deck=\(summary.id)">Browse</a>\
      <a href="/stats?deck=\(summary.id)">Stats</a><a href="/settings?deck=\(summary.id)">Options</a></div>
      </div>
      </li>
      """
  }
}
