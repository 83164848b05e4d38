import ArgumentParser

/// The `recall` command: import notes, study them, and keep every review.
public struct RecallCommand: AsyncParsableCommand {
  /// The command's name, abstract and subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Flashcards from your notes, scheduled with FSRS-6.",
    version: "0.1.0",
    subcommands: [
      ImportCommand.self, ExportCommand.self, DecksCommand.self, CardsCommand.self, DueCommand.self, CardCommand.self,
      StudyCommand.self, StatsCommand.self, AnswerCommand.self, UndoCommand.self, SuspendCommand.self,
      UnsuspendCommand.self, BuryCommand.self,
      ResetCommand.self, SetDueCommand.self, DeckCommand.self, FSRSCommand.self, CheckCommand.self, ServeCommand.self,
      OptimizeCommand.self, ExamCommand.self, GradeCommand.self, QuizCommand.self,
    ]
  )

  /// Creates the command; ArgumentParser fills in its options.
  public init() {}
}
