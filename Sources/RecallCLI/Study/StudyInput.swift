import RecallCore

/// What the student asked for, read from a key press (terminal) or a line (line protocol).
enum StudyInput: Equatable {
  case reveal
  case rate(Rating)
  case choose(Int)
  case accept
  case undo
  case edit
  case suspend
  case bury
  case help
  case quit

  /// The input a line of the line protocol (or a key) stands for, given whether the answer is showing.
  static func parse(_ text: String, answerShown: Bool) -> StudyInput? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "", " ", "show", "reveal": return answerShown ? .accept : .reveal
    case "1", "again", "a": return .rate(.again)
    case "2", "hard", "h": return .rate(.hard)
    case "3", "good", "g": return .rate(.good)
    case "4", "easy": return .rate(.easy)
    // `e` edits while the question shows and means Easy once the answer shows, like Anki's keys.
    case "e": return answerShown ? .rate(.easy) : .edit
    case "edit": return .edit
    case "u", "undo": return .undo
    case "s", "suspend": return .suspend
    case "b", "bury": return .bury
    case "?", "help": return .help
    case "q", "quit": return .quit
    default: return nil
    }
  }
}
