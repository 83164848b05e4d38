import Foundation
import RecallCore
import RecallStore

/// How a card is asked in a study session.
enum StudyMode: String, Sendable, CaseIterable, Codable {
  /// Show the front, reveal the back, rate it.
  case flip
  /// Type the answer; Recall compares it with the back and suggests a rating.
  case type
  /// Pick the answer among four of the deck's answers.
  case choice

  /// The name shown in the mode switch.
  var label: String {
    switch self {
    case .flip: return "Flip"
    case .type: return "Type"
    case .choice: return "Choice"
    }
  }
}

/// What the study screen shows next: a card with its rating intervals (and options in choice mode), or
/// nothing when today's queue is done.
struct StudyStep: Sendable {
  /// The deck studied.
  var deckID: Int64
  /// Its name.
  var deckName: String
  /// Cards left today, this one included.
  var counts: StudyCounts
  /// Cards kept out of study because a side is missing.
  var flagged: Int
  /// The card to ask, or `nil` when the queue is empty.
  var card: Card?
  /// When each rating would bring the card back, as short text (`10m`, `3d`).
  var intervals: [Rating: String] = [:]
  /// The options of a multiple-choice question, and which one is right.
  var choices: (options: [String], correct: Int)?
  /// When the next card falls due, once the queue is empty.
  var nextDue: Date?
}

extension Library {
  /// The next card of a deck's queue for today. `after` is the card just answered: it is skipped when another
  /// card is waiting, so a learning card due again in a minute does not come straight back.
  func nextStep(deckID: Int64, after: Int64? = nil, mode: StudyMode, now: Date = Date()) async throws -> StudyStep {
    let name = try await deckName(id: deckID)
    let queue = try await queue(deck: name, at: now)
    var step = StudyStep(deckID: deckID, deckName: name, counts: queue.counts, flagged: queue.flagged)
    let next = after != nil && queue.first == after && queue.second != nil ? queue.second : queue.first
    guard let id = next else {
      step.nextDue = try await read { try queue.nextLearningDue ?? $0.nextDue(deck: name, after: now) }
      return step
    }
    let card = try readNow { try $0.card(id: id) }
    step.card = card
    step.intervals = Self.intervals(try await preview(card, at: now), from: now)
    if mode == .choice { step.choices = try await choices(for: card) }
    return step
  }

  /// One card as the study screen shows it, whatever the queue says: after an undo, the card taken back.
  func step(cardID: Int64, mode: StudyMode, now: Date = Date()) async throws -> StudyStep {
    let card = try readNow { try $0.card(id: cardID) }
    let preview = try await preview(card, at: now)
    let queue = try await queue(deck: card.deck, at: now)
    var step = StudyStep(
      deckID: try await deckID(named: card.deck), deckName: card.deck, counts: queue.counts, flagged: queue.flagged,
      card: card)
    step.intervals = Self.intervals(preview, from: now)
    if mode == .choice { step.choices = try await choices(for: card) }
    return step
  }

  /// What each rating would do to the card now: `Collection.preview(cardID:at:)`, with the deck's scheduler
  /// from the cache (a test checks the two agree).
  func preview(_ card: Card, at now: Date) async throws -> [Rating: CardSchedule] {
    let seed = FuzzSeed.make(cardID: UInt64(bitPattern: card.id), reps: card.schedule.reps)
    return try await scheduler(deck: card.deck).preview(card.schedule, at: now, fuzzSeed: seed)
  }

  /// Intervals as the rating buttons show them.
  static func intervals(_ preview: [Rating: CardSchedule], from now: Date) -> [Rating: String] {
    preview.mapValues { IntervalText.describe(from: now, to: $0.due) }
  }
}
