/// Decides how well one typed token stands for one token of a point.
///
/// Equal stems match fully. A typo matches when the edit distance fits the word's length (none for words of up
/// to 3 letters, 1 for 4–7, 2 for 8 or more), the first letter agrees and the typed word is not another word the
/// deck uses. A truncation ("admin" for "administration") matches a little less. Numbers, dates and codes match
/// only exactly. Opposites ("increased" for "reduced", "unlimited" for "limited", "connectionless" for
/// "connection") match as well, but inverted, so the grader can tell the answer states the reverse.
///
/// Words are compared as arrays of Unicode scalars with interned ids, because a 10-point answer makes thousands
/// of comparisons and `String` operations would dominate the grade.
enum TokenMatcher {
  /// How well a typed token stands for a point's token.
  struct Match: Equatable {
    /// 0 (no match) to 1 (the same word).
    var quality: Float
    /// Whether the typed token says the opposite.
    var inverted: Bool

    static let none = Match(quality: 0, inverted: false)
    static let same = Match(quality: 1, inverted: false)
    static let opposite = Match(quality: 1, inverted: true)
  }

  /// A token reduced to what matching needs. A class, so the grader's tables hold references rather than
  /// copying four arrays for every comparison.
  final class Shape {
    let form: [Unicode.Scalar]
    let stem: [Unicode.Scalar]
    let formID: Int
    let stemID: Int
    let kind: AnswerToken.Kind
    let isNumber: Bool
    let isWord: Bool
    /// The ids of the stems that mean the opposite, among the words in play.
    let opposites: [Int]
    /// Whether the deck uses this very word (so it is never a typo of another).
    let isKnownWord: Bool
    /// The contrasting prefixes the word starts with ("hyper" in "hypertonic"): pair, side, and the length of
    /// the rest of the word.
    private(set) var contrasts: [(pair: Int, side: Int, rest: Int)] = []

    init(
      form: [Unicode.Scalar], stem: [Unicode.Scalar], formID: Int, stemID: Int, kind: AnswerToken.Kind,
      opposites: [Int], isKnownWord: Bool
    ) {
      self.form = form
      self.stem = stem
      self.formID = formID
      self.stemID = stemID
      self.kind = kind
      self.opposites = opposites
      self.isKnownWord = isKnownWord
      if case .number = kind { isNumber = true } else { isNumber = false }
      isWord = kind == .word
      guard kind == .word else { return }
      for (pair, prefixes) in TokenMatcher.contrastingPrefixes.enumerated() {
        if form.starts(with: prefixes.0) { contrasts.append((pair, 0, form.count - prefixes.0.count)) }
        if form.starts(with: prefixes.1) { contrasts.append((pair, 1, form.count - prefixes.1.count)) }
      }
    }
  }

  static let typoQuality: Float = 0.9
  static let truncationQuality: Float = 0.8

  static let opposites: [String: Set<String>] = {
    var map: [String: Set<String>] = [:]
    for (first, second) in Opposites.pairs {
      let a = TextNormalizer.canonicalStem(first)
      let b = TextNormalizer.canonicalStem(second)
      guard a != b else { continue }
      map[a, default: []].insert(b)
      map[b, default: []].insert(a)
    }
    return map
  }()

  private static let negatingPrefixes = Opposites.negatingPrefixes.map { Array($0.unicodeScalars) }
  private static let negatingSuffix = Array(Opposites.negatingSuffix.unicodeScalars)
  fileprivate static let contrastingPrefixes = Opposites.contrastingPrefixes.map {
    (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars))
  }

  /// Whether a function word takes part in matching: only the ones with an opposite ("more", "before").
  static func matchesAsFunctionWord(_ token: AnswerToken) -> Bool {
    token.hasOpposite
  }

  /// How well `typed` stands for `point`; `vocabulary` holds words the deck uses (never typos of each other).
  /// A convenience for single comparisons; the grader compares shapes.
  static func match(point: AnswerToken, typed: AnswerToken, vocabulary: Set<String>) -> Match {
    var ids: [String: Int] = [:]
    func id(_ text: String) -> Int {
      if let existing = ids[text] { return existing }
      ids[text] = ids.count
      return ids.count - 1
    }
    let typedShape = Shape(
      form: Array(typed.form.unicodeScalars), stem: Array(typed.stem.unicodeScalars), formID: id(typed.form),
      stemID: id(typed.stem), kind: typed.kind, opposites: [], isKnownWord: vocabulary.contains(typed.form))
    let pointShape = Shape(
      form: Array(point.form.unicodeScalars), stem: Array(point.stem.unicodeScalars), formID: id(point.form),
      stemID: id(point.stem), kind: point.kind,
      opposites: (opposites[point.stem] ?? []).compactMap { ids[$0] }, isKnownWord: true)
    return match(point: pointShape, typed: typedShape)
  }

  /// How well the typed shape stands for the point's shape.
  static func match(point: Shape, typed: Shape) -> Match {
    if point.isNumber || typed.isNumber {
      return point.isNumber && typed.isNumber && point.formID == typed.formID ? .same : .none
    }
    if point.stemID == typed.stemID { return .same }
    if !point.opposites.isEmpty, point.opposites.contains(typed.stemID) { return .opposite }
    guard point.isWord, typed.isWord else { return .none }
    // Every remaining test needs the same first letter, or lengths 1–4 apart (a negating prefix or suffix).
    let lengthGap = abs(point.form.count - typed.form.count)
    let stemGap = abs(point.stem.count - typed.stem.count)
    let sameStart = point.form.first == typed.form.first || point.stem.first == typed.stem.first
    let sameEnd =
      ((1...4).contains(lengthGap) && point.form.last == typed.form.last)
      || ((1...4).contains(stemGap) && point.stem.last == typed.stem.last)
    if !sameStart && !sameEnd { return .none }
    if areNegatedForms(point.form, typed.form) || areNegatedForms(point.stem, typed.stem) { return .opposite }
    if haveContrastingPrefixes(point, typed) { return .none }
    if !typed.isKnownWord, isTypo(point.form, typed.form) || isTypo(point.stem, typed.stem) {
      return Match(quality: typoQuality, inverted: false)
    }
    if isTruncation(point.form, typed.form) {
      return Match(quality: truncationQuality, inverted: false)
    }
    return .none
  }

  /// "limited"/"unlimited", "aerobic"/"anaerobic", "connection"/"connectionless", "centralize"/"decentralize".
  static func areNegatedForms(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    let extra = long.count - short.count
    guard short.count >= 4, (1...4).contains(extra) else { return false }
    if extra == negatingSuffix.count, long.starts(with: short), long.suffix(extra).elementsEqual(negatingSuffix) {
      return true
    }
    guard long.suffix(short.count).elementsEqual(short) else { return false }
    let prefix = long.prefix(extra)
    guard negatingPrefixes.contains(where: { $0.elementsEqual(prefix) }) else { return false }
    // Short prefixes make too many accidental words ("a" + "board"); ask for a longer base.
    return extra >= 3 || short.count >= 5
  }

  /// "hypertonic"/"hypotonic", "intracellular"/"intercellular": never a typo of each other.
  private static func haveContrastingPrefixes(_ a: Shape, _ b: Shape) -> Bool {
    for x in a.contrasts {
      for y in b.contrasts where x.pair == y.pair && x.side != y.side && x.rest == y.rest {
        if a.form.suffix(x.rest).elementsEqual(b.form.suffix(y.rest)) { return true }
      }
    }
    return false
  }

  private static func allowedEdits(forLength length: Int) -> Int {
    length <= 3 ? 0 : length <= 7 ? 1 : 2
  }

  private static func isTypo(_ point: [Unicode.Scalar], _ typed: [Unicode.Scalar]) -> Bool {
    let allowed = allowedEdits(forLength: min(point.count, typed.count))
    guard allowed > 0, abs(point.count - typed.count) <= allowed, point.first == typed.first else { return false }
    return EditDistance.damerau(point, typed, limit: allowed) <= allowed
  }

  /// "admin" for "administration", "regional" for "region": one is the start of the other and at least half
  /// its length.
  private static func isTruncation(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard short.count >= 4, long.count - short.count >= 2, short.count * 2 >= long.count else { return false }
    return long.starts(with: short)
  }
}
