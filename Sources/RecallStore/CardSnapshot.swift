import Foundation
import RecallCore

/// Everything an answer can change on a card, saved in the review log before and after each answer so undo can
/// put the card back exactly as it was.
struct CardSnapshot: Codable, Equatable {
  var schedule: CardSchedule
  var suspended: Bool
  var buriedUntil: Date?
  var tags: [String]

  init(_ card: Card) {
    schedule = card.schedule
    suspended = card.suspended
    buriedUntil = card.buriedUntil
    tags = card.tags
  }

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }()

  /// The snapshot as JSON, written by hand: it is written twice per answer, and JSONEncoder costs more than the
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

  static func decode(_ json: String) throws -> CardSnapshot {
    try decoder.decode(CardSnapshot.self, from: Data(json.utf8))
  }
}
