import Testing

@testable import RecallCore

/// Anki's HTML fields become plain text, and nothing of a hostile deck survives as markup.
struct HTMLTextTests {
  static let conversions: [(String, String)] = [
    ("a<br>b<br/>c<br />d", "a\nb\nc\nd"),
    ("<div>one</div><div>two</div>", "one\ntwo"),
    ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
    ("fish &amp; chips &lt;3 &#39;q&#39; &#x2014; &nbsp;end", "fish & chips <3 'q' — \u{00A0}end"),
    ("<script>alert('x')</script>safe<style>p{}</style>", "safe"),
    ("<SCRIPT type=x>steal()</SCRIPT>ok", "ok"),
    ("<img src=x onerror=alert(1)>pic", "pic"),
    ("unknown &bogus; and 5 < 6", "unknown &bogus; and 5 < 6"),
    ("<b>bold</b> and <i>it</i>", "bold and it"),
  ]

  @Test(arguments: conversions)
  func convertsToPlainText(html: String, text: String) {
    #expect(HTMLText.plainText(html) == text)
  }
}
