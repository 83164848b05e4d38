import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// CSRF, body limits, headers, hostile card text and password login.
@Suite struct SecurityTests {
  @Test func postsWithoutTheCSRFCookieOrTokenAreRefused() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.hostileDeck).first)
      let noToken = try await browser.post("/cards/\(card.id)/action", form: [("action", "suspend")], csrf: false)
      #expect(noToken.status == .forbidden)
      #expect(noToken.text.contains("carries no CSRF token"))
      let noCookie = try await browser.post("/cards/\(card.id)/action", form: [("action", "suspend")], cookie: false)
      #expect(noCookie.status == .forbidden)
      #expect(noCookie.text.contains("no CSRF cookie"))
      let wrong = try await browser.client.execute(
        uri: "/api/v1/cards/\(card.id)/answer", method: .post,
        headers: [
          .cookie: "recall_csrf=\(browser.token)", HTTPField.Name("X-CSRF-Token")!: Token.make(),
          .contentType: "application/json",
        ], body: ByteBuffer(string: #"{"rating":3}"#))
      #expect(wrong.status == .forbidden)
      #expect(wrong.text.contains("does not match"))
      let apiNoHeader = try await browser.json(.post, "/api/v1/undo", csrf: false)
      #expect(apiNoHeader.status == .forbidden)
      #expect(apiNoHeader.headers[.contentType] == "application/json; charset=utf-8")
      #expect(try collection.card(id: card.id).suspended == false)
      #expect(try collection.history(cardID: card.id).isEmpty)
    }
  }

  @Test func crossSiteRequestsAreRefusedEvenWithATheToken() async throws {
    try await Fixture.withBrowser { browser, _ in
      let foreign = try await browser.json(
        .post, "/api/v1/undo", headers: [HTTPField.Name("Origin")!: "https://evil.example"])
      #expect(foreign.status == .forbidden)
      let crossSite = try await browser.json(
        .post, "/api/v1/undo", headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
      #expect(crossSite.status == .forbidden)
      // The test client's requests are for authority `localhost`.
      let sameOrigin = try await browser.json(
        .post, "/api/v1/undo", headers: [HTTPField.Name("Origin")!: "http://localhost"])
      #expect(sameOrigin.status == .ok)
    }
  }

  @Test func firstVisitSetsAStrictHttpOnlyCSRFCookie() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.client.execute(uri: "/", method: .get)
      let cookie = try #require(response.setCookie("recall_csrf"))
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
      #expect(cookie.contains("Path=/"))
      #expect(!cookie.contains("Secure"))
      let proxied = try await browser.client.execute(
        uri: "/", method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
      #expect(proxied.setCookie("recall_csrf")?.contains("Secure") == true)
      #expect(proxied.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
      let known = try await browser.get("/")
      #expect(known.setCookie("recall_csrf") == nil)
    }
  }

  @Test func oversizedBodiesGetAClear413() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.hostileDeck).first)
      let big = String(repeating: "x", count: BodyLimits.requestBytes + 1)
      let api = try await browser.json(.post, "/api/v1/cards/\(card.id)/check", #"{"answer":"\#(big)"}"#)
      #expect(api.status == .contentTooLarge)
      #expect(api.text.contains("larger than the 1 MB this address accepts"))
      let page = try await browser.post("/cards/\(card.id)/edit", form: [("front", big)])
      #expect(page.status == .contentTooLarge)
      #expect(page.text.contains("Too large"))
      let huge = String(repeating: "Q\nA\n", count: BodyLimits.importBytes / 4 + 1)
      let importing = try await browser.json(.post, "/api/v1/import/preview", #"{"text":"\#(huge)"}"#)
      #expect(importing.status == .contentTooLarge)
      #expect(importing.text.contains("16 MB"))
      // Limits come before the CSRF check: a large forged post is not even read.
      let forged = try await browser.client.execute(
        uri: "/api/v1/undo", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: big))
      #expect(forged.status == .contentTooLarge)
    }
  }

  @Test func everyResponseCarriesTheSecurityHeaders() async throws {
    try await Fixture.withBrowser { browser, _ in
      for uri in ["/", "/import", "/browse", "/stats", "/settings", "/missing", "/api/v1/decks", "/assets/app.css"] {
        let response = try await browser.get(uri)
        let csp = try #require(response.headers[.contentSecurityPolicy])
        #expect(csp.contains("script-src 'self'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(csp.contains("require-trusted-types-for 'script'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
      }
      #expect(try await browser.get("/").headers[.cacheControl] == "no-store")
    }
  }

  @Test func pagesHaveNoInlineScriptOrStyle() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      for uri in ["/", "/import", "/study/\(id)", "/study/\(id)?mode=choice", "/browse", "/stats", "/settings"] {
        let page = try await browser.get(uri).text
        #expect(!page.contains("<script>"), "\(uri)")
        #expect(page.components(separatedBy: "<script").count == 2, "\(uri): one external script")
        #expect(!page.contains("style="), "\(uri)")
        #expect(!page.contains(" onclick"), "\(uri)")
      }
    }
  }

  @Test func hostileCardTextIsShownAsText() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.hostileDeck, in: collection)
      let card = try #require(collection.cards(deck: Fixture.hostileDeck).first)
      let pages = [
        "/study/\(id)?card=\(card.id)&reveal=1", "/browse?deck=\(id)", "/cards/\(card.id)",
        "/study/\(id)?mode=choice&card=\(card.id)",
      ]
      for uri in pages {
        let page = try await browser.get(uri).text
        #expect(!page.contains("<img src=x"), "\(uri)")
        #expect(!page.contains("<script>alert"), "\(uri)")
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(uri)")
      }
      let formatted = try #require(collection.cards(deck: Fixture.hostileDeck).last)
      let page = try await browser.get("/study/\(id)?card=\(formatted.id)&reveal=1").text
      #expect(page.contains("<strong>bold</strong> and <em>italic</em>"))
      #expect(page.contains("<li>two &lt;b&gt;three&lt;/b&gt;</li>"))
      let api = try await browser.get("/api/v1/cards/\(card.id)")
      #expect(api.headers[.contentType] == "application/json; charset=utf-8")
      #expect(try browser.decode(APIModels.CardDetail.self, api).card.front == Fixture.hostileFront)
    }
  }

  @Test func passwordLoginGuardsEverythingButTheLoginPage() async throws {
    let login = PasswordLogin(bcryptHash: PasswordLogin.hash("correct horse"))
    try await Fixture.withBrowser(login: login) { browser, _ in
      let page = try await browser.get("/browse?q=a")
      #expect(page.status == .seeOther)
      #expect(page.headers[.location] == "/login?next=/browse%3Fq%3Da")
      let api = try await browser.get("/api/v1/decks")
      #expect(api.status == .unauthorized)
      #expect(try await browser.get("/login").text.contains("type=\"password\""))
      #expect(try await browser.get("/assets/app.css").status == .ok)

      let wrong = try await browser.post("/login", form: [("password", "wrong"), ("next", "/browse")])
      #expect(wrong.status == .unauthorized)
      #expect(wrong.text.contains("That password is not right."))
      let right = try await browser.post("/login", form: [("password", "correct horse"), ("next", "/browse")])
      #expect(right.status == .seeOther)
      #expect(right.headers[.location] == "/browse")
      let cookie = try #require(right.setCookie("recall_session"))
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
      browser.session = String(cookie.prefix { $0 != ";" }.dropFirst("recall_session=".count))
      #expect(try await browser.get("/api/v1/decks").status == .ok)
      #expect(try await browser.get("/").text.contains("Sign out"))

      let offsite = try await browser.post("/login", form: [("password", "correct horse"), ("next", "//evil.example")])
      #expect(offsite.headers[.location] == "/")

      let out = try await browser.post("/logout", form: [])
      #expect(out.headers[.location] == "/login")
      #expect(try await browser.get("/api/v1/decks").status == .unauthorized)
    }
  }

  @Test func repeatedWrongPasswordsAreSlowedDown() async throws {
    let login = PasswordLogin(bcryptHash: PasswordLogin.hash("correct horse"))
    try await Fixture.withBrowser(login: login) { browser, _ in
      for _ in 0..<PasswordLogin.allowedFailures {
        #expect(try await browser.post("/login", form: [("password", "guess")]).status == .unauthorized)
      }
      let blocked = try await browser.post("/login", form: [("password", "correct horse")])
      #expect(blocked.status == .tooManyRequests)
      #expect(blocked.headers[.retryAfter] != nil)
    }
  }

  @Test func aNonLoopbackHostNeedsAPassword() throws {
    #expect(ServerConfiguration.isLoopback("127.0.0.1"))
    #expect(ServerConfiguration.isLoopback("localhost"))
    #expect(ServerConfiguration.isLoopback("::1"))
    #expect(!ServerConfiguration.isLoopback("0.0.0.0"))
    #expect(!ServerConfiguration.isLoopback("192.168.1.20"))
    let collection = try Collection()
    #expect(throws: ServerConfigurationError.self) {
      _ = try RecallServer.application(collection: collection, configuration: .init(host: "0.0.0.0"))
    }
    let login = PasswordLogin(bcryptHash: PasswordLogin.hash("long enough"))
    _ = try RecallServer.application(collection: collection, configuration: .init(host: "0.0.0.0", login: login))
  }

  @Test func passwordFilesHoldAPasswordOrItsHash() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-pw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = folder.appendingPathComponent("plain")
    try "correct horse\n".write(to: plain, atomically: true, encoding: .utf8)
    #expect(try PasswordLogin.fromFile(plain.path).verify("correct horse"))
    let hashed = folder.appendingPathComponent("hashed")
    try (PasswordLogin.hash("battery staple") + "\n").write(to: hashed, atomically: true, encoding: .utf8)
    let login = try PasswordLogin.fromFile(hashed.path)
    #expect(login.verify("battery staple"))
    #expect(!login.verify("correct horse"))
    let short = folder.appendingPathComponent("short")
    try "abc".write(to: short, atomically: true, encoding: .utf8)
    #expect(throws: PasswordFileError.self) { try PasswordLogin.fromFile(short.path) }
    #expect(throws: PasswordFileError.self) { try PasswordLogin.fromFile(folder.appendingPathComponent("none").path) }
  }
}
