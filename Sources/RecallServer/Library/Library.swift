import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import RecallCore
import RecallStore

/// The collection as the server uses it: every store call runs on a thread pool of its own, and a few slow
/// lookups are cached.
///
/// Store calls block (SQLite, and an `fsync` on every answer). Run on Swift's cooperative pool, which has one
/// thread per core, a few of them would stall every other request; on this pool they only wait for each other.
/// Caches are dropped on every write the server makes and expire after ``cacheLifetime`` in case the CLI
/// changes the collection meanwhile.
final class Library: Sendable {
  /// The collection.
  let collection: Collection
  /// Compares typed answers when one is plugged in; `nil` grades point by point against each card's deck
  /// (``checkTyped(_:against:)``).
  let checker: (any AnswerChecking)?
  /// How long cached counts are trusted when the server itself changed nothing.
  let cacheLifetime: TimeInterval = 2

  private let state = NIOLockedValueBox(CacheState())
  /// Today's queue per deck, kept up to date as cards are answered.
  let queues = QueueCache()
  /// Packages uploaded on the Import page, waiting for Save.
  let uploads = PackageUploads()

  /// Blocking work, shared by every app in the process: SQLite readers and the writer wait on these threads.
  private static let pool: NIOThreadPool = {
    let pool = NIOThreadPool(numberOfThreads: max(8, ProcessInfo.processInfo.activeProcessorCount * 4))
    pool.start()
    return pool
  }()

  /// Commits answers, batching those that arrive together.
  let answers: AnswerCommitter

  init(collection: Collection, checker: (any AnswerChecking)? = nil) {
    self.collection = collection
    self.checker = checker
    answers = AnswerCommitter { batch in
      await Self.runOnPool {
        batch.map { answer in
          Result {
            try collection.answer(
              cardID: answer.cardID, rating: answer.rating, at: answer.at, duration: answer.duration)
          }
        }
      }
    }
  }

  /// Runs blocking work on the store's pool.
  static func runOnPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    (try? await pool.runIfActive(body)) ?? body()
  }

  /// Runs a read on the store's thread pool.
  func read<T: Sendable>(_ body: @escaping @Sendable (Collection) throws -> T) async throws -> T {
    let collection = collection
    return try await Self.pool.runIfActive { try body(collection) }
  }

  /// Runs a write on the store's thread pool and forgets cached lookups; `decksChanged` also forgets deck names
  /// (imports create decks). Answers keep the queues, which they update themselves (``QueueCache``).
  func write<T: Sendable>(
    decksChanged: Bool = false, keepQueues: Bool = false, _ body: @escaping @Sendable (Collection) throws -> T
  ) async throws -> T {
    let collection = collection
    defer {
      invalidate(decksChanged: decksChanged)
      if !keepQueues {
        queues.invalidate()
        state.withLockedValue { state in
          state.schedulers = [:]
          state.cardLists = [:]
        }
      }
    }
    return try await Self.pool.runIfActive { try body(collection) }
  }

  /// Runs a short read on the calling thread: for the single-row lookups of the study hot path, where a hop to
  /// the pool and back would cost more than the read.
  func readNow<T>(_ body: (Collection) throws -> T) throws -> T { try body(collection) }

  /// The scheduler of a deck's options, cached: the rating buttons need it for every card, and decoding the
  /// options costs more than the rest of computing the intervals.
  func scheduler(deck: String) async throws -> Scheduler {
    if let cached = state.withLockedValue({ $0.schedulers[deck] }), cached.isFresh(lifetime: 5) {
      return cached.value
    }
    let scheduler = try await read { collection in try collection.options(ofDeck: deck).scheduler() }
    state.withLockedValue { $0.schedulers[deck] = Cached(scheduler) }
    return scheduler
  }

  /// The head of a deck's queue for today, from the cache when it is fresh.
  func queue(deck: String, at now: Date = Date()) async throws -> QueueView {
    try await queues.view(deck: deck, now: now) {
      try await self.read { collection in try collection.queue(deck: deck, at: Date()) }
    }
  }

  /// Drops cached lookups after a change.
  func invalidate(decksChanged: Bool) {
    state.withLockedValue { state in
      state.revision &+= 1
      state.summaries = nil
      state.quizBuilders = [:]
      state.graders = [:]
      state.statistics = [:]
      if decksChanged { state.deckNames = nil }
    }
  }

  /// A number that changes with every write the server makes.
  var revision: Int { state.withLockedValue { $0.revision } }

  /// The name of the deck with this id.
  ///
  /// - Throws: ``ServerError/notFound(_:)`` when no deck has it.
  func deckName(id: Int64) async throws -> String {
    if let name = try await deckNames(refresh: false)[id] { return name }
    // A deck made since the names were read (by the CLI, say).
    guard let name = try await deckNames(refresh: true)[id] else {
      throw ServerError.notFound("There is no deck with id \(id).")
    }
    return name
  }

  /// The id of the deck with this name.
  ///
  /// - Throws: ``ServerError/notFound(_:)`` when no deck has it.
  func deckID(named name: String) async throws -> Int64 {
    for refresh in [false, true] {
      let names = try await deckNames(refresh: refresh)
      // Deck names are unique regardless of case, as the store compares them.
      if let id = names.first(where: { $0.value == name })?.key
        ?? names.first(where: { $0.value.caseInsensitiveCompare(name) == .orderedSame })?.key
      {
        return id
      }
    }
    throw ServerError.notFound("There is no deck named “\(name)”.")
  }

  /// Deck names by id, read again when `refresh` is set or they are a minute old.
  func deckNames(refresh: Bool) async throws -> [Int64: String] {
    if !refresh, let names = state.withLockedValue({ $0.deckNames }), names.isFresh(lifetime: 60) {
      return names.value
    }
    // `decks()` counts cards too; names alone would do, but this runs once a minute at most.
    let decks = try await read { collection in try collection.decks() }
    var byID: [Int64: String] = [:]
    for deck in decks { byID[deck.id] = deck.name }
    state.withLockedValue { $0.deckNames = Cached(byID) }
    return byID
  }

  /// Every deck with its card counts and today's queue counts.
  func deckOverviews(at now: Date = Date()) async throws -> [DeckOverview] {
    if let cached = state.withLockedValue({ $0.summaries }), cached.isFresh(lifetime: cacheLifetime) {
      return cached.value
    }
    let revision = revision
    let decks = try await read { collection in try collection.decks() }
    var overviews: [DeckOverview] = []
    for deck in decks {
      // Today's counts come from the study queue cache, which the study screen keeps warm.
      let queue = try await queue(deck: deck.name, at: now)
      overviews.append(DeckOverview(summary: deck, counts: queue.counts, flagged: queue.flagged))
    }
    state.withLockedValue { state in
      var names: [Int64: String] = [:]
      for overview in overviews { names[overview.summary.id] = overview.summary.name }
      state.deckNames = Cached(names)
      if state.revision == revision { state.summaries = Cached(overviews) }
    }
    return overviews
  }

  /// Cards of one deck (or all) matching a search, in import order, kept for a few seconds: paging and sorting
  /// a large collection in Browse should not read every card again each time. Answers only change schedules, so
  /// they leave the list as it is for those seconds; any other change drops it.
  func cardList(deck: String?, search: String) async throws -> [Card] {
    let key = "\(deck ?? "")\u{0}\(search)"
    if let cached = state.withLockedValue({ $0.cardLists[key] }), cached.isFresh(lifetime: 5) {
      return cached.value
    }
    let cards = try await read { collection in
      try collection.cards(deck: deck, search: search.isEmpty ? nil : search)
    }
    state.withLockedValue { state in
      // One list at a time: a collection of 100,000 cards is tens of megabytes.
      state.cardLists = [key: Cached(cards)]
    }
    return cards
  }

  /// The card's answer among answers of the same kind from its deck (RecallCore's quiz builder, as
  /// `recall study --choice`), in an order fixed by the card: reloading the page shows the same question. A deck
  /// with fewer than four answers offers what it has. The deck's builder is kept for a minute.
  func choices(for card: Card) async throws -> (options: [String], correct: Int) {
    let deck = card.deck
    let builder = try await cached(\.quizBuilders, key: deck, lifetime: 60) { collection in
      QuizBuilder(cards: try collection.quizCards(deck: deck), seed: 0)
    }
    let question = builder.multipleChoice(
      for: QuizCard(id: card.id, front: card.front, back: card.back), minimumDistractors: 1)
    return question.map { ($0.options, $0.correctIndex) } ?? ([card.back], 0)
  }

  /// Grades a typed answer to `card`: with the plugged-in checker if there is one, else point by point against
  /// the card's deck (rare key terms weigh more; a neighbouring card's answer is caught), as `recall study --type`
  /// does. The deck's grading index is kept for a minute: building it reads every card of the deck.
  func checkTyped(_ typed: String, against card: Card) async throws -> AnswerCheck {
    if let checker { return checker.check(typed: typed, expected: card.back, front: card.front) }
    let deck = card.deck
    let grader = try await cached(\.graders, key: deck, lifetime: 60) { collection in
      PointGradingChecker(deck: GradingDeck(cards: try collection.quizCards(deck: deck)))
    }
    return grader.check(typed: typed, expected: card.back, front: card.front)
  }

  /// Statistics for the Stats page, cached briefly: they read every card and a year of answers. Every write the
  /// server makes drops them; the lifetime only bounds how long the CLI's changes go unseen.
  func statistics(deck: String?, compute: @escaping @Sendable (Collection) throws -> CollectionStatistics)
    async throws -> CollectionStatistics
  {
    try await cached(\.statistics, key: deck ?? "", lifetime: 30, compute: compute)
  }

  /// A value read from the collection and kept for `lifetime` seconds under `key`; a value read while the server
  /// wrote is returned but not kept, since it may predate the write.
  private func cached<Value: Sendable>(
    _ cache: WritableKeyPath<CacheState, [String: Cached<Value>]> & Sendable, key: String, lifetime: TimeInterval,
    compute: @escaping @Sendable (Collection) throws -> Value
  ) async throws -> Value {
    if let cached = state.withLockedValue({ $0[keyPath: cache][key] }), cached.isFresh(lifetime: lifetime) {
      return cached.value
    }
    let revision = revision
    let value = try await read(compute)
    state.withLockedValue { state in
      if state.revision == revision { state[keyPath: cache][key] = Cached(value) }
    }
    return value
  }
}

/// A deck and how many of its cards are waiting today.
struct DeckOverview: Sendable, Hashable {
  /// The deck's card counts.
  var summary: DeckSummary
  /// Cards left to study today.
  var counts: StudyCounts
  /// Cards with a missing side.
  var flagged: Int
}

/// A value and when it was computed.
private struct Cached<Value: Sendable>: Sendable {
  var value: Value
  var at = Date()

  init(_ value: Value) { self.value = value }

  func isFresh(lifetime: TimeInterval) -> Bool { Date().timeIntervalSince(at) < lifetime }
}

/// Everything ``Library`` caches, behind one lock.
private struct CacheState: Sendable {
  var revision = 0
  var deckNames: Cached<[Int64: String]>?
  var summaries: Cached<[DeckOverview]>?
  var quizBuilders: [String: Cached<QuizBuilder>] = [:]
  var graders: [String: Cached<PointGradingChecker>] = [:]
  var statistics: [String: Cached<CollectionStatistics>] = [:]
  var schedulers: [String: Cached<Scheduler>] = [:]
  var cardLists: [String: Cached<[Card]>] = [:]
}
