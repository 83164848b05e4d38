import Foundation

/// Converts between Anki's HTML fields and Recall's card text, in both directions, so that a card survives a round
/// trip through Anki unchanged.
///
/// Card text is plain text (see ``HTMLText``): line breaks, `- ` bullets, no markup. The one addition is an image,
/// written `![](name)` with the media file's name percent-encoded: the file lives in the collection's media folder,
/// and the web app shows it only if it is there. Images from the web (`http:` and the like) are dropped, since
/// loading them would tell a third party when the card is studied.
public enum AnkiFieldText {
  /// The card text of an Anki field: images become `![](name)`, the rest goes through the HTML-to-text rules of
  /// the `anki-text` format.
  public static func plainText(fromHTML html: String) -> String {
    guard html.contains("<") || html.contains("&") else {
      return SideText.joining(html.split(separator: "\n", omittingEmptySubsequences: false))
    }
    return HTMLText.plainText(replacingImages(in: html))
  }

  /// The Anki field for a card text: `&`, `<` and `>` escaped, line breaks as `<br>`, `![](name)` as `<img>`.
  public static func html(fromPlainText text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let open = rest.range(of: "![](") {
      guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
      output += escaped(rest[..<open.lowerBound])
      let name = String(rest[open.upperBound..<close])
      if let decoded = name.removingPercentEncoding, isSafeMediaName(decoded) {
        output += "<img src=\"\(percentEncoded(decoded))\">"
      } else {
        output += escaped(rest[open.lowerBound...close])
      }
      rest = rest[rest.index(after: close)...]
    }
    return output + escaped(rest)
  }

  /// The media files a card text shows, in order, decoded.
  public static func mediaNames(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.range(of: "![]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
      if let name = rest[open.upperBound..<close].removingPercentEncoding, isSafeMediaName(name) {
        names.append(name)
      }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  /// The text with every image reference renamed by `rename` (given and returning decoded names).
  public static func renamingMedia(in text: String, _ rename: (String) -> String) -> String {
    var output = ""
    var rest = Substring(text)
    while let open = rest.range(of: "![]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
      output += rest[..<open.upperBound]
      let encoded = rest[open.upperBound..<close]
      if let name = encoded.removingPercentEncoding, isSafeMediaName(name) {
        output += percentEncoded(rename(name))
      } else {
        output += encoded
      }
      output += ")"
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }

  /// Whether `name` can name a file in the media folder: one path component, not hidden, no separators or
  /// control characters, no URL scheme. Anki applies the same rule to the names in a package.
  public static func isSafeMediaName(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= 255, !name.hasPrefix("."), !name.hasPrefix("~") else { return false }
    return !name.unicodeScalars.contains { scalar in
      scalar == "/" || scalar == "\\" || scalar == ":" || scalar.value < 0x20 || scalar.value == 0x7F
    }
  }

  /// `<img ... src="name" ...>` tags replaced by `![](name)`; other images (remote, unsafe names) dropped.
  static func replacingImages(in html: String) -> String {
    guard html.range(of: "<img", options: .caseInsensitive) != nil else { return html }
    var output = ""
    var rest = Substring(html)
    while let open = rest.range(of: "<img", options: .caseInsensitive) {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstIndex(of: ">") else {
        rest = rest[rest.endIndex...]
        break
      }
      let tag = rest[open.upperBound..<close]
      if let source = attribute("src", in: tag) {
        let decoded = HTMLText.decodeEntities(Substring(source))
        let name = decoded.removingPercentEncoding ?? decoded
        // Kept out of the HTML path as text: HTMLText would otherwise drop it with the tag.
        if isSafeMediaName(name) { output += "![](" + percentEncoded(name) + ")" }
      }
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }

  /// The value of `name="…"`, `name='…'` or `name=…` in a tag's attributes.
  private static func attribute(_ name: String, in tag: Substring) -> String? {
    var rest = tag
    while let found = rest.range(of: name, options: .caseInsensitive) {
      let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
      var after = rest[found.upperBound...].drop { $0 == " " }
      rest = rest[found.upperBound...]
      guard before.isWhitespace || before == "/", after.first == "=" else { continue }
      after = after.dropFirst().drop { $0 == " " }
      if let quote = after.first, quote == "\"" || quote == "'" {
        return String(after.dropFirst().prefix { $0 != quote })
      }
      return String(after.prefix { !$0.isWhitespace && $0 != "/" })
    }
    return nil
  }

  private static let unreserved = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

  /// A media name as written inside `![](…)` and `src="…"`: everything but unreserved ASCII percent-encoded, so
  /// spaces, parentheses and quotes cannot end the reference.
  static func percentEncoded(_ name: String) -> String {
    name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name
  }

  private static func escaped(_ text: Substring) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\n": output += "<br>"
      default: output.append(character)
      }
    }
    return output
  }
}
