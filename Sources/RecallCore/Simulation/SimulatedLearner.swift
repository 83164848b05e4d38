/// A learner whose memory follows FSRS-6 exactly, with "true" weights that the scheduler may not
/// know, and who answers with fixed rating probabilities.
///
/// Defaults are fsrs-rs 6.6's `default_simulator_config` (first-answer and pass rating
/// probabilities, seconds per answer), measured by the FSRS authors on Anki users.
public struct SimulatedLearner: Sendable, Hashable {
  /// The weights of the learner's real memory.
  public var parameters: FSRSParameters
  /// Probabilities of Again, Hard, Good, Easy on a new card's first answer.
  public var firstRatingProbabilities: [Double] = [0.24, 0.094, 0.495, 0.171]
  /// Probabilities of Hard, Good, Easy when a review is recalled.
  public var passRatingProbabilities: [Double] = [0.224, 0.631, 0.145]
  /// Seconds per answer by rating (Again…Easy) on a new card.
  public var learningSeconds: [Double] = [19.58, 18.79, 13.78, 10.71]
  /// Seconds per answer by rating on a review.
  public var reviewSeconds: [Double] = [19.38, 17.59, 12.38, 8.94]
  /// Seconds per answer by rating on a same-day (re)learning step.
  public var relearningSeconds: [Double] = [16.44, 15.25, 12.32, 8.03]
  /// Whether an Again (first answer or lapse) is followed the same day by one more answer, Good:
  /// the learning or relearning step most decks have.
  public var repeatsAfterAgain = true

  /// A learner with the given true weights and default behaviour.
  public init(parameters: FSRSParameters = .default) {
    self.parameters = parameters
  }
}
