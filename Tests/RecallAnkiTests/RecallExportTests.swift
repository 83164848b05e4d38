import Foundation
import RecallAnki
import RecallCore
import RecallStore
import Testing

/// Recall's own JSON export is lossless, the text exports read back, and `recall export` / `recall import` work
/// from the command line.
struct RecallExportTests {
  /// Everything about a collection that an export must keep, ids aside.
  func contents(_ collection: Collection) throws -> [String] {
    var lines: [String] = []
    for deck in try collection.deckRecords() {
      lines.append("deck \(deck.name) \(deck.createdAt.timeIntervalSince1970) \(deck.options)")
    }
    try collection.forEachStoredCard(inDecks: try collection.deckRecords().map(\.name)) { card in
      lines.append("card \(card.position) \(card.record)")
      lines += card.reviews.map { "review \($0)" }
    }
    return lines
  }

  @Test func jsonExportIsLossless() throws {
    let folder = try ScratchFolder()
    let original = try populatedCollection(in: folder)
    var options = DeckOptions()
    options.desiredRetention = 0.85
    options.learningSteps = [30, 300, 3_000]
    try original.setOptions(options, ofDeck: "Science")
    try original.bury(cardIDs: [try original.cards(deck: "Science").first!.id])
    let file = folder.path("export.json")
    let report = try CollectionExporter.export(original, format: .json, to: file)
    #expect(report.reviews == 400)

    let copy = try folder.collection("copy.sqlite")
    let imported = try RecallJSONImporter.importDocument(Data(contentsOf: file), named: "export.json", into: copy)
    #expect(imported.cardsAdded == 46 && imported.reviews == 400)
    #expect(try contents(copy) == contents(original))
    // Importing it again adds nothing.
    let again = try RecallJSONImporter.importDocument(Data(contentsOf: file), named: "export.json", into: copy)
    #expect(again.cardsAdded == 0 && again.cardsAlreadyPresent == 46)
  }

  @Test func undoAfterAnImportTakesBackTheLatestReview() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    let cards = try collection.cards()
    var latest: (card: Card, review: ReviewRecord)?
    for card in cards {
      if let last = try collection.history(cardID: card.id).last,
        latest == nil || last.reviewedAt > latest!.review.reviewedAt
      {
        latest = (card, last)
      }
    }
    let latestCard = try #require(latest?.card)
    let count = try collection.history(cardID: latestCard.id).count
    let restored = try #require(try collection.undoLastAnswer())
    #expect(restored.id == latestCard.id)
    #expect(try collection.history(cardID: restored.id).count == count - 1)
    #expect(restored.schedule.phase == latest?.review.phaseBefore)
    #expect(restored.tags == latestCard.tags)
  }

  @Test func invalidJSONExportsAreRefused() throws {
    let collection = try Collection()
    #expect(throws: AnkiPackageError.self) {
      try RecallJSONImporter.importDocument(Data("{\"format\": \"other\"}".utf8), named: "x.json", into: collection)
    }
    let future = """
      {"format": "recall-collection", "version": 99, "exportedAt": 0, "decks": [], "media": [], "cards": []}
      """
    #expect(throws: AnkiPackageError.invalidExport(reason: "format version 99 is newer than this Recall reads")) {
      try RecallJSONImporter.importDocument(Data(future.utf8), named: "x.json", into: collection)
    }
  }

  @Test func csvExportReadsBackIntoRecall() throws {
    let folder = try ScratchFolder()
    let original = try populatedCollection(in: folder)
    let file = folder.path("science.csv")
    _ = try CollectionExporter.export(original, format: .csv, deck: "Science", to: file)
    let parsed = try DeckParser.parse(Data(contentsOf: file), fileName: "science.csv")
    let cards = try original.cards().filter { $0.deck.hasPrefix("Science") }
    #expect(parsed.format == .csv)
    #expect(parsed.warnings.isEmpty)
    #expect(
      parsed.cards.map { "\($0.front)|\($0.back)|\($0.tags)" }.sorted()
        == cards.map { "\($0.front)|\($0.back)|\($0.tags)" }.sorted())
  }

  @Test func anUnknownDeckIsAnError() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    #expect(throws: AnkiPackageError.store(StoreError.deckNotFound("Nope").description)) {
      try CollectionExporter.export(collection, format: .apkg, deck: "Nope", to: folder.path("x.apkg"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.apkg").path))
  }

  @Test func aParentDeckExportsItsSubdecks() throws {
    let folder = try ScratchFolder()
    let collection = try populatedCollection(in: folder)
    let report = try CollectionExporter.export(collection, format: .tsv, deck: "languages", to: folder.path("l.tsv"))
    #expect(report.decks == ["Languages::French", "Languages::French::Verbs", "Languages::German"])
  }
}

/// `recall import` and `recall export` as a user runs them.
struct AnkiCommandTests {
  static let executable: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("recall")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return AnkiFixtures.packageRoot.appendingPathComponent(".build/debug/recall")
  }()

  func recall(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }

  @Test func importThenExportEveryFormat() throws {
    let folder = try ScratchFolder()
    let collection = folder.path("c.sqlite").path
    let imported = try recall(["import", AnkiFixtures.url("legacy2.apkg").path, "--collection", collection])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(imported.output.contains("46 cards added"))
    #expect(imported.output.contains("warning: note type “Vocabulary (3 fields)”"))
    for format in ExportFormat.allCases {
      let out = folder.path("out.\(format.rawValue)").path
      let exported = try recall(["export", "--collection", collection, "--deck", "Science", out])
      #expect(exported.status == 0, "\(exported.errors)")
      #expect(exported.output.contains("\(format.rawValue), 2 decks, 10 cards"))
    }
    let again = try recall(["import", folder.path("out.json").path, "--collection", folder.path("d.sqlite").path])
    #expect(again.output.contains("Recall JSON export"))
    #expect(again.output.contains("10 cards added"))
  }

  @Test func aBadPackageFailsWithAMessageAndSavesNothing() throws {
    let folder = try ScratchFolder()
    let bad = folder.path("broken.apkg")
    try Data("not a zip".utf8).write(to: bad)
    let collection = folder.path("c.sqlite").path
    let result = try recall(["import", bad.path, "--collection", collection])
    #expect(result.status == 1)
    #expect(result.errors.contains("broken.apkg: not an Anki package"))
    let decks = try recall(["decks", "--collection", collection, "--json"])
    #expect(decks.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || !decks.output.contains("name"))
  }

  @Test func exportNeedsAKnownFormat() throws {
    let folder = try ScratchFolder()
    let result = try recall(["export", "--collection", folder.path("c.sqlite").path, folder.path("x.zip").path])
    #expect(result.status != 0)
    #expect(result.errors.contains("add --format"))
  }
}
