import Foundation
import Hummingbird
import RecallCore
import RecallStore

/// A request the server cannot serve, with the status and a message for the person (or script) that sent it.
///
/// Handlers throw these; ``ErrorMiddleware`` turns them into a page or, under `/api/`, a JSON body
/// `{"error": {"status": 404, "message": "…"}}`.
struct ServerError: Error, Sendable {
  /// The HTTP status.
  var status: HTTPResponse.Status
  /// What went wrong and what to do about it.
  var message: String
  /// Extra response headers, such as `Retry-After`.
  var headers: HTTPFields = [:]

  /// 404: the thing asked for does not exist.
  static func notFound(_ message: String) -> ServerError { ServerError(status: .notFound, message: message) }

  /// 400: the request is malformed.
  static func badRequest(_ message: String) -> ServerError { ServerError(status: .badRequest, message: message) }

  /// 422: well-formed, but the values cannot be used.
  static func invalid(_ message: String) -> ServerError {
    ServerError(status: .unprocessableContent, message: message)
  }

  /// 403: refused, as for a missing CSRF token.
  static func forbidden(_ message: String) -> ServerError { ServerError(status: .forbidden, message: message) }

  /// 413: the body is larger than this route accepts.
  static func tooLarge(limit: Int) -> ServerError {
    ServerError(
      status: .contentTooLarge,
      message: "The request is larger than the \(ByteSize.describe(limit)) this address accepts. "
        + "Split the file into smaller ones and import them one by one.")
  }

  /// The error a store or parser failure stands for, or `nil` for one nobody expected.
  static func from(_ error: any Error) -> ServerError? {
    switch error {
    case let error as ServerError: return error
    case let error as StoreError:
      switch error {
      case .deckNotFound(let name): return .notFound("There is no deck named “\(name)”.")
      case .cardNotFound(let id): return .notFound("There is no card with id \(id).")
      case .cannotOpen: return ServerError(status: .internalServerError, message: error.description)
      }
    case let error as FSRSError: return .invalid(error.description)
    case let error as ExamSettingsError:
      return .invalid(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".")
    case let error as ImportError:
      return .invalid(error.description.prefix(1).uppercased() + error.description.dropFirst())
    case let error as DecodingError:
      return .badRequest("The JSON body is not what this endpoint expects: \(describe(error))")
    default: return nil
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
      return keys.isEmpty ? "the body" : "“\(keys.joined(separator: "."))”"
    }
    switch error {
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "it is not valid JSON." : "\(path(context)) is malformed."
    case .keyNotFound(let key, let context):
      let parent = context.codingPath.isEmpty ? "" : " in \(path(context))"
      return "“\(key.stringValue)” is missing\(parent)."
    case .typeMismatch(let type, let context): return "\(path(context)) should be \(typeName(type))."
    case .valueNotFound(let type, let context): return "\(path(context)) should be \(typeName(type)), not null."
    @unknown default: return "it could not be decoded."
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is Int64.Type: return "an integer"
    case is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default: return "\(type)".hasPrefix("Array") ? "an array" : "an object"
    }
  }
}

/// Sizes in bytes as people read them.
enum ByteSize {
  /// `1 MB`, `16 MB`, `512 KB`: binary units, without decimals when whole.
  static func describe(_ bytes: Int) -> String {
    if bytes >= 1 << 20 {
      let value = Double(bytes) / Double(1 << 20)
      return value == value.rounded() ? "\(Int(value)) MB" : String(format: "%.1f MB", value)
    }
    if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
    return "\(bytes) bytes"
  }
}
