import Foundation

/// What a line of pasted notes looks like, as the segmentation model sees it.
///
/// Plain values only, no strings: the model reads three of these per line, and copying a string costs reference
/// counting each time.
struct LineFeatures {
  let listMarker: ListMarker?
  let wordCount: Int
  let lastScalar: Unicode.Scalar?
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
  let hasCapitalisedWord: Bool
  let markdownHeading: Bool

  var endsWithQuestionMark: Bool { lastScalar == "?" }
  var endsWithColon: Bool { lastScalar == ":" }
  var endsSentence: Bool { lastScalar == "." || lastScalar == "!" }

  init(_ line: String) {
    let listItem = ListMarker.parse(line[...])
    listMarker = listItem?.marker
    let content = listItem?.content ?? line[...].drop { $0 == " " || $0 == "\t" }
    // One pass over the bytes for everything ASCII: this runs on every line of 100,000-card files.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(content.utf8.count)
    bytes.append(contentsOf: content.utf8)
    var words = 0
    var firstWordEnd = bytes.count
    var capitalised = false
    var wordStart = -1
    var uppercaseRun = 0
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0x20
      if byte == 0x20 || byte == 0x09 {
        if wordStart >= 0 {
          if words == 0 { firstWordEnd = index }
          words += 1
          if uppercaseRun >= 3 && uppercaseRun == index - wordStart { capitalised = true }
        }
        wordStart = -1
        uppercaseRun = 0
      } else {
        if wordStart < 0 { wordStart = index }
        if byte >= 0x41 && byte <= 0x5A { uppercaseRun += 1 }
      }
    }
    wordCount = words
    hasCapitalisedWord = capitalised
    lastScalar = content.unicodeScalars.last
    let first = firstWordEnd <= 24 ? Self.normalisedWord(bytes[..<firstWordEnd]) : ""
    let opener = first.isEmpty ? [] : Self.openers[first] ?? []
    opensWithQuestionWord = opener.contains(.question)
    opensWithAuxiliaryVerb = opener.contains(.auxiliary)
    opensWithPromptVerb = opener.contains(.prompt)
    opensWithContinuationWord = opener.contains(.continuation)
    opensWithTopicNoun = opener.contains(.topic)
    let firstScalar = content.unicodeScalars.first
    if let firstByte = bytes.first, firstByte < 0x80 {
      let firstAlphanumeric = bytes.first {
        ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80
      }
      if let byte = firstAlphanumeric, byte < 0x80 {
        startsLowercase = byte >= 0x61 && byte <= 0x7A
      } else {
        startsLowercase = content.unicodeScalars.first { $0.properties.isAlphabetic }?.properties.isLowercase ?? false
      }
      startsWithDigit = firstByte >= 0x30 && firstByte <= 0x39
    } else {
      startsLowercase = firstScalar?.properties.isLowercase ?? false
      startsWithDigit = firstScalar.map { $0.properties.numericType != nil } ?? false
    }
    hasSpacedDash =
      Self.contains(bytes, [0x20, 0x2D, 0x20]) || Self.contains(bytes, [0x20, 0xE2, 0x80, 0x93, 0x20])
      || Self.contains(bytes, [0x20, 0xE2, 0x80, 0x94, 0x20])
    hasCommaClause = Self.contains(bytes, [0x2C, 0x20])
    let beforeLast = bytes.dropLast()
    hasInnerQuestion = beforeLast.contains(0x3F)
    hasInnerColon = Self.contains(beforeLast, [0x3A, 0x20])
    opensWithQuote = firstScalar.map { "\"“‘'«".unicodeScalars.contains($0) } ?? false
    markdownHeading = line.hasPrefix("# ")
  }

  private static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
    guard bytes.count >= pattern.count else { return false }
    var index = bytes.startIndex
    let last = bytes.endIndex - pattern.count
    while index <= last {
      if bytes[index] == pattern[0] {
        var offset = 1
        while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
        if offset == pattern.count { return true }
      }
      index += 1
    }
    return false
  }

  private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool { contains(bytes[...], pattern) }

  private static func normalisedWord(_ bytes: ArraySlice<UInt8>) -> String {
    // ASCII words, nearly all of them, are lowercased byte by byte; the rest go through Unicode.
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return normalisedWord(Substring(decoding: bytes, as: UTF8.self)) }
    var word: [UInt8] = []
    word.reserveCapacity(bytes.count)
    for byte in bytes {
      switch byte {
      case 0x41...0x5A: word.append(byte | 0x20)
      case 0x61...0x7A, 0x27: word.append(byte)
      default: break
      }
    }
    return String(decoding: word, as: UTF8.self)
  }

  /// Whether `line` names what a deck is ("Flashcards", "Notes", "Chapter"): asked of the first line only.
  static func hasTitleWord(_ line: String) -> Bool {
    line.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { titleWords.contains(normalisedWord($0)) }
  }

  /// The kinds of word a line can open with, one lookup for all of them.
  private struct Opener: OptionSet {
    let rawValue: UInt8
    static let question = Opener(rawValue: 1)
    static let auxiliary = Opener(rawValue: 2)
    static let prompt = Opener(rawValue: 4)
    static let continuation = Opener(rawValue: 8)
    static let topic = Opener(rawValue: 16)
  }

  private static let openers: [String: Opener] = {
    var openers: [String: Opener] = [:]
    let kinds: [(Set<String>, Opener)] = [
      (questionWords, .question), (auxiliaryVerbs, .auxiliary), (promptVerbs, .prompt),
      (continuationWords, .continuation), (topicNouns, .topic),
    ]
    for (words, kind) in kinds {
      for word in words { openers[word, default: []].insert(kind) }
    }
    return openers
  }()

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
