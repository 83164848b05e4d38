import Testing

@testable import RecallCore

/// Intervals as the rating buttons show them, in the terminal and on the web.
struct IntervalTextTests {
  @Test(arguments: [
    (1.0 / 1440, "1m"), (10.0 / 1440, "10m"), (0.25, "6h"), (3.0, "3d"), (75.0, "2.5mo"), (400.0, "1.1y"),
  ])
  func describesDaysInTheLargestReadableUnit(days: Double, text: String) {
    #expect(IntervalText.describe(days: days) == text)
  }
}
