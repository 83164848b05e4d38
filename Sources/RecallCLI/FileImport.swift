import Foundation
import RecallCore
import RecallStore

/// Reading and saving the files named on a command line: shared by `recall import`, `recall study FILE` and
/// `recall serve FILE…`.
enum FileImport {
  /// Reads and parses every file; a file that cannot be read or parsed becomes a message, and the others go on.
  static func parse(
    _ paths: [String], format: ImportFormat? = nil, encoding: SourceText.Encoding = .automatic
  ) -> (parsed: [(file: InputFile, deck: ParsedDeck)], failures: [String]) {
    var parsed: [(file: InputFile, deck: ParsedDeck)] = []
    var failures: [String] = []
    for path in paths {
      do {
        let file = try InputFile.read(path)
        parsed.append((file, try DeckParser.parse(file.data, fileName: file.name, format: format, encoding: encoding)))
      } catch let failure as CommandFailure {
        failures.append(failure.description)
      } catch let error as ImportError {
        failures.append("\(path): \(error.description)")
      } catch {
        failures.append("\(path): \(error)")
      }
    }
    return (parsed, failures)
  }

  /// Saves parsed files, each to the deck named `deck`, else its title, else its file name.
  static func save(_ parsed: [(file: InputFile, deck: ParsedDeck)], deck: String?, into store: Collection) throws
    -> [ImportReport]
  {
    try parsed.map { file, parsedDeck in
      let summary = try store.save(parsedDeck.cards, toDeck: deck ?? parsedDeck.title ?? file.baseName)
      return ImportReport(file: file.name, format: parsedDeck.format, summary: summary, warnings: parsedDeck.warnings)
    }
  }
}
