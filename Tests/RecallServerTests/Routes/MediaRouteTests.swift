import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// `GET /media/{name}`: images from the collection's media folder, and nothing outside it.
@Suite struct MediaRouteTests {
  static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
  static let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)

  /// A collection whose media folder holds a PNG, an SVG, a text file and a folder, with a secret beside it.
  static func fixture() throws -> DiskFixture {
    let fixture = try DiskFixture()
    try FileManager.default.createDirectory(at: fixture.media, withIntermediateDirectories: true)
    try png.write(to: fixture.media.appendingPathComponent("cell.png"))
    try png.write(to: fixture.media.appendingPathComponent("my picture (1).PNG"))
    try svg.write(to: fixture.media.appendingPathComponent("diagram.svg"))
    try Data("notes".utf8).write(to: fixture.media.appendingPathComponent("notes.txt"))
    try FileManager.default.createDirectory(
      at: fixture.media.appendingPathComponent("folder.png"), withIntermediateDirectories: true)
    try Data("secret".utf8).write(to: fixture.folder.appendingPathComponent("secret.png"))
    try FileManager.default.createSymbolicLink(
      at: fixture.media.appendingPathComponent("link.png"),
      withDestinationURL: fixture.folder.appendingPathComponent("secret.png"))
    return fixture
  }

  @Test func servesAnImageWithItsType() async throws {
    let fixture = try Self.fixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.get("/media/cell.png")
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "image/png")
      #expect(Data(response.body.readableBytesView) == Self.png)
      #expect(response.headers[values: .contentSecurityPolicy].contains("sandbox"))
      #expect(response.headers[.xContentTypeOptions] == "nosniff")

      let spaced = try await browser.get("/media/my%20picture%20%281%29.PNG")
      #expect(spaced.status == .ok)
      #expect(spaced.headers[.contentType] == "image/png")
    }
  }

  @Test func svgIsSandboxedSoItsScriptNeverRuns() async throws {
    let fixture = try Self.fixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.get("/media/diagram.svg")
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "image/svg+xml")
      #expect(response.headers[values: .contentSecurityPolicy].contains("sandbox"))
    }
  }

  @Test(arguments: ["missing.png", "notes.txt", "folder.png", "link.png"])
  func whatIsNotAnImageInTheFolderIsNotFound(name: String) async throws {
    let fixture = try Self.fixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.get("/media/\(name)")
      #expect(response.status == .notFound)
      #expect(response.headers[.contentType] == "text/html; charset=utf-8", "the error page, not the file")
      #expect(!response.text.contains("secret"))
    }
  }

  @Test(arguments: [
    "..", "%2E%2E", "..%2Fsecret.png", "%2E%2E%2Fsecret.png", "..%5Csecret.png", "a%5Cb.png", ".hidden.png",
    "cell.png%00.txt", "%00", "%2Fetc%2Fpasswd", "%ZZ.png",
  ])
  func traversalNamesAreRefused(name: String) async throws {
    let fixture = try Self.fixture()
    try await fixture.withBrowser { browser in
      let response = try await browser.get("/media/\(name)")
      #expect(response.status == .badRequest)
      #expect(!response.text.contains("secret\n") && Data(response.body.readableBytesView) != Data("secret".utf8))
    }
  }

  @Test func pathsWithMoreSegmentsMatchNoRoute() async throws {
    let fixture = try Self.fixture()
    try await fixture.withBrowser { browser in
      for path in ["/media/../secret.png", "/media/sub/cell.png", "/media/"] {
        let response = try await browser.get(path)
        #expect(response.status == .notFound, "\(path)")
        #expect(Data(response.body.readableBytesView) != Data("secret".utf8))
      }
    }
  }

  @Test func aCollectionInMemoryHasNoMedia() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.get("/media/cell.png")
      #expect(response.status == .notFound)
    }
  }

  @Test func pagesAllowImagesFromThisServerOnly() async throws {
    try await Fixture.withBrowser { browser, _ in
      let page = try await browser.get("/")
      let policy = try #require(page.headers[.contentSecurityPolicy])
      #expect(policy.contains("img-src 'self'"))
      #expect(policy.contains("default-src 'none'"))
    }
  }

  @Test func mediaNeedASignedInSession() async throws {
    let login = PasswordLogin(bcryptHash: PasswordLogin.hash("correct horse"))
    let fixture = try Self.fixture()
    let app = Application(router: RecallServer.router(library: fixture.library, login: login))
    try await app.test(.router) { client in
      let response = try await Browser(client: client).get("/media/cell.png")
      #expect(response.status == .seeOther)
      #expect(response.headers[.location]?.hasPrefix("/login") == true)
    }
  }
}
