import HTTPTypes
import Hummingbird

/// Headers that tell the browser what the pages may do, on every response.
///
/// The Content-Security-Policy allows scripts, styles and fetches from this server only: no inline script, no
/// inline style, no plug-ins, no framing, no `<base>` tricks. Trusted Types are required with no policy at all,
/// so the app's own script cannot assign a string to `innerHTML` even by mistake: card text only ever
/// reaches the page through `textContent`.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = AppContext

  /// The policy, also checked by the route tests.
  static let contentSecurityPolicy = [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
    "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    "require-trusted-types-for 'script'", "trusted-types 'none'",
  ].joined(separator: "; ")

  private static let headers: HTTPFields = [
    .contentSecurityPolicy: contentSecurityPolicy,
    .xContentTypeOptions: "nosniff",
    HTTPField.Name("Referrer-Policy")!: "no-referrer",
    HTTPField.Name("X-Frame-Options")!: "DENY",
    HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    HTTPField.Name("Cross-Origin-Resource-Policy")!: "same-origin",
    HTTPField.Name("Permissions-Policy")!: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  ]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var response = try await next(request, context)
    response.headers.append(contentsOf: Self.headers)
    // Pages and API answers hold the collection's state: never serve them from a cache. Assets set their own.
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    // The context of this outermost middleware has not been through RequestInfoMiddleware: ask the request.
    if RequestInfoMiddleware.isSecure(request) {
      response.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000"
    }
    return response
  }
}
