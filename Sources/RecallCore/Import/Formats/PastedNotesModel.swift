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
    let features: LineFeatures
    let blankBefore: Bool
  }

  /// A file's content lines and their features, computed once for decoding and training.
  struct Document {
    let lines: [Line]
    let blankSeparated: Bool

    init(_ source: SourceText) {
      var lines: [Line] = []
      var blankBefore = false
      for (index, text) in source.lines.enumerated() {
        let trimmed = text.trimmingTrailingWhitespace
        if trimmed.isBlank {
          blankBefore = true
          continue
        }
        lines.append(Line(number: index + 1, features: LineFeatures(trimmed), blankBefore: blankBefore))
        blankBefore = false
      }
      self.lines = lines
      blankSeparated = Self.usesBlankLineSeparators(lines)
    }

    /// The front features of line `index`, computed when asked: storing them for 300,000 lines would cost more
    /// memory than the file.
    func frontFeatures(_ index: Int) -> PasteFeatures {
      Self.frontFeatures(at: index, in: lines, blankSeparated: blankSeparated)
    }

    var titleFeatures: PasteFeatures { lines.isEmpty ? [] : Self.titleFeatures(lines) }

    /// Whether blank lines mark card boundaries here: enough of them for it to be the file's habit.
    private static func usesBlankLineSeparators(_ lines: [Line]) -> Bool {
      let afterBlank = lines.dropFirst().filter(\.blankBefore).count
      return afterBlank >= 2 && Double(afterBlank) >= 0.15 * Double(lines.count)
    }

    private static func frontFeatures(at index: Int, in lines: [Line], blankSeparated: Bool) -> PasteFeatures {
      let line = lines[index].features
      let previous = index > 0 ? lines[index - 1].features : nil
      let next = index + 1 < lines.count ? lines[index + 1].features : nil
      var fired: [PasteFeature] = [.bias]
      func fire(_ feature: PasteFeature, _ condition: Bool) { if condition { fired.append(feature) } }
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
      fire(.period, line.lastCharacter == ".")
      fire(.exclamation, line.lastCharacter == "!")
      fire(.shortColonEnding, line.endsWithColon && line.wordCount <= 6)
      fire(.longColonEnding, line.endsWithColon && line.wordCount > 6)
      fire(.closerEnding, line.lastCharacter.map { ")’\"”'".contains($0) } ?? false)
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
          && !(line.lastCharacter.map { ".!,;".contains($0) } ?? true) && next?.startsLowercase == true
          && next?.listMarker == nil)
      fire(.questionFollows, next?.endsWithQuestionMark == true)
      fire(.lastLine, next == nil)
      fire(.blankBeforeInBlankSeparatedNotes, blankSeparated && lines[index].blankBefore)
      fire(.noBlankBeforeInBlankSeparatedNotes, blankSeparated && !lines[index].blankBefore)
      fire(.blankBeforeOtherwise, !blankSeparated && lines[index].blankBefore)
      return fired.map { ($0, 1) }
    }

    private static func titleFeatures(_ lines: [Line]) -> PasteFeatures {
      let first = lines[0].features
      var fired: [PasteFeature] = [.titleBias]
      func fire(_ feature: PasteFeature, _ condition: Bool) { if condition { fired.append(feature) } }
      fire(.titleWord, first.hasTitleWord)
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
    let frontScores = document.lines.indices.map { score(document.frontFeatures($0)) }
    let titleScore = score(document.titleFeatures)
    func emit(_ index: Int, _ label: Label) -> Double {
      switch label {
      case .title: return index == 0 && document.lines[0].features.listMarker == nil ? titleScore : -.infinity
      case .front: return frontScores[index]
      case .back: return 0
      }
    }
    let labels = Label.allCases
    // forward[i][l]: best score of lines 0...i with line i labelled l; backward[i][l]: best of the lines after i.
    var forward = [[Double]](repeating: [-.infinity, -.infinity, -.infinity], count: count)
    var backPointer = [[Int]](repeating: [0, 0, 0], count: count)
    for label in labels { forward[0][label.rawValue] = transition(from: nil, to: label) + emit(0, label) }
    for index in 1..<count {
      for label in labels {
        var best = -Double.infinity
        for previous in labels {
          let candidate = forward[index - 1][previous.rawValue] + transition(from: previous, to: label)
          if candidate > best {
            best = candidate
            backPointer[index][label.rawValue] = previous.rawValue
          }
        }
        forward[index][label.rawValue] = best + emit(index, label)
      }
    }
    var backward = [[Double]](repeating: [0, 0, 0], count: count)
    for label in labels { backward[count - 1][label.rawValue] = end(label) }
    for index in stride(from: count - 2, through: 0, by: -1) {
      for label in labels {
        backward[index][label.rawValue] = labels.map { next in
          transition(from: label, to: next) + emit(index + 1, next) + backward[index + 1][next.rawValue]
        }.max()!
      }
    }
    var label = labels.max { forward[count - 1][$0.rawValue] + end($0) < forward[count - 1][$1.rawValue] + end($1) }!
    var result = [Label](repeating: .back, count: count)
    for index in stride(from: count - 1, through: 0, by: -1) {
      result[index] = label
      label = Label(rawValue: backPointer[index][label.rawValue])!
    }
    let margins = (0..<count).map { index in
      let total = { (label: Label) in forward[index][label.rawValue] + backward[index][label.rawValue] }
      return total(result[index]) - labels.filter { $0 != result[index] }.map(total).max()!
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
