import Foundation
import RecallCore

/// An Anki note type (model): its fields and card templates, and how its cards become Recall cards.
struct AnkiNoteType {
  /// Anki's `OriginalStockKind`: which built-in type a note type was created from.
  enum StockKind: Int {
    case unknown = 0, basic, basicAndReversed, basicOptionalReversed, basicTyping, cloze, imageOcclusion
  }

  struct Template {
    var name: String
    var question: String
    var answer: String
  }

  /// Which fields (by index) make a card's front and back: worked out once per template, not once per card.
  private struct Layout {
    var front: [Int]
    var back: [Int]
    /// For cloze types: the field holding the deletions.
    var cloze: Int?
  }

  let id: Int64
  let name: String
  let isCloze: Bool
  let stockKind: StockKind
  let fields: [String]
  let templates: [Template]
  private var layouts: [Layout] = []

  init(id: Int64, name: String, isCloze: Bool, stockKind: StockKind, fields: [String], templates: [Template]) {
    self.id = id
    self.name = name
    self.isCloze = isCloze
    self.stockKind = stockKind
    self.fields = fields
    self.templates = templates
    layouts = templates.map(layout)
  }

  /// The English names of Anki's stock note types, for collections made before Anki recorded the stock kind.
  private static let stockNames: [String: StockKind] = [
    "basic": .basic, "basic (and reversed card)": .basicAndReversed,
    "basic (optional reversed card)": .basicOptionalReversed, "basic (type in the answer)": .basicTyping,
    "cloze": .cloze,
  ]

  /// Whether Recall knows how to turn this type's cards into front and back: the stock types, recognised by the
  /// kind Anki recorded or by their name (a copy Anki renamed on import, `Basic-1a2b3`, still counts) and by
  /// their shape, since a type made from Basic keeps Basic's kind after the user adds fields to it; and every
  /// cloze type but image occlusion, whose cards are pictures.
  var isKnown: Bool {
    if isCloze { return stockKind != .imageOcclusion }
    let kind = stockKind == .unknown ? Self.stockKind(named: name) : stockKind
    switch kind {
    case .basic, .basicTyping: return fields.count == 2 && templates.count == 1
    case .basicAndReversed: return fields.count == 2 && templates.count == 2
    case .basicOptionalReversed: return fields.count == 3 && templates.count == 2
    default: return false
    }
  }

  private static func stockKind(named name: String) -> StockKind? {
    let lowered = name.lowercased()
    if let kind = stockNames[lowered] { return kind }
    // Anki appends "-" and a hash (or "+") to a note type it imports next to a changed one of the same name.
    if let dash = lowered.lastIndex(where: { $0 == "-" || $0 == "+" }) {
      return stockNames[String(lowered[..<dash]).trimmingCharacters(in: .whitespaces)]
    }
    return nil
  }

  /// The front and back of card `ord` of a note with these field values (Anki HTML).
  ///
  /// Known types are rendered from their templates: the question's fields make the front, the answer's other
  /// fields (and a typed-answer field) the back; a cloze card shows its deletion as `[...]` (or the hint) with
  /// the answers and the note's extra fields on the back. Unknown types use their first two fields.
  func sides(fields values: [String], ord: Int) -> (front: String, back: String) {
    let text = { (index: Int) -> String in
      index < values.count ? AnkiFieldText.plainText(fromHTML: values[index]) : ""
    }
    guard isKnown else {
      return (text(0), text(1))
    }
    let join = { (indices: [Int]) in indices.map(text).filter { !$0.isEmpty }.joined(separator: "\n") }
    if isCloze {
      guard let layout = layouts.first else { return (text(0), text(1)) }
      let card = AnkiCloze(text(layout.cloze ?? 0)).card(number: ord + 1)
      let back = ([card.back] + layout.back.map(text).filter { !$0.isEmpty }).joined(separator: "\n")
      return (card.front, back)
    }
    guard ord < layouts.count else { return ("", "") }
    return (join(layouts[ord].front), join(layouts[ord].back))
  }

  /// A template's layout: the question's fields make the front, the answer's other fields (and a typed-answer
  /// field) the back; for a cloze template, the `{{cloze:…}}` field and the answer's other fields as extras.
  private func layout(_ template: Template) -> Layout {
    let index = { (name: String) in fields.firstIndex(of: name) }
    let question = Self.fieldReferences(in: template.question)
    let answer = Self.fieldReferences(in: template.answer)
    if isCloze {
      let clozeName = question.first { $0.modifiers.contains("cloze") }?.name
      let cloze = clozeName.flatMap(index) ?? 0
      let extras = answer.filter { !$0.modifiers.contains("cloze") }.compactMap { index($0.name) }
      return Layout(front: [cloze], back: Self.unique(extras.filter { $0 != cloze }), cloze: cloze)
    }
    let front = Self.unique(question.filter { !$0.modifiers.contains("type") }.compactMap { index($0.name) })
    let typed = question.filter { $0.modifiers.contains("type") }.compactMap { index($0.name) }
    let back = Self.unique((answer.compactMap { index($0.name) } + typed).filter { !front.contains($0) })
    return Layout(front: front, back: back, cloze: nil)
  }

  /// The fields a template shows, with their filters (`type`, `cloze`, `text`, …), in order; conditional section
  /// markers (`{{#F}}`, `{{^F}}`, `{{/F}}`) and special fields (`FrontSide`, `Tags`, …) are left out.
  static func fieldReferences(in template: String) -> [(name: String, modifiers: [String])] {
    var references: [(name: String, modifiers: [String])] = []
    var rest = Substring(template)
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      let body = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      rest = rest[close.upperBound...]
      guard let first = body.first, !"#^/!".contains(first) else { continue }
      var parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      let name = parts.removeLast().trimmingCharacters(in: .whitespaces)
      guard !specialFields.contains(name) else { continue }
      references.append((name, parts.map { $0.lowercased() }))
    }
    return references
  }

  private static let specialFields: Set<String> = [
    "FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID", "",
  ]

  private static func unique(_ indices: [Int]) -> [Int] {
    var seen: Set<Int> = []
    return indices.filter { seen.insert($0).inserted }
  }
}
