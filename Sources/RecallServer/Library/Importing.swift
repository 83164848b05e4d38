import Foundation
import RecallCore
import RecallStore

/// Reading a pasted or uploaded deck for the Import page, fixing its cards, and saving them.
enum Importing {
  /// Parses `data` and attaches each warning to the card whose lines it is about.
  ///
  /// - Parameters:
  ///   - format: A format name, or `auto`/`nil` to detect it.
  /// - Throws: ``ImportError`` when the text holds no cards or is not text; ``ServerError`` for an unknown format.
  static func preview(_ data: Data, fileName: String?, format: String?) throws -> APIModels.Preview {
    var forced: ImportFormat?
    if let format, !format.isEmpty, format != "auto" {
      guard let known = ImportFormat(rawValue: format) else {
        let names = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        throw ServerError.invalid("Unknown format “\(format)”: use auto or one of \(names).")
      }
      forced = known
    }
    let parsed = try DeckParser.parse(data, fileName: fileName, format: forced)
    let cards = attach(parsed.warnings, to: parsed.cards)
    return APIModels.Preview(
      format: parsed.format.rawValue, title: parsed.title,
      deckName: parsed.title ?? fileName.map(baseName) ?? "Imported", cards: cards, warnings: parsed.warnings,
      flagged: cards.filter(\.flagged).count)
  }

  /// Each card with the warnings whose line falls between its first line and the next card's (warnings before
  /// the first card go with it).
  static func attach(_ warnings: [ImportWarning], to cards: [ImportedCard]) -> [APIModels.PreviewCard] {
    cards.enumerated().map { index, card in
      let end = index + 1 < cards.count ? cards[index + 1].line : Int.max
      let start = index == 0 ? Int.min : card.line
      return APIModels.PreviewCard(
        front: card.front, back: card.back, line: card.line, tags: card.tags, flagged: card.isIncomplete,
        warnings: warnings.filter { $0.line >= start && $0.line < end })
    }
  }

  /// A file name without folders or extension, for naming a deck.
  static func baseName(_ fileName: String) -> String {
    let name = (fileName as NSString).lastPathComponent
    let base = (name as NSString).deletingPathExtension
    return base.isEmpty ? "Imported" : base
  }

  /// A change made to the cards of a preview before saving, by the page's buttons.
  enum Edit: Equatable {
    /// Joins a card with the next one: the next card's front and back become lines of this card's back.
    case merge(Int)
    /// Splits a card's back at a line: that line becomes a new card's front, the lines after it its back.
    case split(Int, atLine: Int)
    /// Drops a card.
    case delete(Int)
  }

  /// The cards after `edit`; an edit naming no card leaves them as they are.
  static func apply(_ edit: Edit, to cards: [ImportedCard]) -> [ImportedCard] {
    var cards = cards
    switch edit {
    case .merge(let index):
      guard index >= 0, index + 1 < cards.count else { return cards }
      let next = cards.remove(at: index + 1)
      cards[index].back = [cards[index].back, next.front, next.back].filter { !$0.isEmpty }.joined(separator: "\n")
      cards[index].tags = Array(Set(cards[index].tags + next.tags)).sorted()
    case .split(let index, let line):
      guard cards.indices.contains(index) else { return cards }
      let lines = cards[index].back.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard lines.indices.contains(line) else { return cards }
      cards[index].back = lines[..<line].joined(separator: "\n")
      let front = lines[line].trimmingCharacters(in: .whitespaces)
      let back = lines[(line + 1)...].joined(separator: "\n")
      let newCard = ImportedCard(front: front, back: back, line: cards[index].line + line + 1, tags: cards[index].tags)
      cards.insert(newCard, at: index + 1)
    case .delete(let index):
      guard cards.indices.contains(index) else { return cards }
      cards.remove(at: index)
    }
    return cards
  }

  /// Cleans what the page sent: sides trimmed of surrounding blank lines and trailing spaces, cards with both
  /// sides empty dropped.
  static func cleaned(_ cards: [ImportedCard]) -> [ImportedCard] {
    cards.compactMap { card in
      var card = card
      card.front = tidy(card.front)
      card.back = tidy(card.back)
      return card.front.isEmpty && card.back.isEmpty ? nil : card
    }
  }

  /// A side as typed in a form: Windows line ends made `\n`, trailing spaces and blank first and last lines
  /// dropped.
  static func tidy(_ text: String) -> String {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.trimmingTrailingWhitespace())
    }
    var kept = ArraySlice(lines)
    while kept.first?.isEmpty == true { kept.removeFirst() }
    while kept.last?.isEmpty == true { kept.removeLast() }
    return kept.joined(separator: "\n")
  }
}

extension Library {
  /// Saves cards to the deck named `deck` (creating it), in one transaction; re-saving updates cards matched
  /// by front instead of duplicating them.
  func save(_ cards: [ImportedCard], toDeck deck: String) async throws -> APIModels.SaveResult {
    let name = deck.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw ServerError.invalid("Give the deck a name.") }
    guard name.count <= 200 else { throw ServerError.invalid("A deck name has at most 200 characters.") }
    let cards = Importing.cleaned(cards)
    guard !cards.isEmpty else { throw ServerError.invalid("There are no cards to save.") }
    let summary = try await write(decksChanged: true) { collection in try collection.save(cards, toDeck: name) }
    let id = try await deckID(named: summary.deck)
    return APIModels.SaveResult(
      deckId: id, deck: summary.deck, added: summary.added, updated: summary.updated, unchanged: summary.unchanged,
      flagged: summary.flagged)
  }
}
