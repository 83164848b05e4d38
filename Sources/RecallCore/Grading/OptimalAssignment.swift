/// The Hungarian algorithm (Kuhn–Munkres, in the O(n³) potentials form): the one-to-one assignment of rows to
/// columns with the highest total score. Used to pair typed fragments with points in whatever order they were
/// typed, without a greedy first pick stealing a fragment another point needed more.
enum OptimalAssignment {
  /// For each row, the column it is assigned to, or nil when it is left out (more rows than columns, or a
  /// score of zero).
  static func maximise(_ scores: [[Float]]) -> [Int?] {
    let rows = scores.count
    guard rows > 0, let columns = scores.first?.count, columns > 0 else { return Array(repeating: nil, count: rows) }
    let size = max(rows, columns)
    // Square cost matrix (1-indexed for the classic formulation): maximising score is minimising -score.
    var cost = [[Double]](repeating: [Double](repeating: 0, count: size + 1), count: size + 1)
    for r in 0..<rows {
      for c in 0..<columns { cost[r + 1][c + 1] = -Double(scores[r][c]) }
    }
    var u = [Double](repeating: 0, count: size + 1)
    var v = [Double](repeating: 0, count: size + 1)
    var match = [Int](repeating: 0, count: size + 1)  // match[column] = row
    var way = [Int](repeating: 0, count: size + 1)
    for row in 1...size {
      match[0] = row
      var column0 = 0
      var minimum = [Double](repeating: .infinity, count: size + 1)
      var used = [Bool](repeating: false, count: size + 1)
      repeat {
        used[column0] = true
        let row0 = match[column0]
        var delta = Double.infinity
        var column1 = 0
        for column in 1...size where !used[column] {
          let reduced = cost[row0][column] - u[row0] - v[column]
          if reduced < minimum[column] {
            minimum[column] = reduced
            way[column] = column0
          }
          if minimum[column] < delta {
            delta = minimum[column]
            column1 = column
          }
        }
        for column in 0...size {
          if used[column] {
            u[match[column]] += delta
            v[column] -= delta
          } else {
            minimum[column] -= delta
          }
        }
        column0 = column1
      } while match[column0] != 0
      repeat {
        let column1 = way[column0]
        match[column0] = match[column1]
        column0 = column1
      } while column0 != 0
    }
    var result = [Int?](repeating: nil, count: rows)
    for column in 1...size {
      let row = match[column] - 1
      guard row >= 0, row < rows, column - 1 < columns, scores[row][column - 1] > 0 else { continue }
      result[row] = column - 1
    }
    return result
  }
}
