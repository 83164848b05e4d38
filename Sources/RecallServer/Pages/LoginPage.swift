/// The sign-in page, shown when the server is reachable from other machines.
enum LoginPage {
  static func render(next: String, error: String?, context: AppContext) -> Page {
    let problem = error.map { Components.notice(HTML(text: $0), kind: "error") }
    return Page(
      title: "Sign in", section: .login,
      body: """
        <section class="login panel">
        <div class="login-brand">\(Icons.logo)<span>Recall</span></div>
        <h1>Sign in</h1>
        <p class="muted">This collection is protected by a password.</p>
        \(problem)
        <form method="post" action="/login" class="login-form">\(Layout.csrfField(context))
        <input type="hidden" name="next" value="\(next)">
        <div class="field"><label for="password">Password</label>\
        <input id="password" name="password" type="password" autocomplete="current-password" required autofocus></div>
        <button class="btn btn-primary btn-large" type="submit">Sign in</button>
        </form>
        </section>
        """,
      bare: true)
  }
}
