import Foundation
import RecallCore
import RecallStore

extension Library {
  /// Answers a card: one durable transaction, kept even if the server is killed right after.
  func answer(cardID: Int64, rating: Rating, durationMs: Int?, now: Date = Date()) async throws
    -> APIModels.AnswerResult
  {
    // Anki caps the time counted for one answer at a minute: a student who walked away did not study for an hour.
    let duration = durationMs.map { min(60, max(0, Double($0) / 1000)) }
    let outcome = try await answers.answer(PendingAnswer(cardID: cardID, rating: rating, at: now, duration: duration))
    invalidate(decksChanged: false)
    queues.answered(cardID: cardID, deck: outcome.before.deck, phaseBefore: outcome.before.schedule.phase, at: now)
    return APIModels.AnswerResult(
      card: APIModels.Card(outcome.after, deckID: try? await deckID(named: outcome.after.deck)),
      interval: IntervalText.describe(from: now, to: outcome.after.schedule.due), becameLeech: outcome.becameLeech)
  }

  /// Replaces a card's front and/or back.
  func edit(cardID: Int64, front: String?, back: String?) async throws -> Card {
    try await write { collection in
      let card = try collection.card(id: cardID)
      let front = front.map(Importing.tidy) ?? card.front
      let back = back.map(Importing.tidy) ?? card.back
      guard !front.isEmpty || !back.isEmpty else {
        throw ServerError.invalid("A card needs a front or a back; delete it instead.")
      }
      try collection.updateText(cardID: cardID, front: front, back: back)
      return try collection.card(id: cardID)
    }
  }

  /// The actions ``perform(_:on:)`` knows.
  static let actions = ["suspend", "unsuspend", "bury", "reset", "delete"]

  /// Suspends, unsuspends, buries, resets or deletes cards; returns how many.
  func perform(_ action: String, on ids: [Int64]) async throws -> Int {
    guard Self.actions.contains(action) else {
      throw ServerError.invalid("Unknown action “\(action)”: use \(Self.actions.joined(separator: ", ")).")
    }
    guard !ids.isEmpty else { throw ServerError.invalid("Choose at least one card.") }
    guard ids.count <= 10_000 else { throw ServerError.invalid("At most 10,000 cards at a time.") }
    return try await write(decksChanged: action == "delete") { collection in
      // Every id must exist: an action on a card that is gone says so instead of silently doing less.
      for id in ids { _ = try collection.card(id: id) }
      switch action {
      case "suspend": try collection.setSuspended(true, cardIDs: ids)
      case "unsuspend": try collection.setSuspended(false, cardIDs: ids)
      case "bury": try collection.bury(cardIDs: ids)
      case "reset": try collection.reset(cardIDs: ids)
      default: try collection.delete(cardIDs: ids)
      }
      return ids.count
    }
  }

  /// A card in full, as its page and `GET /api/v1/cards/{id}` show it.
  func detail(cardID: Int64, now: Date = Date()) async throws -> APIModels.CardDetail {
    let (card, retrievability, preview, history) = try await read { collection in
      let card = try collection.card(id: cardID)
      let retrievability =
        card.schedule.phase == .new ? nil : try collection.retrievability(cardID: cardID, at: now)
      let preview = try collection.preview(cardID: cardID, at: now)
      return (card, retrievability, preview, try collection.history(cardID: cardID))
    }
    return APIModels.CardDetail(
      card: APIModels.Card(card, deckID: try? await deckID(named: card.deck)), retrievability: retrievability,
      intervals: APIModels.Intervals(Self.intervals(preview, from: now)), history: history)
  }

  /// Changes some of a deck's options, checking the result makes a valid scheduler.
  func updateOptions(ofDeck deck: String, _ patch: APIModels.OptionsPatch) async throws -> DeckOptions {
    try await write { collection in
      var options = try collection.options(ofDeck: deck)
      try Self.apply(patch, to: &options)
      try collection.setOptions(options, ofDeck: deck)
      return options
    }
  }

  /// Applies the fields present in `patch`, refusing values out of the ranges the Settings page offers.
  static func apply(_ patch: APIModels.OptionsPatch, to options: inout DeckOptions) throws {
    func check(_ condition: Bool, _ message: String) throws {
      if !condition { throw ServerError.invalid(message) }
    }
    if let value = patch.desiredRetention {
      try check((0.7...0.99).contains(value), "Desired retention is between 0.70 and 0.99.")
      options.desiredRetention = value
    }
    if let value = patch.newCardsPerDay {
      try check((0...100_000).contains(value), "New cards per day is between 0 and 100,000.")
      options.newCardsPerDay = value
    }
    if let value = patch.reviewsPerDay {
      try check((0...100_000).contains(value), "Reviews per day is between 0 and 100,000.")
      options.reviewsPerDay = value
    }
    if let value = patch.dayStartHour {
      try check((0...23).contains(value), "The day starts at an hour from 0 to 23.")
      options.dayStartHour = value
    }
    if let value = patch.learningSteps {
      try check(
        !value.isEmpty && value.count <= 10 && value.allSatisfy { $0 > 0 },
        "Learning steps are 1 to 10 positive durations.")
      options.learningSteps = value
    }
    if let value = patch.relearningSteps {
      try check(
        value.count <= 10 && value.allSatisfy { $0 > 0 }, "Relearning steps are up to 10 positive durations.")
      options.relearningSteps = value
    }
    if let value = patch.maximumInterval {
      try check((1...36_500).contains(value), "The maximum interval is between 1 and 36,500 days.")
      options.maximumInterval = value
    }
    if let value = patch.leechThreshold {
      try check((0...100).contains(value), "The leech threshold is between 0 (off) and 100 lapses.")
      options.leechThreshold = value
    }
    if let value = patch.leechAction { options.leechAction = value }
    if let value = patch.fuzz { options.fuzz = value }
    if let value = patch.timeZone {
      try check(value.isEmpty || TimeZone(identifier: value) != nil, "“\(value)” is not a time zone.")
      options.timeZone = value.isEmpty ? nil : value
    }
  }

  /// Statistics of one deck, or of the whole collection.
  func statistics(deckID: Int64?, now: Date = Date()) async throws -> CollectionStatistics {
    let deck = try await deckID.asyncMap { try await deckName(id: $0) }
    return try await statistics(deck: deck) { collection in
      try CollectionStatistics.compute(collection, deck: deck, now: now)
    }
  }
}
