import Foundation

/// The linear model that tells fronts from backs in pasted notes, and the Viterbi decoder that applies it.
///
/// Every content line is labelled title, front or back. A labelling's score is the sum of the weights of the
/// features that fire: front features of each line labelled front, title features of a first line labelled title,
/// and a transition weight each time a front follows a front (a question with no answer), back lines open the
/// file or follow the title (an answer with no question), or the file ends on a front. The decoder finds the
/// best labelling over the whole file, so one line's reading can change another's: a line ending in `?` is an
/// answer when the line above is a question with nothing else to answer it.
///
/// The weights are fitted with an averaged structured perceptron on the development corpus
/// (`recall-bench train-paste`), starting from hand-set values; ``trained`` holds the result.
public struct PastedNotesModel: Sendable, Hashable, Codable {
  /// One weight per ``PasteFeature``, in its order.
  public var weights: [Double]

  /// A model with these weights, one per feature.
  public init(weights: [Double]) {
    precondition(weights.count == PasteFeature.allCases.count, "one weight per feature")
    self.weights = weights
  }

  enum Label: Int, CaseIterable, CustomStringConvertible {
    case title, front, back
    var description: String { ["title", "front", "back"][rawValue] }
  }

  struct Line {
    let number: Int
    let text: String
    let features: LineFeatures
    let blankBefore: Bool
  }

  /// A file's content lines and their features, computed once for decoding and training.
  struct Document {
    let lines: [Line]
    let blankSeparated: Bool

    init(_ source: SourceText) {
      var content: [(number: Int, text: String, blankBefore: Bool)] = []
      var blankBefore = false
      for (index, text) in source.lines.enumerated() {
        let trimmed = text.trimmingTrailingWhitespace
        if trimmed.isBlank {
          blankBefore = true
          continue
        }
        content.append((index + 1, trimmed, blankBefore))
        blankBefore = false
      }
      let features = Self.features(of: content.map(\.text))
      lines = content.indices.map {
        Line(
          number: content[$0].number, text: content[$0].text, features: features[$0],
          blankBefore: content[$0].blankBefore)
      }
      blankSeparated = Self.usesBlankLineSeparators(lines)
    }

    /// Every line's features, computed on all cores for large files: each line's are independent of the others'.
    private static func features(of texts: [String]) -> [LineFeatures] {
      let chunkCount = texts.count < 20_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
      let chunkSize = (texts.count + chunkCount - 1) / max(chunkCount, 1)
      let chunks = ChunkResults<LineFeatures>(count: chunkCount)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (chunk * chunkSize)..<min(texts.count, (chunk + 1) * chunkSize)
        chunks.store(range.map { LineFeatures(texts[$0]) }, at: chunk)
      }
      return chunks.joined()
    }

    /// The front features of line `index`, computed when asked: storing them for 300,000 lines would cost more
    /// memory than the file.
    func frontFeatures(_ index: Int) -> PasteFeatures {
      var features: PasteFeatures = []
      Self.visitFrontFeatures(at: index, in: lines, blankSeparated: blankSeparated) { features.append(($0, 1)) }
      return features
    }

    /// The front score of line `index`, summed without building a feature list: it runs on every line.
    func frontScore(_ index: Int, weights: [Double]) -> Double {
      var score = 0.0
      Self.visitFrontFeatures(at: index, in: lines, blankSeparated: blankSeparated) { score += weights[$0.rawValue] }
      return score
    }

    var titleFeatures: PasteFeatures { lines.isEmpty ? [] : Self.titleFeatures(lines) }

    /// Whether blank lines mark card boundaries here: enough of them for it to be the file's habit.
    private static func usesBlankLineSeparators(_ lines: [Line]) -> Bool {
      let afterBlank = lines.dropFirst().filter(\.blankBefore).count
      return afterBlank >= 2 && Double(afterBlank) >= 0.15 * Double(lines.count)
    }

    private static func visitFrontFeatures(
      at index: Int, in lines: [Line], blankSeparated: Bool, _ visit: (PasteFeature) -> Void
    ) {
      let line = lines[index].features
      let previous = index > 0 ? lines[index - 1].features : nil
      let next = index + 1 < lines.count ? lines[index + 1].features : nil
      visit(.bias)
      func fire(_ feature: PasteFeature, _ condition: Bool) { if condition { visit(feature) } }
      fire(.symbolBullet, line.listMarker == .symbol)
      fire(.numberedItem, line.listMarker == .number)
      fire(.questionWord, line.opensWithQuestionWord)
      fire(.auxiliaryVerb, line.opensWithAuxiliaryVerb)
      fire(.promptVerb, line.opensWithPromptVerb)
      fire(.topicNoun, line.opensWithTopicNoun)
      let opener = line.opensWithQuestionWord || line.opensWithAuxiliaryVerb
      fire(.questionMark, line.endsWithQuestionMark)
      fire(.questionMarkWithoutOpener, line.endsWithQuestionMark && !opener)
      fire(.questionMarkAfterCommaClause, line.endsWithQuestionMark && !opener && line.hasCommaClause)
      fire(.innerQuestion, line.hasInnerQuestion)
      fire(.period, line.lastScalar == ".")
      fire(.exclamation, line.lastScalar == "!")
      fire(.shortColonEnding, line.endsWithColon && line.wordCount <= 6)
      fire(.longColonEnding, line.endsWithColon && line.wordCount > 6)
      fire(.closerEnding, line.lastScalar.map { ")’\"”'".unicodeScalars.contains($0) } ?? false)
      fire(.innerColon, line.hasInnerColon)
      fire(.opensWithQuote, line.opensWithQuote)
      fire(.upToTwoWords, line.wordCount <= 2)
      fire(.threeOrFourWords, (3...4).contains(line.wordCount))
      fire(.fiveOrSixWords, (5...6).contains(line.wordCount))
      fire(.thirteenToTwentyWords, (13...20).contains(line.wordCount))
      fire(.overTwentyWords, line.wordCount > 20)
      fire(.lowercaseStart, line.startsLowercase)
      fire(.continuationWord, line.opensWithContinuationWord)
      fire(.digitStart, line.startsWithDigit && line.listMarker == nil)
      fire(.spacedDash, line.hasSpacedDash)
      fire(.commaClause, line.hasCommaClause)
      fire(.capitalisedWord, line.hasCapitalisedWord)
      fire(.listItemFollows, line.listMarker == nil && next?.listMarker != nil)
      fire(.listItemPrecedes, line.listMarker == nil && previous?.listMarker != nil)
      fire(.colonLinePrecedes, previous?.endsWithColon == true)
      fire(.questionPrecedes, previous?.endsWithQuestionMark == true)
      fire(.sentencePrecedes, previous?.endsSentence == true)
      fire(
        .lowercaseFollowsShortTerm,
        line.wordCount <= 5 && !line.startsLowercase && line.listMarker == nil
          && !(line.lastScalar.map { ".!,;".unicodeScalars.contains($0) } ?? true) && next?.startsLowercase == true
          && next?.listMarker == nil)
      fire(.questionFollows, next?.endsWithQuestionMark == true)
      fire(.lastLine, next == nil)
      fire(.blankBeforeInBlankSeparatedNotes, blankSeparated && lines[index].blankBefore)
      fire(.noBlankBeforeInBlankSeparatedNotes, blankSeparated && !lines[index].blankBefore)
      fire(.blankBeforeOtherwise, !blankSeparated && lines[index].blankBefore)
    }

    private static func titleFeatures(_ lines: [Line]) -> PasteFeatures {
      let first = lines[0].features
      var fired: [PasteFeature] = [.titleBias]
      func fire(_ feature: PasteFeature, _ condition: Bool) { if condition { fired.append(feature) } }
      fire(.titleWord, LineFeatures.hasTitleWord(lines[0].text))
      fire(
        .titleSubjectAndTopic,
        first.wordCount <= 8 && (first.hasSpacedDash || (first.hasInnerColon && !first.endsWithColon)))
      fire(.titleCapitalisedWord, first.hasCapitalisedWord)
      fire(.titleShort, first.wordCount <= 10)
      fire(.titleLong, first.wordCount > 10)
      fire(.titleBlankAfter, lines.count > 1 && lines[1].blankBefore)
      fire(.titleQuestion, first.endsWithQuestionMark || first.opensWithQuestionWord)
      fire(.titleSentence, first.endsSentence)
      fire(.titleMarkdownHeading, first.markdownHeading)
      fire(.titleListFollows, lines.count > 1 && lines[1].features.listMarker != nil)
      return fired.map { ($0, 1) }
    }
  }

  // MARK: Decoding

  func score(_ features: PasteFeatures) -> Double {
    features.reduce(0) { $0 + weights[$1.feature.rawValue] * $1.value }
  }

  private func weight(_ feature: PasteFeature) -> Double { weights[feature.rawValue] }

  private func transition(from previous: Label?, to label: Label) -> Double {
    switch (previous, label) {
    case (nil, .back): return weight(.backAtStart)
    case (.title?, .back): return weight(.backAfterTitle)
    case (.front?, .front): return weight(.frontAfterFront)
    case (_?, .title): return -.infinity
    default: return 0
    }
  }

  private func end(_ label: Label) -> Double { label == .front ? weight(.frontAtEnd) : 0 }

  /// The best labelling of `document`, and for each line how much worse the best labelling that relabels it is.
  func decode(_ document: Document) -> (labels: [Label], margins: [Double]) {
    let count = document.lines.count
    guard count > 0 else { return ([], []) }
    let labelCount = 3
    // Flat arrays indexed [line * 3 + label]: this runs over every line of 100,000-card files.
    var emission = [Double](repeating: 0, count: count * labelCount)
    for index in 0..<count {
      emission[index * labelCount + Label.front.rawValue] = document.frontScore(index, weights: weights)
      emission[index * labelCount + Label.title.rawValue] = -.infinity
    }
    if document.lines[0].features.listMarker == nil {
      emission[Label.title.rawValue] = score(document.titleFeatures)
    }
    var transitions = [Double](repeating: 0, count: labelCount * labelCount)
    var starts = [Double](repeating: 0, count: labelCount)
    var ends = [Double](repeating: 0, count: labelCount)
    for previous in Label.allCases {
      for label in Label.allCases {
        transitions[previous.rawValue * labelCount + label.rawValue] = transition(from: previous, to: label)
      }
      starts[previous.rawValue] = transition(from: nil, to: previous)
      ends[previous.rawValue] = end(previous)
    }
    var forward = [Double](repeating: -.infinity, count: count * labelCount)
    var backPointer = [Int](repeating: 0, count: count * labelCount)
    for label in 0..<labelCount { forward[label] = starts[label] + emission[label] }
    for index in 1..<count {
      for label in 0..<labelCount {
        var best = -Double.infinity
        var bestPrevious = 0
        for previous in 0..<labelCount {
          let candidate = forward[(index - 1) * labelCount + previous] + transitions[previous * labelCount + label]
          if candidate > best {
            best = candidate
            bestPrevious = previous
          }
        }
        forward[index * labelCount + label] = best + emission[index * labelCount + label]
        backPointer[index * labelCount + label] = bestPrevious
      }
    }
    var backward = [Double](repeating: 0, count: count * labelCount)
    for label in 0..<labelCount { backward[(count - 1) * labelCount + label] = ends[label] }
    for index in stride(from: count - 2, through: 0, by: -1) {
      for label in 0..<labelCount {
        var best = -Double.infinity
        for next in 0..<labelCount {
          let candidate =
            transitions[label * labelCount + next] + emission[(index + 1) * labelCount + next]
            + backward[(index + 1) * labelCount + next]
          best = max(best, candidate)
        }
        backward[index * labelCount + label] = best
      }
    }
    var label = 0
    for candidate in 1..<labelCount
    where forward[(count - 1) * labelCount + candidate] + ends[candidate]
      > forward[(count - 1) * labelCount + label] + ends[label]
    {
      label = candidate
    }
    var result = [Label](repeating: .back, count: count)
    var margins = [Double](repeating: 0, count: count)
    for index in stride(from: count - 1, through: 0, by: -1) {
      result[index] = Label(rawValue: label)!
      label = backPointer[index * labelCount + label]
    }
    for index in 0..<count {
      let chosen = result[index].rawValue
      var alternative = -Double.infinity
      for other in 0..<labelCount where other != chosen {
        alternative = max(alternative, forward[index * labelCount + other] + backward[index * labelCount + other])
      }
      margins[index] = forward[index * labelCount + chosen] + backward[index * labelCount + chosen] - alternative
    }
    return (result, margins)
  }

  // MARK: Training

  /// The features a labelling fires, summed: what the perceptron adds for the truth and takes away for a guess.
  func featureCounts(_ document: Document, _ labels: [Label]) -> [Double] {
    var counts = [Double](repeating: 0, count: weights.count)
    func add(_ features: PasteFeatures) { for (feature, value) in features { counts[feature.rawValue] += value } }
    func add(_ feature: PasteFeature) { counts[feature.rawValue] += 1 }
    for (index, label) in labels.enumerated() {
      if label == .front { add(document.frontFeatures(index)) }
      if label == .title { add(document.titleFeatures) }
      let previous = index > 0 ? labels[index - 1] : nil
      switch (previous, label) {
      case (nil, .back): add(.backAtStart)
      case (.title?, .back): add(.backAfterTitle)
      case (.front?, .front): add(.frontAfterFront)
      default: break
      }
    }
    if labels.last == .front { add(.frontAtEnd) }
    return counts
  }

  /// A model fitted to labelled files with an averaged structured perceptron, starting from this one.
  ///
  /// - Parameters:
  ///   - examples: Files with the 1-based numbers of their front lines and whether their first line is a title.
  ///   - epochs: Passes over the examples.
  ///   - learningRate: How far one mistake moves the weights, relative to the hand-set prior's scale.
  public func trained(
    on examples: [(source: SourceText, frontLines: Set<Int>, hasTitle: Bool)],
    epochs: Int = 10,
    learningRate: Double = 0.25
  ) -> PastedNotesModel {
    let documents = examples.map { example -> (Document, [Label]) in
      let document = Document(example.source)
      let labels = document.lines.enumerated().map { index, line -> Label in
        if index == 0 && example.hasTitle { return .title }
        return example.frontLines.contains(line.number) ? .front : .back
      }
      return (document, labels)
    }
    var model = self
    var sum = weights
    var steps = 1.0
    for _ in 0..<epochs {
      for (document, truth) in documents {
        let guess = model.decode(document).labels
        if guess != truth {
          let good = model.featureCounts(document, truth)
          let bad = model.featureCounts(document, guess)
          for index in model.weights.indices { model.weights[index] += learningRate * (good[index] - bad[index]) }
        }
        for index in sum.indices { sum[index] += model.weights[index] }
        steps += 1
      }
    }
    return PastedNotesModel(weights: sum.map { $0 / steps })
  }
}

/// Results of parallel chunks of work, each chunk writing only its own slot.
private final class ChunkResults<Element>: @unchecked Sendable {
  private var slots: [[Element]]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: [], count: count) }

  func store(_ results: [Element], at chunk: Int) { lock.withLock { slots[chunk] = results } }

  func joined() -> [Element] { lock.withLock { Array(slots.joined()) } }
}
