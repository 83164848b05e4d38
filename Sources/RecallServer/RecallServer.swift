import Foundation
import Hummingbird
import Logging
import NIOCore
import RecallCore
import RecallStore

/// How `recall serve` listens and who may use it.
public struct ServerConfiguration: Sendable {
  /// The address to bind: loopback unless the user asks for more.
  public var host: String
  /// The port; 0 picks a free one.
  public var port: Int
  /// Password login; required when ``host`` is not a loopback address.
  public var login: PasswordLogin?

  /// Creates a configuration.
  public init(host: String = "127.0.0.1", port: Int = 8080, login: PasswordLogin? = nil) {
    self.host = host
    self.port = port
    self.login = login
  }

  /// Whether `host` only accepts connections from this machine.
  public static func isLoopback(_ host: String) -> Bool {
    let host = host.lowercased()
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}

/// Why the server refuses to start.
public enum ServerConfigurationError: Error, Sendable, CustomStringConvertible {
  /// A host other than loopback was asked for without a password.
  case passwordRequired(host: String)
  /// Another program already listens on the port.
  case portInUse(host: String, port: Int)

  /// A message for the user.
  public var description: String {
    switch self {
    case .passwordRequired(let host):
      return "listening on \(host) lets other machines reach your collection; give --password-file FILE "
        + "(a password, or its bcrypt hash, on the first line) or keep the default --host 127.0.0.1"
    case .portInUse(let host, let port):
      return "\(host):\(port) is already in use (another `recall serve`?); choose another --port, or 0 for any free one"
    }
  }
}

/// The web app: pages, the JSON API under `/api/v1`, and the security middleware in front of both.
public enum RecallServer {
  /// The application serving `collection`, ready to `runService()` (which stops gracefully on SIGINT and
  /// SIGTERM: requests in flight finish, and every answer already committed is on disk).
  ///
  /// - Parameters:
  ///   - checker: Compares typed answers in study; any ``AnswerChecking`` plugs in. By default the point-by-point
  ///     grader, against each card's deck.
  ///   - onServerRunning: Called with the bound port once the server listens (useful with port 0).
  /// - Throws: ``ServerConfigurationError`` when a non-loopback host has no password.
  public static func application(
    collection: Collection, configuration: ServerConfiguration,
    checker: (any AnswerChecking)? = nil, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) throws -> some ApplicationProtocol {
    if !ServerConfiguration.isLoopback(configuration.host), configuration.login == nil {
      throw ServerConfigurationError.passwordRequired(host: configuration.host)
    }
    var logger = logger ?? Logger(label: "recall.serve")
    if logger.logLevel < .notice { logger.logLevel = .notice }
    let library = Library(collection: collection, checker: checker)
    return Application(
      router: router(library: library, login: configuration.login),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Recall"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
      logger: logger)
  }

  /// Builds the application and runs it until SIGINT or SIGTERM, then shuts down gracefully: requests in flight
  /// finish, and every answer already committed is on disk (each is its own durable transaction).
  ///
  /// - Throws: ``ServerConfigurationError`` when a non-loopback host has no password or the port is taken; the
  ///   server's error when it cannot listen for another reason.
  public static func serve(
    collection: Collection, configuration: ServerConfiguration, checker: (any AnswerChecking)? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    let app = try application(
      collection: collection, configuration: configuration, checker: checker, onServerRunning: onServerRunning)
    do {
      try await app.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw ServerConfigurationError.portInUse(host: configuration.host, port: configuration.port)
    }
  }

  /// The routes and middleware, without a server: the route tests drive this directly.
  static func router(library: Library, login: PasswordLogin?) -> Router<AppContext> {
    let router = Router(context: AppContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost first: headers go on every response, errors become pages or JSON, then access control, body
    // limits and CSRF run before any handler.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestInfoMiddleware(passwordProtected: login != nil))
    router.add(middleware: ErrorMiddleware())
    if let login { router.add(middleware: AuthenticationMiddleware(login: login)) }
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: CSRFMiddleware())
    Assets.register(on: router)
    APIRoutes(library: library).register(on: router)
    PageRoutes(library: library, login: login).register(on: router)
    PackageImportRoutes(library: library).register(on: router)
    MediaRoutes(library: library).register(on: router)
    return router
  }
}
