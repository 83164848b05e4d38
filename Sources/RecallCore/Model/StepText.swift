import Foundation

/// Learning and relearning steps as people write them: `1m 10m`, `30s`, `1h`, `2d`; a bare number is minutes.
/// The same text in `recall deck options` and on the Settings page.
public enum StepText {
  /// A step that is not a positive number with an optional unit (s, m, h, d).
  public struct UnreadableStep: Error, Sendable, Hashable {
    /// The step as written.
    public var word: String
  }

  /// Steps in seconds, from words separated by spaces or commas.
  ///
  /// - Throws: ``UnreadableStep`` naming the first step that cannot be read.
  public static func parse(_ text: String) throws(UnreadableStep) -> [TimeInterval] {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    var steps: [TimeInterval] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
      let unit = word.last.flatMap { units[$0] }
      guard let value = Double(unit == nil ? word : word.dropLast()), value > 0 else {
        throw UnreadableStep(word: String(word))
      }
      steps.append(value * (unit ?? 60))
    }
    return steps
  }

  /// Steps in seconds written in the largest unit that divides each: `[60, 600, 86400]` → `1m 10m 1d`.
  public static func format(_ steps: [TimeInterval]) -> String {
    steps.map { seconds in
      if seconds >= 86_400, seconds.truncatingRemainder(dividingBy: 86_400) == 0 { return "\(Int(seconds / 86_400))d" }
      if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
      if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
      return "\(Int(seconds))s"
    }.joined(separator: " ")
  }
}
