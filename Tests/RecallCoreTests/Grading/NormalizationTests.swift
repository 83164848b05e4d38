import Testing

@testable import RecallCore

/// Each normalisation rule: two spellings that must read the same, and pairs that must stay apart.
@Suite("Answer normalisation")
struct NormalizationTests {
  /// The stems of the content words and numbers, which is what matching compares.
  static func stems(_ text: String) -> [String] {
    TextNormalizer.tokens(text).filter { $0.kind == .word || $0.isNumber }.map(\.stem)
  }

  @Test(
    "Case, punctuation, diacritics and curly quotes",
    arguments: [
      ("Reduce TERROR!", "reduce terror"), ("gegenüber", "gegenuber"), ("außer", "ausser"),
      ("café crème", "cafe creme"),
      ("Stalin’s body", "Stalin's body"), ("“secret speech”", "\"secret speech\""), ("œuf", "oeuf"),
      ("β-lactamases", "beta-lactamases"),
    ])
  func foldsCharacters(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) == Self.stems(pair.1))
  }

  @Test(
    "British and American spellings",
    arguments: [
      ("organisation", "organization"), ("decentralise", "decentralize"), ("colour", "color"),
      ("behaviour", "behavior"), ("centre", "center"), ("centred", "centered"), ("fibre", "fiber"),
      ("catalogue", "catalog"), ("defence", "defense"), ("licence", "license"), ("analyse", "analyze"),
      ("travelled", "traveled"), ("haemoglobin", "hemoglobin"), ("oesophagus", "esophagus"), ("foetus", "fetus"),
      ("labour camps", "labor camps"), ("favourite", "favorite"), ("programme", "program"),
    ])
  func mergesSpellings(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) == Self.stems(pair.1))
  }

  @Test(
    "Number words, digits and ordinals",
    arguments: [
      ("two million", "2,000,000"), ("2 million prisoners", "2000000 prisoners"), ("a million", "1000000"),
      ("1st Secretary", "first secretary"), ("Twentieth party congress", "20th party congress"),
      ("twenty-second", "22nd"), ("4.3 billion", "4,300,000,000"), ("4.3bn", "4300000000"), ("seven", "7"),
      ("one hundred and fifty", "150"), ("7 +/- 2", "7 ± 2"), ("7 plus or minus 2", "7±2"),
    ])
  func readsNumbers(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) == Self.stems(pair.1))
  }

  @Test(
    "Abbreviations, symbols and contractions",
    arguments: [
      ("govt", "government"), ("w/ the army", "with the army"), ("Britain & France", "Britain and France"),
      ("Britain + France", "Britain and France"), ("info gaps", "information gaps"), ("PM", "prime minister"),
      ("USSR", "Soviet Union"), ("approx 30 seconds", "30 seconds"), ("didn't", "did not"), ("doesnt", "does not"),
      ("can't", "cannot"), ("e.g. queuing", "eg queuing"), ("A-H", "AH"), ("in charge of the army", "head of the army"),
    ])
  func expandsAbbreviations(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) == Self.stems(pair.1))
  }

  @Test(
    "Light stemming and everyday synonyms",
    arguments: [
      ("released", "releases"), ("releasing", "release"), ("studies", "studied"), ("stopped", "stop"),
      ("criticised", "criticism"), ("freed", "released"), ("executed", "killed"), ("made up", "invented"),
      ("British", "Britain"), ("Austro-Hungarian", "Austria-Hungary"),
    ])
  func stemsWords(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) == Self.stems(pair.1))
  }

  @Test(
    "Words that must stay apart",
    arguments: [
      ("1955", "1956"), ("O(n log n)", "O(log n)"), ("70S", "80S"), ("higher", "high"), ("station", "state"),
      ("hypertonic", "hypotonic"), ("2 million", "20 million"), ("first", "second"),
    ])
  func keepsApart(_ pair: (String, String)) {
    #expect(Self.stems(pair.0) != Self.stems(pair.1))
  }

  @Test("Numbers are classed: years, amounts, ordinals, codes")
  func classesNumbers() {
    let tokens = TextNormalizer.tokens("1958 2,000,000 22nd IPv4 O(n²)").filter(\.isNumber)
    #expect(tokens.map(\.numberClass) == [.year, .amount, .ordinal, .code, .code])
    #expect(tokens.last?.form == "o(n2)")
  }

  @Test("A negation covers the rest of its clause, and only that")
  func negationScope() {
    let tokens = TextNormalizer.tokens("did not release prisoners, reduced terror")
    let negated = Dictionary(tokens.map { ($0.form, $0.negated) }, uniquingKeysWith: { $0 || $1 })
    #expect(negated["release"] == true)
    #expect(negated["prisoners"] == true)
    #expect(negated["reduced"] == false)
    #expect(negated["terror"] == false)
  }

  @Test("\"non-\" negates its own word only")
  func nonPrefix() {
    let tokens = TextNormalizer.tokens("non-rival and non-excludable goods").filter { $0.kind == .word }
    #expect(tokens.map(\.negated) == [true, true, false])
  }

  @Test("An answer's first \"No\" is the answer, not a negation")
  func answerWord() {
    let tokens = TextNormalizer.tokens("No – Felthouse v Bindley")
    #expect(tokens.first?.kind == .word)
    #expect(tokens.dropFirst().allSatisfy { !$0.negated })
  }

  @Test("Parentheses and e.g. tails are optional; the tail ends with its bracket")
  func optionalParts() {
    let tokens = TextNormalizer.tokens("antibodies are given (e.g. breast milk, injection), short term")
    let optional = tokens.filter(\.optional).map(\.form)
    #expect(optional.contains("breast"))
    #expect(optional.contains("injection"))
    #expect(!optional.contains("short"))
  }

  @Test("List markers and bullets are not words")
  func listMarkers() {
    #expect(Self.stems("1) zero order 2) first order") == Self.stems("zero order, first order"))
    #expect(Self.stems("- reduce terror\n• release prisoners") == Self.stems("reduce terror release prisoners"))
  }
}
