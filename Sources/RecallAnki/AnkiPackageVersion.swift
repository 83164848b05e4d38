/// The three layouts of Anki's `.apkg` / `.colpkg` zip packages (Anki's `PackageMetadata.Version`).
public enum AnkiPackageVersion: Int, Sendable, Hashable, Codable, CustomStringConvertible {
  /// Anki 2.0: `collection.anki2` (SQLite schema 11), deflated, JSON media map; no `meta` entry.
  case legacy1 = 1
  /// Anki 2.1's "support older versions": `collection.anki21` (schema 11) plus a dummy `collection.anki2`.
  case legacy2 = 2
  /// Anki 2.1.50+: `collection.anki21b` (schema 18) and media compressed with zstd, protobuf `meta` and media map.
  case latest = 3

  /// The zip entry that holds the collection.
  public var collectionEntry: String {
    switch self {
    case .legacy1: return "collection.anki2"
    case .legacy2: return "collection.anki21"
    case .latest: return "collection.anki21b"
    }
  }

  /// Whether the collection, the media map and the media files are zstd-compressed.
  var isZstdCompressed: Bool { self == .latest }

  /// The name used in reports: `legacy 1`, `legacy 2`, `latest`.
  public var description: String {
    switch self {
    case .legacy1: return "legacy 1 (collection.anki2)"
    case .legacy2: return "legacy 2 (collection.anki21)"
    case .latest: return "latest (collection.anki21b)"
    }
  }
}

/// Caps on what a package may decompress to, so a small hostile file cannot fill the disk or the memory.
public struct AnkiPackageLimits: Sendable, Hashable {
  /// The largest collection (SQLite file) accepted, in bytes.
  public var maximumCollectionBytes: Int64
  /// The largest total of all media files, in bytes.
  public var maximumMediaBytes: Int64
  /// The largest number of media files.
  public var maximumMediaFiles: Int

  /// Limits far above any real deck (Anki's largest shared decks are a few hundred megabytes) and far below what
  /// a zip bomb would expand to.
  public init(
    maximumCollectionBytes: Int64 = 4 << 30, maximumMediaBytes: Int64 = 8 << 30, maximumMediaFiles: Int = 500_000
  ) {
    self.maximumCollectionBytes = maximumCollectionBytes
    self.maximumMediaBytes = maximumMediaBytes
    self.maximumMediaFiles = maximumMediaFiles
  }
}
