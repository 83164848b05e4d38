/// A deliberately light stemmer: it removes inflections (plural -s, -ed, -ing, -ly, -ize, -ism/-ist) so that
/// "released", "releases" and "releasing" meet, but keeps derivations such as -ation or -er apart, because
/// "higher" versus "high" or "station" versus "state" must not merge. It works on ASCII bytes (answers are
/// folded to ASCII letters before it runs) and leaves any other word as it is.
enum LightStemmer {
  /// The stem of a lowercased American-spelled word.
  static func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    stripPlural(&bytes)
    stripVerbEnding(&bytes)
    stripDerivation(&bytes)
    if bytes.count > 4, bytes.last == e { bytes.removeLast() }
    if bytes.count > 3, bytes.last == y { bytes[bytes.count - 1] = i }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let e = UInt8(ascii: "e")
  private static let i = UInt8(ascii: "i")
  private static let y = UInt8(ascii: "y")
  private static let s = UInt8(ascii: "s")

  private static func ends(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
    let count = suffix.utf8CodeUnitCount
    guard bytes.count > count else { return false }
    return suffix.withUTF8Buffer { buffer in
      var index = 0
      while index < count {
        if bytes[bytes.count - count + index] != buffer[index] { return false }
        index += 1
      }
      return true
    }
  }

  private static func stripPlural(_ bytes: inout [UInt8]) {
    if ends(bytes, "ies"), bytes.count > 4 {
      bytes.removeLast(3)
      bytes.append(y)
    } else if ends(bytes, "sses") {
      bytes.removeLast(2)
    } else if bytes.count > 4,
      ends(bytes, "xes") || ends(bytes, "ches") || ends(bytes, "shes") || ends(bytes, "zes")
        || ends(bytes, "oes")
    {
      bytes.removeLast(2)
    } else if bytes.last == s, bytes.count > 3, !ends(bytes, "ss"), !ends(bytes, "us"), !ends(bytes, "is") {
      bytes.removeLast()
    }
  }

  private static func stripVerbEnding(_ bytes: inout [UInt8]) {
    if ends(bytes, "ied"), bytes.count > 4 {
      bytes.removeLast(3)
      bytes.append(y)
    } else if ends(bytes, "eed"), bytes.count > 4 {
      bytes.removeLast()
    } else if ends(bytes, "ed"), bytes.count > 4 {
      bytes.removeLast(2)
      undouble(&bytes)
    } else if ends(bytes, "ing"), bytes.count > 5 {
      bytes.removeLast(3)
      undouble(&bytes)
    } else if ends(bytes, "ly"), bytes.count > 5 {
      bytes.removeLast(2)
    }
  }

  private static func stripDerivation(_ bytes: inout [UInt8]) {
    for (ending, length) in [("ization", 7), ("izer", 4), ("ize", 3), ("iz", 2), ("ism", 3), ("ist", 3)]
      as [(StaticString, Int)]
    where ends(bytes, ending) && bytes.count - length >= 4 {
      bytes.removeLast(length)
      return
    }
  }

  /// stopp → stop, plann → plan (but not "fall", "pass", "buzz", whose doubles are part of the word).
  private static func undouble(_ bytes: inout [UInt8]) {
    guard bytes.count > 2, let last = bytes.last, last == bytes[bytes.count - 2],
      !"lszaeiou".utf8.contains(last)
    else { return }
    bytes.removeLast()
  }
}
