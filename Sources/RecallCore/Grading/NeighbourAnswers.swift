/// Recognises a typed answer that belongs to another card of the deck: "Head of the secret police" typed for
/// "Malenkov's role" reuses none of the card's words wrongly, it is simply Beria's role.
enum NeighbourAnswers {
  /// The id of the deck card whose answer the typed tokens match clearly better than this card's, if any: its
  /// overlap is at least 0.6 and beats this card's by at least 0.3. Overlap is mostly precision — how much of
  /// what was typed comes from that answer (weighted by rarity in the deck) — with a quarter recall.
  static func betterMatch(for typed: [AnswerToken], key: AnswerKey, deck: GradingDeck) -> Int64? {
    let index = deck.index
    var typedStems: [String: Float] = [:]
    for token in typed where token.kind == .word || token.isNumber {
      typedStems[token.stem] = weight(of: token.stem, in: index)
    }
    guard !typedStems.isEmpty else { return nil }
    var ownStems: [String: Float] = [:]
    for point in key.compiled {
      for token in point.variants[0].tokens where token.kind == .word || token.isNumber {
        ownStems[token.stem] = weight(of: token.stem, in: index)
      }
    }
    let own = overlap(typedStems, ownStems)
    let ownKey = DeckIndex.answerKey(key.expected)
    var best: (score: Float, id: Int64)?
    for (card, answer) in zip(deck.cards, index.answers) where answer.key != ownKey && answer.total > 0 {
      let score = overlap(typedStems, answer.stems)
      if score > (best?.score ?? 0) { best = (score, card.id) }
    }
    guard let best, best.score >= 0.6, best.score >= own + 0.3 else {
      return nil
    }
    return best.id
  }

  private static func weight(of stem: String, in index: DeckIndex) -> Float {
    max(0.1, DeckIndex.idf(documentFrequency: index.documentFrequency[stem] ?? 0, cardCount: index.cardCount))
  }

  private static func overlap(_ typed: [String: Float], _ answer: [String: Float]) -> Float {
    let typedTotal = typed.values.reduce(0, +)
    let answerTotal = answer.values.reduce(0, +)
    guard typedTotal > 0, answerTotal > 0 else { return 0 }
    var shared: Float = 0
    for (stem, weight) in typed where answer[stem] != nil { shared += weight }
    let precision = shared / typedTotal
    let recall = min(1, shared / answerTotal)
    return 0.75 * precision + 0.25 * recall
  }
}
