import Foundation
import RecallCore
import RecallStore

// recall-bench: measurements that print tables. See bench/README.md.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "accuracy":
  ImportAccuracy.run(folders: Array(arguments.dropFirst()))
case "grading":
  try GradingBenchmark.run(arguments: Array(arguments.dropFirst()))
case "optimizer":
  try OptimizerBenchmark.run(arguments: Array(arguments.dropFirst()))
case "scheduling":
  try SchedulingBenchmark.run(arguments: Array(arguments.dropFirst()))
case "import-phases" where arguments.count == 2:
  // Where import time goes: reading, parsing, saving. For profiling (valgrind runs this, not the async CLI).
  var start = Date()
  func lap(_ name: String) {
    print(
      name.padding(toLength: 10, withPad: " ", startingAt: 0),
      String(format: "%7.3f s", Date().timeIntervalSince(start)))
    start = Date()
  }
  let data = FileManager.default.contents(atPath: arguments[1]) ?? Data()
  lap("read")
  let deck = try DeckParser.parse(data, fileName: arguments[1])
  lap("parse")
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("recall-import-\(UUID().uuidString).sqlite")
    .path
  defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
  let collection = try Collection(path: path)
  lap("open")
  _ = try collection.save(deck.cards, toDeck: "Import")
  lap("save")
case "train-paste":
  try PasteTraining.run(arguments: Array(arguments.dropFirst()))
case "explain" where arguments.count == 2:
  // The pasted-notes model's view of a file: label, front score and margin of every line.
  let source = try SourceText(data: FileManager.default.contents(atPath: arguments[1]) ?? Data())
  for entry in PastedNotesModel.trained.explain(source) {
    print(
      String(format: "%4d %-6@ %6.2f %6.2f  ", entry.line, entry.label, entry.frontScore, entry.margin)
        + source.lines[entry.line - 1])
  }
default:
  print(
    "usage: recall-bench accuracy FOLDER... | train-paste FOLDER... | scheduling [100000|1000000] | optimizer | grading | import-phases FILE | explain FILE"
  )
  exit(2)
}
