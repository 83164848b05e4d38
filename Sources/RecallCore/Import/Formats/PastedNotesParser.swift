import Foundation

/// Reads notes pasted with no separators: a title line, then cards of one front line and zero or more back lines.
///
/// Card boundaries are decided globally, not line by line. Each line gets a score for starting a card, from what
/// it looks like (a question word, a `?`, its length, its last character, a bullet, its case) and from its
/// neighbours (a bullet list around it, a blank line before it, a colon above it). A Viterbi pass over the labels
/// title / front / back then finds the labelling with the best total score, where a front followed by another
/// front (a question with no answer) and back lines with no front (an answer with no question) cost extra. That
/// coupling is what lets a line ending in `?` be an answer when the line above is a question with nothing else
/// to answer it. Lines whose label would change the total by less than ``uncertaintyMargin`` are reported.
struct PastedNotesParser {
  /// Boundaries decided by less than this score are reported as uncertain.
  static let uncertaintyMargin = 1.0

  private enum Label: Int, CaseIterable {
    case title, front, back
  }

  private struct Line {
    let number: Int
    let features: LineFeatures
    let blankBefore: Bool
  }

  private static let missingAnswerCost = 4.0
  private static let missingAnswerAtEndCost = 3.0
  private static let answerAfterTitleCost = 1.0
  private static let answerAtStartCost = 3.0

  func parse(_ source: SourceText) -> ParsedDeck {
    let lines = Self.contentLines(source.lines)
    guard !lines.isEmpty else { return ParsedDeck(format: .paste, title: nil, cards: [], warnings: []) }
    let blankSeparated = Self.usesBlankLineSeparators(lines)
    let frontScores = lines.indices.map { Self.frontScore(at: $0, in: lines, blankSeparated: blankSeparated) }
    let titleScore = Self.titleScore(lines)
    let (labels, margins) = Self.bestLabels(frontScores: frontScores, titleScore: titleScore)
    return assemble(lines: lines, labels: labels, margins: margins, source: source)
  }

  private static func contentLines(_ raw: [String]) -> [Line] {
    var lines: [Line] = []
    var blankBefore = false
    for (index, text) in raw.enumerated() {
      let trimmed = text.trimmingTrailingWhitespace
      if trimmed.isBlank {
        blankBefore = true
        continue
      }
      lines.append(Line(number: index + 1, features: LineFeatures(trimmed), blankBefore: blankBefore))
      blankBefore = false
    }
    return lines
  }

  /// Whether blank lines mark card boundaries here: enough of them, and they fall before question-like lines.
  private static func usesBlankLineSeparators(_ lines: [Line]) -> Bool {
    let afterBlank = lines.dropFirst().filter(\.blankBefore)
    guard afterBlank.count >= 2 else { return false }
    return Double(afterBlank.count) >= 0.15 * Double(lines.count)
  }

  // MARK: Scores

  /// The evidence, in log-odds-like units, that a line starts a card. Positive means "front".
  private static func frontScore(at index: Int, in lines: [Line], blankSeparated: Bool) -> Double {
    let line = lines[index].features
    let previous = index > 0 ? lines[index - 1].features : nil
    let next = index + 1 < lines.count ? lines[index + 1].features : nil
    var score = 0.0
    switch line.listMarker {
    case .symbol?: score -= 7
    case .number?: score -= 3.5
    case nil: break
    }
    if line.opensWithQuestionWord {
      score += 3
    } else if line.opensWithAuxiliaryVerb {
      score += 1.5
    } else if line.opensWithPromptVerb {
      score += 2.5
    }
    if line.endsWithQuestionMark {
      score += 3
      // "Being a British spy, he was shot?" reads as an unsure answer, not a question.
      if !line.opensWithQuestionWord && !line.opensWithAuxiliaryVerb && line.hasCommaClause { score -= 1 }
    }
    switch line.lastCharacter {
    case ".": score -= 2.5
    case "!": score -= 1.5
    case ":": score += line.wordCount <= 6 ? 1 : -0.5
    case ")", "’", "\"", "”", "'": score -= 0.5
    default: break
    }
    switch line.wordCount {
    case ...4: score += 1.5
    case ...6: score += 1
    case ...12: break
    case ...20: score -= 1.5
    default: score -= 3
    }
    if line.startsLowercase { score -= 2 }
    if line.opensWithContinuationWord { score -= 1.5 }
    if line.startsWithDigit && line.listMarker == nil { score -= 0.5 }
    if line.hasSpacedDash { score -= 0.5 }
    if line.listMarker == nil {
      if next?.listMarker != nil { score += 1.5 }
      if previous?.listMarker != nil { score += 1.5 }
    }
    // A line ending in a colon introduces what follows it.
    if previous?.endsWithColon == true { score -= 2 }
    if blankSeparated {
      score += lines[index].blankBefore ? 2.5 : -2
    } else if lines[index].blankBefore {
      score += 1
    }
    return score
  }

  /// The evidence that the first line is the deck's title rather than a card.
  private static func titleScore(_ lines: [Line]) -> Double {
    let first = lines[0].features
    guard first.listMarker == nil else { return -.infinity }
    var score = -1.0
    if first.markdownHeading { score += 4 }
    if first.hasTitleWord { score += 6 }
    if first.hasCapitalisedWord { score += 0.5 }
    if first.wordCount <= 10 { score += 0.5 } else { score -= 2 }
    if lines.count > 1 && lines[1].blankBefore { score += 2 }
    if first.endsWithQuestionMark || first.opensWithQuestionWord { score -= 6 }
    if first.endsSentence { score -= 3 }
    return score
  }

  private static func emission(_ label: Label, frontScore: Double) -> Double {
    label == .front ? frontScore : 0
  }

  private static func transition(from previous: Label?, to label: Label) -> Double {
    switch (previous, label) {
    case (nil, .back): return -answerAtStartCost
    case (.title?, .back): return -answerAfterTitleCost
    case (.front?, .front): return -missingAnswerCost
    case (_, .title): return previous == nil ? 0 : -.infinity
    default: return 0
    }
  }

  // MARK: Decoding

  /// The best labelling, and for each line how much worse the best labelling with that line relabelled is.
  private static func bestLabels(frontScores: [Double], titleScore: Double) -> ([Label], [Double]) {
    let count = frontScores.count
    let labels = Label.allCases
    func emit(_ index: Int, _ label: Label) -> Double {
      label == .title ? (index == 0 ? titleScore : -.infinity) : emission(label, frontScore: frontScores[index])
    }
    // forward[i][l]: best score of lines 0...i with line i labelled l; backward[i][l]: best of lines i+1... given l.
    var forward = [[Double]](repeating: [Double](repeating: -.infinity, count: 3), count: count)
    var backPointer = [[Int]](repeating: [Int](repeating: 0, count: 3), count: count)
    for label in labels {
      forward[0][label.rawValue] = transition(from: nil, to: label) + emit(0, label)
    }
    for index in 1..<max(count, 1) where index < count {
      for label in labels {
        var best = -Double.infinity
        var bestPrevious = 0
        for previous in labels {
          let score = forward[index - 1][previous.rawValue] + transition(from: previous, to: label)
          if score > best {
            best = score
            bestPrevious = previous.rawValue
          }
        }
        forward[index][label.rawValue] = best + emit(index, label)
        backPointer[index][label.rawValue] = bestPrevious
      }
    }
    func endCost(_ label: Label) -> Double { label == .front ? -missingAnswerAtEndCost : 0 }
    var backward = [[Double]](repeating: [Double](repeating: -.infinity, count: 3), count: count)
    for label in labels { backward[count - 1][label.rawValue] = endCost(label) }
    for index in stride(from: count - 2, through: 0, by: -1) {
      for label in labels {
        backward[index][label.rawValue] =
          labels.map { next in
            transition(from: label, to: next) + emit(index + 1, next) + backward[index + 1][next.rawValue]
          }.max()!
      }
    }
    var last = labels.max {
      forward[count - 1][$0.rawValue] + endCost($0) < forward[count - 1][$1.rawValue] + endCost($1)
    }!
    var result = [Label](repeating: .back, count: count)
    for index in stride(from: count - 1, through: 0, by: -1) {
      result[index] = last
      if index > 0 { last = Label(rawValue: backPointer[index][last.rawValue])! }
    }
    let margins = (0..<count).map { index in
      let chosen = forward[index][result[index].rawValue] + backward[index][result[index].rawValue]
      let alternative = labels.filter { $0 != result[index] }
        .map { forward[index][$0.rawValue] + backward[index][$0.rawValue] }.max()!
      return chosen - alternative
    }
    return (result, margins)
  }

  // MARK: Cards

  private func assemble(lines: [Line], labels: [Label], margins: [Double], source: SourceText) -> ParsedDeck {
    var title: String?
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    var front: (text: String, line: Int)?
    var back = SideText()
    var backLine: Int?

    func finishCard() {
      guard front != nil || backLine != nil else { return }
      let card = ImportedCard(front: front?.text ?? "", back: back.text, line: front?.line ?? backLine ?? 0)
      if card.front.isEmpty {
        warnings.append(.init(line: card.line, message: "answer with no question: imported with an empty front"))
      } else if card.back.isEmpty {
        warnings.append(.init(line: card.line, message: "question with no answer: imported with an empty back"))
      }
      cards.append(card)
      front = nil
      back = SideText()
      backLine = nil
    }

    for (index, line) in lines.enumerated() {
      switch labels[index] {
      case .title:
        title = line.features.text.trimmed.drop { $0 == "#" }.trimmed
      case .front:
        finishCard()
        front = (line.features.text.trimmed, line.number)
      case .back:
        if backLine == nil {
          backLine = line.number
        } else {
          // Keep blank lines inside a side; SideText collapses and trims them.
          for _ in 0..<(line.blankBefore ? 1 : 0) { back.append("") }
        }
        back.append(line.features.text)
      }
      if index > 0, margins[index] < Self.uncertaintyMargin {
        let message =
          labels[index] == .front
          ? "unsure whether this line starts a new card; it was read as a question"
          : "unsure whether this line starts a new card; it was read as part of the answer above"
        warnings.append(.init(line: line.number, message: message))
      } else if index == 0, labels[0] == .title, margins[0] < Self.uncertaintyMargin {
        warnings.append(.init(line: line.number, message: "unsure whether this line is the title; it was read as one"))
      }
    }
    finishCard()
    warnings.sort { $0.line < $1.line }
    return ParsedDeck(format: .paste, title: title, cards: cards, warnings: warnings)
  }
}
