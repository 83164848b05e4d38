import Foundation

/// The list marker a line opens with, if any: `-`, `•`, `*`, `–`, `—`, `·`, `▪`, `◦`, `>`, or numbering like
/// `1.`, `2)`, `a)`, `(iii)`.
enum ListMarker: Equatable {
  case symbol
  case number

  /// The marker of `line` and the text after it, or `nil` when the line is not a list item.
  static func parse(_ line: Substring) -> (marker: ListMarker, content: Substring)? {
    let text = line.drop { $0 == " " || $0 == "\t" }
    guard let firstByte = text.utf8.first else { return nil }
    // Most lines open with a capital letter, which no marker does: cheap to tell.
    if firstByte >= 0x41 && firstByte <= 0x5A { return nil }
    guard let first = text.first else { return nil }
    if "-•*–—·▪◦‣>+".contains(first) {
      let rest = text.dropFirst()
      // "-5 degrees" or "--" are not bullets; a bullet is followed by a space.
      guard let next = rest.first, next == " " || next == "\t" else { return nil }
      return (.symbol, rest.drop { $0 == " " || $0 == "\t" })
    }
    var rest = text.drop { $0 == "(" }
    let label = rest.prefix { $0.isNumber || ($0.isLetter && $0.isLowercase) }
    guard !label.isEmpty, label.count <= 3 else { return nil }
    // A lone lowercase letter or roman numeral label ("a)", "iv.") is numbering; a word is not.
    let isNumeric = label.allSatisfy(\.isNumber)
    guard isNumeric || label.count == 1 || label.allSatisfy({ "ivx".contains($0) }) else { return nil }
    rest = rest.dropFirst(label.count)
    guard let punctuation = rest.first, punctuation == "." || punctuation == ")" else { return nil }
    rest = rest.dropFirst()
    guard let space = rest.first, space == " " || space == "\t" else { return nil }
    return (.number, rest.drop { $0 == " " || $0 == "\t" })
  }
}
