/// Grades a typed answer against a card's expected answer, point by point.
///
/// 1. The expected answer is split into points (``AnswerKey/points`` documents how).
/// 2. Both answers are normalised the same way: case, punctuation, diacritics and curly quotes; British and
///    American spellings; numbers in words or digits ("two million" = 2000000, "1st" = "first"); common
///    abbreviations ("govt", "w/", "&", "approx"); contractions; light stemming; a few everyday synonyms.
/// 3. The typed answer is cut into fragments at lines, bullets, sentences, semicolons, commas and "and", and
///    fragments are assigned to points with the Hungarian algorithm, maximising total similarity, so order and
///    layout never matter. Fragments left over join the point they add most to; a point still missed may take
///    unused words from anywhere ("destalinisation decentralisation" typed without a comma).
/// 4. A point is hit when the words assigned to it state at least ``GradingOptions/hitThreshold`` of its
///    weighted words and do not contradict it. Rare words weigh more than common ones (inverse document
///    frequency over the deck), numbers and names more than other words, the question's own words less; for a
///    "When…" question the date alone answers the point, for "How many…" the number, for "Who…" the name. Typos
///    are forgiven in words, never in numbers.
/// 5. A point is contradicted — and missed — when the words matched to it are negated or replaced by their
///    opposite ("did not release prisoners", "increased terror"), when a different number stands where the point
///    has one (1957 for 1958), when another name stands where the point or the question names someone, or when
///    its words stand under another point's label or in reverse order ("smooth ER – has ribosomes" for rough ER,
///    "green to orange" for "orange → green").
/// 6. The verdict follows ``GradeVerdict``: an answer that states only part of the card but matches another deck
///    card's answer clearly better is wrong. The suggested rating is ``Rating/good`` for correct and
///    ``Rating/again`` otherwise.
public struct AnswerGrader: Sendable {
  /// The thresholds in use.
  public var options: GradingOptions

  /// Creates a grader.
  public init(options: GradingOptions = GradingOptions()) {
    self.options = options
  }

  /// Grades `typed` against a card's `expected` answer; `front` and `deck` are optional context.
  public func grade(typed: String, expected: String, front: String? = nil, deck: GradingDeck? = nil) -> GradeResult {
    grade(typed, against: AnswerKey(expected: expected, front: front), in: deck)
  }

  /// Grades `typed` against a prepared key, optionally within its deck.
  public func grade(_ typed: String, against key: AnswerKey, in deck: GradingDeck? = nil) -> GradeResult {
    let points = key.compiled
    guard !points.isEmpty else { return gradeWithoutPoints(typed, key: key) }
    let answer = TypedAnswer(typed)
    guard !answer.isBlank else {
      return makeResult(
        points: points.map { GradedPoint(text: $0.text, hit: false, matched: nil) }, contradicted: false)
    }
    let context = GradingContext(key: key, deck: deck?.index)
    let (chunks, labels) = fragmentContext(answer: answer, points: points)
    let matcher = PointMatcher(
      points: points, typed: answer.tokens, context: context, typedChunks: chunks, typedLabels: labels)
    let groups = assignFragments(answer: answer, matcher: matcher)
    let graded = evaluate(groups: groups, answer: answer, matcher: matcher)
    let contradicted = graded.contains { $0.conflicting != nil }
    var result = makeResult(points: graded, contradicted: contradicted)
    // Some shared words are no credit when the answer is plainly another card's ("Head of the secret police" for
    // Malenkov's role).
    if options.rejectsNeighbourAnswers, result.verdict == .partial, let deck,
      let neighbour = NeighbourAnswers.betterMatch(for: answer.tokens, key: key, deck: deck)
    {
      result = makeResult(points: graded, contradicted: contradicted, forcedWrong: true)
      result.confusedWithCardID = neighbour
    }
    return result
  }

  // MARK: - Assignment

  /// For every typed token, its chunk, and the point labels its atom carries — its own, or else the last one
  /// typed before it in the chunk ("active: antibodies given, short term": "short term" is about "active").
  private func fragmentContext(answer: TypedAnswer, points: [AnswerPoint]) -> ([Int], [Set<String>]) {
    var chunks = [Int](repeating: -1, count: answer.tokens.count)
    var labels = [Set<String>](repeating: [], count: answer.tokens.count)
    let allLabels = points.reduce(into: Set<String>()) { $0.formUnion($1.label) }
    var carried: Set<String> = []
    var chunk = -1
    for atom in answer.atoms {
      if atom.chunk != chunk {
        chunk = atom.chunk
        carried = []
      }
      let own = Set(answer.tokens[atom.tokens].map(\.stem)).intersection(allLabels)
      if !own.isEmpty { carried = own }
      for index in atom.tokens {
        chunks[index] = atom.chunk
        labels[index] = carried
      }
    }
    return (chunks, labels)
  }

  /// Which atoms of the typed answer go to which point.
  private func assignFragments(answer: TypedAnswer, matcher: PointMatcher) -> [[Int]] {
    let pointCount = matcher.points.count
    let atomTokens = answer.atoms.map { Array($0.tokens) }
    // A fragment under another point's label ("smooth ER – …") never goes to this point.
    let scores = atomTokens.map { tokens in
      (0..<pointCount).map { point in
        tokens.contains { matcher.carriesOtherLabel($0, point: point) }
          ? 0 : matcher.coverage(of: point, by: tokens).score
      }
    }
    var groups = [[Int]](repeating: [], count: pointCount)
    var leftovers: [Int] = []
    for (atom, point) in OptimalAssignment.maximise(scores).enumerated() {
      if let point { groups[point].append(atom) } else { leftovers.append(atom) }
    }
    // A point often spans several atoms ("regular presidium" + "central committee meetings resumed"). An atom
    // that adds nothing still joins the point it talks about, so "…, not an offer" is read with its point.
    for atom in leftovers {
      var bestGain: Float = 0.05
      var bestPoint: Int?
      var closest: (score: Float, point: Int)?
      for point in 0..<pointCount
      where !atomTokens[atom].contains(where: { matcher.carriesOtherLabel($0, point: point) }) {
        let current = matcher.coverage(of: point, by: tokens(of: groups[point], in: answer)).score
        let extended = matcher.coverage(of: point, by: tokens(of: groups[point] + [atom], in: answer)).score
        if extended - current > bestGain {
          bestGain = extended - current
          bestPoint = point
        }
        let related = matcher.coverage(of: point, by: Array(answer.atoms[atom].tokens), countingOpposites: true).score
        if related > max(0.2, closest?.score ?? 0) { closest = (related, point) }
      }
      if let point = bestPoint ?? closest?.point { groups[point].append(atom) }
    }
    return groups
  }

  private func tokens(of atoms: [Int], in answer: TypedAnswer) -> [Int] {
    atoms.flatMap { Array(answer.atoms[$0].tokens) }
  }

  // MARK: - Evaluation

  private func evaluate(groups: [[Int]], answer: TypedAnswer, matcher: PointMatcher) -> [GradedPoint] {
    let threshold = Float(options.hitThreshold)
    var graded: [GradedPoint] = []
    var consumed: Set<Int> = []
    var contradicting: Set<Int> = []
    var missedIndices: [Int] = []
    for (point, atoms) in groups.enumerated() {
      let tokens = tokens(of: atoms, in: answer)
      let coverage = matcher.coverage(of: point, by: tokens)
      let conflict = matcher.contradiction(
        point: point, variant: coverage.variant, tokens: tokens, wholeAnswer: answer.tokens)
      let stated: Bool
      switch matcher.focusAnswer(point: point, tokens: tokens) {
      case .given: stated = true
      case .missing: stated = false
      case .notApplicable: stated = coverage.score >= threshold
      }
      let text = matcher.points[point].text
      if stated && conflict == nil {
        let used = matcher.usedTokens(point: point, variant: coverage.variant, tokens: tokens)
        consumed.formUnion(used)
        let usedAtoms = atoms.filter { answer.atoms[$0].tokens.contains(where: used.contains) }
        graded.append(
          GradedPoint(text: text, hit: true, matched: answer.text(of: usedAtoms.isEmpty ? atoms : usedAtoms)))
      } else {
        let conflicting = conflict != nil ? answer.text(of: atoms) : nil
        if conflict != nil { contradicting.formUnion(tokens) }
        graded.append(GradedPoint(text: text, hit: false, matched: nil, conflicting: conflicting))
        if conflict == nil { missedIndices.append(point) }
      }
    }
    // Words typed without separators ("destalinisation decentralisation") may state a second point inside an
    // atom given to the first: let missed points use whatever words no hit point used.
    for point in missedIndices {
      let pool = answer.tokens.indices.filter {
        !consumed.contains($0) && !contradicting.contains($0) && !matcher.carriesOtherLabel($0, point: point)
      }
      let coverage = matcher.coverage(of: point, by: pool)
      guard coverage.score >= threshold, matcher.focusAnswer(point: point, tokens: pool) != .missing else { continue }
      let used = matcher.usedTokens(point: point, variant: coverage.variant, tokens: pool)
      let atoms = answer.atoms.indices.filter { answer.atoms[$0].tokens.contains(where: used.contains) }
      let local = tokens(of: atoms, in: answer).filter { !consumed.contains($0) }
      guard
        matcher.contradiction(point: point, variant: coverage.variant, tokens: local, wholeAnswer: answer.tokens)
          == nil
      else { continue }
      consumed.formUnion(used)
      graded[point] = GradedPoint(text: graded[point].text, hit: true, matched: answer.text(of: atoms))
    }
    return graded
  }

  private func makeResult(points: [GradedPoint], contradicted: Bool, forcedWrong: Bool = false) -> GradeResult {
    let hits = points.filter(\.hit).count
    let total = points.count
    let verdict: GradeVerdict
    if forcedWrong || hits == 0 {
      verdict = .wrong
    } else if hits == total {
      verdict = .correct
    } else if total >= options.longAnswerMinimumPoints, !contradicted,
      Double(hits) >= (options.longAnswerRequiredShare * Double(total)).rounded(.up)
    {
      verdict = .correct
    } else {
      verdict = .partial
    }
    return GradeResult(
      pointsHit: hits, pointsTotal: total, verdict: verdict, points: points,
      suggestedRating: verdict == .correct ? .good : .again, missed: points.filter { !$0.hit }.map(\.text))
  }

  /// An expected answer with nothing to grade (an empty back): only an empty or identical answer is correct.
  private func gradeWithoutPoints(_ typed: String, key: AnswerKey) -> GradeResult {
    let same = DeckIndex.answerKey(typed) == DeckIndex.answerKey(key.expected)
    return GradeResult(
      pointsHit: 0, pointsTotal: 0, verdict: same ? .correct : .wrong, points: [],
      suggestedRating: same ? .good : .again, missed: [])
  }
}
