import Foundation
import HTTPTypes
import Hummingbird
import RecallStore

/// `GET /media/{name}`: the images cards show (written `![](name)` in their text), from the collection's media
/// folder.
///
/// An image may be an SVG, which can carry script: every media response is sandboxed by its own
/// Content-Security-Policy, so opened directly it runs nothing and reaches nothing, while `<img>` shows it as
/// usual. Media need a signed-in session like every page (``AuthenticationMiddleware``).
struct MediaRoutes {
  let library: Library

  func register(on router: Router<AppContext>) {
    router.get("media/:name") { _, context in
      let segment = try context.parameters.require("name")
      guard let name = MediaFiles.name(fromPathSegment: segment) else {
        throw ServerError.badRequest("“\(segment)” is not the name of a media file.")
      }
      let folder = library.collection.mediaFolder
      let image = try await library.read { _ in folder.flatMap { MediaFiles.image(named: name, in: $0) } }
      guard let image else { throw ServerError.notFound("There is no image named “\(name)”.") }
      return Response(
        status: .ok,
        headers: [
          .contentType: image.contentType,
          .contentSecurityPolicy: "sandbox",
          // A name keeps its content: an import that brings a different file under a taken name renames it.
          .cacheControl: "private, max-age=3600",
        ],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: image.data)))
    }
  }
}
