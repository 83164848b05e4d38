/// A typed answer cut into fragments that can each be matched to a point: lines, bullets, sentences and
/// semicolon-separated parts are chunks; commas and "and", "&", "+", "but", "then" cut chunks into atoms. A point
/// may take several neighbouring atoms ("presidium" + "central committee meetings resumed").
struct TypedAnswer {
  /// One fragment of the answer.
  struct Atom {
    /// The fragment's tokens, as indices into `tokens`.
    var tokens: Range<Int>
    /// Where the fragment stands in the typed text, in Unicode scalars.
    var span: Range<Int>
    /// The chunk (line, bullet or sentence) it belongs to.
    var chunk: Int
  }

  let text: String
  let scalars: [Unicode.Scalar]
  let tokens: [AnswerToken]
  let atoms: [Atom]

  private static let joiningWords: Set<String> = ["and", "but", "then", "plus", "also", "while", "whereas"]

  init(_ text: String) {
    self.text = text
    scalars = Array(text.unicodeScalars)
    tokens = TextNormalizer.tokens(text)
    atoms = Self.cut(scalars, tokens: tokens)
  }

  /// Whether the answer says anything gradable.
  var isBlank: Bool { tokens.isEmpty }

  /// The typed text of some atoms: one span when they are neighbours in one chunk, else the spans joined.
  func text(of atomIndices: [Int]) -> String {
    let sorted = atomIndices.sorted()
    guard let first = sorted.first, let last = sorted.last else { return "" }
    let contiguous = zip(sorted, sorted.dropFirst()).allSatisfy { $1 == $0 + 1 && atoms[$0].chunk == atoms[$1].chunk }
    if contiguous { return excerpt(atoms[first].span.lowerBound..<atoms[last].span.upperBound) }
    return sorted.map { excerpt(atoms[$0].span) }.joined(separator: " … ")
  }

  private func excerpt(_ span: Range<Int>) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[span])
    var text = Substring(String(result))
    while let first = text.first, first.isWhitespace || ",;.:-".contains(first) { text.removeFirst() }
    while let last = text.last, last.isWhitespace || ",;.:-".contains(last) { text.removeLast() }
    return String(text)
  }

  private static func cut(_ scalars: [Unicode.Scalar], tokens: [AnswerToken]) -> [Atom] {
    // Boundaries are found on the raw text; tokens are then dealt to the atoms they start in.
    var cuts: [(offset: Int, length: Int, newChunk: Bool)] = []
    var depth = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "(", "[": depth += 1
      case ")", "]": depth = max(0, depth - 1)
      case "\n", "\r", ";":
        cuts.append((index, 1, true))
      case ".", "!", "?":
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        let previous = index > 0 ? scalars[index - 1] : " "
        let isDecimal = previous.properties.numericType != nil && next.properties.numericType != nil
        if depth == 0, !isDecimal, next == " " || next == "\n" || index + 1 == scalars.count {
          cuts.append((index, 1, true))
        }
      case ",":
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        let previous = index > 0 ? scalars[index - 1] : " "
        let isThousands = previous.properties.numericType != nil && next.properties.numericType != nil
        if depth == 0, !isThousands { cuts.append((index, 1, false)) }
      case "&", "+":
        if depth == 0 { cuts.append((index, 1, false)) }
      case "/":
        // "ambassador / put in charge of electricity": a spaced slash separates items.
        let spaced = index > 0 && scalars[index - 1] == " " && index + 1 < scalars.count && scalars[index + 1] == " "
        if depth == 0, spaced { cuts.append((index, 1, false)) }
      default:
        break
      }
      index += 1
    }
    // Joining words cut too: their tokens sit at top level between two clauses.
    for token in tokens where joiningWords.contains(token.form) && token.kind == .function && !token.optional {
      cuts.append((token.range.lowerBound, token.range.count, false))
    }
    cuts.sort { $0.offset < $1.offset }

    var atoms: [Atom] = []
    var start = 0
    var chunk = 0
    var tokenIndex = 0
    func close(at end: Int, newChunk: Bool) {
      let first = tokenIndex
      while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < end { tokenIndex += 1 }
      let slice = tokens[first..<tokenIndex]
      if !slice.isEmpty {
        atoms.append(Atom(tokens: first..<tokenIndex, span: start..<end, chunk: chunk))
      }
      if newChunk { chunk += 1 }
    }
    for cut in cuts where cut.offset >= start {
      close(at: cut.offset, newChunk: cut.newChunk)
      start = cut.offset + cut.length
    }
    close(at: scalars.count, newChunk: false)
    return atoms
  }
}
