import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery protection for every state-changing request (POST, PUT, PATCH, DELETE).
///
/// Double-submit token: each browser gets a random token in an `HttpOnly`, `SameSite=Strict` cookie (set by
/// ``RequestInfoMiddleware``), and the pages embed the same token in every form (`_csrf`) and in a `<meta>` tag
/// the script sends back as the `X-CSRF-Token` header. Another site can make the browser send the cookie (not
/// even that, with SameSite) but cannot read the token to put it in the body or a header. As a second line,
/// requests whose `Origin` is another host, or that the browser marks `Sec-Fetch-Site: cross-site`, are refused.
///
/// Scripts outside a browser get a token from `GET /api/v1/session` (see `docs/api.md`).
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = AppContext

  /// The cookie holding the browser's token.
  static let cookieName = "recall_csrf"
  /// The header scripts send the token in.
  static let headerName = HTTPField.Name("X-CSRF-Token")!
  /// The form field pages send it in.
  static let fieldName = "_csrf"

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    if [.post, .put, .patch, .delete].contains(request.method) {
      try checkOrigin(request)
      guard let cookieToken = Self.cookieToken(request) else {
        throw ServerError.forbidden(
          "This request has no CSRF cookie, so it cannot be told apart from a forged one. Reload the page and try "
            + "again (scripts: GET /api/v1/session first).")
      }
      var context = context
      let sent = try await sentToken(request, context: &context)
      guard let sent, Token.equal(sent, cookieToken) else {
        throw ServerError.forbidden(
          sent == nil
            ? "This request carries no CSRF token. Reload the page and try again (scripts: send X-CSRF-Token)."
            : "The CSRF token does not match this browser's. Reload the page and try again.")
      }
      return try await next(request, context)
    }
    return try await next(request, context)
  }

  /// The browser's token from its cookie, if it has a well-formed one.
  static func cookieToken(_ request: Request) -> String? {
    request.cookies[cookieName].map(\.value).flatMap { Token.isValid($0) ? $0 : nil }
  }

  /// Refuses requests a browser says come from another site.
  private func checkOrigin(_ request: Request) throws {
    if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
      throw ServerError.forbidden("Cross-site requests are refused.")
    }
    if let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" {
      // HTTP/1.1 puts the Host header in `authority`; a request built another way may still carry it as a field.
      let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
      let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
      guard let host, originHost.map(String.init) == host else {
        throw ServerError.forbidden("Requests from \(origin) are refused: only pages of this server may post here.")
      }
    }
  }

  /// The token the request carries in its header or form; a form read here is kept in `context` for the handler.
  private func sentToken(_ request: Request, context: inout Context) async throws -> String? {
    if let header = request.headers[Self.headerName] { return header }
    let contentType = request.headers[.contentType]?.lowercased() ?? ""
    guard contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.hasPrefix("multipart/form-data")
    else { return nil }
    let form = try await FormData.read(request, context: context)
    context.form = form
    return form[Self.fieldName]
  }
}

/// Random tokens for CSRF and sessions.
enum Token {
  /// 32 random bytes from the system's CSPRNG, base64url without padding (43 characters).
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// Whether `token` has the shape ``make()`` gives: anything else in a cookie is ignored.
  static func isValid(_ token: String) -> Bool {
    token.utf8.count == 43
      && token.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == 0x2D || byte == 0x5F
      }
  }

  /// Compares in time independent of where the tokens differ.
  static func equal(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}
