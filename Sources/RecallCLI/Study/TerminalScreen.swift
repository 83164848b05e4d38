import Foundation
import RecallCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The original terminal settings, for the signal handlers to restore: a C signal handler cannot capture.
nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var terminalIsRaw = false

private func restoreTerminal() {
  guard terminalIsRaw else { return }
  tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
  terminalIsRaw = false
  // Leave the colours as they were and show the cursor.
  let reset = "\u{1B}[0m\u{1B}[?25h"
  _ = reset.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
}

/// A full-screen study view in a terminal: keys read without Enter (raw mode via termios), ANSI colour, text
/// wrapped to the width. The terminal is restored on quit, on Ctrl-C (SIGINT), SIGTERM and any exit; a resize
/// (SIGWINCH) redraws the card.
final class TerminalScreen: StudyScreen, @unchecked Sendable {
  private let colour: Bool
  private var lastView: CardView?
  private var signalSources: [any DispatchSourceSignal] = []
  private let drawing = NSLock()

  /// Takes over the terminal, or returns `nil` when standard input is not one.
  init?() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedTerminal) == 0 else { return nil }
    colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    atexit { restoreTerminal() }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        restoreTerminal()
        print("\nStopped. Every answer given so far is saved.")
        exit(128 + signalNumber)
      }
      source.resume()
      signalSources.append(source)
    }
    signal(SIGWINCH, SIG_IGN)
    let resize = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
    resize.setEventHandler { [weak self] in
      guard let self, let view = self.lastView else { return }
      self.show(view)
    }
    resize.resume()
    signalSources.append(resize)
    enterRawMode()
  }

  deinit { restoreTerminal() }

  private func enterRawMode() {
    var raw = savedTerminal
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    // TCSANOW, not TCSAFLUSH: keys typed ahead (or sent by a script) must not be thrown away.
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    terminalIsRaw = true
  }

  private var width: Int {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 80 }
    return Int(size.ws_col)
  }

  private func style(_ text: String, _ codes: String) -> String {
    colour ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
  }

  func show(_ view: CardView) {
    drawing.lock()
    defer { drawing.unlock() }
    lastView = view
    let width = width
    var lines: [String] = []
    let counts =
      style("\(view.counts.review) review", "34") + " · " + style("\(view.counts.learning) learning", "31") + " · "
      + style("\(view.counts.new) new", "32") + " · \(view.done) done"
    lines.append(style(view.deck, "1") + "   " + counts)
    lines.append(style(String(repeating: "─", count: width), "2"))
    lines += Self.wrap(view.front.isEmpty ? "(no question)" : view.front, width: width).map { style($0, "1") }
    if let options = view.options {
      lines.append("")
      for (index, option) in options.enumerated() {
        var text = "\(index + 1)  \(option.replacingOccurrences(of: "\n", with: " / "))"
        if view.chosen != nil {
          text =
            index == view.correctOption
            ? style(text + "  ✓", "32") : index == view.chosen ? style(text + "  ✗", "31") : text
        }
        lines += Self.wrap(text, width: width)
      }
    }
    if let check = view.check {
      lines.append("")
      lines.append(style("You typed:", "2"))
      lines += Self.wrap(render(check.segments), width: width * 4)
      if let points = check.points {
        let colour = points.verdict == "correct" ? "32" : points.verdict == "partial" ? "33" : "31"
        lines.append(style("\(points.hit) of \(points.total) points · \(points.verdict)", "1;\(colour)"))
      }
      if !check.missed.isEmpty {
        lines.append(style("Missed: ", "33") + check.missed.joined(separator: " · "))
      }
    }
    if let back = view.back {
      lines.append(style(String(repeating: "─", count: width), "2"))
      lines += Self.wrap(back.isEmpty ? "(no answer)" : back, width: width)
    }
    lines.append("")
    if let intervals = view.intervals {
      let colours: [Rating: String] = [.again: "31", .hard: "33", .good: "32", .easy: "34"]
      var bar = intervals.map { rating, interval in
        style("\(rating.rawValue)", "1;\(colours[rating]!)") + " \(Self.name(rating)) · \(interval)"
      }.joined(separator: "   ")
      if let suggested = view.check?.suggestedRating { bar += "   " + style("⏎ \(Self.name(suggested))", "1") }
      lines.append(bar)
    } else if view.options == nil {
      lines.append(style("space show   u undo   e edit   s suspend   b bury   ? keys   q quit", "2"))
    }
    // Output processing stays on in raw mode, so the terminal turns each \n into \r\n itself.
    print("\u{1B}[2J\u{1B}[H" + lines.joined(separator: "\n"), terminator: "")
    fflush(nil)
  }

  func read(answerShown: Bool) -> StudyInput? {
    while let byte = readByte() {
      let key = byte == 0x0A || byte == 0x0D ? "" : String(UnicodeScalar(byte))
      if key == "E" { return .edit }
      if let input = StudyInput.parse(key, answerShown: answerShown) { return input }
    }
    return nil
  }

  func readTypedAnswer() -> String? {
    print("\n" + style("Type the answer; an empty line ends it.", "2"))
    fflush(nil)
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
    terminalIsRaw = false
    defer { enterRawMode() }
    return readAnswerLines()
  }

  func readChoice(count: Int) -> StudyInput? {
    while let byte = readByte() {
      if let digit = Int(String(UnicodeScalar(byte))), (1...count).contains(digit) { return .choose(digit - 1) }
      if let input = StudyInput.parse(String(UnicodeScalar(byte)), answerShown: false), input != .reveal {
        return input
      }
    }
    return nil
  }

  func say(_ message: String) {
    print("\n" + message)
    fflush(nil)
  }

  func finish(_ summary: String) {
    restoreTerminal()
    print("\n" + summary)
  }

  func suspendForChild(_ body: () throws -> Void) rethrows {
    restoreTerminal()
    defer { enterRawMode() }
    try body()
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = Glibc.read(STDIN_FILENO, &byte, 1)
      if count == 1 { return byte }
      if count < 0 && errno == EINTR { continue }
      return nil
    }
  }

  private func render(_ segments: [AnswerCheck.Segment]) -> String {
    segments.map { segment in
      switch segment {
      case .matched(let text): style(text, "32")
      case .extra(let text): colour ? style(text, "9;31") : "[+\(text)]"
      case .missing(let text): colour ? style(text, "4;33") : "[-\(text)]"
      }
    }.joined()
  }

  static func name(_ rating: Rating) -> String {
    switch rating {
    case .again: "Again"
    case .hard: "Hard"
    case .good: "Good"
    case .easy: "Easy"
    }
  }

  /// Lines of at most `width` columns, broken at spaces where possible.
  static func wrap(_ text: String, width: Int) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
      var result: [String] = []
      var current = ""
      for word in line.split(separator: " ", omittingEmptySubsequences: false) {
        if !current.isEmpty, current.count + 1 + word.count > width {
          result.append(current)
          current = String(word)
        } else {
          current += (current.isEmpty ? "" : " ") + word
        }
      }
      result.append(current)
      return result
    }
  }
}
