/// Builds quiz questions from a deck: multiple choice, true/false, matching, cloze and list recall.
///
/// Every question is deterministic: the same cards and seed give the same question, whatever order questions
/// are asked in (each card's randomness is seeded with the seed and the card's id).
public struct QuizBuilder: Sendable {
  /// The deck's cards.
  public let cards: [QuizCard]
  /// The seed all choices and shuffles derive from.
  public let seed: UInt64
  private let shapes: [AnswerShape]
  private let index: DeckIndex

  /// Prepares `cards` for quizzing with `seed`.
  public init(cards: [QuizCard], seed: UInt64) {
    self.cards = cards
    self.seed = seed
    shapes = cards.map { AnswerShape($0.back) }
    index = DeckIndex(cards: cards)
  }

  // MARK: - Multiple choice and true/false

  /// A multiple-choice question for `card`: its back and three distractors from the deck of the same kind and a
  /// similar length (dates for dates, names for names, lists for lists), never equal to the right answer once
  /// normalised, in shuffled order. When the deck has too few answers of a date or number, the missing
  /// distractors are nearby dates or numbers. Nil when the card has no front or answer, or fewer than
  /// `minimumDistractors` distractors exist (a study screen takes what there is in a small deck; a quiz wants
  /// all three).
  public func multipleChoice(for card: QuizCard, minimumDistractors: Int = 3) -> MultipleChoiceQuestion? {
    guard !card.front.trimmingWhitespace().isEmpty else { return nil }
    var random = QuizRandom(seed: seed, salt: UInt64(bitPattern: card.id))
    let distractors = self.distractors(for: card, count: 3, random: &random)
    guard distractors.count >= minimumDistractors else { return nil }
    let options = random.shuffled([card.back] + distractors)
    guard let correct = options.firstIndex(of: card.back) else { return nil }
    return MultipleChoiceQuestion(cardID: card.id, prompt: card.front, options: options, correctIndex: correct)
  }

  /// A true/false question for `card`: its front with, half the time, its own answer and otherwise the most
  /// alike answer of another card. Nil when the card has no front or answer.
  public func trueFalse(for card: QuizCard) -> TrueFalseQuestion? {
    guard !card.front.trimmingWhitespace().isEmpty, !card.back.trimmingWhitespace().isEmpty else { return nil }
    var random = QuizRandom(seed: seed, salt: UInt64(bitPattern: card.id) &+ 1)
    let showOwn = random.next() % 2 == 0
    if !showOwn, let other = distractors(for: card, count: 1, random: &random).first {
      return TrueFalseQuestion(cardID: card.id, prompt: card.front, shownAnswer: other, isTrue: false)
    }
    return TrueFalseQuestion(cardID: card.id, prompt: card.front, shownAnswer: card.back, isTrue: true)
  }

  /// The answers most like `card`'s (same kind first, then similar length), distinct from it and from each
  /// other once normalised.
  private func distractors(for card: QuizCard, count: Int, random: inout QuizRandom) -> [String] {
    guard !card.back.trimmingWhitespace().isEmpty else { return [] }
    let own = cards.firstIndex { $0.id == card.id }.map { shapes[$0] } ?? AnswerShape(card.back)
    var seen: Set<String> = [own.key]
    var scored: [(score: Double, text: String)] = []
    for (other, shape) in zip(cards, shapes) where other.id != card.id {
      guard !other.back.trimmingWhitespace().isEmpty, !shape.key.isEmpty, seen.insert(shape.key).inserted else {
        continue
      }
      // A little seeded noise varies the choice among equally good distractors.
      let jitter = Double(random.next() % 1000) / 4000
      scored.append((own.likeness(to: shape) + jitter, other.back))
    }
    // Dates are only ever offered against dates, amounts against amounts.
    let numeric = own.kind == .date || own.kind == .quantity
    if numeric { scored.removeAll { AnswerShape($0.text).kind != own.kind } }
    var chosen = scored.sorted { $0.score > $1.score }.prefix(count).map(\.text)
    if chosen.count < count, numeric {
      for alternative in nearbyNumbers(in: card.back, random: &random) where chosen.count < count {
        let key = AnswerShape(alternative).key
        if seen.insert(key).inserted { chosen.append(alternative) }
      }
    }
    return chosen
  }

  /// The answer with its first number moved a little: other years for a year, other amounts for an amount.
  private func nearbyNumbers(in answer: String, random: inout QuizRandom) -> [String] {
    let tokens = TextNormalizer.tokens(answer)
    guard let number = tokens.first(where: { $0.numberClass == .year || $0.numberClass == .amount }),
      let value = Int(number.form)
    else { return [] }
    let offsets = number.numberClass == .year ? [-1, 1, -2, 2, -3, 3, -5, 5, -10, 10] : [1, -1, 2, -2, value, 3]
    let scalars = Array(answer.unicodeScalars)
    return random.shuffled(offsets).compactMap { offset in
      let changed = value + offset
      guard changed > 0, changed != value else { return nil }
      return TopLevelText.string(scalars[..<number.range.lowerBound]) + String(changed)
        + TopLevelText.string(scalars[number.range.upperBound...])
    }
  }

  // MARK: - Matching

  /// A matching exercise of `pairs` cards (clamped to 5…8) with short, distinct answers, prompts and answers
  /// each in shuffled order. Nil when the deck has fewer than five such cards.
  public func matching(pairs: Int = 6) -> MatchingQuiz? {
    var random = QuizRandom(seed: seed, salt: 0x6D61_7463_6869_6E67)
    var seenBacks: Set<String> = []
    var seenFronts: Set<String> = []
    var eligible: [QuizCard] = []
    for (card, shape) in zip(cards, shapes) {
      let front = DeckIndex.answerKey(card.front)
      guard !front.isEmpty, !shape.key.isEmpty, shape.wordCount <= 15, TopLevelText.wordCount(card.front) <= 20,
        !seenBacks.contains(shape.key), !seenFronts.contains(front)
      else { continue }
      seenBacks.insert(shape.key)
      seenFronts.insert(front)
      eligible.append(card)
    }
    let size = min(max(pairs, 5), 8)
    guard eligible.count >= 5 else { return nil }
    let chosen = Array(random.shuffled(eligible).prefix(size))
    let order = random.shuffled(Array(chosen.indices))
    let answers = order.map { chosen[$0].back }
    let solution = chosen.indices.map { prompt in order.firstIndex(of: prompt)! }
    return MatchingQuiz(cardIDs: chosen.map(\.id), prompts: chosen.map(\.front), answers: answers, solution: solution)
  }

  // MARK: - Cloze

  /// A cloze made from `card`'s answer: its key term — a number or date, a name, or the rarest word in the deck
  /// that the front does not already give away — replaced by a blank. Nil when the answer is too short to blank
  /// anything in it (fewer than three words) or has no such term.
  public func cloze(for card: QuizCard) -> ClozeQuestion? {
    let tokens = TextNormalizer.tokens(card.back)
    guard tokens.filter({ $0.kind == .word || $0.isNumber }).count >= 3 else { return nil }
    let frontStems = Set(TextNormalizer.tokens(card.front).map(\.stem))
    var random = QuizRandom(seed: seed, salt: UInt64(bitPattern: card.id) &+ 2)
    var best: (score: Double, range: Range<Int>)?
    var position = 0
    while position < tokens.count {
      let token = tokens[position]
      var end = position + 1
      // A name spans its capitalised neighbours ("Cuban missile crisis" stays whole only when capitalised).
      if token.kind == .word, token.capitalized {
        while end < tokens.count, tokens[end].kind == .word, tokens[end].clause == token.clause,
          tokens[end].range.lowerBound - tokens[end - 1].range.upperBound <= 1,
          tokens[end].capitalized || tokens[end].hyphenJoined
        {
          end += 1
        }
      }
      defer { position = end }
      guard !token.optional, token.kind == .word || token.isNumber, token.form.count >= 2,
        !frontStems.contains(token.stem)
      else { continue }
      var score: Double
      if token.numberClass == .year {
        score = 3.5
      } else if token.isNumber {
        score = 3
      } else if index.isName(token.stem) || (token.capitalized && !token.sentenceInitial) {
        score = 2.5
      } else if CommonWords.all.contains(token.form) || FunctionWords.light.contains(token.form) || token.form.count < 4
      {
        score = 0.2
      } else {
        score = 1 + Double(index.rarity(of: token.stem))
      }
      score += Double(random.next() % 100) / 1000
      if score > (best?.score ?? 0) {
        best = (score, tokens[position].range.lowerBound..<tokens[end - 1].range.upperBound)
      }
    }
    guard let range = best?.range else { return nil }
    let scalars = Array(card.back.unicodeScalars)
    let answer = TopLevelText.string(scalars[range])
    let text =
      TopLevelText.string(scalars[..<range.lowerBound]) + ClozeQuestion.blank
      + TopLevelText.string(scalars[range.upperBound...])
    return ClozeQuestion(cardID: card.id, prompt: card.front, text: text, answer: answer)
  }

  // MARK: - List recall

  /// A list-recall question for a card whose answer is a list (bullets, numbered items, or a comma list):
  /// "Name the 3 main players in the presidium". Nil when the answer is not a list of at least two items.
  public func listRecall(for card: QuizCard) -> ListRecallQuestion? {
    let items = PointSplitter.points(of: card.back, front: card.front).map(\.text)
    guard items.count >= 2, Self.isList(card.back) else { return nil }
    return ListRecallQuestion(
      cardID: card.id, prompt: Self.listPrompt(front: card.front, count: items.count), items: items, front: card.front,
      back: card.back)
  }

  private static func isList(_ back: String) -> Bool {
    let lines = back.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    if lines.filter({ PointSplitter.stripMarker($0).1 }).count >= 2 { return true }
    return lines.count == 1 && PointSplitter.listItems(lines[0]) != nil
  }

  /// "Who were the main players in the presidium?" → "Name the 3 main players in the presidium";
  /// "Features of destalinisation" → "Name the 4 features of destalinisation".
  static func listPrompt(front: String, count: Int) -> String {
    var text = front.trimmingWhitespace()
    while let last = text.last, "?:.".contains(last) { text.removeLast() }
    guard !text.isEmpty else { return "Name all \(count) points" }
    let words = text.split(separator: " ").map(String.init)
    let lower = words.map { $0.lowercased() }
    if lower.first == "name" { return text + " (\(count))" }
    if lower.count > 2, ["what", "who", "which"].contains(lower[0]), ["are", "were", "is", "was"].contains(lower[1]) {
      var rest = Array(words.dropFirst(2))
      if rest.first?.lowercased() == "the" { rest.removeFirst() }
      return "Name the \(count) " + rest.joined(separator: " ")
    }
    let plurals = [
      "features", "types", "factors", "causes", "examples", "characteristics", "rules", "steps", "processes",
      "stages", "effects", "reasons", "functions", "uses", "advantages", "disadvantages", "methods", "elements",
      "consequences", "problems", "policies", "reforms",
    ]
    if let first = lower.first, plurals.contains(first) {
      return "Name the \(count) " + lower[0] + " " + words.dropFirst().joined(separator: " ")
    }
    return text + " — name all \(count)"
  }
}
