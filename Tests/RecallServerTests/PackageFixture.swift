import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// A collection on disk (so it has a media folder) with the app over it, and the Anki packages the RecallAnki
/// tests use: made by Anki itself (scripts/anki/make_fixtures.py).
final class DiskFixture: Sendable {
  /// The package with every note type, 46 cards, 400 reviews and one image (`cell.png`, on the card
  /// “What does this show?”); one note type Recall does not know (a warning).
  static let package = Fixture.packageRoot.appendingPathComponent("Tests/RecallAnkiTests/Fixtures/legacy2.apkg")
  /// The cards, reviews and decks in ``package`` (as `Tests/RecallAnkiTests/Fixtures/expected.json` says).
  static let packageCards = 46
  static let packageReviews = 400
  static let packageDecks = 5

  let folder: URL
  let collection: Collection
  let library: Library

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-server-test-\(UUID().uuidString)")
    collection = try Collection(path: folder.appendingPathComponent("collection.sqlite").path)
    library = Library(collection: collection, checker: FuzzyAnswerChecker())
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// The collection's media folder.
  var media: URL { folder.appendingPathComponent("collection.media") }

  /// Runs `body` with a browser over this collection.
  func withBrowser(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
    let app = Application(router: RecallServer.router(library: library, login: nil))
    try await app.test(.router) { client in try await body(Browser(client: client)) }
  }

  /// The files in the media folder (none when it does not exist).
  func mediaFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: media.path)) ?? []).sorted()
  }
}

extension Browser {
  /// Posts a `multipart/form-data` form with one file, as a browser's upload does, with the CSRF field unless
  /// `csrf` is false.
  @discardableResult
  func upload(
    _ uri: String, fileName: String, data: Data, field: String = "file", fields: [(String, String)] = [],
    csrf: Bool = true
  ) async throws -> TestResponse {
    let boundary = "----recall-test-\(UUID().uuidString)"
    var body = Data()
    func append(_ text: String) { body.append(Data(text.utf8)) }
    for (name, value) in fields + (csrf ? [("_csrf", token)] : []) {
      append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n")
    append("Content-Type: application/octet-stream\r\n\r\n")
    body.append(data)
    append("\r\n--\(boundary)--\r\n")
    return try await client.execute(
      uri: uri, method: .post,
      headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookies()],
      body: ByteBuffer(bytes: body))
  }

  /// Sends raw bytes to the API with the CSRF header.
  @discardableResult
  func send(_ uri: String, data: Data, contentType: String = "application/octet-stream", csrf: Bool = true)
    async throws -> TestResponse
  {
    var headers: HTTPFields = [.contentType: contentType, .cookie: cookies()]
    if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = token }
    return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: data))
  }
}

extension TestResponse {
  /// The value of the first `name="field" value="…"` input in an HTML body.
  func hiddenValue(_ field: String) -> String? {
    guard let start = text.range(of: "name=\"\(field)\" value=\"") else { return nil }
    return String(text[start.upperBound...].prefix { $0 != "\"" })
  }
}
