import Foundation

/// How a deck is studied: daily limits, the day boundary, FSRS settings and the leech rule. Defaults are Anki's.
public struct DeckOptions: Sendable, Hashable, Codable {
  /// What happens to a card that becomes a leech.
  public enum LeechAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tag it `leech` and keep studying it.
    case tag
    /// Tag it `leech` and suspend it.
    case suspend
  }

  /// New cards introduced per day.
  public var newCardsPerDay = 20
  /// Reviews per day; new cards count against it too, as in Anki.
  public var reviewsPerDay = 200
  /// Learning cards due within this many seconds are shown early when nothing else is due.
  public var learnAheadSeconds: TimeInterval = 1200
  /// The local hour at which the study day begins.
  public var dayStartHour = 4
  /// The time zone of the day boundary (an IANA identifier), or `nil` for the system's.
  public var timeZone: String?
  /// The recall probability reviews are scheduled for.
  public var desiredRetention = 0.9
  /// Learning steps, in seconds.
  public var learningSteps: [TimeInterval] = [60, 600]
  /// Relearning steps after a lapse, in seconds.
  public var relearningSteps: [TimeInterval] = [600]
  /// The longest interval, in days.
  public var maximumInterval = 36500
  /// The 21 FSRS-6 parameters.
  public var parameters = FSRSParameters.default.weights
  /// Whether review intervals are fuzzed so cards learned together spread out.
  public var fuzz = true
  /// Lapses at which a card first becomes a leech; it is flagged again every half that many more.
  public var leechThreshold = 8
  /// What happens to a leech.
  public var leechAction = LeechAction.tag
  /// The exam the deck is studied toward, if one is set (`recall exam set`): until it, the daily queue follows
  /// the exam plan instead of plain FSRS.
  public var exam: ExamSettings?

  /// Anki's defaults.
  public init() {}

  /// The time zone of the day boundary.
  public var resolvedTimeZone: TimeZone {
    timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
  }

  /// The day boundary these options set.
  public var day: SchedulingDay { SchedulingDay(dayStartHour: dayStartHour, timeZone: resolvedTimeZone) }

  /// The live-mode scheduler these options describe.
  ///
  /// - Throws: ``FSRSError`` when a value is out of range.
  public func scheduler() throws(FSRSError) -> Scheduler {
    Scheduler(
      try SchedulerConfiguration(
        parameters: try FSRSParameters(parameters), desiredRetention: desiredRetention, learningSteps: learningSteps,
        relearningSteps: relearningSteps, maximumInterval: maximumInterval, fuzz: fuzz,
        mode: .live(dayStartHour: dayStartHour, timeZone: resolvedTimeZone)))
  }

  /// Whether a card that has just reached `lapses` lapses becomes (again) a leech: at the threshold, then every
  /// half-threshold (rounded up) more, as Anki does (8, 12, 16…).
  public func isLeechThreshold(lapses: Int) -> Bool {
    guard leechThreshold > 0, lapses >= leechThreshold else { return false }
    let every = max(1, (leechThreshold + 1) / 2)
    return (lapses - leechThreshold) % every == 0
  }

  private enum CodingKeys: String, CodingKey {
    case newCardsPerDay, reviewsPerDay, learnAheadSeconds, dayStartHour, timeZone, desiredRetention, learningSteps
    case relearningSteps, maximumInterval, parameters, fuzz, leechThreshold, leechAction, exam
  }

  /// Decodes options; every missing key keeps its default, so options saved by older versions still load.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
      try container.decodeIfPresent(T.self, forKey: key) ?? fallback
    }
    let defaults = DeckOptions()
    newCardsPerDay = try value(.newCardsPerDay, defaults.newCardsPerDay)
    reviewsPerDay = try value(.reviewsPerDay, defaults.reviewsPerDay)
    learnAheadSeconds = try value(.learnAheadSeconds, defaults.learnAheadSeconds)
    dayStartHour = try value(.dayStartHour, defaults.dayStartHour)
    timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
    desiredRetention = try value(.desiredRetention, defaults.desiredRetention)
    learningSteps = try value(.learningSteps, defaults.learningSteps)
    relearningSteps = try value(.relearningSteps, defaults.relearningSteps)
    maximumInterval = try value(.maximumInterval, defaults.maximumInterval)
    parameters = try value(.parameters, defaults.parameters)
    fuzz = try value(.fuzz, defaults.fuzz)
    leechThreshold = try value(.leechThreshold, defaults.leechThreshold)
    leechAction = try value(.leechAction, defaults.leechAction)
    exam = try container.decodeIfPresent(ExamSettings.self, forKey: .exam)
  }
}
