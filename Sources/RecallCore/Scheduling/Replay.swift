import Foundation

/// `recall fsrs replay`: replays one review history through the reference-mode scheduler.
///
/// This is the conformance interface: the same JSON line can be fed to py-fsrs 6.3.2 and to
/// Recall, and the answers compared.
///
/// Input, one JSON object (every field except `reviews` is optional; defaults in brackets):
///
/// ```json
/// {"parameters": [21 numbers] (py-fsrs defaults), "desired_retention": 0.9,
///  "learning_steps": [60, 600], "relearning_steps": [600], "maximum_interval": 36500,
///  "reviews": [{"rating": 3, "time": "2024-01-01T12:00:00Z"}, ...]}
/// ```
///
/// Steps are in seconds, the maximum interval in days, ratings 1–4, and times ISO-8601 with an
/// offset, fractional seconds allowed, in non-decreasing order. The card starts new; fuzz is
/// off; mode is ``SchedulerMode/reference``.
///
/// Output, one JSON object with one state per review, after that review:
///
/// ```json
/// {"states": [{"difficulty": 6.4133, "due": "2024-01-01T12:01:00Z", "retrievability": 0,
///   "stability": 0.212, "state": "learning", "step": 0}, ...]}
/// ```
///
/// `retrievability` is the recall probability at the review's time, before the review (0 for the
/// first). Numbers are printed in their shortest round-tripping form, as Python's `repr`. Invalid
/// input gives `{"error": "..."}` naming the field and the problem.
public enum FSRSReplay {
  /// Answers one replay input line with one output line (no trailing newline).
  public static func answer(line: String) -> String {
    do {
      let input = try ReplayInput.parse(line)
      let scheduler = Scheduler(try input.configuration(fuzz: false))
      let states = states(input, scheduler: scheduler, fuzzSeeds: nil)
      return try encode(Output(states: states))
    } catch let error as ReplayError {
      return (try? encode(Failure(error: error.message))) ?? #"{"error":"internal error"}"#
    } catch {
      // Only encoding can fail here: a non-finite number from extreme parameters.
      return #"{"error":"the result contains a number that JSON cannot represent"}"#
    }
  }

  /// One replayed state as it appears in the output.
  struct State: Encodable, Equatable {
    var state: String
    var step: Int?
    var stability: Double
    var difficulty: Double
    var due: String
    var retrievability: Double

    enum CodingKeys: String, CodingKey {
      case state, step, stability, difficulty, due, retrievability
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(state, forKey: .state)
      // `null` is written explicitly so that every state has the same keys.
      if let step {
        try container.encode(step, forKey: .step)
      } else {
        try container.encodeNil(forKey: .step)
      }
      try container.encode(stability, forKey: .stability)
      try container.encode(difficulty, forKey: .difficulty)
      try container.encode(due, forKey: .due)
      try container.encode(retrievability, forKey: .retrievability)
    }
  }

  /// Runs the reviews of `input` through `scheduler`; `fuzzSeeds` (one per review) is only used
  /// by the fuzz conformance tests, replay itself runs with fuzz off.
  static func states(
    _ input: ReplayInput, scheduler: Scheduler, fuzzSeeds: [UInt64]?
  ) -> [State] {
    guard let first = input.reviews.first else { return [] }
    var card = CardSchedule.new(due: first.time)
    var states: [State] = []
    for (index, review) in input.reviews.enumerated() {
      let retrievability = scheduler.retrievability(of: card, at: review.time)
      card = scheduler.next(
        card, rating: review.rating, at: review.time, fuzzSeed: fuzzSeeds?[index] ?? 0)
      states.append(
        State(
          state: card.phase.rawValue, step: card.step, stability: card.stability ?? 0,
          difficulty: card.difficulty ?? 0, due: ISO8601Time.format(card.due),
          retrievability: retrievability))
    }
    return states
  }

  private struct Output: Encodable {
    var states: [State]
  }

  private struct Failure: Encodable {
    var error: String
  }

  private static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    // Sorted keys make the output byte-stable across runs and platforms.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
