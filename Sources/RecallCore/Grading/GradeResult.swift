/// The grade of one typed answer: which points it hit, the verdict, and the rating to suggest.
///
/// Its JSON form is one object with these keys, in this order:
/// `{"points_hit": n, "points_total": n, "verdict": "correct"|"partial"|"wrong",
///   "points": [{"text": "...", "hit": true, "matched": "..." or null}], "suggested_rating": 3|1,
///   "missed": ["..."]}`.
/// ``jsonLine`` writes exactly that, compactly on one line; `Codable` uses the same keys, but the key order
/// is then up to the encoder (Foundation's `JSONEncoder` does not keep it on every platform).
public struct GradeResult: Sendable, Hashable, Codable {
  /// How many points the answer hit.
  public var pointsHit: Int
  /// How many points the expected answer has.
  public var pointsTotal: Int
  /// The overall judgement; the rule is documented on ``GradeVerdict``.
  public var verdict: GradeVerdict
  /// Every point of the expected answer, in the card's order.
  public var points: [GradedPoint]
  /// The rating to suggest: ``Rating/good`` for a correct answer, ``Rating/again`` otherwise, as FSRS guidance
  /// treats a partly recalled card as a lapse. The student can always override it.
  public var suggestedRating: Rating
  /// The points missed, in the card's order, to show the student.
  public var missed: [String]
  /// The id of the deck card whose answer the typed answer matches instead, when that is why it is wrong.
  /// Not encoded.
  public var confusedWithCardID: Int64?

  /// Creates a result.
  public init(
    pointsHit: Int, pointsTotal: Int, verdict: GradeVerdict, points: [GradedPoint], suggestedRating: Rating,
    missed: [String], confusedWithCardID: Int64? = nil
  ) {
    self.pointsHit = pointsHit
    self.pointsTotal = pointsTotal
    self.verdict = verdict
    self.points = points
    self.suggestedRating = suggestedRating
    self.missed = missed
    self.confusedWithCardID = confusedWithCardID
  }

  private enum CodingKeys: String, CodingKey {
    case pointsHit = "points_hit"
    case pointsTotal = "points_total"
    case verdict, points
    case suggestedRating = "suggested_rating"
    case missed
  }

  /// Decodes a result from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    pointsHit = try container.decode(Int.self, forKey: .pointsHit)
    pointsTotal = try container.decode(Int.self, forKey: .pointsTotal)
    verdict = try container.decode(GradeVerdict.self, forKey: .verdict)
    points = try container.decode([GradedPoint].self, forKey: .points)
    suggestedRating = try container.decode(Rating.self, forKey: .suggestedRating)
    missed = try container.decode([String].self, forKey: .missed)
    confusedWithCardID = nil
  }

  /// The result as one compact JSON line, keys in the documented order, `null` for a missed point's match, and
  /// no escaping beyond what JSON requires (non-ASCII text and "/" are written as they are).
  public var jsonLine: String {
    var out = "{\"points_hit\":\(pointsHit),\"points_total\":\(pointsTotal),\"verdict\":"
    out += JSONText.quoted(verdict.rawValue) + ",\"points\":["
    out += points.map { point in
      "{\"text\":" + JSONText.quoted(point.text) + ",\"hit\":" + (point.hit ? "true" : "false") + ",\"matched\":"
        + (point.matched.map(JSONText.quoted) ?? "null") + "}"
    }.joined(separator: ",")
    out += "],\"suggested_rating\":\(suggestedRating.rawValue),\"missed\":["
    out += missed.map(JSONText.quoted).joined(separator: ",") + "]}"
    return out
  }

  /// Encodes the result with its documented keys (in the documented order where the encoder keeps order).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(pointsHit, forKey: .pointsHit)
    try container.encode(pointsTotal, forKey: .pointsTotal)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(points, forKey: .points)
    try container.encode(suggestedRating, forKey: .suggestedRating)
    try container.encode(missed, forKey: .missed)
  }
}

/// JSON string literals, written by hand so batch output is byte-for-byte stable.
enum JSONText {
  /// `text` as a quoted JSON string.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
