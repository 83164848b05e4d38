/// Runs a ``SimulatedLearner`` under a ``StudyPolicy`` for a number of days.
///
/// Each day the policy names the cards to study; for each card the learner recalls it with its
/// true retrievability (first answers of new cards follow the first-rating probabilities),
/// picks a rating, and after Again does one same-day step (Good). The learner's memory is updated
/// with FSRS-6 and the true weights, same-day steps with the short-term formula. Everything random
/// comes from one ``SeededRandom``, so the same seed gives the same run.
public enum ReviewSimulator {
  /// Simulates `days` days of study of `cardCount` cards, all new at the start.
  public static func run<Policy: StudyPolicy>(
    learner: SimulatedLearner, cardCount: Int, days: Int, policy: inout Policy, seed: UInt64
  ) -> SimulationResult {
    let model = FSRSModel(parameters: learner.parameters)
    var random = SeededRandom(seed: seed)
    var memory = [MemoryState?](repeating: nil, count: cardCount)
    var lastDay = [Int](repeating: 0, count: cardCount)
    var result = SimulationResult(parameters: learner.parameters, cardCount: cardCount, days: days)
    var studiedToday = [Int](repeating: -1, count: cardCount)

    for day in 0..<days {
      for card in policy.cardsToStudy(on: day) {
        guard (0..<cardCount).contains(card), studiedToday[card] != day else { continue }
        studiedToday[card] = day
        var ratings: [Rating] = []
        var seconds = 0.0
        if let state = memory[card] {
          let recall = model.retrievability(
            elapsedDays: Double(day - lastDay[card]), stability: state.stability)
          let rating: Rating
          if random.nextUnit() < recall {
            rating = Rating(rawValue: 2 + pick(learner.passRatingProbabilities, &random))!
            result.recalledPerDay[day] += 1
          } else {
            rating = .again
          }
          result.reviewsPerDay[day] += 1
          seconds += learner.reviewSeconds[rating.rawValue - 1]
          ratings.append(rating)
          memory[card] = model.nextState(state, rating: rating, elapsedDays: day - lastDay[card])
        } else {
          let rating = Rating(rawValue: 1 + pick(learner.firstRatingProbabilities, &random))!
          result.newCardsPerDay[day] += 1
          seconds += learner.learningSeconds[rating.rawValue - 1]
          ratings.append(rating)
          memory[card] = model.nextState(nil, rating: rating, elapsedDays: 0)
        }
        if ratings[0] == .again && learner.repeatsAfterAgain {
          ratings.append(.good)
          seconds += (result.histories[card].isEmpty ? learner.learningSeconds : learner.relearningSeconds)[2]
          memory[card] = model.nextState(memory[card], rating: .good, elapsedDays: 0)
        }
        lastDay[card] = day
        result.secondsPerDay[day] += seconds
        result.answersPerDay[day] += ratings.count
        for rating in ratings {
          result.histories[card].append(SimulatedReview(day: day, rating: rating))
        }
        result.stabilities[card].append(memory[card]!.stability)
        policy.record(card: card, day: day, ratings: ratings)
      }
    }
    return result
  }

  /// An index drawn with the given (not necessarily normalised) probabilities.
  static func pick(_ probabilities: [Double], _ random: inout SeededRandom) -> Int {
    let total = probabilities.reduce(0, +)
    var u = random.nextUnit() * total
    for (index, probability) in probabilities.enumerated() {
      if u < probability { return index }
      u -= probability
    }
    return probabilities.count - 1
  }
}
