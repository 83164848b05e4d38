/// RecallCore's SplitMix64 with a seed mixed per card and its own shuffle, so a quiz built from the
/// same deck and seed is the same quiz on every platform, run and standard-library version.
struct QuizRandom: RandomNumberGenerator {
  private var generator: SplitMix64

  /// A generator for `seed`, mixed with `salt` (a card id) so each card's question is independent of the order
  /// questions are asked in.
  init(seed: UInt64, salt: UInt64 = 0) {
    generator = SplitMix64(seed: seed ^ (salt &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
  }

  mutating func next() -> UInt64 { generator.next() }

  /// A number in 0..<bound (bound > 0); the tiny modulo bias does not matter for quizzes.
  mutating func next(below bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// `items` in a random order (Fisher–Yates), independent of the standard library's shuffle.
  mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    var index = result.count - 1
    while index > 0 {
      result.swapAt(index, next(below: index + 1))
      index -= 1
    }
    return result
  }
}
