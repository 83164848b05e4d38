/// Exam mode as a ``StudyPolicy``: each day it replans from the cards' current memory states and
/// studies that day's part of the plan, as `recall` does when the learner opens the deck.
public struct ExamStudyPolicy: StudyPolicy {
  /// The planner, with the scheduler's weights.
  public let planner: ExamPlanner
  /// The exam, as a simulated day number.
  public let settings: ExamSettings
  private var states: [MemoryState?]
  private var lastDay: [Int]

  /// Creates the policy for `cardCount` new cards.
  public init(planner: ExamPlanner, settings: ExamSettings, cardCount: Int) {
    self.planner = planner
    self.settings = settings
    states = Array(repeating: nil, count: cardCount)
    lastDay = Array(repeating: 0, count: cardCount)
  }

  /// Today's reviews, then today's new cards; after the exam, nothing.
  public mutating func cardsToStudy(on day: Int) -> [Int] {
    let cards = states.indices.map { index in
      if let state = states[index] {
        return ExamCard(id: String(index), memory: state, lastReviewDay: lastDay[index])
      }
      return ExamCard(newCardID: String(index))
    }
    guard let today = planner.plan(cards: cards, today: day, settings: settings).days.first else {
      return []
    }
    return (today.reviews + today.newCards).compactMap { Int($0) }
  }

  /// Updates the card's memory state with the scheduler's weights.
  public mutating func record(card: Int, day: Int, ratings: [Rating]) {
    for (index, rating) in ratings.enumerated() {
      let elapsed = states[card] == nil || index > 0 ? 0 : day - lastDay[card]
      states[card] = planner.model.nextState(states[card], rating: rating, elapsedDays: elapsed)
    }
    lastDay[card] = day
  }
}
