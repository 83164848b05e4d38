import Testing

@testable import RecallCore

/// The grader's rules, each on a small example from the user's deck or the import corpus.
@Suite("Grading typed answers")
struct GraderBehaviourTests {
  static let grader = AnswerGrader()
  static let features = """
    - regular presidium and central committee meetings resumed
    - more power to regional levels - decentralisation of decision making
    - secret police lost control of the labour camps and 2 million prisoners were released before 1960
    - officials did not face criticism when they did not meet targets
    """
  static let khrushchev = Result { GradingDeck(cards: try LabelledAnswers.deck("khrushchev")) }

  static func grade(_ typed: String, _ expected: String, front: String? = nil, deck: GradingDeck? = nil) -> GradeResult
  {
    grader.grade(typed: typed, expected: expected, front: front, deck: deck)
  }

  @Test(
    "Any order and any layout: bullets, one line with commas, semicolons or \"and\", several lines",
    arguments: [
      "- officials did not face criticism when they did not meet targets\n- decentralisation of decision making\n"
        + "- regular presidium and central committee meetings resumed\n- secret police lost control of the labour camps "
        + "and 2 million prisoners were released before 1960",
      "decentralisation of decision making, officials weren't criticised for missing targets, regular presidium and "
        + "CC meetings resumed, secret police lost control of the camps and 2,000,000 prisoners were released before 1960",
      "regular presidium & central committee meetings resumed; more power to the regions; two million prisoners "
        + "freed before 1960 as the secret police lost the labor camps; officials not criticised when they missed targets",
    ])
  func anyOrderAndLayout(_ typed: String) {
    let result = Self.grade(typed, Self.features, front: "Features of destalinisation")
    #expect(result.verdict == .correct, "\(result.missed)")
    #expect(result.pointsHit == 4)
  }

  @Test("Each point reports the typed fragment that matched it; missed points are listed")
  func reportsFragments() {
    let result = Self.grade("Beria, Malenkov", "- Malenkov\n- Beria\n- Khrushchev")
    #expect(result.points.map(\.matched) == ["Malenkov", "Beria", nil])
    #expect(result.missed == ["Khrushchev"])
    #expect(result.verdict == .partial)
    #expect(result.suggestedRating == .again)
  }

  @Test("Typos are forgiven in words")
  func typos() {
    #expect(Self.grade("Malenkov\nBeria\nKruschev", "- Malenkov\n- Beria\n- Khrushchev").verdict == .correct)
    #expect(Self.grade("colective leadrship", "Collective leadership").verdict == .correct)
  }

  @Test("A different number or date never passes")
  func numbers() {
    #expect(Self.grade("1955", "1956").verdict == .wrong)
    #expect(Self.grade("released 2 million prisoners", "released 1 million prisoners").verdict == .wrong)
    let front = "When was Khrushchevs power enhanced?"
    let expected = "1958 - became prime minister AND first secretary - head of government and party!"
    #expect(Self.grade("1957 - became prime minister and first secretary", expected, front: front).verdict == .wrong)
    #expect(Self.grade("1958", expected, front: front).verdict == .correct)
    #expect(Self.grade("became PM and first secretary", expected, front: front).verdict == .wrong)
  }

  @Test(
    "Negations and opposites of the card's words are wrong",
    arguments: [
      ("did not release any prisoners", "released prisoners from the gulags"),
      ("they were arrested and shot", "Not arrested or murdered (like Stalin)"),
      ("increased terror", "reduced terror significantly"),
      ("electrons have a longer wavelength", "Electrons have a shorter wavelength than light"),
      ("Yes, Felthouse v Bindley", "No - Felthouse v Bindley (1862)"),
      ("has unlimited capacity", "has a very limited capacity"),
      ("rewards based on background rather than ability", "rewards are based on ability and effort, not background"),
    ])
  func negations(_ pair: (String, String)) {
    #expect(Self.grade(pair.0, pair.1).verdict == .wrong)
  }

  @Test("A negation the card itself makes must be kept")
  func keptNegation() {
    #expect(Self.grade("they weren't arrested or killed", "Not arrested or murdered (like Stalin)").verdict == .correct)
    #expect(
      Self.grade("bureaucrats disliked his decentralisation", "bureaucrats did not like decentralisation").verdict
        == .correct)
  }

  @Test("Another name in place of the card's is wrong")
  func swappedNames() throws {
    let deck = try Self.khrushchev.get()
    let expected =
      "Opposition to Khrushchev led by Molotov and Malenkov:\n- they persuaded the presidium to vote on the removal of Khrushchev"
    let result = Self.grade(
      "opposition led by Beria and Malenkov", expected, front: "What was the anti-party coup?", deck: deck)
    #expect(result.verdict == .wrong)
  }

  @Test("Another card's answer from the same deck is wrong")
  func neighbourAnswer() throws {
    let deck = try Self.khrushchev.get()
    let result = Self.grade(
      "Head of the secret police (NKVD)", "Premier of the Soviet Union (prime minister)", front: "Malenkov’s role",
      deck: deck)
    #expect(result.verdict == .wrong)
    let geography = GradingDeck(cards: try LabelledAnswers.deck("geog-rivers"))
    let erosion = Self.grade(
      "traction, saltation, suspension, solution",
      "a) hydraulic action\nb) abrasion\nc) attrition\nd) solution (corrosion)",
      front: "Name the 4 processes of erosion", deck: geography)
    #expect(erosion.verdict == .wrong)
    #expect(erosion.confusedWithCardID == 5)
  }

  @Test("Facts under swapped labels, or in swapped order, are wrong")
  func swappedRoles() {
    let er =
      "- rough ER – has ribosomes on the surface, makes & transports proteins\n- smooth ER – no ribosomes, makes lipids + steroids"
    #expect(
      Self.grade("smooth ER – has ribosomes, makes proteins\nrough ER – no ribosomes, makes lipids", er).verdict
        == .wrong)
    #expect(
      Self.grade("rough ER has ribosomes and makes proteins; smooth ER has none and makes lipids", er).verdict
        == .correct)
    #expect(Self.grade("green to orange", "orange -> green").verdict == .wrong)
    #expect(Self.grade("orange to green", "orange -> green").verdict == .correct)
    #expect(Self.grade("new info interferes with old", "old info interferes with new").verdict == .wrong)
  }

  @Test("Paraphrase through synonyms, abbreviations and the card's own alternatives")
  func alternatives() {
    #expect(Self.grade("PM of the USSR", "Premier of the Soviet Union (prime minister)").verdict == .correct)
    #expect(Self.grade("elevator", "lift / elevator").verdict == .correct)
    #expect(Self.grade("translation", "Protein synthesis (translation)").verdict == .correct)
    #expect(Self.grade("physical layer", "Physical – transmits raw bits over cable / radio").verdict == .correct)
  }

  @Test("Long lists tolerate one miss in five to nine points, but not a wrong item")
  func longLists() {
    let expected = "aus, außer, bei, mit, nach, seit, von, zu, gegenüber"
    #expect(Self.grade("aus ausser bei mit nach seit von zu", expected).verdict == .correct)
    #expect(Self.grade("aus, bei, mit, nach, seit, von", expected).verdict == .partial)
    let short = "- a one\n- b two\n- c three\n- d four"
    #expect(Self.grade("a one, b two, c three", short).verdict == .partial)
  }

  @Test("Blank and \"don't know\" answers are wrong with every point missed")
  func blanks() {
    for typed in ["", "   ", "idk", "I don't know", "?"] {
      let result = Self.grade(typed, "- Malenkov\n- Beria")
      #expect(result.verdict == .wrong)
      #expect(result.missed == ["Malenkov", "Beria"])
    }
  }

  @Test("An expected answer with nothing to grade is correct only when matched as it is")
  func emptyExpected() {
    #expect(Self.grade("", "").verdict == .correct)
    #expect(Self.grade("something", "").verdict == .wrong)
    #expect(Self.grade("x", "").pointsTotal == 0)
  }
}
