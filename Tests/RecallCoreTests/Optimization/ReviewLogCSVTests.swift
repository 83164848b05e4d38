import Foundation
import Testing

@testable import RecallCore

/// A real Anki review log, from py-fsrs's tests (examples/README.md).
private let sampleLogURL = TestFiles.packageRoot.appendingPathComponent("examples/review_log_josh.csv")

@Suite("Review log CSV")
struct ReviewLogCSVTests {
  @Test("cards in order of first appearance, reviews sorted by time")
  func parses() throws {
    let text =
      "\u{FEFF}review_time,card_id,review_rating,review_duration,extra\r\n"
      + "2024-03-29T20:32:32.250000+00:00,7,3,25060,x\r\n"
      + "\r\n"
      + "\"2024-03-29T20:30:00Z\",\"7\",1,,\"a, \"\"quoted\"\" field\"\r\n"
      + "1711744352250,8,4,100,y\r\n"
    let histories = try ReviewLogCSV.parse(text)
    #expect(histories.map(\.cardID) == ["7", "8"])
    #expect(histories[0].reviews.map(\.rating) == [.again, .good])
    #expect(histories[0].reviews[0].time == ISO8601Time.parse("2024-03-29T20:30:00Z"))
    #expect(histories[0].reviews[0].duration == nil)
    #expect(histories[0].reviews[1].duration == 25.06)
    #expect(histories[1].reviews[0].time == Date(timeIntervalSince1970: 1_711_744_352.25))
  }

  @Test(
    "errors name the line and the problem",
    arguments: [
      ("", 1, "empty"),
      ("card_id,review_rating\n", 1, "missing column \"review_time\""),
      (
        "card_id,review_rating,review_time\n1,3,2024-01-01T00:00:00Z\n1,7,2024-01-02T00:00:00Z\n", 3,
        "review_rating \"7\""
      ),
      ("card_id,review_rating,review_time\n\n1,3,yesterday\n", 3, "review_time \"yesterday\""),
      ("card_id,review_rating,review_time\n1,3,2024-01-01T00:00:00\n", 2, "UTC offset"),
      ("card_id,review_rating,review_time\n1,3\n", 2, "expected 3 fields"),
      ("card_id,review_rating,review_time\n\"1,3,2024-01-01T00:00:00Z\n", 2, "not closed"),
      ("card_id,review_rating,review_time\n,3,2024-01-01T00:00:00Z\n", 2, "card_id is empty"),
      ("card_id,review_rating,review_time,review_duration\n1,3,2024-01-01T00:00:00Z,-4\n", 2, "review_duration"),
    ])
  func errors(text: String, line: Int, message: String) {
    do {
      _ = try ReviewLogCSV.parse(text)
      Issue.record("no error for \(text.debugDescription)")
    } catch {
      #expect(error.line == line)
      #expect(error.description.hasPrefix("line \(line): "))
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test("the Josh sample log: 12,580 reviews of 1,205 cards")
  func sampleLog() throws {
    let text = try String(contentsOf: sampleLogURL, encoding: .utf8)
    let histories = try ReviewLogCSV.parse(text)
    #expect(histories.count == 1_205)
    #expect(histories.reduce(0) { $0 + $1.reviews.count } == 12_580)
  }
}
