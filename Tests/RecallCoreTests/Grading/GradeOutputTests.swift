import Foundation
import Testing

@testable import RecallCore

/// The result's JSON form and the batch mode built on it.
@Suite("Grade results as JSON")
struct GradeOutputTests {
  static let expected = "- Malenkov\n- Beria\n- Khrushchev"

  @Test("The JSON line has exactly the documented keys, in order, with null for a missed point")
  func jsonLine() {
    let result = AnswerGrader().grade(typed: "Beria, Malenkov", expected: Self.expected)
    #expect(
      result.jsonLine
        == #"{"points_hit":2,"points_total":3,"verdict":"partial","points":[{"text":"Malenkov","hit":true,"matched":"Malenkov"},{"text":"Beria","hit":true,"matched":"Beria"},{"text":"Khrushchev","hit":false,"matched":null}],"suggested_rating":1,"missed":["Khrushchev"]}"#
    )
  }

  @Test("Strings are escaped as JSON requires, and nothing more")
  func escaping() {
    #expect(JSONText.quoted("a \"b\" \\ c\n/é\u{01}") == #""a \"b\" \\ c\n/é\u0001""#)
  }

  @Test("Codable round-trips, with the same keys")
  func codable() throws {
    let result = AnswerGrader().grade(typed: "Malenkov\nBeria\nKhrushchev", expected: Self.expected)
    let data = try JSONEncoder().encode(result)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["points_hit", "points_total", "verdict", "points", "suggested_rating", "missed"])
    #expect(object["suggested_rating"] as? Int == 3)
    let decoded = try JSONDecoder().decode(GradeResult.self, from: data)
    #expect(decoded == result)
    #expect(decoded.jsonLine == result.jsonLine)
  }

  @Test("Batch mode: one request line in, one result line out")
  func batch() throws {
    let line =
      #"{"expected": "- Malenkov\n- Beria\n- Khrushchev", "typed": "khrushchev beria and malenkov", "front": "Who were the main players in the presidium?"}"#
    let answer = GradeBatch.answer(line: line)
    #expect(answer.hasPrefix(#"{"points_hit":3,"points_total":3,"verdict":"correct","#))
    #expect(!answer.contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
    #expect(object["suggested_rating"] as? Int == 3)
  }

  @Test("Batch mode uses a deck given with the request")
  func batchWithDeck() {
    let line = #"""
      {"expected": "Premier of the Soviet Union (prime minister)", "typed": "head of the secret police", "front": "Malenkov’s role", "deck": [{"front": "Malenkov’s role", "back": "Premier of the Soviet Union (prime minister)"}, {"front": "Beria’s role:", "back": "Head of the secret police (NKVD)"}]}
      """#
    #expect(GradeBatch.answer(line: line).contains(#""verdict":"wrong""#))
  }

  @Test(
    "Batch mode answers a bad line with an error object",
    arguments: ["", "nonsense", #"{"expected": "x"}"#, #"{"expected": 3, "typed": "x"}"#])
  func batchErrors(_ line: String) {
    #expect(GradeBatch.answer(line: line).hasPrefix(#"{"error":"#))
  }
}
