import Foundation
import Hummingbird
import RecallCore
import RecallStore

/// The pages, and the plain form posts that make them work without JavaScript. Every post answers with a
/// redirect (so reloading never posts twice) or, for an invalid form, the page again with what went wrong.
struct PageRoutes {
  let library: Library
  let login: PasswordLogin?

  func register(on router: Router<AppContext>) {
    router.get("healthz") { _, _ in "ok" }
    router.get("/") { request, context in
      let decks = try await library.deckOverviews()
      return Layout.response(DecksPage.render(decks, notice: Self.notice(request)), context: context)
    }
    registerImport(on: router)
    registerStudy(on: router)
    registerBrowse(on: router)
    registerStatsAndSettings(on: router)
    registerLogin(on: router)
  }

  // MARK: Import

  private func registerImport(on router: Router<AppContext>) {
    router.get("import") { _, context in
      Layout.response(ImportPage.render(input: .init(), preview: nil, context: context), context: context)
    }
    router.post("import") { request, context in
      let form = try await FormData.read(request, context: context)
      var input = ImportPage.Input(text: form["text"] ?? "", format: form["format"] ?? "auto")
      let data: Data
      let fileName: String?
      if let file = form.files["file"] {
        // A package picked in the text form (without the script, which hands it to the package form).
        if PackageImporting.kind(fileName: file.fileName, data: file.data) != nil {
          return await PackageImportRoutes.preview(file, library: library, context: context)
        }
        data = file.data
        fileName = file.fileName
        input.text = String(decoding: file.data.prefix(BodyLimits.importBytes), as: UTF8.self)
      } else {
        data = Data(input.text.utf8)
        fileName = nil
      }
      do {
        let preview = try Importing.preview(data, fileName: fileName, format: input.format)
        return Layout.response(ImportPage.render(input: input, preview: preview, context: context), context: context)
      } catch {
        let failure = ErrorMiddleware.serverError(for: error)
        var page = ImportPage.render(input: input, preview: nil, error: failure.message, context: context)
        page.status = failure.status
        return Layout.response(page, context: context)
      }
    }
    router.post("import/save") { request, context in
      let form = try await FormData.read(request, context: context)
      let fronts = form.all("front")
      let backs = form.all("back")
      let lines = form.all("line")
      guard fronts.count == backs.count else { throw ServerError.badRequest("The cards in the form are incomplete.") }
      var cards = zip(fronts, backs).enumerated().map { index, pair in
        ImportedCard(
          front: pair.0, back: pair.1, line: lines.indices.contains(index) ? Int(lines[index]) ?? index + 1 : index + 1)
      }
      let input = ImportPage.Input(text: form["text"] ?? "", format: form["format"] ?? "auto", deck: form["deck"] ?? "")
      let op = form["op"] ?? "save"
      if op != "save" {
        if let edit = Self.edit(op, form: form) { cards = Importing.apply(edit, to: cards) }
        let preview = Self.preview(of: cards, format: input.format, deck: input.deck)
        return Layout.response(ImportPage.render(input: input, preview: preview, context: context), context: context)
      }
      do {
        let result = try await library.save(cards, toDeck: input.deck)
        return Response.redirect(
          to: "/?saved=\(result.deckId)&added=\(result.added)&updated=\(result.updated)&flagged=\(result.flagged)")
      } catch {
        let failure = ErrorMiddleware.serverError(for: error)
        let preview = Self.preview(of: cards, format: input.format, deck: input.deck)
        var page = ImportPage.render(input: input, preview: preview, error: failure.message, context: context)
        page.status = failure.status
        return Layout.response(page, context: context)
      }
    }
  }

  /// The edit a button of the import editor asks for.
  private static func edit(_ op: String, form: FormData) -> Importing.Edit? {
    let parts = op.split(separator: ":")
    guard parts.count == 2, let index = Int(parts[1]) else { return nil }
    switch parts[0] {
    case "merge": return .merge(index)
    case "delete": return .delete(index)
    case "split":
      guard let line = form["splitAt-\(index)"].flatMap({ Int($0) }) else { return nil }
      return .split(index, atLine: line)
    default: return nil
    }
  }

  /// A preview of cards edited in the form: warnings no longer apply once the cards were edited by hand.
  private static func preview(of cards: [ImportedCard], format: String, deck: String) -> APIModels.Preview {
    let previewCards = cards.map {
      APIModels.PreviewCard(
        front: $0.front, back: $0.back, line: $0.line, tags: $0.tags, flagged: $0.isIncomplete, warnings: [])
    }
    return APIModels.Preview(
      format: format, title: nil, deckName: deck, cards: previewCards, warnings: [],
      flagged: previewCards.filter(\.flagged).count)
  }

  // MARK: Study

  private func registerStudy(on router: Router<AppContext>) {
    router.get("study/:id") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let query = request.uri.queryParameters
      let mode = APIRoutes.mode(query["mode"])
      var step: StudyStep
      if let cardID = query["card"].flatMap({ Int64(String($0)) }) {
        step = try await library.step(cardID: cardID, mode: mode)
        guard step.deckID == id else { throw ServerError.notFound("Card \(cardID) is not in this deck.") }
      } else {
        step = try await library.nextStep(
          deckID: id, after: query["after"].flatMap { Int64(String($0)) }, mode: mode)
      }
      var state = StudyPage.State(step: step, mode: mode, revealed: query["reveal"] == "1")
      if query["undone"] == "1" { state.message = "Answer taken back." }
      if step.card == nil {
        let deck = step.deckName
        state.today = try await library.read { try $0.statistics(deck: deck) }
      }
      return Layout.response(StudyPage.render(state, context: context), context: context)
    }
    router.post("study/:id/answer") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      guard let cardID = form["card"].flatMap({ Int64($0) }),
        let rating = form["rating"].flatMap({ Int($0) }).flatMap(Rating.init(rawValue:))
      else { throw ServerError.badRequest("Choose a rating from 1 (Again) to 4 (Easy).") }
      _ = try await library.answer(cardID: cardID, rating: rating, durationMs: Self.duration(form))
      return Response.redirect(to: "/study/\(id)?mode=\(form["mode"] ?? "flip")&after=\(cardID)")
    }
    router.post("study/:id/check") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      guard let cardID = form["card"].flatMap({ Int64($0) }) else { throw ServerError.badRequest("No card given.") }
      let step = try await library.step(cardID: cardID, mode: .type)
      guard step.deckID == id, let card = step.card else { throw ServerError.notFound("No such card here.") }
      let check = try await library.checkTyped(form["answer"] ?? "", against: card)
      let state = StudyPage.State(step: step, mode: .type, revealed: true, check: check)
      return Layout.response(StudyPage.render(state, context: context), context: context)
    }
    router.post("study/:id/choose") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      guard let cardID = form["card"].flatMap({ Int64($0) }), let chosen = form["choice"].flatMap({ Int($0) }) else {
        throw ServerError.badRequest("Pick one of the options.")
      }
      let step = try await library.step(cardID: cardID, mode: .choice)
      guard step.deckID == id, let choices = step.choices else { throw ServerError.notFound("No such card here.") }
      let rating: Rating = chosen == choices.correct ? .good : .again
      _ = try await library.answer(cardID: cardID, rating: rating, durationMs: Self.duration(form))
      let state = StudyPage.State(step: step, mode: .choice, revealed: true, chosen: chosen)
      return Layout.response(StudyPage.render(state, context: context), context: context)
    }
    router.post("study/:id/undo") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      let mode = form["mode"].flatMap(StudyMode.init(rawValue:)) ?? .flip
      guard let card = try await library.write({ try $0.undoLastAnswer() }) else {
        return Response.redirect(to: "/study/\(id)?mode=\(mode.rawValue)")
      }
      let deckID = try await library.deckID(named: card.deck)
      return Response.redirect(to: "/study/\(deckID)?mode=\(mode.rawValue)&card=\(card.id)&undone=1")
    }
  }

  /// Milliseconds since the card was shown, from the form's `shownAt`.
  private static func duration(_ form: FormData) -> Int? {
    guard let shownAt = form["shownAt"].flatMap({ Double($0) }) else { return nil }
    return Int(Date().timeIntervalSince1970 * 1000 - shownAt)
  }

  // MARK: Browse and cards

  private func registerBrowse(on router: Router<AppContext>) {
    router.get("browse") { request, context in
      let query = CardQuery(parameters: APIRoutes.parameters(request))
      let results = try await library.cards(query)
      let decks = try await library.deckNames(refresh: false)
      let page = BrowsePage.render(
        query: query, results: results, decks: decks, notice: Self.notice(request), context: context)
      return Layout.response(page, context: context)
    }
    router.post("browse/actions") { request, context in
      let form = try await FormData.read(request, context: context)
      let ids = form.all("ids").compactMap { Int64($0) }
      let action = form["action"] ?? ""
      let returnTo = form["return"].flatMap { URLText.isLocalPath($0) ? $0 : nil } ?? "/browse"
      if action == "delete", form["confirm"] != "yes", !ids.isEmpty {
        return Layout.response(
          BrowsePage.confirmDelete(ids: ids, returnTo: returnTo, context: context), context: context)
      }
      let changed = try await library.perform(action, on: ids)
      let separator = returnTo.contains("?") ? "&" : "?"
      return Response.redirect(to: "\(returnTo)\(separator)done=\(action)&count=\(changed)")
    }
    router.get("cards/:id") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let detail = try await library.detail(cardID: id)
      let (card, options) = try await library.read { collection in
        let card = try collection.card(id: id)
        return (card, try collection.options(ofDeck: card.deck))
      }
      let page = CardPage.render(detail, card: card, options: options, notice: Self.notice(request), context: context)
      return Layout.response(page, context: context)
    }
    router.post("cards/:id/edit") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      _ = try await library.edit(cardID: id, front: form["front"], back: form["back"])
      return Response.redirect(to: "/cards/\(id)?done=saved")
    }
    router.post("cards/:id/action") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      let action = form["action"] ?? ""
      if action == "delete" {
        guard form["confirm"] == "yes" else {
          return Layout.response(
            BrowsePage.confirmDelete(ids: [id], returnTo: "/browse", context: context), context: context)
        }
      }
      _ = try await library.perform(action, on: [id])
      return Response.redirect(to: action == "delete" ? "/browse?done=delete&count=1" : "/cards/\(id)?done=\(action)")
    }
  }

  // MARK: Stats and settings

  private func registerStatsAndSettings(on router: Router<AppContext>) {
    router.get("stats") { request, context in
      let deckID = request.uri.queryParameters["deck"].flatMap { Int64(String($0)) }
      let statistics = try await library.statistics(deckID: deckID)
      let decks = try await library.deckNames(refresh: false)
      let exams = try await library.examOverviews(deckID: deckID)
      return Layout.response(
        StatsPage.render(statistics, exams: exams, deckID: deckID, decks: decks), context: context)
    }
    router.get("settings") { request, context in
      let decks = try await library.deckNames(refresh: false)
      let chosen = request.uri.queryParameters["deck"].flatMap { Int64(String($0)) }
      let sorted = decks.sorted { $0.value.localizedCaseInsensitiveCompare($1.value) == .orderedAscending }
      let deck = chosen.flatMap { id in decks[id].map { (id, $0) } } ?? sorted.first.map { ($0.key, $0.value) }
      let options = try await deck.asyncMap { deck in try await library.read { try $0.options(ofDeck: deck.1) } }
      let exam = try await deck.asyncMap { deck in try await library.examOverview(deckID: deck.0) } ?? nil
      let page = SettingsPage.render(
        deck: deck, options: options, exam: exam, decks: decks, notice: Self.notice(request), context: context)
      return Layout.response(page, context: context)
    }
    router.post("settings/deck/:id/exam") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let form = try await FormData.read(request, context: context)
      if form["action"] == "clear" {
        try await library.clearExam(deckID: id)
        return Response.redirect(to: "/settings?deck=\(id)&done=exam-cleared#exam")
      }
      guard let date = form["date"], !date.isEmpty else { throw ServerError.invalid("Pick the exam date.") }
      let target = try form["target"].flatMap { text -> Double? in
        guard !text.isEmpty else { return nil }
        // The form asks for a percentage.
        guard let percent = Double(text) else { throw ServerError.invalid("“\(text)” is not a percentage.") }
        return percent / 100
      }
      let cap = try form["maxPerDay"].flatMap { text -> Int? in
        guard !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw ServerError.invalid("“\(text)” is not a whole number.") }
        return value
      }
      _ = try await library.setExam(
        deckID: id, ExamRequest(date: date, targetRecall: target, maximumCardsPerDay: cap))
      return Response.redirect(to: "/settings?deck=\(id)&done=exam#exam")
    }
    router.post("settings/deck/:id") { request, context in
      let id = try context.parameters.require("id", as: Int64.self)
      let name = try await library.deckName(id: id)
      let form = try await FormData.read(request, context: context)
      var patch = APIModels.OptionsPatch()
      func integer(_ name: String) throws -> Int? {
        guard let text = form[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw ServerError.invalid("“\(text)” is not a whole number.") }
        return value
      }
      patch.desiredRetention = form["desiredRetention"].flatMap { Double($0) }
      patch.newCardsPerDay = try integer("newCardsPerDay")
      patch.reviewsPerDay = try integer("reviewsPerDay")
      patch.dayStartHour = try integer("dayStartHour")
      patch.maximumInterval = try integer("maximumInterval")
      patch.leechThreshold = try integer("leechThreshold")
      patch.leechAction = form["leechAction"].flatMap(DeckOptions.LeechAction.init(rawValue:))
      for (field, label) in [("learningSteps", "learning"), ("relearningSteps", "relearning")] {
        guard let text = form[field] else { continue }
        guard let steps = try? StepText.parse(text) else {
          throw ServerError.invalid("The \(label) steps should look like “1m 10m”.")
        }
        if field == "learningSteps" { patch.learningSteps = steps } else { patch.relearningSteps = steps }
      }
      _ = try await library.updateOptions(ofDeck: name, patch)
      return Response.redirect(to: "/settings?deck=\(id)&done=options")
    }
    router.post("settings/theme") { request, context in
      let form = try await FormData.read(request, context: context)
      guard let theme = form["theme"].flatMap(Theme.init(rawValue:)) else {
        throw ServerError.invalid("The theme is system, light or dark.")
      }
      var response = Response.redirect(to: "/settings?done=theme")
      response.setCookie(Self.themeCookie(theme, context: context))
      return response
    }
  }

  /// The cookie remembering the theme for a year.
  static func themeCookie(_ theme: Theme, context: AppContext) -> Cookie {
    Cookie(
      name: RequestInfoMiddleware.themeCookie, value: theme.rawValue, maxAge: 365 * 86_400, path: "/",
      secure: context.isSecure, httpOnly: true, sameSite: .strict)
  }

  // MARK: Login

  private func registerLogin(on router: Router<AppContext>) {
    router.get("login") { request, context in
      guard login != nil else { return Response.redirect(to: "/") }
      let next = request.uri.queryParameters["next"].map(String.init).flatMap { URLText.isLocalPath($0) ? $0 : nil }
      return Layout.response(LoginPage.render(next: next ?? "/", error: nil, context: context), context: context)
    }
    router.post("login") { request, context in
      guard let login else { return Response.redirect(to: "/") }
      let form = try await FormData.read(request, context: context)
      let next = form["next"].flatMap { URLText.isLocalPath($0) ? $0 : nil } ?? "/"
      if let wait = login.retryAfter(address: context.remoteAddress) {
        var failure = ServerError(
          status: .tooManyRequests,
          message: "Too many wrong passwords. Try again in \(Int(wait / 60) + 1) minutes.")
        failure.headers[.retryAfter] = String(Int(wait.rounded(.up)))
        throw failure
      }
      let password = form["password"] ?? ""
      let correct = try await library.read { _ in login.verify(password) }
      guard correct else {
        login.recordFailure(address: context.remoteAddress)
        var page = LoginPage.render(next: next, error: "That password is not right.", context: context)
        page.status = .unauthorized
        return Layout.response(page, context: context)
      }
      var response = Response.redirect(to: next)
      response.setCookie(
        Cookie(
          name: PasswordLogin.cookieName, value: login.startSession(), maxAge: Int(login.sessionLifetime), path: "/",
          secure: context.isSecure, httpOnly: true, sameSite: .strict))
      return response
    }
    router.post("logout") { request, context in
      login?.endSession(token: request.cookies[PasswordLogin.cookieName]?.value)
      var response = Response.redirect(to: login == nil ? "/" : "/login")
      response.setCookie(
        Cookie(
          name: PasswordLogin.cookieName, value: "", maxAge: 0, path: "/", secure: context.isSecure, httpOnly: true,
          sameSite: .strict))
      return response
    }
  }

  // MARK: Notices

  /// The message for a `done=…` (or `saved=…`) parameter left by a redirect after a form post.
  static func notice(_ request: Request) -> HTML? {
    let query = request.uri.queryParameters
    func number(_ key: String) -> Int { query[Substring(key)].flatMap { Int(String($0)) } ?? 0 }
    if query["saved"] != nil {
      var text = "Saved: \(Components.plural(number("added"), "new card"))"
      if number("updated") > 0 { text += ", \(number("updated")) updated" }
      if number("flagged") > 0 { text += ". \(Components.plural(number("flagged"), "card")) still miss a side" }
      return Components.notice(HTML(text: text + "."), kind: "success")
    }
    if query["imported"] != nil {
      var text = "Imported: \(Components.plural(number("imported"), "new card"))"
      if number("present") > 0 { text += " (\(number("present")) already there)" }
      text += ", \(Components.plural(number("reviews"), "review")), \(Components.plural(number("media"), "media file"))"
      return Components.notice(HTML(text: text + "."), kind: "success")
    }
    let count = number("count")
    let message: String
    switch query["done"].map(String.init) {
    case "suspend": message = "\(Components.plural(max(1, count), "card")) suspended."
    case "unsuspend": message = "\(Components.plural(max(1, count), "card")) back in study."
    case "bury": message = "\(Components.plural(max(1, count), "card")) buried until tomorrow."
    case "reset": message = "\(Components.plural(max(1, count), "card")) reset to new."
    case "delete": message = "\(Components.plural(max(1, count), "card")) deleted."
    case "saved": message = "Card saved."
    case "options": message = "Options saved."
    case "theme": message = "Theme saved."
    case "exam": message = "Exam set: each day's study now follows the plan below."
    case "exam-cleared": message = "Exam cleared: plain FSRS scheduling resumes."
    default: return nil
    }
    return Components.notice(HTML(text: message), kind: "success")
  }
}
