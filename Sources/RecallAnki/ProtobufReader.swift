import Foundation

/// Reads the few protobuf messages an Anki package holds (`PackageMetadata`, `MediaEntries`, note type and
/// template configs) field by field.
///
/// Hand-decoded rather than generated: the messages are tiny, and swift-protobuf's code generator would cost
/// minutes of build time for four fields. Unknown fields are skipped, as protobuf requires, so newer Ankis that
/// add fields still read.
struct ProtobufReader {
  /// One field's value: a varint, or the bytes of a length-delimited field (string, bytes, nested message).
  enum Value {
    case varint(UInt64)
    case bytes(Data)
    case fixed(UInt64)
  }

  struct Malformed: Error {
    let reason: String
  }

  private let data: Data
  private var index: Data.Index

  init(_ data: Data) {
    self.data = data
    index = data.startIndex
  }

  /// The next field number and value, or `nil` at the end of the message.
  mutating func next() throws(Malformed) -> (field: Int, value: Value)? {
    guard index < data.endIndex else { return nil }
    let key = try varint()
    let field = Int(key >> 3)
    guard field > 0 else { throw Malformed(reason: "field number 0") }
    switch key & 7 {
    case 0:
      return (field, .varint(try varint()))
    case 1:
      return (field, .fixed(try fixed(8)))
    case 2:
      let length = try varint()
      guard length <= UInt64(data.endIndex - index) else {
        throw Malformed(reason: "field \(field) is longer than the message")
      }
      let end = index + Int(length)
      defer { index = end }
      return (field, .bytes(data[index..<end]))
    case 5:
      return (field, .fixed(try fixed(4)))
    default:
      throw Malformed(reason: "unsupported wire type \(key & 7) in field \(field)")
    }
  }

  /// Every field of the message, in order.
  static func fields(_ data: Data) throws(Malformed) -> [(field: Int, value: Value)] {
    var reader = ProtobufReader(data)
    var fields: [(field: Int, value: Value)] = []
    while let field = try reader.next() { fields.append(field) }
    return fields
  }

  private mutating func varint() throws(Malformed) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while index < data.endIndex {
      let byte = data[index]
      index += 1
      guard shift < 64 else { throw Malformed(reason: "varint longer than 10 bytes") }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    throw Malformed(reason: "the message ends inside a varint")
  }

  private mutating func fixed(_ count: Int) throws(Malformed) -> UInt64 {
    guard data.endIndex - index >= count else { throw Malformed(reason: "the message ends inside a fixed field") }
    var result: UInt64 = 0
    for offset in 0..<count { result |= UInt64(data[index + offset]) << (8 * UInt64(offset)) }
    index += count
    return result
  }
}

extension ProtobufReader.Value {
  /// The value as an integer, when it is a varint.
  var integer: UInt64? {
    if case .varint(let value) = self { return value }
    return nil
  }

  /// The value as UTF-8 text, when it is length-delimited.
  var string: String? {
    if case .bytes(let data) = self { return String(data: data, encoding: .utf8) }
    return nil
  }

  /// The raw bytes, when it is length-delimited.
  var bytes: Data? {
    if case .bytes(let data) = self { return data }
    return nil
  }
}
