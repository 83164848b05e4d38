import Foundation
import Testing

/// `recall grade` on one answer and in batch mode.
struct GradeCommandTests {
  @Test func gradesPointByPointWhateverTheOrderAndLayout() throws {
    let result = try RecallProcess.run([
      "grade", "--expected", "- Malenkov\n- Beria\n- Khrushchev", "--typed", "khrushchev, malenkov and beria",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("correct: 3 of 3 points · suggested good\n"))
  }

  @Test func aPartialAnswerNamesWhatWasMissed() throws {
    let result = try RecallProcess.run([
      "grade", "--json", "--expected", "- Malenkov\n- Beria\n- Khrushchev", "--typed", "Beria",
    ])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["points_hit"] as? Int == 1)
    #expect(json["points_total"] as? Int == 3)
    #expect(json["verdict"] as? String == "partial")
    #expect(json["suggested_rating"] as? Int == 1)
    #expect(json["missed"] as? [String] == ["Malenkov", "Khrushchev"])
  }

  @Test func batchAnswersEveryLineAndReportsBadOnes() throws {
    let input = """
      {"expected": "1953", "typed": "1953"}
      {"expected": "1953", "typed": "1956"}
      not json

      """
    let result = try RecallProcess.run(["grade", "--batch", "-"], input: Data(input.utf8))
    let lines = result.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 3)
    #expect(lines[0]?["verdict"] as? String == "correct")
    #expect(lines[1]?["verdict"] as? String == "wrong")
    #expect(lines[2]?["error"] != nil)
  }
}
