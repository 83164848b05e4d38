import RecallCore

/// The Import page: paste or upload, see the cards Recall found with its warnings at their lines, fix them
/// (edit a side, merge two cards, split one, drop one) and save.
///
/// Without JavaScript, “Preview” posts the form and the server renders the editor; every fix is a button that
/// posts the edited cards back. The script previews live while typing and does the fixes in the page. Anki
/// packages and Recall JSON exports have a form of their own below (``PackageImportView``).
enum ImportPage {
  /// What the source form holds.
  struct Input {
    var text = ""
    var format = "auto"
    var deck = ""
  }

  /// The page; `package` is a package's summary (``PackageImportView/summary(_:upload:context:)``), shown where
  /// the cards' preview goes.
  static func render(
    input: Input, preview: APIModels.Preview?, error: String? = nil, package: HTML? = nil, context: AppContext
  ) -> Page {
    let formats: [(value: String, label: String)] =
      [("auto", "Detect automatically")] + ImportFormat.allCases.map { ($0.rawValue, formatLabel($0)) }
    let header = Components.header(
      "Import",
      subtitle: """
        Paste notes as they are, or upload a Quizlet, Anki, CSV, Markdown or text export; Anki packages go in the \
        form below. Nothing is saved until you say so.
        """)
    let source: HTML = """
      <form method="post" action="/import" enctype="multipart/form-data" class="import-source panel" id="import-source">
      \(Layout.csrfField(context))
      <div class="field">
      <label for="import-text">Your notes</label>
      <textarea id="import-text" name="text" rows="14" spellcheck="false" \
      placeholder="What did Beria do in 1953?&#10;Released a million prisoners from the gulags&#10;&#10;…or Q:/A: notes, term – definition lists, CSV…"\
      >\(input.text)</textarea>
      </div>
      <div class="import-options">
      <div class="field file-field">
      <label for="import-file">Or upload a file</label>
      <input id="import-file" name="file" type="file" \
      accept=".txt,.csv,.tsv,.md,.markdown,.text,text/plain,text/csv,text/markdown">
      </div>
      \(Components.select(name: "format", label: "Format", options: formats, selected: input.format, id: "import-format"))
      </div>
      <div class="form-actions">
      <button class="btn btn-primary" type="submit" data-preview-button>Preview cards</button>
      <span class="hint" data-live-hint hidden>The preview follows what you type.</span>
      </div>
      </form>
      """
    let problem = error.map { Components.notice(HTML(text: $0), kind: "error") }
    let editor = preview.map { editorView($0, input: input, context: context) }
    let placeholder: HTML? =
      preview == nil && error == nil && package == nil
      ? """
      <div class="preview-placeholder"><p class="muted">The cards Recall finds appear here, with anything it was \
      unsure of marked at its line.</p></div>
      """ : nil
    return Page(
      title: "Import", section: .importer,
      body: """
        \(header)
        <div class="import-layout">
        \(source)
        <div class="import-preview" id="import-preview" aria-live="polite">\(problem)\(editor)\(package)\(placeholder)\
        </div>
        </div>
        \(PackageImportView.uploadForm(context: context))
        """)
  }

  /// The editor for the parsed cards: the script renders the same structure.
  static func editorView(_ preview: APIModels.Preview, input: Input, context: AppContext) -> HTML {
    let deckName = input.deck.isEmpty ? preview.deckName : input.deck
    let cards = preview.cards.enumerated().map { index, card in
      cardEditor(card, index: index, last: index == preview.cards.count - 1)
    }
    let flaggedBadge: HTML? =
      preview.flagged > 0 ? "<span class=\"badge badge-flagged\">\(preview.flagged) missing a side</span>" : nil
    let warningBadge: HTML? =
      preview.warnings.isEmpty
      ? nil : "<span class=\"badge badge-learning\">\(Components.plural(preview.warnings.count, "warning"))</span>"
    return """
      <form method="post" action="/import/save" class="import-editor" id="import-editor">
      \(Layout.csrfField(context))
      <input type="hidden" name="format" value="\(preview.format)">
      <input type="hidden" name="text" value="\(input.text)">
      <div class="preview-header">
      <h2>Preview</h2>
      <p class="preview-summary"><span class="badge badge-review">\(Components.plural(preview.cards.count, "card"))</span>\
      \(flaggedBadge)\(warningBadge)\
      <span class="badge badge-muted">\(formatLabel(ImportFormat(rawValue: preview.format)))</span></p>
      </div>
      <div class="field">
      <label for="deck-name">Save to deck</label>
      <input id="deck-name" name="deck" type="text" value="\(deckName)" required maxlength="200" autocomplete="off">
      </div>
      <ol class="preview-list" role="list">\(cards)</ol>
      <div class="save-bar">
      <p class="save-note">\(saveNote(flagged: preview.flagged))</p>
      <button class="btn btn-primary btn-large" type="submit" name="op" value="save" data-save>Save \
      \(Components.plural(preview.cards.count, "card"))</button>
      </div>
      </form>
      """
  }

  /// The line beside the Save button.
  static func saveNote(flagged: Int) -> String {
    flagged == 0
      ? "Every card has a question and an answer."
      : "Cards missing a side are kept, but stay out of study until you complete them."
  }

  private static func cardEditor(_ card: APIModels.PreviewCard, index: Int, last: Bool) -> HTML {
    let missing: HTML? =
      card.front.isEmpty
      ? "<span class=\"badge badge-flagged\">No question</span>"
      : card.back.isEmpty ? "<span class=\"badge badge-flagged\">No answer</span>" : nil
    let warnings = card.warnings.map { warning -> HTML in
      """
      <li class="warning">\(Icons.small("warning"))<span><span class="warning-line">Line \(warning.line)</span> \
      \(warning.message)</span></li>
      """
    }
    let backLines = card.back.split(separator: "\n", omittingEmptySubsequences: false)
    let splitOptions = backLines.enumerated().dropFirst().map { line, text -> HTML in
      "<option value=\"\(line)\">Before “\(String(text.prefix(40)))”</option>"
    }
    let split: HTML? =
      backLines.count < 2
      ? nil
      : """
      <span class="split-control" data-split-control><label class="visually-hidden" for="split-at-\(index)">\
      Split the back before line</label><select id="split-at-\(index)" name="splitAt-\(index)" class="split-select">\
      \(splitOptions)</select><button class="btn btn-ghost btn-small" type="submit" name="op" value="split:\(index)" \
      formnovalidate data-op="split" title="Split the back before the chosen line">Split</button></span>
      """
    let merge: HTML? =
      last
      ? nil
      : """
      <button class="btn btn-ghost btn-small" type="submit" name="op" value="merge:\(index)" formnovalidate \
      data-op="merge" aria-label="Merge with the next card" title="Merge with the next card">\
      Merge</button>
      """
    let classes = (card.flagged ? " is-flagged" : "") + (card.warnings.isEmpty ? "" : " has-warning")
    return """
      <li class="preview-card\(classes)" data-index="\(index)">
      <div class="preview-card-head">
      <span class="card-number">\(index + 1)</span><span class="line-ref">line \(card.line)</span>\(missing)
      <span class="card-tools">\(merge)\(split)\
      <button class="btn btn-ghost btn-small btn-danger-text" type="submit" name="op" value="delete:\(index)" \
      formnovalidate data-op="delete" title="Leave this card out">Remove</button></span>
      </div>
      \(warnings.isEmpty ? nil : "<ul class=\"warnings\" role=\"list\">\(warnings)</ul>" as HTML)
      <div class="sides">
      <div class="field"><label for="front-\(index)">Front</label>\
      <textarea id="front-\(index)" name="front" rows="\(rows(card.front))" \
      placeholder="The question is missing: type it here">\(card.front)</textarea></div>
      <div class="field"><label for="back-\(index)">Back</label>\
      <textarea id="back-\(index)" name="back" rows="\(rows(card.back))" \
      placeholder="The answer is missing: type it here">\(card.back)</textarea></div>
      </div>
      <input type="hidden" name="line" value="\(card.line)">
      </li>
      """
  }

  private static func rows(_ text: String) -> Int {
    min(8, max(2, text.split(separator: "\n", omittingEmptySubsequences: false).count))
  }

  /// A format's name for people.
  static func formatLabel(_ format: ImportFormat?) -> String {
    switch format {
    case .paste: return "Pasted notes"
    case .tsv: return "Tab-separated"
    case .csv: return "CSV"
    case .quizlet: return "Quizlet export"
    case .ankiText: return "Anki text export"
    case .qa: return "Q: / A: notes"
    case .markdown: return "Markdown"
    case .vocab: return "Vocabulary list"
    case .cloze: return "Cloze deletions"
    case nil: return "Unknown format"
    }
  }
}
