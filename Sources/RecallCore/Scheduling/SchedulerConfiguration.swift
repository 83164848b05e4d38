import Foundation

/// Everything the scheduler needs besides the card: model weights, target retention, steps,
/// limits, fuzz and mode.
///
/// The initializer validates every value, so a configuration that exists is always usable; the
/// properties are read-only to keep it that way. Defaults are those of py-fsrs 6.3.2 and Anki.
public struct SchedulerConfiguration: Sendable, Hashable, Codable {
  /// The FSRS-6 weights.
  public let parameters: FSRSParameters
  /// Target probability of recall when a review card falls due, strictly between 0 and 1.
  public let desiredRetention: Double
  /// Delays in seconds for a card that is being learnt; empty sends new cards straight to review.
  public let learningSteps: [TimeInterval]
  /// Delays in seconds after a lapse; empty keeps a lapsed card in review.
  public let relearningSteps: [TimeInterval]
  /// Longest interval in days a review card can get.
  public let maximumInterval: Int
  /// Whether review intervals get a little deterministic noise so that cards learnt together do
  /// not stay due together.
  public let fuzz: Bool
  /// Time-keeping conventions; see ``SchedulerMode``.
  public let mode: SchedulerMode

  /// py-fsrs defaults with fuzz on, in ``SchedulerMode/reference`` mode.
  public static let `default` = SchedulerConfiguration(
    uncheckedParameters: .default, desiredRetention: 0.9, learningSteps: [60, 600],
    relearningSteps: [600], maximumInterval: 36500, fuzz: true, mode: .reference)

  /// Creates a configuration, checking every value.
  ///
  /// - Throws: ``FSRSError`` naming the first invalid value: retention outside (0, 1), a step that
  ///   is not a positive finite number of seconds, a maximum interval below 1 day, or a live-mode
  ///   day start hour outside 0…23.
  public init(
    parameters: FSRSParameters = .default,
    desiredRetention: Double = 0.9,
    learningSteps: [TimeInterval] = [60, 600],
    relearningSteps: [TimeInterval] = [600],
    maximumInterval: Int = 36500,
    fuzz: Bool = true,
    mode: SchedulerMode = .reference
  ) throws(FSRSError) {
    guard desiredRetention > 0 && desiredRetention < 1 else {
      throw .invalidDesiredRetention(desiredRetention)
    }
    for (kind, steps) in [("learningSteps", learningSteps), ("relearningSteps", relearningSteps)] {
      for (index, seconds) in steps.enumerated() where !(seconds > 0 && seconds.isFinite) {
        throw .invalidStep(kind: kind, index: index, seconds: seconds)
      }
    }
    guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }
    if case .live(let hour, _) = mode, !(0...23).contains(hour) {
      throw .invalidDayStartHour(hour)
    }
    self.init(
      uncheckedParameters: parameters, desiredRetention: desiredRetention,
      learningSteps: learningSteps, relearningSteps: relearningSteps,
      maximumInterval: maximumInterval, fuzz: fuzz, mode: mode)
  }

  private init(
    uncheckedParameters parameters: FSRSParameters, desiredRetention: Double,
    learningSteps: [TimeInterval], relearningSteps: [TimeInterval], maximumInterval: Int,
    fuzz: Bool, mode: SchedulerMode
  ) {
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
    self.fuzz = fuzz
    self.mode = mode
  }

  private enum CodingKeys: String, CodingKey {
    case parameters, desiredRetention, learningSteps, relearningSteps, maximumInterval, fuzz, mode
  }

  /// Decodes a configuration and validates it like ``init(parameters:desiredRetention:learningSteps:relearningSteps:maximumInterval:fuzz:mode:)``;
  /// missing keys take the defaults so that older stored settings keep working.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = Self.default
    do {
      try self.init(
        parameters: container.decodeIfPresent(FSRSParameters.self, forKey: .parameters)
          ?? defaults.parameters,
        desiredRetention: container.decodeIfPresent(Double.self, forKey: .desiredRetention)
          ?? defaults.desiredRetention,
        learningSteps: container.decodeIfPresent([TimeInterval].self, forKey: .learningSteps)
          ?? defaults.learningSteps,
        relearningSteps: container.decodeIfPresent(
          [TimeInterval].self, forKey: .relearningSteps) ?? defaults.relearningSteps,
        maximumInterval: container.decodeIfPresent(Int.self, forKey: .maximumInterval)
          ?? defaults.maximumInterval,
        fuzz: container.decodeIfPresent(Bool.self, forKey: .fuzz) ?? defaults.fuzz,
        mode: container.decodeIfPresent(SchedulerMode.self, forKey: .mode) ?? defaults.mode)
    } catch let error as FSRSError {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  /// Encodes every setting, including the ones equal to the defaults.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(desiredRetention, forKey: .desiredRetention)
    try container.encode(learningSteps, forKey: .learningSteps)
    try container.encode(relearningSteps, forKey: .relearningSteps)
    try container.encode(maximumInterval, forKey: .maximumInterval)
    try container.encode(fuzz, forKey: .fuzz)
    try container.encode(mode, forKey: .mode)
  }
}
