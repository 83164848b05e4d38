import Foundation
import RecallCore

/// The images in the collection's media folder (beside the collection file: `collection.media/`), as the
/// `/media/{name}` route serves them to the card pages.
///
/// A name comes from the request, so it is checked before it touches the file system: one path component, not
/// hidden, no separators, no control characters (``AnkiFieldText/isSafeMediaName(_:)``, the rule Anki imports
/// follow when they write the files). Only images are served, each with its own type.
enum MediaFiles {
  /// An image read from the folder.
  struct Image: Sendable {
    /// Its bytes.
    var data: Data
    /// Its `Content-Type`.
    var contentType: String
  }

  /// The `Content-Type` of each image extension served; any other file is not served.
  static let contentTypes: [String: String] = [
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
    "svg": "image/svg+xml",
  ]

  /// Images above this size are not served: a card shows pictures, not videos, and the file is read whole.
  static let maximumBytes = 64 << 20

  /// The file name a `/media/…` path segment stands for, percent-decoded; `nil` for anything that is not one safe
  /// file name (`..`, `a%2Fb`, `.hidden`, `a\b`, NUL, bad percent-encoding).
  static func name(fromPathSegment segment: String) -> String? {
    guard let name = segment.removingPercentEncoding, AnkiFieldText.isSafeMediaName(name) else { return nil }
    return name
  }

  /// The image `name` in `folder`, or `nil` when there is no such image: missing, not a regular file, not an
  /// image type, too large, or a link leading out of the folder.
  ///
  /// Blocking: call it from the store's thread pool.
  static func image(named name: String, in folder: URL) -> Image? {
    guard AnkiFieldText.isSafeMediaName(name),
      let contentType = contentTypes[(name as NSString).pathExtension.lowercased()]
    else { return nil }
    let url = folder.appendingPathComponent(name, isDirectory: false)
    // The name cannot climb out, but a symbolic link placed in the folder could: follow it only if it stays in.
    let resolvedFolder = folder.resolvingSymlinksInPath().standardizedFileURL.path
    guard url.resolvingSymlinksInPath().standardizedFileURL.deletingLastPathComponent().path == resolvedFolder,
      let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? Int, size <= maximumBytes,
      let data = try? Data(contentsOf: url)
    else { return nil }
    return Image(data: data, contentType: contentType)
  }
}
