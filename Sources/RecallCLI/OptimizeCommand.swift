import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall optimize`: fit the FSRS parameters to the user's own review history.
struct OptimizeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Fit the 21 FSRS-6 parameters to your review history (fsrs-rs's recipe).",
    discussion: """
      Reads the collection's review log (one deck with --deck), or a CSV with the columns \
      card_id,review_rating,review_time,review_duration (--revlog). Figures are in-sample. With --apply, the \
      parameters are saved to the deck, but only if they predict its history better than the ones it has.
      """)

  @OptionGroup var collection: CollectionOptions

  @Option(help: "Only this deck's history (and the deck --apply changes).")
  var deck: String?

  @Option(help: "A review log CSV instead of the collection's.")
  var revlog: String?

  @Option(help: "The time zone days are counted in (default: the deck's, else the system's).")
  var timezone: String?

  @Option(help: "The hour days start at (default: the deck's, else 4).")
  var dayStartsAt: Int?

  @Flag(help: "Save the parameters to the deck if they are better than its own.")
  var apply = false

  @Flag(help: "Print JSON instead of text.")
  var json = false

  struct Report: Encodable {
    let parameters: [Double]
    let log_loss: Double?
    let rmse_bins: Double?
    let items: Int
    let default_log_loss: Double?
    let default_rmse_bins: Double?
    let reason: String?
    let applied: Bool?
  }

  func validate() throws {
    if apply && deck == nil { throw ValidationError("--apply needs --deck: the parameters are saved to one deck") }
  }

  func run() async throws {
    try await reportingFailures {
      let store = revlog == nil || apply ? try collection.open() : nil
      let options = try deck.map { name in try storeCall { try store!.options(ofDeck: name) } } ?? DeckOptions()
      guard let zone = TimeZone(identifier: timezone ?? options.timeZone ?? TimeZone.current.identifier) else {
        throw CommandFailure("unknown time zone “\(timezone ?? "")”")
      }
      let configuration = try storeCall {
        try FSRSOptimizerConfiguration(timeZone: zone, dayStartHour: dayStartsAt ?? options.dayStartHour)
      }
      let histories: [CardHistory]
      if let revlog {
        let file = try InputFile.read(revlog)
        do {
          histories = try ReviewLogCSV.parse(String(decoding: file.data, as: UTF8.self))
        } catch let error as ReviewLogCSVError {
          throw CommandFailure("\(revlog):\(error.line): \(error.message)")
        }
      } else {
        histories = try storeCall { try store!.reviewHistories(deck: deck) }
      }
      let result = FSRSOptimizer.fit(histories: histories, configuration: configuration)
      var applied: Bool?
      if apply, let deck, let store, result.reason == nil {
        applied = try applyIfBetter(result, histories: histories, configuration: configuration, to: deck, in: store)
      }
      let report = Report(
        parameters: result.parameters.weights, log_loss: result.logLoss, rmse_bins: result.rmseBins,
        items: result.items,
        default_log_loss: result.defaultLogLoss, default_rmse_bins: result.defaultRmseBins,
        reason: result.reason?.description, applied: applied)
      if json { return try JSONOutput.print(report) }
      print(Self.text(report))
    }
  }

  /// Saves the fitted parameters when they predict the deck's history better than its current ones, as Anki does.
  private func applyIfBetter(
    _ result: OptimizationResult, histories: [CardHistory], configuration: FSRSOptimizerConfiguration,
    to deck: String, in store: Collection
  ) throws -> Bool {
    var options = try store.options(ofDeck: deck)
    let items = FSRSItemBuilder.items(from: histories, days: configuration.days)
    let current = try storeCall { try FSRSParameters(options.parameters) }
    guard let scores = FSRSEvaluation.evaluate([current, result.parameters], on: items),
      scores[1].logLoss < scores[0].logLoss
    else { return false }
    options.parameters = result.parameters.weights
    try store.setOptions(options, ofDeck: deck)
    return true
  }

  static func text(_ report: Report) -> String {
    func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }
    var lines: [String] = []
    if let reason = report.reason { lines.append("Kept the default parameters: \(reason)") }
    lines.append("Items (long-term reviews with their history): \(report.items)")
    lines.append("                 log loss   RMSE(bins)")
    lines.append("default          \(figure(report.default_log_loss))     \(figure(report.default_rmse_bins))")
    lines.append("fitted           \(figure(report.log_loss))     \(figure(report.rmse_bins))")
    lines.append("parameters: " + report.parameters.map { String(format: "%.4f", $0) }.joined(separator: " "))
    switch report.applied {
    case true?: lines.append("Saved to the deck: they predict its history better than its previous parameters.")
    case false?: lines.append("Not saved: the deck's current parameters predict its history at least as well.")
    case nil: break
    }
    return lines.joined(separator: "\n")
  }
}
