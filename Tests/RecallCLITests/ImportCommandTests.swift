import Foundation
import Testing

/// `recall import`, `recall decks` and `recall cards` as a user runs them: whole outputs and exit codes.
@Suite(.serialized)
struct ImportCommandTests {
  static let seed = RecallProcess.packageRoot.appendingPathComponent("examples/khrushchev.txt").path

  struct ExpectedDeck: Decodable, Equatable {
    struct Card: Decodable, Equatable {
      let front: String
      let back: String
    }
    let title: String?
    let cards: [Card]
  }

  @Test func dryRunJSONMatchesTheSeedGroundTruth() throws {
    let result = try RecallProcess.run(["import", "--dry-run", "--json", Self.seed])
    #expect(result.status == 0)
    let printed = try JSONDecoder().decode(ExpectedDeck.self, from: Data(result.stdout.utf8))
    let expectedURL = RecallProcess.packageRoot.appendingPathComponent(
      "Tests/RecallCoreTests/Import/Fixtures/khrushchev.expected.json")
    let expected = try JSONDecoder().decode(ExpectedDeck.self, from: Data(contentsOf: expectedURL))
    #expect(printed == expected)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(Set(object?.keys.map { $0 } ?? []) == ["format", "title", "cards", "warnings"])
    #expect(object?["format"] as? String == "paste")
  }

  @Test func importSavesReimportUpdatesWithoutDuplicating() throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("c.sqlite").path
    let first = try RecallProcess.run(["import", "--collection", collection, Self.seed])
    #expect(first.status == 0)
    #expect(
      first.stdout.hasPrefix(
        "\(Self.seed): paste → deck “Khrushchev GOVERNMENT Flashcards”: 27 added, 0 updated, 0 unchanged, 2 flagged\n"
      ))
    #expect(first.stdout.contains("\(Self.seed):52: warning: question with no answer"))

    let edited = try String(contentsOfFile: Self.seed, encoding: .utf8)
      .replacingOccurrences(of: "Head of the secret police (NKVD)", with: "Head of the NKVD")
    let editedPath = try folder.write("khrushchev.txt", Data(edited.utf8))
    let second = try RecallProcess.run(["import", "--collection", collection, editedPath])
    #expect(
      second.stdout.hasPrefix(
        "\(editedPath): paste → deck “Khrushchev GOVERNMENT Flashcards”: 0 added, 1 updated, 26 unchanged, 2 flagged\n"
      ))

    let decks = try RecallProcess.run(["decks", "--collection", collection])
    #expect(decks.stdout == "Khrushchev GOVERNMENT Flashcards: 27 cards (27 new, 2 flagged, 0 suspended)\n")
    let cards = try RecallProcess.run(["cards", "--collection", collection, "--search", "nkvd", "--json"])
    let listed = try JSONSerialization.jsonObject(with: Data(cards.stdout.utf8)) as? [[String: Any]]
    #expect(listed?.count == 1)
    #expect(listed?.first?["back"] as? String == "Head of the NKVD")
    #expect(listed?.first?["front"] as? String == "Beria’s role:")
    #expect(listed?.first?["flagged"] as? Bool == false)
    #expect(listed?.first?["state"] as? String == "new")
  }

  @Test func deckNameComesFromTheOptionThenTitleThenFileName() throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("c.sqlite").path
    let path = try folder.write("spanish.txt", Data("perro\tdog\ngato\tcat\n".utf8))
    _ = try RecallProcess.run(["import", "--collection", collection, path])
    _ = try RecallProcess.run(["import", "--collection", collection, "--deck", "Mine", Self.seed])
    let decks = try RecallProcess.run(["decks", "--collection", collection])
    #expect(
      decks.stdout
        == "Mine: 27 cards (27 new, 2 flagged, 0 suspended)\nspanish: 2 cards (2 new, 0 flagged, 0 suspended)\n")
  }

  @Test func standardInputIsADash() throws {
    let result = try RecallProcess.run(["import", "--dry-run", "--json", "-"], input: Data("Q: 2+2?\nA: 4\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"format\" : \"qa\""))
    #expect(result.stdout.contains("\"front\" : \"2+2?\""))
  }

  struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (TemporaryFolder) throws -> String
    let message: String
    var testDescription: String { name }
  }

  static let badInputs: [BadInput] = [
    BadInput(name: "empty file", make: { try $0.write("empty.txt", Data()) }, message: "holds no cards"),
    BadInput(
      name: "binary file", make: { try $0.write("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D])) },
      message: "not a text file"),
    BadInput(name: "directory", make: { $0.url.path }, message: "is a directory"),
    BadInput(name: "missing file", make: { $0.file("nope.txt").path }, message: "no such file"),
    BadInput(
      name: "10 MB single line", make: { try $0.write("line.txt", Data(repeating: 0x61, count: 10 << 20)) },
      message: "line 1 is 10485760 bytes long"),
    BadInput(
      name: "1 GB file",
      make: { folder in
        let path = folder.file("huge.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: folder.file("huge.txt"))
        try handle.truncate(atOffset: 1 << 30)  // sparse: takes no disk space
        try handle.close()
        return path
      }, message: "the file is 1073741824 bytes"),
    BadInput(
      name: "invalid UTF-8", make: { try $0.write("latin1.txt", Data("caf".utf8) + Data([0xE9, 0x0A])) },
      message: "line 1: invalid UTF-8 at byte 3"),
  ]

  @Test(arguments: badInputs)
  func badInputFailsClearlyAndWritesNothing(_ input: BadInput) throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("collection.sqlite").path
    let path = try input.make(folder)
    let result = try RecallProcess.run(["import", "--collection", collection, path])
    #expect(result.status == 1)
    #expect(result.stderr.contains(input.message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: collection))
  }

  @Test func oneBadFileDoesNotStopTheGoodOnes() throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("c.sqlite").path
    let result = try RecallProcess.run([
      "import", "--collection", collection, folder.file("missing.txt").path, Self.seed,
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("27 added"))
    #expect(result.stderr == "recall: \(folder.file("missing.txt").path): no such file\n")
  }
}
