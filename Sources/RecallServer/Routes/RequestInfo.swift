import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Fills in what every page needs to know about the browser: its theme, whether it came over HTTPS, and its
/// CSRF token (a new one, set as a cookie, on its first visit).
struct RequestInfoMiddleware: RouterMiddleware {
  typealias Context = AppContext

  /// The cookie holding the theme chosen in Settings.
  static let themeCookie = "recall_theme"

  /// Whether a password protects the server.
  let passwordProtected: Bool

  /// Whether the request came over HTTPS: through a reverse proxy that says so (the server itself speaks HTTP).
  static func isSecure(_ request: Request) -> Bool {
    request.head.scheme == "https" || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var context = context
    context.theme = request.cookies[Self.themeCookie].flatMap { Theme(rawValue: $0.value) } ?? .system
    context.isSecure = Self.isSecure(request)
    context.passwordProtected = passwordProtected
    let cookieToken = CSRFMiddleware.cookieToken(request)
    context.csrfToken = cookieToken ?? Token.make()
    var response = try await next(request, context)
    if cookieToken == nil {
      response.setCookie(
        Cookie(
          name: CSRFMiddleware.cookieName, value: context.csrfToken, path: "/", secure: context.isSecure,
          httpOnly: true, sameSite: .strict))
    }
    return response
  }
}

/// Turns every error into a response a person can act on: a page for browsers, `{"error": {...}}` under
/// `/api/`. Unexpected errors are logged and shown as a plain 500 without internals.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = AppContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      let failure = Self.serverError(for: error)
      if failure.status.code >= 500 {
        context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
      }
      var response =
        request.uri.path.hasPrefix("/api/")
        ? APIResponse.error(failure) : ErrorPage.response(failure, context: context)
      response.headers.append(contentsOf: failure.headers)
      return response
    }
  }

  /// The status and message for any error a handler or Hummingbird may throw.
  static func serverError(for error: any Error) -> ServerError {
    if let failure = ServerError.from(error) { return failure }
    if error is NIOTooManyBytesError { return .tooLarge(limit: BodyLimits.requestBytes) }
    if let error = error as? HTTPError {
      switch error.status {
      case .notFound: return .notFound("There is nothing at this address.")
      case .contentTooLarge: return .tooLarge(limit: BodyLimits.requestBytes)
      case .badRequest:
        return .badRequest(error.body.map { "The request is malformed: \($0)" } ?? "The request is malformed.")
      default:
        return ServerError(status: error.status, message: error.body ?? error.status.reasonPhrase)
      }
    }
    return ServerError(status: .internalServerError, message: "Something went wrong on the server; it is logged.")
  }
}
