import Foundation

/// Turns answer text into normalised tokens: contractions and abbreviations expanded, numbers read, British
/// spellings made American, words stemmed and synonyms merged, and every token marked with its clause, whether a
/// negation covers it and whether it is optional. Both the expected and the typed answer go through here, so
/// whatever two spellings it merges, it merges on both sides.
enum TextNormalizer {
  private struct Item {
    var text: String
    var range: Range<Int>
    var capitalized: Bool
    var allCaps: Bool
    var sentenceInitial: Bool
    var hyphenJoined: Bool
    var depth: Int
    var isBigO: Bool
    var isOrdinal = false
  }

  private enum Piece {
    case word(Item)
    case separator(AnswerLexer.Separator)
  }

  /// The tokens of `text`.
  static func tokens(_ text: String) -> [AnswerToken] {
    var pieces = expandWords(AnswerLexer.lex(text))
    pieces = rewritePhrases(pieces)
    pieces = readNumbers(pieces)
    return annotate(pieces)
  }

  /// The stem a dictionary word gets, so word tables can be compared with tokens.
  static func canonicalStem(_ word: String) -> String {
    let base = WordEquivalents.irregular[word] ?? word
    let american = SpellingVariants.american(base)
    let stem = LightStemmer.stem(WordEquivalents.irregular[american] ?? american)
    return synonymStems[stem] ?? stem
  }

  private static let synonymStems: [String: String] = {
    var map: [String: String] = [:]
    for group in WordEquivalents.synonymGroups {
      let head = plainStem(group[0])
      for word in group { map[plainStem(word)] = head }
    }
    return map
  }()

  private static func plainStem(_ word: String) -> String {
    let base = WordEquivalents.irregular[word] ?? word
    let american = SpellingVariants.american(base)
    return LightStemmer.stem(WordEquivalents.irregular[american] ?? american)
  }

  // MARK: - Words

  /// Contractions, abbreviations, "A-H" style acronyms and "nonrival" style prefixes.
  private static func expandWords(_ lexemes: [AnswerLexer.Lexeme]) -> [Piece] {
    var pieces: [Piece] = []
    pieces.reserveCapacity(lexemes.count)
    for lexeme in lexemes {
      switch lexeme {
      case .separator(let separator, _):
        pieces.append(.separator(separator))
      case .word(let word):
        let item = Item(
          text: word.text, range: word.range, capitalized: word.capitalized, allCaps: word.allCaps,
          sentenceInitial: word.sentenceInitial, hyphenJoined: word.hyphenJoined, depth: word.depth,
          isBigO: word.isBigO)
        // "A-H", "U-K": hyphen-joined single letters are one acronym.
        if item.hyphenJoined, item.text.count == 1, case .word(var previous)? = pieces.last,
          previous.text.count >= 1, previous.text.allSatisfy(\.isLetter), previous.allCaps || previous.text.count == 1,
          item.text.allSatisfy(\.isLetter)
        {
          previous.text += item.text
          previous.range = previous.range.lowerBound..<item.range.upperBound
          previous.allCaps = previous.allCaps || (previous.capitalized && item.capitalized)
          pieces[pieces.count - 1] = .word(previous)
          continue
        }
        for (offset, text) in expansion(of: item.text, isBigO: item.isBigO).enumerated() {
          var part = item
          part.text = text
          if offset > 0 {
            part.capitalized = false
            part.allCaps = false
            part.sentenceInitial = false
            part.hyphenJoined = false
          }
          pieces.append(.word(part))
        }
      }
    }
    return pieces
  }

  private static func expansion(of text: String, isBigO: Bool) -> [String] {
    if isBigO { return [text] }
    if text.utf8.contains(UInt8(ascii: "'")) {
      if text.hasSuffix("n't") {
        let base = String(text.dropLast(3))
        let verb = ["wo": "will", "ca": "can", "sha": "shall"][base] ?? base
        return [verb, "not"]
      }
      for suffix in ["'s", "'re", "'ve", "'ll", "'d", "'m"] where text.hasSuffix(suffix) {
        return expansion(of: String(text.dropLast(suffix.count)), isBigO: false)
      }
      return expansion(of: text.filter { $0 != "'" }, isBigO: false)
    }
    if let words = WordEquivalents.unapostrophised[text] ?? WordEquivalents.abbreviations[text] { return words }
    // "nonrival", "nonexcludable": the prefix is a negation of the rest.
    if text.hasPrefix("non"), text.count >= 7, text != "nonetheless" {
      return ["non", String(text.dropFirst(3))]
    }
    return [text]
  }

  /// Replaces multi-word phrases ("made up", "in charge of", "get rid of") with the word they mean.
  private static func rewritePhrases(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    var index = 0
    outer: while index < pieces.count {
      if case .word(let item) = pieces[index], let candidates = WordEquivalents.phrases[item.text] {
        for candidate in candidates where matches(candidate.words, pieces, at: index) {
          for (offset, word) in candidate.replacement.enumerated() {
            var part = item
            part.text = word
            if offset > 0 { part.sentenceInitial = false }
            if case .word(let last) = pieces[index + candidate.words.count - 1] {
              part.range = item.range.lowerBound..<last.range.upperBound
            }
            result.append(.word(part))
          }
          index += candidate.words.count
          continue outer
        }
      }
      result.append(pieces[index])
      index += 1
    }
    return result
  }

  private static func matches(_ words: [String], _ pieces: [Piece], at start: Int) -> Bool {
    guard start + words.count <= pieces.count else { return false }
    for (offset, word) in words.enumerated() {
      guard case .word(let item) = pieces[start + offset], item.text == word else { return false }
    }
    return true
  }

  /// Merges number phrases ("two million", "a million", "twenty second") into one number word.
  private static func readNumbers(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    var index = 0
    while index < pieces.count {
      guard case .word(let item) = pieces[index], startsNumber(pieces, at: index) else {
        result.append(pieces[index])
        index += 1
        continue
      }
      var run: [String] = []
      var end = index
      while end < pieces.count, case .word(let next) = pieces[end], !next.isBigO {
        run.append(next.text)
        end += 1
        if run.count > 8 { break }
      }
      guard let reading = NumberWords.read(run, at: 0),
        reading.length > 1 || !NumberWords.isDigits(item.text) || reading.isOrdinal
      else {
        result.append(pieces[index])
        index += 1
        continue
      }
      var merged = item
      merged.text = reading.text
      merged.isOrdinal = reading.isOrdinal
      if case .word(let last) = pieces[index + reading.length - 1] {
        merged.range = item.range.lowerBound..<last.range.upperBound
      }
      result.append(.word(merged))
      index += reading.length
    }
    return result
  }

  /// Whether a number phrase can start here: a number word, or "a"/"an" before a scale word ("a million").
  private static func startsNumber(_ pieces: [Piece], at index: Int) -> Bool {
    guard case .word(let item) = pieces[index] else { return false }
    if item.text == "a" || item.text == "an" {
      guard index + 1 < pieces.count, case .word(let next) = pieces[index + 1] else { return false }
      return NumberWords.isScaleWord(next.text)
    }
    return NumberWords.isNumberWord(item.text)
  }

  // MARK: - Tokens

  private static func makeToken(_ item: Item) -> AnswerToken {
    var token = AnswerToken(
      form: item.text, stem: item.text, kind: .word, range: item.range, clause: 0, negated: false, optional: false,
      capitalized: item.capitalized, allCaps: item.allCaps, sentenceInitial: item.sentenceInitial,
      hyphenJoined: item.hyphenJoined)
    if item.isBigO {
      token.kind = .number(.code)
    } else if item.isOrdinal {
      token.kind = .number(.ordinal)
    } else if let ordinal = NumberWords.digitOrdinal(item.text) {
      token.kind = .number(.ordinal)
      token.form = ordinal
      token.stem = ordinal
    } else if NumberWords.isDigits(item.text) {
      let value = Decimal(string: item.text).map(NumberWords.plainText) ?? item.text
      token.form = value
      token.stem = value
      let isYear =
        value.utf8.count == 4 && value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        && ("1000"..."2100").contains(value)
      token.kind = .number(isYear ? .year : .amount)
    } else if item.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
      token.kind = .number(.code)
    } else {
      let base = WordEquivalents.irregular[item.text] ?? item.text
      let american = SpellingVariants.american(base)
      token.form = american
      let stem = LightStemmer.stem(WordEquivalents.irregular[american] ?? american)
      token.stem = synonymStems[stem] ?? stem
      token.hasOpposite = TokenMatcher.opposites[token.stem] != nil
      if FunctionWords.negations.contains(american) {
        token.kind = .negation
      } else if FunctionWords.all.contains(american) {
        token.kind = .function
      }
    }
    return token
  }

  /// Clauses, negation scope, optional parts and answer-initial "yes"/"no".
  private static func annotate(_ pieces: [Piece]) -> [AnswerToken] {
    var tokens: [AnswerToken] = []
    tokens.reserveCapacity(pieces.count)
    var clause = 0
    var negated = false
    var negateNext = false
    var exampleTail = false
    var exampleDepth = 0
    var depth = 0
    for (index, piece) in pieces.enumerated() {
      switch piece {
      case .separator(let separator):
        if separator == .slash(spaced: false) { continue }
        clause += 1
        negated = false
        if separator == .open { depth += 1 }
        if separator == .close {
          depth = max(0, depth - 1)
          // "(e.g. breast milk, injection), short term": the example ends with its bracket.
          if depth < exampleDepth { exampleTail = false }
        }
        // "eg." keeps its own full stop: the example runs on after it.
        let isAbbreviationDot =
          separator == .sentence && (tokens.last.map { $0.form == "eg" || $0.form == "ie" } ?? false)
        if [.line, .sentence, .semicolon].contains(separator) && !isAbbreviationDot { exampleTail = false }
      case .word(let item):
        var token = makeToken(item)
        if token.kind == .function || token.kind == .negation, FunctionWords.clauseBreaks.contains(token.form) {
          clause += 1
          negated = false
        }
        if tokens.isEmpty, ["no", "none", "yes"].contains(token.form), isAnswerWord(pieces, after: index) {
          // "No – Felthouse v Bindley", "None - it speeds up…": the word is the answer, not a negation.
          token.kind = .word
        }
        token.clause = clause
        token.negated = negated != negateNext
        token.optional = item.depth > 0 || exampleTail
        negateNext = false
        // "non-rival, non-excludable": the prefix negates its own word, not the rest of the clause.
        if token.form == "non" {
          negateNext = true
        } else if token.kind == .negation {
          negated.toggle()
        }
        if token.form == "eg" || token.form == "ie" {
          exampleTail = true
          exampleDepth = item.depth
        }
        tokens.append(token)
      }
    }
    return tokens
  }

  private static func isAnswerWord(_ pieces: [Piece], after index: Int) -> Bool {
    guard index + 1 < pieces.count else { return true }
    switch pieces[index + 1] {
    case .separator: return true
    case .word(let next):
      let form = SpellingVariants.american(next.text)
      return FunctionWords.all.contains(form) && !FunctionWords.negations.contains(form)
    }
  }
}
