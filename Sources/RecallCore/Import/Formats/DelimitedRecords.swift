import Foundation

/// One record of a delimited file (CSV, TSV, Anki's text export) and the line it starts on.
struct DelimitedRecord {
  var fields: [String]
  var line: Int
}

/// Splits lines into records of fields, RFC 4180 style: a field that opens with `"` runs to the next lone `"`,
/// may hold separators and line breaks, and writes a quote as `""`.
struct DelimitedRecordReader {
  let separator: Character
  /// Whether `"` opens a quoted field. Quizlet's tab export never quotes, so a term like `"hola"` stays as it is.
  var quoting = true

  /// The records of `lines`, which start at 1-based line `firstLine`; blank lines hold no record.
  func records(_ lines: ArraySlice<String>, firstLine: Int, warnings: inout [ImportWarning]) -> [DelimitedRecord] {
    var records: [DelimitedRecord] = []
    var index = lines.startIndex
    while index < lines.endIndex {
      let lineNumber = firstLine + (index - lines.startIndex)
      if lines[index].isBlank {
        index += 1
        continue
      }
      var fields: [String] = []
      var field = ""
      var characters = Array(lines[index])
      var position = 0
      var inQuotes = false
      var fieldWasQuoted = false
      index += 1
      scanning: while true {
        if position == characters.count {
          if inQuotes {
            guard index < lines.endIndex else {
              warnings.append(
                .init(line: lineNumber, message: "a quoted field is never closed; read to the end of the file"))
              break scanning
            }
            field.append("\n")
            characters = Array(lines[index])
            position = 0
            index += 1
            continue
          }
          break scanning
        }
        let character = characters[position]
        position += 1
        if inQuotes {
          if character == "\"" {
            if position < characters.count, characters[position] == "\"" {
              field.append("\"")
              position += 1
            } else {
              inQuotes = false
            }
          } else {
            field.append(character)
          }
        } else if character == separator {
          fields.append(fieldWasQuoted ? field : field.trimmingTrailingWhitespace)
          field = ""
          fieldWasQuoted = false
        } else if quoting, character == "\"", field.isBlank, !fieldWasQuoted {
          field = ""
          inQuotes = true
          fieldWasQuoted = true
        } else {
          field.append(character)
        }
      }
      fields.append(fieldWasQuoted ? field : field.trimmingTrailingWhitespace)
      records.append(DelimitedRecord(fields: fields, line: lineNumber))
    }
    return records
  }
}
