import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall quiz`: practice a deck with true/false, matching, cloze or list-recall questions.
struct QuizCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Practise a deck with true/false, matching, cloze or list-recall questions (schedules untouched).",
    discussion: """
      Questions are printed one block at a time and answers read one per line (several lines for list recall, \
      ended by an empty line). Practice answers are logged as cram, so they never change a schedule.
      """)

  enum Mode: String, ExpressibleByArgument, CaseIterable {
    case truefalse, matching, cloze, list
  }

  @OptionGroup var collection: CollectionOptions

  @Argument(help: "The deck.")
  var deck: String

  @Option(help: "truefalse, matching, cloze or list.")
  var mode: Mode = .truefalse

  @Option(help: "How many questions (pairs, for matching).")
  var count = 5

  @Option(help: "Seed for the choice and order of questions.")
  var seed: UInt64 = 1

  func run() async throws {
    try await reportingFailures {
      let store = try collection.open()
      let cards = try storeCall { try store.cards(deck: deck) }.filter { !$0.flagged && !$0.suspended }
        .map { QuizCard(id: $0.id, front: $0.front, back: $0.back) }
      let builder = QuizBuilder(cards: cards, seed: seed)
      var generator = SplitMix64(seed: seed)
      let picked = cards.shuffled(using: &generator)
      var right = 0
      var asked = 0
      switch mode {
      case .matching:
        guard let quiz = builder.matching(pairs: min(max(count, 5), 8)) else {
          throw CommandFailure("matching needs at least 5 cards with both sides")
        }
        for (index, prompt) in quiz.prompts.enumerated() { print("\(index + 1). \(Self.oneLine(prompt))") }
        for (index, answer) in quiz.answers.enumerated() { print("\(Self.letter(index)). \(Self.oneLine(answer))") }
        print("prompt: letters in the order of the questions, e.g. \(quiz.prompts.indices.map(Self.letter).joined())")
        let line = (readLine() ?? "").lowercased().filter(\.isLetter)
        let pairing = line.compactMap { letter in quiz.answers.indices.first { Self.letter($0) == String(letter) } }
        right = quiz.score(pairing)
        asked = quiz.prompts.count
        print("solution: " + quiz.solution.map(Self.letter).joined())
      case .truefalse, .cloze, .list:
        for card in picked {
          guard asked < count else { break }
          guard let correct = ask(card, builder: builder) else { continue }
          asked += 1
          if correct { right += 1 }
          try store.answer(cardID: card.id, rating: correct ? .good : .again, cram: true)
        }
      }
      guard asked > 0 else { throw CommandFailure("no \(mode.rawValue) questions can be made from “\(deck)”") }
      print("summary: \(right) of \(asked) right")
    }
  }

  /// Asks one question; `nil` when the card does not suit the mode.
  private func ask(_ card: QuizCard, builder: QuizBuilder) -> Bool? {
    switch mode {
    case .truefalse:
      guard let question = builder.trueFalse(for: card) else { return nil }
      print(
        "question: \(Self.oneLine(question.prompt))\nanswer: \(Self.oneLine(question.shownAnswer))\nprompt: true or false"
      )
      let reply = (readLine() ?? "").lowercased()
      let correct = question.isCorrect(saysTrue: reply.hasPrefix("t") || reply.hasPrefix("y"))
      print(correct ? "right" : "wrong: it is \(question.isTrue ? "true" : "false")")
      return correct
    case .cloze:
      guard let question = builder.cloze(for: card) else { return nil }
      print("question: \(Self.oneLine(question.prompt))\ntext: \(Self.oneLine(question.text))\nprompt: fill the gap")
      let grade = question.grade(readLine() ?? "")
      print(grade.verdict == .correct ? "right" : "wrong: \(question.answer)")
      return grade.verdict == .correct
    case .list:
      guard let question = builder.listRecall(for: card) else { return nil }
      print("question: \(question.prompt)\nprompt: one item a line, an empty line ends")
      let grade = question.grade(readAnswerLines() ?? "")
      print("\(grade.verdict.rawValue): \(grade.pointsHit) of \(grade.pointsTotal)")
      if !grade.missed.isEmpty { print("missed: " + grade.missed.joined(separator: " · ")) }
      return grade.verdict == .correct
    case .matching:
      return nil
    }
  }

  static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + index))) }

  static func oneLine(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " / ") }
}
