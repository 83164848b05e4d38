import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallAnki
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// `POST /api/v1/import/package`: a package sent whole, summarised with `?dry_run=1` or imported.
@Suite struct PackageImportAPITests {
  @Test func dryRunSummarisesThenImportAddsOnce() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let dryRun = try await browser.send("/api/v1/import/package?fileName=legacy2.apkg&dry_run=1", data: package)
      #expect(dryRun.status == .ok)
      let summary = try browser.decode(APIModels.PackageImport.self, dryRun)
      #expect(summary.dryRun)
      #expect(summary.file == "legacy2.apkg")
      #expect(summary.source == "anki-package")
      #expect(summary.packageVersion == 2)
      #expect(summary.cardsAdded == DiskFixture.packageCards)
      #expect(summary.decks.count == DiskFixture.packageDecks)
      #expect(summary.mediaFiles == 1)
      #expect(summary.warnings.count == 1)
      #expect(try fixture.collection.cards().isEmpty, "a dry run saves nothing")

      let imported = try await browser.send("/api/v1/import/package?fileName=legacy2.apkg", data: package)
      #expect(imported.status == .created)
      let report = try browser.decode(APIModels.PackageImport.self, imported)
      #expect(!report.dryRun)
      #expect(report.cardsAdded == DiskFixture.packageCards)
      #expect(report.reviews > 0)
      #expect(report.mediaFiles == 1)
      #expect(try fixture.collection.cards().count == DiskFixture.packageCards)
      #expect(fixture.mediaFiles() == ["cell.png"])

      let again = try browser.decode(
        APIModels.PackageImport.self,
        try await browser.send("/api/v1/import/package?fileName=legacy2.apkg", data: package))
      #expect(again.cardsAdded == 0)
      #expect(again.cardsAlreadyPresent == DiskFixture.packageCards)
      #expect(again.reviews == 0)
      #expect(try fixture.collection.cards().count == DiskFixture.packageCards)
      #expect(
        (try? FileManager.default.contentsOfDirectory(atPath: fixture.library.uploads.folder.path))?.isEmpty ?? true,
        "nothing is left in the upload folder")
    }
  }

  @Test func multipartUploadWorksToo() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let response = try await browser.upload(
        "/api/v1/import/package?dry_run=1", fileName: "legacy2.apkg", data: package, csrf: false)
      #expect(response.status == .forbidden, "no token in the form nor in a header")
      var headers: HTTPFields = [HTTPField.Name("X-CSRF-Token")!: browser.token]
      headers[.cookie] = browser.cookies()
      let boundary = "b0undary"
      var body = Data(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deck.apkg\"\r\n\r\n".utf8)
      body.append(package)
      body.append(Data("\r\n--\(boundary)--\r\n".utf8))
      headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
      let sent = try await browser.client.execute(
        uri: "/api/v1/import/package?dry_run=1", method: .post, headers: headers, body: ByteBuffer(bytes: body))
      #expect(sent.status == .ok)
      #expect(try browser.decode(APIModels.PackageImport.self, sent).file == "deck.apkg")
    }
  }

  @Test func recallJSONExportComesBackWhole() async throws {
    let source = try Fixture.collection()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-json-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("backup.json")
    _ = try CollectionExporter.export(source, format: .json, to: url)
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      // No file name: the body's opening says it is a Recall JSON export.
      let response = try await browser.send("/api/v1/import/package", data: try Data(contentsOf: url))
      #expect(response.status == .created)
      let report = try browser.decode(APIModels.PackageImport.self, response)
      #expect(report.source == "recall-json")
      #expect(report.packageVersion == nil)
      #expect(report.cardsAdded == (try source.cards().count))
      #expect(Set(try fixture.collection.cards().map(\.front)) == Set(try source.cards().map(\.front)))
    }
  }

  @Test func badPackageIsA422AndWritesNothing() async throws {
    let fixture = try DiskFixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.send(
        "/api/v1/import/package?fileName=evil.apkg", data: Data(repeating: 0x41, count: 4096))
      #expect(response.status == .unprocessableContent)
      #expect(response.headers[.contentType] == "application/json; charset=utf-8")
      #expect(response.text.contains("evil.apkg: not an Anki package"))
      #expect(try fixture.collection.cards().isEmpty)
      #expect(fixture.mediaFiles().isEmpty)

      let unknown = try await browser.send("/api/v1/import/package", data: Data("just text".utf8))
      #expect(unknown.status == .unprocessableContent)
      #expect(unknown.text.contains("neither an Anki package"))

      let empty = try await browser.send("/api/v1/import/package?fileName=a.apkg", data: Data())
      #expect(empty.status == .badRequest)
    }
  }

  @Test func importWithoutTheCSRFHeaderIsRefused() async throws {
    let fixture = try DiskFixture()
    let package = try Data(contentsOf: DiskFixture.package)
    try await fixture.withBrowser { browser in
      let response = try await browser.send("/api/v1/import/package?fileName=legacy2.apkg", data: package, csrf: false)
      #expect(response.status == .forbidden)
      #expect(try fixture.collection.cards().isEmpty)
    }
  }
}
