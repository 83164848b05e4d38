import Foundation
import RecallCore
import RecallStore

/// A deck's exam and the plan toward it, as the Settings and Stats pages and the API show it.
struct ExamOverview: Sendable {
  /// The deck's id.
  var deckID: Int64
  /// The deck's name.
  var deck: String
  /// The plan from today, recomputed from the cards' actual states.
  var plan: ExamPlan
  /// When each planned study day begins, for labelling the days.
  var dayStarts: [Date]
}

/// What the exam form or the API asked for.
struct ExamRequest: Codable, Sendable {
  /// The exam date, `YYYY-MM-DD`.
  var date: String
  /// Recall to reach on the exam day.
  var targetRecall: Double?
  /// Cards per day at most, new ones included.
  var maximumCardsPerDay: Int?
}

extension Library {
  /// The exam plan of the deck with this id, or `nil` when it has no exam ahead.
  func examOverview(deckID: Int64, at now: Date = Date()) async throws -> ExamOverview? {
    let name = try await deckName(id: deckID)
    return try await read { collection in
      guard let plan = try collection.examPlan(deck: name, at: now) else { return nil }
      let day = try collection.options(ofDeck: name).day
      return ExamOverview(
        deckID: deckID, deck: name, plan: plan, dayStarts: plan.days.map { day.start(ofDay: $0.day) })
    }
  }

  /// The exam plans of one deck, or of every deck with an exam ahead when `deckID` is `nil`, by deck name.
  func examOverviews(deckID: Int64?) async throws -> [ExamOverview] {
    if let deckID { return try await examOverview(deckID: deckID).map { [$0] } ?? [] }
    var overviews: [ExamOverview] = []
    for (id, _) in try await deckNames(refresh: false) {
      if let overview = try await examOverview(deckID: id) { overviews.append(overview) }
    }
    return overviews.sorted { $0.deck.localizedCaseInsensitiveCompare($1.deck) == .orderedAscending }
  }

  /// Sets the deck's exam; from now on its daily queue follows the plan.
  ///
  /// - Throws: ``ExamSettingsError`` for a date that is not after today, a target outside (0, 1) or a cap
  ///   below one card.
  func setExam(deckID: Int64, _ request: ExamRequest) async throws -> ExamOverview? {
    let name = try await deckName(id: deckID)
    try await write { collection in
      var options = try collection.options(ofDeck: name)
      options.exam = try ExamSettings(
        examDate: request.date.trimmingCharacters(in: .whitespaces), today: options.day.number(of: Date()),
        targetRecall: request.targetRecall ?? ExamSettings.defaultTargetRecall,
        maximumCardsPerDay: request.maximumCardsPerDay ?? ExamSettings.defaultMaximumCardsPerDay)
      try collection.setOptions(options, ofDeck: name)
    }
    return try await examOverview(deckID: deckID)
  }

  /// Clears the deck's exam: plain FSRS scheduling resumes.
  func clearExam(deckID: Int64) async throws {
    let name = try await deckName(id: deckID)
    try await write { collection in
      var options = try collection.options(ofDeck: name)
      options.exam = nil
      try collection.setOptions(options, ofDeck: name)
    }
  }
}
