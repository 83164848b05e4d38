import CZstd
import Foundation

/// Decompresses a zstd stream chunk by chunk, as it comes out of the zip.
///
/// Anki writes its zstd entries with a streaming encoder, so frames carry no content size and the one-shot
/// `ZSTD_decompress` cannot be used; the streaming API also keeps memory flat for a large collection. Output past
/// `limit` bytes stops decoding: a few kilobytes of zstd can expand to gigabytes.
final class ZstdDecoder {
  private let context: OpaquePointer
  private let entry: String
  private let limit: Int64
  private var output: [UInt8]
  private var produced: Int64 = 0
  /// The last `ZSTD_decompressStream` result: 0 exactly when a frame has just been completed.
  private var lastHint = 1
  private var sawInput = false

  init(entry: String, limit: Int64) throws(AnkiPackageError) {
    guard let context = ZSTD_createDCtx() else {
      throw .badCompression(entry: entry, reason: "out of memory for the zstd decoder")
    }
    self.context = context
    self.entry = entry
    self.limit = limit
    output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
  }

  deinit { ZSTD_freeDCtx(context) }

  /// Feeds compressed bytes; `sink` receives the decompressed bytes, in order, in pieces.
  func feed(_ chunk: Data, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    guard !chunk.isEmpty else { return }
    sawInput = true
    try chunk.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
      var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
      var outputWasFull = false
      // Keep going while input is left, or while the last call filled the output buffer: then more output may
      // be waiting inside the decoder even though all input is consumed.
      while input.pos < input.size || outputWasFull {
        let written = try output.withUnsafeMutableBytes { buffer -> Int in
          var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
          let result = ZSTD_decompressStream(context, &out, &input)
          if ZSTD_isError(result) != 0 {
            throw AnkiPackageError.badCompression(entry: entry, reason: String(cString: ZSTD_getErrorName(result)))
          }
          lastHint = result
          return out.pos
        }
        outputWasFull = written == output.count
        produced += Int64(written)
        if produced > limit { throw AnkiPackageError.tooLarge(entry: entry, limit: limit) }
        if written > 0 { try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<written])) } }
        if written == 0 && input.pos == input.size { break }
      }
    }
  }

  /// Checks that the stream ended at the end of a frame.
  func finish() throws(AnkiPackageError) {
    guard sawInput else { throw .badCompression(entry: entry, reason: "the entry is empty") }
    guard lastHint == 0 else { throw .badCompression(entry: entry, reason: "the data ends inside a zstd frame") }
  }

  /// Decompresses a whole small entry (the media map, a media file) in memory.
  static func decompress(_ data: Data, entry: String, limit: Int64) throws -> Data {
    let decoder = try ZstdDecoder(entry: entry, limit: limit)
    var result = Data()
    try decoder.feed(data) { result.append(contentsOf: $0) }
    try decoder.finish()
    return result
  }
}
