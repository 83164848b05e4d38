import Foundation

/// Runs the built `recall` executable the way a user does, capturing its whole output.
struct RecallProcess {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `recall` binary built beside the test bundle.
  static var executable: URL {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("recall")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return packageRoot.appendingPathComponent(".build/debug/recall")
  }

  /// Runs `recall` with `arguments` in `directory`, feeding `input` to its standard input.
  /// A time zone (`TZ`) in which it is now about noon, so the 4:00 start of the study day is hours away: a
  /// session whose learning cards come back ten minutes later stays within one study day whenever the tests run.
  /// Every run gets it unless the test sets `TZ` itself; decks with their own time zone are unaffected.
  static var middayTimeZone: [String: String] {
    let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour ?? 0
    let offset = 12 - hour
    // POSIX zone names count the other way: Etc/GMT-5 is five hours ahead of UTC.
    return ["TZ": "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset))"]
  }

  static func run(
    _ arguments: [String], in directory: URL? = nil, input: Data = Data(), environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.merge(middayTimeZone) { $1 }
    env.merge(environment) { $1 }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    // Write and read concurrently so a large output or input cannot fill a pipe and stall both sides.
    let writer = Thread {
      stdin.fileHandleForWriting.write(input)
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = ErrorCollector(stderr.fileHandleForReading)
    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errorData.wait(), as: UTF8.self))
  }

  /// Starts `recall` with `arguments` and returns it running, with handles to write its input and read its output.
  static func launch(_ arguments: [String]) throws -> (process: Process, input: FileHandle, output: FileHandle) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(middayTimeZone) { $1 }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    return (process, input.fileHandleForWriting, output.fileHandleForReading)
  }

  /// Reads a pipe to its end on its own thread.
  final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread {
        self.data = handle.readDataToEndOfFile()
        self.done.signal()
      }.start()
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}

/// A folder of its own for one test, removed afterwards.
final class TemporaryFolder: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  func write(_ name: String, _ data: Data) throws -> String {
    try data.write(to: file(name))
    return file(name).path
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
