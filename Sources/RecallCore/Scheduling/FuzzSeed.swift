/// Deterministic fuzz seeds.
///
/// Fuzz must be reproducible: undoing an answer and answering again, previewing the four buttons
/// and then answering, or replaying a review log must all give the same interval. So the
/// scheduler never draws from a global random source; the caller passes a seed derived from the
/// card's identity and its review count (as Anki does with `card_id + reps`), and the scheduler
/// turns it into one uniform number with SplitMix64.
public enum FuzzSeed {
  /// Anki's seed: the numeric card id plus the number of reviews so far (wrapping on overflow).
  public static func make(cardID: UInt64, reps: Int) -> UInt64 {
    cardID &+ UInt64(truncatingIfNeeded: reps)
  }

  /// A seed for cards identified by a string (for example a UUID's `uuidString`).
  ///
  /// Uses 64-bit FNV-1a over the UTF-8 bytes, because Swift's `hashValue` is randomised per process
  /// and would make fuzz change between launches.
  public static func make(cardID: String, reps: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in cardID.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return make(cardID: hash, reps: reps)
  }

  /// The uniform number in [0, 1) that a seed stands for: the first SplitMix64 output for the
  /// seed, top 53 bits scaled by 2⁻⁵³.
  ///
  /// SplitMix64 (Steele, Lea and Flood, 2014) is used because it is tiny, has no state beyond one
  /// word, and scrambles consecutive seeds (card id + reps) into unrelated outputs.
  public static func unitInterval(_ seed: UInt64) -> Double {
    var generator = SplitMix64(seed: seed)
    return Double(generator.next() >> 11) * 0x1.0p-53
  }
}
