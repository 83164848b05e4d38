/// What ``FSRSOptimizer/fit(histories:configuration:)`` found, with in-sample figures for the
/// fitted and the default weights so that a caller can decide whether to apply them.
public struct OptimizationResult: Sendable {
  /// The fitted weights, or the defaults (possibly with fitted w0…w3) when ``reason`` is set.
  public var parameters: FSRSParameters
  /// Mean log loss of ``parameters`` over all items; `nil` when there are none.
  public var logLoss: Double?
  /// RMSE(bins) of ``parameters`` over all items; `nil` when there are none.
  public var rmseBins: Double?
  /// Number of items built from the histories (reviews a day or more after the previous one).
  public var items: Int
  /// Items that took part in gradient descent, after the outlier filter and the length limit.
  public var trainingItems: Int
  /// Mean log loss of the default weights over the same items.
  public var defaultLogLoss: Double?
  /// RMSE(bins) of the default weights over the same items.
  public var defaultRmseBins: Double?
  /// Why the weights are not fully fitted; `nil` when they are.
  public var reason: OptimizationShortfall?

  /// Creates a result.
  public init(
    parameters: FSRSParameters, logLoss: Double?, rmseBins: Double?, items: Int,
    trainingItems: Int, defaultLogLoss: Double?, defaultRmseBins: Double?,
    reason: OptimizationShortfall?
  ) {
    self.parameters = parameters
    self.logLoss = logLoss
    self.rmseBins = rmseBins
    self.items = items
    self.trainingItems = trainingItems
    self.defaultLogLoss = defaultLogLoss
    self.defaultRmseBins = defaultRmseBins
    self.reason = reason
  }
}
