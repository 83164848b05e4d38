/// Log loss, RMSE(bins) and AUC of one parameter vector on a set of items.
public struct FSRSEvaluation: Sendable, Hashable {
  /// Number of items scored.
  public var count: Int
  /// Mean binary cross-entropy (lower is better).
  public var logLoss: Double
  /// Calibration error over srs-benchmark's bins (lower is better).
  public var rmseBins: Double
  /// Discrimination between passes and lapses (higher is better); `nil` without both.
  public var auc: Double?

  /// Creates an evaluation from its figures.
  public init(count: Int, logLoss: Double, rmseBins: Double, auc: Double?) {
    self.count = count
    self.logLoss = logLoss
    self.rmseBins = rmseBins
    self.auc = auc
  }

  /// Scores `parameters` on `items`, every item weighing the same (as srs-benchmark); `nil` when
  /// there are no items.
  public static func evaluate(_ parameters: FSRSParameters, on items: [FSRSItem]) -> FSRSEvaluation? {
    evaluate([parameters], on: items)?.first
  }

  /// Scores several parameter vectors on the same items, sharing the per-item work.
  public static func evaluate(_ parameterSets: [FSRSParameters], on items: [FSRSItem]) -> [FSRSEvaluation]? {
    evaluate(parameterSets, on: items, includesAUC: true)
  }

  /// Scores several parameter vectors; `includesAUC: false` skips the sort AUC needs.
  static func evaluate(
    _ parameterSets: [FSRSParameters], on items: [FSRSItem], includesAUC: Bool
  ) -> [FSRSEvaluation]? {
    guard !items.isEmpty else { return nil }
    let cards = CardGroups(items)
    let outcomes = items.map(\.recalled)
    let bins = RMSEBin.bins(of: items)
    return parameterSets.map { parameters in
      let predictions = FSRSMetrics.predictions(parameters: parameters, items: items, cards: cards)
      return FSRSEvaluation(
        count: items.count,
        logLoss: FSRSMetrics.logLoss(predictions: predictions, outcomes: outcomes),
        rmseBins: FSRSMetrics.rmseBins(predictions: predictions, outcomes: outcomes, bins: bins),
        auc: includesAUC ? FSRSMetrics.auc(predictions: predictions, outcomes: outcomes) : nil)
    }
  }
}
