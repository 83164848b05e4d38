import Foundation

/// Why an Anki package could not be read or written. Every case says what was wrong and where, and an import that
/// fails with one of these has written nothing.
public enum AnkiPackageError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file is not a zip archive, or a zip without an Anki collection in it.
  case notAnkiPackage(reason: String)
  /// The package's `meta` entry names a version newer than this Recall knows (Anki's "too new" error).
  case unsupportedVersion(Int)
  /// A zip entry, the `meta` or `media` map, or a protobuf message in them could not be decoded.
  case corruptEntry(entry: String, reason: String)
  /// A zstd stream ended inside a frame, or its data is not zstd.
  case badCompression(entry: String, reason: String)
  /// Decompressing an entry (or all of them) would exceed the limit: most likely a zip bomb.
  case tooLarge(entry: String, limit: Int64)
  /// The collection inside the package is not a readable Anki SQLite database.
  case corruptCollection(reason: String)
  /// A media name would write outside the media folder (`../x`, `/etc/x`, `a/b`) or is otherwise unusable.
  case unsafeMediaName(String)
  /// A media file the map lists is missing from the zip.
  case missingMedia(entry: String, name: String)
  /// A note's row is inconsistent: a card whose note or note type is missing, an unreadable field.
  case inconsistentNote(noteID: Int64, reason: String)
  /// The file could not be read or written.
  case io(path: String, reason: String)
  /// The Recall collection refused the data, or has no deck by the name an export asked for.
  case store(String)
  /// A `.json` file that is not a Recall JSON export this version can read.
  case invalidExport(reason: String)

  /// A message for the user.
  public var description: String {
    switch self {
    case .notAnkiPackage(let reason): return "not an Anki package: \(reason)"
    case .unsupportedVersion(let version):
      return "this Anki package uses format version \(version), newer than Recall can read; "
        + "in Anki, export it again with “Support older Anki versions” ticked"
    case .corruptEntry(let entry, let reason): return "the package's “\(entry)” entry is damaged: \(reason)"
    case .badCompression(let entry, let reason):
      return "the package's “\(entry)” entry is not valid zstd data: \(reason) (was the file cut short?)"
    case .tooLarge(let entry, let limit):
      return "the package's “\(entry)” entry decompresses to more than \(limit) bytes; refusing it as a zip bomb"
    case .corruptCollection(let reason): return "the collection inside the package is damaged: \(reason)"
    case .unsafeMediaName(let name):
      return "the package names a media file “\(name)”, which would be written outside the media folder"
    case .missingMedia(let entry, let name): return "media file “\(name)” (zip entry \(entry)) is missing"
    case .inconsistentNote(let noteID, let reason): return "note \(noteID): \(reason)"
    case .io(let path, let reason): return "\(path): \(reason)"
    case .store(let reason): return reason
    case .invalidExport(let reason): return "not a Recall JSON export: \(reason)"
    }
  }
}
