import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// Every page, with JavaScript's help or without it: the forms post and redirect like a browser's would.
@Suite struct PageRouteTests {
  @Test func decksPageListsDecksWithCountsAndAStudyLink() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let response = try await browser.get("/")
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "text/html; charset=utf-8")
      #expect(response.text.contains(Fixture.seedDeck))
      #expect(response.text.contains("href=\"/study/\(id)\""))
      #expect(response.text.contains("20 new"))
      #expect(response.text.contains("2 cards missing a side"))
      #expect(response.text.contains("<svg class=\"bar\""))
    }
  }

  @Test func decksPageWithoutDecksOffersImport() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let response = try await browser.get("/")
      #expect(response.status == .ok)
      #expect(response.text.contains("No decks yet"))
      #expect(response.text.contains("href=\"/import\""))
    }
  }

  @Test func decksPageShowsWhatASaveDid() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.get("/?saved=1&added=27&updated=0&flagged=2")
      #expect(response.text.contains("Saved: 27 new cards. 2 cards still miss a side."))
    }
  }

  @Test func importPageHasTheSourceFormWithItsToken() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.get("/import")
      #expect(response.status == .ok)
      #expect(response.text.contains("id=\"import-text\""))
      #expect(response.text.contains("enctype=\"multipart/form-data\""))
      #expect(response.text.contains("name=\"_csrf\" value=\"\(browser.token)\""))
    }
  }

  @Test func importPreviewShowsCardsAndWarningsAtTheirLines() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let response = try await browser.post("/import", form: [("text", Fixture.seedText), ("format", "auto")])
      #expect(response.status == .ok)
      let page = response.text
      #expect(page.contains("27 cards"))
      #expect(page.contains("2 missing a side"))
      #expect(page.contains("No question"))
      #expect(page.contains("No answer"))
      #expect(page.contains("Line 2</span> answer with no question"))
      #expect(page.contains("Line 52</span> question with no answer"))
      #expect(page.contains("value=\"\(Fixture.seedDeck)\""))
    }
  }

  @Test func importPreviewOfAnUploadedFile() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let boundary = "----recall-test"
      let body = """
        --\(boundary)\r
        Content-Disposition: form-data; name="_csrf"\r
        \r
        \(browser.token)\r
        --\(boundary)\r
        Content-Disposition: form-data; name="text"\r
        \r
        \r
        --\(boundary)\r
        Content-Disposition: form-data; name="file"; filename="capitals.csv"\r
        Content-Type: text/csv\r
        \r
        France,Paris\r
        Spain,Madrid\r
        \r
        --\(boundary)--\r

        """
      let response = try await browser.client.execute(
        uri: "/import", method: .post,
        headers: [
          .contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookies(),
        ], body: ByteBuffer(string: body))
      #expect(response.status == .ok)
      #expect(response.text.contains("2 cards"))
      #expect(response.text.contains("value=\"capitals\""))
      #expect(response.text.contains(">Madrid</textarea>"))
    }
  }

  @Test func importOfNothingSaysWhy() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let response = try await browser.post("/import", form: [("text", "  \n\n")])
      #expect(response.status == .unprocessableContent)
      #expect(response.text.contains("holds no cards"))
    }
  }

  @Test func importEditorMergesSplitsRemovesAndSaves() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, collection in
      let cards: [(String, String)] = [
        ("front", "Q1"), ("back", "A1"), ("line", "1"),
        ("front", "Q2"), ("back", "A2\nQ3\nA3"), ("line", "3"),
        ("front", ""), ("back", "orphan"), ("line", "7"),
      ]
      let merged = try await browser.post("/import/save", form: cards + [("deck", "D"), ("op", "merge:0")])
      #expect(merged.status == .ok)
      #expect(merged.text.contains("2 cards"))
      #expect(merged.text.contains(">A1\nQ2\nA2\nQ3\nA3</textarea>"))

      let split = try await browser.post(
        "/import/save", form: cards + [("deck", "D"), ("op", "split:1"), ("splitAt-1", "1")])
      #expect(split.text.contains("4 cards"))
      #expect(split.text.contains(">Q3</textarea>"))

      let removed = try await browser.post("/import/save", form: cards + [("deck", "D"), ("op", "delete:2")])
      #expect(removed.text.contains("2 cards"))
      #expect(!removed.text.contains("orphan"))

      let saved = try await browser.post("/import/save", form: cards + [("deck", "D"), ("op", "save")])
      #expect(saved.status == .seeOther)
      let id = try Fixture.deckID("D", in: collection)
      #expect(saved.headers[.location] == "/?saved=\(id)&added=3&updated=0&flagged=1")
      #expect(try collection.cards(deck: "D").map(\.front) == ["Q1", "Q2", ""])
    }
  }

  @Test func importSaveWithoutADeckNameShowsTheEditorAgain() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      let response = try await browser.post(
        "/import/save", form: [("front", "Q"), ("back", "A"), ("line", "1"), ("deck", " "), ("op", "save")])
      #expect(response.status == .unprocessableContent)
      #expect(response.text.contains("Give the deck a name."))
      #expect(response.text.contains(">Q</textarea>"))
    }
  }

  @Test func studyWithoutScriptShowsFrontThenAnswerThenRates() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let front = try await browser.get("/study/\(id)")
      #expect(front.status == .ok)
      #expect(front.text.contains("Khrushchevs rule had two main policies"))
      #expect(front.text.contains("Show answer"))
      #expect(!front.text.contains("destalinisation</li>"))
      let cardID = try #require(collection.queue(deck: Fixture.seedDeck).cardIDs.first)

      let back = try await browser.get("/study/\(id)?mode=flip&card=\(cardID)&reveal=1")
      #expect(back.text.contains("<li>destalinisation</li>"))
      #expect(back.text.contains("name=\"rating\" value=\"3\""))
      #expect(back.text.contains("class=\"rate-interval\">10m<"))

      let answered = try await browser.post(
        "/study/\(id)/answer", form: [("card", String(cardID)), ("rating", "3"), ("mode", "flip")])
      #expect(answered.status == .seeOther)
      #expect(answered.headers[.location] == "/study/\(id)?mode=flip&after=\(cardID)")
      #expect(try collection.history(cardID: cardID).count == 1)

      let undone = try await browser.post("/study/\(id)/undo", form: [("mode", "flip")])
      #expect(undone.headers[.location] == "/study/\(id)?mode=flip&card=\(cardID)&undone=1")
      #expect(try collection.history(cardID: cardID).isEmpty)
      let again = try await browser.get(try #require(undone.headers[.location]))
      #expect(again.text.contains("Answer taken back."))
    }
  }

  @Test func studyTypedAnswerShowsWhatMatchedAndWhatWasMissed() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let typeMode = try await browser.get("/study/\(id)?mode=type")
      #expect(typeMode.text.contains("id=\"typed\""))
      let cardID = try #require(collection.queue(deck: Fixture.seedDeck).cardIDs.first)
      let checked = try await browser.post(
        "/study/\(id)/check", form: [("card", String(cardID)), ("answer", "destalinisation")])
      #expect(checked.status == .ok)
      #expect(checked.text.contains("class=\"diff-match\">destalinisation</span>"))
      #expect(checked.text.contains("class=\"diff-missing\""))
      #expect(checked.text.contains("suggested"))
      #expect(checked.text.contains("rate-again suggested") || checked.text.contains("rate-hard suggested"))
    }
  }

  @Test func studyMultipleChoiceRecordsTheAnswer() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let page = try await browser.get("/study/\(id)?mode=choice")
      #expect(page.text.components(separatedBy: "class=\"choice\"").count == 5)
      let cardID = try #require(collection.queue(deck: Fixture.seedDeck).cardIDs.first)
      let step = try await Library(collection: collection, checker: FuzzyAnswerChecker())
        .step(cardID: cardID, mode: .choice)
      let correct = try #require(step.choices?.correct)
      let chosen = try await browser.post(
        "/study/\(id)/choose", form: [("card", String(cardID)), ("choice", String(correct))])
      #expect(chosen.text.contains("Right: rated Good."))
      #expect(try collection.history(cardID: cardID).first?.rating == .good)
    }
  }

  @Test func studyOfAFinishedDeckSaysSo() async throws {
    try await Fixture.withBrowser { browser, collection in
      var options = DeckOptions()
      options.newCardsPerDay = 0
      try collection.setOptions(options, ofDeck: Fixture.hostileDeck)
      let id = try Fixture.deckID(Fixture.hostileDeck, in: collection)
      let response = try await browser.get("/study/\(id)")
      #expect(response.text.contains("All done for today"))
    }
  }

  @Test func browseSearchesFiltersSortsAndPages() async throws {
    try await Fixture.withBrowser { browser, collection in
      let all = try await browser.get("/browse")
      #expect(all.status == .ok)
      #expect(all.text.contains("29 cards"))
      let searched = try await browser.get("/browse?q=beria")
      #expect(searched.text.contains("5 cards matching “beria”"))
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let flagged = try await browser.get("/browse?deck=\(id)&state=flagged")
      #expect(flagged.text.contains("2 cards"))
      #expect(flagged.text.contains("(no question)"))
      let paged = try await browser.get("/browse?perPage=10&page=3&sort=front&order=desc")
      #expect(paged.text.contains("Page 3 of 3"))
      #expect(paged.text.contains("rel=\"prev\""))
    }
  }

  @Test func browseActionsSuspendAndAskBeforeDeleting() async throws {
    try await Fixture.withBrowser { browser, collection in
      let ids = try collection.cards(deck: Fixture.hostileDeck).map(\.id)
      let suspended = try await browser.post(
        "/browse/actions", form: ids.map { ("ids", String($0)) } + [("action", "suspend"), ("return", "/browse?q=x")])
      #expect(suspended.status == .seeOther)
      #expect(suspended.headers[.location] == "/browse?q=x&done=suspend&count=2")
      #expect(try collection.cards(deck: Fixture.hostileDeck).allSatisfy(\.suspended))

      let confirm = try await browser.post("/browse/actions", form: [("ids", String(ids[0])), ("action", "delete")])
      #expect(confirm.status == .ok)
      #expect(confirm.text.contains("Delete 1 card?"))
      #expect(try collection.cards(deck: Fixture.hostileDeck).count == 2)

      let deleted = try await browser.post(
        "/browse/actions", form: [("ids", String(ids[0])), ("action", "delete"), ("confirm", "yes")])
      #expect(deleted.status == .seeOther)
      #expect(try collection.cards(deck: Fixture.hostileDeck).count == 1)

      let elsewhere = try await browser.post(
        "/browse/actions", form: [("ids", String(ids[1])), ("action", "bury"), ("return", "https://evil.example/")])
      #expect(elsewhere.headers[.location] == "/browse?done=bury&count=1")
    }
  }

  @Test func cardPageEditsActsAndShowsHistoryAndCurve() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.seedDeck).first { $0.back.isEmpty })
      _ = try collection.answer(cardID: collection.cards(deck: Fixture.seedDeck)[1].id, rating: .good)
      let page = try await browser.get("/cards/\(card.id)")
      #expect(page.status == .ok)
      #expect(page.text.contains("When was the anti-party coup?"))
      #expect(page.text.contains("Missing a side"))
      #expect(page.text.contains("Not answered yet."))

      let saved = try await browser.post("/cards/\(card.id)/edit", form: [("front", card.front), ("back", "1957\r\n")])
      #expect(saved.headers[.location] == "/cards/\(card.id)?done=saved")
      #expect(try collection.card(id: card.id).back == "1957")

      let suspended = try await browser.post("/cards/\(card.id)/action", form: [("action", "suspend")])
      #expect(suspended.headers[.location] == "/cards/\(card.id)?done=suspend")
      #expect(try collection.card(id: card.id).suspended)
      #expect(try await browser.get("/cards/\(card.id)?done=suspend").text.contains("1 card suspended."))

      let studiedID = try collection.cards(deck: Fixture.seedDeck)[1].id
      let studiedPage = try await browser.get("/cards/\(studiedID)")
      #expect(studiedPage.text.contains("Forgetting curve"))
      #expect(studiedPage.text.contains("<polyline"))
      #expect(studiedPage.text.contains("badge-good"))

      let confirm = try await browser.post("/cards/\(card.id)/action", form: [("action", "delete")])
      #expect(confirm.text.contains("Delete 1 card?"))
      let deleted = try await browser.post(
        "/cards/\(card.id)/action", form: [("action", "delete"), ("confirm", "yes")])
      #expect(deleted.headers[.location] == "/browse?done=delete&count=1")
      #expect(throws: StoreError.self) { try collection.card(id: card.id) }
    }
  }

  @Test func statsPageDrawsEveryChartWithNumbers() async throws {
    try await Fixture.withBrowser { browser, collection in
      for card in try collection.cards(deck: Fixture.seedDeck).prefix(5) {
        _ = try collection.answer(cardID: card.id, rating: .good)
      }
      let response = try await browser.get("/stats")
      #expect(response.status == .ok)
      for heading in ["Reviews per day", "Due forecast", "True retention", "Stability", "Retrievability"] {
        #expect(response.text.contains(heading))
      }
      #expect(response.text.contains("class=\"chart heatmap\""))
      // Four charts; retention waits for cards in review.
      #expect(response.text.components(separatedBy: "<svg class=\"chart").count == 5)
      #expect(response.text.contains("No reviews yet."))
      #expect(response.text.contains("<dd>5</dd>"))
      let id = try Fixture.deckID(Fixture.hostileDeck, in: collection)
      let deck = try await browser.get("/stats?deck=\(id)")
      #expect(deck.status == .ok)
      #expect(deck.text.contains("<option value=\"\(id)\" selected>"))
    }
  }

  @Test func settingsSaveDeckOptionsAndTheme() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let page = try await browser.get("/settings?deck=\(id)")
      #expect(page.text.contains("Desired retention"))
      #expect(page.text.contains("value=\"1m 10m\""))
      let saved = try await browser.post(
        "/settings/deck/\(id)",
        form: [
          ("desiredRetention", "0.85"), ("newCardsPerDay", "10"), ("reviewsPerDay", "150"), ("dayStartHour", "3"),
          ("maximumInterval", "365"), ("learningSteps", "30s 5m 1h"), ("relearningSteps", "10m"),
          ("leechThreshold", "6"), ("leechAction", "suspend"),
        ])
      #expect(saved.headers[.location] == "/settings?deck=\(id)&done=options")
      let options = try collection.options(ofDeck: Fixture.seedDeck)
      #expect(options.desiredRetention == 0.85)
      #expect(options.newCardsPerDay == 10)
      #expect(options.learningSteps == [30, 300, 3600])
      #expect(options.leechAction == .suspend)

      let invalid = try await browser.post("/settings/deck/\(id)", form: [("desiredRetention", "0.5")])
      #expect(invalid.status == .unprocessableContent)
      #expect(invalid.text.contains("between 0.70 and 0.99"))

      let theme = try await browser.post("/settings/theme", form: [("theme", "dark")])
      #expect(theme.status == .seeOther)
      let cookie = try #require(theme.setCookie("recall_theme"))
      #expect(cookie.contains("recall_theme=dark"))
      #expect(cookie.contains("HttpOnly"))
      let dark = try await browser.get("/settings", headers: [.cookie: "recall_theme=dark"])
      #expect(dark.text.contains("<html lang=\"en\" data-theme=\"dark\">"))
    }
  }

  @Test func assetsAreServedWithLongCachingAndValidators() async throws {
    try await Fixture.withBrowser { browser, _ in
      let css = try await browser.get("/assets/app.css")
      #expect(css.status == .ok)
      #expect(css.headers[.contentType] == "text/css; charset=utf-8")
      #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
      let etag = try #require(css.headers[.eTag])
      let cached = try await browser.get("/assets/app.css", headers: [.ifNoneMatch: etag])
      #expect(cached.status == .notModified)
      let script = try await browser.get("/assets/app.js")
      #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
      #expect(!script.text.contains("innerHTML ="))
      #expect(try await browser.get("/favicon.svg").headers[.contentType] == "image/svg+xml")
      #expect(try await browser.get("/healthz").text == "ok")
    }
  }

  @Test func notFoundIsAPageWithAWayBack() async throws {
    try await Fixture.withBrowser { browser, _ in
      let missing = try await browser.get("/no/such/page")
      #expect(missing.status == .notFound)
      #expect(missing.text.contains("Page not found"))
      #expect(missing.text.contains("href=\"/\""))
      #expect(try await browser.get("/cards/999999").status == .notFound)
      #expect(try await browser.get("/study/424242").status == .notFound)
      #expect(try await browser.get("/cards/not-a-number").status == .badRequest)
    }
  }
}
