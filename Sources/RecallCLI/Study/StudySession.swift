import Foundation
import RecallCore
import RecallStore

/// A study session over one deck: picks the next card from today's queue, shows it, reads the answer and commits
/// it before the next card shows, so nothing already answered is lost to Ctrl-C, a closed terminal or `kill -9`.
final class StudySession {
  enum Mode {
    case flip
    case type
    case choice
  }

  let collection: Collection
  let deck: String
  let screen: any StudyScreen
  let mode: Mode
  let cram: Bool
  let limit: Int?
  let newCards: Int?
  let checker: any AnswerChecking
  private var answered: [(cardID: Int64, rating: Rating)] = []
  /// New cards seen before this session began today, so `--new N` means N more.
  private lazy var newStudied: Int = (try? collection.newCardsStudiedToday(deck: deck)) ?? 0
  private var cramQueue: [Int64] = []
  /// The deck prepared for multiple choice: built on the first question, again after an edit.
  private var quizBuilder: QuizBuilder?
  private let start = Date()

  init(
    collection: Collection, deck: String, screen: any StudyScreen, mode: Mode, cram: Bool, limit: Int?,
    newCards: Int? = nil, checker: any AnswerChecking = FuzzyAnswerChecker()
  ) {
    self.newCards = newCards
    self.collection = collection
    self.deck = deck
    self.screen = screen
    self.mode = mode
    self.cram = cram
    self.limit = limit
    self.checker = checker
  }

  /// Runs the session until the queue is empty, the limit is reached, the student quits or input ends.
  func run() throws {
    if cram { cramQueue = try collection.cramCardIDs(deck: deck) }
    let flagged = try collection.queue(deck: deck).flagged
    if flagged > 0 {
      screen.say(
        "\(flagged) card\(flagged == 1 ? "" : "s") with a missing side skipped: "
          + "complete \(flagged == 1 ? "it" : "them") with `recall cards --deck \"\(deck)\"` and `e` here, or re-import."
      )
    }
    while limit.map({ answered.count < $0 }) ?? true {
      let now = Date()
      let queue = try collection.queue(deck: deck, at: now, newCardsPerDay: newCards.map { $0 + newStudied })
      let counts = cram ? StudyCounts(review: cramQueue.count, learning: 0, new: 0) : queue.counts
      guard let cardID = cram ? cramQueue.first : nextCard(queue) else { break }
      guard try study(cardID: cardID, counts: counts) else { break }
    }
    try finish()
  }

  /// The queue's first card, unless it is the card just answered and another is waiting.
  private func nextCard(_ queue: StudyQueue) -> Int64? {
    guard let first = queue.cardIDs.first else { return nil }
    if first == answered.last?.cardID, queue.cardIDs.count > 1 { return queue.cardIDs[1] }
    return first
  }

  /// Shows one card and handles commands until it is answered; `false` when the session should end.
  private func study(cardID: Int64, counts: StudyCounts) throws -> Bool {
    var card = try collection.card(id: cardID)
    var view = CardView(deck: deck, counts: counts, done: answered.count, cardID: cardID, front: card.front)
    let shownAt = Date()
    var options: (texts: [String], correct: Int)?
    if mode == .choice {
      options = try choiceOptions(for: card)
      view.options = options?.texts
    }
    screen.show(view)
    var answerShown = false
    while true {
      let input: StudyInput?
      if mode == .type && !answerShown {
        guard let typed = screen.readTypedAnswer() else { return false }
        let check = checker.check(typed: typed, expected: card.back, front: card.front)
        view.check = check
        input = .reveal
      } else if mode == .choice, let options, !answerShown {
        input = screen.readChoice(count: options.texts.count)
      } else {
        input = screen.read(answerShown: answerShown)
      }
      guard let input else { return false }
      switch input {
      case .reveal:
        answerShown = true
        view.back = card.back
        view.intervals = try intervals(cardID)
        screen.show(view)
      case .choose(let index):
        guard let options else { continue }
        view.chosen = index
        view.correctOption = options.correct
        view.back = card.back
        screen.show(view)
        try answer(cardID, index == options.correct ? .good : .again, shownAt: shownAt)
        return screen.read(answerShown: true) != .quit
      case .accept:
        guard let suggested = view.check?.suggestedRating else { continue }
        try answer(cardID, suggested, shownAt: shownAt)
        return true
      case .rate(let rating):
        guard answerShown else { continue }
        try answer(cardID, rating, shownAt: shownAt)
        return true
      case .undo:
        guard let last = answered.popLast() else {
          screen.say("Nothing to undo in this session.")
          continue
        }
        if !cram { try collection.undoLastAnswer() }
        if cram { cramQueue.insert(last.cardID, at: 0) }
        screen.say("Undone: card \(last.cardID) (\(last.rating)).")
        return true
      case .edit:
        try edit(&card)
        quizBuilder = nil
        view.front = card.front
        if answerShown { view.back = card.back }
        screen.show(view)
      case .suspend:
        try collection.setSuspended(true, cardIDs: [cardID])
        cramQueue.removeAll { $0 == cardID }
        screen.say("Suspended card \(cardID).")
        return true
      case .bury:
        try collection.bury(cardIDs: [cardID])
        cramQueue.removeAll { $0 == cardID }
        screen.say("Buried card \(cardID) until tomorrow.")
        return true
      case .help:
        screen.say(Self.help)
      case .quit:
        return false
      }
    }
  }

  private func answer(_ cardID: Int64, _ rating: Rating, shownAt: Date) throws {
    // Anki caps the time counted for one answer at 60 s: a student who walked away did not study for an hour.
    let duration = min(60, Date().timeIntervalSince(shownAt))
    let outcome = try collection.answer(cardID: cardID, rating: rating, duration: duration, cram: cram)
    answered.append((cardID, rating))
    if cram {
      cramQueue.removeAll { $0 == cardID }
      if rating == .again { cramQueue.append(cardID) }
    }
    let schedule = outcome.after.schedule
    var message =
      cram
      ? "answered: \(rating) (cram: schedule unchanged)"
      : "answered: \(rating) · \(schedule.phase.rawValue) · next in \(IntervalText.describe(from: Date(), to: schedule.due))"
    if outcome.becameLeech { message += " · leech\(outcome.after.suspended ? ", suspended" : "")" }
    screen.say(message)
  }

  private func intervals(_ cardID: Int64) throws -> [(Rating, String)] {
    let now = Date()
    let preview = try collection.preview(cardID: cardID, at: now)
    return Rating.allCases.map { ($0, cram ? "—" : IntervalText.describe(from: now, to: preview[$0]!.due)) }
  }

  /// Three answers of the same kind from the deck beside the right one (RecallCore's quiz builder); the same card
  /// always gets the same options.
  private func choiceOptions(for card: Card) throws -> (texts: [String], correct: Int)? {
    let builder = try quizBuilder ?? QuizBuilder(cards: collection.quizCards(deck: deck), seed: 0)
    quizBuilder = builder
    guard let question = builder.multipleChoice(for: QuizCard(id: card.id, front: card.front, back: card.back))
    else { return nil }
    return (question.options, question.correctIndex)
  }

  private func edit(_ card: inout Card) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("recall-card-\(card.id).txt")
    try "\(card.front)\n---\n\(card.back)\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let editor = ProcessInfo.processInfo.environment["VISUAL"] ?? ProcessInfo.processInfo.environment["EDITOR"] ?? "vi"
    try screen.suspendForChild {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(editor) \"$1\"", "editor", file.path]
      try process.run()
      process.waitUntilExit()
    }
    let text = try String(contentsOf: file, encoding: .utf8)
    guard let separator = text.range(of: "\n---\n") else {
      screen.say("Not saved: keep the line `---` between the front and the back.")
      return
    }
    let front = String(text[..<separator.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    let back = String(text[separator.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    guard front != card.front || back != card.back else { return }
    try collection.updateText(cardID: card.id, front: front, back: back)
    card.front = front
    card.back = back
    screen.say("Saved the edited card (its history is kept).")
  }

  private func finish() throws {
    let passed = answered.filter { $0.rating != .again }.count
    let seconds = Int(Date().timeIntervalSince(start))
    var parts = ["studied \(answered.count)"]
    if !answered.isEmpty { parts.append("correct \(Int((Double(passed) / Double(answered.count) * 100).rounded()))%") }
    parts.append("time \(seconds / 60)m \(seconds % 60)s")
    if let next = try collection.nextDue(deck: deck) {
      parts.append("next due in \(IntervalText.describe(from: Date(), to: next))")
    } else if try collection.queue(deck: deck).counts.total == 0 {
      parts.append("nothing else due")
    }
    screen.finish(parts.joined(separator: " · "))
  }

  static let help = """
    keys: space/enter show · 1 again · 2 hard · 3 good · 4 easy (a h g e once shown) · u undo · \
    e edit (E any time) · s suspend · b bury until tomorrow · ? keys · q quit
    """
}
