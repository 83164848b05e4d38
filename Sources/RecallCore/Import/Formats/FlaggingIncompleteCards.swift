import Foundation

extension ParsedDeck {
  /// The deck with a warning for every card that has a missing side, so that none is flagged silently.
  func flaggingIncompleteCards() -> ParsedDeck {
    var deck = self
    let alreadyWarned = Set(warnings.map(\.line))
    for card in cards where card.isIncomplete && !alreadyWarned.contains(card.line) {
      let message =
        card.front.isEmpty
        ? "answer with no question: imported with an empty front"
        : "question with no answer: imported with an empty back"
      deck.warnings.append(ImportWarning(line: card.line, message: message))
    }
    deck.warnings.sort { $0.line < $1.line }
    return deck
  }
}
