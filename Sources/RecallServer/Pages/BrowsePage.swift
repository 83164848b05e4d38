import Foundation
import RecallCore

/// The card browser: search, filter and sort every card; select some to suspend, bury, reset or delete them.
enum BrowsePage {
  static func render(
    query: CardQuery, results: CardResults, decks: [Int64: String], notice: HTML?, context: AppContext
  ) -> Page {
    let deckOptions: [(value: String, label: String)] =
      [("", "All decks")]
      + decks.sorted { $0.value.localizedCaseInsensitiveCompare($1.value) == .orderedAscending }
      .map { (String($0.key), $0.value) }
    let filterOptions: [(value: String, label: String)] = CardQuery.Filter.allCases.map { ($0.rawValue, $0.label) }
    let sortOptions: [(value: String, label: String)] = CardQuery.Sort.allCases.map { ($0.rawValue, $0.label) }
    let filters: HTML = """
      <form method="get" action="/browse" class="filters" role="search" id="browse-filters">
      <div class="field search-field"><label for="browse-q">Search</label>\
      <input id="browse-q" name="q" type="search" value="\(query.search)" placeholder="Words on either side" \
      aria-keyshortcuts="/" autocomplete="off"></div>
      \(Components.select(name: "deck", label: "Deck", options: deckOptions, selected: query.deckID.map { String($0) } ?? ""))
      \(Components.select(name: "state", label: "Show", options: filterOptions, selected: query.filter.rawValue))
      \(Components.select(name: "sort", label: "Sort by", options: sortOptions, selected: query.sort.rawValue))
      \(Components.select(name: "order", label: "Order", options: [("asc", "Ascending"), ("desc", "Descending")], selected: query.descending ? "desc" : "asc"))
      <div class="field filters-submit"><button class="btn btn-secondary" type="submit">Apply</button></div>
      </form>
      """
    let matching = query.search.isEmpty ? "" : " matching “\(query.search)”"
    let subtitle: HTML = "\(Components.plural(results.total, "card"))\(matching)"
    let list: HTML =
      results.cards.isEmpty
      ? Components.emptyState(
        title: "No cards here",
        message: decks.isEmpty ? "Import a deck to see its cards here." : "Try another search or filter.",
        action: decks.isEmpty ? "<a class=\"btn btn-primary\" href=\"/import\">Import a deck</a>" : nil)
      : table(results.cards, query: query, context: context)
    return Page(
      title: "Browse", section: .browse,
      body: """
        \(Components.header("Browse", subtitle: subtitle))
        \(notice)
        \(filters)
        \(list)
        \(pagination(query: query, results: results))
        """)
  }

  private static func table(_ cards: [Card], query: CardQuery, context: AppContext) -> HTML {
    let now = Date()
    let rows = cards.map { card -> HTML in
      let due = card.schedule.phase == .new ? "—" : Components.relative(card.schedule.due, now: now)
      let front = card.front.isEmpty ? "(no question)" : CardText.plainSummary(card.front, limit: 90)
      let back = card.back.isEmpty ? "(no answer)" : CardText.plainSummary(card.back, limit: 90)
      let leech: HTML? = card.isLeech ? " <span class=\"badge badge-flagged\">Leech</span>" : nil
      return """
        <tr>
        <td class="select-cell"><input type="checkbox" name="ids" value="\(card.id)" \
        aria-label="Select card \(card.id)" form="bulk-actions"></td>
        <td class="front-cell"><a href="/cards/\(card.id)"\(HTML.when(card.front.isEmpty, " class=\"missing\""))>\
        \(front)</a>\(leech)</td>
        <td class="back-cell\(card.back.isEmpty ? " missing" : "")">\(back)</td>
        <td class="deck-cell">\(card.deck)</td>
        <td class="state-cell">\(Components.stateBadge(card, now: now))</td>
        <td class="due-cell">\(due)</td>
        <td class="num-cell">\(card.schedule.reps)</td>
        </tr>
        """
    }
    return """
      <form method="post" action="/browse/actions" id="bulk-actions" class="bulk-form">
      \(Layout.csrfField(context))
      <input type="hidden" name="return" value="/browse?\(query.urlQuery())">
      <div class="bulk-bar" role="group" aria-label="With the selected cards">
      <span class="bulk-count" data-selected-count>Tick cards to act on them</span>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="suspend">Suspend</button>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="unsuspend">Unsuspend</button>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="bury">Bury</button>
      <button class="btn btn-secondary btn-small" type="submit" name="action" value="reset">Reset</button>
      <button class="btn btn-danger btn-small" type="submit" name="action" value="delete" data-confirm>Delete…</button>
      </div>
      </form>
      <div class="table-wrap">
      <table class="cards-table">
      <thead><tr>
      <th class="select-cell"><input type="checkbox" data-select-all aria-label="Select every card on this page" \
      hidden></th>
      <th scope="col">Front</th><th scope="col">Back</th><th scope="col">Deck</th><th scope="col">State</th>\
      <th scope="col">Due</th><th scope="col" class="num-cell">Reviews</th>
      </tr></thead>
      <tbody>\(rows)</tbody>
      </table>
      </div>
      """
  }

  private static func pagination(query: CardQuery, results: CardResults) -> HTML {
    guard results.pages > 1 else { return HTML() }
    let page = results.page
    let previous: HTML =
      page > 1
      ? """
      <a class="btn btn-secondary btn-small" rel="prev" href="/browse?\(query.urlQuery(page: page - 1))">← Previous</a>
      """
      : "<span class=\"btn btn-secondary btn-small\" aria-disabled=\"true\">← Previous</span>"
    let next: HTML =
      page < results.pages
      ? "<a class=\"btn btn-secondary btn-small\" rel=\"next\" href=\"/browse?\(query.urlQuery(page: page + 1))\">Next →</a>"
      : "<span class=\"btn btn-secondary btn-small\" aria-disabled=\"true\">Next →</span>"
    return """
      <nav class="pagination" aria-label="Pages">\(previous)<span>Page \(page) of \(results.pages)</span>\(next)</nav>
      """
  }

  /// The page asking to confirm a deletion made without JavaScript.
  static func confirmDelete(ids: [Int64], returnTo: String, context: AppContext) -> Page {
    let fields = ids.map { "<input type=\"hidden\" name=\"ids\" value=\"\($0)\">" as HTML }
    return Page(
      title: "Delete cards", section: .browse,
      body: """
        <section class="confirm-page panel">
        <h1>Delete \(Components.plural(ids.count, "card"))?</h1>
        <p class="lead">Their review history goes with them, and this cannot be undone. Suspending keeps them \
        out of study instead.</p>
        <form method="post" action="/browse/actions" class="confirm-actions">\(Layout.csrfField(context))\(fields)
        <input type="hidden" name="return" value="\(returnTo)"><input type="hidden" name="confirm" value="yes">
        <button class="btn btn-danger" type="submit" name="action" value="delete">Delete</button>
        <a class="btn btn-secondary" href="\(returnTo)">Cancel</a>
        </form>
        </section>
        """)
  }
}
