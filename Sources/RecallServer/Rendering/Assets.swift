import Hummingbird

/// Serves the embedded stylesheet, script and icon with long-lived caching: their URLs carry a content hash.
enum Assets {
  /// The stylesheet's URL.
  static let stylesheetURL = "/assets/app.css?v=\(EmbeddedAssets.version)"
  /// The script's URL.
  static let scriptURL = "/assets/app.js?v=\(EmbeddedAssets.version)"

  static func register(on router: Router<AppContext>) {
    let files: [(String, String, String)] = [
      ("assets/app.css", EmbeddedAssets.appCSS, "text/css; charset=utf-8"),
      ("assets/app.js", EmbeddedAssets.appJS, "text/javascript; charset=utf-8"),
      ("favicon.svg", EmbeddedAssets.favicon, "image/svg+xml"),
    ]
    for (path, content, type) in files {
      let body = ByteBuffer(string: content)
      let etag = "\"\(EmbeddedAssets.version)\""
      router.get(RouterPath(path)) { request, _ in
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "public, max-age=31536000, immutable"]
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
      }
    }
  }
}
