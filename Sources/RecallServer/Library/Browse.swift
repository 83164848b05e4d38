import Foundation
import RecallCore
import RecallStore

/// What the Browse page and `GET /api/v1/cards` ask for: a search, filters, an order and a page.
struct CardQuery: Sendable, Equatable {
  /// Which cards a filter keeps.
  enum Filter: String, Sendable, CaseIterable {
    case all, new, learning, review, due, suspended, buried, flagged, leech

    /// The filter's name in the menu.
    var label: String {
      switch self {
      case .all: return "All cards"
      case .new: return "New"
      case .learning: return "Learning"
      case .review: return "Review"
      case .due: return "Due now"
      case .suspended: return "Suspended"
      case .buried: return "Buried"
      case .flagged: return "Missing a side"
      case .leech: return "Leeches"
      }
    }
  }

  /// Orders the list can take.
  enum Sort: String, Sendable, CaseIterable {
    case position, front, due, reps, lapses, stability, difficulty

    /// The order's name in the menu.
    var label: String {
      switch self {
      case .position: return "Import order"
      case .front: return "Front A–Z"
      case .due: return "Due date"
      case .reps: return "Reviews"
      case .lapses: return "Lapses"
      case .stability: return "Stability"
      case .difficulty: return "Difficulty"
      }
    }
  }

  /// Only this deck's cards, if set.
  var deckID: Int64?
  /// Text the front or back must contain (case-insensitive).
  var search = ""
  /// Which cards to keep.
  var filter = Filter.all
  /// Their order.
  var sort = Sort.position
  /// Whether the order is reversed.
  var descending = false
  /// The page, from 1.
  var page = 1
  /// Cards per page.
  var perPage = 50

  /// Reads the query from URL parameters (`deck`, `q`, `state`, `sort`, `order`, `page`, `perPage`); unknown
  /// values fall back to the defaults.
  init(parameters: [String: String]) {
    deckID = parameters["deck"].flatMap { Int64($0) }
    search = parameters["q"]?.trimmingCharacters(in: .whitespaces) ?? ""
    filter = parameters["state"].flatMap(Filter.init(rawValue:)) ?? .all
    sort = parameters["sort"].flatMap(Sort.init(rawValue:)) ?? .position
    descending = parameters["order"] == "desc"
    page = max(1, parameters["page"].flatMap { Int($0) } ?? 1)
    perPage = min(500, max(1, parameters["perPage"].flatMap { Int($0) } ?? 50))
  }

  /// The URL query for this query with the page changed, for links that keep the rest.
  func urlQuery(page: Int? = nil) -> String {
    var items: [(String, String)] = []
    if let deckID { items.append(("deck", String(deckID))) }
    if !search.isEmpty { items.append(("q", search)) }
    if filter != .all { items.append(("state", filter.rawValue)) }
    if sort != .position { items.append(("sort", sort.rawValue)) }
    if descending { items.append(("order", "desc")) }
    let page = page ?? self.page
    if page != 1 { items.append(("page", String(page))) }
    if perPage != 50 { items.append(("perPage", String(perPage))) }
    return items.map { "\($0.0)=\(URLText.encode($0.1))" }.joined(separator: "&")
  }
}

/// A page of cards and how many matched.
struct CardResults: Sendable {
  /// The cards on this page.
  var cards: [Card]
  /// Cards matching the query on all pages.
  var total: Int
  /// Pages in all.
  var pages: Int
  /// The page shown (the last one when the query asked for a page past it).
  var page: Int
}

extension Library {
  /// The cards matching `query`, one page of them.
  func cards(_ query: CardQuery, now: Date = Date()) async throws -> CardResults {
    let deck = try await query.deckID.asyncMap { try await deckName(id: $0) }
    let all = try await cardList(deck: deck, search: query.search)
    return try await read { _ in
      var cards = all
      if query.filter != .all { cards.removeAll { !Self.keeps(query.filter, $0, now: now) } }
      if query.sort != .position || query.descending { cards = Self.sorted(cards, by: query.sort, query.descending) }
      let total = cards.count
      let pages = max(1, (total + query.perPage - 1) / query.perPage)
      let page = min(query.page, pages)
      let start = min(total, (page - 1) * query.perPage)
      return CardResults(
        cards: Array(cards[start..<min(total, start + query.perPage)]), total: total, pages: pages, page: page)
    }
  }

  /// Whether `filter` keeps `card`.
  static func keeps(_ filter: CardQuery.Filter, _ card: Card, now: Date) -> Bool {
    let phase = card.schedule.phase
    switch filter {
    case .all: return true
    case .new: return phase == .new
    case .learning: return phase == .learning || phase == .relearning
    case .review: return phase == .review
    case .due: return phase != .new && card.schedule.due <= now && !card.suspended && !card.flagged
    case .suspended: return card.suspended
    case .buried: return (card.buriedUntil ?? .distantPast) > now
    case .flagged: return card.flagged
    case .leech: return card.isLeech
    }
  }

  /// `cards` in the order asked for; ties keep import order, so paging through a sorted list is stable.
  static func sorted(_ cards: [Card], by sort: CardQuery.Sort, _ descending: Bool) -> [Card] {
    func ordered<T: Comparable>(_ key: (Card) -> T) -> [Card] {
      let keyed = cards.enumerated().map { (offset: $0.offset, card: $0.element, key: key($0.element)) }
      return keyed.sorted { a, b in
        if a.key != b.key { return descending ? a.key > b.key : a.key < b.key }
        return a.offset < b.offset
      }.map(\.card)
    }
    switch sort {
    case .position: return descending ? cards.reversed() : cards
    case .front: return ordered { $0.front.lowercased() }
    case .due: return ordered { $0.schedule.phase == .new ? Date.distantFuture : $0.schedule.due }
    case .reps: return ordered { $0.schedule.reps }
    case .lapses: return ordered { $0.schedule.lapses }
    case .stability: return ordered { $0.schedule.stability ?? -1 }
    case .difficulty: return ordered { $0.schedule.difficulty ?? -1 }
    }
  }
}

extension Optional {
  /// `map` with an async transform.
  func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let value = self else { return nil }
    return try await transform(value)
  }
}
