import Foundation
import RecallCore

/// A file named on the command line, read whole after checking it is a readable regular file of an acceptable
/// size; `-` is standard input.
struct InputFile {
  let name: String
  let data: Data

  /// Reads `path`, refusing before reading anything a file larger than `limit` bytes.
  static func read(_ path: String, limit: Int = SourceText.maximumBytes) throws(CommandFailure) -> InputFile {
    if path == "-" {
      var data = Data()
      while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
        data += chunk
        if data.count > limit {
          throw CommandFailure("stdin: \(ImportError.tooLarge(bytes: data.count, limit: limit).description)")
        }
      }
      return InputFile(name: "stdin", data: data)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure("\(path): no such file")
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure("\(path): is a directory; name the files to import")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= limit else {
      throw CommandFailure("\(path): \(ImportError.tooLarge(bytes: size, limit: limit).description)")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure("\(path): cannot be read (permission denied?)")
    }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
    guard data.count <= limit else {
      throw CommandFailure("\(path): \(ImportError.tooLarge(bytes: data.count, limit: limit).description)")
    }
    return InputFile(name: path, data: data)
  }

  /// The file's name without folder or extension, for naming a deck.
  var baseName: String {
    name == "stdin" ? "Imported" : ((name as NSString).lastPathComponent as NSString).deletingPathExtension
  }
}
