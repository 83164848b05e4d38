/// One point of an expected answer: a fact the student has to state.
struct AnswerPoint: Sendable {
  /// The point as written on the card (bullet marker and final full stop removed), shown to the student.
  var text: String
  /// Ways of stating the point; the first is always the whole point.
  var variants: [PointVariant]
  /// The words of the point's label — what comes before its ":", "=" or first dash when that is at most three
  /// words ("rough ER", "Primary", "TCP") — less any word every labelled point of the answer shares ("ER").
  /// Empty unless at least two points are labelled: only then does a label tell points apart.
  var label: Set<String> = []
  /// Where the label ends in the whole variant's source, in Unicode scalars, for ":" and "=" labels.
  var labelEnd: Int?
}

/// One way of stating a point, as tokens.
struct PointVariant: Sendable {
  /// Where a variant comes from, which decides when it may stand for the whole point.
  enum Kind: Sendable, Equatable {
    /// The whole point, with its parenthesised and "e.g." parts optional.
    case whole
    /// An alternative the card offers: either side of "lift / elevator", or a parenthesised synonym such as
    /// "Premier of the Soviet Union (prime minister)".
    case alternative
    /// What comes before the point's first dash: "Physical" in "Physical – transmits raw bits", the term a
    /// definition explains, the date a "When…" answer gives.
    case headword
    /// A later dash-separated part that restates the point ("more power to regional levels - decentralisation
    /// of decision making"); it stands for the point only when it carries at least a third of its weight.
    case clause
  }

  var tokens: [AnswerToken]
  var kind: Kind
  /// The text the tokens were read from; token ranges point into it.
  var source: String = ""
}
