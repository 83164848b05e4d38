/// A small, fast, seedable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and the optimizer, the simulator and
/// the benchmarks must give the same result for the same seed on every platform and run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose whole output is determined by `seed`.
  public init(seed: UInt64) {
    // SplitMix64 spreads even a small seed over the 256-bit state (xoshiro's authors' advice).
    var mix = SplitMix64(seed: seed)
    state = (mix.next(), mix.next(), mix.next(), mix.next())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A uniform number in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<bound (bound > 0), by Lemire's multiply-shift with rejection, so
  /// that the sequence depends only on the seed and not on the standard library's algorithms.
  public mutating func next(below bound: Int) -> Int {
    precondition(bound > 0)
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// Shuffles `array` in place (Fisher–Yates with this generator).
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, next(below: i + 1))
    }
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
