import Foundation
import RecallCore
import Testing

@testable import RecallServer

/// The pieces pages are built from: escaping, card formatting, forms, charts and the import editor's fixes.
@Suite struct RenderingTests {
  @Test func interpolatedTextIsEscapedAndMarkupIsKept() {
    let text = "<b>\"Tom\" & 'Jerry'</b>"
    let inner: HTML = "<em>\(text)</em>"
    let outer: HTML = "<p>\(inner)</p>"
    #expect(outer.description == "<p><em>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</em></p>")
    #expect(HTML.escape("plain") == "plain")
  }

  @Test(arguments: [
    ("line one\nline two", "<p>line one<br>line two</p>"),
    ("- a\n- b", "<ul><li>a</li><li>b</li></ul>"),
    ("1. a\n2) b", "<ol><li>a</li><li>b</li></ol>"),
    ("Intro:\n- a\n\nAfter", "<p>Intro:</p><ul><li>a</li></ul><p>After</p>"),
    ("**bold** _it_ `x < y`", "<p><strong>bold</strong> <em>it</em> <code>x &lt; y</code></p>"),
    ("snake_case_name and a_b", "<p>snake_case_name and a_b</p>"),
    ("** not bold** and *one", "<p>** not bold** and *one</p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("- <img src=x onerror=alert(1)>", "<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>"),
  ])
  func cardTextFormatsOnlyItsOwnSubset(text: String, html: String) {
    #expect(CardText.html(text).description == html)
  }

  @Test func cardSummaryIsOneLine() {
    #expect(CardText.plainSummary("- one\n- **two**") == "one · two")
    #expect(CardText.plainSummary(String(repeating: "a", count: 200), limit: 10) == "aaaaaaaaa…")
  }

  @Test func urlEncodedAndMultipartFormsParse() throws {
    let form = FormData.urlEncoded("a=1&b=two+words&b=%C3%A9t%C3%A9&empty=&flag")
    #expect(form["a"] == "1")
    #expect(form.all("b") == ["two words", "été"])
    #expect(form["empty"] == "")
    #expect(form["flag"] == "")
    let body = Array(
      "--X\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nhello\r\n--X\r\nContent-Disposition: form-data; name=\"f\"; filename=\"C:\\\\notes\\\\deck.txt\"\r\nContent-Type: text/plain\r\n\r\nQ\r\nA\r\n--X--\r\n"
        .utf8)
    let multipart = try FormData.multipart(body, boundary: "X")
    #expect(multipart["t"] == "hello")
    #expect(multipart.files["f"]?.fileName == "deck.txt")
    #expect(multipart.files["f"].map { String(decoding: $0.data, as: UTF8.self) } == "Q\r\nA")
    #expect(throws: ServerError.self) { try FormData.multipart(Array("garbage".utf8), boundary: "X") }
  }

  @Test func importEditsMergeSplitAndRemove() {
    let cards = [
      ImportedCard(front: "Q1", back: "A1", line: 1), ImportedCard(front: "Q2", back: "A2\nQ3\nA3", line: 3),
    ]
    let merged = Importing.apply(.merge(0), to: cards)
    #expect(merged.count == 1)
    #expect(merged[0].back == "A1\nQ2\nA2\nQ3\nA3")
    let split = Importing.apply(.split(1, atLine: 1), to: cards)
    #expect(split.map(\.front) == ["Q1", "Q2", "Q3"])
    #expect(split.map(\.back) == ["A1", "A2", "A3"])
    #expect(split[2].line == 5)
    #expect(Importing.apply(.delete(0), to: cards).map(\.front) == ["Q2"])
    #expect(Importing.apply(.merge(1), to: cards) == cards)
    #expect(Importing.apply(.split(0, atLine: 4), to: cards) == cards)
    #expect(Importing.tidy("\n  \nline  \r\nnext\n\n") == "line\nnext")
  }

  @Test func warningsAttachToTheCardWhoseLinesTheyAreAbout() throws {
    let deck = try DeckParser.parse(Data(Fixture.seedText.utf8), fileName: "khrushchev.txt")
    let cards = Importing.attach(deck.warnings, to: deck.cards)
    #expect(cards.flatMap(\.warnings).count == deck.warnings.count)
    let withWarnings = cards.enumerated().filter { !$0.element.warnings.isEmpty }.map(\.offset)
    #expect(withWarnings == [0, 17, 26])
  }

  @Test func chartsAreSVGWithTitles() {
    let now = Date()
    let days = (0..<365).map {
      CollectionStatistics.Day(date: now.addingTimeInterval(Double($0 - 364) * 86_400), reviews: $0 % 7)
    }
    let heatmap = Charts.heatmap(days).description
    #expect(heatmap.hasPrefix("<svg class=\"chart heatmap\""))
    #expect(heatmap.components(separatedBy: "<rect").count == 366)
    #expect(heatmap.contains("heat-4"))
    let bars = Charts.bars([1, 0, 3], labels: ["a", "<b>", "c"], title: "T").description
    #expect(bars.contains("<title>T</title>"))
    #expect(bars.contains("&lt;b&gt;"))
    let weeks = (0..<16).map { CollectionStatistics.Week(start: now, reviews: $0 == 3 ? 0 : 10, passed: 9) }
    let retention = Charts.retention(weeks, target: 0.9).description
    #expect(retention.components(separatedBy: "<polyline").count == 3)
  }

  @Test func readinessChartPlotsNowAndEachDayAgainstTheTarget() {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let chart = Charts.readiness([(start, 0.5), (start.addingTimeInterval(86_400), 1)], now: 0, target: 0.9)
      .description
    // Plot area 44…630 across, 14 (100%) … 190 (0%) down: three points evenly spaced.
    #expect(chart.contains("<polyline points=\"44,190 337,102 630,14\" class=\"line\"/>"))
    #expect(chart.contains("<title>Now, with no more study: 0%</title>"))
    #expect(chart.contains("<title>Target 90%</title>"))
    #expect(chart.contains("0% now, 100% by the exam"))
  }

  @Test func cachedPreviewsAgreeWithTheStore() async throws {
    let collection = try Fixture.collection()
    let library = Library(collection: collection, checker: FuzzyAnswerChecker())
    let now = Date()
    let cards = try collection.cards(deck: Fixture.seedDeck).filter { !$0.flagged }
    for (index, card) in cards.prefix(6).enumerated() {
      _ = try collection.answer(cardID: card.id, rating: Rating(rawValue: index % 4 + 1)!, at: now)
    }
    for card in try collection.cards(deck: Fixture.seedDeck).prefix(8) {
      let later = now.addingTimeInterval(3600)
      #expect(try await library.preview(card, at: later) == collection.preview(cardID: card.id, at: later))
    }
  }
}
