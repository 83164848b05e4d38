import Foundation
import Hummingbird
import RecallCore
import RecallStore

/// `/api/v1`: everything the pages do, as JSON. The pages' script uses these endpoints; `docs/api.md` describes
/// them for other clients.
struct APIRoutes {
  let library: Library

  func register(on router: Router<AppContext>) {
    let api = router.group("api/v1")
    api.get("session") { _, context in try APIResponse.json(APIModels.Session(csrfToken: context.csrfToken)) }
    api.put("settings") { request, context in
      let settings = try await APIResponse.decode(APIModels.Settings.self, from: request)
      guard let theme = Theme(rawValue: settings.theme) else {
        throw ServerError.invalid("The theme is system, light or dark.")
      }
      var response = try APIResponse.json(settings)
      response.setCookie(PageRoutes.themeCookie(theme, context: context))
      return response
    }
    registerDecks(on: api)
    registerCards(on: api)
    registerImport(on: api)
    api.get("stats") { request, _ in
      let deckID = request.uri.queryParameters["deck"].flatMap { Int64(String($0)) }
      return try APIResponse.json(APIModels.Statistics(try await library.statistics(deckID: deckID)))
    }
  }

  private func registerDecks(on api: RouterGroup<AppContext>) {
    api.get("decks") { _, _ in
      try APIResponse.json(try await library.deckOverviews().map(APIModels.Deck.init))
    }
    api.get("decks/:id") { _, context in
      let id = try context.parameters.require("id", as: Int64.self)
      guard let deck = try await library.deckOverviews().first(where: { $0.summary.id == id }) else {
        throw ServerError.notFound("There is no deck with id \(id).")
      }
      return try APIResponse.json(APIModels.Deck(deck))
    }
    api.get("decks/:id/next") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let query = request.uri.queryParameters
      let after = query["after"].flatMap { Int64(String($0)) }
      let step = try await library.nextStep(deckID: id, after: after, mode: Self.mode(query["mode"]))
      return try APIResponse.json(APIModels.Step(step))
    }
    api.get("decks/:id/options") { _, context in
      let name = try await library.deckName(id: try context.parameters.require("id", as: Int64.self))
      return try APIResponse.json(try await library.read { try $0.options(ofDeck: name) })
    }
    api.patch("decks/:id/options") { request, context in
      let name = try await library.deckName(id: try context.parameters.require("id", as: Int64.self))
      let patch = try await APIResponse.decode(APIModels.OptionsPatch.self, from: request)
      return try APIResponse.json(try await library.updateOptions(ofDeck: name, patch))
    }
    api.get("decks/:id/exam") { _, context in
      let id = try context.parameters.require("id", as: Int64.self)
      guard let overview = try await library.examOverview(deckID: id) else {
        throw ServerError.notFound("Deck \(id) has no exam ahead: PUT one with its date.")
      }
      return try APIResponse.json(APIModels.Exam(overview))
    }
    api.put("decks/:id/exam") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let body = try await APIResponse.decode(ExamRequest.self, from: request)
      guard let overview = try await library.setExam(deckID: id, body) else {
        throw ServerError.invalid("The exam date must be after today.")
      }
      return try APIResponse.json(APIModels.Exam(overview))
    }
    api.delete("decks/:id/exam") { _, context in
      try await library.clearExam(deckID: try context.parameters.require("id", as: Int64.self))
      return Response(status: .noContent)
    }
  }

  private func registerCards(on api: RouterGroup<AppContext>) {
    api.get("cards") { request, _ in
      let query = CardQuery(parameters: Self.parameters(request))
      let results = try await library.cards(query)
      let names = try await library.deckNames(refresh: false)
      let ids = Dictionary(names.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
      return try APIResponse.json(
        APIModels.CardPage(
          total: results.total, page: results.page, pages: results.pages, perPage: query.perPage,
          cards: results.cards.map { APIModels.Card($0, deckID: ids[$0.deck]) }))
    }
    api.post("cards/actions") { request, _ in
      let action = try await APIResponse.decode(APIModels.CardAction.self, from: request)
      let changed = try await library.perform(action.action, on: action.ids)
      return try APIResponse.json(APIModels.ActionResult(changed: changed))
    }
    api.get("cards/:id") { _, context in
      let id = try context.parameters.require("id", as: Int64.self)
      return try APIResponse.json(try await library.detail(cardID: id))
    }
    api.patch("cards/:id") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let edit = try await APIResponse.decode(APIModels.CardEdit.self, from: request)
      let card = try await library.edit(cardID: id, front: edit.front, back: edit.back)
      return try APIResponse.json(APIModels.Card(card, deckID: try? await library.deckID(named: card.deck)))
    }
    api.delete("cards/:id") { _, context in
      let id = try context.parameters.require("id", as: Int64.self)
      _ = try await library.perform("delete", on: [id])
      return Response(status: .noContent)
    }
    api.get("cards/:id/study") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let step = try await library.step(cardID: id, mode: Self.mode(request.uri.queryParameters["mode"]))
      return try APIResponse.json(APIModels.Step(step))
    }
    api.post("cards/:id/answer") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let body = try await APIResponse.decode(APIModels.AnswerRequest.self, from: request)
      return try APIResponse.json(
        try await library.answer(cardID: id, rating: body.rating.rating, durationMs: body.durationMs))
    }
    api.post("cards/:id/check") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let body = try await APIResponse.decode(APIModels.CheckRequest.self, from: request)
      let card = try await library.read { try $0.card(id: id) }
      let check = try await library.checkTyped(body.answer, against: card)
      return try APIResponse.json(APIModels.CheckResult(check))
    }
    api.post("undo") { _, _ in
      struct Undone: Encodable {
        let undone: APIModels.Card?
        // `null` rather than a missing key when there was nothing to undo.
        func encode(to encoder: any Encoder) throws {
          var container = encoder.singleValueContainer()
          try container.encode(["undone": undone])
        }
      }
      guard let card = try await library.write({ try $0.undoLastAnswer() }) else {
        return try APIResponse.json(Undone(undone: nil))
      }
      let deckID = try? await library.deckID(named: card.deck)
      return try APIResponse.json(Undone(undone: APIModels.Card(card, deckID: deckID)))
    }
  }

  private func registerImport(on api: RouterGroup<AppContext>) {
    api.post("import/preview") { request, _ in
      let preview: APIModels.Preview
      if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
        let body = try await APIResponse.decode(APIModels.PreviewRequest.self, from: request)
        preview = try Importing.preview(Data(body.text.utf8), fileName: body.fileName, format: body.format)
      } else {
        // Raw file bytes, as an upload sends them: ?fileName=notes.csv&format=auto.
        let buffer = try await request.body.collect(upTo: BodyLimits.importBytes)
        let query = request.uri.queryParameters
        preview = try Importing.preview(
          Data(buffer.readableBytesView), fileName: query["fileName"].map(String.init),
          format: query["format"].map(String.init))
      }
      return try APIResponse.json(preview)
    }
    api.post("import/package") { request, context in
      let (data, fileName) = try await Self.packageBody(request, context: context)
      guard let kind = PackageImporting.kind(fileName: fileName, data: data) else {
        throw PackageImporting.unknownKind(fileName)
      }
      let dryRun = ["1", "true", "yes"].contains(request.uri.queryParameters["dry_run"]?.lowercased() ?? "")
      let report = try await library.importPackage(
        data, fileName: fileName.isEmpty ? "upload.\(kind.rawValue)" : fileName, kind: kind, dryRun: dryRun)
      return try APIResponse.json(APIModels.PackageImport(report), status: dryRun ? .ok : .created)
    }
    api.post("import") { request, _ in
      let body = try await APIResponse.decode(APIModels.SaveRequest.self, from: request)
      let cards = body.cards.enumerated().map { index, card in
        ImportedCard(front: card.front, back: card.back, line: card.line ?? index + 1, tags: card.tags ?? [])
      }
      return try APIResponse.json(try await library.save(cards, toDeck: body.deck), status: .created)
    }
  }

  /// A package sent to `import/package`: the raw body named by `?fileName=`, or a form's `file` field.
  private static func packageBody(_ request: Request, context: AppContext) async throws
    -> (data: Data, fileName: String)
  {
    let queryName = request.uri.queryParameters["fileName"].map { (String($0) as NSString).lastPathComponent } ?? ""
    if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
      guard let file = try await FormData.read(request, context: context).files["file"] else {
        throw ServerError.badRequest("The form has no “file” field holding the package.")
      }
      return (file.data, queryName.isEmpty ? file.fileName : queryName)
    }
    let buffer = try await request.body.collect(upTo: BodyLimits.packageBytes)
    guard buffer.readableBytes > 0 else { throw ServerError.badRequest("The request has no body: send the package.") }
    return (Data(buffer.readableBytesView), queryName)
  }

  /// The study mode named in a query, flip by default.
  static func mode(_ value: Substring?) -> StudyMode {
    value.flatMap { StudyMode(rawValue: String($0)) } ?? .flip
  }

  /// The query parameters as strings (the first value of each).
  static func parameters(_ request: Request) -> [String: String] {
    var parameters: [String: String] = [:]
    for (key, value) in request.uri.queryParameters where parameters[String(key)] == nil {
      parameters[String(key)] = String(value)
    }
    return parameters
  }
}
