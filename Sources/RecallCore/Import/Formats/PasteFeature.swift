/// The features the pasted-notes model weighs, one weight each.
///
/// Front features describe a line and its neighbours and count toward the line starting a card; title features
/// describe the first line and count toward it being the deck's title; transition features count each time one
/// label follows another in a way that leaves a card with a missing side.
enum PasteFeature: Int, CaseIterable {
  // Front: the line itself.
  case bias, symbolBullet, numberedItem
  case questionWord, auxiliaryVerb, promptVerb, topicNoun
  case questionMark, questionMarkWithoutOpener, questionMarkAfterCommaClause, innerQuestion
  case period, exclamation, shortColonEnding, longColonEnding, closerEnding, innerColon, opensWithQuote
  case upToTwoWords, threeOrFourWords, fiveOrSixWords, thirteenToTwentyWords, overTwentyWords
  case lowercaseStart, continuationWord, digitStart, spacedDash, commaClause, capitalisedWord
  // Front: the neighbours.
  case listItemFollows, listItemPrecedes, colonLinePrecedes, questionPrecedes, sentencePrecedes
  case lowercaseFollowsShortTerm, questionFollows, lastLine
  case blankBeforeInBlankSeparatedNotes, noBlankBeforeInBlankSeparatedNotes, blankBeforeOtherwise
  // Title: the first line.
  case titleBias, titleWord, titleSubjectAndTopic, titleCapitalisedWord, titleShort, titleLong, titleBlankAfter
  case titleQuestion, titleSentence, titleMarkdownHeading, titleListFollows
  // Transitions.
  case frontAfterFront, backAtStart, backAfterTitle, frontAtEnd
}

/// A sparse feature vector: the features that fire, with their values.
typealias PasteFeatures = [(feature: PasteFeature, value: Double)]
