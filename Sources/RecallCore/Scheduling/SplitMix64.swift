/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded random number generator.
///
/// Recall draws its random choices (fuzz, multiple-choice options) from seeds, never from a global source, so
/// the same card gives the same result again after an undo, a replay or a reload.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
