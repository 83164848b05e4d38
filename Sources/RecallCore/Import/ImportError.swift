/// Why a file could not be imported at all.
///
/// Problems with single cards are not errors: they become ``ImportWarning``s and the rest of the file is kept.
public enum ImportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file holds no cards: it is empty or only blank lines.
  case empty
  /// The file is not text: it holds a NUL byte at this offset.
  case binary(byteOffset: Int)
  /// The bytes are not valid UTF-8 at this offset (0-based) on this line (1-based).
  case invalidUTF8(byteOffset: Int, line: Int)
  /// The file is bigger than the importer accepts.
  case tooLarge(bytes: Int, limit: Int)
  /// One line is longer than the importer accepts.
  case lineTooLong(line: Int, bytes: Int, limit: Int)

  /// A message for the user saying what is wrong and where.
  public var description: String {
    switch self {
    case .empty:
      return "the file holds no cards (it is empty or only blank lines)"
    case .binary(let offset):
      return "this is not a text file (a NUL byte at byte \(offset)); export your notes as text, CSV or .apkg"
    case .invalidUTF8(let offset, let line):
      return "line \(line): invalid UTF-8 at byte \(offset); "
        + "if the file is Windows-1252 (Latin-1), pass --encoding windows-1252"
    case .tooLarge(let bytes, let limit):
      return "the file is \(bytes) bytes; Recall imports files of at most \(limit) bytes (split it into several files)"
    case .lineTooLong(let line, let bytes, let limit):
      return "line \(line) is \(bytes) bytes long; Recall accepts lines of at most \(limit) bytes"
    }
  }
}
