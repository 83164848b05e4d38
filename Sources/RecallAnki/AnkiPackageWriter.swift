import Foundation
import RecallCore
import RecallStore
import ZIPFoundation

/// Writes `.apkg` and `.colpkg` files in the legacy-2 layout every Anki since 2.1 imports: `collection.anki21`
/// (deflated), a dummy `collection.anki2` for Anki 2.0, a JSON `media` map and the media files as `0`, `1`, …
/// stored uncompressed, as Anki stores them.
enum AnkiPackageWriter {
  /// Writes the package to `url` (through a temporary file, so a failed export leaves no partial file); returns
  /// how many media files went in.
  static func write(
    decks: [DeckRecord], cards: [StoredCard], media: [(name: String, file: URL)], to url: URL, now: Date
  ) throws -> Int {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("recall-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temporary) }
    let collection = temporary.appendingPathComponent("collection.anki21")
    try AnkiCollectionWriter(decks: decks, cards: cards, now: now).write(to: collection.path)
    let dummy = temporary.appendingPathComponent("collection.anki2")
    try AnkiCollectionWriter(decks: [], cards: [Self.updateNotice(now: now)], now: now).write(to: dummy.path)

    let zip = temporary.appendingPathComponent("package.zip")
    let archive = try Archive(url: zip, accessMode: .create)
    // Anki 2.1.50+ reads the version from `meta` (protobuf `PackageMetadata { version: LEGACY_2 }`); older ones
    // ignore it.
    try add(Data([0x08, 0x02]), as: "meta", to: archive)
    try archive.addEntry(with: "collection.anki21", fileURL: collection, compressionMethod: .deflate)
    try archive.addEntry(with: "collection.anki2", fileURL: dummy, compressionMethod: .deflate)
    var map: [String: String] = [:]
    for (index, file) in media.enumerated() {
      try archive.addEntry(with: String(index), fileURL: file.file, compressionMethod: .none)
      map[String(index)] = file.name
    }
    try add(try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys]), as: "media", to: archive)
    try replace(url, with: zip)
    return media.count
  }

  /// Moves `source` to `destination`, replacing what is there.
  static func replace(_ destination: URL, with source: URL) throws {
    if FileManager.default.fileExists(atPath: destination.path) {
      _ = try FileManager.default.replaceItemAt(destination, withItemAt: source)
    } else {
      try FileManager.default.moveItem(at: source, to: destination)
    }
  }

  private static func add(_ data: Data, as name: String, to archive: Archive) throws {
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none
    ) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }

  /// What Anki 2.0 shows instead of the cards it cannot read.
  private static func updateNotice(now: Date) -> StoredCard {
    StoredCard(
      id: 1, position: 1,
      record: CardRecord(
        deck: "Default", front: "Please update to the latest Anki version, then import the file again.",
        back: "This file was made for Anki 2.1 or later.", schedule: .new(due: now), createdAt: now, modifiedAt: now),
      reviews: [])
  }
}
