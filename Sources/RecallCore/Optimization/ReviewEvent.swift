import Foundation

/// One answer in a card's review log: when it was given and which button was pressed.
public struct ReviewEvent: Sendable, Hashable {
  /// The instant of the answer.
  public var time: Date
  /// The button the learner pressed.
  public var rating: Rating
  /// How long the learner took to answer, when the log records it; the optimizer ignores it.
  public var duration: TimeInterval?

  /// Creates a review record.
  public init(time: Date, rating: Rating, duration: TimeInterval? = nil) {
    self.time = time
    self.rating = rating
    self.duration = duration
  }
}
