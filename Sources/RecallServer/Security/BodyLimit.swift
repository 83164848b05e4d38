import Hummingbird
import NIOCore

/// How large a request body may be.
enum BodyLimits {
  /// Imports: a pasted or uploaded deck. Large enough for a 100,000-card text file.
  static let importBytes = 16 << 20
  /// Everything else: an answer, an edited card, settings, a login.
  static let requestBytes = 1 << 20

  /// The limit for a path.
  static func limit(forPath path: String) -> Int {
    path == "/import" || path.hasPrefix("/import/") || path.hasPrefix("/api/v1/import") ? importBytes : requestBytes
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
