/// Words that say the opposite of each other. An answer that reuses a card's words with one of them swapped for
/// its opposite ("increased terror" for "reduced terror") states the reverse of the fact, so the grader treats such
/// a pair like a negation rather than like a different word.
enum Opposites {
  /// Opposite pairs, written as base words; both directions are looked up after stemming.
  static let pairs: [(String, String)] = [
    ("increase", "reduce"), ("increase", "lower"), ("more", "less"), ("more", "fewer"), ("higher", "lower"),
    ("high", "low"), ("highest", "lowest"), ("larger", "smaller"), ("bigger", "smaller"), ("large", "small"),
    ("largest", "smallest"), ("biggest", "smallest"), ("faster", "slower"), ("fast", "slow"),
    ("fastest", "slowest"), ("longer", "shorter"), ("long", "short"), ("longest", "shortest"),
    ("before", "after"), ("above", "below"), ("over", "under"), ("positive", "negative"), ("left", "right"),
    ("inner", "outer"), ("internal", "external"), ("first", "last"), ("maximum", "minimum"),
    ("strong", "weak"), ("strongest", "weakest"), ("stronger", "weaker"), ("hot", "cold"),
    ("warm", "cold"), ("rise", "fall"), ("gain", "lose"), ("win", "lose"), ("accept", "reject"),
    ("acceptance", "rejection"), ("active", "passive"), ("direct", "indirect"), ("primary", "secondary"),
    ("upper", "lower"), ("north", "south"), ("east", "west"), ("majority", "minority"), ("include", "exclude"),
    ("rich", "poor"), ("old", "new"), ("young", "old"), ("acid", "alkali"), ("acidic", "alkaline"),
    ("open", "closed"), ("success", "failure"), ("always", "never"), ("all", "none"), ("same", "different"),
    ("similar", "different"), ("true", "false"), ("inside", "outside"), ("import", "export"),
    ("private", "public"), ("yes", "no"), ("single", "double"), ("rough", "smooth"), ("hard", "soft"),
    ("gentle", "steep"),
    ("afforestation", "deforestation"), ("directly", "inversely"), ("homogeneous", "heterogeneous"),
    ("sympathetic", "parasympathetic"), ("proactive", "retroactive"), ("cause", "prevent"),
    ("abolish", "restore"), ("abolish", "introduce"), ("centralize", "decentralize"),
    ("centralization", "decentralization"), ("agonist", "antagonist"), ("anabolic", "catabolic"),
    ("endothermic", "exothermic"), ("oxidation", "reduction"), ("oxidize", "reduce"), ("send", "receive"),
    ("arrive", "leave"), ("attract", "repel"), ("absorb", "emit"), ("like", "dislike"), ("top", "bottom"),
    ("fixed", "variable"), ("reliable", "unreliable"), ("excess", "shortage"),
    ("surplus", "deficit"), ("surplus", "shortage"), ("elastic", "inelastic"), ("allow", "forbid"),
    ("allow", "ban"), ("support", "oppose"), ("agree", "disagree"), ("win", "defeat"), ("victory", "defeat"),
    ("expand", "contract"), ("dilate", "constrict"), ("vasodilation", "vasoconstriction"),
    ("ionic", "covalent"), ("diploid", "haploid"), ("dominant", "recessive"), ("aerobic", "anaerobic"),
    ("known", "unknown"), ("meet", "miss"), ("hit", "miss"), ("pass", "fail"), ("succeed", "fail"), ("cost", "benefit"),
    ("tax", "subsidy"), ("greater", "less"), ("greater", "smaller"),
    ("greater", "fewer"),
  ]

  /// Prefixes that negate the rest of a word ("unlimited", "anaerobic", "non-rival", "decentralise").
  static let negatingPrefixes = ["un", "non", "in", "im", "ir", "il", "dis", "de", "a", "an"]

  /// A suffix that negates the word it ends ("connectionless", "harmless").
  static let negatingSuffix = "less"

  /// Prefix pairs that make a word's opposite ("hypertonic" / "hypotonic"): never a typo of each other.
  static let contrastingPrefixes: [(String, String)] = [
    ("hyper", "hypo"), ("inter", "intra"), ("pre", "post"), ("endo", "exo"), ("pro", "anti"),
    ("over", "under"), ("micro", "macro"), ("hetero", "homo"), ("extra", "intra"), ("sub", "super"),
    ("in", "out"), ("up", "down"), ("infra", "ultra"), ("pro", "retro"), ("sym", "parasym"),
  ]
}
