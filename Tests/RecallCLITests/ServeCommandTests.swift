import Foundation
import Testing

/// `recall serve FILE…`: the files are imported before the server starts, Anki packages whole.
@Suite struct ServeCommandTests {
  static let package = RecallProcess.packageRoot.appendingPathComponent("Tests/RecallAnkiTests/Fixtures/legacy2.apkg")

  @Test func importsAnAnkiPackageAndATextFileThenServes() throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("collection.sqlite").path
    let notes = try folder.write("capitals.txt", Data("Q: Capital of France?\nA: Paris\n".utf8))
    let (process, _, output) = try RecallProcess.launch(
      ["serve", "--port", "0", "--collection", collection, Self.package.path, notes])
    // Stops a server that never says it is running, so a failure cannot hang the test run.
    let watchdog = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    var printed = ""
    while !printed.contains("Recall is running") {
      let chunk = output.availableData
      guard !chunk.isEmpty else { break }
      printed += String(decoding: chunk, as: UTF8.self)
    }
    watchdog.cancel()
    process.terminate()
    process.waitUntilExit()

    #expect(printed.contains("Recall is running at http://127.0.0.1:"))
    #expect(printed.contains("legacy2.apkg: Anki package, legacy 2 (collection.anki21)"))
    #expect(printed.contains("46 cards added"))
    #expect(printed.contains("capitals.txt"))
    #expect(FileManager.default.fileExists(atPath: folder.file("collection.media/cell.png").path))
    let cards = try RecallProcess.run(["cards", "--collection", collection, "--json"])
    let list = try JSONSerialization.jsonObject(with: Data(cards.stdout.utf8)) as? [Any]
    #expect(list?.count == 47)
  }

  @Test func aDamagedPackageStopsTheServerFromStarting() throws {
    let folder = try TemporaryFolder()
    let collection = folder.file("collection.sqlite").path
    let bad = try folder.write("bad.apkg", Data("not a zip at all".utf8))
    let result = try RecallProcess.run(["serve", "--port", "0", "--collection", collection, bad])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.apkg: not an Anki package"))
    #expect(!result.stdout.contains("Recall is running"))
  }
}
