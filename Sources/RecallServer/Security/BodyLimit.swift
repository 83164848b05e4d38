import Hummingbird
import NIOCore

/// How large a request body may be.
enum BodyLimits {
  /// Imports: a pasted or uploaded deck. Large enough for a 100,000-card text file.
  static let importBytes = 16 << 20
  /// Everything else: an answer, an edited card, settings, a login.
  static let requestBytes = 1 << 20
  /// An Anki package or a Recall JSON export, uploaded whole to the two package routes only. A package is a whole
  /// collection with its images: shared decks with pictures run to a hundred megabytes or more, so 16 MB would
  /// refuse ordinary ones. The body is held in memory while it is read (and copied while the form is parsed), so
  /// the cap stays a size a laptop can hold a few times over; the package itself is checked against zip bombs by
  /// `AnkiPackageLimits` when it is opened.
  static let packageBytes = 256 << 20
  /// The routes that take a package.
  static let packagePaths: Set<String> = ["/import/package", "/api/v1/import/package"]

  /// The limit for a path.
  static func limit(forPath path: String) -> Int {
    if packagePaths.contains(path) { return packageBytes }
    return path == "/import" || path.hasPrefix("/import/") || path.hasPrefix("/api/v1/import")
      ? importBytes : requestBytes
  }
}

/// Refuses bodies over the route's limit with 413 and a message saying the limit, before reading more than it;
/// bodies within it are read whole, so the handlers and the CSRF check can read them as often as they like.
struct BodyLimitMiddleware: RouterMiddleware {
  typealias Context = AppContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
    let limit = BodyLimits.limit(forPath: request.uri.path)
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
      throw ServerError.tooLarge(limit: limit)
    }
    var request = request
    do {
      let buffer = try await request.body.collect(upTo: limit)
      request.body = RequestBody(buffer: buffer)
    } catch is NIOTooManyBytesError {
      throw ServerError.tooLarge(limit: limit)
    }
    return try await next(request, context)
  }
}
