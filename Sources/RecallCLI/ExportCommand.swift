import ArgumentParser
import Foundation
import RecallAnki
import RecallStore

extension ExportFormat: ExpressibleByArgument {}

/// `recall export`: writes the collection, or one deck, for Anki, a spreadsheet or another Recall.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export cards for Anki (.apkg, .colpkg, .tsv), spreadsheets (.csv) or Recall's lossless .json.",
    discussion: """
      apkg and colpkg carry scheduling, review history and images and open in every Anki since 2.1; tsv carries \
      text, decks and tags in Anki's "Notes in Plain Text" format; json keeps everything (docs/export-json.md) \
      and `recall import` reads it back. The format defaults to OUT's extension.
      """
  )

  @OptionGroup var collection: CollectionOptions

  @Option(help: "apkg, colpkg, tsv, csv or json (default: OUT's extension).")
  var format: ExportFormat?

  @Option(help: "Export only this deck and its subdecks (default: every deck).")
  var deck: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Argument(help: "The file to write.")
  var output: String

  func validate() throws {
    guard format != nil || ExportFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) != nil
    else {
      throw ValidationError(
        "cannot tell the format from “\(output)”; add --format (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
      )
    }
  }

  func run() async throws {
    try await reportingFailures {
      let url = URL(fileURLWithPath: output)
      let chosen = format ?? ExportFormat(rawValue: url.pathExtension.lowercased()) ?? .apkg
      let report: ExportReport
      do {
        report = try CollectionExporter.export(collection.open(), format: chosen, deck: deck, to: url)
      } catch let error as AnkiPackageError {
        throw CommandFailure(error.description)
      }
      if json {
        try JSONOutput.print(report)
      } else {
        print(report.text)
      }
    }
  }
}
