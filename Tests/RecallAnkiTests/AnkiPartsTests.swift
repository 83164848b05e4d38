import Foundation
import RecallCore
import Testing

@testable import RecallAnki

/// The small parts: cloze markup, field text both ways, protobuf, zstd, SHA-1, history replay.
struct AnkiPartsTests {
  @Test(arguments: [
    ("{{c1::Paris}} is in {{c2::France}}", 1, "[...] is in France", "Paris"),
    ("{{c1::Paris}} is in {{c2::France}}", 2, "Paris is in [...]", "France"),
    ("{{c1::DNA::molecule}} and {{c1::RNA}}", 1, "[molecule] and [...]", "DNA, RNA"),
    ("{{c1,2::both}} {{c2::two}}", 2, "[...] [...]", "both, two"),
    ("{{c1::outer {{c2::inner}} end}}", 1, "[...]", "outer inner end"),
    ("{{c1::outer {{c2::inner}} end}}", 2, "outer [...] end", "inner"),
    ("no {{c1:: close", 1, "no {{c1:: close", ""),
    ("a }} b :: c {{c1::x}}", 1, "a }} b :: c [...]", "x"),
  ])
  func clozeCards(text: String, number: Int, front: String, back: String) {
    let card = AnkiCloze(text).card(number: number)
    #expect(card.front == front)
    #expect(card.back == back)
  }

  @Test func clozeNumbers() {
    #expect(AnkiCloze("{{c3::a}} {{c1::b {{c2::c}}}}").numbers == [1, 2, 3])
  }

  @Test(arguments: [
    ("<img src=\"my%20cat.jpg\">", "![](my%20cat.jpg)"),
    ("<IMG SRC='a&amp;b.png' alt=x>", "![](a%26b.png)"),
    ("see <img src=http://tracker.example/x.png> this", "see  this"),
    ("<img src=\"../../etc/passwd\">", ""),
    ("<img src=x onerror=alert(1)>pic", "![](x)pic"),
  ])
  func imagesFromHTML(html: String, text: String) {
    #expect(AnkiFieldText.plainText(fromHTML: html) == text)
  }

  @Test(arguments: [
    "plain", "two\nlines", "a < b && c > d", "![](caf%C3%A9%20au%20lait.png) and text", "tab\there",
    "  indented\n- bullet",
    "quotes \" and ' stay", "{{c1::not special here}}",
  ])
  func textSurvivesTheTripThroughHTML(text: String) {
    let html = AnkiFieldText.html(fromPlainText: text)
    #expect(!html.contains("\n"))
    #expect(AnkiFieldText.plainText(fromHTML: html) == text)
  }

  @Test func imageTextBecomesAnImgTag() {
    #expect(AnkiFieldText.html(fromPlainText: "x ![](a%20b.png)") == "x <img src=\"a%20b.png\">")
    #expect(AnkiFieldText.html(fromPlainText: "![](..%2Fx)") == "![](..%2Fx)", "unsafe names stay text")
    #expect(AnkiFieldText.mediaNames(in: "![](a.png) ![](b%20c.png) ![](..%2Fx)") == ["a.png", "b c.png"])
  }

  @Test func protobufFields() throws {
    // field 1 varint 300, field 2 "hi", field 3 fixed32, field 255 varint 7
    let data = Data([0x08, 0xAC, 0x02, 0x12, 0x02, 0x68, 0x69, 0x1D, 1, 2, 3, 4, 0xF8, 0x0F, 0x07])
    let fields = try ProtobufReader.fields(data)
    #expect(fields.map(\.field) == [1, 2, 3, 255])
    #expect(fields[0].value.integer == 300)
    #expect(fields[1].value.string == "hi")
    #expect(fields[3].value.integer == 7)
    #expect(throws: ProtobufReader.Malformed.self) { try ProtobufReader.fields(Data([0x12, 0x05, 0x01])) }
    #expect(throws: ProtobufReader.Malformed.self) { try ProtobufReader.fields(Data([0x0F])) }
  }

  @Test func zstdDecodesFramesWithoutContentSizeAndConcatenated() throws {
    let text = Data(String(repeating: "Anki collection ", count: 20_000).utf8)
    let frames = ZipBuilder.zstd(text) + ZipBuilder.zstd(Data("tail".utf8))
    let decoded = try ZstdDecoder.decompress(frames, entry: "x", limit: 1 << 30)
    #expect(decoded == text + Data("tail".utf8))
    // Fed in small pieces, as it comes out of the zip.
    let decoder = try ZstdDecoder(entry: "x", limit: 1 << 30)
    var pieces = Data()
    var index = frames.startIndex
    while index < frames.endIndex {
      let end = min(index + 333, frames.endIndex)
      try decoder.feed(frames[index..<end]) { pieces.append(contentsOf: $0) }
      index = end
    }
    try decoder.finish()
    #expect(pieces == decoded)
  }

  @Test func sha1MatchesKnownDigests() {
    #expect(SHA1.hex(Data()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(SHA1.hex(Data("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(SHA1.hex(Data(String(repeating: "a", count: 1000).utf8)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    // Anki's checksum of "le chat", read from a collection Anki wrote.
    #expect(AnkiCollectionWriter.checksum("le chat") == 672_886_141)
  }

  private func row(_ day: Double, ease: Int, kind: AnkiRevlogRow.Kind, interval: Int64 = 1, factor: Int = 2500)
    -> AnkiRevlogRow
  {
    let base = 1_700_000_000.0 + 12 * 3_600
    return AnkiRevlogRow(
      id: Int64((base + day * 86_400) * 1000), cardID: 1, ease: ease, interval: interval, lastInterval: 0,
      factor: factor, milliseconds: 3000, kind: kind)
  }

  @Test func replayFollowsAnkisRules() {
    var options = DeckOptions()
    options.timeZone = "UTC"
    var replay = HistoryReplay(options: options)
    var plain = HistoryReplay.Progress()
    var withExtras = HistoryReplay.Progress()
    let history = [row(0, ease: 3, kind: .learning), row(1, ease: 3, kind: .review, interval: 3)]
    for entry in history {
      _ = replay.apply(entry, to: &plain)
      _ = replay.apply(entry, to: &withExtras)
    }
    // A manual reschedule and a cram answer change nothing; the cram answer is still logged.
    #expect(replay.apply(row(2, ease: 0, kind: .manual, factor: 2500), to: &withExtras) == nil)
    let cram = replay.apply(row(2.5, ease: 1, kind: .filtered, factor: 0), to: &withExtras)
    #expect(cram?.cram == true)
    let next = row(4, ease: 3, kind: .review, interval: 8)
    _ = replay.apply(next, to: &plain)
    _ = replay.apply(next, to: &withExtras)
    #expect(plain.memory == withExtras.memory)
    #expect(withExtras.answers == 4)
    // A reset forgets what came before: the next answer starts from scratch.
    var reset = withExtras
    #expect(replay.apply(row(5, ease: 0, kind: .manual, interval: 0, factor: 0), to: &reset) == nil)
    _ = replay.apply(row(6, ease: 3, kind: .learning), to: &reset)
    #expect(reset.memory == replay.model.initialState(rating: .good))
  }

  @Test func aHistoryWithoutItsStartBeginsFromSM2() {
    var replay = HistoryReplay(options: DeckOptions())
    var progress = HistoryReplay.Progress()
    var first = row(0, ease: 3, kind: .review, interval: 25)
    first.lastInterval = 10
    _ = replay.apply(first, to: &progress)
    let start = replay.sm2State(factor: 2500, intervalDays: 10)
    #expect(start.stability == 10)
    #expect(progress.memory == replay.model.nextState(start, rating: .good, elapsedDays: 10))
  }

  @Test func easeAndSM2StateAreInverse() {
    let replay = HistoryReplay(options: DeckOptions())
    for (factor, interval) in [(2500, 10.0), (1300, 3.0), (3100, 120.0)] {
      let state = replay.sm2State(factor: factor, intervalDays: interval)
      guard state.difficulty > 1, state.difficulty < 10 else { continue }
      #expect(abs(AnkiCollectionWriter.ease(stability: state.stability, difficulty: state.difficulty) - factor) <= 1)
    }
  }
}
