import Foundation
import Testing

@testable import RecallCore

/// The pure-function vectors of reference/fsrs.md §2.1, computed by py-fsrs 6.3.2 and stored in
/// the conformance fixture as `{"kind": "fn", ...}` records.
@Suite("py-fsrs 6.3.2 function vectors")
struct PyFSRSFunctionVectorTests {
  struct Vector: Decodable, CustomStringConvertible, Sendable {
    var kind: String
    var fn: String?
    var rating: Int?
    var s0: Double?
    var d0: Double?
    var d0Unclamped: Double?
    var stability: Double?
    var days: Int?
    var elapsedDays: Int?
    var r: Double?
    var d: Double?
    var s: Double?
    var next: Double?
    var ivl: Int?
    var maximumInterval: Int?
    var u0: Double?
    var u1: Double?
    var u: Double?
    var fuzzedAtU0: Int?
    var fuzzedAtU1: Int?
    var fuzzed: Int?

    var description: String { "\(fn ?? "?") \(rating.map(String.init) ?? "")" }
  }

  static let vectors: [Vector] = {
    let lines = (try? PyFSRSConformanceTests.lines.get()) ?? []
    return lines.compactMap { try? FixtureFiles.decode(Vector.self, $0) }.filter {
      $0.kind == "fn"
    }
  }()

  static let model = FSRSModel()
  static let tolerance = 1e-12

  @Test("the fixture holds every kind of function vector")
  func coverage() {
    let kinds = Set(Self.vectors.compactMap(\.fn))
    #expect(
      kinds == [
        "init", "next_interval", "retrievability", "next_difficulty", "next_stability",
        "short_term_stability", "fuzz", "fuzz_at",
      ])
  }

  @Test("function vector", arguments: vectors)
  func vector(_ v: Vector) throws {
    let model = Self.model
    switch v.fn {
    case "init":
      let rating = try #require(Rating(rawValue: v.rating ?? 0))
      #expect(model.initialStability(rating: rating) == v.s0)
      #expect(relativeError(model.initialDifficulty(rating: rating, clamped: true), v.d0!) < 1e-15)
      #expect(
        relativeError(model.initialDifficulty(rating: rating, clamped: false), v.d0Unclamped!)
          < 1e-15)
    case "next_interval":
      let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
      let raw = model.intervalDays(stability: v.stability!, desiredRetention: 0.9)
      #expect(scheduler.referenceIntervalDays(raw) == v.days)
    case "retrievability":
      let r = model.retrievability(elapsedDays: Double(v.elapsedDays!), stability: v.stability!)
      #expect(relativeError(r, v.r!) < Self.tolerance)
    case "next_difficulty":
      let rating = try #require(Rating(rawValue: v.rating ?? 0))
      #expect(relativeError(model.nextDifficulty(v.d!, rating: rating), v.next!) < Self.tolerance)
    case "next_stability":
      let rating = try #require(Rating(rawValue: v.rating ?? 0))
      let next = model.nextStability(
        difficulty: v.d!, stability: v.s!, retrievability: v.r!, rating: rating)
      #expect(relativeError(next, v.next!) < Self.tolerance)
    case "short_term_stability":
      let rating = try #require(Rating(rawValue: v.rating ?? 0))
      #expect(
        relativeError(model.shortTermStability(v.s!, rating: rating), v.next!) < Self.tolerance)
    case "fuzz":
      let maximum = v.maximumInterval!
      #expect(
        Fuzz.referenceInterval(intervalDays: v.ivl!, maximumInterval: maximum, unit: v.u0!)
          == v.fuzzedAtU0)
      #expect(
        Fuzz.referenceInterval(intervalDays: v.ivl!, maximumInterval: maximum, unit: v.u1!)
          == v.fuzzedAtU1)
    case "fuzz_at":
      #expect(
        Fuzz.referenceInterval(
          intervalDays: v.ivl!, maximumInterval: v.maximumInterval!, unit: v.u!) == v.fuzzed)
    default:
      Issue.record("unknown vector \(v.fn ?? "nil")")
    }
  }
}
