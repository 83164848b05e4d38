import Foundation
import Testing

@testable import RecallServer

/// Images in card text: `![](name)` for a file in the media folder, and nothing else.
@Suite struct CardTextImageTests {
  @Test func imageReferenceBecomesAnImageFromTheMediaRoute() {
    #expect(CardText.html("![](x.png)").description == "<p><img src=\"/media/x.png\" alt=\"\"></p>")
    #expect(
      CardText.html("What does this show?\n![](cell.png)").description
        == "<p>What does this show?<br><img src=\"/media/cell.png\" alt=\"\"></p>")
    #expect(
      CardText.html("- ![](a.png) and **b**").description
        == "<ul><li><img src=\"/media/a.png\" alt=\"\"> and <strong>b</strong></li></ul>")
  }

  @Test func namesArePercentEncodedInTheAddress() {
    // Imports write names percent-encoded (AnkiFieldText), so a `)` in a name cannot end the reference early.
    #expect(
      CardText.html("![](my%20cell%20%281%29.png)").description.contains("src=\"/media/my%20cell%20%281%29.png\""))
    // A quote in a name cannot end the attribute: it is percent-encoded like everything but unreserved characters.
    let quoted = CardText.html("![](x\"%20onerror%3D\"alert%281%29.png)").description
    #expect(quoted.contains("src=\"/media/x%22%20onerror%3D%22alert%281%29.png\""))
    #expect(!quoted.contains("\" onerror"))
  }

  @Test(arguments: [
    "![](../x)", "![](..%2Fx.png)", "![](a/b.png)", "![](a%5Cb.png)", "![](.hidden.png)", "![](javascript:alert(1))",
    "![](https://tracker.example/p.png)", "![](x%00.png)", "![]()",
  ])
  func unsafeReferenceStaysInertText(text: String) {
    let html = CardText.html(text).description
    #expect(!html.contains("<img"))
    #expect(html == "<p>\(HTML.escape(text))</p>")
  }

  @Test func formattingMarksInsideAnUnsafeReferenceAreText() {
    #expect(CardText.html("![](../_x_)").description == "<p>![](../_x_)</p>")
  }

  @Test func blocksCarryImagesForTheScript() {
    let blocks = CardText.blocks("see ![](cell.png)")
    #expect(blocks.first?.lines.first == [.init(text: "see ", style: .plain), .init(text: "cell.png", style: .image)])
    #expect(CardText.blocks("![](../x)").first?.lines.first == [.init(text: "![](../x)", style: .plain)])
  }

  @Test func summariesNameAnImageWithoutItsFile() {
    #expect(CardText.plainSummary("What does this show?\n![](cell.png)") == "What does this show? · [image]")
  }
}
