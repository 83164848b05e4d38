import Foundation
import Hummingbird
import RecallAnki

/// The Import page's package flow, without JavaScript as with it: `POST /import/package` uploads a package and
/// answers with what it holds (the file waits server-side, see ``PackageUploads``); `POST /import/package/save`
/// imports it and redirects to the decks. A package that cannot be imported is refused at the preview with the
/// importer's message and a 4xx status, and nothing is written.
struct PackageImportRoutes {
  let library: Library

  func register(on router: Router<AppContext>) {
    router.post("import/package") { request, context in
      let form = try await FormData.read(request, context: context)
      guard let file = form.files["file"] else {
        return Self.page(error: ServerError.invalid("Choose a package file to upload."), context: context)
      }
      return await Self.preview(file, library: library, context: context)
    }
    router.post("import/package/save") { request, context in
      let form = try await FormData.read(request, context: context)
      do {
        let location = try await library.importStagedPackage(id: form["upload"] ?? "", redirect: Self.redirect)
        return Response.redirect(to: location)
      } catch {
        return Self.page(error: error, context: context)
      }
    }
  }

  /// The Import page with what an uploaded package holds, or with why it cannot be imported.
  static func preview(_ file: FormData.File, library: Library, context: AppContext) async -> Response {
    guard let kind = PackageImporting.kind(fileName: file.fileName, data: file.data) else {
      return page(error: PackageImporting.unknownKind(file.fileName), context: context)
    }
    do {
      let (upload, report) = try await library.stagePackage(file.data, fileName: file.fileName, kind: kind)
      let summary = PackageImportView.summary(report, upload: upload.id, context: context)
      return Layout.response(
        ImportPage.render(input: .init(), preview: nil, package: summary, context: context), context: context)
    } catch {
      return page(error: error, context: context)
    }
  }

  /// The Decks page a Save leads to, saying what came in.
  @Sendable static func redirect(_ report: AnkiImportReport) -> String {
    "/?imported=\(report.cardsAdded)&present=\(report.cardsAlreadyPresent)&reviews=\(report.reviews)"
      + "&media=\(report.mediaFiles)"
  }

  /// The Import page with an error, under its status.
  private static func page(error: any Error, context: AppContext) -> Response {
    let failure = ErrorMiddleware.serverError(for: error)
    // The error is answered here rather than by ErrorMiddleware, which logs failures on this side: log them too.
    if failure.status.code >= 500 { context.logger.error("package import failed: \(String(reflecting: error))") }
    var page = ImportPage.render(input: .init(), preview: nil, error: failure.message, context: context)
    page.status = failure.status
    return Layout.response(page, context: context)
  }
}
