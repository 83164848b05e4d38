/// One row of Anki's `cards` table.
struct AnkiCardRow {
  var id: Int64
  var noteID: Int64
  var deckID: Int64
  var ord: Int
  var modified: Int64
  /// 0 new, 1 learning, 2 review, 3 relearning.
  var type: Int
  /// 0 new, 1 learning, 2 review, 3 day-learning, 4 preview, −1 suspended, −2/−3 buried.
  var queue: Int
  /// New: position; learning: epoch seconds; review and day-learning: days since the collection's creation.
  var due: Int64
  var interval: Int
  var factor: Int
  var reps: Int
  var lapses: Int
  /// Learning steps left: `left % 1000`.
  var left: Int
  var originalDue: Int64
  var originalDeckID: Int64
  var flags: Int
}
