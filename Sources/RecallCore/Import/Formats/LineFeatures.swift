import Foundation

/// What a line of pasted notes looks like, as the segmentation model sees it.
struct LineFeatures {
  let text: String
  let listMarker: ListMarker?
  let wordCount: Int
  let lastCharacter: Character?
  let opensWithQuestionWord: Bool
  let opensWithAuxiliaryVerb: Bool
  let opensWithPromptVerb: Bool
  let opensWithContinuationWord: Bool
  let opensWithTopicNoun: Bool
  let startsLowercase: Bool
  let startsWithDigit: Bool
  let hasSpacedDash: Bool
  let hasCommaClause: Bool
  let hasInnerQuestion: Bool
  let hasInnerColon: Bool
  let opensWithQuote: Bool
  let hasTitleWord: Bool
  let hasCapitalisedWord: Bool
  let markdownHeading: Bool

  var endsWithQuestionMark: Bool { lastCharacter == "?" }
  var endsWithColon: Bool { lastCharacter == ":" }
  var endsSentence: Bool { lastCharacter == "." || lastCharacter == "!" }

  init(_ line: String) {
    text = line
    let listItem = ListMarker.parse(line[...])
    listMarker = listItem?.marker
    let content = listItem?.content ?? line[...].drop { $0 == " " || $0 == "\t" }
    let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
    wordCount = words.count
    lastCharacter = content.last
    let firstWord = words.first.map { Self.normalisedWord($0) } ?? ""
    opensWithQuestionWord = Self.questionWords.contains(firstWord)
    opensWithAuxiliaryVerb = Self.auxiliaryVerbs.contains(firstWord)
    opensWithPromptVerb = Self.promptVerbs.contains(firstWord)
    opensWithContinuationWord = Self.continuationWords.contains(firstWord)
    opensWithTopicNoun = Self.topicNouns.contains(firstWord)
    let firstLetter = content.first { $0.isLetter || $0.isNumber }
    startsLowercase = firstLetter?.isLowercase ?? false
    startsWithDigit = content.first?.isNumber ?? false
    hasSpacedDash = content.contains(" - ") || content.contains(" – ") || content.contains(" — ")
    hasCommaClause = content.contains(", ")
    hasInnerQuestion = content.dropLast().contains("?")
    hasInnerColon = content.dropLast().contains(": ")
    opensWithQuote = content.first.map { "\"“‘'«".contains($0) } ?? false
    hasTitleWord = words.contains { Self.titleWords.contains(Self.normalisedWord($0)) }
    hasCapitalisedWord = words.contains { $0.count > 2 && $0.allSatisfy { $0.isUppercase } }
    markdownHeading = line.hasPrefix("# ")
  }

  private static func normalisedWord(_ word: Substring) -> String {
    String(word.lowercased().filter { $0.isLetter || $0 == "'" || $0 == "’" })
  }

  private static let questionWords: Set<String> = [
    "what", "what's", "what’s", "whats", "who", "who's", "who’s", "whom", "whose", "when", "where", "why", "how",
    "which",
  ]
  private static let auxiliaryVerbs: Set<String> = [
    "did", "does", "do", "is", "are", "was", "were", "can", "could", "should", "would", "will", "has", "have",
    "had", "isn't", "isn’t", "didn't", "didn’t",
  ]
  private static let promptVerbs: Set<String> = [
    "explain", "describe", "define", "definition", "name", "list", "outline", "give", "state", "identify",
    "compare", "contrast", "summarise", "summarize", "discuss", "evaluate", "assess", "analyse", "analyze",
    "calculate", "label", "distinguish", "suggest", "translate", "recall", "examine",
  ]
  private static let continuationWords: Set<String> = [
    "they", "it", "he", "she", "this", "these", "those", "that", "but", "and", "also", "however", "because",
    "so", "then", "thus", "therefore", "or", "as", "while", "although", "though", "its", "their", "his",
    "her", "e.g", "eg", "ie", "i.e", "yes", "no",
  ]
  /// Nouns that open statement-term fronts: "Features of destalinisation", "Causes of WW1", "Role of the liver".
  private static let topicNouns: Set<String> = [
    "differences", "difference", "similarities", "advantages", "disadvantages", "features", "causes", "effects",
    "consequences", "types", "examples", "functions", "function", "role", "stages", "structure", "properties",
    "uses", "characteristics", "importance", "impact", "reasons", "factors", "definition", "meaning", "purpose",
    "process", "steps", "order", "key", "main", "significance", "benefits", "limitations", "strengths",
    "weaknesses", "aims", "methods", "principles", "components", "parts",
  ]
  private static let titleWords: Set<String> = [
    "flashcards", "flashcard", "flash", "notes", "revision", "quiz", "vocabulary", "vocab", "glossary", "terms",
    "chapter", "unit", "topic", "lesson", "week", "lecture", "module", "cards", "deck", "summary", "questions",
    "definitions", "keywords", "exam", "review", "guide",
  ]
}
