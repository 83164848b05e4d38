import Foundation
import RecallCore
import ZIPFoundation

/// One media file of a package: its zip entry and the name it is saved under.
struct AnkiMediaEntry: Hashable {
  /// The zip entry holding the file (`0`, `1`, …).
  var entry: String
  /// The file's name in the media folder, checked safe and NFC-normalised.
  var name: String
}

/// An opened `.apkg` / `.colpkg`: its version, media map, and the collection extracted to a temporary file.
///
/// Everything that can be checked without writing to the user's collection is checked on opening: the zip, the
/// version, every media name. Decompressed sizes are counted as the bytes come out, never taken from the zip's
/// headers, which a hostile file can fake.
final class AnkiPackageReader {
  let version: AnkiPackageVersion
  let media: [AnkiMediaEntry]
  let limits: AnkiPackageLimits
  private let archive: Archive
  private var mediaBytes: Int64 = 0

  init(url: URL, limits: AnkiPackageLimits) throws(AnkiPackageError) {
    self.limits = limits
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw .io(path: url.path, reason: "no such file")
    }
    // A zip starts with `PK`. Checked first because the zip reader looks for the archive's end by searching every
    // byte of a file that is not one, which takes seconds for a large file.
    let signature = (try? handle.read(upToCount: 2)) ?? Data()
    try? handle.close()
    guard signature == Data("PK".utf8) else {
      throw .notAnkiPackage(reason: "\(url.lastPathComponent) is not a zip archive")
    }
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw .notAnkiPackage(reason: "\(url.lastPathComponent) is not a zip archive")
    }
    self.archive = archive
    let version = try Self.version(of: archive)
    guard archive[version.collectionEntry] != nil else {
      throw .notAnkiPackage(reason: "the zip holds no \(version.collectionEntry)")
    }
    self.version = version
    media = try Self.mediaMap(of: archive, version: version, limits: limits)
  }

  /// Anki's rule: the `meta` entry's version when there is one, else legacy 2 if `collection.anki21` is there,
  /// else legacy 1.
  private static func version(of archive: Archive) throws(AnkiPackageError) -> AnkiPackageVersion {
    guard let meta = archive["meta"] else {
      if archive["collection.anki21"] != nil { return .legacy2 }
      if archive["collection.anki2"] != nil { return .legacy1 }
      if archive["collection.anki21b"] != nil {
        throw .corruptEntry(entry: "meta", reason: "missing, but the collection is in the latest format")
      }
      throw .notAnkiPackage(reason: "the zip holds no Anki collection (collection.anki2, .anki21 or .anki21b)")
    }
    let data = try read(meta, from: archive, limit: 1 << 16)
    var version: UInt64 = 0
    do {
      for (field, value) in try ProtobufReader.fields(data) where field == 1 {
        version = value.integer ?? 0
      }
    } catch {
      throw .corruptEntry(entry: "meta", reason: error.reason)
    }
    guard let known = AnkiPackageVersion(rawValue: Int(clamping: version)) else {
      throw .unsupportedVersion(Int(clamping: version))
    }
    return known
  }

  private static func mediaMap(of archive: Archive, version: AnkiPackageVersion, limits: AnkiPackageLimits)
    throws(AnkiPackageError) -> [AnkiMediaEntry]
  {
    guard let entry = archive["media"] else { return [] }
    var data = try read(entry, from: archive, limit: 256 << 20)
    var entries: [AnkiMediaEntry] = []
    if version.isZstdCompressed {
      do {
        data = try ZstdDecoder.decompress(data, entry: "media", limit: 256 << 20)
      } catch let error as AnkiPackageError {
        throw error
      } catch {
        throw .corruptEntry(entry: "media", reason: "\(error)")
      }
      do {
        var index = 0
        for (field, value) in try ProtobufReader.fields(data) where field == 1 {
          guard let message = value.bytes else { throw ProtobufReader.Malformed(reason: "entry is not a message") }
          var name: String?
          var zipName: String?
          for (inner, innerValue) in try ProtobufReader.fields(message) {
            if inner == 1 { name = innerValue.string }
            if inner == 255, let number = innerValue.integer { zipName = String(number) }
          }
          guard let name else { throw ProtobufReader.Malformed(reason: "media entry \(index) has no name") }
          entries.append(AnkiMediaEntry(entry: zipName ?? String(index), name: try safeName(name)))
          index += 1
        }
      } catch let error as ProtobufReader.Malformed {
        throw .corruptEntry(entry: "media", reason: error.reason)
      } catch let error as AnkiPackageError {
        throw error
      } catch {
        throw .corruptEntry(entry: "media", reason: "\(error)")
      }
    } else {
      let object: Any
      do {
        object = try JSONSerialization.jsonObject(with: data)
      } catch {
        throw .corruptEntry(entry: "media", reason: "not a JSON map of media files")
      }
      guard let map = object as? [String: Any] else {
        throw .corruptEntry(entry: "media", reason: "not a JSON map of media files")
      }
      for (key, value) in map.sorted(by: { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }) {
        guard let name = value as? String, Int(key) != nil else {
          throw .corruptEntry(entry: "media", reason: "entry “\(key)” is not a number mapped to a file name")
        }
        entries.append(AnkiMediaEntry(entry: key, name: try safeName(name)))
      }
    }
    guard entries.count <= limits.maximumMediaFiles else {
      throw .tooLarge(entry: "media", limit: Int64(limits.maximumMediaFiles))
    }
    return entries
  }

  /// The name NFC-normalised, as Anki stores it, after checking it stays inside the media folder.
  private static func safeName(_ name: String) throws(AnkiPackageError) -> String {
    let normalized = name.precomposedStringWithCanonicalMapping
    guard AnkiFieldText.isSafeMediaName(normalized) else { throw .unsafeMediaName(name) }
    return normalized
  }

  /// Writes the collection, decompressed, to `destination`.
  func extractCollection(to destination: URL) throws(AnkiPackageError) {
    let name = version.collectionEntry
    guard let entry = archive[name] else { throw .notAnkiPackage(reason: "the zip holds no \(name)") }
    guard FileManager.default.createFile(atPath: destination.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: destination)
    else { throw .io(path: destination.path, reason: "cannot create a temporary file") }
    defer { try? handle.close() }
    do {
      if version.isZstdCompressed {
        let decoder = try ZstdDecoder(entry: name, limit: limits.maximumCollectionBytes)
        try Self.extract(entry, from: archive, entryName: name, limit: Int64.max) { chunk in
          try decoder.feed(chunk) { handle.write(Data($0)) }
        }
        try decoder.finish()
      } else {
        try Self.extract(entry, from: archive, entryName: name, limit: limits.maximumCollectionBytes) {
          handle.write($0)
        }
      }
    } catch let error as AnkiPackageError {
      throw error
    } catch {
      throw .io(path: destination.path, reason: "\(error)")
    }
  }

  /// One media file's bytes, decompressed; the total over all files is held to the media limit.
  func mediaData(_ media: AnkiMediaEntry) throws(AnkiPackageError) -> Data {
    guard let entry = archive[media.entry] else { throw .missingMedia(entry: media.entry, name: media.name) }
    let remaining = max(0, limits.maximumMediaBytes - mediaBytes)
    var data = try Self.read(entry, from: archive, limit: remaining)
    if version.isZstdCompressed {
      do {
        data = try ZstdDecoder.decompress(data, entry: media.entry, limit: remaining)
      } catch let error as AnkiPackageError {
        throw error.isTooLarge ? .tooLarge(entry: "media", limit: limits.maximumMediaBytes) : error
      } catch {
        throw .corruptEntry(entry: media.entry, reason: "\(error)")
      }
    }
    mediaBytes += Int64(data.count)
    return data
  }

  /// A whole entry in memory, refusing more than `limit` decompressed bytes.
  private static func read(_ entry: Entry, from archive: Archive, limit: Int64) throws(AnkiPackageError) -> Data {
    var data = Data()
    do {
      try extract(entry, from: archive, entryName: entry.path, limit: limit) { data.append($0) }
    } catch let error as AnkiPackageError {
      throw error
    } catch {
      throw .corruptEntry(entry: entry.path, reason: "\(error)")
    }
    return data
  }

  /// Streams an entry's decompressed bytes to `consumer`, stopping as soon as they pass `limit`.
  private static func extract(
    _ entry: Entry, from archive: Archive, entryName: String, limit: Int64, consumer: (Data) throws -> Void
  ) throws {
    var total: Int64 = 0
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
        total += Int64(chunk.count)
        if total > limit { throw AnkiPackageError.tooLarge(entry: entryName, limit: limit) }
        try consumer(chunk)
      }
    } catch let error as AnkiPackageError {
      throw error
    } catch {
      // ZIPFoundation's CRC, inflate and archive errors alike: the entry's bytes are not what the zip says.
      throw AnkiPackageError.corruptEntry(entry: entryName, reason: "\(error)")
    }
  }
}

extension AnkiPackageError {
  var isTooLarge: Bool {
    if case .tooLarge = self { return true }
    return false
  }
}
