import Foundation

/// Reads a deck from text in any supported format: the entry point of importing.
///
/// ```swift
/// let deck = try DeckParser.parse(data, fileName: "khrushchev.txt")
/// print(deck.format, deck.title ?? "untitled", deck.cards.count)
/// ```
///
/// Parsing does no I/O; the caller reads the file. Whatever could not be told for sure is in
/// ``ParsedDeck/warnings``, with line numbers; only a file that is not text at all throws.
public enum DeckParser {
  /// Parses `data`, detecting the format unless `format` is given.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - fileName: The file's name, whose extension helps detection.
  ///   - format: The format to read, or `nil` to detect it.
  ///   - encoding: The text encoding; automatic reads UTF-8 and UTF-16 with a byte order mark.
  /// - Throws: ``ImportError`` when the data is empty, binary, too large, or not valid text.
  public static func parse(
    _ data: Data,
    fileName: String? = nil,
    format: ImportFormat? = nil,
    encoding: SourceText.Encoding = .automatic
  ) throws(ImportError) -> ParsedDeck {
    let source = try SourceText(data: data, encoding: encoding)
    return try parse(source, fileName: fileName, format: format)
  }

  /// Parses decoded text, detecting the format unless `format` is given.
  public static func parse(
    _ source: SourceText,
    fileName: String? = nil,
    format: ImportFormat? = nil
  ) throws(ImportError) -> ParsedDeck {
    guard source.lines.contains(where: { !$0.isBlank }) else { throw .empty }
    let format = format ?? FormatDetector.detect(source.lines, fileName: fileName)
    switch format {
    case .paste: return PastedNotesParser().parse(source)
    case .tsv: return TabSeparatedParser().parse(source)
    case .csv: return CommaSeparatedParser().parse(source)
    case .quizlet: return QuizletParser().parse(source)
    case .ankiText: return AnkiTextParser().parse(source)
    case .qa: return QuestionAnswerParser().parse(source)
    case .markdown: return MarkdownParser().parse(source)
    case .vocab: return VocabularyParser().parse(source)
    case .cloze: return ClozeParser().parse(source)
    }
  }
}
