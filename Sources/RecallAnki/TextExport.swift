import Foundation
import RecallCore
import RecallStore

/// Cards as delimited text: Anki's "Notes in Plain Text" TSV and plain CSV.
enum TextExport {
  /// Anki's TSV with the header lines that make its importer need no settings: tab separator, HTML fields, the
  /// Basic note type, deck and tags columns. Fields are HTML (`<br>` for line breaks, `<img>` for images), and
  /// a field holding a tab or a quote is quoted.
  static func tsv(_ cards: [StoredCard]) -> String {
    var output = "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n"
    for card in cards {
      let record = card.record
      let fields = [
        AnkiFieldText.html(fromPlainText: record.front), AnkiFieldText.html(fromPlainText: record.back), record.deck,
        record.tags.joined(separator: " "),
      ]
      output += fields.map(quotedForTSV).joined(separator: "\t") + "\n"
    }
    return output
  }

  /// RFC 4180 CSV with a `front,back,tags` header, the columns Recall's CSV import recognises; text as it is
  /// (line breaks inside quoted fields).
  static func csv(_ cards: [StoredCard]) -> String {
    var output = "front,back,tags\r\n"
    for card in cards {
      let record = card.record
      output += [record.front, record.back, record.tags.joined(separator: " ")].map(quotedForCSV).joined(separator: ",")
      output += "\r\n"
    }
    return output
  }

  /// Anki's reader (the Rust csv crate) treats a quote only at a field's start as quoting, and a `#` at a line's
  /// start as a comment: such fields, and fields with the separator, are quoted.
  private static func quotedForTSV(_ field: String) -> String {
    guard field.contains("\t") || field.contains("\"") || field.contains("\n") || field.hasPrefix("#") else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func quotedForCSV(_ field: String) -> String {
    guard
      field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
        || field.hasPrefix(" ") || field.hasSuffix(" ")
    else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
