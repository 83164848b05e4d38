import Foundation

/// A replay failure with a message that names the offending field.
struct ReplayError: Error, Equatable {
  let message: String
}

/// One `recall fsrs replay` input line, validated.
struct ReplayInput {
  /// One answer: the rating and when it was given.
  struct Review {
    var rating: Rating
    var time: Date
  }

  var parameters: FSRSParameters
  var desiredRetention: Double
  var learningSteps: [TimeInterval]
  var relearningSteps: [TimeInterval]
  var maximumInterval: Int
  var reviews: [Review]

  static let fields: Set<String> = [
    "parameters", "desired_retention", "learning_steps", "relearning_steps", "maximum_interval",
    "reviews",
  ]

  static func parse(_ line: String) throws(ReplayError) -> ReplayInput {
    let root: JSONValue
    do {
      root = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
    } catch {
      throw ReplayError(message: "input is not valid JSON")
    }
    guard case .object(let object) = root else {
      throw ReplayError(message: "input must be a JSON object, got \(root.kind)")
    }
    // Unknown keys are rejected so that a misspelt setting is not silently replaced by a default.
    if let unknown = object.keys.filter({ !fields.contains($0) }).sorted().first {
      throw ReplayError(message: "unknown field \"\(unknown)\"")
    }
    let defaults = SchedulerConfiguration.default

    var parameters = defaults.parameters
    if let value = object["parameters"] {
      let weights = try numbers(value, field: "parameters")
      do {
        parameters = try FSRSParameters(weights)
      } catch {
        throw ReplayError(message: error.description)
      }
    }

    var desiredRetention = defaults.desiredRetention
    if let value = object["desired_retention"] {
      desiredRetention = try number(value, field: "desired_retention")
    }
    var learningSteps = defaults.learningSteps
    if let value = object["learning_steps"] {
      learningSteps = try numbers(value, field: "learning_steps")
    }
    var relearningSteps = defaults.relearningSteps
    if let value = object["relearning_steps"] {
      relearningSteps = try numbers(value, field: "relearning_steps")
    }
    var maximumInterval = defaults.maximumInterval
    if let value = object["maximum_interval"] {
      maximumInterval = try integer(value, field: "maximum_interval")
    }

    guard let reviewsValue = object["reviews"] else {
      throw ReplayError(message: "missing field \"reviews\"")
    }
    guard case .array(let items) = reviewsValue else {
      throw ReplayError(message: "reviews must be an array, got \(reviewsValue.kind)")
    }
    var reviews: [Review] = []
    for (index, item) in items.enumerated() {
      let field = "reviews[\(index)]"
      guard case .object(let review) = item else {
        throw ReplayError(message: "\(field) must be an object, got \(item.kind)")
      }
      if let unknown = review.keys.filter({ $0 != "rating" && $0 != "time" }).sorted().first {
        throw ReplayError(message: "unknown field \"\(unknown)\" in \(field)")
      }
      guard let ratingValue = review["rating"] else {
        throw ReplayError(message: "\(field) has no \"rating\"")
      }
      let ratingNumber = try integer(ratingValue, field: "\(field).rating")
      guard let rating = Rating(rawValue: ratingNumber) else {
        throw ReplayError(
          message: "\(field).rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), "
            + "got \(ratingNumber)")
      }
      guard case .string(let timeText)? = review["time"] else {
        throw ReplayError(
          message: "\(field).time must be an ISO-8601 string with a UTC offset, got "
            + (review["time"]?.kind ?? "nothing"))
      }
      guard let time = ISO8601Time.parse(timeText) else {
        throw ReplayError(
          message: "\(field).time \"\(timeText)\" is not an ISO-8601 time with a UTC offset "
            + "(e.g. 2024-01-01T12:00:00Z)")
      }
      if let previous = reviews.last, time < previous.time {
        throw ReplayError(
          message: "\(field).time \(timeText) is earlier than reviews[\(index - 1)].time")
      }
      reviews.append(Review(rating: rating, time: time))
    }

    return ReplayInput(
      parameters: parameters, desiredRetention: desiredRetention, learningSteps: learningSteps,
      relearningSteps: relearningSteps, maximumInterval: maximumInterval, reviews: reviews)
  }

  /// The reference-mode configuration this input describes.
  func configuration(fuzz: Bool) throws(ReplayError) -> SchedulerConfiguration {
    do {
      return try SchedulerConfiguration(
        parameters: parameters, desiredRetention: desiredRetention,
        learningSteps: learningSteps, relearningSteps: relearningSteps,
        maximumInterval: maximumInterval, fuzz: fuzz, mode: .reference)
    } catch {
      // Name the JSON fields the user wrote rather than the Swift properties.
      switch error {
      case .invalidStep(let kind, let index, let seconds):
        let field = kind == "learningSteps" ? "learning_steps" : "relearning_steps"
        throw ReplayError(
          message: "\(field)[\(index)] = \(seconds) must be a positive, finite number of seconds")
      case .invalidDesiredRetention(let value):
        throw ReplayError(
          message: "desired_retention \(value) must be greater than 0 and less than 1")
      case .invalidMaximumInterval(let days):
        throw ReplayError(message: "maximum_interval \(days) must be at least 1 day")
      default:
        throw ReplayError(message: error.description)
      }
    }
  }

  private static func number(_ value: JSONValue, field: String) throws(ReplayError) -> Double {
    guard case .number(let number) = value else {
      throw ReplayError(message: "\(field) must be a number, got \(value.kind)")
    }
    return number
  }

  private static func numbers(_ value: JSONValue, field: String) throws(ReplayError) -> [Double] {
    guard case .array(let items) = value else {
      throw ReplayError(message: "\(field) must be an array of numbers, got \(value.kind)")
    }
    var result: [Double] = []
    for (index, item) in items.enumerated() {
      result.append(try number(item, field: "\(field)[\(index)]"))
    }
    return result
  }

  private static func integer(_ value: JSONValue, field: String) throws(ReplayError) -> Int {
    let number = try number(value, field: field)
    guard number == number.rounded(), abs(number) < 1e15 else {
      throw ReplayError(message: "\(field) must be a whole number, got \(number)")
    }
    return Int(number)
  }
}
