import Foundation
import Hummingbird

/// With a password configured, lets through only signed-in browsers: pages send others to the login page, the
/// API answers 401. The login page, assets and the health check stay open.
struct AuthenticationMiddleware: RouterMiddleware {
  typealias Context = AppContext

  let login: PasswordLogin

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var context = context
    context.passwordProtected = true
    let path = request.uri.path
    if path == "/login" || path.hasPrefix("/assets/") || path == "/healthz" || path == "/favicon.svg" {
      return try await next(request, context)
    }
    if login.isSignedIn(token: request.cookies[PasswordLogin.cookieName]?.value) {
      return try await next(request, context)
    }
    if path.hasPrefix("/api/") {
      throw ServerError(status: .unauthorized, message: "Sign in first: POST /login with the password.")
    }
    guard request.method == .get || request.method == .head else {
      throw ServerError(status: .unauthorized, message: "Your session has ended. Sign in again.")
    }
    return Response.redirect(to: "/login?next=\(URLText.encode(request.uri.description))")
  }
}

extension Response {
  /// `303 See Other` to `location`: after a form post the browser loads the page with GET.
  static func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }
}

/// Percent-encoding for values put into URLs.
enum URLText {
  private static let allowed = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

  /// `value` with everything but unreserved characters and `/` percent-encoded, for a query value or a path.
  static func encode(_ value: String) -> String {
    value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// Whether `target` is a path on this server (not `//evil.example` or `https://…`): only such targets are
  /// followed after a login or a form.
  static func isLocalPath(_ target: String) -> Bool {
    target.hasPrefix("/") && !target.hasPrefix("//") && !target.hasPrefix("/\\") && !target.contains("\r")
      && !target.contains("\n")
  }
}
