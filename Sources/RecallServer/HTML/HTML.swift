/// A fragment of HTML that is safe to send: every `String` interpolated into it was escaped, and only literals
/// written in this module's source (and other `HTML` values) pass through as markup.
///
/// Card text is untrusted (imported decks carry HTML), so pages are built from `HTML` values rather than strings:
///
/// ```swift
/// let row: HTML = "<td>\(card.front)</td>"   // card.front is escaped
/// let page: HTML = "<tr>\(row)</tr>"         // row is already HTML: kept as markup
/// ```
///
/// There is deliberately no initializer from an arbitrary `String` that skips escaping, apart from
/// ``init(trusted:)``, which the module only uses for its own generated markup (SVG paths, numbers).
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  /// The markup.
  private(set) var rendered: String

  /// An empty fragment.
  init() { rendered = "" }

  /// Markup written by this module itself, never derived from user input.
  init(trusted markup: String) { rendered = markup }

  /// Text shown as text: escaped.
  init(text: String) { rendered = HTML.escape(text) }

  init(stringLiteral value: String) { rendered = value }

  init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

  var description: String { rendered }

  /// Builds a fragment: literal segments are markup, interpolated strings and numbers are escaped text.
  struct Interpolation: StringInterpolationProtocol {
    var output = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      output.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    mutating func appendLiteral(_ literal: String) { output += literal }

    /// Untrusted text: escaped for element content and quoted attribute values alike.
    mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

    /// Untrusted text: escaped.
    mutating func appendInterpolation(_ text: Substring) { output += HTML.escape(String(text)) }

    /// Markup built elsewhere: kept.
    mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

    /// Optional markup: nothing when `nil`.
    mutating func appendInterpolation(_ html: HTML?) { output += html?.rendered ?? "" }

    /// A list of fragments, one after another.
    mutating func appendInterpolation(_ fragments: [HTML]) {
      for fragment in fragments { output += fragment.rendered }
    }

    /// A number as text.
    mutating func appendInterpolation<N: BinaryInteger>(_ number: N) { output += String(number) }
  }

  /// Escapes the five characters that matter in element content and in single- or double-quoted attributes.
  static func escape(_ text: String) -> String {
    var needsEscaping = false
    for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
      needsEscaping = true
      break
    }
    guard needsEscaping else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count + 16)
    for character in text.unicodeScalars {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(character)
      }
    }
    return output
  }

  /// Fragments joined by `separator`.
  static func join(_ fragments: [HTML], separator: HTML = "") -> HTML {
    HTML(trusted: fragments.map(\.rendered).joined(separator: separator.rendered))
  }

  /// `fragment` when `condition` holds, else nothing: for boolean attributes such as `checked`.
  static func when(_ condition: Bool, _ fragment: HTML) -> HTML { condition ? fragment : HTML() }

  /// Appends a fragment.
  static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

  /// Two fragments, one after the other.
  static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }
}
