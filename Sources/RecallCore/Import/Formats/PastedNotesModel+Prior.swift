extension PastedNotesModel {
  /// Hand-set weights, in log-odds-like units: the starting point of training and what each feature means.
  public static let prior = PastedNotesModel(weights: PasteFeature.allCases.map(priorWeight))

  private static func priorWeight(_ feature: PasteFeature) -> Double {
    switch feature {
    case .bias: 0
    case .symbolBullet: -7
    case .numberedItem: -3.5
    case .questionWord: 3
    case .auxiliaryVerb: 1.5
    case .promptVerb: 2.5
    case .topicNoun: 1.5
    case .questionMark: 3
    case .questionMarkWithoutOpener: 0
    // "Being a British spy, he was shot?" reads as an unsure answer, not a question.
    case .questionMarkAfterCommaClause: -1
    case .innerQuestion: 0.5
    case .period: -2.5
    case .exclamation: -1.5
    case .shortColonEnding: 1
    case .longColonEnding: -0.5
    case .closerEnding: -0.5
    case .innerColon: 0
    case .opensWithQuote: 0
    case .upToTwoWords, .threeOrFourWords: 1.5
    case .fiveOrSixWords: 1
    case .thirteenToTwentyWords: -1.5
    case .overTwentyWords: -3
    case .lowercaseStart: -2
    case .continuationWord: -1.5
    case .digitStart: -0.5
    case .spacedDash: -0.5
    case .commaClause, .capitalisedWord: 0
    case .listItemFollows, .listItemPrecedes: 1.5
    // A line ending in a colon introduces what follows it.
    case .colonLinePrecedes: -2
    case .questionPrecedes, .sentencePrecedes, .questionFollows, .lastLine: 0
    case .lowercaseFollowsShortTerm: 0.5
    case .blankBeforeInBlankSeparatedNotes: 2.5
    case .noBlankBeforeInBlankSeparatedNotes: -2
    case .blankBeforeOtherwise: 1
    case .titleBias: 0
    case .titleWord: 6
    case .titleSubjectAndTopic: 3
    case .titleCapitalisedWord, .titleShort: 0.5
    case .titleLong: -2
    case .titleBlankAfter: 2
    case .titleQuestion: -6
    case .titleSentence: -3
    case .titleMarkdownHeading: 4
    case .titleListFollows: 0
    case .frontAfterFront: -4
    case .backAtStart: -3
    case .backAfterTitle: -1
    case .frontAtEnd: -3
    }
  }
}

extension PastedNotesModel {
  /// The features' names, in the order of ``weights``.
  public static let featureNames = PasteFeature.allCases.map { "\($0)" }
}
