import Foundation

/// Joins the lines of one card side the way every format writes them: lines as written (indentation kept,
/// trailing whitespace removed), blank lines at either end dropped, a run of blank lines inside kept as one.
struct SideText {
  private var lines: [String] = []
  private var pendingBlank = false

  /// Whether no line with text was added.
  var isEmpty: Bool { lines.isEmpty }

  mutating func append<S: StringProtocol>(_ line: S) {
    let text = line.trimmingTrailingWhitespace
    if text.isEmpty {
      pendingBlank = !lines.isEmpty
      return
    }
    if pendingBlank { lines.append("") }
    pendingBlank = false
    lines.append(text)
  }

  var text: String { lines.joined(separator: "\n") }

  static func joining<S: Sequence>(_ lines: S) -> String where S.Element: StringProtocol {
    var side = SideText()
    for line in lines { side.append(line) }
    return side.text
  }
}
