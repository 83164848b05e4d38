/// One word of an answer after normalisation, with what the grader needs to know about where it stood.
struct AnswerToken: Sendable {
  /// What a token contributes when points are matched.
  enum Kind: Sendable, Equatable {
    /// A content word: it carries the facts.
    case word
    /// A closed-class word ("the", "of", "was"): it weighs nothing.
    case function
    /// A word that negates the rest of its clause ("not", "never", "without").
    case negation
    /// A number, date, ordinal or code such as "70S", "IPv4" or "O(log n)": compared exactly, never as a typo.
    case number(NumberClass)
  }

  /// Kinds of numbers: a typed number only contradicts a point's number of the same kind.
  enum NumberClass: Sendable, Equatable {
    /// A year between 1000 and 2100.
    case year
    /// Any other amount.
    case amount
    /// A position: "1st", "twentieth".
    case ordinal
    /// A mixed code: "70s", "ipv4", "c1", "o(logn)".
    case code
  }

  /// The canonical spelling: lowercased, folded, American-spelled, abbreviations expanded.
  var form: String
  /// The light stem of `form`, with everyday synonyms mapped to one word; equal stems match exactly.
  var stem: String
  /// What the token contributes to matching.
  var kind: Kind
  /// The token's place in its source text, in Unicode scalars.
  var range: Range<Int>
  /// The clause the token stood in: negation never reaches across a clause.
  var clause: Int
  /// Whether a negation earlier in its clause covers it.
  var negated: Bool
  /// Whether it stood in parentheses or after "e.g.": nice to have, never required.
  var optional: Bool
  /// Whether its first letter was uppercase in the source.
  var capitalized: Bool
  /// Whether it was written in capitals throughout (an acronym such as "NKVD").
  var allCaps: Bool
  /// Whether it began a sentence, line or bullet (capitals there say nothing about names).
  var sentenceInitial: Bool
  /// Whether a hyphen joined it to the previous token ("Austria-Hungary", "non-rival").
  var hyphenJoined: Bool
  /// Whether the word has a listed opposite ("more"/"less", "before"/"after"), so it takes part in matching even
  /// when it is a function word.
  var hasOpposite = false

  /// Whether the token is a number of any class.
  var isNumber: Bool {
    if case .number = kind { return true }
    return false
  }

  /// The token's number class, if it is a number.
  var numberClass: NumberClass? {
    if case .number(let numberClass) = kind { return numberClass }
    return nil
  }
}
