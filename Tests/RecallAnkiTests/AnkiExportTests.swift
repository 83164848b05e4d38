import Foundation
import RecallAnki
import RecallCore
import RecallStore
import Testing

/// What Anki holds after importing a file, as scripts/anki/anki_check.py prints it.
struct AnkiView: Decodable {
  struct Revlog: Decodable {
    var id: Int64
    var ease: Int
    var ivl: Int
    var type: Int
  }

  struct Card: Decodable {
    var deck: String
    var notetype: String
    var fields: [String]
    var ord: Int
    var type: Int
    var queue: Int
    var due: Int64
    var ivl: Int
    var reps: Int
    var lapses: Int
    var flags: Int
    var tags: [String]
    var revlog: [Revlog]
  }

  var crt: Int64
  var today: Int
  var cards: [Card]
  var mediaFiles: [String]

  static func load(_ command: String, _ file: URL, in folder: ScratchFolder, extra: [String] = []) throws -> AnkiView {
    let output = try AnkiPython.run(
      "anki_check.py", [command, file.path, folder.path("anki-\(UUID().uuidString)").path] + extra)
    return try JSONDecoder().decode(AnkiView.self, from: output)
  }
}

/// A Recall collection with every kind of card and history: the Anki fixture, imported.
func populatedCollection(in folder: ScratchFolder) throws -> Collection {
  let collection = try folder.collection()
  _ = try AnkiImporter.importPackage(at: AnkiFixtures.url("latest.apkg"), into: collection)
  return collection
}

/// Verifications 2 and 3: Anki imports what Recall exports, and a Recall → Anki → Recall round trip keeps every
/// card's text and history.
@Suite(.enabled(if: AnkiPython.isAvailable, Comment(rawValue: AnkiPython.skipMessage)))
struct AnkiExportTests {
  /// The card text Recall would make of an Anki card Recall exported (Basic, or Cloze for a single gap).
  static func recallSides(_ card: AnkiView.Card) -> (front: String, back: String) {
    let fields = card.fields.map(AnkiFieldText.plainText(fromHTML:))
    // Anki renames an imported note type whose name it already uses ("Cloze-1a2b3").
    if card.notetype.hasPrefix("Cloze") {
      let text = fields[0]
      guard let open = text.range(of: "{{c1::"),
        let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
      else { return ("?", "?") }
      let answer = String(text[open.upperBound..<close.lowerBound])
      let front = text.replacingCharacters(in: open.lowerBound..<close.upperBound, with: "[...]")
      return (front, fields[1].isEmpty ? answer : answer + "\n" + fields[1])
    }
    return (fields[0], fields[1])
  }

  @Test func ankiImportsTheApkgWithSchedulingAndHistory() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    let file = folder.path("export.apkg")
    let now = Date()
    let report = try CollectionExporter.export(collection, format: .apkg, to: file, now: now)
    let anki = try AnkiView.load("import", file, in: folder)
    let cards = try collection.cards()
    #expect(report.cards == cards.count)
    #expect(anki.cards.count == cards.count)
    #expect(anki.mediaFiles == ["cell.png"])
    #expect(anki.cards.reduce(0) { $0 + $1.revlog.count } == report.reviews)

    var byText: [String: [Card]] = [:]
    for card in cards { byText[card.deck + "\u{1}" + card.front + "\u{1}" + card.back, default: []].append(card) }
    let crt = Date(timeIntervalSince1970: Double(anki.crt))
    let day = DeckOptions().day
    for exported in anki.cards {
      let sides = Self.recallSides(exported)
      guard let card = byText[exported.deck + "\u{1}" + sides.front + "\u{1}" + sides.back]?.popLast() else {
        Issue.record("Anki has a card Recall did not export: \(exported.deck) \(sides)")
        continue
      }
      let label = "card \(card.id) \(card.front.prefix(30))"
      #expect(exported.tags.sorted() == card.tags.filter { !$0.hasPrefix("flag:") }.sorted(), "\(label)")
      #expect(exported.flags == (card.tags.contains("flag:red") ? 1 : card.tags.contains("flag:blue") ? 4 : 0))
      #expect((exported.queue == -1) == card.suspended, "\(label)")
      #expect(exported.reps == card.schedule.reps && exported.lapses == card.schedule.lapses, "\(label)")
      let history = try collection.history(cardID: card.id)
      #expect(exported.revlog.map(\.ease) == history.map(\.rating.rawValue), "\(label)")
      #expect(
        exported.revlog.map { $0.id / 1000 } == history.map { Int64($0.reviewedAt.timeIntervalSince1970) },
        "\(label)")
      switch card.schedule.phase {
      case .review:
        #expect(exported.type == 2, "\(label)")
        #expect(exported.ivl == card.schedule.scheduledDays, "\(label)")
        let ankiDue = crt + Double(exported.due) * 86_400 + 12 * 3_600
        #expect(day.number(of: ankiDue) == day.number(of: card.schedule.due), "\(label)")
      case .new:
        #expect(exported.type == 0, "\(label)")
      case .learning:
        #expect(exported.type == 1 && exported.due == Int64(card.schedule.due.timeIntervalSince1970), "\(label)")
      case .relearning:
        #expect(exported.type == 3, "\(label)")
      }
    }
  }

  @Test func ankiImportsTheTSVWithNoSettings() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    let file = folder.path("export.tsv")
    _ = try CollectionExporter.export(collection, format: .tsv, to: file)
    let anki = try AnkiView.load("import", file, in: folder)
    let cards = try collection.cards()
    #expect(anki.cards.count == cards.count)
    let expected = cards.map {
      [$0.deck, AnkiFieldText.html(fromPlainText: $0.front), AnkiFieldText.html(fromPlainText: $0.back)]
        + [$0.tags.sorted().joined(separator: " ")]
    }
    let imported = anki.cards.map { [$0.deck] + $0.fields + [$0.tags.sorted().joined(separator: " ")] }
    #expect(imported.map { $0.joined(separator: "|") }.sorted() == expected.map { $0.joined(separator: "|") }.sorted())
    #expect(Set(anki.cards.map(\.notetype)) == ["Basic"])
  }

  @Test func ankiImportsTheColpkg() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    let file = folder.path("export.colpkg")
    let report = try CollectionExporter.export(collection, format: .colpkg, to: file)
    let anki = try AnkiView.load("import", file, in: folder)
    #expect(anki.cards.count == report.cards)
    #expect(anki.cards.reduce(0) { $0 + $1.revlog.count } == report.reviews)
    #expect(anki.mediaFiles == ["cell.png"])
  }

  @Test(arguments: [false, true])
  func roundTripThroughAnkiKeepsTextAndHistory(legacy: Bool) throws {
    let folder = try ScratchFolder()
    let original = try populatedCollection(in: folder)
    let exported = folder.path("recall.apkg")
    _ = try CollectionExporter.export(original, format: .apkg, to: exported)
    let back = folder.path("anki.apkg")
    _ = try AnkiView.load("reexport", exported, in: folder, extra: [back.path] + (legacy ? ["--legacy"] : []))
    let returned = try folder.collection("returned.sqlite")
    let report = try AnkiImporter.importPackage(at: back, into: returned)
    #expect(report.warnings.isEmpty)

    func summary(_ collection: Collection) throws -> [String] {
      try collection.cards().map { card in
        let history = try collection.history(cardID: card.id).map {
          "\(Int64(($0.reviewedAt.timeIntervalSince1970 * 1000).rounded())):\($0.rating.rawValue):\($0.mode)"
        }
        return [
          card.deck, card.front, card.back, card.tags.sorted().joined(separator: " "), "\(card.suspended)",
          card.schedule.phase.rawValue, "\(card.schedule.scheduledDays ?? -1)", history.joined(separator: ","),
        ].joined(separator: "|")
      }.sorted()
    }
    let before = try summary(original)
    let after = try summary(returned)
    #expect(before.count == after.count)
    for (a, b) in zip(before, after) where a != b { Issue.record("changed in the round trip:\n\(a)\n\(b)") }
  }
}
