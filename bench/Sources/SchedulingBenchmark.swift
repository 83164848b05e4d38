import Foundation
import RecallCore
import RecallStore

/// Scheduling speed: one `schedule(card, rating)` call, today's queue, and durable answers, beside Anki's library
/// (PyPI `anki`, FSRS on) measured in the same run on a collection of the same size (bench/anki_scheduling.py).
enum SchedulingBenchmark {
  struct AnkiFigures: Decodable {
    let queue_ms: Double
    let answer_cpu_ms: Double
    let answer_wall_ms: Double
    let next_states_us: Double
  }

  static func run(arguments: [String]) throws {
    let answers = 1000
    print("scheduling                              Recall        Anki   Recall/Anki")
    var printedSchedule = false
    var sizes = [(100_000, 5_000), (1_000_000, 50_000)].filter { arguments.isEmpty || arguments.contains("\($0.0)") }
    if arguments.contains("small") { sizes = [(2_000, 1_000)] }
    for (cards, due) in sizes {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-bench-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: folder) }
      let now = Date()
      let setupStart = Date()
      let collection = try generate(
        cards: cards, due: due, at: now, path: folder.appendingPathComponent("c.sqlite").path)
      FileHandle.standardError.write(
        Data("generated \(cards) cards in \(String(format: "%.1f", Date().timeIntervalSince(setupStart))) s\n".utf8))
      let anki = ankiFigures(cards: cards, due: due, answers: answers)
      if !printedSchedule {
        printedSchedule = true
        row("schedule(card, rating) µs", scheduleMicroseconds(), anki?.next_states_us)
      }
      let repetitions = Int(ProcessInfo.processInfo.environment["QUEUE_REPETITIONS"] ?? "") ?? 7
      let queueTimes = try (0..<repetitions).map { _ in try measure { _ = try collection.queue(deck: "Bench", at: now) }
      }
      let queue = try collection.queue(deck: "Bench", at: now)
      precondition(queue.counts.review == due, "the queue holds \(queue.counts.review) reviews, not \(due)")
      FileHandle.standardError.write(Data("queue times ms: \(queueTimes.map { Int($0 * 1000) })\n".utf8))
      row("queue, \(due) due of \(cards) ms", median(queueTimes) * 1000, anki?.queue_ms)
      let cpuStart = cpuSeconds()
      let wallStart = Date()
      for id in queue.cardIDs.prefix(answers) { try collection.answer(cardID: id, rating: .good, at: now) }
      let wall = Date().timeIntervalSince(wallStart) / Double(answers) * 1000
      let cpu = (cpuSeconds() - cpuStart) / Double(answers) * 1000
      row("answer (durable) CPU ms/card", cpu, anki?.answer_cpu_ms)
      row("answer (durable) wall ms/card", wall, anki?.answer_wall_ms)
    }
  }

  /// A collection with `cards` review cards, `due` of them due today and the rest later; memory states spread.
  static func generate(cards: Int, due: Int, at now: Date, path: String) throws -> Collection {
    let collection = try Collection(path: path)
    let imported = (0..<cards).map { ImportedCard(front: "Question \($0)", back: "Answer \($0)", line: $0 + 1) }
    _ = try collection.save(imported, toDeck: "Bench", now: now)
    var options = DeckOptions()
    options.reviewsPerDay = max(due, 200)
    try collection.setOptions(options, ofDeck: "Bench")
    var random = SystemRandomNumberGenerator()
    let ids = try collection.cards(deck: "Bench").map(\.id)
    var schedules: [(cardID: Int64, schedule: CardSchedule)] = []
    for (index, id) in ids.enumerated() {
      let stability = Double.random(in: 1...200, using: &random)
      let offset =
        index < due
        ? -Double.random(in: 0...(10 * 86_400), using: &random)
        : Double.random(in: 86_400...(300 * 86_400), using: &random)
      let dueDate = now.addingTimeInterval(offset)
      let schedule = CardSchedule(
        phase: .review, step: nil, stability: stability, difficulty: Double.random(in: 1...10, using: &random),
        due: dueDate, lastReview: dueDate.addingTimeInterval(-stability * 86_400), reps: 5, lapses: 0,
        scheduledDays: Int(stability))
      schedules.append((id, schedule))
    }
    try collection.writeSchedules(schedules, at: now)
    return collection
  }

  static func scheduleMicroseconds() -> Double {
    let scheduler = try! DeckOptions().scheduler()
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let cards = (0..<1000).map { (index: Int) -> CardSchedule in
      let elapsed = Double(index % 50 + 1) * 86_400
      return CardSchedule(
        phase: .review, step: nil, stability: Double(index % 97 + 1), difficulty: Double(index % 9 + 1),
        due: start, lastReview: start.addingTimeInterval(-elapsed), reps: 3, lapses: 0)
    }
    let rounds = 200
    var sink = 0.0
    let seconds = measure {
      for round in 0..<rounds {
        for (index, card) in cards.enumerated() {
          let next = scheduler.next(
            card, rating: Rating(rawValue: (index + round) % 4 + 1)!, at: start, fuzzSeed: UInt64(index))
          sink += next.stability ?? 0
        }
      }
    }
    precondition(sink > 0)
    return seconds / Double(rounds * cards.count) * 1e6
  }

  static func ankiFigures(cards: Int, due: Int, answers: Int) -> AnkiFigures? {
    let python = ".venv/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python),
      FileManager.default.fileExists(atPath: "bench/anki_scheduling.py")
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "bench/anki_scheduling.py", "--cards", "\(cards)", "--due", "\(due)", "--answers", "\(answers)",
    ]
    let output = Pipe()
    process.standardOutput = output
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try? JSONDecoder().decode(AnkiFigures.self, from: data)
  }

  static func row(_ name: String, _ recall: Double, _ anki: Double?) {
    let reference = anki.map { String(format: "%10.3f %10.2f×", $0, recall / $0) } ?? "         -           -"
    print(name.padding(toLength: 36, withPad: " ", startingAt: 0), String(format: "%10.3f", recall), reference)
  }

  static func measure(_ body: () throws -> Void) rethrows -> TimeInterval {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    return seconds + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }
}
