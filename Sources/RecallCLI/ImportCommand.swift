import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension ImportFormat: ExpressibleByArgument {}
extension SourceText.Encoding: ExpressibleByArgument {}

/// `recall import`: reads notes in any supported format and saves them as cards.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import cards from text, CSV, Quizlet or Anki exports, Q:/A: notes, Markdown or cloze markup.",
    discussion: """
      The format is detected unless --format names it. Re-importing a file updates the cards it made before \
      (matched by front) and keeps their history. Warnings name the lines Recall was unsure of.
      """
  )

  @OptionGroup var collection: CollectionOptions

  @Argument(help: "Files to import; - reads standard input.")
  var files: [String]

  @Option(help: "The deck to import into (default: the file's title, else its name).")
  var deck: String?

  @Option(help: "auto, or one of: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: String = "auto"

  @Option(help: "The text encoding: automatic (UTF-8, or UTF-16 with a BOM) or windows-1252.")
  var encoding: SourceText.Encoding = .automatic

  @Flag(help: "Show what would be imported; save nothing.")
  var dryRun = false

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    guard format == "auto" || ImportFormat(rawValue: format) != nil else {
      throw ValidationError("unknown format “\(format)”; use auto or one of \(ImportFormat.allCases.map(\.rawValue))")
    }
  }

  func run() async throws {
    try await reportingFailures {
      // Anki packages and Recall JSON exports are whole collections: they go to their own importer.
      let collectionFiles = files.filter(FileImport.isCollectionFile)
      let textFiles = files.filter { !collectionFiles.contains($0) }
      let (parsed, textFailures) = FileImport.parse(
        textFiles, format: ImportFormat(rawValue: format), encoding: encoding)
      var failures = textFailures
      if !collectionFiles.isEmpty {
        let result = FileImport.importCollectionFiles(
          collectionFiles, deck: deck, dryRun: dryRun, into: collection.open)
        if json {
          try JSONOutput.print(
            result.reports.count == 1 ? AnyEncodable(result.reports[0]) : AnyEncodable(result.reports))
        } else {
          result.reports.forEach { print($0.text) }
        }
        failures += result.failures
      }
      if dryRun {
        try report(parsed.map(\.deck), files: parsed.map(\.file))
      } else if !parsed.isEmpty {
        let summaries = try FileImport.save(parsed, deck: deck, into: collection.open())
        if json {
          try JSONOutput.print(summaries.count == 1 ? AnyEncodable(summaries[0]) : AnyEncodable(summaries))
        } else {
          summaries.forEach { print($0.text) }
        }
      }
      if !failures.isEmpty {
        failures.forEach { printError("recall: \($0)") }
        throw ExitCode.failure
      }
    }
  }

  private func report(_ decks: [ParsedDeck], files: [InputFile]) throws {
    if json {
      guard !decks.isEmpty else { return }
      try JSONOutput.print(decks.count == 1 ? AnyEncodable(decks[0]) : AnyEncodable(decks))
      return
    }
    for (deck, file) in zip(decks, files) {
      let flagged = deck.cards.filter(\.isIncomplete).count
      print(
        "\(file.name): \(deck.format.rawValue), “\(deck.title ?? file.baseName)”: \(deck.cards.count) cards, \(flagged) flagged (dry run: nothing saved)"
      )
      for card in deck.cards {
        print(
          "  \(card.line): \(card.front.isEmpty ? "(no question)" : card.front) → \(card.back.isEmpty ? "(no answer)" : card.back.replacingOccurrences(of: "\n", with: " ⏎ "))"
        )
      }
      for warning in deck.warnings { print("\(file.name):\(warning.line): warning: \(warning.message)") }
    }
  }
}

/// What `recall import` tells about one saved file.
struct ImportReport: Encodable {
  let file: String
  let format: ImportFormat
  let summary: ImportSummary
  let warnings: [ImportWarning]

  var text: String {
    var lines = [
      "\(file): \(format.rawValue) → deck “\(summary.deck)”: \(summary.added) added, \(summary.updated) updated, "
        + "\(summary.unchanged) unchanged, \(summary.flagged) flagged"
    ]
    lines += warnings.map { "\(file):\($0.line): warning: \($0.message)" }
    if summary.flagged > 0 {
      lines.append(
        "Flagged cards stay out of study until both sides are filled in (`recall cards --deck \"\(summary.deck)\"`).")
    }
    return lines.joined(separator: "\n")
  }

  private enum CodingKeys: String, CodingKey { case file, format, deck, added, updated, unchanged, flagged, warnings }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(format, forKey: .format)
    try container.encode(summary.deck, forKey: .deck)
    try container.encode(summary.added, forKey: .added)
    try container.encode(summary.updated, forKey: .updated)
    try container.encode(summary.unchanged, forKey: .unchanged)
    try container.encode(summary.flagged, forKey: .flagged)
    try container.encode(warnings, forKey: .warnings)
  }
}

/// Any encodable value, so one print call can take a single report or an array of them.
struct AnyEncodable: Encodable {
  private let encodeValue: (any Encoder) throws -> Void

  init<T: Encodable>(_ value: T) { encodeValue = value.encode }

  func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
