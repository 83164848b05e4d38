import Foundation
import NIOConcurrencyHelpers
import RecallCore
import RecallStore

/// What the study screen needs from a deck's queue: its first cards, the counts, and when more falls due.
struct QueueView: Sendable {
  /// The first card of the queue, and the one after it.
  var first: Int64?
  /// See ``first``.
  var second: Int64?
  /// Cards left today.
  var counts: StudyCounts
  /// Cards kept out of study because a side is missing.
  var flagged: Int
  /// When the next learning card not in the queue falls due today.
  var nextLearningDue: Date?
}

/// Today's queue per deck, kept between requests.
///
/// Building a queue reads every due card of the deck and sorts the reviews by recall probability (about 8 ms for
/// 5,000 due cards of 100,000, more with tens of thousands of new cards). The study screen asks for the next
/// card after every answer, so the queue is built once and then kept up to date: each answered card is marked
/// gone (counts included) in constant time. It is rebuilt after ``lifetime`` (so learning cards coming due and
/// changes made by the CLI show up), at once after any other change the server makes (edits, undo, imports,
/// options), and when it runs dry. Only one request builds a deck's queue at a time: the others wait for that
/// build when there is no queue yet, and keep using the old one while it is rebuilt.
final class QueueCache: Sendable {
  /// How long a queue is used before it is rebuilt.
  let lifetime: TimeInterval

  private struct Entry: Sendable {
    var ids: [Int64]
    var members: Set<Int64>
    var gone: Set<Int64> = []
    var head = 0
    var counts: StudyCounts
    var flagged: Int
    var nextLearningDue: Date?
    var builtAt: Date

    init(_ queue: StudyQueue, builtAt: Date) {
      ids = queue.cardIDs
      members = Set(queue.cardIDs)
      counts = queue.counts
      flagged = queue.flagged
      nextLearningDue = queue.nextLearningDue
      self.builtAt = builtAt
    }

    /// Skips cards answered since the build; the first two left.
    mutating func view() -> QueueView {
      while head < ids.count, gone.contains(ids[head]) { head += 1 }
      var second: Int64?
      var index = head + 1
      while index < ids.count {
        if !gone.contains(ids[index]) {
          second = ids[index]
          break
        }
        index += 1
      }
      return QueueView(
        first: head < ids.count ? ids[head] : nil, second: second, counts: counts, flagged: flagged,
        nextLearningDue: nextLearningDue)
    }

    /// Marks a card gone, taking it off the count of its kind.
    mutating func remove(_ id: Int64, phase: SchedulingPhase) {
      guard members.contains(id), gone.insert(id).inserted else { return }
      switch phase {
      case .new: counts.new = max(0, counts.new - 1)
      case .review: counts.review = max(0, counts.review - 1)
      case .learning, .relearning: counts.learning = max(0, counts.learning - 1)
      }
    }
  }

  private struct State: Sendable {
    var entries: [String: Entry] = [:]
    var builds: [String: Task<Entry, any Error>] = [:]
    /// Cards answered recently, per deck, with their phase before the answer: a queue built from a snapshot
    /// taken before an answer committed must not offer that card again.
    var answered: [String: [Int64: Answered]] = [:]
    var generation = 0
  }

  private struct Answered: Sendable {
    var at: Date
    var phase: SchedulingPhase
  }

  private let state = NIOLockedValueBox(State())

  init(lifetime: TimeInterval = 5) { self.lifetime = lifetime }

  /// The queue of `deck`, built with `build` when there is none, it is too old, or it has run dry.
  func view(deck: String, now: Date, build: @escaping @Sendable () async throws -> StudyQueue) async throws
    -> QueueView
  {
    enum Plan {
      case use(QueueView)
      case wait(Task<Entry, any Error>)
    }
    let plan: Plan = state.withLockedValue { state in
      func running() -> Task<Entry, any Error> {
        if let task = state.builds[deck] { return task }
        let generation = state.generation
        let task = Task { try await self.rebuild(deck: deck, generation: generation, build: build) }
        state.builds[deck] = task
        return task
      }
      guard var entry = state.entries[deck] else { return .wait(running()) }
      let view = entry.view()
      state.entries[deck] = entry
      let age = now.timeIntervalSince(entry.builtAt)
      // Old, run dry, or a learning card came due: look again (a deck that is done, at most twice a second).
      let stale =
        age >= lifetime || age < 0 || (view.first == nil && age >= 0.5)
        || (entry.nextLearningDue.map { $0 <= now } ?? false)
      guard stale else { return .use(view) }
      let task = running()
      // While the queue is rebuilt, the old one still says which card comes next.
      return view.first == nil ? .wait(task) : .use(view)
    }
    switch plan {
    case .use(let view):
      return view
    case .wait(let task):
      var entry = try await task.value
      return entry.view()
    }
  }

  private func rebuild(deck: String, generation: Int, build: @Sendable () async throws -> StudyQueue) async throws
    -> Entry
  {
    let startedAt = Date()
    let built: StudyQueue
    do {
      built = try await build()
    } catch {
      state.withLockedValue { _ = $0.builds.removeValue(forKey: deck) }
      throw error
    }
    var entry = Entry(built, builtAt: startedAt)
    return state.withLockedValue { state in
      state.builds[deck] = nil
      // Cards answered while (or shortly before) the queue was built are not offered again.
      let recent = (state.answered[deck] ?? [:]).filter { startedAt.timeIntervalSince($0.value.at) < lifetime + 1 }
      state.answered[deck] = recent
      for (id, answered) in recent { entry.remove(id, phase: answered.phase) }
      if state.generation == generation { state.entries[deck] = entry }
      return entry
    }
  }

  /// Takes an answered card out of its deck's queue and counts.
  func answered(cardID: Int64, deck: String, phaseBefore: SchedulingPhase, at now: Date) {
    state.withLockedValue { state in
      state.answered[deck, default: [:]][cardID] = Answered(at: now, phase: phaseBefore)
      state.entries[deck]?.remove(cardID, phase: phaseBefore)
    }
  }

  /// Forgets every queue: something other than an answer changed the collection.
  func invalidate() {
    state.withLockedValue { state in
      state.entries = [:]
      state.answered = [:]
      state.generation &+= 1
    }
  }
}
