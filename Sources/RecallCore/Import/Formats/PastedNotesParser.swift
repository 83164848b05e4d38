import Foundation

/// Reads notes pasted with no separators: a title line, then cards of one front line and zero or more back lines.
///
/// ``PastedNotesModel`` labels every line; this turns the labels into cards and reports the missing sides and the
/// boundaries decided by less than ``uncertaintyMargin``.
struct PastedNotesParser {
  /// Boundaries decided by less than this score are reported as uncertain.
  static let uncertaintyMargin = 0.75

  var model = PastedNotesModel.trained

  func parse(_ source: SourceText) -> ParsedDeck {
    let document = PastedNotesModel.Document(source)
    let (labels, margins) = model.decode(document)
    var title: String?
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    var front: (text: String, line: Int)?
    var back = SideText()
    var backLine: Int?

    func finishCard() {
      guard front != nil || backLine != nil else { return }
      cards.append(ImportedCard(front: front?.text ?? "", back: back.text, line: front?.line ?? backLine ?? 0))
      front = nil
      back = SideText()
      backLine = nil
    }

    for (index, line) in document.lines.enumerated() {
      switch labels[index] {
      case .title:
        title = line.text.trimmed.drop { $0 == "#" }.trimmed
      case .front:
        finishCard()
        front = (line.text.trimmed, line.number)
      case .back:
        if backLine == nil {
          backLine = line.number
        } else if line.blankBefore {
          back.append("")
        }
        back.append(line.text)
      }
      if margins[index] < Self.uncertaintyMargin {
        warnings.append(.init(line: line.number, message: Self.uncertainty(labels[index])))
      }
    }
    finishCard()
    return ParsedDeck(format: .paste, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }

  private static func uncertainty(_ label: PastedNotesModel.Label) -> String {
    switch label {
    case .title: "unsure whether this line is the title; it was read as one"
    case .front: "unsure whether this line starts a new card; it was read as a question"
    case .back: "unsure whether this line starts a new card; it was read as part of the answer above"
    }
  }
}

extension PastedNotesModel {
  /// Each content line with its label, front score and margin: what the model saw, for tuning and bug reports.
  public func explain(_ source: SourceText) -> [(line: Int, label: String, frontScore: Double, margin: Double)] {
    let document = Document(source)
    let (labels, margins) = decode(document)
    return document.lines.indices.map { index in
      (document.lines[index].number, "\(labels[index])", score(document.frontFeatures(index)), margins[index])
    }
  }
}

extension PastedNotesModel {
  /// Reads `source` as pasted notes with this model's weights.
  public func parse(_ source: SourceText) -> ParsedDeck {
    PastedNotesParser(model: self).parse(source)
  }
}
