import Hummingbird

/// The page shown for an error: its status, what went wrong, and a way back.
enum ErrorPage {
  /// The error as a full page.
  static func response(_ failure: ServerError, context: AppContext) -> Response {
    let title: String
    switch failure.status {
    case .notFound: title = "Page not found"
    case .forbidden: title = "Request refused"
    case .contentTooLarge: title = "Too large"
    case .unauthorized: title = "Sign in needed"
    case .tooManyRequests: title = "Too many attempts"
    default: title = failure.status.code >= 500 ? "Something went wrong" : "That did not work"
    }
    let body: HTML = """
      <section class="error-page">
      <p class="error-code">\(failure.status.code)</p>
      <h1>\(title)</h1>
      <p class="lead">\(failure.message)</p>
      <p><a class="btn btn-primary" href="/">Back to your decks</a></p>
      </section>
      """
    return Layout.response(Page(title: title, section: .error, body: body, status: failure.status), context: context)
  }
}
