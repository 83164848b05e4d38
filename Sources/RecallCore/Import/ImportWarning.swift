/// Something the importer could not tell for sure, with the line it is about.
public struct ImportWarning: Sendable, Hashable, Codable {
  /// The 1-based line the warning is about.
  public var line: Int
  /// What is wrong or uncertain, and what the user can do about it.
  public var message: String

  /// Creates a warning.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
}
