/// Closed-class English words: they carry grammar, not facts, so a point is never hit or missed on them.
enum FunctionWords {
  /// Words that weigh nothing when a point's coverage is measured.
  static let all: Set<String> = [
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "itself", "they", "them",
    "their", "theirs", "themselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "we", "us",
    "our", "ours", "you", "your", "yours", "i", "me", "my", "mine", "one's", "who", "whom", "whose", "which",
    "what", "when", "where", "why", "how", "whether", "be", "is", "am", "are", "was", "were", "been", "being",
    "have", "has", "had", "having", "do", "does", "did", "done", "doing", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "of", "in", "on", "at", "by", "for", "with", "to", "from", "into",
    "onto", "upon", "as", "than", "then", "so", "such", "and", "or", "but", "if", "because", "while", "whilst",
    "although", "though", "also", "too", "very", "just", "only", "even", "still", "quite", "rather", "really",
    "etc", "eg", "ie", "via", "per", "about", "around", "approximately", "roughly", "circa", "some", "any",
    "each", "every", "all", "both", "either", "own", "same", "other", "another", "up", "out", "off", "over",
    "again", "further", "once", "like", "unlike", "well", "lot", "lots", "thing", "things", "something",
    "anything", "everything", "way", "ways", "get", "gets", "got", "getting", "went", "go", "goes", "going",
    "let", "lets", "v", "vs", "versus", "s", "t", "d", "ll", "re", "ve", "o", "hmm", "um", "uh", "yeah",
    "answer", "basically", "mainly", "mostly", "usually", "often", "generally", "particularly", "especially",
    "significantly", "seriously", "immediately", "actually", "just", "able", "which", "whereby", "thus",
    "therefore", "hence", "however", "though", "since", "until", "till", "within", "between", "among", "along",
    "through", "across", "after", "before", "during", "against", "towards", "toward", "under", "above", "below",
  ]

  /// Words that negate what follows them in the same clause.
  static let negations: Set<String> = [
    "not", "no", "never", "none", "nor", "neither", "without", "nobody", "nothing", "nowhere", "non",
  ]

  /// Words that end a negation's scope: it covers the rest of its clause, not the next one.
  static let clauseBreaks: Set<String> = [
    "but", "and", "so", "because", "when", "while", "whilst", "whereas", "although", "though", "which", "who",
    "that", "if", "since", "then", "until", "yet", "however", "instead", "for",
  ]

  /// Everyday words that say little on their own, so they weigh half as much as other content words.
  static let light: Set<String> = [
    "make", "use", "give", "take", "come", "put", "set", "keep", "show", "say", "tell", "know", "think", "see",
    "look", "want", "need", "try", "seem", "find", "work", "part", "kind", "type", "lot", "many", "much",
    "more", "most", "less", "least", "few", "fewer", "new", "good", "bad", "big", "small", "large", "high",
    "low", "long", "short", "main", "major", "minor", "last", "next", "time", "year", "day", "people",
    "person", "number", "amount", "level", "place", "case", "point", "fact", "idea", "process", "system",
    "form", "group", "area", "example", "result", "reason", "cause", "effect", "change", "increase", "reduce",
    "also", "become", "happen", "mean", "allow", "help", "lead", "call", "name", "able", "certain", "general",
    "whole", "total", "common", "usual", "normal", "real", "true", "really", "often", "always", "sometimes",
  ]
}
