import Foundation

/// Fits the 21 FSRS-6 weights to a learner's review history, following fsrs-rs
/// `compute_parameters` (the optimizer in Anki).
///
/// The steps, each in its own type:
/// 1. ``FSRSItemBuilder``: one item per review a day or more after the previous one, with the
///    card's whole earlier history.
/// 2. `OutlierFilter`: drops rare first intervals and the cards that start with them.
/// 3. `InitialStability`: pre-trains w0…w3 from the cards' first intervals.
/// 4. Gradient descent from the pre-trained vector: recency-weighted binary cross-entropy plus an
///    L2 pull towards the start, with exact gradients (`AnalyticGradient`); Adam with cosine
///    annealing over batches of at most 512 targets; weights clipped to their bounds after every
///    step (`ParameterClipper`); the epoch with the lowest regularised loss wins.
/// 5. `InitialStability.smoothAndFill` once more on the fitted w0…w3.
///
/// One deliberate difference: a batch holds whole cards (fsrs-rs does this too when it is given
/// card IDs), drawn in a new random order each epoch, where fsrs-rs without card IDs sorts items
/// by length. Each card is then replayed once per batch instead of once per item, and every
/// batch is a fair sample of the deck; see `TrainingSet.batches(order:size:)`.
///
/// The in-sample figures of the result weigh every item the same, as srs-benchmark does (fsrs-rs'
/// `evaluate` applies the recency weights to them).
///
/// Pure computation on values: no I/O, no global state; the result depends only on the input
/// and the configuration (the seed included).
public enum FSRSOptimizer {
  /// fsrs-rs' `PARAMS_STDDEV`: how far each weight typically varies between users, which scales
  /// the L2 pull so that every weight is held back equally in units of its spread.
  static let parameterSpread: [Double] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57,
    0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
  ]
  /// fsrs-rs returns the defaults below this many training items.
  public static let minimumItems = 8
  /// fsrs-rs fits only w0…w3 below this many training items.
  public static let minimumItemsForGradientDescent = 64

  /// Fits weights to review histories; see ``fit(items:configuration:)``.
  public static func fit(
    histories: [CardHistory], configuration: FSRSOptimizerConfiguration
  ) -> OptimizationResult {
    fit(
      items: FSRSItemBuilder.items(from: histories, days: configuration.days),
      configuration: configuration)
  }

  /// Fits weights to items in chronological order (as ``FSRSItemBuilder`` returns them; the
  /// order sets the recency weights). With too little data the result holds the defaults (or
  /// the defaults with fitted w0…w3) and a ``OptimizationResult/reason``.
  public static func fit(
    items: [FSRSItem], configuration: FSRSOptimizerConfiguration
  ) -> OptimizationResult {
    let (parameters, trainingItems, reason) = train(items, configuration)
    let evaluations = FSRSEvaluation.evaluate([parameters, .default], on: items, includesAUC: false)
    let fitted = evaluations?[0]
    let defaults = evaluations?[1]
    return OptimizationResult(
      parameters: parameters, logLoss: fitted?.logLoss, rmseBins: fitted?.rmseBins,
      items: items.count, trainingItems: trainingItems, defaultLogLoss: defaults?.logLoss,
      defaultRmseBins: defaults?.rmseBins, reason: reason)
  }

  private static func train(
    _ items: [FSRSItem], _ configuration: FSRSOptimizerConfiguration
  ) -> (FSRSParameters, Int, OptimizationShortfall?) {
    guard !items.isEmpty else { return (.default, 0, .noItems) }
    let initializationItems: [FSRSItem]
    var trainingItems: [FSRSItem]
    if configuration.filtersOutliers {
      let filter = OutlierFilter(items)
      initializationItems = filter.initializationItems
      trainingItems = filter.trainingItems
    } else {
      initializationItems = items.filter { $0.longTermReviewCount == 1 }
      trainingItems = items
    }
    guard trainingItems.count >= minimumItems else {
      return (.default, trainingItems.count, .tooFewItems(count: trainingItems.count, minimum: minimumItems))
    }
    let averageRecall =
      Double(trainingItems.reduce(0) { $0 + ($1.recalled ? 1 : 0) }) / Double(trainingItems.count)
    guard
      let (stabilities, ratingCounts) = InitialStability.fit(
        initializationItems: initializationItems, averageRecall: averageRecall)
    else { return (.default, trainingItems.count, .noFirstIntervals) }

    var initial = FSRSParameters.default.weights
    initial.replaceSubrange(0..<4, with: stabilities)
    if !configuration.trainsShortTerm {
      initial.replaceSubrange(17..<20, with: [0, 0, 0])
    }
    if trainingItems.count == initializationItems.count
      || trainingItems.count < minimumItemsForGradientDescent
    {
      let reason = OptimizationShortfall.initialStabilitiesOnly(
        count: trainingItems.count, minimum: minimumItemsForGradientDescent)
      return ((try? FSRSParameters(initial)) ?? .default, trainingItems.count, reason)
    }

    // Recency weights over the filtered items in time order: 0.25 for the oldest, 1 for the
    // newest, cubic in between, so that the fit follows the learner as they are now.
    let last = max(Double(trainingItems.count - 1), 1)
    var weights = trainingItems.indices.map { 0.25 + 0.75 * pow(Double($0) / last, 3) }
    let kept = trainingItems.indices.filter {
      trainingItems[$0].reviews.count <= configuration.maximumSequenceLength
    }
    trainingItems = kept.map { trainingItems[$0] }
    weights = kept.map { weights[$0] }
    guard !trainingItems.isEmpty else { return (.default, 0, .tooFewItems(count: 0, minimum: minimumItems)) }

    var best = descend(
      TrainingSet(items: trainingItems, weights: weights), from: initial, configuration)
    guard best.allSatisfy(\.isFinite) else { return (.default, trainingItems.count, .diverged) }
    var fittedStabilities: [Rating: Double] = [:]
    for rating in Rating.allCases { fittedStabilities[rating] = best[rating.rawValue - 1] }
    if let smoothed = InitialStability.smoothAndFill(fittedStabilities, counts: ratingCounts) {
      best.replaceSubrange(0..<4, with: smoothed)
    }
    guard let parameters = try? FSRSParameters(best) else {
      return (.default, trainingItems.count, .diverged)
    }
    return (parameters, trainingItems.count, nil)
  }

  /// fsrs-rs `train`: Adam over shuffled batches, clipping after each step, keeping the weights
  /// of the epoch with the lowest loss (cross-entropy plus penalty, per item).
  static func descend(
    _ set: TrainingSet, from initial: [Double], _ configuration: FSRSOptimizerConfiguration
  ) -> [Double] {
    let total = set.targetCount
    let clipper = ParameterClipper(
      relearningSteps: configuration.relearningSteps, shortTerm: configuration.trainsShortTerm)
    var adam = AdamOptimizer(count: FSRSParameters.count)
    var random = SeededRandom(seed: configuration.seed)
    let workspace = AnalyticGradient.Workspace(capacity: set.longestCard)
    let penaltyScale = configuration.regularization / Double(total)

    var parameters = initial
    var best = initial
    var bestLoss = Double.infinity
    var gradient = [Double](repeating: 0, count: FSRSParameters.count)
    // Whole cards in a fresh random order each epoch, cut into batches of at most `batchSize`
    // targets (see `TrainingSet.batches(order:size:)` for why not fsrs-rs' order). Cut up front
    // so that the cosine schedule ends exactly at the last step.
    var cardOrder = Array(0..<set.cardCount)
    let epochs = (0..<max(configuration.epochs, 0)).map { _ in
      random.shuffle(&cardOrder)
      return set.batches(order: cardOrder, size: configuration.batchSize)
    }
    var schedule = CosineAnnealing(
      initialRate: configuration.learningRate, totalSteps: epochs.reduce(0) { $0 + $1.count })
    for batches in epochs {
      for cards in batches {
        let model = AnalyticGradient(weights: parameters)
        for i in gradient.indices { gradient[i] = 0 }
        gradient.withUnsafeMutableBufferPointer { buffer in
          for card in cards {
            _ = model.cardLoss(set, card: card, workspace: workspace, gradient: buffer.baseAddress!)
          }
        }
        // d/dw of γ · (batch / N) · Σ (w − w₀)² / σ².
        let scale = penaltyScale * Double(cards.reduce(0) { $0 + set.targetCounts[$1] })
        for i in gradient.indices {
          let spread = parameterSpread[i]
          gradient[i] += 2 * (parameters[i] - initial[i]) / (spread * spread) * scale
        }
        if !configuration.trainsShortTerm {
          for i in [0, 1, 2, 3, 17, 18, 19] { gradient[i] = 0 }
        }
        adam.step(&parameters, gradient: gradient, learningRate: schedule.next())
        clipper.clip(&parameters)
      }
      let loss = regularizedLoss(set, parameters, initial: initial, configuration, workspace)
      if loss < bestLoss {
        bestLoss = loss
        best = parameters
      }
    }
    return best
  }

  /// The per-item training objective: (Σ weighted cross-entropy + γ Σ (w − w₀)² / σ²) / N.
  static func regularizedLoss(
    _ set: TrainingSet, _ parameters: [Double], initial: [Double],
    _ configuration: FSRSOptimizerConfiguration, _ workspace: AnalyticGradient.Workspace
  ) -> Double {
    let model = AnalyticGradient(weights: parameters)
    var loss = 0.0
    for card in 0..<set.cardCount {
      loss += model.cardLoss(set, card: card, workspace: workspace, gradient: nil)
    }
    var penalty = 0.0
    for i in parameters.indices {
      let delta = parameters[i] - initial[i]
      penalty += delta * delta / (parameterSpread[i] * parameterSpread[i])
    }
    return (loss + penalty * configuration.regularization) / Double(set.targetCount)
  }
}
