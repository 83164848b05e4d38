import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// `/api/v1`, endpoint by endpoint, with the error cases a client meets.
@Suite struct APIRouteTests {
  @Test func sessionGivesTheTokenAndSetsItsCookie() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.client.execute(uri: "/api/v1/session", method: .get)
      let session = try browser.decode(APIModels.Session.self, response)
      let cookie = try #require(response.setCookie("recall_csrf"))
      #expect(cookie.hasPrefix("recall_csrf=\(session.csrfToken)"))
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
    }
  }

  @Test func decksListTheirCountsAndToday() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.get("/api/v1/decks")
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "application/json; charset=utf-8")
      let decks = try browser.decode([APIModels.Deck].self, response)
      let seed = try #require(decks.first { $0.name == Fixture.seedDeck })
      #expect(seed.cards == 27)
      #expect(seed.flagged == 2)
      #expect(seed.today.new == 20)
      #expect(seed.today.total == 20)
      let one = try await browser.get("/api/v1/decks/\(seed.id)")
      #expect(try browser.decode(APIModels.Deck.self, one).name == Fixture.seedDeck)
      #expect(try await browser.get("/api/v1/decks/999").status == .notFound)
    }
  }

  @Test func nextAnswerUndoAndStudyOfOneCard() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let step = try browser.decode(APIModels.Step.self, try await browser.get("/api/v1/decks/\(id)/next"))
      let card = try #require(step.card)
      #expect(card.front == "Khrushchevs rule had two main policies")
      #expect(card.backBlocks.first?.kind == .bullets)
      #expect(card.intervals.again == "1m")
      #expect(step.counts.new == 20)
      #expect(step.flagged == 2)

      let answered = try await browser.json(
        .post, "/api/v1/cards/\(card.id)/answer", #"{"rating":"good","durationMs":4200}"#)
      #expect(answered.status == .ok)
      let result = try browser.decode(APIModels.AnswerResult.self, answered)
      #expect(result.card.state == "learning")
      #expect(result.interval == "10m")
      #expect(try collection.history(cardID: card.id).first?.durationMs == 4200)

      let next = try browser.decode(
        APIModels.Step.self, try await browser.get("/api/v1/decks/\(id)/next?after=\(card.id)"))
      #expect(next.card?.id != card.id)
      #expect(next.counts.new == 19)

      let undone = try await browser.json(.post, "/api/v1/undo")
      #expect(undone.text.contains("\"id\":\(card.id)"))
      #expect(try collection.history(cardID: card.id).isEmpty)
      let nothing = try await browser.json(.post, "/api/v1/undo")
      #expect(nothing.text == #"{"undone":null}"#)

      let again = try browser.decode(
        APIModels.Step.self, try await browser.get("/api/v1/cards/\(card.id)/study?mode=choice"))
      #expect(again.card?.id == card.id)
      #expect(again.card?.choices?.count == 4)
      let correct = try #require(again.card?.correctChoice)
      #expect(again.card?.choices?[correct].text == card.back)
      // The same question `recall study --choice` asks: RecallCore's builder over the deck.
      let builder = QuizBuilder(cards: try collection.quizCards(deck: Fixture.seedDeck), seed: 0)
      let question = builder.multipleChoice(for: QuizCard(id: card.id, front: card.front, back: card.back))
      #expect(again.card?.choices?.map(\.text) == question?.options)
    }
  }

  @Test func answerTakesNumbersOrNamesAndRefusesOthers() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.hostileDeck).first)
      #expect(try await browser.json(.post, "/api/v1/cards/\(card.id)/answer", #"{"rating":1}"#).status == .ok)
      let bad = try await browser.json(.post, "/api/v1/cards/\(card.id)/answer", #"{"rating":7}"#)
      #expect(bad.status == .badRequest)
      #expect(bad.text.contains("rating"))
      let missing = try await browser.json(.post, "/api/v1/cards/\(card.id)/answer", #"{"durationMs":5}"#)
      #expect(missing.status == .badRequest)
      #expect(missing.text.contains("“rating” is missing"))
      let unknown = try await browser.json(.post, "/api/v1/cards/987654/answer", #"{"rating":3}"#)
      #expect(unknown.status == .notFound)
      #expect(unknown.text.contains("no card with id 987654"))
    }
  }

  @Test func badJSONIsA400WithTheReason() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.hostileDeck).first)
      let broken = try await browser.json(.post, "/api/v1/cards/\(card.id)/answer", #"{"rating": 3"#)
      #expect(broken.status == .badRequest)
      struct Failure: Decodable {
        struct Detail: Decodable {
          let status: Int
          let message: String
        }
        let error: Detail
      }
      let failure = try browser.decode(Failure.self, broken)
      #expect(failure.error.status == 400)
      #expect(failure.error.message == "The JSON body is not what this endpoint expects: it is not valid JSON.")
      let wrongType = try await browser.json(.post, "/api/v1/import", #"{"deck": 5, "cards": []}"#)
      #expect(wrongType.status == .badRequest)
      #expect(wrongType.text.contains("“deck” should be a string"))
      let notJSON = try await browser.json(
        .post, "/api/v1/cards/\(card.id)/answer", "rating=3", contentType: "application/x-www-form-urlencoded")
      #expect(notJSON.status == .unsupportedMediaType)
      let empty = try await browser.json(.post, "/api/v1/cards/\(card.id)/check", "")
      #expect(empty.status == .badRequest)
    }
  }

  @Test func typedAnswersAreComparedByTheChecker() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.seedDeck).first { $0.back.hasPrefix("Premier") })
      let response = try await browser.json(
        .post, "/api/v1/cards/\(card.id)/check", #"{"answer":"premier of the soviet union"}"#)
      let check = try browser.decode(APIModels.CheckResult.self, response)
      // The diff still shows the gloss in brackets as not typed, but the grader counts the point as recalled.
      #expect(check.similarity > 0.5)
      #expect(check.segments.contains { $0.kind == "matched" })
      #expect(check.segments.contains { $0.kind == "missing" && $0.text.contains("prime minister") })
      #expect(check.points?.hit == 1)
      #expect(check.points?.verdict == "correct")
      #expect(check.suggestedRating.rating == .good)
      #expect(check.missed.isEmpty)
    }
  }

  @Test func typedListsAreGradedPointByPointAgainstTheDeck() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.seedDeck).first { $0.front.contains("main players") })
      let partial = try browser.decode(
        APIModels.CheckResult.self,
        try await browser.json(.post, "/api/v1/cards/\(card.id)/check", #"{"answer":"beria and malenkov"}"#))
      #expect(partial.points?.hit == 2)
      #expect(partial.points?.total == 3)
      #expect(partial.points?.verdict == "partial")
      #expect(partial.missed == ["Khrushchev"])
      #expect(partial.suggestedRating.rating == .again)
      let reordered = try browser.decode(
        APIModels.CheckResult.self,
        try await browser.json(
          .post, "/api/v1/cards/\(card.id)/check", #"{"answer":"khrushchev, beria, malenkov"}"#))
      #expect(reordered.points?.verdict == "correct")
      #expect(reordered.suggestedRating.rating == .good)

      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let page = try await browser.post(
        "/study/\(id)/check", form: [("card", String(card.id)), ("answer", "Beria, Malenkov")])
      #expect(page.text.contains("verdict-partial\">2 of 3 points</strong> · partial"))
      #expect(page.text.contains("Missed: <mark>Khrushchev</mark>"))
    }
  }

  @Test func cardsListFiltersAndPages() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let page = try browser.decode(
        APIModels.CardPage.self, try await browser.get("/api/v1/cards?deck=\(id)&state=flagged"))
      #expect(page.total == 2)
      #expect(page.cards.allSatisfy { $0.flagged && $0.deckId == id })
      let paged = try browser.decode(
        APIModels.CardPage.self, try await browser.get("/api/v1/cards?perPage=5&page=2&sort=front"))
      #expect(paged.total == 29)
      #expect(paged.pages == 6)
      #expect(paged.cards.count == 5)
      let search = try browser.decode(APIModels.CardPage.self, try await browser.get("/api/v1/cards?q=MALENKOV"))
      #expect(search.total == (try collection.cards(search: "malenkov").count))
      #expect(search.total > 0)
    }
  }

  @Test func cardDetailEditActionsAndDelete() async throws {
    try await Fixture.withBrowser { browser, collection in
      let card = try #require(collection.cards(deck: Fixture.seedDeck).first { $0.front.isEmpty })
      let detail = try browser.decode(APIModels.CardDetail.self, try await browser.get("/api/v1/cards/\(card.id)"))
      #expect(detail.card.flagged)
      #expect(detail.retrievability == nil)
      #expect(detail.history.isEmpty)

      let edited = try await browser.json(
        .patch, "/api/v1/cards/\(card.id)", #"{"front":"Aims of Khrushchev's government"}"#)
      #expect(edited.status == .ok)
      #expect(try browser.decode(APIModels.Card.self, edited).flagged == false)
      #expect(try collection.card(id: card.id).front == "Aims of Khrushchev's government")
      let emptied = try await browser.json(.patch, "/api/v1/cards/\(card.id)", #"{"front":"","back":"  "}"#)
      #expect(emptied.status == .unprocessableContent)

      let suspended = try await browser.json(
        .post, "/api/v1/cards/actions", #"{"action":"suspend","ids":[\#(card.id)]}"#)
      #expect(try browser.decode(APIModels.ActionResult.self, suspended).changed == 1)
      #expect(try collection.card(id: card.id).suspended)
      let unknownAction = try await browser.json(
        .post, "/api/v1/cards/actions", #"{"action":"explode","ids":[\#(card.id)]}"#)
      #expect(unknownAction.status == .unprocessableContent)
      let unknownCard = try await browser.json(.post, "/api/v1/cards/actions", #"{"action":"bury","ids":[424242]}"#)
      #expect(unknownCard.status == .notFound)

      #expect(try await browser.json(.delete, "/api/v1/cards/\(card.id)").status == .noContent)
      #expect(try await browser.get("/api/v1/cards/\(card.id)").status == .notFound)
    }
  }

  @Test func importPreviewFromJSONAndFromRawBytes() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, _ in
      struct Body: Encodable { let text: String }
      let json = String(decoding: try JSONEncoder().encode(Body(text: Fixture.seedText)), as: UTF8.self)
      let preview = try browser.decode(
        APIModels.Preview.self, try await browser.json(.post, "/api/v1/import/preview", json))
      #expect(preview.format == "paste")
      #expect(preview.cards.count == 27)
      #expect(preview.flagged == 2)
      #expect(preview.deckName == Fixture.seedDeck)
      #expect(preview.cards[0].warnings.map(\.line) == [2])
      #expect(preview.cards.last?.warnings.map(\.line) == [81])

      let raw = try await browser.json(
        .post, "/api/v1/import/preview?fileName=capitals.tsv", "France\tParis\nSpain\tMadrid\n",
        contentType: "text/tab-separated-values")
      let tsv = try browser.decode(APIModels.Preview.self, raw)
      #expect(tsv.format == "tsv")
      #expect(tsv.deckName == "capitals")

      let unknown = try await browser.json(.post, "/api/v1/import/preview", #"{"text":"a\nb","format":"docx"}"#)
      #expect(unknown.status == .unprocessableContent)
      let empty = try await browser.json(.post, "/api/v1/import/preview", #"{"text":"   "}"#)
      #expect(empty.status == .unprocessableContent)
      #expect(empty.text.contains("holds no cards"))
    }
  }

  @Test func importSaveCreatesTheDeckAndReimportUpdates() async throws {
    try await Fixture.withBrowser(seeded: false) { browser, collection in
      let body = #"{"deck":"Capitals","cards":[{"front":"France","back":"Paris"},{"front":"Spain","back":""}]}"#
      let created = try await browser.json(.post, "/api/v1/import", body)
      #expect(created.status == .created)
      let result = try browser.decode(APIModels.SaveResult.self, created)
      #expect(result.added == 2)
      #expect(result.flagged == 1)
      #expect(result.deckId == (try Fixture.deckID("Capitals", in: collection)))
      let again = try await browser.json(
        .post, "/api/v1/import", #"{"deck":"Capitals","cards":[{"front":"Spain","back":"Madrid"}]}"#)
      #expect(try browser.decode(APIModels.SaveResult.self, again).updated == 1)
      let nameless = try await browser.json(.post, "/api/v1/import", #"{"deck":"","cards":[{"front":"a","back":"b"}]}"#)
      #expect(nameless.status == .unprocessableContent)
      let cardless = try await browser.json(.post, "/api/v1/import", #"{"deck":"X","cards":[]}"#)
      #expect(cardless.status == .unprocessableContent)
    }
  }

  @Test func statsOfTheCollectionAndOfADeck() async throws {
    try await Fixture.withBrowser { browser, collection in
      for card in try collection.cards(deck: Fixture.hostileDeck) {
        _ = try collection.answer(cardID: card.id, rating: .good)
      }
      let all = try browser.decode(APIModels.Statistics.self, try await browser.get("/api/v1/stats"))
      #expect(all.summary.reviewedToday == 2)
      #expect(all.days.count == 365)
      #expect(all.days.last?.reviews == 2)
      #expect(all.weeks.count == 16)
      #expect(all.stability.reduce(0) { $0 + $1.count } == 2)
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let deck = try browser.decode(APIModels.Statistics.self, try await browser.get("/api/v1/stats?deck=\(id)"))
      #expect(deck.summary.reviewedToday == 0)
      #expect(deck.summary.flagged == 2)
      #expect(try await browser.get("/api/v1/stats?deck=77777").status == .notFound)
    }
  }

  @Test func deckOptionsReadAndPatch() async throws {
    try await Fixture.withBrowser { browser, collection in
      let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
      let options = try browser.decode(DeckOptions.self, try await browser.get("/api/v1/decks/\(id)/options"))
      #expect(options.desiredRetention == 0.9)
      let patched = try await browser.json(
        .patch, "/api/v1/decks/\(id)/options", #"{"desiredRetention":0.95,"newCardsPerDay":5}"#)
      #expect(try browser.decode(DeckOptions.self, patched).newCardsPerDay == 5)
      #expect(try collection.options(ofDeck: Fixture.seedDeck).desiredRetention == 0.95)
      let invalid = try await browser.json(.patch, "/api/v1/decks/\(id)/options", #"{"dayStartHour":30}"#)
      #expect(invalid.status == .unprocessableContent)
      #expect(invalid.text.contains("0 to 23"))
    }
  }

  @Test func settingsSetTheThemeCookie() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.json(.put, "/api/v1/settings", #"{"theme":"light"}"#)
      #expect(response.status == .ok)
      #expect(response.setCookie("recall_theme")?.hasPrefix("recall_theme=light") == true)
      let invalid = try await browser.json(.put, "/api/v1/settings", #"{"theme":"neon"}"#)
      #expect(invalid.status == .unprocessableContent)
    }
  }

  @Test func unknownEndpointsAre404sInJSON() async throws {
    try await Fixture.withBrowser { browser, _ in
      let response = try await browser.get("/api/v1/nothing/here")
      #expect(response.status == .notFound)
      #expect(response.headers[.contentType] == "application/json; charset=utf-8")
      #expect(response.text == #"{"error":{"message":"There is nothing at this address.","status":404}}"#)
      #expect(try await browser.get("/api/v1/decks/1/next?mode=flip").status != .internalServerError)
    }
  }
}
