import Foundation

/// Turns an HTML card field into plain text: line-breaking tags become line breaks, list items become `- `
/// bullets, scripts and styles vanish with their content, every other tag is dropped and entities are decoded.
///
/// Imported decks are untrusted; the result is plain text that the web UI escapes again when it shows it.
enum HTMLText {
  private static let blockTags: Set<String> = [
    "div", "p", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
  ]
  private static let droppedElements: Set<String> = ["script", "style", "head", "title", "template"]

  /// Whether `text` looks like it holds HTML tags or entities.
  static func looksLikeHTML<S: StringProtocol>(_ text: S) -> Bool {
    let lowered = text.lowercased()
    return lowered.contains("<br") || lowered.contains("<div") || lowered.contains("</") || lowered.contains("&nbsp;")
      || lowered.contains("&amp;") || lowered.contains("<b>") || lowered.contains("<i>") || lowered.contains("<img")
  }

  /// The plain text of an HTML fragment.
  static func plainText<S: StringProtocol>(_ html: S) -> String {
    var output = ""
    var rest = Substring(html)
    func breakLine() {
      if !output.isEmpty, !output.hasSuffix("\n") { output.append("\n") }
    }
    while let lessThan = rest.firstIndex(of: "<") {
      output += decodeEntities(rest[..<lessThan])
      guard let greaterThan = rest[lessThan...].firstIndex(of: ">") else {
        rest = rest[lessThan...]
        break
      }
      let tag = rest[rest.index(after: lessThan)..<greaterThan]
      rest = rest[rest.index(after: greaterThan)...]
      let closing = tag.hasPrefix("/")
      let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
      if !closing, droppedElements.contains(name) {
        if let end = rest.range(of: "</\(name)", options: .caseInsensitive) {
          rest = rest[end.upperBound...].drop { $0 != ">" }.dropFirst()
        } else {
          rest = rest[rest.endIndex...]
        }
      } else if name == "br" {
        output.append("\n")
      } else if name == "li", !closing {
        breakLine()
        output.append("- ")
      } else if blockTags.contains(name) {
        breakLine()
      }
    }
    output += decodeEntities(rest)
    return SideText.joining(output.split(separator: "\n", omittingEmptySubsequences: false))
  }

  private static let namedEntities: [Substring: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä",
    "szlig": "ß", "ntilde": "ñ", "deg": "°", "times": "×", "divide": "÷", "middot": "·", "bull": "•",
    "copy": "©", "reg": "®", "euro": "€", "pound": "£", "rarr": "→", "larr": "←", "plusmn": "±",
  ]

  /// `text` with `&name;`, `&#NN;` and `&#xHH;` entities replaced; unknown entities are kept as written.
  static func decodeEntities(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    var output = ""
    var rest = text
    while let ampersand = rest.firstIndex(of: "&") {
      output += rest[..<ampersand]
      let afterAmpersand = rest.index(after: ampersand)
      guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";") else {
        output.append("&")
        rest = rest[afterAmpersand...]
        continue
      }
      let name = rest[afterAmpersand..<semicolon]
      if let decoded = decodeEntity(name) {
        output += decoded
      } else {
        output += rest[ampersand...semicolon]
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return output + rest
  }

  private static func decodeEntity(_ name: Substring) -> String? {
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
    return namedEntities[name] ?? namedEntities[Substring(name.lowercased())]
  }
}
