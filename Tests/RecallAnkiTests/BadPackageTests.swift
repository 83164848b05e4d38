import CZstd
import Foundation
import RecallAnki
import RecallStore
import Testing
import ZIPFoundation

/// Builds zip files entry by entry, to make broken and hostile packages.
enum ZipBuilder {
  struct Entry {
    var name: String
    var data: Data
    var deflate = false
  }

  static func write(_ entries: [Entry], to url: URL) throws {
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for entry in entries {
      try archive.addEntry(
        with: entry.name, type: .file, uncompressedSize: Int64(entry.data.count),
        compressionMethod: entry.deflate ? .deflate : .none
      ) { position, size in entry.data.subdata(in: Int(position)..<Int(position) + size) }
    }
  }

  /// The entries of an existing package.
  static func entries(of url: URL) throws -> [Entry] {
    let archive = try Archive(url: url, accessMode: .read)
    return try archive.map { entry in
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      return Entry(name: entry.path, data: data, deflate: entry.path.hasPrefix("collection.anki2"))
    }
  }

  /// zstd-compresses `data` in one frame.
  static func zstd(_ data: Data) -> Data {
    var output = [UInt8](repeating: 0, count: ZSTD_compressBound(data.count))
    let size = data.withUnsafeBytes { source in
      output.withUnsafeMutableBytes { ZSTD_compress($0.baseAddress, $0.count, source.baseAddress, source.count, 3) }
    }
    return Data(output.prefix(size))
  }
}

/// Bad input of every kind gives a clear error, and the collection and its media folder stay as they were.
struct BadPackageTests {
  /// Imports `entries` as a package into an empty collection; returns the error and checks nothing was written.
  func failure(
    _ entries: [ZipBuilder.Entry], limits: AnkiPackageLimits = AnkiPackageLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> AnkiPackageError? {
    let folder = try ScratchFolder()
    let url = folder.path("bad.apkg")
    try ZipBuilder.write(entries, to: url)
    return try failure(at: url, in: folder, limits: limits, sourceLocation: sourceLocation)
  }

  func failure(
    at url: URL, in folder: ScratchFolder, limits: AnkiPackageLimits = AnkiPackageLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> AnkiPackageError? {
    let collection = try folder.collection()
    var caught: AnkiPackageError?
    do {
      _ = try AnkiImporter.importPackage(at: url, into: collection, options: AnkiImportOptions(limits: limits))
      Issue.record("the import succeeded", sourceLocation: sourceLocation)
    } catch {
      caught = error
    }
    #expect(try collection.decks().isEmpty, "nothing written", sourceLocation: sourceLocation)
    #expect(try collection.cards().isEmpty, sourceLocation: sourceLocation)
    let media = try #require(collection.mediaFolder)
    #expect(!FileManager.default.fileExists(atPath: media.path), "no media folder", sourceLocation: sourceLocation)
    return caught
  }

  func latestEntries() throws -> [ZipBuilder.Entry] { try ZipBuilder.entries(of: AnkiFixtures.url("latest.apkg")) }
  func legacyEntries() throws -> [ZipBuilder.Entry] { try ZipBuilder.entries(of: AnkiFixtures.url("legacy2.apkg")) }

  func replacing(_ name: String, with data: Data, in entries: [ZipBuilder.Entry]) -> [ZipBuilder.Entry] {
    entries.map { $0.name == name ? ZipBuilder.Entry(name: name, data: data, deflate: $0.deflate) : $0 }
  }

  @Test func aFileThatIsNotAZip() throws {
    let folder = try ScratchFolder()
    let url = folder.path("notes.apkg")
    try Data("front\tback\n".utf8).write(to: url)
    let error = try failure(at: url, in: folder)
    #expect(error == .notAnkiPackage(reason: "notes.apkg is not a zip archive"))
    #expect(error?.description.contains("not an Anki package") == true)
  }

  @Test func aZipWithoutACollection() throws {
    let error = try failure([.init(name: "notes.txt", data: Data("hello".utf8))])
    guard case .notAnkiPackage = error else { Issue.record("got \(String(describing: error))"); return }
  }

  @Test func aTruncatedZstdFrame() throws {
    let entries = try latestEntries()
    let collection = try #require(entries.first { $0.name == "collection.anki21b" })
    let error = try failure(
      replacing("collection.anki21b", with: collection.data.prefix(collection.data.count / 2), in: entries))
    #expect(error == .badCompression(entry: "collection.anki21b", reason: "the data ends inside a zstd frame"))
  }

  @Test func bytesThatAreNotZstd() throws {
    let error = try failure(
      replacing("collection.anki21b", with: Data(repeating: 0x41, count: 5000), in: try latestEntries()))
    guard case .badCompression(let entry, _) = error else { Issue.record("got \(String(describing: error))"); return }
    #expect(entry == "collection.anki21b")
  }

  @Test func aCollectionThatIsNotSQLite() throws {
    let error = try failure(
      replacing("collection.anki21", with: Data(repeating: 7, count: 4096), in: try legacyEntries()))
    #expect(error == .corruptCollection(reason: "not an SQLite database"))
  }

  @Test func aCorruptSQLiteFile() throws {
    let entries = try legacyEntries()
    var database = try #require(entries.first { $0.name == "collection.anki21" }).data
    // Keep the header, wreck the pages after the first: the schema and tables no longer read.
    database.replaceSubrange(4096..<database.count, with: Data(repeating: 0xA5, count: database.count - 4096))
    let error = try failure(replacing("collection.anki21", with: database, in: entries))
    guard case .corruptCollection(let reason) = error else { Issue.record("got \(String(describing: error))"); return }
    #expect(!reason.isEmpty)
  }

  @Test func aDeflateZipBomb() throws {
    // 64 MB of zeros deflate to about 64 KB; the limit stops decompression at 1 MB.
    let bomb = ZipBuilder.Entry(name: "collection.anki21", data: Data(count: 64 << 20), deflate: true)
    let error = try failure([bomb], limits: AnkiPackageLimits(maximumCollectionBytes: 1 << 20))
    #expect(error == .tooLarge(entry: "collection.anki21", limit: 1 << 20))
  }

  @Test func aZstdZipBomb() throws {
    let bomb = ZipBuilder.zstd(Data(count: 64 << 20))
    let entries = replacing("collection.anki21b", with: bomb, in: try latestEntries())
    let error = try failure(entries, limits: AnkiPackageLimits(maximumCollectionBytes: 1 << 20))
    #expect(error == .tooLarge(entry: "collection.anki21b", limit: 1 << 20))
  }

  @Test func aMediaBombStopsAtTheMediaLimit() throws {
    var entries = replacing("0", with: Data(count: 8 << 20), in: try legacyEntries())
    entries = entries.map { $0.name == "0" ? ZipBuilder.Entry(name: "0", data: $0.data, deflate: true) : $0 }
    let error = try failure(entries, limits: AnkiPackageLimits(maximumMediaBytes: 1 << 20))
    #expect(error == .tooLarge(entry: "0", limit: 1 << 20))
  }

  @Test(arguments: ["../evil.png", "/etc/passwd", "sub/dir.png", "..", ".hidden", "c:\\x.png", "a\u{0}b"])
  func unsafeMediaNames(name: String) throws {
    let map = try JSONSerialization.data(withJSONObject: ["0": name])
    let error = try failure(replacing("media", with: map, in: try legacyEntries()))
    #expect(error == .unsafeMediaName(name))
  }

  @Test func unsafeMediaNameInTheLatestProtobufMap() throws {
    // MediaEntries { entries: [MediaEntry { name: "../x.png", size: 1, sha1: 20 bytes }] }
    let name = Data("../x.png".utf8)
    var entry = Data([0x0A, UInt8(name.count)]) + name + Data([0x10, 0x01, 0x1A, 20]) + Data(count: 20)
    entry = Data([0x0A, UInt8(entry.count)]) + entry
    let error = try failure(replacing("media", with: ZipBuilder.zstd(entry), in: try latestEntries()))
    #expect(error == .unsafeMediaName("../x.png"))
  }

  @Test func aMediaFileMissingFromTheZip() throws {
    let entries = try legacyEntries().filter { $0.name != "0" }
    let error = try failure(entries)
    #expect(error == .missingMedia(entry: "0", name: "cell.png"))
  }

  @Test(arguments: [(0, Data([0x08, 0x00])), (4, Data([0x08, 0x04])), (200, Data([0x08, 0xC8, 0x01]))])
  func anUnknownPackageVersion(version: Int, meta: Data) throws {
    let error = try failure(replacing("meta", with: meta, in: try latestEntries()))
    #expect(error == .unsupportedVersion(version))
    #expect(error?.description.contains("newer than Recall can read") == true)
  }

  @Test func aDamagedMetaEntry() throws {
    let error = try failure(replacing("meta", with: Data([0x08, 0x80]), in: try latestEntries()))
    guard case .corruptEntry(let entry, _) = error else { Issue.record("got \(String(describing: error))"); return }
    #expect(entry == "meta")
  }

  @Test func aMissingFile() throws {
    let folder = try ScratchFolder()
    let error = try failure(at: folder.path("nowhere.apkg"), in: folder)
    #expect(error == .io(path: folder.path("nowhere.apkg").path, reason: "no such file"))
  }

  @Test func aFailedImportLeavesExistingMediaAlone() throws {
    let folder = try ScratchFolder()
    let collection = try folder.collection()
    _ = try AnkiImporter.importPackage(at: AnkiFixtures.url("latest.apkg"), into: collection)
    let before = try collection.cards().count
    let url = folder.path("bad.apkg")
    try ZipBuilder.write(
      replacing("collection.anki21", with: Data(repeating: 1, count: 100), in: try legacyEntries()), to: url)
    #expect(throws: AnkiPackageError.self) { try AnkiImporter.importPackage(at: url, into: collection) }
    #expect(try collection.cards().count == before)
    let media = try #require(collection.mediaFolder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == ["cell.png"])
  }
}
