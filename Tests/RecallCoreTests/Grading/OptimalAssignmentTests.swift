import Testing

@testable import RecallCore

/// The Hungarian assignment of typed fragments to points.
@Suite("Optimal assignment")
struct OptimalAssignmentTests {
  @Test("It beats a greedy first pick")
  func beatsGreedy() {
    // Greedy takes 0.9 and is left with 0; the optimum pairs the two 0.8s.
    #expect(OptimalAssignment.maximise([[0.9, 0.8], [0.8, 0.0]]) == [1, 0])
  }

  @Test("Rectangular matrices leave the extra rows out, and zero scores stay unassigned")
  func rectangular() {
    #expect(OptimalAssignment.maximise([[0.2], [0.7], [0.1]]) == [nil, 0, nil])
    #expect(OptimalAssignment.maximise([[0, 0], [0, 0.5]]) == [nil, 1])
    #expect(OptimalAssignment.maximise([[0.4, 0.9, 0.3]]) == [1])
  }

  @Test("It finds the maximum on a larger matrix, checked against every permutation")
  func bruteForce() {
    var random = QuizRandom(seed: 7)
    for _ in 0..<20 {
      let scores = (0..<5).map { _ in (0..<5).map { _ in Float(random.next() % 100) / 100 } }
      let assignment = OptimalAssignment.maximise(scores)
      var total: Float = 0
      for (row, column) in assignment.enumerated() {
        if let column { total += scores[row][column] }
      }
      var best: Float = 0
      func permute(_ used: Set<Int>, _ row: Int, _ sum: Float) {
        if row == 5 {
          best = max(best, sum)
          return
        }
        for column in 0..<5 where !used.contains(column) {
          permute(used.union([column]), row + 1, sum + scores[row][column])
        }
      }
      permute([], 0, 0)
      #expect(abs(total - best) < 0.0001)
    }
  }
}
