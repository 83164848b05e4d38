/// Why the collection could not do what was asked.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No deck has this name.
  case deckNotFound(String)
  /// No card has this id.
  case cardNotFound(Int64)
  /// The collection file could not be opened or created.
  case cannotOpen(path: String, reason: String)

  /// A message for the user.
  public var description: String {
    switch self {
    case .deckNotFound(let name): return "no deck named “\(name)”; `recall decks` lists them"
    case .cardNotFound(let id): return "no card with id \(id); `recall cards` lists them"
    case .cannotOpen(let path, let reason): return "cannot open the collection at \(path): \(reason)"
    }
  }
}
