import ArgumentParser
import Foundation
import RecallCore

/// `recall grade`: grade a typed answer point by point.
struct GradeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade a typed answer against the expected one, point by point.",
    discussion: """
      With --batch, reads JSON lines {"expected": "...", "typed": "...", "front": "..." (optional)} and writes one \
      line each: {"points_hit", "points_total", "verdict", "points": [{"text", "hit", "matched"}], \
      "suggested_rating", "missed"} or {"error": "..."}.
      """)

  // Unconditional: answers often start with a bullet dash, which must not read as an option.
  @Option(parsing: .unconditional, help: "The card's answer.")
  var expected: String?

  @Option(parsing: .unconditional, help: "What the student typed.")
  var typed: String?

  @Option(parsing: .unconditional, help: "The card's question, for context.")
  var front: String?

  @Option(help: "A JSON-lines file of answers to grade (- reads standard input).")
  var batch: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    guard (batch != nil) != (expected != nil || typed != nil) else {
      throw ValidationError("give either --expected and --typed, or --batch FILE")
    }
    if batch == nil && (expected == nil || typed == nil) { throw ValidationError("give both --expected and --typed") }
  }

  func run() async throws {
    try await reportingFailures {
      let grader = AnswerGrader()
      if let batch {
        let text: String
        if batch == "-" {
          var lines: [String] = []
          while let line = readLine() { lines.append(line) }
          text = lines.joined(separator: "\n")
        } else {
          text = String(decoding: try InputFile.read(batch).data, as: UTF8.self)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
          print(GradeBatch.answer(line: String(line), grader: grader))
        }
        return
      }
      let result = grader.grade(typed: typed ?? "", expected: expected ?? "", front: front)
      if json { return print(result.jsonLine) }
      print(
        "\(result.verdict.rawValue): \(result.pointsHit) of \(result.pointsTotal) points · suggested \(result.suggestedRating)"
      )
      for point in result.points {
        let matched = point.matched.map { " ← “\($0)”" } ?? ""
        print("  \(point.hit ? "✓" : "✗") \(point.text)\(matched)")
      }
    }
  }
}
