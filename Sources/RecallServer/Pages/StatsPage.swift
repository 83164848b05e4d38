import Foundation
import RecallCore

/// The Stats page: today at a glance, then each chart with its key numbers beside it.
enum StatsPage {
  static func render(
    _ statistics: CollectionStatistics, exams: [ExamOverview] = [], deckID: Int64?, decks: [Int64: String]
  ) -> Page {
    let base = statistics.base
    let deckOptions: [(value: String, label: String)] =
      [("", "All decks")]
      + decks.sorted { $0.value.localizedCaseInsensitiveCompare($1.value) == .orderedAscending }
      .map { (String($0.key), $0.value) }
    let picker: HTML = """
      <form method="get" action="/stats" class="inline-filter" data-autosubmit>
      \(Components.select(name: "deck", label: "Deck", options: deckOptions, selected: deckID.map { String($0) } ?? "", id: "stats-deck"))
      <noscript><button class="btn btn-secondary btn-small" type="submit">Show</button></noscript>
      </form>
      """
    let studiedCards = base.learning + base.review
    let tiles: HTML = """
      <div class="tiles">
      \(tile(Components.number(base.reviewedToday), "answered today", detail: "\(Components.percent(base.accuracyToday)) remembered"))
      \(tile(minutes(base.secondsToday), "studied today", detail: "\(Components.plural(base.reviewsPerDay.reduce(0, +), "answer")) in 30 days"))
      \(tile(Components.percent(base.averageRetrievability), "average recall now", detail: "over \(Components.plural(studiedCards, "studied card"))"))
      \(tile(Components.number(base.new + base.learning + base.review), "cards", detail: "\(Components.number(base.new)) new · \(Components.number(base.learning)) learning · \(Components.number(base.review)) review"))
      </div>
      """
    let sections =
      exams.flatMap(examSections) + [
        reviewsSection(statistics), forecastSection(base), retentionSection(statistics),
        stabilitySection(statistics), retrievabilitySection(statistics),
      ]
    return Page(
      title: "Stats", section: .stats,
      body: """
        \(Components.header("Stats", subtitle: "How your memory is doing, from every answer you gave.", actions: picker))
        \(tiles)
        <div class="chart-grid">\(sections)</div>
        """)
  }

  private static func tile(_ value: String, _ label: String, detail: String) -> HTML {
    """
    <div class="tile"><span class="tile-value">\(value)</span><span class="tile-label">\(label)</span>\
    <span class="tile-detail">\(detail)</span></div>
    """
  }

  private static func section(
    _ title: String, id: String, chart: HTML, facts: [(String, String)], note: String? = nil, wide: Bool = false
  ) -> HTML {
    let items = facts.map { "<div><dt>\($0.1)</dt><dd>\($0.0)</dd></div>" as HTML }
    return """
      <section class="chart-card" aria-labelledby="\(id)">
      <h2 id="\(id)">\(title)</h2>
      <div class="chart-body\(wide ? " wide" : "")"><div class="chart-figure">\(chart)</div><dl class="facts">\(items)</dl></div>
      \(note.map { "<p class=\"chart-note\">\($0)</p>" as HTML })
      </section>
      """
  }

  private static func reviewsSection(_ statistics: CollectionStatistics) -> HTML {
    let counts = statistics.days.map(\.reviews)
    let total = counts.reduce(0, +)
    let activeDays = counts.filter { $0 > 0 }.count
    var streak = 0
    // Today without answers yet does not break a streak that ran to yesterday.
    for (index, count) in counts.reversed().enumerated() {
      if count > 0 { streak += 1 } else if index > 0 { break }
    }
    let average = activeDays == 0 ? 0 : Int((Double(total) / Double(activeDays)).rounded())
    return section(
      "Reviews per day", id: "chart-reviews",
      chart: "<div class=\"scroll-end\">\(Charts.heatmap(statistics.days))</div>",
      facts: [
        (Components.number(total), "answers in the last year"),
        ("\(activeDays) of \(statistics.days.count)", "days with study"),
        (Components.plural(streak, "day"), "current streak"),
        (Components.number(average), "answers on a study day"),
      ], wide: true)
  }

  /// A deck's exam: readiness day by day, then the plan's workload.
  private static func examSections(_ exam: ExamOverview) -> [HTML] {
    let plan = exam.plan
    let status = plan.status
    let settings = plan.settings
    let id = "chart-exam-\(exam.deckID)"
    let readiness = section(
      "Exam readiness · \(exam.deck)", id: id,
      chart: Charts.readiness(
        zip(exam.dayStarts, plan.days).map { ($0, $1.readiness) }, now: status.meanRecallWithoutStudy,
        target: settings.targetRecall),
      facts: [
        (Components.plural(status.daysLeft, "day"), "left until \(settings.examDate)"),
        (Components.percent(status.predictedMeanRecall), "predicted exam-day recall"),
        (
          Components.number(status.cardsBelowTarget),
          "cards below the \(Components.percent(settings.targetRecall)) target"
        ),
        (Components.percent(status.meanRecallWithoutStudy), "with no more study"),
      ],
      note: plan.unreachable.isEmpty
        ? "Each point is the deck's mean chance of recall on the exam day if you follow the plan up to that day."
        : "\(Components.plural(plan.unreachable.count, "card")) cannot reach the target in time within "
          + "\(Components.number(settings.maximumCardsPerDay)) cards a day: raise the limit in Settings.")
    let labels = plan.days.indices.map { $0 == 0 ? "Today" : Components.shortDate(exam.dayStarts[$0]) }
    let workload = section(
      "Exam plan · \(exam.deck)", id: "\(id)-plan",
      chart: Charts.bars(
        plan.days.map(\.count), labels: labels, title: "Cards planned on each day until the exam",
        highlightFirst: true),
      facts: [
        (Components.number(status.todayNewCards + status.todayReviews), "cards today"),
        (Components.number(status.todayNewCards), "of them new"),
        (Components.number(plan.days.map(\.count).max() ?? 0), "on the busiest day"),
        (Components.number(settings.maximumCardsPerDay), "daily limit"),
      ],
      note: "The plan is made again each day from what you actually studied, so a forgotten card comes back sooner.")
    return [readiness, workload]
  }

  private static func forecastSection(_ base: DeckStatistics) -> HTML {
    let labels = base.forecast.indices.map { $0 == 0 ? "Today" : $0 == 1 ? "Tmrw" : "+\($0)" }
    let week = base.forecast.prefix(7).reduce(0, +)
    let month = base.forecast.reduce(0, +)
    return section(
      "Due forecast", id: "chart-forecast",
      chart: Charts.bars(
        base.forecast, labels: labels, title: "Reviews due on each of the next 30 days", highlightFirst: true),
      facts: [
        (Components.number(base.forecast.first ?? 0), "due today (overdue included)"),
        (Components.number(base.forecast.dropFirst().first ?? 0), "due tomorrow"),
        (Components.number(week), "in the next 7 days"),
        (Components.number(month), "in the next 30 days"),
      ],
      note: "New cards are not counted: they come in at each deck's daily limit.")
  }

  private static func retentionSection(_ statistics: CollectionStatistics) -> HTML {
    let base = statistics.base
    let reviews = statistics.weeks.reduce(0) { $0 + $1.reviews }
    let passed = statistics.weeks.reduce(0) { $0 + $1.passed }
    return section(
      "True retention", id: "chart-retention",
      chart: Charts.retention(statistics.weeks, target: statistics.desiredRetention),
      facts: [
        (Components.percent(reviews == 0 ? nil : Double(passed) / Double(reviews)), "over 16 weeks"),
        (Components.percent(base.trueRetentionYoung), "young cards, 30 days (\(Components.number(base.youngReviews)))"),
        (
          Components.percent(base.trueRetentionMature),
          "mature cards, 30 days (\(Components.number(base.matureReviews)))"
        ),
        (Components.percent(statistics.desiredRetention), "desired retention (dashed)"),
      ],
      note: "The share of reviews not answered Again. Young cards have intervals under 21 days.")
  }

  private static func stabilitySection(_ statistics: CollectionStatistics) -> HTML {
    let total = statistics.stability.reduce(0) { $0 + $1.count }
    let mature = statistics.stability.suffix(from: 4).reduce(0) { $0 + $1.count }
    return section(
      "Stability", id: "chart-stability",
      chart: Charts.bars(
        statistics.stability.map(\.count), labels: statistics.stability.map(\.label),
        title: "Studied cards by stability: how long until recall drops to 90%", className: "bar-fill bar-alt"),
      facts: [
        (statistics.medianStability.map { IntervalText.describe(days: $0) } ?? "—", "median stability"),
        (Components.number(total), "studied cards"),
        (Components.percent(total == 0 ? nil : Double(mature) / Double(total)), "stable for 3 weeks or more"),
      ],
      note: "Stability is the time it takes for the chance of recalling a card to fall to 90%.")
  }

  private static func retrievabilitySection(_ statistics: CollectionStatistics) -> HTML {
    let total = statistics.retrievability.reduce(0) { $0 + $1.count }
    // Bucket i holds recall probabilities from i×10% to (i+1)×10%.
    let below = statistics.retrievability.enumerated()
      .filter { Double($0.offset + 1) / 10 <= statistics.desiredRetention + 1e-9 }
      .reduce(0) { $0 + $1.element.count }
    return section(
      "Retrievability", id: "chart-retrievability",
      chart: Charts.bars(
        statistics.retrievability.map(\.count),
        labels: statistics.retrievability.map { String($0.label.prefix { $0 != "–" }) + "%" },
        title: "Studied cards by their chance of being recalled now", className: "bar-fill bar-alt2"),
      facts: [
        (Components.percent(statistics.base.averageRetrievability), "average chance of recall"),
        (Components.number(below), "below the desired retention"),
        (Components.number(total), "studied cards"),
      ],
      note: "Each bar counts cards by the chance, now, that you would recall them.")
  }

  private static func minutes(_ seconds: Double) -> String {
    let minutes = Int((seconds / 60).rounded())
    return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
  }
}
