import Foundation
import Testing

@testable import RecallCore

/// Decoding: BOMs, line endings, UTF-16, and clear errors for what is not text.
struct SourceTextTests {
  static let expectedLines = ["Café?", "Crème brûlée  ", "", "end"]

  static let encodings: [(String, Data)] = [
    ("utf-8", Data("Café?\nCrème brûlée  \n\nend".utf8)),
    ("utf-8 with BOM", Data([0xEF, 0xBB, 0xBF]) + Data("Café?\nCrème brûlée  \n\nend".utf8)),
    ("crlf", Data("Café?\r\nCrème brûlée  \r\n\r\nend\r\n".utf8)),
    ("cr", Data("Café?\rCrème brûlée  \r\rend".utf8)),
    ("utf-16le", Data([0xFF, 0xFE]) + "Café?\r\nCrème brûlée  \r\n\r\nend".data(using: .utf16LittleEndian)!),
    ("utf-16be", Data([0xFE, 0xFF]) + "Café?\nCrème brûlée  \n\nend".data(using: .utf16BigEndian)!),
  ]

  @Test(arguments: encodings)
  func decodes(name: String, data: Data) throws {
    #expect(try SourceText(data: data).lines == Self.expectedLines, "\(name)")
  }

  @Test func invalidUTF8NamesTheByteAndLine() {
    let data = Data("ok\nstill ok\nbad ".utf8) + Data([0xC3, 0x28]) + Data(" here".utf8)
    #expect(throws: ImportError.invalidUTF8(byteOffset: 16, line: 3)) { try SourceText(data: data) }
  }

  @Test func windows1252CanBeForced() throws {
    let data = Data([0x63, 0x61, 0x66, 0xE9, 0x0A, 0x93, 0x71, 0x94])  // café / “q”
    #expect(try SourceText(data: data, encoding: .windows1252).lines == ["café", "“q”"])
  }

  @Test func binaryIsRefused() {
    let data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    #expect(throws: ImportError.binary(byteOffset: 8)) { try SourceText(data: data) }
  }

  @Test func aTenMegabyteLineIsRefused() {
    let data = Data("title\n".utf8) + Data(repeating: 0x61, count: 10 << 20)
    #expect(throws: ImportError.lineTooLong(line: 2, bytes: 10 << 20, limit: SourceText.maximumLineBytes)) {
      try SourceText(data: data)
    }
  }

  @Test func aFileOverTheLimitIsRefusedBeforeDecoding() {
    let data = Data(count: SourceText.maximumBytes + 1)
    #expect(throws: ImportError.tooLarge(bytes: SourceText.maximumBytes + 1, limit: SourceText.maximumBytes)) {
      try SourceText(data: data)
    }
  }

  @Test(arguments: ["", "\n\n  \n", "\u{FEFF}"])
  func emptyFilesHoldNoCards(text: String) {
    #expect(throws: ImportError.empty) { try DeckParser.parse(Data(text.utf8)) }
  }
}
