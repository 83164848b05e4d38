import Foundation
import Testing

@testable import RecallCore

@Suite("Training items")
struct FSRSItemBuilderTests {
  @Test("items from the fsrs-rs recipe, across a daylight-saving change")
  func matchesFSRSRS() throws {
    let fixture = try OptimizerFixture.load()
    let histories = try ReviewLogCSV.parse(fixture.revlogCsv)
    let days = SchedulingDay(
      dayStartHour: fixture.dayStartHour, timeZone: try #require(TimeZone(identifier: fixture.timeZone)))
    let items = FSRSItemBuilder.items(from: histories, days: days)
    #expect(items.count == fixture.items.count)
    for (item, expected) in zip(items, fixture.items) {
      #expect(item.cardID == expected.cardId)
      #expect(item.reviews.map { [$0.rating.rawValue, $0.elapsedDays] } == expected.reviews)
    }
  }

  @Test("a day runs from the day-start hour to the next, local time")
  func studyDays() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let days = SchedulingDay(dayStartHour: 4, timeZone: zone)
    func time(_ text: String) -> Date { ISO8601Time.parse(text)! }
    let history = CardHistory(
      cardID: "x",
      reviews: [
        ReviewEvent(time: time("2024-03-30T23:30:00+01:00"), rating: .again),
        // 02:30 the next night is still the same study day (before 04:00).
        ReviewEvent(time: time("2024-03-31T03:30:00+02:00"), rating: .good),
        ReviewEvent(time: time("2024-03-31T04:10:00+02:00"), rating: .good),
        ReviewEvent(time: time("2024-04-03T09:00:00+02:00"), rating: .again),
        ReviewEvent(time: time("2024-04-03T09:10:00+02:00"), rating: .good),
        ReviewEvent(time: time("2024-04-04T03:59:00+02:00"), rating: .good),
      ])
    let reviews = FSRSItemBuilder.reviews(of: history, days: days)
    #expect(reviews.map(\.elapsedDays) == [0, 0, 1, 3, 0, 0])
    let items = FSRSItemBuilder.items(from: [history], days: days)
    #expect(items.map(\.reviews.count) == [3, 4])
    #expect(items.map(\.recalled) == [true, false])
    #expect(items.map(\.longTermReviewCount) == [1, 2])
  }

  @Test("an invalid day-start hour is rejected")
  func invalidHour() {
    #expect(throws: FSRSError.invalidDayStartHour(24)) {
      try FSRSOptimizerConfiguration(timeZone: OptimizationTestData.utc, dayStartHour: 24)
    }
  }
}
