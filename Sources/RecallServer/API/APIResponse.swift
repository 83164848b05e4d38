import Foundation
import Hummingbird

/// JSON in and out of the API.
enum APIResponse {
  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    // Sorted keys: the same value always gives the same bytes.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// `value` as a JSON response.
  static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try encoder.encode(value)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// `{"error": {"status": 404, "message": "…"}}`.
  static func error(_ failure: ServerError) -> Response {
    struct Body: Encodable {
      struct Detail: Encodable {
        let status: Int
        let message: String
      }
      let error: Detail
    }
    let body = Body(error: .init(status: failure.status.code, message: failure.message))
    return (try? json(body, status: failure.status)) ?? Response(status: failure.status)
  }

  /// The request's JSON body decoded as `T`; 415 when it is not JSON, 400 when it does not decode.
  static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
    let contentType = request.headers[.contentType]?.lowercased() ?? ""
    guard contentType.hasPrefix("application/json") else {
      throw ServerError(
        status: .unsupportedMediaType, message: "Send the body as JSON, with Content-Type: application/json.")
    }
    let buffer = try await request.body.collect(upTo: BodyLimits.importBytes)
    guard buffer.readableBytes > 0 else { throw ServerError.badRequest("The request has no JSON body.") }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
    } catch let error as DecodingError {
      throw ServerError.from(error) ?? .badRequest("The JSON body could not be read.")
    }
  }
}
