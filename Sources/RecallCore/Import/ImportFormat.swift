/// The text formats ``DeckParser`` reads.
///
/// Each format's conventions are written down in `docs/import-formats.md`.
public enum ImportFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Notes pasted from a study site or typed by hand, with no separators: fronts and backs are told apart
  /// by what the lines look like.
  case paste
  /// One card a line, `front<TAB>back` (Quizlet's default export).
  case tsv
  /// Comma-separated values with optional quoting (RFC 4180).
  case csv
  /// Quizlet's custom separators: `term - definition`, cards split by newlines or `;`.
  case quizlet
  /// Anki's "Notes in Plain Text" export, with its `#key:value` header lines.
  case ankiText = "anki-text"
  /// `Q:` / `A:` notes.
  case qa
  /// Markdown headings, Obsidian `term::definition` and `?` blocks.
  case markdown
  /// Vocabulary lists: `word = meaning`, `word: meaning`.
  case vocab
  /// Cloze deletions: Anki `{{c1::text}}` and `==highlight==`.
  case cloze
}
