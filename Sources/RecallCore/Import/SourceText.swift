import Foundation

/// A text file decoded and split into lines, the common input of every format parser.
///
/// Decoding strips a UTF-8 BOM, reads UTF-16 when a BOM says so, and turns CRLF and CR line ends into line
/// breaks. Lines keep their leading and trailing whitespace: a trailing tab can be an empty TSV field, so each
/// parser trims what its format allows.
public struct SourceText: Sendable {
  /// The largest file the importer accepts: 64 MiB, 6 times the 100,000-card benchmark deck.
  public static let maximumBytes = 64 << 20
  /// The longest line the importer accepts: no card side is 1 MiB long, so such a line is a sign of a wrong file.
  public static let maximumLineBytes = 1 << 20

  /// The text encodings a caller can force.
  public enum Encoding: String, Sendable, CaseIterable {
    /// UTF-8, or UTF-16 when the file starts with a UTF-16 byte order mark.
    case automatic
    /// Windows-1252 (a superset of Latin-1), for files saved by old Windows editors.
    case windows1252 = "windows-1252"
  }

  /// The file's lines, without line terminators.
  public let lines: [String]

  /// Decodes `data` and splits it into lines.
  ///
  /// - Throws: ``ImportError`` when the data is too large, binary, not valid in the encoding, or has a line
  ///   longer than ``maximumLineBytes``.
  public init(data: Data, encoding: Encoding = .automatic) throws(ImportError) {
    guard data.count <= Self.maximumBytes else {
      throw .tooLarge(bytes: data.count, limit: Self.maximumBytes)
    }
    let text = try Self.decode(data, encoding: encoding)
    lines = try Self.splitLines(text)
  }

  /// Splits already decoded text into lines.
  public init(text: String) throws(ImportError) {
    lines = try Self.splitLines(text)
  }

  private static func decode(_ data: Data, encoding: Encoding) throws(ImportError) -> String {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      if let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) {
        return text
      }
      throw .invalidUTF8(byteOffset: 2, line: 1)
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw .binary(byteOffset: nul)
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    switch encoding {
    case .windows1252:
      return String(data: Data(body), encoding: .windowsCP1252) ?? String(decoding: body, as: UTF8.self)
    case .automatic:
      if let text = String(validating: body, as: UTF8.self) {
        return text
      }
      let offset = firstInvalidUTF8Offset(body) + (body.count == bytes.count ? 0 : 3)
      let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      throw .invalidUTF8(byteOffset: offset, line: line)
    }
  }

  private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return offset
      }
    }
  }

  private static func splitLines(_ text: String) throws(ImportError) -> [String] {
    var lines: [String] = []
    var utf8 = text.utf8[...]
    var lineNumber = 1
    while !utf8.isEmpty {
      let end = utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
      let length = utf8.distance(from: utf8.startIndex, to: end)
      guard length <= maximumLineBytes else {
        throw .lineTooLong(line: lineNumber, bytes: length, limit: maximumLineBytes)
      }
      lines.append(String(Substring(utf8[..<end])))
      lineNumber += 1
      guard end < utf8.endIndex else { break }
      var next = utf8.index(after: end)
      if utf8[end] == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A {
        next = utf8.index(after: next)
      }
      utf8 = utf8[next...]
    }
    return lines
  }
}

extension StringProtocol {
  /// The text without trailing spaces and tabs (and other horizontal whitespace).
  var trimmingTrailingWhitespace: String {
    // Most lines end in an ASCII character that is not a space: skip the Unicode scan for them.
    let string = String(self)
    if let last = string.utf8.last, last != 0x20, last != 0x09, last < 0x80 { return string }
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before].isWhitespace, !self[before].isNewline else { break }
      end = before
    }
    return String(self[..<end])
  }

  /// The text without spaces, tabs and other horizontal whitespace at either end.
  var trimmed: String {
    let scalars = unicodeScalars
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t"
        || (scalar.value >= 0x80 && scalar.properties.isWhitespace && scalar != "\u{2028}")
    }
    guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = scalars.lastIndex(where: { !isSpace($0) })!
    return String(self[start..<scalars.index(after: end)])
  }

  /// Whether the line holds only whitespace.
  var isBlank: Bool {
    for byte in utf8 where byte != 0x20 && byte != 0x09 {
      // An ASCII character that is not a space settles it; anything else needs Unicode's word.
      return byte < 0x80 ? false : allSatisfy(\.isWhitespace)
    }
    return true
  }

  /// Whether the text contains `needle`, compared byte for byte (no Unicode folding, unlike Foundation's).
  func containsBytes(_ needle: String) -> Bool { rangeOfBytes(needle) != nil }

  /// The first range where `needle`'s UTF-8 bytes occur, compared byte for byte: many times faster than
  /// Foundation's `range(of:)`, which converts both strings to UTF-16 first.
  func rangeOfBytes(_ needle: String) -> Range<Index>? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return startIndex..<startIndex }
    let bytes = utf8
    var index = bytes.startIndex
    while let start = bytes[index...].firstIndex(of: first) {
      var end = start
      var matched = 0
      while matched < pattern.count, end < bytes.endIndex, bytes[end] == pattern[matched] {
        end = bytes.index(after: end)
        matched += 1
      }
      if matched == pattern.count { return start..<end }
      index = bytes.index(after: start)
    }
    return nil
  }
}
