import Foundation

/// The fsrs-rs reference numbers written by scripts/optimizer/generate_optimizer_fixture.py.
struct OptimizerFixture: Decodable {
  struct Item: Decodable {
    var cardId: String
    var reviews: [[Int]]
  }
  struct Evaluation: Decodable {
    var parameters: [Double]
    var logLoss: Double
    var rmseBins: Double
  }
  struct InitialStability: Decodable {
    var singleLongTermItems: Int
    var parameters: [Double]
  }

  var revlogCsv: String
  var timeZone: String
  var dayStartHour: Int
  var items: [Item]
  var evaluations: [Evaluation]
  var initialStability: InitialStability

  static func load() throws -> OptimizerFixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/fsrs-rs-0.9.3-optimizer.json")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(OptimizerFixture.self, from: Data(contentsOf: url))
  }
}
