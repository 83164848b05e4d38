import Foundation
import NIOConcurrencyHelpers
import RecallCore
import RecallStore

/// An answer waiting to be committed.
struct PendingAnswer: Sendable {
  /// The card answered.
  var cardID: Int64
  /// The rating given.
  var rating: Rating
  /// When.
  var at: Date
  /// How long the student took.
  var duration: TimeInterval?
}

/// Commits answers one writer at a time, handing each batch of answers that arrived meanwhile to `commit`.
///
/// Every answer is a durable SQLite transaction with an `fsync`, and SQLite has one writer: with many students
/// answering at once, each answer waits for all the commits queued before it. Collecting the answers that arrive
/// while a commit runs lets `commit` write them together (group commit) when the store can: one transaction and
/// one `fsync` for the batch, each answer still acknowledged only after it is on disk. The default `commit`
/// answers them one by one, as `Collection.answer` does today.
final class AnswerCommitter: Sendable {
  /// Writes a batch; one result per answer, in order.
  typealias Commit = @Sendable ([PendingAnswer]) async -> [Result<AnswerOutcome, any Error>]

  private struct Waiting: Sendable {
    var answer: PendingAnswer
    var continuation: CheckedContinuation<AnswerOutcome, any Error>
  }

  private struct State: Sendable {
    var pending: [Waiting] = []
    var committing = false
  }

  private let commit: Commit
  private let state = NIOLockedValueBox(State())

  init(commit: @escaping Commit) { self.commit = commit }

  /// Commits `answer` (with any others waiting) and returns once it is durable.
  func answer(_ answer: PendingAnswer) async throws -> AnswerOutcome {
    try await withCheckedThrowingContinuation { continuation in
      let start = state.withLockedValue { state -> Bool in
        state.pending.append(Waiting(answer: answer, continuation: continuation))
        guard !state.committing else { return false }
        state.committing = true
        return true
      }
      if start { Task { await self.drain() } }
    }
  }

  private func drain() async {
    while true {
      let batch = state.withLockedValue { state -> [Waiting] in
        let batch = state.pending
        state.pending = []
        if batch.isEmpty { state.committing = false }
        return batch
      }
      guard !batch.isEmpty else { return }
      let results = await commit(batch.map(\.answer))
      for (index, waiting) in batch.enumerated() {
        waiting.continuation.resume(
          with: index < results.count ? results[index] : .failure(ServerError.badRequest("lost")))
      }
    }
  }
}
