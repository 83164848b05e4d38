import Foundation
import Testing

@testable import RecallCore

/// Each format's conventions (docs/import-formats.md), one small input at a time.
struct FormatParsingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let format: ImportFormat
    let text: String
    let title: String?
    let cards: [[String]]  // front, back
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "pasted: statement terms, a colon front, bullets, a numbered list", format: .paste,
      text: """
        Cell biology revision notes
        Osmosis
        Movement of water across a partially permeable membrane.
        Parts of a plant cell:
        1. cell wall
        2. chloroplasts
        3. vacuole
        Why do plant cells not burst in water?
        The cell wall resists the pressure.
        """,
      title: "Cell biology revision notes",
      cards: [
        ["Osmosis", "Movement of water across a partially permeable membrane."],
        ["Parts of a plant cell:", "1. cell wall\n2. chloroplasts\n3. vacuole"],
        ["Why do plant cells not burst in water?", "The cell wall resists the pressure."],
      ]),
    Case(
      name: "pasted: blank-line separated, no title, multi-line answers", format: .paste,
      text: """
        What is inflation
        A general rise in prices
        measured by the CPI

        Define GDP
        The value of all goods and services produced in a year.

        Who sets UK interest rates?
        The Bank of England's MPC
        """,
      title: nil,
      cards: [
        ["What is inflation", "A general rise in prices\nmeasured by the CPI"],
        ["Define GDP", "The value of all goods and services produced in a year."],
        ["Who sets UK interest rates?", "The Bank of England's MPC"],
      ]),
    Case(
      name: "tsv with a tags column and a continuation line", format: .tsv,
      text: "perro\tdog\tanimals\ngato\tcat\nel pájaro\tbird\nalso: a shuttlecock",
      title: nil,
      cards: [["perro", "dog"], ["gato", "cat"], ["el pájaro", "bird\nalso: a shuttlecock"]]),
    Case(
      name: "quizlet dashes and semicolons, bullets are not separators", format: .quizlet,
      text: "mitosis - cell division giving two identical cells; meiosis - division giving four gametes;\n"
        + "ATP - energy currency\n- made in mitochondria",
      title: nil,
      cards: [
        ["mitosis", "cell division giving two identical cells"], ["meiosis", "division giving four gametes"],
        ["ATP", "energy currency\n- made in mitochondria"],
      ]),
    Case(
      name: "anki text export with html, meta and tags columns", format: .ankiText,
      text: """
        #separator:tab
        #html:true
        #guid column:1
        #deck:French::Verbs
        #tags column:4
        abc123\tavoir\tto have<br>(irregular)&nbsp;&amp; common\tverbs french
        def456\t<b>être</b>\t"to be<div>also: ""être là""</div><script>alert(1)</script>"\tverbs
        """,
      title: "French::Verbs",
      cards: [["avoir", "to have\n(irregular)\u{00A0}& common"], ["être", "to be\nalso: \"être là\""]]),
    Case(
      name: "csv with a header, quoted commas, newlines and quotes", format: .csv,
      text: "front,back\n\"Capital of France, in French\",Paris\nQuote,\"He said \"\"hi\"\"\nthen left\"\n",
      title: nil,
      cards: [["Capital of France, in French", "Paris"], ["Quote", "He said \"hi\"\nthen left"]]),
    Case(
      name: "q/a notes in mixed case with a two-paragraph answer", format: .qa,
      text:
        "Q: What is entropy?\nA: A measure of disorder.\n\nIt always rises in an isolated system.\n\nq. Unit of energy?\na. Joule",
      title: nil,
      cards: [
        ["What is entropy?", "A measure of disorder.\n\nIt always rises in an isolated system."],
        ["Unit of energy?", "Joule"],
      ]),
    Case(
      name: "markdown headings, a section, obsidian cards and a code answer", format: .markdown,
      text: """
        # Python basics
        ## Data types
        ### What does len() return?
        The number of items.
        ### How do you loop over a list?
        ```python
        for item in items:
            print(item)
        ```
        ## Glossary
        list::an ordered, mutable sequence
        What is a tuple?
        ?
        An immutable sequence
        """,
      title: "Python basics",
      cards: [
        ["What does len() return?", "The number of items."],
        ["How do you loop over a list?", "```python\nfor item in items:\n    print(item)\n```"],
        ["list", "an ordered, mutable sequence"],
        ["What is a tuple?", "An immutable sequence"],
      ]),
    Case(
      name: "vocabulary with = and : separators and a section", format: .vocab,
      text: "Spanish – unit 3\n\nFood\nla manzana = the apple\nel pan: bread\nla leche = milk\nel café: coffee",
      title: "Spanish – unit 3",
      cards: [["la manzana", "the apple"], ["el pan", "bread"], ["la leche", "milk"], ["el café", "coffee"]]),
    Case(
      name: "cloze numbers, hints, shared numbers and highlights", format: .cloze,
      text: """
        {{c1::Paris}} is the capital of {{c2::France::country}}.

        The {{c1::mitochondria}} and the {{c1::chloroplasts}} have their own DNA.

        Water boils at ==100 °C== at sea level.
        """,
      title: nil,
      cards: [
        ["[...] is the capital of France.", "Paris"], ["Paris is the capital of [country].", "France"],
        ["The [...] and the [...] have their own DNA.", "mitochondria, chloroplasts"],
        ["Water boils at [...] at sea level.", "100 °C"],
      ]),
  ]

  @Test(arguments: cases)
  func detectsAndParses(_ testCase: Case) throws {
    let deck = try DeckParser.parse(Data(testCase.text.utf8))
    #expect(deck.format == testCase.format)
    #expect(deck.title == testCase.title)
    #expect(deck.cards.map { [$0.front, $0.back] } == testCase.cards)
  }

  @Test func ankiTagsColumnBecomesTagsNotText() throws {
    let text = "#separator:tab\n#html:false\n#tags column:3\nfront\tback\tchem exam-1\n"
    let deck = try DeckParser.parse(Data(text.utf8))
    #expect(deck.cards.first?.tags == ["chem", "exam-1"])
    #expect(deck.cards.first?.back == "back")
  }

  @Test func anAnswerEndingInAQuestionMarkStaysAnAnswer() throws {
    let text =
      "What was Beria accused of?\nBeing a British spy, he was shot without a fair trial?\nWho replaced him?\nNobody"
    let deck = try DeckParser.parse(Data(text.utf8), format: .paste)
    #expect(deck.cards.map(\.front) == ["What was Beria accused of?", "Who replaced him?"])
  }

  @Test func aQuestionWithNoAnswerIsFlaggedNotMerged() throws {
    let text = "When did the war end?\nWhy did it end?\n- money ran out\n- the king died"
    let deck = try DeckParser.parse(Data(text.utf8), format: .paste)
    #expect(deck.cards.map(\.back) == ["", "- money ran out\n- the king died"])
    #expect(deck.warnings.contains { $0.line == 1 && $0.message.contains("no answer") })
  }

  @Test(arguments: ImportFormat.allCases)
  func forcedFormatNeverCrashesOnTheSeedDeck(_ format: ImportFormat) throws {
    let data = try TestFiles.repositoryData("examples/khrushchev.txt")
    let lineCount = try SourceText(data: data).lines.count
    let deck = try DeckParser.parse(data, format: format)
    #expect(deck.format == format)
    #expect(deck.cards.allSatisfy { (1...lineCount).contains($0.line) })
  }
}
