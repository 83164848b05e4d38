/// A matching exercise: 5 to 8 fronts to pair with their answers, shown in shuffled order.
public struct MatchingQuiz: Sendable, Hashable, Codable {
  /// The cards used, in prompt order.
  public var cardIDs: [Int64]
  /// The fronts, in the order shown.
  public var prompts: [String]
  /// The answers, shuffled.
  public var answers: [String]
  /// For each prompt, the index in `answers` of its answer.
  public var solution: [Int]

  /// Creates an exercise.
  public init(cardIDs: [Int64], prompts: [String], answers: [String], solution: [Int]) {
    self.cardIDs = cardIDs
    self.prompts = prompts
    self.answers = answers
    self.solution = solution
  }

  /// How many of the student's pairings are right; `pairing[i]` is the answer index chosen for prompt `i`.
  public func score(_ pairing: [Int]) -> Int {
    zip(pairing, solution).filter { $0 == $1 }.count
  }
}
