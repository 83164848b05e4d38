/// Rewrites British spellings into American ones (-ise → -ize, -isation → -ization, -our → -or, -re → -er,
/// -ogue → -og, -ence → -ense, ae/oe, doubled l) so either spelling of a word compares equal. The rules run on
/// both answers, so over-applying one ("rise" → "rize") is harmless as long as it never merges two real words.
enum SpellingVariants {
  private static let exceptions: [String: String] = [
    "programme": "program", "programmes": "programs", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "cheque": "check", "cheques": "checks", "mould": "mold", "moulds": "molds", "plough": "plow",
    "sceptic": "skeptic", "sceptical": "skeptical", "aluminium": "aluminum", "sulphur": "sulfur",
    "sulphate": "sulfate", "practise": "practice", "practised": "practiced", "practising": "practicing",
    "licence": "license", "licences": "licenses", "defence": "defense", "defences": "defenses",
    "offence": "offense", "offences": "offenses", "pretence": "pretense", "judgement": "judgment",
    "judgements": "judgments", "ageing": "aging", "enrol": "enroll", "enrolment": "enrollment",
    "fulfil": "fulfill", "fulfilment": "fulfillment", "instil": "instill", "distil": "distill",
    "skilful": "skillful", "wilful": "willful", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
    "storey": "story", "storeys": "stories", "kerb": "curb", "draught": "draft", "pyjamas": "pajamas",
    "jewellery": "jewelry", "analogue": "analog", "catalogue": "catalog", "dialogue": "dialog",
    "axe": "ax", "cosy": "cozy", "mum": "mom",
  ]
  /// "-isation", "-ise", "-yse", … in the order they are tried.
  private static let isEndings: [[UInt8]] = ["ation", "ations", "e", "ed", "es", "ing", "er", "ers", "able"].flatMap {
    suffix in ["is", "ys"].map { Array(($0 + suffix).utf8) }
  }
  private static let ourEndings: [[UInt8]] = [
    "", "s", "ed", "ing", "ite", "ites", "able", "ably", "er", "ers", "ful", "less",
  ].map { Array(("our" + $0).utf8) }
  private static let reEndings: [(tail: [UInt8], replacement: [UInt8])] = [
    ("re", "er"), ("res", "ers"), ("red", "ered"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  private static let doubledLEndings: [[UInt8]] = ["elled", "elling", "eller", "ellers"].map { Array($0.utf8) }
  private static let lettersBeforeOur = Set("lbvnmdpig".utf8)
  private static let vowels = Set("aeiou".utf8)

  /// The American spelling of a lowercased word (unchanged when no rule applies).
  static func american(_ word: String) -> String {
    if let mapped = exceptions[word] { return mapped }
    var bytes = Array(word.utf8)
    guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    let original = bytes
    replaceIsSuffix(&bytes)
    replaceOur(&bytes)
    replaceRe(&bytes)
    replaceOgue(&bytes)
    replaceDigraphs(&bytes)
    replaceDoubledL(&bytes)
    return bytes == original ? word : String(decoding: bytes, as: UTF8.self)
  }

  private static func ends(_ bytes: [UInt8], with tail: [UInt8]) -> Bool {
    bytes.count >= tail.count && bytes.suffix(tail.count).elementsEqual(tail)
  }

  /// organise → organize, organisation → organization, analyse → analyze.
  private static func replaceIsSuffix(_ bytes: inout [UInt8]) {
    for ending in isEndings where bytes.count > ending.count + 1 && ends(bytes, with: ending) {
      // Only the "s" changes; irregular plurals such as "crises" are mapped before this runs.
      bytes[bytes.count - ending.count + 1] = UInt8(ascii: "z")
      return
    }
  }

  /// colour → color, behaviour → behavior, favourite → favorite (but not your, hour, four, tour).
  private static func replaceOur(_ bytes: inout [UInt8]) {
    guard bytes.count >= 5 else { return }
    for ending in ourEndings {
      guard bytes.count >= ending.count + 2, ends(bytes, with: ending) else { continue }
      guard lettersBeforeOur.contains(bytes[bytes.count - ending.count - 1]) else { return }
      bytes.remove(at: bytes.count - ending.count + 1)
      return
    }
  }

  /// centre → center, fibre → fiber, meagre → meager, centred → centered.
  private static func replaceRe(_ bytes: inout [UInt8]) {
    guard bytes.count >= 5 else { return }
    for (tail, replacement) in reEndings where ends(bytes, with: tail) {
      // Only after t, b or g: "centre", "fibre", "meagre" (never "are", "here", "acre").
      let before = bytes[bytes.count - tail.count - 1]
      guard before == UInt8(ascii: "t") || before == UInt8(ascii: "b") || before == UInt8(ascii: "g") else { return }
      bytes.removeLast(tail.count)
      bytes += replacement
      return
    }
  }

  /// catalogue → catalog, dialogues → dialogs.
  private static func replaceOgue(_ bytes: inout [UInt8]) {
    guard bytes.count >= 7 else { return }
    for (ending, replacement) in [("ogue", "og"), ("ogues", "ogs")] where ends(bytes, with: Array(ending.utf8)) {
      bytes.removeLast(ending.utf8.count)
      bytes += Array(replacement.utf8)
      return
    }
  }

  /// haemoglobin → hemoglobin, anaesthetic → anesthetic, oesophagus → esophagus, foetus → fetus.
  private static func replaceDigraphs(_ bytes: inout [UInt8]) {
    guard bytes.count >= 6 else { return }
    let a = UInt8(ascii: "a")
    let e = UInt8(ascii: "e")
    let o = UInt8(ascii: "o")
    if bytes[0] == o, bytes[1] == e, bytes[2] == UInt8(ascii: "s") || bytes[2] == UInt8(ascii: "d") {
      bytes.removeFirst()
    }
    var index = 1
    while index + 2 < bytes.count {
      let next = bytes[index + 2]
      if bytes[index] == a, bytes[index + 1] == e, "mds".utf8.contains(next), !vowels.contains(bytes[index - 1]) {
        bytes.remove(at: index)
      } else if bytes[index] == o, bytes[index + 1] == e,
        (bytes[index - 1] == UInt8(ascii: "f") && next == UInt8(ascii: "t"))
          || (bytes[index - 1] == UInt8(ascii: "h") && next == a)
      {
        bytes.remove(at: index)
      }
      index += 1
    }
  }

  /// travelled → traveled, labelling → labeling, modeller → modeler.
  private static func replaceDoubledL(_ bytes: inout [UInt8]) {
    for tail in doubledLEndings {
      if bytes.count > tail.count + 1, ends(bytes, with: tail) {
        bytes.remove(at: bytes.count - tail.count + 1)
        return
      }
    }
  }
}
