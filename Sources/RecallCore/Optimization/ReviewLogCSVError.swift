/// A problem in a review-log CSV, with the 1-based line it is on.
public struct ReviewLogCSVError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The line number (1 is the header).
  public var line: Int
  /// What is wrong, naming the column and the value.
  public var message: String

  /// Creates an error.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// "line N: message".
  public var description: String { "line \(line): \(message)" }
}
