/// Where a card is in its scheduling life cycle.
///
/// py-fsrs has no `new` state: its fresh `Card()` is already `Learning` at step 0. Recall keeps
/// a separate ``new`` phase so that the app can tell never-studied cards apart (for daily new-card
/// limits, for example); the scheduler treats a `new` card exactly like py-fsrs treats a fresh
/// card, i.e. as learning step 0 without a memory state.
public enum SchedulingPhase: String, Sendable, Codable, CaseIterable {
  /// Never reviewed.
  case new
  /// Going through the learning steps after the first review.
  case learning
  /// Scheduled in whole days by the FSRS memory model.
  case review
  /// Going through the relearning steps after a lapse.
  case relearning
}
