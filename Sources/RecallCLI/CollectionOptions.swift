import ArgumentParser
import Foundation
import RecallStore

/// The `--collection` option every command takes, and where the collection is when it is not given.
struct CollectionOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The collection file.",
      discussion: "Default: $RECALL_COLLECTION, else $XDG_DATA_HOME/recall/collection.sqlite "
        + "(~/.local/share/recall/collection.sqlite).",
      valueName: "path"))
  var collection: String?

  /// The collection file this command uses.
  var path: String {
    let environment = ProcessInfo.processInfo.environment
    if let collection { return collection }
    if let path = environment["RECALL_COLLECTION"], !path.isEmpty { return path }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
    return (dataHome as NSString).appendingPathComponent("recall/collection.sqlite")
  }

  /// Opens (and on first use creates) the collection.
  func open() throws -> Collection {
    do {
      return try Collection(path: path)
    } catch {
      throw CommandFailure(error.description)
    }
  }
}
