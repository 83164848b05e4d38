/// Everyday English content words. In a flashcard answer they are usually the frame around a fact ("shed light
/// on the awful over-use of terror"), while the rarer words are the fact, so they weigh less than other words.
/// Written by hand from general English frequency; subject terms are deliberately left out.
enum CommonWords {
  /// The words, as lowercased American spellings.
  static let all: Set<String> = [
    // Verbs
    "accept", "act", "add", "agree", "allow", "appear", "apply", "argue", "arrive", "ask", "become", "begin",
    "believe", "belong", "break", "bring", "build", "buy", "call", "carry", "catch", "cause", "change", "check",
    "choose", "claim", "close", "come", "consider", "continue", "cover", "create", "cut", "deal", "decide",
    "describe", "develop", "die", "do", "draw", "drive", "drop", "eat", "end", "enjoy", "enter", "expect",
    "explain", "face", "fail", "fall", "feel", "fight", "fill", "find", "finish", "fit", "fly", "follow",
    "forget", "form", "gain", "get", "give", "go", "grow", "handle", "happen", "hate", "have", "hear", "help",
    "hit", "hold", "hope", "hurt", "imagine", "improve", "include", "increase", "involve", "join", "keep",
    "kill", "know", "lead", "learn", "leave", "let", "lie", "like", "listen", "live", "look", "lose", "love",
    "make", "manage", "matter", "mean", "meet", "mention", "mind", "miss", "move", "need", "note", "notice",
    "offer", "open", "order", "own", "pass", "pay", "pick", "place", "plan", "play", "point", "prefer",
    "prepare", "present", "prevent", "produce", "protect", "prove", "provide", "pull", "push", "put", "raise",
    "reach", "read", "realize", "receive", "recognize", "reduce", "refer", "remain", "remember", "remove",
    "report", "represent", "require", "rest", "result", "return", "rise", "run", "save", "say", "see", "seem",
    "sell", "send", "serve", "set", "settle", "shed", "show", "shut", "sit", "sleep", "speak", "spend",
    "stand", "start", "state", "stay", "stop", "study", "suggest", "suppose", "take", "talk", "teach", "tell",
    "tend", "think", "throw", "touch", "try", "turn", "understand", "use", "wait", "walk", "want", "watch",
    "wear", "win", "wish", "wonder", "work", "worry", "write",
    // Adjectives
    "able", "actual", "alone", "available", "awful", "bad", "basic", "beautiful", "best", "better", "big",
    "bright", "busy", "certain", "cheap", "clean", "clear", "clever", "close", "common", "complete", "correct",
    "current", "dark", "dear", "deep", "dire", "direct", "easy", "empty", "entire", "equal", "even", "exact",
    "extra", "fair", "false", "familiar", "famous", "far", "fast", "fine", "free", "fresh", "full", "funny",
    "general", "good", "great", "happy", "hard", "heavy", "high", "horrible", "horrific", "huge", "important",
    "interesting", "large", "late", "least", "less", "likely", "little", "long", "low", "main", "major",
    "many", "minor", "more", "most", "much", "near", "necessary", "new", "nice", "normal", "old", "only",
    "open", "particular", "poor", "possible", "pretty", "proper", "quick", "quiet", "ready", "real", "recent",
    "right", "sad", "safe", "serious", "short", "significant", "simple", "single", "slow", "small", "special",
    "specific", "strange", "strong", "sure", "terrible", "total", "true", "typical", "useful", "usual",
    "various", "whole", "wide", "wrong", "young",
    // Nouns
    "account", "action", "activity", "age", "amount", "answer", "area", "aspect", "attempt", "back", "base",
    "basis", "bit", "body", "book", "bottom", "box", "case", "chance", "character", "choice", "class", "cost",
    "course", "day", "deal", "degree", "detail", "difference", "down", "end", "example", "experience", "eye",
    "fact", "family", "feature", "field", "figure", "form", "friend", "front", "future", "game", "group",
    "half", "hand", "head", "help", "home", "hour", "house", "idea", "issue", "item", "job", "kind", "lack",
    "level", "life", "light", "line", "list", "lot", "man", "manner", "matter", "means", "member", "method",
    "mind", "minute", "moment", "money", "month", "name", "need", "night", "number", "object", "order", "part",
    "past", "people", "period", "person", "picture", "piece", "place", "plan", "point", "position", "problem",
    "process", "purpose", "question", "range", "rate", "reason", "record", "result", "role", "room", "rule",
    "section", "sense", "series", "set", "side", "sign", "situation", "size", "sort", "source", "space",
    "stage", "start", "state", "step", "story", "subject", "term", "test", "thing", "time", "top", "total",
    "turn", "type", "unit", "use", "value", "view", "way", "week", "while", "woman", "word", "work", "world",
    "year",
    // Adverbs
    "almost", "already", "always", "away", "completely", "directly", "early", "else", "enough", "ever",
    "exactly", "far", "fully", "greatly", "highly", "instead", "later", "mostly", "nearly", "never", "now",
    "often", "perhaps", "probably", "quickly", "rarely", "recently", "simply", "slowly", "soon", "sometimes",
    "still", "today", "together", "usually", "yet",
  ]
}
