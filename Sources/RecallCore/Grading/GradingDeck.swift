import Foundation

/// The deck a graded card belongs to, prepared once and reused for every answer graded in it.
///
/// The grader works without it. With it, three things get better:
/// - **Key terms weigh more.** A word's weight follows its inverse document frequency over the deck's cards, so
///   "Malenkov" or "gulags" count for more than "power" or "party", which every card uses.
/// - **Names are known.** A word the deck writes with a capital letter inside sentences is a name, so an answer
///   that puts another name in its place ("led by Beria and Malenkov" for "led by Molotov and Malenkov") is caught.
/// - **Neighbouring answers are recognised.** An answer that matches another card's back clearly better than this
///   card's ("Head of the secret police" for "Malenkov's role") is graded wrong.
public struct GradingDeck: Sendable {
  /// The deck's cards.
  public let cards: [QuizCard]
  let index: DeckIndex

  /// Prepares `cards` for grading.
  public init(cards: [QuizCard]) {
    self.cards = cards
    index = DeckIndex(cards: cards)
  }
}

/// What the grader knows about a deck: word frequencies, names, vocabulary and each card's answer words.
struct DeckIndex: Sendable {
  /// One card's answer, as weighted stems, for recognising an answer that belongs to another card.
  struct Answer: Sendable {
    var key: String
    var stems: [String: Float]
    var total: Float
  }

  let cardCount: Int
  let documentFrequency: [String: Int]
  let capitalisedCount: [String: Int]
  let lowercaseCount: [String: Int]
  let vocabulary: Set<String>
  let answers: [Answer]
  let medianIDF: Float

  init(cards: [QuizCard]) {
    var frequency: [String: Int] = [:]
    var capitalised: [String: Int] = [:]
    var lowercase: [String: Int] = [:]
    var vocabulary: Set<String> = []
    var backTokens: [[AnswerToken]] = []
    for card in cards {
      let front = TextNormalizer.tokens(card.front)
      let back = TextNormalizer.tokens(card.back)
      backTokens.append(back)
      var seen: Set<String> = []
      for token in front + back {
        vocabulary.insert(token.form)
        guard token.kind == .word else { continue }
        seen.insert(token.stem)
        if token.capitalized, !token.sentenceInitial, !token.allCaps {
          capitalised[token.stem, default: 0] += 1
        } else if !token.capitalized {
          lowercase[token.stem, default: 0] += 1
        }
      }
      for token in front + back where token.isNumber { seen.insert(token.stem) }
      for stem in seen { frequency[stem, default: 0] += 1 }
    }
    cardCount = cards.count
    documentFrequency = frequency
    capitalisedCount = capitalised
    lowercaseCount = lowercase
    self.vocabulary = vocabulary
    let idfs = frequency.values.map { Self.idf(documentFrequency: $0, cardCount: cards.count) }.sorted()
    medianIDF = idfs.isEmpty ? 1 : max(idfs[idfs.count / 2], 0.1)
    var answers: [Answer] = []
    for (card, tokens) in zip(cards, backTokens) {
      var stems: [String: Float] = [:]
      for token in tokens where token.kind == .word || token.isNumber {
        let weight = Self.idf(documentFrequency: frequency[token.stem] ?? 1, cardCount: cards.count)
        stems[token.stem] = max(stems[token.stem] ?? 0, weight)
      }
      answers.append(Answer(key: DeckIndex.answerKey(card.back), stems: stems, total: stems.values.reduce(0, +)))
    }
    self.answers = answers
  }

  static func idf(documentFrequency: Int, cardCount: Int) -> Float {
    Float(log((Double(cardCount) + 1) / (Double(documentFrequency) + 0.5)))
  }

  /// How much rarer than usual a stem is in this deck, clamped to a narrow band: in a deck, the topic's key
  /// terms recur on many cards, so frequency alone must not silence them.
  func rarity(of stem: String) -> Float {
    let idf = Self.idf(documentFrequency: documentFrequency[stem] ?? 0, cardCount: cardCount)
    return min(1.6, max(0.6, idf / medianIDF))
  }

  /// Whether the deck writes the stem as a name: capitalised inside sentences at least as often as not.
  func isName(_ stem: String) -> Bool {
    let capitalised = capitalisedCount[stem] ?? 0
    return capitalised > 0 && capitalised >= (lowercaseCount[stem] ?? 0)
  }

  /// A key that identifies a card's answer text regardless of spacing and case.
  static func answerKey(_ text: String) -> String {
    text.lowercased().filter { $0.isLetter || $0.isNumber }
  }
}
