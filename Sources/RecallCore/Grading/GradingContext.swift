/// Everything the grader knows around one answer: the card's question, its deck, the names and words in play,
/// and from that how much each word of a point weighs.
struct GradingContext {
  let key: AnswerKey
  let deck: DeckIndex?

  init(key: AnswerKey, deck: DeckIndex?) {
    self.key = key
    self.deck = deck
  }

  var frontStems: Set<String> { key.frontStems }
  var frontNumbers: Set<String> { key.frontNumbers }
  var expectedStems: Set<String> { key.expectedStems }

  /// Whether the deck or the card uses this word as written (so it is a word of its own, not a typo).
  func isKnownWord(_ form: String) -> Bool {
    key.vocabulary.contains(form) || deck?.vocabulary.contains(form) == true
  }

  /// Whether a stem is a name: the deck says so, or (without a deck) the card capitalises it mid-sentence.
  func isName(_ stem: String) -> Bool {
    if Self.calendarWords.contains(stem) { return false }
    if let deck { return deck.isName(stem) || (key.capitalised.contains(stem) && deck.documentFrequency[stem] == nil) }
    return key.capitalised.contains(stem)
  }

  /// What an everyday word weighs against a rarer content word's 1.
  static let commonWeight: Float = 0.35

  private static let commonStems: Set<String> = Set(
    CommonWords.all.union(FunctionWords.light).map(TextNormalizer.canonicalStem))

  private static let calendarWords: Set<String> = Set(
    [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ].map(TextNormalizer.canonicalStem))

  /// How much a point's token counts towards the point being stated.
  func weight(of token: AnswerToken) -> Float {
    var weight: Float
    switch token.kind {
    case .function, .negation:
      return 0
    case .number(let numberClass):
      weight = 2
      if key.focus == .time && numberClass == .year || key.focus == .quantity { weight *= 3 }
    case .word:
      if token.form.count == 1 {
        weight = 0.3
      } else if Self.commonStems.contains(token.stem) {
        weight = Self.commonWeight
      } else if isName(token.stem) {
        weight = 1.5
        if key.focus == .person { weight *= 2 }
      } else {
        weight = 1
      }
      if let deck { weight *= deck.rarity(of: token.stem) }
    }
    // The question's own words are given away by the question: repeating them proves little.
    if frontStems.contains(token.stem) || frontNumbers.contains(token.form) { weight *= 0.5 }
    return weight
  }
}
