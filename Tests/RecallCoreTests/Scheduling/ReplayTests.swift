import Foundation
import Testing

@testable import RecallCore

@Suite("recall fsrs replay")
struct ReplayTests {
  static let goodReview = #"{"rating": 3, "time": "2024-01-01T12:00:00Z"}"#

  @Test("one Good review with defaults gives py-fsrs' state, in shortest-repr JSON")
  func singleReview() {
    // py-fsrs 6.3.2: S0(Good) = 2.3065, D0(Good) = 2.118103970459016, learning step 1, +10 min.
    #expect(
      FSRSReplay.answer(line: #"{"reviews": [\#(Self.goodReview)]}"#)
        == #"{"states":[{"difficulty":2.118103970459016,"due":"2024-01-01T12:10:00Z","#
        + #""retrievability":0,"stability":2.3065,"state":"learning","step":1}]}"#)
  }

  @Test("review states print step as null")
  func nullStep() {
    let answer = FSRSReplay.answer(
      line: #"{"learning_steps": [], "reviews": [\#(Self.goodReview)]}"#)
    #expect(answer.contains(#""state":"review","step":null"#))
    #expect(answer.contains(#""due":"2024-01-03T12:00:00Z""#))
  }

  @Test("no reviews give no states")
  func empty() {
    #expect(FSRSReplay.answer(line: #"{"reviews": []}"#) == #"{"states":[]}"#)
  }

  @Test("offsets and fractional seconds name the same instant as UTC")
  func offsets() {
    let utc = FSRSReplay.answer(
      line: #"{"reviews": [{"rating": 3, "time": "2024-01-01T17:00:00.25Z"}]}"#)
    for time in [
      "2024-01-01T12:00:00.250-05:00", "2024-01-01T22:30:00.250000+05:30",
      "2024-01-01 17:00:00.25+00", "2024-01-01T18:00:00.2500000+0100",
    ] {
      #expect(
        FSRSReplay.answer(line: #"{"reviews": [{"rating": 3, "time": "\#(time)"}]}"#) == utc)
    }
    #expect(utc.contains(#""due":"2024-01-01T17:10:00.250000Z""#))
  }

  @Test("parameters and settings are read from the input")
  func settings() {
    let answer = FSRSReplay.answer(
      line: #"{"parameters": [0.5, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, "#
        + #"0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, "#
        + #"0.0658, 0.1542], "learning_steps": [30], "reviews": [{"rating": 1, "#
        + #""time": "2024-01-01T12:00:00Z"}]}"#)
    #expect(answer.contains(#""stability":0.5"#))
    #expect(answer.contains(#""due":"2024-01-01T12:00:30Z""#))
  }

  @Test(
    "invalid input is answered with an error naming the problem",
    arguments: [
      ("{not json", "not valid JSON"),
      ("[1, 2]", "must be a JSON object"),
      (#"{"parameters": [1, 2]}"#, "FSRS-6 needs 21 parameters, got 2"),
      (#"{"reviews": [{"rating": 5, "time": "2024-01-01T12:00:00Z"}]}"#, "reviews[0].rating"),
      (
        #"{"reviews": [{"rating": true, "time": "2024-01-01T12:00:00Z"}]}"#,
        "reviews[0].rating must be a number, got a boolean"
      ),
      (#"{"reviews": [{"rating": 2.5, "time": "2024-01-01T12:00:00Z"}]}"#, "whole number"),
      (#"{"reviews": [{"rating": 3, "time": "2024-01-01 noon"}]}"#, "reviews[0].time"),
      (#"{"reviews": [{"rating": 3, "time": "2024-01-01T12:00:00"}]}"#, "UTC offset"),
      (#"{"reviews": [{"rating": 3, "time": "2023-02-29T12:00:00Z"}]}"#, "reviews[0].time"),
      (#"{"reviews": [{"rating": 3, "time": 1704110400}]}"#, "reviews[0].time must be"),
      (#"{"reviews": [{"rating": 3}]}"#, "reviews[0].time must be"),
      (#"{"reviews": [{"time": "2024-01-01T12:00:00Z"}]}"#, "has no \"rating\""),
      (
        #"{"reviews": [{"rating": 3, "time": "2024-01-02T12:00:00Z"}, "#
          + #"{"rating": 3, "time": "2024-01-01T12:00:00Z"}]}"#,
        "reviews[1].time 2024-01-01T12:00:00Z is earlier than reviews[0].time"
      ),
      (#"{"review": []}"#, "unknown field \"review\""),
      (#"{"desired_retention": 0.9}"#, "missing field \"reviews\""),
      (
        #"{"desired_retention": 1.5, "reviews": []}"#,
        "desired_retention 1.5 must be greater than 0"
      ),
      (
        #"{"learning_steps": [60, -1], "reviews": []}"#,
        "learning_steps[1] = -1.0 must be a positive"
      ),
      (#"{"maximum_interval": 0, "reviews": []}"#, "maximum_interval 0 must be at least 1 day"),
      (#"{"maximum_interval": 36.5, "reviews": []}"#, "maximum_interval must be a whole number"),
    ])
  func errors(line: String, message: String) throws {
    let answer = FSRSReplay.answer(line: line)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: String])
    let error = try #require(object["error"], "\(answer)")
    #expect(error.contains(message), "\(error)")
  }

  @Test("an out-of-bounds parameter is named with its index, value and range")
  func parameterBounds() throws {
    var weights = FSRSParameters.default.weights
    weights[4] = 0.5
    let list = weights.map { "\($0)" }.joined(separator: ", ")
    let answer = FSRSReplay.answer(line: #"{"parameters": [\#(list)], "reviews": []}"#)
    #expect(answer == #"{"error":"parameters[4] = 0.5 is out of bounds: allowed 1.0…10.0"}"#)
  }
}

@Suite("ISO-8601 times")
struct ISO8601TimeTests {
  @Test(
    "UTC text round-trips",
    arguments: [
      "2024-01-01T12:00:00Z", "2024-02-29T23:59:59.999999Z", "1969-12-31T23:59:59Z",
      "2000-03-01T00:00:00.000001Z", "2284-10-08T04:37:00.500000Z", "1600-01-01T00:00:00Z",
    ])
  func roundTrip(_ text: String) throws {
    let date = try #require(ISO8601Time.parse(text))
    #expect(ISO8601Time.format(date) == text)
  }

  @Test("the Unix epoch and the reference date are where Foundation puts them")
  func anchors() {
    #expect(ISO8601Time.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
    #expect(
      ISO8601Time.parse("2001-01-01T00:00:00Z") == Date(timeIntervalSinceReferenceDate: 0))
    #expect(
      ISO8601Time.parse("2024-03-10T02:30:00-05:00")
        == Date(timeIntervalSince1970: 1_710_055_800))
  }

  @Test(
    "malformed times are rejected",
    arguments: [
      "", "2024-01-01", "2024-01-01T12:00Z", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
      "2024-01-01T24:00:00Z", "2024-01-01T12:00:60Z", "2024-01-01T12:00:00+24:00",
      "2024-01-01T12:00:00.Z", "2024-01-01T12:00:00.1234567891Z", "2024-01-01T12:00:00Zjunk",
      "2024-01-01T12:00:00+05:", "24-01-01T12:00:00Z",
    ])
  func malformed(_ text: String) {
    #expect(ISO8601Time.parse(text) == nil)
  }
}
