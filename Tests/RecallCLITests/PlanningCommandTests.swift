import Foundation
import Testing

/// `recall optimize` and `recall exam` as a user runs them.
@Suite(.serialized)
struct PlanningCommandTests {
  static let deck = SchedulingCommandTests.deck
  static let joshLog = RecallProcess.packageRoot.appendingPathComponent("examples/review_log_josh.csv").path

  @Test func optimizeFitsARealReviewLogBetterThanTheDefaults() throws {
    let result = try RecallProcess.run([
      "optimize", "--revlog", Self.joshLog, "--timezone", "UTC", "--day-starts-at", "4", "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let parameters = try #require(report["parameters"] as? [Double])
    #expect(parameters.count == 21)
    let items = try #require(report["items"] as? Int)
    #expect(items > 4000)
    let fitted = try #require(report["log_loss"] as? Double)
    let defaults = try #require(report["default_log_loss"] as? Double)
    #expect(fitted < defaults)
    #expect(report["reason"] == nil || report["reason"] is NSNull)
  }

  @Test func optimizeKeepsTheDefaultsWithTooLittleHistoryAndSaysWhy() throws {
    let folder = try TemporaryFolder()
    let collection = try SchedulingCommandTests.importedCollection(folder)
    _ = try RecallProcess.run(["answer", "--collection", collection, "3", "good"])
    let result = try RecallProcess.run(["optimize", "--collection", collection, "--deck", Self.deck, "--apply"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Kept the default parameters: "))
  }

  @Test func aBadReviewLogNamesTheLine() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "log.csv",
      Data("card_id,review_rating,review_time,review_duration\n1,3,2024-01-01T00:00:00Z,1000\n2,9,x,1\n".utf8))
    let result = try RecallProcess.run(["optimize", "--revlog", path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("recall: \(path):3: "))
  }

  @Test func examSetStatusDrivesTheQueueAndClears() throws {
    let folder = try TemporaryFolder()
    let collection = try SchedulingCommandTests.importedCollection(folder)
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC")!
    let examDate = utc.date(byAdding: .day, value: 30, to: utc.startOfDay(for: Date().addingTimeInterval(-4 * 3600)))!
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = utc.timeZone
    let set = try RecallProcess.run([
      "exam", "set", formatter.string(from: examDate), "--collection", collection, "--max-per-day", "10",
    ])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.hasPrefix("Exam set for \(formatter.string(from: examDate)) on “\(Self.deck)”"))
    let status = try RecallProcess.run(["exam", "status", "--collection", collection, "--json"])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let exam = try #require(report["status"] as? [String: Any])
    #expect(exam["daysLeft"] as? Int == 30)
    #expect(exam["cardCount"] as? Int == 25)
    let today = try #require((report["plan"] as? [[String: Any]])?.first)
    let planned = (today["newCards"] as? Int ?? 0) + (today["reviews"] as? Int ?? 0)
    #expect((1...10).contains(planned))
    // Today's queue is the plan's.
    let due = try RecallProcess.run(["due", "--collection", collection])
    #expect(due.stdout == "\(Self.deck): 0 review, 0 learning, \(planned) new (2 flagged, not studied)\n")
    let cleared = try RecallProcess.run(["exam", "clear", "--collection", collection])
    #expect(cleared.stdout == "Exam cleared for “\(Self.deck)”; normal FSRS scheduling resumes.\n")
    let none = try RecallProcess.run(["exam", "status", "--collection", collection])
    #expect(none.status == 1)
  }
}
