import Foundation
import RecallAnki
import RecallCore
import RecallStore

/// Anki packages and Recall JSON exports uploaded to the Import page or the API: whole collections, brought in
/// by RecallAnki's importers as `recall import` does (one transaction each; importing one again adds nothing).
enum PackageImporting {
  /// What an uploaded file holds; the raw value is the extension it is kept under, which is how the importers
  /// tell `.apkg` from `.colpkg`.
  enum Kind: String, Sendable, Hashable {
    /// An Anki deck package.
    case apkg
    /// An Anki collection package.
    case colpkg
    /// A Recall JSON export.
    case json
  }

  /// The kind of an uploaded file, by its name's extension or else its first bytes (a zip, or the opening of a
  /// Recall JSON export); `nil` for anything else, such as the text files the text import reads.
  static func kind(fileName: String?, data: Data) -> Kind? {
    let name = fileName ?? ""
    if AnkiImporter.isPackage(URL(fileURLWithPath: name)) {
      return name.lowercased().hasSuffix(".colpkg") ? .colpkg : .apkg
    }
    if RecallJSONDocument.isExport(data.prefix(4096)) { return .json }
    // A zip under another name ("deck.zip", a name the browser lost) is read as a deck package: the reader
    // refuses it with a clear message if it is not one.
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .apkg }
    return nil
  }

  /// What importing the file would do; nothing is saved.
  ///
  /// - Throws: ``ServerError`` with the importer's message.
  static func inspect(_ upload: PackageUploads.Upload) throws -> AnkiImportReport {
    var report = try translatingErrors(upload) { () throws(AnkiPackageError) -> AnkiImportReport in
      switch upload.kind {
      case .apkg, .colpkg:
        return try AnkiImporter.inspectPackage(at: upload.url)
      case .json: return try RecallJSONImporter.inspectDocument(try read(upload), named: upload.fileName)
      }
    }
    report.file = upload.fileName
    return report
  }

  /// Imports the file into `collection` in one transaction; a package's images go to the collection's media
  /// folder.
  ///
  /// - Throws: ``ServerError`` with the importer's message, having written nothing.
  static func importFile(_ upload: PackageUploads.Upload, into collection: Collection) throws -> AnkiImportReport {
    var report = try translatingErrors(upload) { () throws(AnkiPackageError) -> AnkiImportReport in
      switch upload.kind {
      case .apkg, .colpkg:
        return try AnkiImporter.importPackage(at: upload.url, into: collection)
      case .json:
        return try RecallJSONImporter.importDocument(try read(upload), named: upload.fileName, into: collection)
      }
    }
    report.file = upload.fileName
    return report
  }

  /// The message for a file that is neither kind.
  static func unknownKind(_ fileName: String) -> ServerError {
    .invalid(
      "\(fileName.isEmpty ? "The file" : fileName) is neither an Anki package (.apkg, .colpkg) nor a Recall JSON "
        + "export.")
  }

  private static func read(_ upload: PackageUploads.Upload) throws(AnkiPackageError) -> Data {
    do {
      return try Data(contentsOf: upload.url)
    } catch {
      throw .io(path: upload.fileName, reason: "the upload could not be read back")
    }
  }

  /// Runs an importer, turning its errors into messages that name the file the student chose (not the
  /// server's temporary copy): 422 for a package that is damaged or hostile, 500 for a failure on this side.
  private static func translatingErrors(
    _ upload: PackageUploads.Upload, _ body: () throws(AnkiPackageError) -> AnkiImportReport
  ) throws(ServerError) -> AnkiImportReport {
    do {
      return try body()
    } catch {
      let name = upload.fileName.isEmpty ? "The file" : upload.fileName
      switch error {
      case .io, .store:
        let reason = error.description.replacingOccurrences(of: upload.url.path, with: name)
        throw ServerError(status: .internalServerError, message: "\(name): \(reason)")
      default:
        // The reader names the file it opened: the server's temporary copy.
        let reason = error.description.replacingOccurrences(of: upload.url.lastPathComponent, with: name)
        throw ServerError.invalid("\(name): \(reason)")
      }
    }
  }
}

extension Library {
  /// Keeps an uploaded package for Save and tells what importing it would do; a file that cannot be imported is
  /// not kept.
  ///
  /// - Throws: ``ServerError``: 422 for a file that is not a package or export, or a damaged or hostile one.
  func stagePackage(_ data: Data, fileName: String, kind: PackageImporting.Kind) async throws
    -> (upload: PackageUploads.Upload, report: AnkiImportReport)
  {
    let uploads = uploads
    return try await read { _ in
      let upload = try uploads.keep(data, fileName: fileName, kind: kind)
      do {
        return (upload, try PackageImporting.inspect(upload))
      } catch {
        uploads.finish(upload, redirect: nil)
        throw error
      }
    }
  }

  /// Imports a package kept by ``stagePackage(_:fileName:kind:)``; `redirect` makes the page a Save leads to from
  /// the report, and a repeated Save of the same upload leads there again without importing anything.
  ///
  /// - Throws: ``ServerError``: 404 once the upload expired, 409 while an earlier Save is importing it, 422 for a
  ///   package the importer refuses (the upload is then dropped).
  func importStagedPackage(id: String, redirect: @escaping @Sendable (AnkiImportReport) -> String) async throws
    -> String
  {
    switch uploads.take(id: id) {
    case nil:
      throw ServerError.notFound(
        "That upload is no longer here (uploads wait an hour, and only the last few). Choose the file again.")
    case .importing:
      throw ServerError(
        status: .conflict, message: "This package is being imported already; its decks appear when it is done.")
    case .imported(let location):
      return location
    case .waiting(let upload):
      do {
        let report = try await write(decksChanged: true) { collection in
          try PackageImporting.importFile(upload, into: collection)
        }
        let location = redirect(report)
        uploads.finish(upload, redirect: location)
        return location
      } catch {
        uploads.finish(upload, redirect: nil)
        throw error
      }
    }
  }

  /// Inspects or imports a package sent whole, as the API takes it; nothing is kept afterwards.
  func importPackage(_ data: Data, fileName: String, kind: PackageImporting.Kind, dryRun: Bool) async throws
    -> AnkiImportReport
  {
    let uploads = uploads
    let upload = try await read { _ in try uploads.write(data, kind: kind, fileName: fileName) }
    defer { try? FileManager.default.removeItem(at: upload.url) }
    if dryRun { return try await read { _ in try PackageImporting.inspect(upload) } }
    return try await write(decksChanged: true) { collection in
      try PackageImporting.importFile(upload, into: collection)
    }
  }
}
