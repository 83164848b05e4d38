import Foundation
import Hummingbird

/// The fields of an HTML form post: `application/x-www-form-urlencoded`, or `multipart/form-data` when it
/// uploads a file. The pages post plain forms so they work without JavaScript.
struct FormData: Sendable {
  /// An uploaded file.
  struct File: Sendable {
    /// The name the browser gave, without folders.
    var fileName: String
    /// Its bytes.
    var data: Data
  }

  /// Field values by name, in the order sent (a name may repeat, as checkboxes do).
  private(set) var fields: [String: [String]] = [:]
  /// Uploaded files by field name; file fields left empty are not here.
  private(set) var files: [String: File] = [:]

  /// The first value of a field.
  subscript(_ name: String) -> String? { fields[name]?.first }

  /// Every value of a field.
  func all(_ name: String) -> [String] { fields[name] ?? [] }

  /// Reads the form in a request body (already limited in size by ``BodyLimitMiddleware``, to the route's limit),
  /// or takes the one the CSRF check read.
  static func read(_ request: Request, context: AppContext) async throws -> FormData {
    if let form = context.form { return form }
    let buffer = try await request.body.collect(upTo: BodyLimits.limit(forPath: request.uri.path))
    let bytes = Array(buffer.readableBytesView)
    let contentType = request.headers[.contentType] ?? ""
    if contentType.lowercased().hasPrefix("multipart/form-data") {
      guard let boundary = parameter("boundary", of: contentType), !boundary.isEmpty else {
        throw ServerError.badRequest("The multipart form has no boundary.")
      }
      return try multipart(bytes, boundary: boundary)
    }
    return urlEncoded(String(decoding: bytes, as: UTF8.self))
  }

  /// Parses `a=1&b=two+words`.
  static func urlEncoded(_ text: String) -> FormData {
    var form = FormData()
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
      }
      let name = decode(parts[0])
      form.fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
    }
    return form
  }

  /// Parses a `multipart/form-data` body (RFC 7578).
  static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
    var form = FormData()
    let delimiter = Array("--\(boundary)".utf8)
    let partEnd = Array("\r\n".utf8) + delimiter
    let headerEnd = Array("\r\n\r\n".utf8)
    guard var position = find(delimiter, in: body, from: 0)?.upperBound else {
      throw ServerError.badRequest("The multipart form is malformed: no part starts with its boundary.")
    }
    while position + 1 < body.count {
      // After a delimiter: "--" ends the body, CRLF starts a part.
      if body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { break }
      position += 2
      guard position <= body.count, let headersRange = find(headerEnd, in: body, from: position),
        let next = find(partEnd, in: body, from: headersRange.upperBound)
      else { throw ServerError.badRequest("The multipart form is malformed: a part does not end.") }
      let headers = String(decoding: body[position..<headersRange.lowerBound], as: UTF8.self)
      let content = Data(body[headersRange.upperBound..<next.lowerBound])
      position = next.upperBound
      let disposition = headers.split(separator: "\r\n").first {
        $0.lowercased().hasPrefix("content-disposition:")
      }
      guard let disposition, let name = parameter("name", of: String(disposition)) else { continue }
      if let fileName = parameter("filename", of: String(disposition)) {
        guard !fileName.isEmpty || !content.isEmpty else { continue }
        let baseName = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        form.files[name] = File(fileName: baseName, data: content)
      } else {
        form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
      }
    }
    return form
  }

  /// Where `needle` first occurs in `bytes` at or after `start`. `memchr` finds each candidate first byte: an
  /// uploaded Anki package runs to hundreds of megabytes, which the generic collection search takes seconds over.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
    guard let first = needle.first, start >= 0, bytes.count - start >= needle.count else { return nil }
    return bytes.withUnsafeBufferPointer { haystack -> Range<Int>? in
      guard let base = haystack.baseAddress else { return nil }
      var position = start
      let last = haystack.count - needle.count
      while position <= last {
        guard let found = memchr(base + position, Int32(first), last - position + 1) else { return nil }
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + index, needle, needle.count) == 0 { return index..<(index + needle.count) }
        position = index + 1
      }
      return nil
    }
  }

  /// A `key=value` or `key="value"` parameter of a header such as Content-Type or Content-Disposition.
  static func parameter(_ key: String, of header: String) -> String? {
    for part in header.split(separator: ";").dropFirst() {
      let pair = part.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
      }
      return value
    }
    return nil
  }
}
