import Hummingbird
import NIOCore

/// What the middlewares learn about a request and the handlers use: the CSRF token to embed in forms, the
/// theme, whether the connection is HTTPS, and who is asking.
struct AppContext: RequestContext {
  /// Hummingbird's own per-request storage.
  var coreContext: CoreRequestContextStorage
  /// The browser's CSRF token (from its cookie, or newly made): forms and scripts send it back.
  var csrfToken = ""
  /// The colour theme chosen in Settings.
  var theme = Theme.system
  /// Whether the request reached us over HTTPS (directly or through a proxy that says so).
  var isSecure = false
  /// Whether a password protects the server (the pages then offer to sign out).
  var passwordProtected = false
  /// The peer's address, for throttling failed logins.
  var remoteAddress: String
  /// The form the CSRF check already read from the body, so the handler does not read and parse it again (an
  /// upload may be hundreds of megabytes).
  var form: FormData?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
  }

  /// Bodies are limited by ``BodyLimitMiddleware`` per route; this bounds Hummingbird's own decoding.
  var maxUploadSize: Int { BodyLimits.importBytes }
}

/// The colour theme: the system's unless Settings say otherwise.
enum Theme: String, Sendable, CaseIterable {
  case system, light, dark

  /// The name shown in Settings.
  var label: String {
    switch self {
    case .system: return "Follow the system"
    case .light: return "Light"
    case .dark: return "Dark"
    }
  }
}
