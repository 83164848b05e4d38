import Foundation

/// What a rating does to a card that is in learning or relearning steps.
enum StepTransition: Equatable {
  /// Stay in steps at `index`, due after `delay` seconds.
  case step(index: Int, delay: TimeInterval)
  /// Leave the steps for review with an interval from the memory model.
  case graduate
}

/// The py-fsrs 6.3.2 step state machine, shared by learning and relearning steps.
///
/// | Rating | Result |
/// | --- | --- |
/// | any, when there are no steps, or the step index is past the end and the rating is not Again | graduate |
/// | Again | step 0 |
/// | Hard | same step; on step 0 the delay is 1.5 × steps[0] with one step, or the mean of the first two steps |
/// | Good | next step, or graduate from the last step |
/// | Easy | graduate |
enum LearningSteps {
  static func transition(steps: [TimeInterval], step: Int, rating: Rating) -> StepTransition {
    // A stored step beyond the list happens when the user removed steps after the card started;
    // py-fsrs graduates such cards unless they were just forgotten again.
    let step = max(step, 0)
    if steps.isEmpty || (step >= steps.count && rating != .again) {
      return .graduate
    }
    switch rating {
    case .again:
      return .step(index: 0, delay: steps[0])
    case .hard:
      if step == 0 && steps.count == 1 {
        return .step(index: 0, delay: steps[0] * 1.5)
      } else if step == 0 {
        return .step(index: 0, delay: (steps[0] + steps[1]) / 2.0)
      } else {
        return .step(index: step, delay: steps[step])
      }
    case .good:
      if step + 1 == steps.count {
        return .graduate
      }
      return .step(index: step + 1, delay: steps[step + 1])
    case .easy:
      return .graduate
    }
  }
}
