import Foundation

/// One row of Anki's `revlog` table.
struct AnkiRevlogRow {
  /// Anki's `type`: what kind of answer it was.
  enum Kind: Int {
    case learning = 0, review, relearning, filtered, manual, rescheduled
  }

  /// The answer's time in milliseconds (the row id).
  var id: Int64
  var cardID: Int64
  /// The button, 1–4; 0 for manual changes.
  var ease: Int
  /// Days when positive, seconds when negative.
  var interval: Int64
  var lastInterval: Int64
  /// Ease ×1000; 0 marks a reset (with `manual`) or a cram answer (with `filtered`).
  var factor: Int
  var milliseconds: Int
  var kind: Kind?

  var time: Date { Date(timeIntervalSince1970: Double(id) / 1000) }
}
