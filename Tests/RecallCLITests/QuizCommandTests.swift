import Foundation
import Testing

/// `recall quiz`: true/false, list recall and matching over the seed deck, answered through standard input.
@Suite(.serialized)
struct QuizCommandTests {
  static let deck = SchedulingCommandTests.deck

  @Test func trueFalseAnswersAreMarkedAndLoggedAsCram() throws {
    let folder = try TemporaryFolder()
    let collection = try SchedulingCommandTests.importedCollection(folder)
    let first = try RecallProcess.run(
      ["quiz", Self.deck, "--collection", collection, "--count", "3"], input: Data("true\ntrue\ntrue\n".utf8))
    #expect(first.status == 0, "\(first.stderr)")
    let verdicts = first.stdout.split(separator: "\n").filter { $0 == "right" || $0.hasPrefix("wrong: it is ") }
    #expect(verdicts.count == 3)
    let right = verdicts.filter { $0 == "right" }.count
    #expect(first.stdout.hasSuffix("summary: \(right) of 3 right\n"))
    let stats = try RecallProcess.run(["stats", "--collection", collection, "--json"])
    let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    #expect(json?["reviewedToday"] as? Int == 3)
    #expect(json?["new"] as? Int == 27)
  }

  @Test func listRecallGradesEachItem() throws {
    let folder = try TemporaryFolder()
    let collection = try SchedulingCommandTests.importedCollection(folder)
    let result = try RecallProcess.run(
      ["quiz", Self.deck, "--collection", collection, "--mode", "list", "--count", "1"], input: Data("\n".utf8))
    #expect(result.stdout.contains("prompt: one item a line, an empty line ends"))
    #expect(result.stdout.contains("wrong: 0 of "))
    #expect(result.stdout.hasSuffix("summary: 0 of 1 right\n"))
  }

  @Test func matchingScoresThePairing() throws {
    let folder = try TemporaryFolder()
    let collection = try SchedulingCommandTests.importedCollection(folder)
    let shown = try RecallProcess.run(
      ["quiz", Self.deck, "--collection", collection, "--mode", "matching"], input: Data("\n".utf8))
    let solution = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("solution: ") })
    let answer = solution.dropFirst("solution: ".count)
    let result = try RecallProcess.run(
      ["quiz", Self.deck, "--collection", collection, "--mode", "matching"], input: Data("\(answer)\n".utf8))
    #expect(result.stdout.hasSuffix("summary: \(answer.count) of \(answer.count) right\n"))
  }
}
