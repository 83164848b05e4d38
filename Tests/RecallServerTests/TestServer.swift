import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// Collections and apps for the route tests: every test gets its own in-memory collection.
enum Fixture {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The seed deck: 27 cards, the first without a question and one without an answer.
  static let seedText: String = {
    (try? String(contentsOf: packageRoot.appendingPathComponent("examples/khrushchev.txt"), encoding: .utf8)) ?? ""
  }()

  static let seedDeck = "Khrushchev GOVERNMENT Flashcards"
  static let hostileDeck = "Hostile"
  /// Card text that would run script if it were ever treated as markup.
  static let hostileFront = "<img src=x onerror=alert(1)>"
  static let hostileBack = "<script>alert(2)</script> & \"quotes\""

  /// A collection holding the seed deck and a deck of hostile cards.
  static func collection(seeded: Bool = true) throws -> Collection {
    let collection = try Collection()
    if seeded {
      let deck = try DeckParser.parse(Data(seedText.utf8), fileName: "khrushchev.txt")
      _ = try collection.save(deck.cards, toDeck: seedDeck)
      _ = try collection.save(
        [
          ImportedCard(front: hostileFront, back: hostileBack, line: 1),
          ImportedCard(front: "**bold** and _italic_", back: "- one\n- two <b>three</b>", line: 2),
        ], toDeck: hostileDeck)
    }
    return collection
  }

  /// The app over `collection`, as `recall serve` builds it but without a socket.
  static func app(_ collection: Collection, login: PasswordLogin? = nil) -> some ApplicationProtocol {
    Application(
      router: RecallServer.router(library: Library(collection: collection), login: login)
    )
  }

  /// Runs `body` with a browser over a fresh seeded collection.
  static func withBrowser(
    seeded: Bool = true, login: PasswordLogin? = nil,
    _ body: @escaping @Sendable (Browser, Collection) async throws -> Void
  ) async throws {
    let collection = try collection(seeded: seeded)
    try await app(collection, login: login).test(.router) { client in
      try await body(Browser(client: client), collection)
    }
  }

  /// The id of a deck by name.
  static func deckID(_ name: String, in collection: Collection) throws -> Int64 {
    try #require(collection.decks().first { $0.name == name }?.id)
  }
}

/// Sends requests the way a browser does: with its CSRF cookie, the token in forms or a header, and a session
/// cookie once signed in.
final class Browser: Sendable {
  let client: any TestClientProtocol
  let token = Token.make()
  private let sessionCookie = Mutable<String?>(nil)

  init(client: any TestClientProtocol) { self.client = client }

  /// The session cookie sent with every request, once signed in.
  var session: String? {
    get { sessionCookie.value }
    set { sessionCookie.value = newValue }
  }

  func cookies(csrf: Bool = true) -> String {
    var cookies: [String] = []
    if csrf { cookies.append("recall_csrf=\(token)") }
    if let session { cookies.append("recall_session=\(session)") }
    return cookies.joined(separator: "; ")
  }

  @discardableResult
  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    var headers = headers
    headers[.cookie] = [cookies(), headers[.cookie]].compactMap { $0 }.joined(separator: "; ")
    return try await client.execute(uri: uri, method: .get, headers: headers)
  }

  /// Posts a URL-encoded form, with the CSRF field unless `csrf` is false.
  @discardableResult
  func post(_ uri: String, form: [(String, String)], csrf: Bool = true, cookie: Bool = true) async throws
    -> TestResponse
  {
    var fields = form
    if csrf { fields.append(("_csrf", token)) }
    let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    headers[.cookie] = cookies(csrf: cookie)
    return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
  }

  /// Sends JSON to the API with the CSRF header.
  @discardableResult
  func json(
    _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, csrf: Bool = true,
    contentType: String = "application/json", headers extra: HTTPFields = [:]
  ) async throws -> TestResponse {
    var headers = extra
    headers[.cookie] = cookies()
    if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = token }
    if body != nil { headers[.contentType] = contentType }
    return try await client.execute(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
  }

  /// Decodes a JSON response body.
  func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
  }

  static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

/// A value behind a lock, for test helpers shared across tasks.
final class Mutable<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

extension TestResponse {
  /// The body as text.
  var text: String { String(buffer: body) }

  /// A `Set-Cookie` value by cookie name.
  func setCookie(_ name: String) -> String? {
    headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
  }
}
