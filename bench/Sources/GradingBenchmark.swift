import Foundation
import RecallCore

/// `recall-bench grading`: the typed-answer grader against hand-labelled answers, beside two baselines run on the
/// same answers — exact match, and the share of the expected answer's words that were typed.
///
/// Arguments (all optional, in order): the development set, the held-out set, then deck folders. Defaults are the
/// repository's: `Tests/RecallCoreTests/Grading/Fixtures/grading-dev.jsonl`, `bench/grading-holdout.jsonl`,
/// `Tests/RecallCoreTests/Import/Corpus` and `bench/holdout`, so run it from the repository root.
enum GradingBenchmark {
  /// One labelled typed answer.
  struct Labelled: Decodable {
    let deck: String
    let card: Int
    let front: String
    let expected: String
    let typed: String
    let verdict: GradeVerdict
    let pointsHit: Int
    let pointsTotal: Int

    enum CodingKeys: String, CodingKey {
      case deck, card, front, expected, typed, verdict
      case pointsHit = "points_hit"
      case pointsTotal = "points_total"
    }
  }

  /// A deck file as the import corpus writes it.
  struct DeckFile: Decodable {
    struct Card: Decodable {
      let front: String
      let back: String
    }
    let cards: [Card]
  }

  /// A method's prediction for one answer.
  struct Prediction {
    let verdict: GradeVerdict
    let pointFraction: Double
  }

  /// A method's figures over one labelled set.
  struct Figures {
    var right = 0
    var count = 0
    var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
    var absoluteError = 0.0
    var wrongAnswers = 0
    var falseAccepts = 0
    var againAnswers = 0
    var acceptedAgain = 0

    mutating func add(_ prediction: Prediction, label: Labelled) {
      count += 1
      if prediction.verdict == label.verdict { right += 1 }
      confusion[row(label.verdict)][row(prediction.verdict)] += 1
      let labelled = label.pointsTotal > 0 ? Double(label.pointsHit) / Double(label.pointsTotal) : 0
      absoluteError += abs(prediction.pointFraction - labelled)
      if label.verdict == .wrong {
        wrongAnswers += 1
        if prediction.verdict == .correct { falseAccepts += 1 }
      }
      if label.verdict != .correct {
        againAnswers += 1
        if prediction.verdict == .correct { acceptedAgain += 1 }
      }
    }

    func row(_ verdict: GradeVerdict) -> Int {
      switch verdict {
      case .correct: 0
      case .partial: 1
      case .wrong: 2
      }
    }
  }

  static let methods = ["Recall grader", "exact match", "word overlap"]

  static func run(arguments: [String]) throws {
    let development = arguments.count > 0 ? arguments[0] : "Tests/RecallCoreTests/Grading/Fixtures/grading-dev.jsonl"
    let holdout = arguments.count > 1 ? arguments[1] : "bench/grading-holdout.jsonl"
    let folders =
      arguments.count > 2 ? Array(arguments.dropFirst(2)) : ["Tests/RecallCoreTests/Import/Corpus", "bench/holdout"]
    let decks = try loadDecks(folders)
    let timings = try timeTenPointAnswer(decks: decks)
    for (name, path) in [("development set", development), ("held-out set", holdout)] {
      let answers = try load(path)
      let figures = evaluate(answers, decks: decks)
      printTable(title: "\(name): \(path) (\(answers.count) answers)", figures: figures, timings: timings)
    }
  }

  // MARK: - Methods

  static func evaluate(_ answers: [Labelled], decks: [String: GradingDeck]) -> [Figures] {
    let grader = AnswerGrader()
    var figures = [Figures](repeating: Figures(), count: methods.count)
    for answer in answers {
      let result = grader.grade(
        typed: answer.typed, expected: answer.expected, front: answer.front, deck: decks[answer.deck])
      let fraction = result.pointsTotal > 0 ? Double(result.pointsHit) / Double(result.pointsTotal) : 0
      figures[0].add(Prediction(verdict: result.verdict, pointFraction: fraction), label: answer)
      figures[1].add(exactMatch(typed: answer.typed, expected: answer.expected), label: answer)
      figures[2].add(wordOverlap(typed: answer.typed, expected: answer.expected), label: answer)
    }
    return figures
  }

  /// Baseline 1: correct when the texts are equal after lowercasing and dropping punctuation, else wrong.
  static func exactMatch(typed: String, expected: String) -> Prediction {
    let same = words(typed) == words(expected)
    return Prediction(verdict: same ? .correct : .wrong, pointFraction: same ? 1 : 0)
  }

  /// Baseline 2: the share of the expected answer's distinct words that were typed; correct from 0.8, partial
  /// from 0.3, wrong below. The share stands for the point fraction.
  static func wordOverlap(typed: String, expected: String) -> Prediction {
    let expectedWords = Set(words(expected))
    guard !expectedWords.isEmpty else { return Prediction(verdict: .wrong, pointFraction: 0) }
    let share = Double(expectedWords.intersection(words(typed)).count) / Double(expectedWords.count)
    let verdict: GradeVerdict = share >= 0.8 ? .correct : share >= 0.3 ? .partial : .wrong
    return Prediction(verdict: verdict, pointFraction: share)
  }

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  // MARK: - Timing

  /// CPU microseconds per grade of a 10-point answer typed on one line with typos, for each method: the grader
  /// from raw strings with its deck, the grader with a prepared key, and the two baselines.
  static func timeTenPointAnswer(decks: [String: GradingDeck]) throws -> [Double] {
    let expected = """
      - regular presidium and central committee meetings resumed
      - more power to regional levels - decentralisation of decision making
      - secret police lost control of the labour camps
      - 2 million prisoners were released before 1960
      - officials did not face criticism when they did not meet targets
      - Stalins body removed from Lenin’s mausoleum
      - MAJOR local party secretary purge!
      - divided industrial and agricultural departments (decrease an individual power)
      - imposed 3 year tenures of all state jobs
      - economic mistakes - horrific harvest in 1963
      """
    let typed =
      "purge of local party secretarys, Stalin's body taken out of Lenin's mausoleum, presidium & CC meetings "
      + "resumed; decentralization of decision making, 2,000,000 prisoners released before 1960, secret police lost "
      + "control of the labor camps, officials weren't criticised for missing targets, split industry and "
      + "agriculture departments, 3-year tenures for state jobs, bad harvest in 1963"
    let deck = decks["khrushchev"]
    let grader = AnswerGrader()
    let key = AnswerKey(expected: expected, front: "Features of destalinisation")
    guard key.points.count == 10 else { throw CocoaError(.featureUnsupported) }
    let rounds = 2000
    var sink = 0
    // CPU time of this thread, so other work on the machine does not inflate the figure.
    func cpuNanoseconds() -> Double {
      var now = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
      return Double(now.tv_sec) * 1e9 + Double(now.tv_nsec)
    }
    func time(_ body: () -> Int) -> Double {
      for _ in 0..<50 { sink &+= body() }
      let start = cpuNanoseconds()
      for _ in 0..<rounds { sink &+= body() }
      return (cpuNanoseconds() - start) / Double(rounds) / 1000
    }
    let full = time {
      grader.grade(typed: typed, expected: expected, front: "Features of destalinisation", deck: deck).pointsHit
    }
    let prepared = time { grader.grade(typed, against: key, in: deck).pointsHit }
    let exact = time { exactMatch(typed: typed, expected: expected).verdict == .correct ? 1 : 0 }
    let overlap = time { Int(wordOverlap(typed: typed, expected: expected).pointFraction * 10) }
    if sink == .min { print(sink) }
    return [full, prepared, exact, overlap]
  }

  // MARK: - Loading

  static func load(_ path: String) throws -> [Labelled] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
      try JSONDecoder().decode(Labelled.self, from: Data($0.utf8))
    }
  }

  static func loadDecks(_ folders: [String]) throws -> [String: GradingDeck] {
    var decks: [String: GradingDeck] = [:]
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names where name.hasSuffix(".expected.json") {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        let file = try JSONDecoder().decode(DeckFile.self, from: data)
        let cards = file.cards.enumerated().map {
          QuizCard(id: Int64($0.offset), front: $0.element.front, back: $0.element.back)
        }
        decks[String(name.dropLast(".expected.json".count))] = GradingDeck(cards: cards)
      }
    }
    return decks
  }

  // MARK: - Output

  static func printTable(title: String, figures: [Figures], timings: [Double]) {
    print("\n" + title)
    print(pad("", 40) + methods.map { pad($0, 16) }.joined())
    func line(_ name: String, _ values: [String]) { print(pad(name, 40) + values.map { pad($0, 16) }.joined()) }
    line("verdict accuracy", figures.map { ratio($0.right, $0.count) })
    line("false-accept rate (wrong → correct)", figures.map { ratio($0.falseAccepts, $0.wrongAnswers) })
    line("Good for an Again answer", figures.map { ratio($0.acceptedAgain, $0.againAnswers) })
    line(
      "point-fraction mean absolute error",
      figures.map { String(format: "%.3f", $0.absoluteError / Double(max(1, $0.count))) })
    line(
      "CPU ms per grade, 10-point answer",
      [String(format: "%.3f", timings[0] / 1000) + String(format: " (%.3f)", timings[1] / 1000)]
        + timings.dropFirst(2).map { String(format: "%.4f", $0 / 1000) })
    print("  (grader: from raw strings with its deck; in brackets with a prepared AnswerKey)")
    print("confusion matrices (rows: label; columns: predicted correct / partial / wrong)")
    for (method, figure) in zip(methods, figures) {
      print("  " + method)
      for (name, row) in zip(["correct", "partial", "wrong"], figure.confusion) {
        print("    " + pad(name, 10) + row.map { pad(String($0), 8) }.joined())
      }
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }

  static func ratio(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "–" : String(format: "%.3f (%d/%d)", Double(part) / Double(whole), part, whole)
  }
}
