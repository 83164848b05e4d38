import Foundation
import HummingbirdBcrypt
import NIOConcurrencyHelpers

/// Password login for a server reachable from other machines: the password's bcrypt hash, the signed-in
/// sessions, and a brake on guessing.
///
/// Sessions live in memory (restarting the server signs everyone out). Their tokens are random, sent in an
/// `HttpOnly`, `SameSite=Strict` cookie that is also `Secure` whenever the request came over HTTPS.
public final class PasswordLogin: Sendable {
  /// The session cookie's name.
  static let cookieName = "recall_session"
  /// Failed logins from one address allowed per ``failureWindow`` before the server makes it wait.
  static let allowedFailures = 5
  /// The window failed logins are counted in.
  static let failureWindow: TimeInterval = 15 * 60

  private let hash: String
  /// How long a session lasts without being used.
  let sessionLifetime: TimeInterval
  private let sessions = NIOLockedValueBox<[String: Date]>([:])
  private let failures = NIOLockedValueBox<[String: [Date]]>([:])

  /// A login checking passwords against a bcrypt `hash` (`$2b$…`).
  public init(bcryptHash hash: String, sessionLifetime: TimeInterval = 30 * 86_400) {
    self.hash = hash
    self.sessionLifetime = sessionLifetime
  }

  /// A login for the password in a password file: a bcrypt hash is used as it is, anything else is taken as
  /// the password itself (its first line) and hashed now, so only the hash stays in memory.
  ///
  /// - Throws: ``PasswordFileError`` when the file cannot be read, is empty, or holds a short password.
  public static func fromFile(_ path: String) throws(PasswordFileError) -> PasswordLogin {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
    let text = String(decoding: data, as: UTF8.self)
    let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    guard !firstLine.isEmpty else { throw .empty(path) }
    if isBcryptHash(firstLine) { return PasswordLogin(bcryptHash: firstLine) }
    guard firstLine.count >= 8 else { throw .tooShort(path) }
    return PasswordLogin(bcryptHash: hash(firstLine))
  }

  /// The bcrypt hash (cost 12) of `password`, for a password file that should not hold the password itself.
  public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }

  /// Whether `text` is a bcrypt hash (`$2a$`, `$2b$` or `$2y$`, cost, 53 characters of salt and hash).
  static func isBcryptHash(_ text: String) -> Bool {
    text.count == 60 && ["$2a$", "$2b$", "$2y$"].contains(where: text.hasPrefix)
  }

  /// Whether `password` is right. Takes about a quarter of a second by design; run it off the event loop.
  func verify(_ password: String) -> Bool { Bcrypt.verify(password, hash: hash) }

  /// How long the address must wait before trying again, or `nil` when it may try now.
  func retryAfter(address: String, now: Date = Date()) -> TimeInterval? {
    failures.withLockedValue { failures in
      let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < Self.failureWindow }
      failures[address] = recent.isEmpty ? nil : recent
      guard recent.count >= Self.allowedFailures, let oldest = recent.first else { return nil }
      return Self.failureWindow - now.timeIntervalSince(oldest)
    }
  }

  /// Counts a failed attempt from `address`.
  func recordFailure(address: String, now: Date = Date()) {
    failures.withLockedValue { $0[address, default: []].append(now) }
  }

  /// Starts a session after a correct password; returns its token.
  func startSession(now: Date = Date()) -> String {
    let token = Token.make()
    sessions.withLockedValue { sessions in
      sessions = sessions.filter { $0.value > now }
      sessions[token] = now.addingTimeInterval(sessionLifetime)
    }
    return token
  }

  /// Whether `token` names a live session; using it extends it.
  func isSignedIn(token: String?, now: Date = Date()) -> Bool {
    guard let token, Token.isValid(token) else { return false }
    return sessions.withLockedValue { sessions in
      guard let expiry = sessions[token], expiry > now else { return false }
      sessions[token] = now.addingTimeInterval(sessionLifetime)
      return true
    }
  }

  /// Ends a session (sign out).
  func endSession(token: String?) {
    guard let token else { return }
    _ = sessions.withLockedValue { $0.removeValue(forKey: token) }
  }
}

/// Why a password file cannot be used.
public enum PasswordFileError: Error, Sendable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case unreadable(String)
  /// The file is empty.
  case empty(String)
  /// The password is shorter than 8 characters.
  case tooShort(String)

  /// A message for the user.
  public var description: String {
    switch self {
    case .unreadable(let path): return "cannot read the password file \(path)"
    case .empty(let path): return "the password file \(path) is empty; write the password on its first line"
    case .tooShort(let path): return "the password in \(path) is shorter than 8 characters; choose a longer one"
    }
  }
}
