import Foundation
import NIOConcurrencyHelpers

/// Packages uploaded on the Import page, kept in a temporary folder between their preview and Save.
///
/// The page must work without JavaScript, and a browser cannot fill a file field again by itself: without this,
/// Save would need the student to choose the file a second time. The preview page carries only the upload's id
/// (random, 256 bits), never a path. A few uploads are kept at most, each for an hour, so abandoned previews of
/// large packages do not pile up on disk; the folder goes when the server stops.
final class PackageUploads: Sendable {
  /// A kept upload.
  struct Upload: Sendable, Hashable {
    /// What the preview page sends back to import it.
    var id: String
    /// The name the browser gave, for messages only.
    var fileName: String
    /// What the file holds.
    var kind: PackageImporting.Kind
    /// Where it is kept: a name of the server's making, never the browser's.
    var url: URL
    /// When it arrived.
    var receivedAt: Date
  }

  /// Where an upload is on its way from preview to collection.
  enum State: Sendable, Hashable {
    /// Previewed, waiting for Save.
    case waiting(Upload)
    /// Being imported by an earlier Save.
    case importing
    /// Imported; a repeated Save (a double click, a reload) is sent where the first one went.
    case imported(redirect: String)
  }

  /// How long an upload waits for Save.
  static let lifetime: TimeInterval = 3600
  /// How many uploads wait at once; a new one pushes out the oldest.
  static let capacity = 4

  /// The folder holding the files.
  let folder: URL
  private let entries = NIOLockedValueBox<[String: Entry]>([:])

  private struct Entry: Sendable {
    var upload: Upload
    var state: State
  }

  /// Keeps uploads in a new folder under the system's temporary folder.
  init() {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-uploads-\(UUID().uuidString)")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Writes `data` to a new file and remembers it, dropping expired uploads and, past ``capacity``, the oldest
  /// waiting ones.
  ///
  /// Blocking: call it from the store's thread pool.
  func keep(_ data: Data, fileName: String, kind: PackageImporting.Kind, now: Date = Date()) throws -> Upload {
    let upload = try write(data, kind: kind, fileName: fileName, now: now)
    let dropped = entries.withLockedValue { entries in
      entries[upload.id] = Entry(upload: upload, state: .waiting(upload))
      var dropped = entries.values.filter { now.timeIntervalSince($0.upload.receivedAt) > Self.lifetime }
      for old in dropped { entries[old.upload.id] = nil }
      let waiting = entries.values.filter { if case .waiting = $0.state { true } else { false } }
      for old in waiting.sorted(by: { $0.upload.receivedAt < $1.upload.receivedAt }).dropLast(Self.capacity) {
        entries[old.upload.id] = nil
        dropped.append(old)
      }
      return dropped.compactMap { if case .waiting(let upload) = $0.state { upload.url } else { nil } }
    }
    for url in dropped { try? FileManager.default.removeItem(at: url) }
    return upload
  }

  /// Writes `data` to a file of its own that no list holds: for the API, which imports it at once.
  func write(_ data: Data, kind: PackageImporting.Kind, fileName: String, now: Date = Date()) throws -> Upload {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let id = Token.make()
    let upload = Upload(
      id: id, fileName: fileName, kind: kind, url: folder.appendingPathComponent("\(id).\(kind.rawValue)"),
      receivedAt: now)
    try data.write(to: upload.url, options: .atomic)
    return upload
  }

  /// The state of the upload with this id, marking a waiting one as importing: only one Save imports it. `nil`
  /// when no upload has the id, or it expired.
  func take(id: String, now: Date = Date()) -> State? {
    // Only ids of the shape `Token.make()` gives can name an upload.
    guard Token.isValid(id) else { return nil }
    return entries.withLockedValue { entries in
      guard let entry = entries[id], now.timeIntervalSince(entry.upload.receivedAt) <= Self.lifetime else {
        return nil
      }
      if case .waiting = entry.state { entries[id]?.state = .importing }
      return entry.state
    }
  }

  /// Records how the Save of a taken upload ended and deletes its file: with `redirect`, a repeated Save goes
  /// there too; without (it failed), the id no longer works.
  func finish(_ upload: Upload, redirect: String?) {
    entries.withLockedValue { entries in
      guard entries[upload.id] != nil else { return }
      if let redirect { entries[upload.id]?.state = .imported(redirect: redirect) } else { entries[upload.id] = nil }
    }
    try? FileManager.default.removeItem(at: upload.url)
  }

  /// How many uploads the list holds, in any state.
  var count: Int { entries.withLockedValue { $0.count } }
}
