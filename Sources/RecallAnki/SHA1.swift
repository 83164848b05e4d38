import Crypto
import Foundation

/// SHA-1, for the two places Anki's format asks for it: a note's first-field checksum (`csum`) and telling media
/// files apart by content. Not for security; swift-crypto's `Insecure.SHA1` does the work.
enum SHA1 {
  static func digest(_ data: Data) -> [UInt8] {
    Array(Insecure.SHA1.hash(data: data))
  }

  static func hex(_ data: Data) -> String {
    digest(data).map { String(format: "%02x", $0) }.joined()
  }
}
