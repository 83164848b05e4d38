import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing
import ZIPFoundation

@testable import RecallServer

/// The Import page's package flow, as a browser without JavaScript drives it: upload, preview, Save.
@Suite struct PackageImportRouteTests {
  @Test func packagePreviewSavesNothingThenSaveImportsItOnce() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let preview = try await browser.upload("/import/package", fileName: "legacy2.apkg", data: package)
      #expect(preview.status == .ok)
      let page = preview.text
      #expect(page.contains("<h2>legacy2.apkg</h2>"))
      #expect(page.contains("Anki package, legacy 2 (collection.anki21)"))
      #expect(page.contains("<dt>Cards</dt><dd>\(DiskFixture.packageCards)</dd>"))
      #expect(page.contains("<dt>Media files</dt><dd>1</dd>"))
      #expect(page.contains("<li>Science::Biology</li>"))
      #expect(page.contains("Vocabulary (3 fields)"), "the unknown note type's warning")
      #expect(page.contains("name=\"_csrf\" value=\"\(browser.token)\""))
      #expect(try fixture.collection.cards().isEmpty, "a preview saves nothing")
      #expect(fixture.mediaFiles().isEmpty)
      #expect(fixture.library.uploads.count == 1)

      let upload = try #require(preview.hiddenValue("upload"))
      let saved = try await browser.post("/import/package/save", form: [("upload", upload)])
      #expect(saved.status == .seeOther)
      let location = try #require(saved.headers[.location])
      #expect(location.hasPrefix("/?imported=\(DiskFixture.packageCards)&present=0&reviews="))
      #expect(location.hasSuffix("&media=1"))
      #expect(try fixture.collection.cards().count == DiskFixture.packageCards)
      #expect(try fixture.collection.decks().count == DiskFixture.packageDecks)
      #expect(fixture.mediaFiles() == ["cell.png"])
      #expect(try fixture.collection.integrityCheck() == ["ok"])

      let decks = try await browser.get(location)
      #expect(decks.text.contains("Imported: \(DiskFixture.packageCards) new cards"))
      #expect(decks.text.contains("1 media file."))

      // A second Save of the same preview (a double click, a reload) leads to the same page and imports nothing.
      let again = try await browser.post("/import/package/save", form: [("upload", upload)])
      #expect(again.headers[.location] == location)
      #expect(try fixture.collection.cards().count == DiskFixture.packageCards)

      // Uploading and saving the same package again adds nothing.
      let second = try await browser.upload("/import/package", fileName: "legacy2.apkg", data: package)
      let secondSave = try await browser.post(
        "/import/package/save", form: [("upload", try #require(second.hiddenValue("upload")))])
      #expect(
        secondSave.headers[.location] == "/?imported=0&present=\(DiskFixture.packageCards)&reviews=0&media=0")
      #expect(try fixture.collection.cards().count == DiskFixture.packageCards)
      #expect(fixture.mediaFiles() == ["cell.png"])
    }
  }

  @Test func importedImageShowsOnTheCardAndIsServed() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let preview = try await browser.upload("/import/package", fileName: "legacy2.apkg", data: package)
      _ = try await browser.post(
        "/import/package/save", form: [("upload", try #require(preview.hiddenValue("upload")))])
      let card = try #require(try fixture.collection.cards().first { $0.front.contains("![](cell.png)") })
      let deckID = try Fixture.deckID(card.deck, in: fixture.collection)
      let study = try await browser.get("/study/\(deckID)?card=\(card.id)")
      #expect(study.text.contains("<img src=\"/media/cell.png\" alt=\"\">"))
      let image = try await browser.get("/media/cell.png")
      #expect(image.status == .ok)
      #expect(image.headers[.contentType] == "image/png")
      #expect(
        Data(image.body.readableBytesView) == (try Data(contentsOf: fixture.media.appendingPathComponent("cell.png"))))
    }
  }

  @Test(arguments: [
    ("garbage.apkg", Data("this is not a zip file at all, just some bytes".utf8), "garbage.apkg: not an Anki package"),
    ("cut-short.apkg", (try? Data(contentsOf: DiskFixture.package).prefix(20_000)) ?? Data(), "cut-short.apkg: "),
    ("backup.json", Data("{\"format\": \"recall-collection\", \"version\": 1, \"cards\": 3}".utf8), "backup.json: "),
  ])
  func damagedPackageIsRefusedWithItsReasonAndNothingIsWritten(name: String, data: Data, message: String) async throws {
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.upload("/import/package", fileName: name, data: data)
      #expect(response.status == .unprocessableContent)
      #expect(response.text.contains("notice-error"))
      #expect(response.text.contains(message))
      #expect(!response.text.contains("name=\"upload\""), "no Save button for a refused package")
      #expect(try fixture.collection.cards().isEmpty)
      #expect(try fixture.collection.decks().isEmpty)
      #expect(fixture.mediaFiles().isEmpty)
      #expect(fixture.library.uploads.count == 0, "a refused upload is not kept")
    }
  }

  @Test(arguments: [
    ("media", Data("{\"0\": \"../evil.png\"}".utf8), "which would be written outside the media folder"),
    ("collection.anki21", Data(repeating: 7, count: 4096), "the collection inside the package is damaged"),
  ])
  func hostilePackageIsRefusedAndNothingIsWritten(entry: String, data: Data, message: String) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("hostile.apkg")
    try Self.copy(DiskFixture.package, to: url, replacing: entry, with: data)
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.upload("/import/package", fileName: "hostile.apkg", data: Data(contentsOf: url))
      #expect(response.status == .unprocessableContent)
      #expect(response.text.contains("hostile.apkg: "))
      #expect(response.text.contains(message))
      #expect(try fixture.collection.cards().isEmpty)
      #expect(fixture.mediaFiles().isEmpty)
      #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("evil.png").path))
    }
  }

  /// A copy of the zip at `source` with one entry's bytes replaced.
  static func copy(_ source: URL, to url: URL, replacing name: String, with replacement: Data) throws {
    let original = try Archive(url: source, accessMode: .read)
    let copy = try Archive(url: url, accessMode: .create)
    for entry in original {
      var data = Data()
      _ = try original.extract(entry) { data.append($0) }
      if entry.path == name { data = replacement }
      try copy.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }

  @Test func aFileThatIsNoPackageIsRefused() async throws {
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.upload("/import/package", fileName: "notes.txt", data: Data("Q: a\nA: b".utf8))
      #expect(response.status == .unprocessableContent)
      #expect(response.text.contains("notes.txt is neither an Anki package (.apkg, .colpkg) nor a Recall JSON export."))
    }
  }

  @Test func packagePickedInTheTextFormIsPreviewedAsAPackage() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let response = try await browser.upload("/import", fileName: "legacy2.apkg", data: package)
      #expect(response.status == .ok)
      #expect(response.text.contains("action=\"/import/package/save\""))
      #expect(response.text.contains("<dt>Cards</dt><dd>\(DiskFixture.packageCards)</dd>"))
      #expect(!response.text.contains("PK\u{03}\u{04}"), "the zip's bytes are not put in the text box")
    }
  }

  @Test func uploadWithoutTheCSRFTokenIsRefused() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let response = try await browser.upload("/import/package", fileName: "legacy2.apkg", data: package, csrf: false)
      #expect(response.status == .forbidden)
      #expect(fixture.library.uploads.count == 0)
      let save = try await browser.post("/import/package/save", form: [("upload", Token.make())], csrf: false)
      #expect(save.status == .forbidden)
    }
  }

  @Test func saveOfAnUnknownUploadSaysToChooseTheFileAgain() async throws {
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      for id in [Token.make(), "../../collection.sqlite", ""] {
        let response = try await browser.post("/import/package/save", form: [("upload", id)])
        #expect(response.status == .notFound)
        #expect(response.text.contains("Choose the file again."))
      }
      #expect(try fixture.collection.cards().isEmpty)
    }
  }

  @Test func importPageOffersThePackageForm() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let page = try await browser.get("/import").text
      #expect(page.contains("action=\"/import/package\" enctype=\"multipart/form-data\""))
      #expect(page.contains("accept=\".apkg,.colpkg,.json,application/json\""))
    }
  }

  @Test func uploadOverTheTextImportLimitReachesTheImporter() async throws {
    // 17 MB: over the 16 MB other imports take, so a 422 from the importer (not a 413) shows the CSRF check and
    // the form reader both honour the package route's own limit.
    let big = Data(repeating: 0x41, count: 17 << 20)
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      let page = try await browser.upload("/import/package", fileName: "big.apkg", data: big)
      #expect(page.status == .unprocessableContent)
      #expect(page.text.contains("big.apkg: not an Anki package"))
      let api = try await browser.send("/api/v1/import/package?fileName=big.apkg", data: big)
      #expect(api.status == .unprocessableContent)
      let text = try await browser.upload("/import", fileName: "big.txt", data: big)
      #expect(text.status == .contentTooLarge, "the text import keeps its 16 MB")
    }
  }

  @Test func packageRoutesAloneTakeTheLargerBodyLimit() {
    #expect(BodyLimits.limit(forPath: "/import/package") == 256 << 20)
    #expect(BodyLimits.limit(forPath: "/api/v1/import/package") == 256 << 20)
    #expect(BodyLimits.limit(forPath: "/import") == 16 << 20)
    #expect(BodyLimits.limit(forPath: "/import/package/save") == 16 << 20)
    #expect(BodyLimits.limit(forPath: "/api/v1/import/preview") == 16 << 20)
    #expect(BodyLimits.limit(forPath: "/cards/1/edit") == 1 << 20)
  }
}
