import Foundation
import Testing

@testable import RecallCore

@Suite("FSRS parameter validation")
struct FSRSParametersTests {
  /// py-fsrs 6.3.2 DEFAULT_PARAMETERS, written out here rather than read from the library.
  static let defaults: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]
  /// reference/fsrs.md §1.3.
  static let bounds: [(Double, Double)] = [
    (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4),
    (0.001, 0.75), (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9),
    (0, 4), (0, 1), (1, 6), (0, 2), (0, 2), (0, 0.8), (0.1, 0.8),
  ]

  @Test("the default vector is py-fsrs' and passes validation")
  func defaultVector() throws {
    #expect(FSRSParameters.default.weights == Self.defaults)
    #expect(try FSRSParameters(Self.defaults) == .default)
  }

  @Test("the bounds table is py-fsrs'")
  func boundsTable() {
    #expect(FSRSParameters.lowerBounds == Self.bounds.map(\.0))
    #expect(FSRSParameters.upperBounds == Self.bounds.map(\.1))
  }

  @Test("wrong parameter counts are rejected", arguments: [0, 17, 19, 20, 22])
  func wrongCount(_ count: Int) {
    let weights = Array((Self.defaults + Self.defaults).prefix(count))
    #expect(throws: FSRSError.wrongParameterCount(count)) { try FSRSParameters(weights) }
    #expect(FSRSError.wrongParameterCount(count).description.contains("got \(count)"))
  }

  @Test("each weight is checked against its bounds", arguments: 0..<21)
  func bounds(_ index: Int) throws {
    let (lower, upper) = Self.bounds[index]
    var weights = Self.defaults
    weights[index] = lower
    #expect(try FSRSParameters(weights)[index] == lower)
    weights[index] = upper
    #expect(try FSRSParameters(weights)[index] == upper)

    for bad in [lower - 0.0005, upper + 0.5, .nan, .infinity] {
      weights[index] = bad
      do {
        _ = try FSRSParameters(weights)
        Issue.record("parameters[\(index)] = \(bad) was accepted")
      } catch {
        guard case .parameterOutOfBounds(let i, let value, let lo, let hi) = error else {
          Issue.record("unexpected error \(error)")
          continue
        }
        #expect(i == index && lo == lower && hi == upper)
        #expect(value == bad || (value.isNaN && bad.isNaN))
        // The message names the index, the value and the allowed range.
        #expect(error.description.contains("parameters[\(index)] = \(bad)"))
        #expect(error.description.contains("\(lower)…\(upper)"))
      }
    }
  }

  @Test("decoding validates too")
  func decoding() throws {
    let good = try JSONDecoder().decode(
      FSRSParameters.self, from: JSONEncoder().encode(Self.defaults))
    #expect(good == .default)
    var bad = Self.defaults
    bad[20] = 0.05
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(FSRSParameters.self, from: JSONEncoder().encode(bad))
    }
  }
}

@Suite("Scheduler configuration validation")
struct SchedulerConfigurationTests {
  @Test("defaults are py-fsrs' and Anki's")
  func defaults() throws {
    let configuration = try SchedulerConfiguration()
    #expect(configuration.desiredRetention == 0.9)
    #expect(configuration.learningSteps == [60, 600])
    #expect(configuration.relearningSteps == [600])
    #expect(configuration.maximumInterval == 36500)
    #expect(configuration.fuzz)
    #expect(configuration.mode == .reference)
    #expect(configuration == .default)
  }

  @Test("desired retention must lie strictly between 0 and 1", arguments: [0, 1, -0.5, 1.2, .nan])
  func badRetention(_ retention: Double) {
    #expect(throws: FSRSError.self) { try SchedulerConfiguration(desiredRetention: retention) }
  }

  @Test("retention inside (0, 1) is accepted", arguments: [0.7, 0.9, 0.97, 0.99])
  func goodRetention(_ retention: Double) throws {
    #expect(try SchedulerConfiguration(desiredRetention: retention).desiredRetention == retention)
  }

  @Test("steps must be positive and finite")
  func badSteps() throws {
    #expect(throws: FSRSError.invalidStep(kind: "learningSteps", index: 1, seconds: 0)) {
      try SchedulerConfiguration(learningSteps: [60, 0])
    }
    #expect(throws: FSRSError.invalidStep(kind: "relearningSteps", index: 0, seconds: -600)) {
      try SchedulerConfiguration(relearningSteps: [-600])
    }
    #expect(throws: FSRSError.self) { try SchedulerConfiguration(learningSteps: [.infinity]) }
    #expect(try SchedulerConfiguration(learningSteps: [], relearningSteps: []).learningSteps == [])
  }

  @Test("maximum interval and day start hour are checked")
  func limits() throws {
    #expect(throws: FSRSError.invalidMaximumInterval(0)) {
      try SchedulerConfiguration(maximumInterval: 0)
    }
    let utc = TimeZone(identifier: "UTC")!
    #expect(throws: FSRSError.invalidDayStartHour(24)) {
      try SchedulerConfiguration(mode: .live(dayStartHour: 24, timeZone: utc))
    }
    #expect(throws: FSRSError.invalidDayStartHour(-1)) {
      try SchedulerConfiguration(mode: .live(dayStartHour: -1, timeZone: utc))
    }
  }

  @Test("configurations survive a JSON round trip, and decoding validates")
  func codable() throws {
    let configuration = try SchedulerConfiguration(
      desiredRetention: 0.85, learningSteps: [30], relearningSteps: [], maximumInterval: 365,
      fuzz: false, mode: .live(dayStartHour: 5, timeZone: TimeZone(identifier: "Europe/Paris")!))
    let data = try JSONEncoder().encode(configuration)
    #expect(try JSONDecoder().decode(SchedulerConfiguration.self, from: data) == configuration)

    let partial = Data(#"{"desiredRetention": 0.8}"#.utf8)
    let decoded = try JSONDecoder().decode(SchedulerConfiguration.self, from: partial)
    #expect(decoded.desiredRetention == 0.8 && decoded.learningSteps == [60, 600])

    let invalid = Data(#"{"desiredRetention": 1.5}"#.utf8)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SchedulerConfiguration.self, from: invalid)
    }
  }
}
