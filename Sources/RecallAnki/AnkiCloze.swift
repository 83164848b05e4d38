/// Anki's cloze markup in a field's text: `{{c1::answer}}`, `{{c1::answer::hint}}`, several numbers
/// (`{{c1,2::…}}`) and nested deletions, as Anki 2.1.56+ reads them.
struct AnkiCloze {
  private indirect enum Segment {
    case text(Substring)
    case gap(numbers: Set<Int>, content: [Segment], hint: Substring?)
  }

  private let segments: [Segment]

  init(_ text: String) {
    var index = text.startIndex
    segments = Self.parse(text, from: &index, nested: false)
  }

  /// Every cloze number the text uses, ascending.
  var numbers: [Int] {
    func collect(_ segments: [Segment]) -> Set<Int> {
      segments.reduce(into: Set<Int>()) { result, segment in
        if case .gap(let numbers, let content, _) = segment { result.formUnion(numbers.union(collect(content))) }
      }
    }
    return collect(segments).sorted()
  }

  /// Card `number`: its deletions shown as `[...]` (or `[hint]`), the others filled in; the back holds the
  /// deleted answers, joined by `, `.
  func card(number: Int) -> (front: String, back: String) {
    var answers: [String] = []
    let front = render(segments, number: number, answers: &answers)
    return (front, answers.joined(separator: ", "))
  }

  private func render(_ segments: [Segment], number: Int, answers: inout [String]) -> String {
    var output = ""
    for segment in segments {
      switch segment {
      case .text(let text):
        output += text
      case .gap(let numbers, let content, let hint):
        if numbers.contains(number) {
          var ignored: [String] = []
          answers.append(render(content, number: -1, answers: &ignored))
          output += "[" + (hint.map(String.init) ?? "...") + "]"
        } else {
          output += render(content, number: number, answers: &answers)
        }
      }
    }
    return output
  }

  /// Segments up to the end of the text, or (when `nested`) up to the `}}` closing the enclosing deletion.
  private static func parse(_ text: String, from index: inout String.Index, nested: Bool) -> [Segment] {
    var segments: [Segment] = []
    var textStart = index
    while index < text.endIndex {
      if nested, text[index...].hasPrefix("}}") || text[index...].hasPrefix("::") {
        break
      }
      if text[index...].hasPrefix("{{c"), let (numbers, bodyStart) = opening(text, at: index) {
        var cursor = bodyStart
        let content = parse(text, from: &cursor, nested: true)
        var hint: Substring?
        if text[cursor...].hasPrefix("::") {
          let hintStart = text.index(cursor, offsetBy: 2)
          let hintEnd = text[hintStart...].range(of: "}}")?.lowerBound ?? text.endIndex
          hint = text[hintStart..<hintEnd]
          cursor = hintEnd
        }
        if text[cursor...].hasPrefix("}}") {
          if textStart < index { segments.append(.text(text[textStart..<index])) }
          segments.append(.gap(numbers: numbers, content: content, hint: hint))
          index = text.index(cursor, offsetBy: 2)
          textStart = index
          continue
        }
        // Unclosed: not a deletion after all; keep it as written.
        index = text.index(after: index)
        continue
      }
      index = text.index(after: index)
    }
    if textStart < index { segments.append(.text(text[textStart..<index])) }
    return segments
  }

  /// The numbers of a `{{c1,2::` opening at `index`, and where its content starts.
  private static func opening(_ text: String, at index: String.Index) -> (Set<Int>, String.Index)? {
    let afterC = text.index(index, offsetBy: 3)
    let digits = text[afterC...].prefix { $0.isASCII && ($0.isNumber || $0 == ",") }
    guard text[digits.endIndex...].hasPrefix("::") else { return nil }
    let numbers = Set(digits.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 })
    guard !numbers.isEmpty else { return nil }
    return (numbers, text.index(digits.endIndex, offsetBy: 2))
  }
}
