/// Measures how well sets of typed tokens state each point, and whether they contradict it.
///
/// Every point token is compared with every typed token once, up front; coverage of a point by any fragment is
/// then a weighted sum of table look-ups, which keeps a 10-point answer well under a millisecond.
struct PointMatcher {
  /// The share of a point's matched weight that, negated or inverted, makes the match a contradiction.
  static let contradictionShare: Float = 0.2
  /// The least negated or inverted weight that counts as a contradiction (a quarter of a content word).
  static let contradictionMinimum: Float = 0.25
  /// The share of a point's weight a later dash part must carry to stand for the point.
  static let clauseShare: Float = 0.35

  /// How one token of a point is matched by a set of typed tokens.
  struct TokenMatch {
    var typed: Int
    var quality: Float
    var inverted: Bool
  }

  /// How one variant of a point is matched by a set of typed tokens.
  struct Coverage {
    /// The weighted share of the point's required words that are stated, 0…1.
    var score: Float
    /// The variant of the point that scored best.
    var variant: Int
  }

  let points: [AnswerPoint]
  let typed: [AnswerToken]
  let context: GradingContext
  /// For each typed token, the chunk (line, bullet, sentence) it stands in.
  let typedChunks: [Int]
  /// For each typed token, the point labels its fragment carries ("smooth" in "smooth ER – has ribosomes").
  let typedLabels: [Set<String>]
  /// For each point and variant, where its tokens start in the flattened arrays below.
  private var variantStart: [[Int]] = []
  private var flat: [AnswerToken] = []
  private var weights: [Float] = []
  private var quality: [Float] = []
  private var inverted: [Bool] = []

  init(
    points: [AnswerPoint], typed: [AnswerToken], context: GradingContext, typedChunks: [Int]? = nil,
    typedLabels: [Set<String>]? = nil
  ) {
    self.points = points
    self.typed = typed
    self.context = context
    self.typedChunks = typedChunks ?? Array(repeating: 0, count: typed.count)
    self.typedLabels = typedLabels ?? Array(repeating: [], count: typed.count)
    for point in points {
      var starts: [Int] = []
      var wholeWeight: Float = 0
      for variant in point.variants {
        starts.append(flat.count)
        var variantWeights = variant.tokens.map { $0.optional ? 0 : context.weight(of: $0) }
        // A label that tells points apart ("Primary = family") binds the fact; it is not the fact.
        if variant.kind == .whole, !point.label.isEmpty, let labelEnd = point.labelEnd {
          var valueOnly = variantWeights
          for (index, token) in variant.tokens.enumerated() where token.range.upperBound <= labelEnd {
            valueOnly[index] = 0
          }
          if valueOnly.contains(where: { $0 > 0 }) { variantWeights = valueOnly }
        }
        // A point made only of small words ("to go") is matched on those words.
        if variantWeights.allSatisfy({ $0 == 0 }) {
          variantWeights = variant.tokens.map { $0.optional || $0.kind == .negation ? 0 : 1 }
        }
        let total = variantWeights.reduce(0, +)
        if variant.kind == .whole { wholeWeight = total }
        // A later dash part restates the point only when it carries a good share of it.
        if variant.kind == .clause && total < Self.clauseShare * wholeWeight {
          variantWeights = variantWeights.map { _ in 0 }
        }
        flat += variant.tokens
        weights += variantWeights
      }
      variantStart.append(starts)
    }
    buildTable()
  }

  private mutating func buildTable() {
    let width = typed.count
    quality = [Float](repeating: 0, count: flat.count * width)
    inverted = [Bool](repeating: false, count: flat.count * width)
    // Equal words share one shape, and each pair of shapes is compared once.
    var ids: [String: Int] = [:]
    func id(_ text: String) -> Int {
      if let existing = ids[text] { return existing }
      ids[text] = ids.count
      return ids.count - 1
    }
    let typedTakesPart = typed.map { token in
      token.kind == .word || token.isNumber || TokenMatcher.matchesAsFunctionWord(token)
    }
    let pointTakesPart = flat.indices.map { i in
      flat[i].kind == .word || flat[i].isNumber || TokenMatcher.matchesAsFunctionWord(flat[i]) || weights[i] > 0
    }
    var typedShapes: [TokenMatcher.Shape] = []
    var typedShapeOf = [Int](repeating: -1, count: typed.count)
    var typedShapeIndex: [Int: Int] = [:]
    for (j, token) in typed.enumerated() where typedTakesPart[j] || pointTakesPart.contains(true) {
      let formID = id(token.form)
      let stemID = id(token.stem)
      let key = formID << 32 | stemID
      if let existing = typedShapeIndex[key] {
        typedShapeOf[j] = existing
        continue
      }
      typedShapeIndex[key] = typedShapes.count
      typedShapeOf[j] = typedShapes.count
      typedShapes.append(
        TokenMatcher.Shape(
          form: Array(token.form.unicodeScalars), stem: Array(token.stem.unicodeScalars), formID: formID,
          stemID: stemID, kind: token.kind, opposites: [], isKnownWord: context.isKnownWord(token.form)))
    }
    var pointShapes: [TokenMatcher.Shape] = []
    var pointShapeOf = [Int](repeating: -1, count: flat.count)
    var pointShapeIndex: [Int: Int] = [:]
    for (i, token) in flat.enumerated() where pointTakesPart[i] {
      let formID = id(token.form)
      let stemID = id(token.stem)
      let key = formID << 32 | stemID
      if let existing = pointShapeIndex[key] {
        pointShapeOf[i] = existing
        continue
      }
      pointShapeIndex[key] = pointShapes.count
      pointShapeOf[i] = pointShapes.count
      let opposites = (TokenMatcher.opposites[token.stem] ?? []).compactMap { ids[$0] }
      pointShapes.append(
        TokenMatcher.Shape(
          form: Array(token.form.unicodeScalars), stem: Array(token.stem.unicodeScalars), formID: formID,
          stemID: stemID, kind: token.kind, opposites: opposites, isKnownWord: true))
    }
    var cache = [TokenMatcher.Match?](repeating: nil, count: pointShapes.count * typedShapes.count)
    for i in flat.indices where pointTakesPart[i] {
      let pointShape = pointShapeOf[i]
      for j in 0..<width where typedShapeOf[j] >= 0 && (typedTakesPart[j] || weights[i] > 0) {
        let cacheIndex = pointShape * typedShapes.count + typedShapeOf[j]
        let match: TokenMatcher.Match
        if let cached = cache[cacheIndex] {
          match = cached
        } else {
          match = TokenMatcher.match(point: pointShapes[pointShape], typed: typedShapes[typedShapeOf[j]])
          cache[cacheIndex] = match
        }
        quality[i * width + j] = match.quality
        inverted[i * width + j] = match.inverted
      }
    }
    matchCompounds()
    matchAcronyms()
  }

  /// "de-stalinisation" for "destalinisation", "floodplain" for "flood plain".
  private mutating func matchCompounds() {
    func joinable(_ token: AnswerToken) -> Bool { token.kind == .word || token.kind == .function }
    // Hyphenated parts join whatever they are ("over-use"); spaced words only when both are real words, so "in
    // correct" never reads as "incorrect".
    func joins(_ first: AnswerToken, _ second: AnswerToken) -> Bool {
      guard joinable(first), joinable(second) else { return false }
      return second.hyphenJoined
        || (first.kind == .word && second.kind == .word && first.form.count >= 3 && second.form.count >= 3)
    }
    var typedByForm: [String: [Int]] = [:]
    var typedPairs: [String: [Int]] = [:]
    for (j, token) in typed.enumerated() where joinable(token) {
      typedByForm[token.form, default: []].append(j)
      if j + 1 < typed.count, joins(token, typed[j + 1]) {
        typedPairs[token.form + typed[j + 1].form, default: []].append(j)
      }
    }
    for (i, token) in flat.enumerated() where joinable(token) {
      for j in typedPairs[token.form] ?? [] {
        set(i, j, 1)
        set(i, j + 1, 1)
      }
      if i + 1 < flat.count, joins(token, flat[i + 1]) {
        for j in typedByForm[token.form + flat[i + 1].form] ?? [] {
          set(i, j, 1)
          set(i + 1, j, 1)
        }
      }
    }
  }

  /// Records a direct (not inverted) match of at least `value`.
  private mutating func set(_ i: Int, _ j: Int, _ value: Float) {
    let index = i * typed.count + j
    if value >= quality[index] || inverted[index] {
      quality[index] = value
      inverted[index] = false
    }
  }

  /// "CC" for "central committee", "ITCLR" for "intention to create legal relations", "A-H" for
  /// "Austria-Hungary" — and the other way round.
  private mutating func matchAcronyms() {
    // Typed acronyms are written in capitals or are words the card does not use ("cc", "itclr").
    for (j, token) in typed.enumerated()
    where isAcronymCandidate(token) && (token.allCaps || !context.isKnownWord(token.form)) {
      for start in flat.indices {
        if let run = initialsRun(in: flat, from: start, spelling: token.form) {
          for i in run { set(i, j, 1) }
        }
      }
    }
    for (i, token) in flat.enumerated() where isAcronymCandidate(token) && token.allCaps {
      for start in typed.indices {
        if let run = initialsRun(in: typed, from: start, spelling: token.form) {
          for j in run { set(i, j, 1) }
        }
      }
    }
  }

  private func isAcronymCandidate(_ token: AnswerToken) -> Bool {
    token.kind == .word && (2...6).contains(token.form.count) && token.form.allSatisfy(\.isLetter)
  }

  /// The indices of the tokens from `start` whose initials spell `spelling`, counting either every word or only
  /// content words, or nil.
  private func initialsRun(in tokens: [AnswerToken], from start: Int, spelling: String) -> [Int]? {
    guard tokens[start].kind == .word, tokens[start].form.first == spelling.first else { return nil }
    let letters = Array(spelling)
    for skipFunctionWords in [false, true] {
      var run: [Int] = []
      var index = start
      while run.count < letters.count, index < tokens.count {
        let token = tokens[index]
        index += 1
        if token.kind == .function && skipFunctionWords { continue }
        guard token.kind == .word || token.kind == .function, token.form.first == letters[run.count] else { break }
        run.append(index - 1)
      }
      // "ER" is not "ER has ribosomes": a run that contains the word itself is no expansion of it.
      if run.count == letters.count, run.count >= 2, !run.contains(where: { tokens[$0].form == spelling }) {
        return run
      }
    }
    return nil
  }

  // MARK: - Coverage

  private func range(point: Int, variant: Int) -> Range<Int> {
    let start = variantStart[point][variant]
    let end =
      variant + 1 < variantStart[point].count
      ? variantStart[point][variant + 1]
      : (point + 1 < variantStart.count ? variantStart[point + 1][0] : flat.count)
    return start..<end
  }

  /// How well the typed tokens `tokens` state `point`: the best of its variants.
  func coverage(of point: Int, by tokens: [Int], countingOpposites: Bool = false) -> Coverage {
    var best = Coverage(score: 0, variant: 0)
    guard !tokens.isEmpty else { return best }
    let width = typed.count
    for variant in variantStart[point].indices {
      var stated: Float = 0
      var total: Float = 0
      for i in range(point: point, variant: variant) where weights[i] > 0 {
        var bestQuality: Float = 0
        // An opposite ("increased" for "reduced") addresses the word but does not state it.
        for j in tokens where countingOpposites || !inverted[i * width + j] {
          bestQuality = max(bestQuality, quality[i * width + j])
        }
        stated += weights[i] * bestQuality
        total += weights[i]
      }
      let score = total > 0 ? stated / total : 0
      if score > best.score { best = Coverage(score: score, variant: variant) }
    }
    return best
  }

  /// For each token of a point's variant, the typed token that matches it best (non-inverted on ties).
  func bestMatches(point: Int, variant: Int, tokens: [Int]) -> [Int: TokenMatch] {
    let width = typed.count
    var result: [Int: TokenMatch] = [:]
    for i in range(point: point, variant: variant) {
      var best: TokenMatch?
      var bestAgrees = false
      for j in tokens {
        let q = quality[i * width + j]
        guard q > 0 else { continue }
        let flip = inverted[i * width + j]
        // Among equally good matches prefer a direct one, then one whose negation agrees with the point's.
        let agrees = (typed[j].negated != flat[i].negated) == flip
        let better: Bool
        if let current = best {
          better =
            q > current.quality
            || (q == current.quality
              && (current.inverted && !flip || (current.inverted == flip && agrees && !bestAgrees)))
        } else {
          better = true
        }
        if better {
          best = TokenMatch(typed: j, quality: q, inverted: flip)
          bestAgrees = agrees
        }
      }
      if let best { result[i] = best }
    }
    return result
  }

  /// The typed tokens that state the point's required words (for telling which tokens a hit used).
  func usedTokens(point: Int, variant: Int, tokens: [Int]) -> Set<Int> {
    var used: Set<Int> = []
    for (i, match) in bestMatches(point: point, variant: variant, tokens: tokens)
    where weights[i] > 0 && match.quality >= TokenMatcher.truncationQuality && !match.inverted {
      used.insert(match.typed)
    }
    return used
  }

  /// What the question's focus says about a point.
  enum FocusAnswer {
    /// The question asks for nothing this point has (or for nothing in particular).
    case notApplicable
    /// The tokens give what the question asks for: enough on their own.
    case given
    /// The point has what the question asks for and the tokens lack it.
    case missing
  }

  /// Whether the tokens give what the question asks for: the point's year for "When…" (required: a "When…"
  /// point is not stated without its date), one of its numbers for "How many…", one of its names for "Who…"
  /// when the point is mostly names.
  func focusAnswer(point: Int, tokens: [Int]) -> FocusAnswer {
    let pointRange = range(point: point, variant: 0)
    let matches = bestMatches(point: point, variant: 0, tokens: tokens)
    func stated(_ i: Int) -> Bool { matches[i].map { $0.quality >= 1 && !$0.inverted } ?? false }
    switch context.key.focus {
    case .time:
      let years = pointRange.filter { flat[$0].numberClass == .year }
      if years.isEmpty { return .notApplicable }
      return years.allSatisfy(stated) ? .given : .missing
    case .quantity:
      let numbers = pointRange.filter { flat[$0].isNumber && !flat[$0].optional }
      if numbers.isEmpty { return .notApplicable }
      return numbers.contains(where: stated) ? .given : .notApplicable
    case .person:
      let names = pointRange.filter { weights[$0] > 0 && context.isName(flat[$0].stem) }
      let nameWeight = names.map { weights[$0] }.reduce(0, +)
      let totalWeight = pointRange.map { weights[$0] }.reduce(0, +)
      guard !names.isEmpty, nameWeight * 2 >= totalWeight else { return .notApplicable }
      return names.contains(where: stated) ? .given : .notApplicable
    case .none:
      return .notApplicable
    }
  }

  // MARK: - Contradictions

  /// Why a set of typed tokens contradicts a point, if it does: a negation or opposite on the point's own words,
  /// a different number where the point has one, or another name where the point names someone.
  func contradiction(point: Int, variant: Int, tokens: [Int], wholeAnswer: [AnswerToken]) -> Contradiction? {
    let matches = bestMatches(point: point, variant: variant, tokens: tokens)
    if let polarity = polarityContradiction(point: point, variant: variant, matches: matches, tokens: tokens) {
      return polarity
    }
    // A part that stood in for the point must not hide what the whole point says ("Yes" against "No – …").
    let wholeMatches = variant == 0 ? matches : bestMatches(point: point, variant: 0, tokens: tokens)
    if variant != 0,
      let polarity = polarityContradiction(point: point, variant: 0, matches: wholeMatches, tokens: tokens)
    {
      return polarity
    }
    if labelsSwapped(point: point, tokens: tokens) || orderSwapped(point: point, matches: wholeMatches) {
      return .swapped
    }
    if numbersContradict(point: point, tokens: tokens, wholeAnswer: wholeAnswer) { return .number }
    if namesContradict(point: point, variant: variant, matches: matches, tokens: tokens, wholeAnswer: wholeAnswer) {
      return .name
    }
    return nil
  }

  private func polarityContradiction(point: Int, variant: Int, matches: [Int: TokenMatch], tokens: [Int])
    -> Contradiction?
  {
    // A typed opposite ("disliked", "increased") reads like a negation of what follows it in its clause.
    let flippers = Set(matches.values.filter { $0.inverted && $0.quality >= 0.8 }.map(\.typed))
    var effective: [Int: Bool] = [:]
    var state = false
    var clause = -1
    for j in tokens.sorted() {
      if typed[j].clause != clause {
        clause = typed[j].clause
        state = false
      }
      effective[j] = typed[j].negated != state
      if flippers.contains(j) { state.toggle() }
    }
    var mismatched: Float = 0
    var total: Float = 0
    let variantRange = range(point: point, variant: variant)
    for (i, match) in matches where match.quality >= TokenMatcher.truncationQuality {
      // "…abide by the law - not outside the law": a word the point uses both ways says nothing either way.
      if variantRange.contains(where: { flat[$0].stem == flat[i].stem && flat[$0].negated != flat[i].negated }) {
        continue
      }
      var weight = weights[i] > 0 ? weights[i] : 0.5
      if match.inverted { weight = max(weight, 1) }
      total += weight
      let typedNegated = effective[match.typed] ?? typed[match.typed].negated
      guard (flat[i].negated != typedNegated) != match.inverted else { continue }
      // "Yes" for "No": the answer's first word decides it on its own.
      if ["yes", "no", "none"].contains(flat[i].form) && flat[i].kind == .word { return .negation }
      mismatched += weight
    }
    guard total > 0, mismatched >= Self.contradictionMinimum, mismatched >= Self.contradictionShare * total else {
      return nil
    }
    return .negation
  }

  /// Whether the tokens stand under another point's label: "smooth ER – has ribosomes" stated for rough ER.
  private func labelsSwapped(point: Int, tokens: [Int]) -> Bool {
    tokens.contains { carriesOtherLabel($0, point: point) }
  }

  /// Whether a typed token stands under a label that is not this point's.
  func carriesOtherLabel(_ token: Int, point: Int) -> Bool {
    let own = points[point].label
    return !own.isEmpty && !typedLabels[token].isEmpty && typedLabels[token].isDisjoint(with: own)
  }

  /// Whether two of the point's words that are ordered by meaning come in the reverse order in one typed chunk:
  /// opposites ("hard rock over soft rock"), two names around a relation word ("Stalin's body removed from
  /// Lenin's mausoleum"), or the words either side of an arrow or " / " ("orange → green", "image size / actual
  /// size").
  private func orderSwapped(point: Int, matches: [Int: TokenMatch]) -> Bool {
    let whole = range(point: point, variant: 0)
    lazy var source = Array(points[point].variants[0].source.unicodeScalars)
    // A word the point uses twice ("der → dem, die → der") has no single place to be out of.
    var counts: [String: Int] = [:]
    for i in whole { counts[flat[i].stem, default: 0] += 1 }
    let direct = whole.filter { i in
      guard let match = matches[i], match.quality >= TokenMatcher.typoQuality, !match.inverted else { return false }
      return (flat[i].kind == .word || flat[i].isNumber) && counts[flat[i].stem] == 1
    }
    for (a, first) in direct.enumerated() {
      for second in direct[(a + 1)...] where flat[first].stem != flat[second].stem {
        guard let typedFirst = matches[first]?.typed, let typedSecond = matches[second]?.typed,
          typedChunks[typedFirst] == typedChunks[typedSecond], typedFirst > typedSecond
        else { continue }
        let opposite =
          TokenMatcher.opposites[flat[first].stem]?.contains(flat[second].stem) == true
          || TokenMatcher.areNegatedForms(
            Array(flat[first].form.unicodeScalars), Array(flat[second].form.unicodeScalars))
        let names = context.isName(flat[first].stem) && context.isName(flat[second].stem)
        let relation = flat[(first + 1)..<second].contains { Self.relationWords.contains($0.form) }
        if opposite || (names && relation) { return true }
        if hasOrderingMark(source, from: flat[first].range.upperBound, to: flat[second].range.lowerBound) {
          // Only the words right next to the marker are ordered by it.
          let nearest = direct.filter { $0 > first && $0 < second }
          if nearest.isEmpty { return true }
        }
      }
    }
    return false
  }

  private static let relationWords: Set<String> = ["from", "to", "into", "over", "than", "before", "after", "then"]

  /// Whether an arrow ("->", "→") or a spaced slash stands between two offsets of a point's source.
  private func hasOrderingMark(_ source: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
    guard start < end, end <= source.count else { return false }
    for index in start..<end {
      switch source[index] {
      case "\u{2192}": return true
      case "-" where index + 1 < end && source[index + 1] == ">": return true
      case "/" where index > start && index + 1 < end && source[index - 1] == " " && source[index + 1] == " ":
        return true
      default: continue
      }
    }
    return false
  }

  /// A typed number contradicts a point when it is not the point's (nor the question's) and the point has a
  /// number of the same kind that was not typed. Numbers typed anywhere that belong to no point count too.
  private func numbersContradict(point: Int, tokens: [Int], wholeAnswer: [AnswerToken]) -> Bool {
    let pointNumbers = points[point].variants.flatMap(\.tokens).filter(\.isNumber)
    guard !pointNumbers.isEmpty else { return false }
    let everyPointNumber = Set(flat.filter(\.isNumber).map(\.form))
    let stray = wholeAnswer.filter { $0.isNumber && !everyPointNumber.contains($0.form) }
    let typedNumbers = tokens.map { typed[$0] }.filter(\.isNumber) + stray
    let pointForms = Set(pointNumbers.map(\.form))
    let typedForms = Set(wholeAnswer.filter(\.isNumber).map(\.form))
    for number in typedNumbers where !pointForms.contains(number.form) && !context.frontNumbers.contains(number.form) {
      if pointNumbers.contains(where: { $0.numberClass == number.numberClass && !typedForms.contains($0.form) }) {
        return true
      }
    }
    return false
  }

  private func namesContradict(
    point: Int, variant: Int, matches: [Int: TokenMatch], tokens: [Int], wholeAnswer: [AnswerToken]
  ) -> Bool {
    var matchedTyped = Set(matches.values.map(\.typed))
    for i in points[point].variants.indices.flatMap({ range(point: point, variant: $0) }) {
      for j in tokens where quality[i * typed.count + j] >= TokenMatcher.truncationQuality { matchedTyped.insert(j) }
    }
    let foreign = tokens.filter { j in
      let token = typed[j]
      guard token.kind == .word, !matchedTyped.contains(j), !context.expectedStems.contains(token.stem),
        !context.frontStems.contains(token.stem)
      else { return false }
      return context.isName(token.stem) || (token.capitalized && !token.sentenceInitial && token.form.count >= 4)
    }
    guard !foreign.isEmpty else { return false }
    let pointRange = range(point: point, variant: 0)
    let pointNames = pointRange.filter { flat[$0].kind == .word && context.isName(flat[$0].stem) }
    let variantMatches = variant == 0 ? matches : bestMatches(point: point, variant: 0, tokens: tokens)
    if pointNames.contains(where: { (variantMatches[$0]?.quality ?? 0) < TokenMatcher.truncationQuality }) {
      return true
    }
    guard pointNames.isEmpty else { return false }
    let frontNames = context.key.frontTokens.filter { $0.kind == .word && context.isName($0.stem) }.map(\.stem)
    let answerStems = Set(wholeAnswer.map(\.stem))
    return !frontNames.isEmpty && !frontNames.contains(where: answerStems.contains)
  }
}

/// Why a typed fragment states the reverse of a point.
enum Contradiction: Sendable, Equatable {
  /// It negates or inverts the point's words ("did not release prisoners", "increased terror").
  case negation
  /// It gives a different number, date or code where the point has one.
  case number
  /// It names someone else where the point (or the question) names someone.
  case name
  /// It gives the point's words under another point's label, or in the reverse order ("green to orange").
  case swapped
}
