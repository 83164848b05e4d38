import Foundation

/// Decides which format a file is in from its name and its lines.
///
/// Unambiguous markers win first (Anki's header lines, `{{c1::`, `Q:`/`A:` pairs); then the share of lines that
/// fit each line-based format; pasted notes are what is left, since they have no marker at all.
public enum FormatDetector {
  /// The format `lines` are most likely in; `fileName`'s extension breaks ties (`.csv`, `.tsv`, `.md`).
  public static func detect(_ lines: [String], fileName: String? = nil) -> ImportFormat {
    let content = sample(lines.filter { !$0.isBlank })
    guard !content.isEmpty else { return .paste }
    let fileExtension = fileName.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
    if AnkiTextParser.hasHeader(lines) { return .ankiText }
    let count = Double(content.count)
    func share(_ predicate: (String) -> Bool) -> Double { Double(content.filter(predicate).count) / count }

    if fileExtension == "csv" { return .csv }
    if share({ $0.utf8.contains(0x09) }) >= 0.5 { return .tsv }
    if fileExtension == "tsv" { return .tsv }
    let questionMarkers = content.filter { QuestionAnswerParser.marker($0)?.0 == .question }.count
    let answerMarkers = content.filter { QuestionAnswerParser.marker($0)?.0 == .answer }.count
    if questionMarkers >= 2 && answerMarkers >= 2 || (questionMarkers >= 1 && questionMarkers == answerMarkers) {
      return .qa
    }
    if content.contains(where: { $0.containsBytes("{{c") && $0.containsBytes("::") && $0.containsBytes("}}") }) {
      return .cloze
    }
    let headings = content.filter { MarkdownParser.heading($0).map { $0.level >= 2 } ?? false }.count
    let obsidian = content.filter { MarkdownParser.inlineCard($0) != nil || $0.trimmed == "?" }.count
    if fileExtension == "md" || fileExtension == "markdown" || headings >= 2 || obsidian >= 2 { return .markdown }
    if share({ ClozeNote.highlightRange(in: $0[...]) != nil }) >= 0.3 { return .cloze }
    if looksLikeCSV(content) { return .csv }
    let listItems = content.filter { ListMarker.parse($0[...]) != nil }.count
    if QuizletParser.usesSemicolons(content) && share({ QuizletParser.split($0[...]) != nil }) >= 0.5 {
      return .quizlet
    }
    let nonList = Double(max(content.count - listItems, 1))
    let dashed = Double(
      content.filter { ListMarker.parse($0[...]) == nil && QuizletParser.split($0[...]) != nil }.count)
    let vocabulary = Double(
      content.filter { ListMarker.parse($0[...]) == nil && VocabularyParser.entry($0) != nil }.count)
    let dashEntries = Double(
      content.filter {
        guard ListMarker.parse($0[...]) == nil, let (term, _) = QuizletParser.split($0[...]) else { return false }
        return term.split(separator: " ").count <= 6
      }.count)
    if dashEntries / nonList >= 0.6 && dashed >= vocabulary * 0.8 { return .quizlet }
    if vocabulary / nonList >= 0.6 { return .vocab }
    return .paste
  }

  /// At most 2,000 lines: the first 1,000 and 1,000 spread over the rest. A file keeps one format throughout,
  /// and detection then costs the same for 100,000 cards as for 1,000.
  private static func sample(_ lines: [String]) -> [String] {
    guard lines.count > 2_000 else { return lines }
    let stride = (lines.count - 1_000) / 1_000
    return Array(lines.prefix(1_000)) + (0..<1_000).map { lines[1_000 + $0 * stride] }
  }

  /// Comma-separated records: a known header row, or most lines quoted or holding the same number of commas.
  private static func looksLikeCSV(_ content: [String]) -> Bool {
    let header = content[0].lowercased().split(separator: CommaSeparatedParser.separator(content[0]))
      .map { $0.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    if header.count >= 2, ["front", "term", "question", "word"].contains(header[0]),
      ["back", "definition", "answer", "meaning", "translation"].contains(header[1])
    {
      return true
    }
    let quoted = content.filter { $0.hasPrefix("\"") && ($0.containsBytes("\",") || $0.containsBytes("\";")) }.count
    return Double(quoted) >= 0.5 * Double(content.count)
  }
}
