import Foundation
import Testing

@testable import RecallCore

/// Recall against py-fsrs 6.3.2, using the fixture written by scripts/fsrs/generate_vectors.py.
@Suite("py-fsrs 6.3.2 conformance")
struct PyFSRSConformanceTests {
  static let fixture = "fsrs-py-6.3.2.jsonl.gz"
  /// Stability, difficulty and retrievability must agree to this relative error.
  static let tolerance = 1e-9

  struct Kind: Decodable {
    var kind: String
  }

  struct ExpectedState: Decodable {
    var state: String
    var step: Int?
    var stability: Double
    var difficulty: Double
    var due: String
    var retrievability: Double
  }

  struct StatesOrError: Decodable {
    var states: [ExpectedState]?
    var error: String?
  }

  struct HistoryRecord: Decodable {
    var kind: String
    var name: String
    var input: String
    var expected: StatesOrError?
    var fuzzSeeds: [UInt64]?
  }

  /// The fixture's lines, decompressed once for all tests in this file and the function vectors.
  static let lines = Result { try FixtureFiles.lines(fixture) }

  static func records(kind: String) throws -> [HistoryRecord] {
    try lines.get()
      .filter { try FixtureFiles.decode(Kind.self, $0).kind == kind }
      .map { try FixtureFiles.decode(HistoryRecord.self, $0) }
  }

  /// Compares one replayed history with py-fsrs and returns the first difference, if any, and
  /// the largest relative error seen.
  static func compare(
    name: String, actual: [ExpectedState], expected: [ExpectedState]
  ) -> (problem: String?, maxError: Double) {
    guard actual.count == expected.count else {
      return ("\(name): \(actual.count) states, py-fsrs has \(expected.count)", 0)
    }
    var maxError = 0.0
    for (index, (mine, theirs)) in zip(actual, expected).enumerated() {
      let errors = [
        relativeError(mine.stability, theirs.stability),
        relativeError(mine.difficulty, theirs.difficulty),
        relativeError(mine.retrievability, theirs.retrievability),
      ]
      maxError = max(maxError, errors.max() ?? 0)
      let dueGap: Double? = {
        guard let mine = ISO8601Time.parse(mine.due), let theirs = ISO8601Time.parse(theirs.due)
        else { return nil }
        return abs(mine.timeIntervalSince(theirs))
      }()
      // Due within a millisecond: stricter than "to the second", looser than Date's precision.
      if mine.state != theirs.state || mine.step != theirs.step
        || errors.contains(where: { $0 > tolerance }) || (dueGap ?? 1) >= 0.001
      {
        return ("\(name) review \(index): got \(mine), py-fsrs \(theirs)", maxError)
      }
    }
    return (nil, maxError)
  }

  @Test("every random and shared history replays like py-fsrs (FSRSReplay path)")
  func histories() throws {
    let records = try Self.records(kind: "history")
    #expect(records.count >= 10_000)
    var problems: [String] = []
    var maxError = 0.0
    var reviews = 0
    for record in records {
      let output = try FixtureFiles.decode(
        StatesOrError.self, FSRSReplay.answer(line: record.input))
      guard let states = output.states, let expected = record.expected?.states else {
        problems.append("\(record.name): replay answered \(output.error ?? "nothing")")
        continue
      }
      reviews += expected.count
      let result = Self.compare(name: record.name, actual: states, expected: expected)
      maxError = max(maxError, result.maxError)
      if let problem = result.problem { problems.append(problem) }
    }
    print(
      "py-fsrs conformance: \(records.count) histories, \(reviews) reviews, "
        + "max relative error \(maxError), \(problems.count) mismatches")
    #expect(problems.count == 0, "first mismatches: \(problems.prefix(3))")
  }

  @Test("fuzzed histories match py-fsrs with random() replaced by the seed's SplitMix64 value")
  func fuzzedHistories() throws {
    let records = try Self.records(kind: "fuzz_history")
    #expect(records.count >= 1_000)
    var problems: [String] = []
    var maxError = 0.0
    for record in records {
      let input = try ReplayInput.parse(record.input)
      let scheduler = Scheduler(try input.configuration(fuzz: true))
      let states = FSRSReplay.states(input, scheduler: scheduler, fuzzSeeds: record.fuzzSeeds)
        .map {
          ExpectedState(
            state: $0.state, step: $0.step, stability: $0.stability, difficulty: $0.difficulty,
            due: $0.due, retrievability: $0.retrievability)
        }
      let result = Self.compare(
        name: record.name, actual: states, expected: record.expected?.states ?? [])
      maxError = max(maxError, result.maxError)
      if let problem = result.problem { problems.append(problem) }
    }
    print("py-fsrs fuzz conformance: \(records.count) histories, max relative error \(maxError)")
    #expect(problems.count == 0, "first mismatches: \(problems.prefix(3))")
  }

  @Test("inputs py-fsrs rejects are answered with an error")
  func rejectedInputs() throws {
    let records = try Self.records(kind: "error")
    #expect(records.count >= 5)
    for record in records {
      let output = try FixtureFiles.decode(
        StatesOrError.self, FSRSReplay.answer(line: record.input))
      #expect(output.error != nil && output.states == nil, "\(record.name)")
    }
  }
}
