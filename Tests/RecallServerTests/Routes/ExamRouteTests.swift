import Foundation
import HTTPTypes
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// Exam mode in the web app: set and clear on Settings, readiness and plan on Stats, and the same through the API.
@Suite struct ExamRouteTests {
  /// The calendar date `days` study days after today in the deck's own day numbering.
  static func date(daysFromToday days: Int, deck: String, in collection: Collection) throws -> (String, Int) {
    let today = try collection.options(ofDeck: deck).day.number(of: Date())
    return (SchedulingDay.calendarDate(ofDay: today + days), today + days)
  }

  @Test func settingsSetsAnExamThatStatsThenCharts() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let before = try await browser.get("/settings?deck=\(id)")
      #expect(before.text.contains("action=\"/settings/deck/\(id)/exam\""))
      #expect(before.text.contains(">Set exam</button>"))
      #expect(!before.text.contains("Clear exam"))
      #expect(try await browser.get("/stats?deck=\(id)").text.contains("Exam readiness") == false)

      let (date, examDay) = try Self.date(daysFromToday: 12, deck: Fixture.seedDeck, in: collection)
      let set = try await browser.post(
        "/settings/deck/\(id)/exam", form: [("date", date), ("target", "92"), ("maxPerDay", "15")])
      #expect(set.status == .seeOther)
      #expect(set.headers[.location] == "/settings?deck=\(id)&done=exam#exam")
      let exam = try #require(try collection.options(ofDeck: Fixture.seedDeck).exam)
      #expect(exam.examDay == examDay)
      #expect(exam.targetRecall == 0.92)
      #expect(exam.maximumCardsPerDay == 15)

      let after = try await browser.get("/settings?deck=\(id)&done=exam")
      #expect(after.text.contains("Exam set"))
      #expect(after.text.contains("Exam on <strong>\(date)</strong>: 12 days left"))
      #expect(after.text.contains("value=\"\(date)\""))
      #expect(after.text.contains("Clear exam"))

      let plan = try #require(try collection.examPlan(deck: Fixture.seedDeck))
      let stats = try await browser.get("/stats?deck=\(id)")
      #expect(stats.text.contains("Exam readiness · \(Fixture.seedDeck)"))
      #expect(stats.text.contains("id=\"chart-exam-\(id)\""))
      #expect(stats.text.contains("left until \(date)"))
      #expect(stats.text.contains(Components.percent(plan.status.predictedMeanRecall)))
      // One point for now and one per study day; the plan's bars, one per day.
      let readiness = try #require(stats.text.components(separatedBy: "id=\"chart-exam-\(id)\"").last)
      let chart = try #require(readiness.components(separatedBy: "</svg>").first)
      #expect(chart.components(separatedBy: "class=\"point\"").count - 1 == 1 + plan.days.count)
      // "All decks" shows every deck's exam too.
      #expect(try await browser.get("/stats").text.contains("Exam readiness · \(Fixture.seedDeck)"))

      let cleared = try await browser.post("/settings/deck/\(id)/exam", form: [("action", "clear")])
      #expect(cleared.headers[.location] == "/settings?deck=\(id)&done=exam-cleared#exam")
      #expect(try collection.options(ofDeck: Fixture.seedDeck).exam == nil)
      #expect(try await browser.get("/stats?deck=\(id)").text.contains("Exam readiness") == false)
    }
  }

  @Test(arguments: [
    ("2020-01-01", "must be after today"), ("31/12/2030", "YYYY-MM-DD"), ("2030-02-30", "YYYY-MM-DD"),
  ])
  func settingsRefusesADateThatCannotBePlanned(date: String, message: String) async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let refused = try await browser.post("/settings/deck/\(id)/exam", form: [("date", date), ("target", "90")])
      #expect(refused.status == .unprocessableContent)
      #expect(refused.text.contains(message))
      #expect(try collection.options(ofDeck: Fixture.seedDeck).exam == nil)
    }
  }

  @Test func settingsRefusesATargetOrLimitOutOfRange() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let (date, _) = try Self.date(daysFromToday: 5, deck: Fixture.seedDeck, in: collection)
      let target = try await browser.post("/settings/deck/\(id)/exam", form: [("date", date), ("target", "100")])
      #expect(target.status == .unprocessableContent)
      #expect(target.text.contains("less than 1"))
      let cap = try await browser.post("/settings/deck/\(id)/exam", form: [("date", date), ("maxPerDay", "0")])
      #expect(cap.status == .unprocessableContent)
      #expect(
        try await browser.post("/settings/deck/\(id)/exam", form: [("date", date)], csrf: false).status
          == .forbidden)
      #expect(try collection.options(ofDeck: Fixture.seedDeck).exam == nil)
    }
  }

  @Test func apiSetsReadsAndClearsAnExam() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let missing = try await browser.json(.get, "/api/v1/decks/\(id)/exam")
      #expect(missing.status == .notFound)
      #expect(try await browser.json(.get, "/api/v1/decks/987654/exam").status == .notFound)

      let (date, _) = try Self.date(daysFromToday: 9, deck: Fixture.seedDeck, in: collection)
      let body = #"{"date": "\#(date)", "targetRecall": 0.9, "maximumCardsPerDay": 20}"#
      #expect(try await browser.json(.put, "/api/v1/decks/\(id)/exam", body, csrf: false).status == .forbidden)
      let set = try await browser.json(.put, "/api/v1/decks/\(id)/exam", body)
      #expect(set.status == .ok)
      let exam = try browser.decode(APIModels.Exam.self, set)
      #expect(exam.date == date)
      #expect(exam.deck == Fixture.seedDeck)
      #expect(exam.status.daysLeft == 9)
      #expect(exam.days.count == 9)
      // The seed has 25 cards with both sides; every one is introduced within the plan.
      #expect(exam.status.cardCount == 25)
      #expect(exam.days.reduce(0) { $0 + $1.newCards } == 25)
      #expect(exam.days.allSatisfy { $0.newCards + $0.reviews <= 20 })
      #expect(abs((exam.days.last?.readiness ?? 0) - exam.status.predictedMeanRecall) < 1e-9)
      #expect(exam.status.predictedMeanRecall >= 0.9)

      let read = try browser.decode(APIModels.Exam.self, try await browser.json(.get, "/api/v1/decks/\(id)/exam"))
      #expect(read.days.map(\.newCards) == exam.days.map(\.newCards))

      let invalid = try await browser.json(.put, "/api/v1/decks/\(id)/exam", #"{"date": "tomorrow"}"#)
      #expect(invalid.status == .unprocessableContent)
      #expect(invalid.text.contains("YYYY-MM-DD"))
      #expect(try await browser.json(.put, "/api/v1/decks/\(id)/exam", #"{"target": 1}"#).status == .badRequest)

      #expect(try await browser.json(.delete, "/api/v1/decks/\(id)/exam").status == .noContent)
      #expect(try await browser.json(.get, "/api/v1/decks/\(id)/exam").status == .notFound)
      #expect(try collection.options(ofDeck: Fixture.seedDeck).exam == nil)
    }
  }
}
