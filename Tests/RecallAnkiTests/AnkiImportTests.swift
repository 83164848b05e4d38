import Foundation
import RecallAnki
import RecallCore
import RecallStore
import Testing

/// Verification 1: a collection Anki built, exported by Anki in every package layout, comes into Recall with the
/// same fields, cards, reviews, intervals and memory states Anki reports.
struct AnkiImportTests {
  static let packages = ["legacy1.apkg", "legacy2.apkg", "latest.apkg"]

  /// What each Anki card must look like in Recall: deck, front, back.
  static func expectedSides(_ card: AnkiFixtures.ExpectedCard) -> (front: String, back: String) {
    let text = { (name: String) in AnkiFieldText.plainText(fromHTML: card.fields[name] ?? "") }
    switch card.notetype {
    case "Basic", "Basic (type in the answer)":
      return (text("Front"), text("Back"))
    case "Basic (and reversed card)", "Basic (optional reversed card)":
      return card.ord == 0 ? (text("Front"), text("Back")) : (text("Back"), text("Front"))
    case "Vocabulary (3 fields)":
      return (text("Word"), text("Meaning"))
    case "Cloze":
      let clozes: [String: [(String, String)]] = [
        "The {{c1::mitochondria}}": [
          ("The [...] is the powerhouse of the cell", "mitochondria\nBiology 101"),
          ("The mitochondria is the powerhouse of the [...]", "cell\nBiology 101"),
        ],
        "{{c1::DNA::molecule}}": [("[molecule] is copied by [...]", "DNA, polymerase")],
        "Plants make": [
          ("Plants make [...] by photosynthesis in chloroplasts", "glucose"),
          ("Plants make glucose by [...] in chloroplasts", "photosynthesis"),
          ("Plants make glucose by photosynthesis in [...]", "chloroplasts"),
        ],
      ]
      let key = clozes.keys.first { (card.fields["Text"] ?? "").hasPrefix($0) } ?? ""
      return clozes[key]?[card.ord] ?? ("?", "?")
    default:
      return ("?", "?")
    }
  }

  @Test(arguments: packages)
  func importsWhatAnkiReports(package: String) throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    // The fixtures were made with Anki's day starting at 4:00 UTC (scripts/anki/make_fixtures.py).
    var deckOptions = DeckOptions()
    deckOptions.timeZone = "UTC"
    let report = try AnkiImporter.importPackage(
      at: AnkiFixtures.url(package), into: collection, options: AnkiImportOptions(deckOptions: deckOptions))
    let expected = try AnkiFixtures.expected()
    let cards = try collection.cards()

    #expect(report.cardsAdded == expected.cards.count)
    #expect(cards.count == expected.cards.count)
    #expect(report.reviews == expected.cards.reduce(0) { $0 + $1.reviews })
    #expect(report.notes == Set(expected.cards.map(\.noteId)).count)
    #expect(report.mediaFiles == 1)
    #expect(report.warnings.count == 1)
    #expect(report.warnings.first?.message.contains("Vocabulary (3 fields)") == true)
    #expect(
      Set(report.decks)
        == ["Languages::French", "Languages::French::Verbs", "Languages::German", "Science", "Science::Biology"])

    var byText: [String: [Card]] = [:]
    for card in cards { byText[card.deck + "\u{1}" + card.front + "\u{1}" + card.back, default: []].append(card) }
    let crt = Date(timeIntervalSince1970: Double(expected.crt))
    let day = deckOptions.day
    for anki in expected.cards {
      let sides = Self.expectedSides(anki)
      let key = anki.deck + "\u{1}" + sides.front + "\u{1}" + sides.back
      guard let card = byText[key]?.popLast() else {
        Issue.record("\(package): no Recall card for Anki card \(anki.id) \(anki.notetype) \(sides)")
        continue
      }
      let label = "\(package) card \(anki.id) (\(anki.notetype) \(anki.ord))"
      var tags = anki.tags
      if anki.flags == 1 { tags.append("flag:red") }
      if anki.flags == 4 { tags.append("flag:blue") }
      #expect(card.tags.sorted() == tags.sorted(), "\(label)")
      #expect(card.suspended == (anki.queue == -1), "\(label)")
      #expect((card.buriedUntil != nil) == (anki.queue == -2 || anki.queue == -3), "\(label)")
      #expect(card.schedule.reps == anki.reps && card.schedule.lapses == anki.lapses, "\(label)")
      let history = try collection.history(cardID: card.id)
      #expect(history.count == anki.reviews, "\(label)")
      #expect(history.map(\.reviewedAt) == history.map(\.reviewedAt).sorted(), "\(label)")
      switch anki.type {
      case 2:
        #expect(card.schedule.phase == .review, "\(label)")
        #expect(card.schedule.scheduledDays == anki.ivl, "\(label)")
        // Anki's due day (days since the collection's creation) is the same calendar day in Recall.
        let ankiDue = crt + Double(anki.due) * 86_400 + 12 * 3_600
        #expect(day.number(of: card.schedule.due) == day.number(of: ankiDue), "\(label)")
      case 0:
        #expect(card.schedule.phase == .new, "\(label)")
      case 1:
        #expect(card.schedule.phase == .learning, "\(label)")
        #expect(card.schedule.due == Date(timeIntervalSince1970: Double(anki.due)), "\(label)")
      default:
        #expect(card.schedule.phase == .relearning, "\(label)")
      }
      // The memory state rebuilt by replaying the history agrees with Anki's own FSRS.
      if let stability = anki.stability, let difficulty = anki.difficulty {
        let ours = try #require(card.schedule.stability, "\(label)")
        // Anki computes in 32-bit floats: agreement to their precision.
        #expect(abs(ours - stability) / stability < 1e-4, "\(label): stability \(ours) vs Anki's \(stability)")
        #expect(abs((card.schedule.difficulty ?? 0) - difficulty) < 1e-3, "\(label): difficulty")
      }
      // The last review leaves the card as it is now, so undo stays consistent.
      if let last = history.last, anki.type == 2 {
        #expect(last.phaseAfter == .review, "\(label)")
      }
    }
  }

  @Test(arguments: packages)
  func fieldsBecomeSafeText(package: String) throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    _ = try AnkiImporter.importPackage(at: AnkiFixtures.url(package), into: collection)
    let cards = try collection.cards()
    let fronts = Set(cards.map(\.front))
    let backs = Set(cards.map(\.back))
    #expect(fronts.contains("bonjour"))
    #expect(backs.contains("hello\ngood day"))
    #expect(backs.contains("- le: masculine\n- la: feminine"))
    #expect(fronts.contains("Articles & genders"))
    #expect(fronts.contains("Tricky\n<tag> \u{00A0}entities"))
    #expect(backs.contains("ok"), "script and style dropped with their content")
    #expect(fronts.contains("What does this show?\n![](cell.png)"))
    // The image is in the collection's media folder, byte for byte.
    let image = try #require(collection.mediaFolder).appendingPathComponent("cell.png")
    #expect(try Data(contentsOf: image).prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  }

  @Test func importingTwiceAddsNothing() throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    let first = try AnkiImporter.importPackage(at: AnkiFixtures.url("latest.apkg"), into: collection)
    let second = try AnkiImporter.importPackage(at: AnkiFixtures.url("legacy2.apkg"), into: collection)
    #expect(second.cardsAdded == 0)
    #expect(second.cardsAlreadyPresent == first.cardsAdded)
    #expect(second.reviews == 0)
    #expect(second.mediaFiles == 0, "the same image is already there")
    #expect(try collection.cards().count == first.cardsAdded)
  }

  @Test func deckOptionPutsEverythingInOneDeck() throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    let report = try AnkiImporter.importPackage(
      at: AnkiFixtures.url("latest.apkg"), into: collection, options: AnkiImportOptions(deck: "From Anki"))
    #expect(report.decks == ["From Anki"])
    #expect(try collection.decks().map(\.name) == ["From Anki"])
  }

  @Test func inspectingSavesNothing() throws {
    let report = try AnkiImporter.inspectPackage(at: AnkiFixtures.url("latest.apkg"))
    #expect(report.dryRun)
    #expect(report.version == .latest)
    #expect(report.cardsAdded == 46)
  }

  @Test func mediaNameTakenByAnotherFileIsRenamed() throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    let media = try #require(collection.mediaFolder)
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try Data("someone else's picture".utf8).write(to: media.appendingPathComponent("cell.png"))
    _ = try AnkiImporter.importPackage(at: AnkiFixtures.url("latest.apkg"), into: collection)
    let card = try #require(try collection.cards(search: "What does this show").first)
    let name = try #require(AnkiFieldText.mediaNames(in: card.front).first)
    #expect(name.hasPrefix("cell-") && name.hasSuffix(".png"))
    #expect(try Data(contentsOf: media.appendingPathComponent(name)).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    #expect(
      try String(contentsOf: media.appendingPathComponent("cell.png"), encoding: .utf8) == "someone else's picture")
  }
}
