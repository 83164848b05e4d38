import Foundation
import RecallCore
import RecallStore

/// The JSON shapes of `/api/v1`, documented in `docs/api.md`.
enum APIModels {
  /// Cards left today by kind, and their total.
  struct Counts: Codable, Sendable, Equatable {
    var review: Int
    var learning: Int
    var new: Int
    var total: Int

    init(_ counts: StudyCounts) {
      review = counts.review
      learning = counts.learning
      new = counts.new
      total = counts.total
    }
  }

  /// A deck with its card counts and today's queue.
  struct Deck: Codable, Sendable {
    var id: Int64
    var name: String
    var cards: Int
    var new: Int
    var flagged: Int
    var suspended: Int
    var today: Counts

    init(_ overview: DeckOverview) {
      id = overview.summary.id
      name = overview.summary.name
      cards = overview.summary.cards
      new = overview.summary.new
      flagged = overview.summary.flagged
      suspended = overview.summary.suspended
      today = Counts(overview.counts)
    }
  }

  /// A card, its text and its schedule.
  struct Card: Codable, Sendable {
    var id: Int64
    var deckId: Int64?
    var deck: String
    var front: String
    var back: String
    var tags: [String]
    var line: Int?
    var state: String
    var due: Date
    var stability: Double?
    var difficulty: Double?
    var reps: Int
    var lapses: Int
    var suspended: Bool
    var buriedUntil: Date?
    var flagged: Bool
    var leech: Bool

    init(_ card: RecallCore.Card, deckID: Int64?) {
      id = card.id
      deckId = deckID
      deck = card.deck
      front = card.front
      back = card.back
      tags = card.tags
      line = card.sourceLine
      state = card.schedule.phase.rawValue
      due = card.schedule.due
      stability = card.schedule.stability
      difficulty = card.schedule.difficulty
      reps = card.schedule.reps
      lapses = card.schedule.lapses
      suspended = card.suspended
      buriedUntil = card.buriedUntil
      flagged = card.flagged
      leech = card.isLeech
    }
  }

  /// The time each rating would give, as the buttons show it.
  struct Intervals: Codable, Sendable {
    var again: String
    var hard: String
    var good: String
    var easy: String

    init(_ intervals: [Rating: String]) {
      again = intervals[.again] ?? ""
      hard = intervals[.hard] ?? ""
      good = intervals[.good] ?? ""
      easy = intervals[.easy] ?? ""
    }
  }

  /// A multiple-choice option.
  struct Choice: Codable, Sendable {
    var text: String
    var blocks: [CardText.Block]
  }

  /// A card as the study screen shows it: its sides as text and as formatted blocks.
  struct StudyCard: Codable, Sendable {
    var id: Int64
    var front: String
    var back: String
    var frontBlocks: [CardText.Block]
    var backBlocks: [CardText.Block]
    var state: String
    var intervals: Intervals
    var choices: [Choice]?
    var correctChoice: Int?
  }

  /// The next step of a study session.
  struct Step: Codable, Sendable {
    /// A deck's id and name.
    struct DeckRef: Codable, Sendable {
      var id: Int64
      var name: String
    }

    var deck: DeckRef
    var counts: Counts
    var flagged: Int
    var card: StudyCard?
    var nextDue: Date?

    init(_ step: StudyStep) {
      deck = DeckRef(id: step.deckID, name: step.deckName)
      counts = Counts(step.counts)
      flagged = step.flagged
      nextDue = step.nextDue
      if let card = step.card {
        self.card = StudyCard(
          id: card.id, front: card.front, back: card.back, frontBlocks: CardText.blocks(card.front),
          backBlocks: CardText.blocks(card.back), state: card.schedule.phase.rawValue,
          intervals: Intervals(step.intervals),
          choices: step.choices?.options.map { Choice(text: $0, blocks: CardText.blocks($0)) },
          correctChoice: step.choices?.correct)
      }
    }
  }

  /// A rating, given as 1–4 or as its name.
  struct RatingValue: Codable, Sendable {
    var rating: Rating

    init(_ rating: Rating) { self.rating = rating }

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self), let rating = Rating(rawValue: number) {
        self.rating = rating
      } else if let name = try? container.decode(String.self), let rating = Rating(name: name) {
        self.rating = rating
      } else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "a rating is 1–4 or again, hard, good, easy")
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rating.name)
    }
  }

  /// `POST /api/v1/cards/{id}/answer`.
  struct AnswerRequest: Codable, Sendable {
    var rating: RatingValue
    var durationMs: Int?
  }

  /// What answering did.
  struct AnswerResult: Codable, Sendable {
    var card: Card
    var interval: String
    var becameLeech: Bool
  }

  /// `POST /api/v1/cards/{id}/check`.
  struct CheckRequest: Codable, Sendable {
    var answer: String
  }

  /// A typed answer compared with the card's.
  struct CheckResult: Codable, Sendable {
    /// A run of the comparison: `matched`, `extra` (typed, not in the answer) or `missing`.
    struct Segment: Codable, Sendable {
      var kind: String
      var text: String
    }

    /// The points of the answer recalled, when graded point by point.
    struct Points: Codable, Sendable {
      var hit: Int
      var total: Int
      /// `correct`, `partial` or `wrong`.
      var verdict: String
    }

    var segments: [Segment]
    var similarity: Double
    var suggestedRating: RatingValue
    var missed: [String]
    var points: Points?

    init(_ check: AnswerCheck) {
      segments = check.segments.map { segment in
        switch segment {
        case .matched(let text): return Segment(kind: "matched", text: text)
        case .extra(let text): return Segment(kind: "extra", text: text)
        case .missing(let text): return Segment(kind: "missing", text: text)
        }
      }
      similarity = check.similarity
      suggestedRating = RatingValue(check.suggestedRating)
      missed = check.missed
      points = check.points.map { Points(hit: $0.hit, total: $0.total, verdict: $0.verdict) }
    }
  }

  /// `PATCH /api/v1/cards/{id}`.
  struct CardEdit: Codable, Sendable {
    var front: String?
    var back: String?
  }

  /// `POST /api/v1/cards/actions`.
  struct CardAction: Codable, Sendable {
    var action: String
    var ids: [Int64]
  }

  /// How many cards an action changed.
  struct ActionResult: Codable, Sendable {
    var changed: Int
  }

  /// A page of the card list.
  struct CardPage: Codable, Sendable {
    var total: Int
    var page: Int
    var pages: Int
    var perPage: Int
    var cards: [Card]
  }

  /// One card in full: its recall probability now, what each rating would do, and its history.
  struct CardDetail: Codable, Sendable {
    var card: Card
    var retrievability: Double?
    var intervals: Intervals
    var history: [ReviewRecord]
  }

  /// `POST /api/v1/import/preview` as JSON.
  struct PreviewRequest: Codable, Sendable {
    var text: String
    var fileName: String?
    var format: String?
  }

  /// A parsed card with the warnings about its lines.
  struct PreviewCard: Codable, Sendable {
    var front: String
    var back: String
    var line: Int
    var tags: [String]
    var flagged: Bool
    var warnings: [ImportWarning]
  }

  /// What a deck would import as.
  struct Preview: Codable, Sendable {
    var format: String
    var title: String?
    var deckName: String
    var cards: [PreviewCard]
    var warnings: [ImportWarning]
    var flagged: Int
  }

  /// `POST /api/v1/import`.
  struct SaveRequest: Codable, Sendable {
    /// A card to save.
    struct CardInput: Codable, Sendable {
      var front: String
      var back: String
      var line: Int?
      var tags: [String]?
    }

    var deck: String
    var cards: [CardInput]
  }

  /// What saving changed.
  struct SaveResult: Codable, Sendable {
    var deckId: Int64
    var deck: String
    var added: Int
    var updated: Int
    var unchanged: Int
    var flagged: Int
  }

  /// The browser's CSRF token, for scripts.
  struct Session: Codable, Sendable {
    var csrfToken: String
  }

  /// `PUT /api/v1/settings`.
  struct Settings: Codable, Sendable {
    var theme: String
  }

  /// Deck options to change; fields left out keep their value.
  struct OptionsPatch: Codable, Sendable {
    var desiredRetention: Double?
    var newCardsPerDay: Int?
    var reviewsPerDay: Int?
    var dayStartHour: Int?
    var learningSteps: [Double]?
    var relearningSteps: [Double]?
    var maximumInterval: Int?
    var leechThreshold: Int?
    var leechAction: DeckOptions.LeechAction?
    var fuzz: Bool?
    var timeZone: String?
  }
}

extension Rating {
  /// `again`, `hard`, `good`, `easy`.
  var name: String {
    switch self {
    case .again: return "again"
    case .hard: return "hard"
    case .good: return "good"
    case .easy: return "easy"
    }
  }

  /// `Again`, `Hard`, `Good`, `Easy`.
  var label: String { name.prefix(1).uppercased() + name.dropFirst() }

  /// The rating called `name` (any case).
  init?(name: String) {
    guard let rating = Rating.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
    self = rating
  }
}
