import Foundation

/// Splits answer text into raw words and separators, folding case, diacritics, curly quotes, symbols and list
/// markers on the way. Offsets are kept in Unicode scalars so every word can be traced back to what was typed.
enum AnswerLexer {
  /// A word as it appeared, lowercased and folded.
  struct Word {
    var text: String
    var range: Range<Int>
    var capitalized: Bool
    var allCaps: Bool
    var sentenceInitial: Bool
    var hyphenJoined: Bool
    var depth: Int
    /// A complexity such as "O(n log n)", kept whole so "O(log n)" never matches it.
    var isBigO: Bool = false
  }

  /// Punctuation that separates words, by how strongly it separates them.
  enum Separator: Equatable {
    case line, sentence, semicolon, colon, comma, dash, arrow, equals, open, close
    /// "/" between words; `spaced` when written " / ", which usually offers alternatives.
    case slash(spaced: Bool)
  }

  /// A word or a separator, in text order.
  enum Lexeme {
    case word(Word)
    case separator(Separator, Range<Int>)
  }

  private enum ScalarClass: Equatable {
    case letter, digit, space, newline, apostrophe, hyphen, other
  }

  private static let greek: [Unicode.Scalar: String] = [
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "delta", "ε": "epsilon", "θ": "theta",
    "λ": "lambda", "μ": "mu", "π": "pi", "ρ": "rho", "σ": "sigma", "Σ": "sigma", "τ": "tau", "φ": "phi",
    "χ": "chi", "ψ": "psi", "\u{03A9}": "ohm", "ω": "omega", "\u{2126}": "ohm",
  ]
  private static let ligatures: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d",
    "Đ": "d", "þ": "th", "ı": "i",
  ]
  private static let units: Set<String> = [
    "mm", "cm", "km", "kg", "mg", "ml", "mph", "kph", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "kw",
    "kj", "bn", "bits", "bit", "mins", "hrs", "yrs", "ms", "mbps", "kbps", "gbps",
  ]

  /// The lexemes of `text`.
  static func lex(_ text: String) -> [Lexeme] {
    let scalars = fold(text)
    var lexemes: [Lexeme] = []
    var index = 0
    var depth = 0
    var atLineStart = true
    var sentenceStart = true
    var pendingHyphen = false
    var lastWordEnd = -1

    func emit(_ separator: Separator, _ range: Range<Int>) {
      lexemes.append(.separator(separator, range))
      pendingHyphen = false
      if separator == .line || separator == .sentence { sentenceStart = true }
    }

    while index < scalars.count {
      let (scalar, original) = scalars[index]
      if atLineStart {
        if let skip = listMarkerLength(scalars, from: index) {
          index += skip
          atLineStart = false
          sentenceStart = true
          continue
        }
        if classOf(scalar) != .space { atLineStart = false }
      }
      switch classOf(scalar) {
      case .newline:
        emit(.line, original..<original + 1)
        atLineStart = true
        index += 1
      case .space:
        pendingHyphen = false
        index += 1
      case .letter, .digit:
        if let (word, next) = bigO(scalars, from: index, depth: depth) {
          lexemes.append(.word(word))
          index = next
          sentenceStart = false
          lastWordEnd = next
          continue
        }
        var (word, next) = readWord(scalars, from: index)
        // "1)" or "b)" with no "(" open is a list marker inside a line: "1) zero order 2) first order".
        if depth == 0, next < scalars.count, scalars[next].0 == ")",
          word.text.count == 1 || (word.text.count == 2 && word.text.allSatisfy(\.isNumber))
        {
          index = next + 1
          continue
        }
        word.sentenceInitial = sentenceStart
        word.hyphenJoined = pendingHyphen && lastWordEnd == index - 1
        word.depth = depth
        pendingHyphen = false
        sentenceStart = false
        appendSplittingUnits(word, to: &lexemes)
        lastWordEnd = next
        index = next
      case .apostrophe:
        index += 1
      case .hyphen:
        let before = index > 0 ? classOf(scalars[index - 1].0) : .space
        let after = index + 1 < scalars.count ? classOf(scalars[index + 1].0) : .space
        if (before == .letter || before == .digit) && (after == .letter || after == .digit) {
          // "Austria-Hungary", "non-rival", "18-30": joined words; a range of two numbers stays two numbers.
          pendingHyphen = !(before == .digit && after == .digit)
          index += 1
        } else if after == .digit, before == .space || scalars[index - 1].0 == "^" || scalars[index - 1].0 == "(" {
          // A minus sign: "s^-1", "-3". Read it with the number.
          var (word, next) = readWord(scalars, from: index + 1)
          word.text = "-" + word.text
          word.range = scalars[index].1..<word.range.upperBound
          word.sentenceInitial = sentenceStart
          word.depth = depth
          sentenceStart = false
          lexemes.append(.word(word))
          lastWordEnd = next
          index = next
        } else if index + 1 < scalars.count, scalars[index + 1].0 == ">" {
          emit(.arrow, original..<scalars[index + 1].1 + 1)
          index += 2
        } else {
          emit(.dash, original..<original + 1)
          index += 1
        }
      case .other:
        let (next, output) = punctuation(scalars, at: index, depth: &depth, previous: lexemes.last)
        for lexeme in output {
          switch lexeme {
          case .separator(let separator, let range): emit(separator, range)
          case .word(let word):
            if word.text == "with" || word.text == "without", case .word(let last)? = lexemes.last, last.text == "w" {
              lexemes.removeLast()
            }
            lexemes.append(lexeme)
          }
        }
        index = next
      }
    }
    return lexemes
  }

  // MARK: - Characters

  /// The text as folded scalars, each with the offset of the original scalar it came from.
  private static func fold(_ text: String) -> [(Unicode.Scalar, Int)] {
    var result: [(Unicode.Scalar, Int)] = []
    result.reserveCapacity(text.unicodeScalars.count)
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      if scalar.isASCII {
        result.append((scalar, offset))
      } else if let word = greek[scalar] {
        // A Greek letter is a word of its own: "β-lactamase" is "beta" joined to "lactamase".
        result.append((" ", offset))
        result.append(contentsOf: word.unicodeScalars.map { ($0, offset) })
        result.append((" ", offset))
      } else if let replacement = ligatures[scalar] {
        result.append(contentsOf: replacement.unicodeScalars.map { ($0, offset) })
      } else if let symbol = symbolReplacement(scalar) {
        result.append(contentsOf: symbol.unicodeScalars.map { ($0, offset) })
      } else {
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
          if part == "\u{2044}" {
            result.append(("/", offset))
          } else {
            result.append((part, offset))
          }
        }
      }
    }
    return result
  }

  /// Non-ASCII punctuation and symbols, as the ASCII text they stand for.
  private static func symbolReplacement(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": return "'"
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2033}": return "\""
    case "\u{2013}", "\u{2014}", "\u{2212}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2015}": return "-"
    case "\u{2192}", "\u{21D2}", "\u{27F6}", "\u{279C}", "\u{2794}", "\u{21E8}": return " -> "
    case "\u{2190}", "\u{2194}": return " - "
    case "\u{2026}": return "..."
    case "\u{00D7}": return " times "
    case "\u{00F7}": return "/"
    case "\u{00B1}": return " plusminus "
    case "\u{2265}": return " atleast "
    case "\u{2264}": return " atmost "
    case "\u{2248}", "\u{223C}": return " "
    case "\u{2022}", "\u{00B7}", "\u{25AA}", "\u{2023}", "\u{25E6}", "\u{25CF}": return "*"
    case "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2002}", "\u{2003}": return " "
    case "\u{00B0}": return " degrees "
    case "\u{221E}": return " infinity "
    default: return nil
    }
  }

  private static func classOf(_ scalar: Unicode.Scalar) -> ScalarClass {
    switch scalar {
    case "\n", "\r", "\u{2028}", "\u{2029}": return .newline
    case " ", "\t", "\u{000B}", "\u{000C}": return .space
    case "'": return .apostrophe
    case "-": return .hyphen
    case "0"..."9": return .digit
    case "a"..."z", "A"..."Z": return .letter
    default:
      if scalar.isASCII { return .other }
      if scalar.properties.isAlphabetic { return .letter }
      if scalar.properties.numericType != nil { return .digit }
      if scalar.properties.isWhitespace { return .space }
      return .other
    }
  }

  // MARK: - Words

  private static func readWord(_ scalars: [(Unicode.Scalar, Int)], from start: Int) -> (Word, Int) {
    var index = start
    var text = ""
    var upper = 0
    var letters = 0
    while index < scalars.count {
      let scalar = scalars[index].0
      let kind = classOf(scalar)
      if kind == .letter || kind == .digit {
        if kind == .letter {
          letters += 1
          if scalar.properties.isUppercase { upper += 1 }
        }
        appendLowercased(scalar, to: &text)
        index += 1
        continue
      }
      let next = index + 1 < scalars.count ? classOf(scalars[index + 1].0) : .space
      let previous = classOf(scalars[index - 1].0)
      if kind == .apostrophe, previous == .letter, next == .letter {
        text.append("'")
        index += 1
      } else if scalar == ".", previous == .digit, next == .digit {
        text.append(".")
        index += 1
      } else if scalar == ",", previous == .digit, isThousandsGroup(scalars, from: index + 1) {
        index += 1
      } else if scalar == ".", letters == text.count, text.count == 1, next == .letter,
        index + 2 >= scalars.count || classOf(scalars[index + 2].0) != .letter
      {
        // "e.g.", "i.e.", "U.K.", "p.d.": single letters joined by dots are one abbreviation.
        appendLowercased(scalars[index + 1].0, to: &text)
        letters += 1
        index += 2
        if index < scalars.count, scalars[index].0 == ".",
          index + 1 >= scalars.count || classOf(scalars[index + 1].0) != .letter
        {
          index += 1
        }
      } else {
        break
      }
    }
    let first = scalars[start].0
    let word = Word(
      text: text, range: scalars[start].1..<(scalars[index - 1].1 + 1),
      capitalized: first.properties.isUppercase, allCaps: letters >= 2 && upper == letters,
      sentenceInitial: false, hyphenJoined: false, depth: 0)
    return (word, index)
  }

  private static func appendLowercased(_ scalar: Unicode.Scalar, to text: inout String) {
    if scalar.isASCII {
      let value = scalar.value
      text.unicodeScalars.append(Unicode.Scalar((65...90).contains(value) ? value + 32 : value)!)
    } else {
      text.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
  }

  private static func isThousandsGroup(_ scalars: [(Unicode.Scalar, Int)], from start: Int) -> Bool {
    guard start + 3 <= scalars.count else { return false }
    for offset in 0..<3 where classOf(scalars[start + offset].0) != .digit { return false }
    return start + 3 == scalars.count || classOf(scalars[start + 3].0) != .digit
  }

  /// "O(n log n)", "O(n²)", "O(1)": one token, compared whole.
  private static func bigO(_ scalars: [(Unicode.Scalar, Int)], from start: Int, depth: Int) -> (Word, Int)? {
    guard scalars[start].0 == "O" || scalars[start].0 == "o", start + 2 < scalars.count, scalars[start + 1].0 == "(",
      start == 0 || classOf(scalars[start - 1].0) != .letter
    else { return nil }
    var index = start + 2
    var inner = ""
    while index < scalars.count, index - start < 20, scalars[index].0 != ")" {
      let scalar = scalars[index].0
      if classOf(scalar) == .letter || classOf(scalar) == .digit { appendLowercased(scalar, to: &inner) }
      index += 1
    }
    guard index < scalars.count, scalars[index].0 == ")", !inner.isEmpty,
      inner.allSatisfy({ "nlogmkv0123456789!".contains($0) })
    else { return nil }
    let word = Word(
      text: "o(\(inner))", range: scalars[start].1..<(scalars[index].1 + 1), capitalized: true, allCaps: false,
      sentenceInitial: false, hyphenJoined: false, depth: depth, isBigO: true)
    return (word, index + 1)
  }

  /// "200mm" → "200" "mm"; "4.3bn" → "4.3" "bn" (the number reader then makes it 4300000000).
  private static func appendSplittingUnits(_ word: Word, to lexemes: inout [Lexeme]) {
    let digits = word.text.prefix { $0.isNumber || $0 == "." }
    let rest = word.text.dropFirst(digits.count)
    guard !digits.isEmpty, !rest.isEmpty, units.contains(String(rest)) else {
      lexemes.append(.word(word))
      return
    }
    var number = word
    number.text = String(digits)
    var unit = word
    unit.text = String(rest)
    unit.sentenceInitial = false
    lexemes.append(.word(number))
    lexemes.append(.word(unit))
  }

  /// The length of a bullet or list marker at a line's start ("- ", "• ", "1. ", "2) ", "a) "), if any.
  private static func listMarkerLength(_ scalars: [(Unicode.Scalar, Int)], from start: Int) -> Int? {
    var index = start
    while index < scalars.count, classOf(scalars[index].0) == .space { index += 1 }
    guard index < scalars.count else { return nil }
    let first = scalars[index].0
    var end = index
    if "-*+>".unicodeScalars.contains(first) {
      end = index + 1
    } else if classOf(first) == .digit {
      while end < scalars.count, classOf(scalars[end].0) == .digit, end - index < 2 { end += 1 }
      guard end < scalars.count, scalars[end].0 == "." || scalars[end].0 == ")" else { return nil }
      end += 1
    } else if classOf(first) == .letter, index + 1 < scalars.count, scalars[index + 1].0 == ")" {
      end = index + 2
    } else if first == "(", index + 2 < scalars.count, scalars[index + 2].0 == ")" {
      end = index + 3
    } else {
      return nil
    }
    guard end < scalars.count, classOf(scalars[end].0) == .space else { return nil }
    return end + 1 - start
  }

  // MARK: - Punctuation

  /// What one punctuation scalar stands for, and where lexing resumes.
  private static func punctuation(
    _ scalars: [(Unicode.Scalar, Int)], at index: Int, depth: inout Int, previous: Lexeme?
  ) -> (Int, [Lexeme]) {
    let (scalar, original) = scalars[index]
    let range = original..<original + 1
    let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1].0 : nil
    let spacedBefore = index == 0 || classOf(scalars[index - 1].0) == .space
    let spacedAfter = next.map { classOf($0) == .space } ?? true
    let currentDepth = depth
    func words(_ texts: String...) -> [Lexeme] {
      texts.map {
        .word(
          Word(
            text: $0, range: range, capitalized: false, allCaps: false, sentenceInitial: false, hyphenJoined: false,
            depth: currentDepth))
      }
    }
    switch scalar {
    case ",", "|": return (index + 1, [.separator(.comma, range)])
    case ";": return (index + 1, [.separator(.semicolon, range)])
    case ":": return (index + 1, [.separator(.colon, range)])
    case ".", "!", "?": return (index + 1, [.separator(.sentence, range)])
    case "(", "[", "{":
      depth += 1
      return (index + 1, [.separator(.open, range)])
    case ")", "]", "}":
      depth = max(0, depth - 1)
      return (index + 1, [.separator(.close, range)])
    case "=":
      if next == ">" { return (index + 2, [.separator(.arrow, range)]) }
      return (index + 1, [.separator(.equals, range)])
    case "/":
      // "w/" is "with", "w/o" is "without": the "w" already read is replaced.
      if case .word(let last)? = previous, last.text == "w", last.range.upperBound == original {
        if next == "o" || next == "O", index + 2 >= scalars.count || classOf(scalars[index + 2].0) != .letter {
          return (index + 2, words("without"))
        }
        return (index + 1, words("with"))
      }
      return (index + 1, [.separator(.slash(spaced: spacedBefore && spacedAfter), range)])
    case "&": return (index + 1, words("and"))
    case "+":
      if next == "/", index + 2 < scalars.count, scalars[index + 2].0 == "-" { return (index + 3, words("plusminus")) }
      // "Britain + France" is "and"; "H+" and "NO2+" are charges and say nothing.
      let letterAfter = next.map { classOf($0) == .letter } ?? false
      if (spacedBefore && spacedAfter) || (!spacedBefore && letterAfter) { return (index + 1, words("and")) }
      return (index + 1, [])
    case "%": return (index + 1, words("percent"))
    case "<": return (index + 1, words("less", "than"))
    case ">": return (index + 1, words("greater", "than"))
    default: return (index + 1, [])
    }
  }
}
