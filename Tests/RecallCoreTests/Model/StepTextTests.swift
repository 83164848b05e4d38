import Testing

@testable import RecallCore

/// Learning steps as `recall deck options` and the Settings page read and write them.
struct StepTextTests {
  @Test func formatsEachStepInTheLargestUnitThatDividesIt() {
    #expect(StepText.format([60, 600, 3600, 86_400, 30, 90]) == "1m 10m 1h 1d 30s 90s")
    #expect(StepText.format([]) == "")
  }

  @Test func parsesUnitsSpacesAndCommasWithBareNumbersAsMinutes() throws {
    #expect(try StepText.parse("1m 10m, 1h 2d 30s 5") == [60, 600, 3600, 172_800, 30, 300])
    #expect(try StepText.parse("") == [])
  }

  @Test(arguments: ["10m 1x", "1x", "0m", "-5m", "m"])
  func namesTheStepItCannotRead(text: String) {
    let word = text.split(separator: " ").last.map(String.init) ?? text
    #expect(throws: StepText.UnreadableStep(word: word)) { try StepText.parse(text) }
  }
}
