import Foundation
import Testing

/// `recall due`, `answer`, `undo`, `deck options` and `fsrs replay` as a user or a script runs them.
@Suite(.serialized)
struct SchedulingCommandTests {
  static let seed = ImportCommandTests.seed
  static let deck = "Khrushchev GOVERNMENT Flashcards"

  static func importedCollection(_ folder: TemporaryFolder) throws -> String {
    let collection = folder.file("c.sqlite").path
    _ = try RecallProcess.run(["import", "--collection", collection, seed])
    _ = try RecallProcess.run(["deck", "options", deck, "--collection", collection, "--time-zone", "UTC"])
    return collection
  }

  @Test func dueCountsNewCardsWithinTheLimitAndSaysWhatIsFlagged() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.importedCollection(folder)
    let due = try RecallProcess.run(["due", "--collection", collection])
    #expect(due.stdout == "\(Self.deck): 0 review, 0 learning, 20 new (2 flagged, not studied)\n")
  }

  @Test func deckOptionsShowsAndChanges() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.importedCollection(folder)
    let result = try RecallProcess.run([
      "deck", "options", Self.deck, "--collection", collection, "--new-per-day", "5", "--learning-steps", "30s 5m 1h",
      "--leech-action", "suspend",
    ])
    #expect(
      result.stdout == """
        \(Self.deck):
          new cards per day  5
          reviews per day    200
          desired retention  0.9
          learning steps     30s 5m 1h
          relearning steps   10m
          maximum interval   36500 days
          day starts at      4:00 UTC
          learn ahead        20 minutes
          leeches            8 lapses, then suspend
          fuzz               true

        """)
    let bad = try RecallProcess.run([
      "deck", "options", Self.deck, "--collection", collection, "--desired-retention", "1.5",
    ])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("desired retention"))
    let badStep = try RecallProcess.run([
      "deck", "options", Self.deck, "--collection", collection, "--learning-steps", "1m 10x",
    ])
    #expect(badStep.status == 1)
    #expect(badStep.stderr.contains("cannot read the step “10x”: write steps like 1m 10m 1h 1d"))
  }

  @Test func answerAndUndoRoundTrip() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.importedCollection(folder)
    let answered = try RecallProcess.run(["answer", "--collection", collection, "3", "good"])
    #expect(answered.stdout.hasPrefix("ok 3 good learning "))
    let undone = try RecallProcess.run(["undo", "--collection", collection])
    #expect(undone.stdout == "undone: #3 What leadership was put in place after Stalin died in 1953? is new again\n")
    let nothing = try RecallProcess.run(["undo", "--collection", collection])
    #expect(nothing.status == 1)
    #expect(nothing.stderr == "recall: nothing to undo\n")
    let missing = try RecallProcess.run(["answer", "--collection", collection, "999", "good"])
    #expect(missing.stderr == "recall: no card with id 999; `recall cards` lists them\n")
  }

  @Test func fsrsReplayAnswersEveryLineAndReportsBadOnes() throws {
    let input = """
      {"reviews": [{"rating": 3, "time": "2024-01-01T12:00:00Z"}, {"rating": 3, "time": "2024-01-01T12:10:00Z"}]}
      not json
      {"reviews": [{"rating": 7, "time": "2024-01-01T12:00:00Z"}]}

      """
    let result = try RecallProcess.run(["fsrs", "replay"], input: Data(input.utf8))
    let lines = result.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 3)
    let states = lines[0]?["states"] as? [[String: Any]]
    #expect(states?.map { $0["state"] as? String } == ["learning", "review"])
    #expect(states?.first?["stability"] as? Double == 2.3065)
    #expect(lines[1]?["error"] != nil)
    #expect((lines[2]?["error"] as? String)?.contains("rating") == true)
  }

  /// Answers are committed one by one; killing the process between answers loses none that it acknowledged.
  @Test func killMinus9BetweenAnswersLosesNothingAcknowledged() throws {
    let folder = try TemporaryFolder()
    let collection = try Self.importedCollection(folder)
    let (process, input, output) = try RecallProcess.launch(["answer", "--collection", collection])
    var acknowledged: [String] = []
    var buffer = Data()
    for id in 3...9 {
      input.write(Data("\(id) good\n".utf8))
      while !buffer.contains(0x0A) { buffer += output.availableData }
      let newline = buffer.firstIndex(of: 0x0A)!
      acknowledged.append(String(decoding: buffer[..<newline], as: UTF8.self))
      buffer = Data(buffer[(newline + 1)...])
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(acknowledged.count == 7)
    #expect(acknowledged.allSatisfy { $0.hasPrefix("ok ") })

    let cards = try RecallProcess.run(["cards", "--collection", collection, "--json"])
    let listed = try JSONSerialization.jsonObject(with: Data(cards.stdout.utf8)) as? [[String: Any]] ?? []
    let learning = listed.filter { $0["state"] as? String == "learning" }.compactMap { $0["id"] as? Int }
    #expect(learning == Array(3...9))
    let check = try RecallProcess.run(["check", "--collection", collection])
    #expect(check.stdout == "ok\n")
  }
}
