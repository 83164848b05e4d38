import Foundation
import Testing

@testable import RecallCore

/// Recall's memory model against fsrs-rs (Anki's engine) through fsrs-rs-python 0.9.3, using the
/// fixture written by scripts/fsrs/generate_memory_states.py.
///
/// fsrs-rs computes in f32 with day-granular elapsed times, so the comparison feeds
/// ``FSRSModel/nextState(_:rating:elapsedDays:)`` the same whole-day deltas and allows 1e-5
/// relative error. Histories stop before fsrs-rs caps stability at 36,500 days (py-fsrs and
/// Recall do not cap).
///
/// One exception: below 0.01 days (reached by repeated same-day lapses) fsrs-rs' f32 lapse
/// formula loses digits to cancellation in (S + 1)^w13 − 1, so there stability is compared to
/// 1e-6 days absolute instead (about 0.1 s).
@Suite("fsrs-rs 0.9.3 memory states")
struct FSRSRsMemoryStateTests {
  struct History: Decodable {
    var parameters: [Double]
    var reviews: [[Int]]
    var states: [[Double]]
  }

  @Test("memory states agree with fsrs-rs to 1e-5 relative")
  func memoryStates() throws {
    let histories = try FixtureFiles.lines("fsrs-rs-0.9.3-memory-states.jsonl.gz").map {
      try FixtureFiles.decode(History.self, $0)
    }
    #expect(histories.count >= 300)
    var maxError = 0.0
    var compared = 0
    var problems: [String] = []
    for (number, history) in histories.enumerated() {
      let model = FSRSModel(parameters: try FSRSParameters(history.parameters))
      var state: MemoryState?
      for (index, review) in history.reviews.enumerated() {
        let rating = try #require(Rating(rawValue: review[0]))
        state = model.nextState(state, rating: rating, elapsedDays: review[1])
        let expected = history.states[index]
        let stabilityError = relativeError(state!.stability, expected[0])
        let difficultyError = relativeError(state!.difficulty, expected[1])
        let tiny = expected[0] < 0.01
        if !tiny {
          maxError = max(maxError, stabilityError)
        }
        maxError = max(maxError, difficultyError)
        compared += 1
        let stabilityOK =
          tiny ? abs(state!.stability - expected[0]) <= 1e-6 : stabilityError <= 1e-5
        if !stabilityOK || difficultyError > 1e-5 {
          problems.append("history \(number) review \(index): \(state!) vs \(expected)")
        }
      }
    }
    print(
      "fsrs-rs memory states: \(histories.count) histories, \(compared) states, "
        + "max relative error \(maxError) (stability ≥ 0.01 d)")
    #expect(problems.count == 0, "first mismatches: \(problems.prefix(3))")
  }
}
