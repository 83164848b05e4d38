import Testing

@testable import RecallCore

/// How one typed word stands for one word of a point.
@Suite("Matching one word against another")
struct TokenMatchingTests {
  static func match(_ point: String, _ typed: String, vocabulary: Set<String> = []) -> TokenMatcher.Match {
    let p = TextNormalizer.tokens(point)[0]
    let t = TextNormalizer.tokens(typed)[0]
    return TokenMatcher.match(point: p, typed: t, vocabulary: vocabulary)
  }

  @Test(
    "Typos within the length's budget match: 1 edit for 4–7 letters, 2 for 8 or more",
    arguments: [
      ("police", "plice"), ("protein", "protien"), ("leadership", "leadrship"), ("collective", "colective"),
      ("destalinisation", "destalinsation"), ("khrushchev", "kruschev"), ("militarism", "militarisim"),
    ])
  func typos(_ pair: (String, String)) {
    #expect(Self.match(pair.0, pair.1).quality == TokenMatcher.typoQuality)
  }

  @Test(
    "Typos beyond the budget, and in words of three letters or fewer, do not",
    arguments: [
      ("cat", "cot"), ("stm", "ltm"), ("police", "palace"), ("release", "relapse"),
      ("destalinisation", "decentralisation"),
    ])
  func noTypos(_ pair: (String, String)) {
    #expect(Self.match(pair.0, pair.1).quality == 0)
  }

  @Test(
    "Numbers, dates and codes never match as typos",
    arguments: [("1955", "1956"), ("70S", "80S"), ("IPv4", "IPv6"), ("2D", "3D")])
  func numbersExact(_ pair: (String, String)) {
    #expect(Self.match(pair.0, pair.1) == .none)
  }

  @Test("A word the deck itself uses is never a typo of another")
  func knownWords() {
    #expect(Self.match("protein", "protean", vocabulary: ["protean"]) == .none)
    #expect(Self.match("protein", "protean").quality == TokenMatcher.typoQuality)
  }

  @Test(
    "Opposites match inverted",
    arguments: [
      ("reduced", "increased"), ("limited", "unlimited"), ("connection", "connectionless"), ("aerobic", "anaerobic"),
      ("higher", "lower"), ("shorter", "longer"), ("slowest", "fastest"), ("rough", "smooth"), ("no", "yes"),
      ("decentralisation", "centralisation"), ("permeable", "impermeable"),
    ])
  func opposites(_ pair: (String, String)) {
    #expect(Self.match(pair.0, pair.1) == .opposite)
  }

  @Test(
    "Contrasting prefixes are neither typos nor the same word",
    arguments: [("hypertonic", "hypotonic"), ("intercellular", "intracellular")])
  func contrastingPrefixes(_ pair: (String, String)) {
    #expect(Self.match(pair.0, pair.1) == .none)
  }

  @Test("A truncation of at least half the word matches a little less")
  func truncations() {
    #expect(Self.match("regional", "region").quality == TokenMatcher.truncationQuality)
    #expect(Self.match("cellulose", "cell").quality == 0)
  }
}
