import RecallAnki

/// The Import page's parts for whole collections (Anki `.apkg` / `.colpkg` packages and Recall JSON exports):
/// the upload form, and the summary of what a package holds with the button that imports it.
///
/// Both are plain forms, the same with JavaScript or without: a package is not edited card by card, so there is
/// nothing for a script to do between the preview and Save.
enum PackageImportView {
  /// How many deck names the summary lists before “and N more”.
  static let listedDecks = 12

  /// The form that uploads a package for a preview.
  static func uploadForm(context: AppContext) -> HTML {
    """
    <form method="post" action="/import/package" enctype="multipart/form-data" class="import-package panel" \
    id="import-package">
    \(Layout.csrfField(context))
    <h2>Anki package or Recall backup</h2>
    <p class="muted">An <code>.apkg</code> or <code>.colpkg</code> from Anki, or a Recall JSON export, comes in \
    whole: decks, cards, review history and images. You see what it holds before anything is saved.</p>
    <div class="field file-field">
    <label for="package-file">Package</label>
    <input id="package-file" name="file" type="file" required accept=".apkg,.colpkg,.json,application/json">
    </div>
    <div class="form-actions">
    <button class="btn btn-primary" type="submit">\(Icons.small("upload"))Preview package</button>
    </div>
    </form>
    """
  }

  /// What the package holds, and the form that imports it (`upload` is the id the server keeps it under).
  static func summary(_ report: AnkiImportReport, upload: String, context: AppContext) -> HTML {
    let source = report.version.map { "Anki package, \($0)" } ?? "Recall JSON export"
    let decks = report.decks.prefix(listedDecks).map { "<li>\($0)</li>" as HTML }
    let moreDecks: HTML? =
      report.decks.count > listedDecks ? "<li class=\"muted\">and \(report.decks.count - listedDecks) more</li>" : nil
    let warnings = report.warnings.map { warning -> HTML in
      "<li class=\"warning\">\(Icons.small("warning"))<span>\(warning.message)</span></li>"
    }
    let warningBadge: HTML? =
      warnings.isEmpty
      ? nil : "<span class=\"badge badge-learning\">\(Components.plural(warnings.count, "warning"))</span>"
    let facts: [(String, Int)] = [
      ("Notes", report.notes), ("Cards", report.cardsAdded), ("Reviews", report.reviews),
      ("Media files", report.mediaFiles),
    ]
    return """
      <form method="post" action="/import/package/save" class="package-preview panel" id="package-preview">
      \(Layout.csrfField(context))
      <input type="hidden" name="upload" value="\(upload)">
      <div class="preview-header">
      <h2>\(report.file)</h2>
      <p class="preview-summary"><span class="badge badge-review">\(Components.plural(report.cardsAdded, "card"))</span>\
      \(warningBadge)\
      <span class="badge badge-muted">\(source)</span></p>
      </div>
      <dl class="facts">
      \(facts.map { "<div><dt>\($0.0)</dt><dd>\(Components.number($0.1))</dd></div>" as HTML })
      </dl>
      <h3>\(report.decks.count == 1 ? "Deck" : "Decks")</h3>
      <ul class="package-decks">\(decks)\(moreDecks)</ul>
      \(warnings.isEmpty ? nil : "<ul class=\"warnings\" role=\"list\">\(warnings)</ul>" as HTML)
      <div class="save-bar">
      <p class="save-note">Cards a deck already holds are left out, so importing the same package again adds \
      nothing.</p>
      <button class="btn btn-primary btn-large" type="submit" data-save>Import \
      \(Components.plural(report.cardsAdded, "card"))</button>
      </div>
      </form>
      """
  }
}
