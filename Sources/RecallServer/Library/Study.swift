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
    if mode == .choice { step.choices = choices(for: card, among: try await answers(ofDeck: name)) }
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
    if mode == .choice { step.choices = choices(for: card, among: try await answers(ofDeck: card.deck)) }
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

  /// Three other answers of the deck beside the right one, preferring answers of a similar length, in an order
  /// fixed by the card: reloading the page shows the same question.
  func choices(for card: Card, among answers: [String]) -> (options: [String], correct: Int) {
    var generator = SeededGenerator(seed: UInt64(bitPattern: card.id))
    let others =
      answers.filter { $0 != card.back }.shuffled(using: &generator)
      .sorted { abs($0.count - card.back.count) < abs($1.count - card.back.count) }
      .prefix(3)
    var options = Array(others) + [card.back]
    options.shuffle(using: &generator)
    return (options, options.firstIndex(of: card.back) ?? 0)
  }
}

/// SplitMix64: a small deterministic generator, so a card's choices come out the same every time.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
