import Foundation

/// Settings of ``FSRSOptimizer``; the defaults are fsrs-rs' `compute_parameters` defaults.
public struct FSRSOptimizerConfiguration: Sendable {
  /// Where study days begin (the learner's time zone and "next day starts at" hour), which
  /// decides the elapsed days of every review.
  public var days: SchedulingDay
  /// Passes over the training items (fsrs-rs 5; Anki asks for 8).
  public var epochs = 5
  /// Prediction targets per gradient step.
  public var batchSize = 512
  /// Adam's initial learning rate, annealed to 0 along a cosine.
  public var learningRate = 4e-2
  /// Items with more reviews than this are left out of gradient descent (fsrs-rs' memory guard).
  public var maximumSequenceLength = 256
  /// Strength of the pull towards the initial weights (fsrs-rs `gamma`); 0 turns it off.
  public var regularization = 1.0
  /// Seeds the order of the batches; the same seed and input always give the same weights.
  public var seed: UInt64 = 2023
  /// Whether w17…w19 (same-day stability) are trained. When off they are 0 and w0…w3 keep their
  /// pre-trained values, as fsrs-rs does for presets without learning steps.
  public var trainsShortTerm = true
  /// Relearning steps of the deck; above 1 it caps w17 and w18 (see fsrs-rs
  /// `parameter_clipper`).
  public var relearningSteps = 1
  /// Whether fsrs-rs' outlier filter runs before training.
  public var filtersOutliers = true

  /// Settings with fsrs-rs' defaults and the given study days.
  public init(days: SchedulingDay) {
    self.days = days
  }

  /// Settings with fsrs-rs' defaults for a learner in `timeZone` whose day starts at
  /// `dayStartHour` o'clock (Anki's default is 4).
  ///
  /// - Throws: ``FSRSError/invalidDayStartHour(_:)`` when the hour is outside 0…23.
  public init(timeZone: TimeZone, dayStartHour: Int = 4) throws(FSRSError) {
    guard (0...23).contains(dayStartHour) else { throw .invalidDayStartHour(dayStartHour) }
    days = SchedulingDay(dayStartHour: dayStartHour, timeZone: timeZone)
  }
}
