/// The 21 weights of the FSRS-6 memory model.
///
/// The values are validated against py-fsrs 6.3.2's `LOWER_BOUNDS_PARAMETERS` and
/// `UPPER_BOUNDS_PARAMETERS` rather than clamped (fsrs-rs and ts-fsrs clamp silently), because a
/// parameter vector outside these bounds almost always means a bug or a corrupted file, and
/// clamping would hide it.
///
/// | Index | Meaning |
/// | --- | --- |
/// | 0–3 | initial stability for Again, Hard, Good, Easy |
/// | 4–5 | initial difficulty and its slope per rating |
/// | 6–7 | difficulty change per rating and mean reversion weight |
/// | 8–10 | stability growth after a successful review |
/// | 11–14 | stability after a lapse |
/// | 15–16 | Hard penalty and Easy bonus |
/// | 17–19 | same-day (short-term) stability |
/// | 20 | decay of the forgetting curve |
///
/// Encoded as a plain JSON array of 21 numbers, the same shape as py-fsrs' `parameters` and
/// Anki's preset export.
public struct FSRSParameters: Sendable, Hashable, Codable {
  /// The number of weights in an FSRS-6 parameter vector.
  public static let count = 21

  /// py-fsrs 6.3.2 `DEFAULT_PARAMETERS`; fsrs-rs, ts-fsrs and Anki ship the same vector.
  public static let `default` = FSRSParameters(
    unchecked: [
      0.212, 1.2931, 2.3065, 8.2956,
      6.4133, 0.8334, 3.0194, 0.001,
      1.8722, 0.1666, 0.796,
      1.4835, 0.0614, 0.2629, 1.6483,
      0.6014, 1.8729,
      0.5425, 0.0912, 0.0658,
      0.1542,
    ])

  /// Smallest accepted value of each weight (py-fsrs 6.3.2 `LOWER_BOUNDS_PARAMETERS`).
  public static let lowerBounds: [Double] = [
    0.001, 0.001, 0.001, 0.001,
    1.0, 0.001, 0.001, 0.001,
    0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0,
    0.0, 1.0,
    0.0, 0.0, 0.0,
    0.1,
  ]

  /// Largest accepted value of each weight (py-fsrs 6.3.2 `UPPER_BOUNDS_PARAMETERS`).
  public static let upperBounds: [Double] = [
    100.0, 100.0, 100.0, 100.0,
    10.0, 4.0, 4.0, 0.75,
    4.5, 0.8, 3.5,
    5.0, 0.25, 0.9, 4.0,
    1.0, 6.0,
    2.0, 2.0, 0.8,
    0.8,
  ]

  /// The weights w0…w20, always 21 values inside the bounds.
  public let weights: [Double]

  /// Creates a parameter vector after checking the count and every bound.
  ///
  /// - Throws: ``FSRSError/wrongParameterCount(_:)`` or
  ///   ``FSRSError/parameterOutOfBounds(index:value:lowerBound:upperBound:)`` for the first
  ///   offending weight. NaN is rejected because it fails every bound.
  public init(_ weights: [Double]) throws(FSRSError) {
    guard weights.count == Self.count else {
      throw .wrongParameterCount(weights.count)
    }
    for (index, value) in weights.enumerated() {
      let lower = Self.lowerBounds[index]
      let upper = Self.upperBounds[index]
      // Written as a positive range test so that NaN fails it, as in py-fsrs.
      guard lower <= value && value <= upper else {
        throw .parameterOutOfBounds(
          index: index, value: value, lowerBound: lower, upperBound: upper)
      }
    }
    self.weights = weights
  }

  private init(unchecked weights: [Double]) {
    self.weights = weights
  }

  /// The weight w`index`, for 0 ≤ `index` < 21.
  public subscript(index: Int) -> Double {
    weights[index]
  }

  /// Decodes a JSON array of 21 numbers and validates it like ``init(_:)``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let weights = try container.decode([Double].self)
    do {
      try self.init(weights)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: error.description)
    }
  }

  /// Encodes the weights as a JSON array of 21 numbers.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(weights)
  }
}
