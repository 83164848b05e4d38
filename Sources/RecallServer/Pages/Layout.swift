import Hummingbird

/// A page of the app: its title, which tab it belongs to, and its content.
struct Page {
  /// A tab of the main navigation, or another kind of page.
  enum Section: String, CaseIterable {
    case decks, importer = "import", browse, stats, settings, study, login, error

    /// The tab's label.
    var label: String {
      switch self {
      case .decks: return "Decks"
      case .importer: return "Import"
      case .browse: return "Browse"
      case .stats: return "Stats"
      case .settings: return "Settings"
      case .study: return "Study"
      case .login: return "Sign in"
      case .error: return "Error"
      }
    }

    /// Where the tab leads.
    var path: String {
      switch self {
      case .decks: return "/"
      case .importer: return "/import"
      default: return "/\(rawValue)"
      }
    }

    /// The tabs shown in the navigation, in order.
    static let navigation: [Section] = [.decks, .importer, .browse, .stats, .settings]
  }

  /// The title, before “· Recall”.
  var title: String
  /// The tab to highlight.
  var section: Section
  /// The content of `<main>`.
  var body: HTML
  /// A status other than 200, for error pages.
  var status: HTTPResponse.Status = .ok
  /// Whether the page hides the navigation (the login page).
  var bare = false
}

/// The shell every page shares: head, navigation, main, and the assets.
enum Layout {
  /// The page as an HTML response.
  static func response(_ page: Page, context: AppContext) -> Response {
    let html = render(page, context: context)
    return Response(
      status: page.status, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html.description)))
  }

  /// The page's HTML document.
  static func render(_ page: Page, context: AppContext) -> HTML {
    let theme: HTML = context.theme == .system ? "" : " data-theme=\"\(context.theme.rawValue)\""
    let navigation: HTML? = page.bare ? nil : header(page.section, context: context)
    return """
      <!doctype html>
      <html lang="en"\(theme)>
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
      <meta name="color-scheme" content="light dark">
      <meta name="csrf-token" content="\(context.csrfToken)">
      <title>\(page.title) · Recall</title>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml">
      <link rel="stylesheet" href="\(Assets.stylesheetURL)">
      <script src="\(Assets.scriptURL)" defer></script>
      </head>
      <body class="page-\(page.section.rawValue)\(page.bare ? " bare" : "")">
      <a class="skip-link" href="#main">Skip to content</a>
      \(navigation)
      <main id="main" class="main" tabindex="-1">
      \(page.body)
      </main>
      \(page.bare ? HTML() : shortcutsDialog)
      </body>
      </html>
      """
  }

  private static func header(_ current: Page.Section, context: AppContext) -> HTML {
    let items = Page.Section.navigation.map { section -> HTML in
      let isCurrent = section == current || (current == .study && section == .decks)
      return """
        <li><a href="\(section.path)" class="tab"\(HTML.when(isCurrent, " aria-current=\"page\""))>\
        \(Icons.icon(for: section))<span>\(section.label)</span></a></li>
        """
    }
    let signOut: HTML? =
      context.passwordProtected
      ? """
      <form method="post" action="/logout" class="sign-out">\(csrfField(context))\
      <button type="submit" class="btn btn-ghost btn-small">Sign out</button></form>
      """ : nil
    return """
      <header class="topbar">
      <div class="topbar-inner">
      <a class="brand" href="/" aria-label="Recall, home">\(Icons.logo)<span>Recall</span></a>
      <nav class="tabs" aria-label="Main"><ul>\(items)</ul></nav>
      <div class="topbar-end">
      <button type="button" class="btn btn-ghost btn-small shortcut-hint" data-action="shortcuts" hidden \
      aria-keyshortcuts="?"><kbd>?</kbd> Shortcuts</button>
      \(signOut)
      </div>
      </div>
      </header>
      """
  }

  /// The hidden form field carrying the CSRF token: every form that posts includes it.
  static func csrfField(_ context: AppContext) -> HTML {
    "<input type=\"hidden\" name=\"_csrf\" value=\"\(context.csrfToken)\">"
  }

  private static let shortcutsDialog: HTML = """
    <dialog id="shortcuts" class="dialog" aria-labelledby="shortcuts-title">
    <h2 id="shortcuts-title">Keyboard shortcuts</h2>
    <dl class="shortcuts">
    <div><dt><kbd>g</kbd> <kbd>d</kbd></dt><dd>Decks</dd></div>
    <div><dt><kbd>g</kbd> <kbd>i</kbd></dt><dd>Import</dd></div>
    <div><dt><kbd>g</kbd> <kbd>b</kbd></dt><dd>Browse</dd></div>
    <div><dt><kbd>g</kbd> <kbd>s</kbd></dt><dd>Stats</dd></div>
    <div><dt><kbd>/</kbd></dt><dd>Search cards</dd></div>
    <div><dt><kbd>Space</kbd></dt><dd>Show the answer</dd></div>
    <div><dt><kbd>1</kbd>–<kbd>4</kbd></dt><dd>Again, Hard, Good, Easy (or pick a choice)</dd></div>
    <div><dt><kbd>u</kbd></dt><dd>Undo the last answer</dd></div>
    <div><dt><kbd>Esc</kbd></dt><dd>End the session</dd></div>
    </dl>
    <form method="dialog"><button class="btn btn-secondary" type="submit">Close</button></form>
    </dialog>
    """
}
