import Foundation
import RecallCore

/// The formatting Recall shows in a card side, read from its plain text: line breaks, bulleted and numbered lists
/// (lines starting `- `, `* `, `• `, `1. `, `1) `), inline `**bold**`, `_italic_` and `` `code` ``, and images
/// written `![](name)` (as Anki imports leave them) for a file in the collection's media folder.
///
/// Nothing else is interpreted: HTML in a card is text and is shown as typed. An image whose name is not one
/// safe file name (`../x`, `a/b`, `.hidden`, a URL) stays text, so a card can never point the browser elsewhere.
/// The pages render these blocks as HTML with every character of text escaped; the study script receives the
/// same blocks as JSON and builds DOM nodes with `textContent` (and `<img>` elements for images, from the same
/// safe names), so no card text ever reaches `innerHTML`.
enum CardText {
  /// A run of text with one style.
  struct Span: Sendable, Hashable, Codable {
    /// How a run is shown.
    enum Style: String, Sendable, Hashable, Codable {
      /// `image`: ``Span/text`` is the decoded name of a file in the media folder, served at `/media/{name}`.
      case plain, bold, italic, code, image
    }

    /// The text, unescaped; for an image, the file's name.
    var text: String
    /// Its style.
    var style: Style
  }

  /// A paragraph (lines joined by line breaks) or a list (one item a line).
  struct Block: Sendable, Hashable, Codable {
    /// What a block is.
    enum Kind: String, Sendable, Hashable, Codable {
      case lines, bullets, numbers
    }

    /// What the block is.
    var kind: Kind
    /// Its lines or list items, each a run of spans.
    var lines: [[Span]]
  }

  /// The blocks of `text`, in order.
  static func blocks(_ text: String) -> [Block] {
    var blocks: [Block] = []
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = rawLine.trimmingTrailingWhitespace()
      if line.allSatisfy(\.isWhitespace) {
        // A blank line ends the current block; the next line starts a new one.
        if let last = blocks.last, !last.lines.isEmpty { blocks.append(Block(kind: .lines, lines: [])) }
        continue
      }
      let (kind, content) = listItem(line)
      let spans = inline(content)
      if let last = blocks.last, last.kind == kind || last.lines.isEmpty {
        blocks[blocks.count - 1].kind = kind
        blocks[blocks.count - 1].lines.append(spans)
      } else {
        blocks.append(Block(kind: kind, lines: [spans]))
      }
    }
    return blocks.filter { !$0.lines.isEmpty }
  }

  /// `text` as HTML: paragraphs with `<br>`, `<ul>`/`<ol>` lists, `<strong>`, `<em>`, `<code>` and `<img>`.
  static func html(_ text: String) -> HTML {
    var output = HTML()
    for block in blocks(text) {
      switch block.kind {
      case .lines:
        output += "<p>\(HTML.join(block.lines.map(html), separator: "<br>"))</p>"
      case .bullets:
        output += "<ul>\(block.lines.map { "<li>\(html($0))</li>" as HTML })</ul>"
      case .numbers:
        output += "<ol>\(block.lines.map { "<li>\(html($0))</li>" as HTML })</ol>"
      }
    }
    return output
  }

  /// One line of the text without list markers or formatting marks: for table cells and page titles.
  static func plainSummary(_ text: String, limit: Int = 140) -> String {
    let flat = blocks(text).flatMap(\.lines).map { line in
      line.map { $0.style == .image ? "[image]" : $0.text }.joined()
    }.joined(separator: " · ")
    guard flat.count > limit else { return flat }
    return String(flat.prefix(limit - 1).trimmingTrailingWhitespace()) + "…"
  }

  private static func html(_ spans: [Span]) -> HTML {
    HTML.join(
      spans.map { span in
        switch span.style {
        case .plain: return HTML(text: span.text)
        case .bold: return "<strong>\(span.text)</strong>"
        case .italic: return "<em>\(span.text)</em>"
        case .code: return "<code>\(span.text)</code>"
        case .image: return "<img src=\"\(mediaPath(span.text))\" alt=\"\">"
        }
      })
  }

  /// The list kind of a line and its content without the marker.
  private static func listItem(_ line: Substring) -> (Block.Kind, Substring) {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    for marker in ["- ", "* ", "• ", "– "] where trimmed.hasPrefix(marker) {
      return (.bullets, trimmed.dropFirst(marker.count))
    }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 3 {
      let rest = trimmed.dropFirst(digits.count)
      if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return (.numbers, rest.dropFirst(2)) }
    }
    return (.lines, line)
  }

  /// Where the app serves a media file: `/media/` and the name with everything but unreserved ASCII
  /// percent-encoded, so no name can end the attribute or add a path segment.
  static func mediaPath(_ name: String) -> String {
    "/media/" + (name.addingPercentEncoding(withAllowedCharacters: unreservedCharacters) ?? "")
  }

  private static let unreservedCharacters = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

  /// Splits a line into spans at `**…**`, `_…_` and `` `…` `` pairs and `![](name)` images; an unpaired mark is
  /// text.
  static func inline(_ line: Substring) -> [Span] {
    var spans: [Span] = []
    var plain = ""
    var rest = line
    func flush() {
      if !plain.isEmpty { spans.append(Span(text: plain, style: .plain)) }
      plain = ""
    }
    var previous: Character?
    while let first = rest.first {
      if first == "!", let (image, after) = imageReference(rest) {
        // An unsafe reference is kept whole as text, so no mark inside it is read as formatting either.
        if image.style == .image {
          flush()
          spans.append(image)
        } else {
          plain += image.text
        }
        previous = ")"
        rest = after
        continue
      }
      // An underscore inside a word (snake_case) is text.
      let insideWord = first == "_" && (previous.map { $0.isLetter || $0.isNumber } ?? false)
      if !insideWord, let (style, content, after) = delimited(rest) {
        flush()
        spans.append(Span(text: String(content), style: style))
        previous = content.last
        rest = after
      } else {
        plain.append(first)
        previous = first
        rest = rest.dropFirst()
      }
    }
    flush()
    return spans
  }

  /// An `![](name)` reference at the start of `text` and what follows it: an image span when the percent-decoded
  /// name is one safe file name (the rule Anki imports follow, ``AnkiFieldText/isSafeMediaName(_:)``), else the
  /// reference as it was typed, as plain text.
  private static func imageReference(_ text: Substring) -> (Span, Substring)? {
    guard text.hasPrefix("![]("), let close = text.dropFirst(4).firstIndex(of: ")") else { return nil }
    let encoded = text[text.index(text.startIndex, offsetBy: 4)..<close]
    let after = text[text.index(after: close)...]
    if let name = encoded.removingPercentEncoding, AnkiFieldText.isSafeMediaName(name) {
      return (Span(text: name, style: .image), after)
    }
    return (Span(text: String(text[..<after.startIndex]), style: .plain), after)
  }

  /// A styled run at the start of `text`, its content and what follows it.
  private static func delimited(_ text: Substring) -> (Span.Style, Substring, Substring)? {
    let marks: [(String, Span.Style)] = [("**", .bold), ("`", .code), ("_", .italic)]
    for (mark, style) in marks where text.hasPrefix(mark) {
      let body = text.dropFirst(mark.count)
      guard let end = body.range(of: mark), end.lowerBound > body.startIndex else { continue }
      let content = body[..<end.lowerBound]
      if style == .italic {
        // `_` marks italics only around words: a lone underscore or `_ x _` stays text.
        guard let firstCharacter = content.first, let lastCharacter = content.last,
          !firstCharacter.isWhitespace, !lastCharacter.isWhitespace
        else { continue }
        if let after = body[end.upperBound...].first, after.isLetter || after.isNumber { continue }
      }
      if style == .bold, content.first?.isWhitespace == true { continue }
      return (style, content, body[end.upperBound...])
    }
    return nil
  }
}

extension StringProtocol {
  /// The text without trailing spaces, tabs and carriage returns.
  func trimmingTrailingWhitespace() -> SubSequence {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before].isWhitespace else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}
