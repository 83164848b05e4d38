import Foundation
import Testing

/// `recall study` and `recall stats` driven the way scripts and students drive them: the line protocol, a
/// pseudo-terminal, and a kill in the middle of a session.
@Suite(.serialized)
struct StudyCommandTests {
  static let deck = SchedulingCommandTests.deck

  static func collection(_ folder: TemporaryFolder) throws -> String {
    try SchedulingCommandTests.importedCollection(folder)
  }

  @Test func lineProtocolShowsTheWholeCardThenRatesAndSummarises() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    let result = try RecallProcess.run(
      ["study", "--collection", collection, "--limit", "1"], input: Data("\n3\n".utf8))
    #expect(result.status == 0)
    let expectedStart = """
      2 cards with a missing side skipped: complete them with `recall cards --deck "\(Self.deck)"` and `e` here, or re-import.
      deck: \(Self.deck)
      counts: review 0 · learning 0 · new 20 · done 0
      card: 2
      front:
        Khrushchevs rule had two main policies
      prompt: reveal
      deck: \(Self.deck)
      counts: review 0 · learning 0 · new 20 · done 0
      card: 2
      front:
        Khrushchevs rule had two main policies
      back:
        - destalinisation
        - decentralisation
      rate: 1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 8d
      prompt: rate
      answered: good · learning · next in 10m
      summary: studied 1 · correct 100% · time 0m 0s · next due in 10m

      """
    // Easy on a new card: S0 = 8.3 days, due at the start of the study day 8 days on; seen from about noon
    // (RecallProcess runs every test in a time zone where it is) that reads "8d".
    #expect(result.stdout == expectedStart)
  }

  @Test func undoTwiceEditQuitAndResume() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    // Good on card 2, Again on card 3, undo both, edit card 2, Easy on it, quit.
    let input = "\n3\n\n1\nu\nu\nedit\n\neasy\nq\n"
    let editor = "sed -i 's/two main policies/two main policies (edited)/'"
    let result = try RecallProcess.run(
      ["study", "--collection", collection], input: Data(input.utf8), environment: ["EDITOR": editor])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Undone: card 3 (again)."))
    #expect(result.stdout.contains("Undone: card 2 (good)."))
    #expect(result.stdout.contains("Saved the edited card (its history is kept)."))
    #expect(result.stdout.contains("front:\n  Khrushchevs rule had two main policies (edited)\nback:"))
    #expect(result.stdout.contains("answered: easy · review · next in 8d"))
    #expect(result.stdout.hasSuffix("summary: studied 1 · correct 100% · time 0m 0s · next due in 8d\n"))

    // Resuming starts where the session stopped: card 2 is done, card 3 comes first.
    let resumed = try RecallProcess.run(["study", "--collection", collection, "--limit", "1"], input: Data("q\n".utf8))
    #expect(resumed.stdout.contains("counts: review 0 · learning 0 · new 19 · done 0\ncard: 3\n"))
    let history = try RecallProcess.run(["card", "--collection", collection, "2", "--json"])
    let report = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
    #expect((report?["history"] as? [[String: Any]])?.count == 1)
  }

  @Test func typedAnswersAreComparedAndTheSuggestionAccepted() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    let input = "destalinization\ndecentralisation\n\n\n"
    let result = try RecallProcess.run(
      ["study", "--collection", collection, "--type", "--limit", "1"], input: Data(input.utf8))
    #expect(result.stdout.contains("prompt: type (an empty line ends the answer)"))
    #expect(result.stdout.contains("typed:\n  destalini[-s][+z]ation decentralisation\n"))
    #expect(result.stdout.contains("points: 2/2 · correct\nsuggested: good"))
    #expect(result.stdout.contains("answered: good · learning"))
  }

  @Test func multipleChoiceRatesRightAsGoodAndWrongAsAgain() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    let first = try RecallProcess.run(
      ["study", "--collection", collection, "--choice", "--limit", "1"], input: Data("q\n".utf8))
    let options = first.stdout.split(separator: "\n").filter {
      $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true
    }
    #expect(options.count == 4)
    let right = try #require(options.firstIndex { $0.contains("- destalinisation / - decentralisation") })
    let wrong = (right + 1) % 4
    let answered = try RecallProcess.run(
      ["study", "--collection", collection, "--choice", "--limit", "1"], input: Data("\(right + 1)\n\n".utf8))
    #expect(answered.stdout.contains("answered: good"))
    #expect(answered.stdout.contains("\(right + 1). - destalinisation / - decentralisation ✓"))
    // The same card in a fresh collection gets the same options (they are seeded by the card), so pick a wrong one.
    let otherFolder = try TemporaryFolder()
    let other = try Self.collection(otherFolder)
    let again = try RecallProcess.run(
      ["study", "--collection", other, "--choice", "--limit", "1"], input: Data("\(wrong + 1)\n\n".utf8))
    #expect(again.stdout.contains("\(wrong + 1). \(options[wrong].dropFirst(5)) ✗"))
    #expect(again.stdout.contains("answered: again"))
  }

  @Test func aPseudoTerminalGetsTheFullScreenViewAndKeysWithoutEnter() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    let command = "\(RecallProcess.executable.path) study --collection \(collection)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qfec", command, "/dev/null"]
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["TERM"] = "xterm"
    environment.merge(RecallProcess.middayTimeZone) { $1 }
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(" 3q".utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let screen = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    #expect(screen.contains("\u{1B}[2J\u{1B}[H"))
    #expect(screen.contains("Khrushchevs rule had two main policies"))
    #expect(screen.contains("1 Again · 1m   2 Hard · 6m   3 Good · 10m   4 Easy · 8d"))
    #expect(screen.contains("answered: good · learning · next in 10m"))
    #expect(screen.contains("studied 1 · correct 100%"))
    #expect(!screen.contains("\u{1B}[31m"), "NO_COLOR is respected")
  }

  /// A scripted session killed after N answers: the file is sound and holds exactly N answers.
  @Test func killMinus9MidSessionKeepsExactlyTheAnswersGiven() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    let (process, input, output) = try RecallProcess.launch(["study", "--collection", collection])
    var received = ""
    var answers = 0
    // Answer one card at a time, in order of what the session prints, and stop after the fourth answer is saved.
    reading: while answers < 4 {
      let chunk = output.availableData
      guard !chunk.isEmpty else { break }
      received += String(decoding: chunk, as: UTF8.self)
      while let line = received.firstIndex(of: "\n") {
        let text = received[..<line]
        received.removeSubrange(received.startIndex...line)
        if text.hasPrefix("answered: ") {
          answers += 1
          if answers == 4 { break reading }
        } else if text == "prompt: reveal" {
          input.write(Data("\n3\n".utf8))
        }
      }
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(answers == 4)
    let check = try RecallProcess.run(["check", "--collection", collection])
    #expect(check.stdout == "ok\n")
    let stats = try RecallProcess.run(["stats", "--collection", collection, "--json"])
    let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    #expect(json?["reviewedToday"] as? Int == 4)
  }

  /// The README's study command, from a fresh collection: today's 20 new cards learned to the end.
  @Test func theSeedDeckStudiedEndToEndWithTheReadmeCommand() throws {
    let readme = try String(contentsOf: RecallProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let command = try #require(
      readme.split(separator: "\n").first { $0.contains("recall study examples/khrushchev.txt") })
    let arguments = command.split(separator: "#")[0].split(separator: " ").drop { $0 != "recall" }.dropFirst().map(
      String.init)
    #expect(arguments == ["study", "examples/khrushchev.txt"])
    let folder = try TemporaryFolder()
    let collection = folder.file("c.sqlite").path
    let input = String(repeating: "\n3\n", count: 45)
    let result = try RecallProcess.run(arguments + ["--collection", collection], input: Data(input.utf8))
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix("examples/khrushchev.txt: paste → deck “Khrushchev GOVERNMENT Flashcards”: 27 added"))
    #expect(result.stdout.components(separatedBy: "answered: good").count - 1 == 40)
    #expect(result.stdout.contains("summary: studied 40 · correct 100% · time "))
    let due = try RecallProcess.run(["due", "--collection", collection])
    #expect(due.stdout.hasPrefix("Khrushchev GOVERNMENT Flashcards: 0 review, 0 learning, 0 new"))
  }

  @Test func statsSummariseTodayAndTheCards() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.collection(folder)
    _ = try RecallProcess.run(
      ["study", "--collection", collection, "--limit", "3"], input: Data("\n4\n\n4\n\n1\n".utf8))
    let stats = try RecallProcess.run(["stats", "--collection", collection])
    let lines = stats.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "All decks")
    #expect(lines[2].hasPrefix("Today      3 answered · 67% correct · "))
    #expect(lines[3].hasSuffix("█  3 answers"))
    #expect(lines[4] == "Retention  young – (0) · mature – (0)  — pass rate of reviews, last 30 days")
    #expect(lines[6] == "Cards      24 new · 1 learning · 2 review · 0 suspended · 2 flagged")
    #expect(lines[7].hasPrefix("Memory     you would recall 100% of the cards you have studied"))
  }
}
