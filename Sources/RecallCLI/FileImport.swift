import Foundation
import RecallAnki
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

extension FileImport {
  /// Whether `path` is read as a whole collection rather than as text: an Anki package (`.apkg`, `.colpkg`) or
  /// a Recall JSON export.
  static func isCollectionFile(_ path: String) -> Bool {
    let url = URL(fileURLWithPath: path)
    if AnkiImporter.isPackage(url) { return true }
    guard url.pathExtension.lowercased() == "json", let handle = FileHandle(forReadingAtPath: path) else {
      return false
    }
    defer { try? handle.close() }
    return RecallJSONDocument.isExport((try? handle.read(upToCount: 4096)) ?? Data())
  }

  /// Imports Anki packages and Recall JSON exports, each in one transaction; with `dryRun`, only reads and checks
  /// them. A file that fails becomes a message (having written nothing), and the others go on.
  static func importCollectionFiles(
    _ paths: [String], deck: String?, dryRun: Bool, into store: () throws -> Collection
  ) -> (reports: [AnkiImportReport], failures: [String]) {
    var reports: [AnkiImportReport] = []
    var failures: [String] = []
    for path in paths {
      let url = URL(fileURLWithPath: path)
      do {
        let options = AnkiImportOptions(deck: deck)
        if AnkiImporter.isPackage(url) {
          reports.append(
            dryRun
              ? try AnkiImporter.inspectPackage(at: url, options: options)
              : try AnkiImporter.importPackage(at: url, into: store(), options: options))
        } else {
          let data = try Data(contentsOf: url)
          reports.append(
            dryRun
              ? try RecallJSONImporter.inspectDocument(data, named: url.lastPathComponent)
              : try RecallJSONImporter.importDocument(data, named: url.lastPathComponent, into: store()))
        }
      } catch let error as AnkiPackageError {
        failures.append("\(path): \(error.description)")
      } catch let failure as CommandFailure {
        failures.append(failure.description)
      } catch {
        failures.append("\(path): \((error as NSError).localizedDescription)")
      }
    }
    return (reports, failures)
  }
}
