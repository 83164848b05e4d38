import Testing

@testable import RecallCore

/// How expected answers split into points.
@Suite("Splitting an expected answer into points")
struct PointSplitterTests {
  static func points(_ expected: String, front: String? = nil) -> [String] {
    AnswerKey(expected: expected, front: front).points
  }

  @Test("Bullets of every kind, numbered and lettered items are one point each")
  func bullets() {
    #expect(
      Self.points("- a one\n• b two\n* c three\n– d four\n+ e five") == [
        "a one", "b two", "c three", "d four", "e five",
      ])
    #expect(Self.points("1. offer\n2) acceptance\nc) consideration") == ["offer", "acceptance", "consideration"])
  }

  @Test("A bullet is never split further, even when it holds a comma list")
  func bulletStaysWhole() {
    #expect(Self.points("- after durch, für, gegen, ohne, um\n- direct object").count == 2)
  }

  @Test("Lines and sentences are points; abbreviations do not end sentences")
  func sentences() {
    #expect(Self.points("The rate of flow of charge. I = Q/t") == ["The rate of flow of charge", "I = Q/t"])
    #expect(Self.points("A cost to a third party, e.g. pollution from a factory").count == 1)
    #expect(Self.points("Directs attention to the slave systems; has a very limited capacity").count == 2)
  }

  @Test("Comma lists of short items, and short \"A and B\", give one point per item")
  func lists() {
    #expect(Self.points("Britain, France and Russia") == ["Britain", "France", "Russia"])
    #expect(Self.points("interference and retrieval failure") == ["interference", "retrieval failure"])
    #expect(Self.points("Belgian resistance, the BEF, Russia mobilised faster than expected (10 days)").count == 3)
    #expect(Self.points("modifies and packages proteins into vesicles").count == 1)
    #expect(Self.points("Austria-Hungary annexed Bosnia, angered Serbia and Russia").count == 1)
    #expect(Self.points("TEM – 2D, higher resolution, thin specimens only").count == 1)
  }

  @Test("A lead line before bullets is a point when it states a fact, a heading otherwise")
  func leadLines() {
    let coup = Self.points(
      "Opposition to Khrushchev led by Molotov and Malenkov:\n- they persuaded the presidium to vote")
    #expect(coup == ["Opposition to Khrushchev led by Molotov and Malenkov", "they persuaded the presidium to vote"])
    #expect(Self.points("the long term causes:\n- Militarism\n- Alliances") == ["Militarism", "Alliances"])
    #expect(Self.points("33 in total:\n7 cervical\n12 thoracic").count == 3)
  }

  @Test("A line starting \"e.g.\" adds to the point before it")
  func exampleLines() {
    #expect(Self.points("An electron pair donor\ne.g. OH-, CN-, NH3") == ["An electron pair donor"])
  }

  @Test("Two questions in the front split a two-part answer")
  func twoQuestions() {
    let points = Self.points(
      "Being a British spy, he was shot without a fair trial?", front: "What was Beria accused of? What was his fate?")
    #expect(points == ["Being a British spy", "he was shot without a fair trial"])
  }

  @Test("Code fences and table rulers are dropped")
  func markdown() {
    #expect(
      Self.points("Split the list in half.\n```python\ndef f(): pass\n```\n| a | b |\n|---|---|") == [
        "Split the list in half", "a b",
      ])
  }

  @Test("The splitter agrees with every hand count of the development set")
  func agreesWithHandCounts() throws {
    for answer in try LabelledAnswers.development() {
      #expect(
        AnswerKey(expected: answer.expected, front: answer.front).points.count == answer.pointsTotal,
        "\(answer.deck)#\(answer.card)")
    }
  }
}
