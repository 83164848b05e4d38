import Foundation
import RecallCore

/// What an answer can change on a card: the state saved before and after every review, which undo restores.
public struct CardState: Sendable, Hashable, Codable {
  /// The schedule.
  public var schedule: CardSchedule
  /// Whether the card is suspended.
  public var suspended: Bool
  /// The card is hidden until this moment.
  public var buriedUntil: Date?
  /// The card's tags (an answer can add `leech`).
  public var tags: [String]

  /// Creates a state.
  public init(schedule: CardSchedule, suspended: Bool = false, buriedUntil: Date? = nil, tags: [String] = []) {
    self.schedule = schedule
    self.suspended = suspended
    self.buriedUntil = buriedUntil
    self.tags = tags
  }

  /// What an answer can change on `card`.
  init(_ card: Card) {
    self.init(schedule: card.schedule, suspended: card.suspended, buriedUntil: card.buriedUntil, tags: card.tags)
  }
}

/// The review log keeps each state as JSON in its `before` and `after` columns.
extension CardState {
  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }()

  /// The state as JSON, written by hand: it is written twice per answer, and JSONEncoder costs more than the
  /// rest of answering. ``decode(_:)`` reads it back with JSONDecoder; a test checks they agree.
  func json() throws -> String {
    func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
    func integer(_ value: Int?) -> String { value.map { "\($0)" } ?? "null" }
    let tagList = tags.map { Self.quoted($0) }.joined(separator: ",")
    return """
      {"buriedUntil":\(number(buriedUntil?.timeIntervalSince1970)),"schedule":{"difficulty":\(number(schedule.difficulty)),\
      "due":\(schedule.due.timeIntervalSince1970),"lapses":\(schedule.lapses),\
      "lastReview":\(number(schedule.lastReview?.timeIntervalSince1970)),"phase":"\(schedule.phase.rawValue)",\
      "reps":\(schedule.reps),"scheduledDays":\(integer(schedule.scheduledDays)),"stability":\(number(schedule.stability)),\
      "step":\(integer(schedule.step))},"suspended":\(suspended),"tags":[\(tagList)]}
      """
  }

  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  static func decode(_ json: String) throws -> CardState {
    try decoder.decode(CardState.self, from: Data(json.utf8))
  }
}
