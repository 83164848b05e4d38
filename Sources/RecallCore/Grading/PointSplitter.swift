import Foundation

/// Splits an expected answer into the points a student must state. The rules, in order:
///
/// 1. Code fences and Markdown table rulers are dropped; table rows count as lines; `**`, `__` and backticks go.
/// 2. Every non-empty line is a candidate; a bullet (`-`, `•`, `*`, `–`, `+`) or list marker (`1.`, `2)`, `a)`)
///    is removed and marks the line as a list item.
/// 3. A line starting "e.g." or "for example" is not a point: it becomes an optional part of the point before it.
/// 4. A line ending in ":" with more lines after it is a lead line. It is a point of its own when it states a
///    fact — it has a number or at least four content words ("Opposition to Khrushchev led by Molotov and
///    Malenkov:") — and a heading otherwise ("the long term causes:", "Prokaryotes:").
/// 5. A list item is one point: the student chose it as a unit. Other lines split into sentences, and sentences
///    at top-level semicolons.
/// 6. Such a piece splits further when it is a list: three or more comma-separated items, all but the last of at
///    most four words and none but the first opening with a past-tense verb ("Britain, France, Russia"; "street
///    lights, national defence, lighthouses"), or exactly "A and B" with both sides of at most three words
///    ("interference and retrieval failure").
/// 7. When the front asks several questions ("What was Beria accused of? What was his fate?") and the answer is
///    one point with as many comma-separated parts, each part is a point.
enum PointSplitter {
  private static let abbreviationsBeforeFullStop: Set<String> = [
    "e.g", "eg", "i.e", "ie", "etc", "vs", "v", "mr", "mrs", "ms", "dr", "st", "al", "approx", "no", "fig", "cf",
    "inc", "ltd", "jr", "sr", "esp", "incl", "ca", "c",
  ]

  /// The points of `expected`; `front` is the question, when known.
  static func points(of expected: String, front: String?) -> [AnswerPoint] {
    var texts = pointTexts(of: expected)
    if texts.count == 1, let front, questionCount(front) >= 2 {
      let scan = TopLevelText(texts[0].display)
      let parts = scan.pieces(between: scan.commas()).filter { !$0.isEmpty }
      if parts.count == questionCount(front) {
        texts = parts.map { PointText(display: $0, source: $0) }
      }
    }
    let frontStems = Set((front.map(TextNormalizer.tokens) ?? []).map(\.stem))
    var points = texts.map { AnswerPoint(text: $0.display, variants: variants(of: $0.source, frontStems: frontStems)) }
    assignLabels(&points)
    return points
  }

  /// A point's display text, and the text it is matched on (which may carry extra optional parts).
  struct PointText {
    var display: String
    var source: String
  }

  /// The point texts of `expected`, before any front-dependent rule.
  static func pointTexts(of expected: String) -> [PointText] {
    let lines = cleanLines(expected)
    var result: [PointText] = []
    for (index, line) in lines.enumerated() {
      let (content, isListItem) = stripMarker(line)
      guard !content.isEmpty else { continue }
      if isExampleLead(content) {
        attachOptional(content, to: &result)
        continue
      }
      if content.hasSuffix(":"), index + 1 < lines.count {
        let lead = String(content.dropLast()).trimmingWhitespace()
        if statesAFact(lead) { result.append(PointText(display: lead, source: lead)) }
        continue
      }
      // A list item is the student's own unit: it is never split again.
      for sentence in isListItem ? [content] : sentences(content) {
        let scan = TopLevelText(sentence)
        let segments = isListItem ? [sentence] : scan.pieces(between: scan.occurrences(of: ";"))
        for segment in segments where !segment.isEmpty {
          if isExampleLead(segment) {
            attachOptional(segment, to: &result)
            continue
          }
          let items = isListItem ? [segment] : (listItems(segment) ?? [segment])
          for item in items {
            let display = trimTrailingPunctuation(item)
            if !display.isEmpty { result.append(PointText(display: display, source: display)) }
          }
        }
      }
    }
    return result
  }

  // MARK: - Lines

  private static func cleanLines(_ text: String) -> [String] {
    var lines: [String] = []
    var inFence = false
    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    {
      let line = rawLine.trimmingWhitespace()
      if line.hasPrefix("```") || line.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence || line.isEmpty { continue }
      var cleaned = line
      if cleaned.contains(where: { $0 == "*" || $0 == "_" || $0 == "`" }) {
        cleaned = cleaned.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        cleaned = cleaned.replacingOccurrences(of: "`", with: "")
      }
      if cleaned.hasPrefix("|") {
        if cleaned.allSatisfy({ "|-: ".contains($0) }) { continue }
        cleaned = cleaned.split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
          .joined(separator: " ")
      }
      if !cleaned.isEmpty { lines.append(cleaned) }
    }
    return lines
  }

  /// The line without its bullet or list marker, and whether it had one.
  static func stripMarker(_ line: String) -> (String, Bool) {
    let chars = Array(line.unicodeScalars)
    guard let first = chars.first else { return ("", false) }
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
    var end: Int?
    if "-•*–—+·▪‣◦>".unicodeScalars.contains(first), chars.count > 1, chars[1] == " " {
      end = 1
    } else if isDigit(first) {
      var index = 0
      while index < chars.count, index < 2, isDigit(chars[index]) { index += 1 }
      if index < chars.count, chars[index] == "." || chars[index] == ")" { end = index + 1 }
    } else if first == "(", chars.count > 2, isDigit(chars[1]) || isLetter(chars[1]), chars[2] == ")" {
      end = 3
    } else if isLetter(first), chars.count > 1, chars[1] == ")" {
      end = 2
    }
    guard let end, end < chars.count, chars[end] == " " else { return (line, false) }
    return (TopLevelText.string(chars[end...]).trimmingWhitespace(), true)
  }

  private static func isExampleLead(_ text: String) -> Bool {
    let lower = text.lowercased()
    return ["e.g.", "e.g ", "eg.", "eg ", "eg:", "for example", "for instance", "i.e.", "ie "].contains {
      lower.hasPrefix($0)
    }
  }

  private static func attachOptional(_ text: String, to result: inout [PointText]) {
    guard !result.isEmpty else { return }
    result[result.count - 1].source += " (" + text + ")"
  }

  /// A lead line is a point when it says something: a number, or at least four content words.
  private static func statesAFact(_ text: String) -> Bool {
    let tokens = TextNormalizer.tokens(text)
    if tokens.contains(where: \.isNumber) { return true }
    return tokens.filter { $0.kind == .word }.count >= 4
  }

  // MARK: - Sentences and lists

  /// The sentences of a line: split after ".", "!" or "?" when a capital letter, digit or quote follows and the
  /// word before is not an abbreviation.
  static func sentences(_ line: String) -> [String] {
    let scan = TopLevelText(line)
    let chars = scan.chars
    let stops: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    let openers: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{2018}", "("]
    var result: [String] = []
    var start = 0
    var index = 0
    while index < chars.count {
      let scalar = chars[index]
      guard stops.contains(scalar), scan.isTopLevel[index] else {
        index += 1
        continue
      }
      var end = index + 1
      while end < chars.count, stops.contains(chars[end]) { end += 1 }
      var next = end
      while next < chars.count, chars[next] == " " { next += 1 }
      let followedByStart =
        next > end && next < chars.count
        && (chars[next].properties.isUppercase || chars[next].properties.numericType != nil
          || openers.contains(chars[next]))
      if followedByStart, scalar != "." || !endsWithAbbreviation(chars, before: index) {
        result.append(TopLevelText.string(chars[start..<end]))
        start = next
      }
      index = end
    }
    result.append(TopLevelText.string(chars[start...]))
    return result.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  private static func endsWithAbbreviation(_ chars: [Unicode.Scalar], before index: Int) -> Bool {
    var start = index
    while start > 0, chars[start - 1].properties.isAlphabetic || chars[start - 1] == "." { start -= 1 }
    let word = TopLevelText.string(chars[start..<index]).lowercased()
    return word.count == 1 || abbreviationsBeforeFullStop.contains(word)
  }

  /// The items of a list sentence, or nil when it is not a list (see the type's rule 6).
  static func listItems(_ sentence: String) -> [String]? {
    let scan = TopLevelText(sentence)
    let commas = scan.commas()
    if commas.isEmpty { return pairItems(scan) }
    var items = scan.pieces(between: commas)
    if let last = items.last {
      let lastScan = TopLevelText(last)
      if let conjunction = conjunctions(in: lastScan).first {
        let left = lastScan.text(0..<conjunction.lowerBound)
        if TopLevelText.wordCount(left) <= 4 {
          items.removeLast()
          items.append(left)
          items.append(lastScan.text(conjunction.upperBound..<lastScan.chars.count))
        }
      }
    }
    guard items.count >= 3, items.allSatisfy({ !$0.isEmpty }) else { return nil }
    for item in items.dropLast() where TopLevelText.wordCount(item) > 4 || hasLabelSeparator(item) {
      return nil
    }
    // "…annexed Bosnia, angered Serbia and Russia": an item that opens with a past-tense verb continues a
    // sentence; it is not a list entry (single verbs such as "smashed, collided, bumped" still are).
    for item in items.dropFirst() where TopLevelText.wordCount(item) > 1 {
      if let first = item.split(separator: " ").first, first.count > 4, first.lowercased().hasSuffix("ed") {
        return nil
      }
    }
    return items
  }

  /// "A and B" with short sides: two items.
  private static func pairItems(_ scan: TopLevelText) -> [String]? {
    let found = conjunctions(in: scan)
    guard found.count == 1, let conjunction = found.first else { return nil }
    let left = scan.text(0..<conjunction.lowerBound)
    let right = scan.text(conjunction.upperBound..<scan.chars.count)
    let whole = TopLevelText.string(scan.chars)
    guard !hasLabelSeparator(whole), (1...3).contains(TopLevelText.wordCount(left)),
      (1...3).contains(TopLevelText.wordCount(right))
    else { return nil }
    return [left, right]
  }

  private static func conjunctions(in scan: TopLevelText) -> [Range<Int>] {
    var found: [Range<Int>] = []
    for word in [" and ", " And ", " AND ", " & ", " + "] { found += scan.occurrences(of: word) }
    return found.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// Whether the text pairs a label with its meaning ("TEM – 2D", "tibia = shin bone", "TCP: reliable").
  private static func hasLabelSeparator(_ text: String) -> Bool {
    let scan = TopLevelText(text)
    return [":", "=", "\u{2192}", "->", " - ", " \u{2013} ", " \u{2014} "].contains {
      !scan.occurrences(of: $0).isEmpty
    }
  }

  private static func trimTrailingPunctuation(_ text: String) -> String {
    var result = Substring(text)
    while let last = result.last, ".;:".contains(last) || last.isWhitespace { result.removeLast() }
    // A final "?" on an answer ("…without a fair trial?") is the student's doubt, not part of the fact.
    while result.count > 1, result.last == "?" { result.removeLast() }
    return String(result)
  }

  // MARK: - Questions and variants

  /// How many questions a front asks ("What was Beria accused of? What was his fate?" asks two).
  static func questionCount(_ front: String) -> Int {
    var count = 0
    var sawLetter = false
    for character in front {
      if character.isLetter { sawLetter = true }
      if character == "?", sawLetter {
        count += 1
        sawLetter = false
      }
    }
    return count
  }

  /// The ways of stating a point: the whole text, each side of a short " / " choice, each parenthesised synonym,
  /// and the dash-separated parts of "term – explanation" points.
  static func variants(of source: String, frontStems: Set<String>) -> [PointVariant] {
    let whole = TextNormalizer.tokens(source)
    var result = [PointVariant(tokens: whole, kind: .whole, source: source)]
    let scan = TopLevelText(source)
    // Parts are cut from the whole point's tokens, which keep the offsets of `source`.
    func part(_ range: Range<Int>, required: Bool) -> [AnswerToken] {
      whole.filter { range.contains($0.range.lowerBound) }.map { token in
        var token = token
        if required { token.optional = false }
        return token
      }
    }
    let slashes = scan.occurrences(of: " / ")
    if !slashes.isEmpty {
      let sides = scan.pieceRanges(between: slashes)
      if sides.count >= 2, sides.allSatisfy({ (1...4).contains(TopLevelText.wordCount(scan.text($0))) }) {
        result += sides.map { PointVariant(tokens: part($0, required: false), kind: .alternative, source: source) }
      }
    }
    for inner in parenthesisedRanges(scan) {
      let innerScan = TopLevelText(TopLevelText.string(scan.chars[inner]))
      for piece in innerScan.pieceRanges(between: innerScan.commas()) {
        let tokens = part((inner.lowerBound + piece.lowerBound)..<(inner.lowerBound + piece.upperBound), required: true)
        let words = tokens.filter { $0.kind == .word }
        // "(prime minister)", "(NKVD)", "(translation)" can stand for the point; "(1893)" or "(e.g. …)" cannot.
        guard !tokens.contains(where: \.isNumber), !words.isEmpty, words.contains(where: { $0.form.count >= 3 }),
          !tokens.contains(where: { $0.form == "eg" || $0.form == "ie" }), words.count * 2 >= tokens.count
        else { continue }
        result.append(PointVariant(tokens: tokens, kind: .alternative, source: source))
      }
    }
    result += dashParts(scan, whole: whole, frontStems: frontStems, source: source)
    return result
  }

  /// "Physical – transmits raw bits": the headword, and each later part, as variants.
  private static func dashParts(_ scan: TopLevelText, whole: [AnswerToken], frontStems: Set<String>, source: String)
    -> [PointVariant]
  {
    let dashes = [" - ", " \u{2013} ", " \u{2014} "].flatMap { scan.occurrences(of: $0) }
    guard !dashes.isEmpty else { return [] }
    let parts = scan.pieceRanges(between: dashes).filter { !scan.text($0).isEmpty }
    guard parts.count >= 2 else { return [] }
    func tokens(_ range: Range<Int>) -> [AnswerToken] { whole.filter { range.contains($0.range.lowerBound) } }
    var result: [PointVariant] = []
    let headword = tokens(parts[0])
    let content = headword.filter { ($0.kind == .word || $0.isNumber) && !$0.optional }
    let isAnswerWordOnly = content.count == 1 && ["yes", "no", "none"].contains(content[0].form)
    let repeatsFront = content.allSatisfy { frontStems.contains($0.stem) }
    // "Tulving (1983) - a cue helps recall…": a citation is not what the point says.
    let isCitation = hasParenthesisedYear(scan.text(parts[0]))
    if !content.isEmpty, !isAnswerWordOnly, !repeatsFront, !isCitation {
      result.append(PointVariant(tokens: headword, kind: .headword, source: source))
    }
    for part in parts.dropFirst() {
      result.append(PointVariant(tokens: tokens(part), kind: .clause, source: source))
    }
    return result
  }

  /// Whether the text holds a year in brackets, as a citation does: "Tulving (1983)".
  private static func hasParenthesisedYear(_ text: String) -> Bool {
    let chars = Array(text.utf8)
    guard chars.count >= 6 else { return false }
    for start in 0...(chars.count - 6) where chars[start] == UInt8(ascii: "(") && chars[start + 5] == UInt8(ascii: ")")
    {
      if chars[(start + 1)...(start + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
    }
    return false
  }

  /// Gives each point its label when two or more points are labelled ("rough ER – …" / "smooth ER – …").
  private static func assignLabels(_ points: inout [AnswerPoint]) {
    var labels: [(stems: Set<String>, end: Int?)?] = []
    for point in points {
      let scan = TopLevelText(point.variants[0].source)
      let colon = [":", " = ", "="].compactMap { scan.occurrences(of: $0).first }.min { $0.lowerBound < $1.lowerBound }
      let dash = [" - ", " \u{2013} ", " \u{2014} "].compactMap { scan.occurrences(of: $0).first }
        .min { $0.lowerBound < $1.lowerBound }
      guard let separator = [colon, dash].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else {
        labels.append(nil)
        continue
      }
      let labelText = TopLevelText.string(scan.chars[0..<separator.lowerBound])
      let stems = Set(
        point.variants[0].tokens.filter {
          $0.range.upperBound <= separator.lowerBound && $0.kind == .word && !$0.optional
        }.map(\.stem))
      guard (1...3).contains(TopLevelText.wordCount(labelText)), !stems.isEmpty else {
        labels.append(nil)
        continue
      }
      let isDash = separator == dash
      labels.append((stems, isDash ? nil : separator.lowerBound))
    }
    let present = labels.compactMap { $0 }
    guard present.count >= 2 else { return }
    let shared = present.dropFirst().reduce(present[0].stems) { $0.intersection($1.stems) }
    for index in points.indices {
      guard let label = labels[index] else { continue }
      points[index].label = label.stems.subtracting(shared)
      points[index].labelEnd = label.end
    }
  }

  private static func parenthesisedRanges(_ scan: TopLevelText) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var depth = 0
    var start = 0
    for (index, scalar) in scan.chars.enumerated() {
      if scalar == "(" {
        if depth == 0 { start = index + 1 }
        depth += 1
      } else if scalar == ")", depth > 0 {
        depth -= 1
        if depth == 0 { result.append(start..<index) }
      }
    }
    return result
  }
}
