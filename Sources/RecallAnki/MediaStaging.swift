import Foundation

/// Media files on their way into the collection's media folder.
///
/// They are first written to a hidden folder inside it, and moved into place only after the cards are saved, so
/// a failed import leaves the media folder as it was. A file whose name is taken by a different file is saved
/// under a new name (`name-1a2b3c4d.png`, from its content's hash), and the cards' references follow.
final class MediaStaging {
  let folder: URL
  private let staging: URL
  private var staged: [(source: URL, name: String)] = []
  private var claimed: Set<String> = []
  private let createdFolder: Bool
  /// Package name → saved name, for names that had to change.
  private(set) var renames: [String: String] = [:]
  /// Files that will be written (not counting files already there with the same content).
  var count: Int { staged.count }

  init(folder: URL) throws(AnkiPackageError) {
    self.folder = folder
    staging = folder.appendingPathComponent(".recall-import-\(UUID().uuidString)")
    createdFolder = !FileManager.default.fileExists(atPath: folder.path)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io(path: folder.path, reason: "cannot create the media folder: \(error.localizedDescription)")
    }
  }

  /// Stages one file under `name` (already checked safe), or under a new name if the folder holds a different
  /// file by that name.
  func add(name: String, data: Data) throws(AnkiPackageError) {
    var target = name
    if let existing = existingData(target), existing != data {
      let url = URL(fileURLWithPath: name)
      let stem = url.deletingPathExtension().lastPathComponent
      let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
      target = "\(stem)-\(SHA1.hex(data).prefix(8))\(suffix)"
      renames[name] = target
    }
    if existingData(target) == data || claimed.contains(target) { return }
    claimed.insert(target)
    let source = staging.appendingPathComponent(String(staged.count))
    do {
      try data.write(to: source)
    } catch {
      throw .io(path: source.path, reason: "cannot write a media file: \(error.localizedDescription)")
    }
    staged.append((source, target))
  }

  /// Moves the staged files into the media folder.
  func commit() throws(AnkiPackageError) {
    defer { discard() }
    for (source, name) in staged {
      let destination = folder.appendingPathComponent(name)
      do {
        if FileManager.default.fileExists(atPath: destination.path) {
          _ = try FileManager.default.replaceItemAt(destination, withItemAt: source)
        } else {
          try FileManager.default.moveItem(at: source, to: destination)
        }
      } catch {
        throw .io(path: destination.path, reason: "cannot save a media file: \(error.localizedDescription)")
      }
    }
  }

  /// Removes whatever is still staged.
  func discard() {
    try? FileManager.default.removeItem(at: staging)
  }

  /// Gives up: removes the staged files, and the media folder too if this import created it.
  func cancel() {
    discard()
    if createdFolder, (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
      try? FileManager.default.removeItem(at: folder)
    }
  }

  private func existingData(_ name: String) -> Data? {
    FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
  }
}
