import Foundation
import RecallCore

/// Charts drawn on the server as inline SVG: no chart library, no script, and they print. Colours come from
/// CSS classes, so they follow the light or dark theme. Every chart has a title and a text label for screen
/// readers, and the pages put the key numbers beside it.
enum Charts {
  /// A GitHub-style calendar of answers per day: one column per week, Monday at the top.
  static func heatmap(_ days: [CollectionStatistics.Day], calendar: Calendar = .current) -> HTML {
    guard let first = days.first else { return HTML() }
    let cell = 13.0
    let gap = 3.0
    let left = 30.0
    let top = 18.0
    // Monday = 0 … Sunday = 6.
    let offset = (calendar.component(.weekday, from: first.date) + 5) % 7
    let weeks = (days.count + offset + 6) / 7
    let width = left + Double(weeks) * (cell + gap)
    let height = top + 7 * (cell + gap)
    let maximum = max(1, days.map(\.reviews).max() ?? 1)
    var parts: [String] = []
    var lastMonth = -1
    var lastLabelColumn = -10
    for (index, day) in days.enumerated() {
      let column = (index + offset) / 7
      let row = (index + offset) % 7
      let x = left + Double(column) * (cell + gap)
      let y = top + Double(row) * (cell + gap)
      let level = day.reviews == 0 ? 0 : min(4, 1 + (day.reviews * 4 - 1) / maximum)
      let label = "\(Components.shortDate(day.date)): \(Components.plural(day.reviews, "answer"))"
      parts.append(
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" rx=\"2.5\" "
          + "class=\"heat heat-\(level)\"><title>\(HTML.escape(label))</title></rect>")
      let month = calendar.component(.month, from: day.date)
      // A month's name over its first week, unless the previous name is too close (a partial first week).
      if month != lastMonth, column < weeks - 1, column - lastLabelColumn >= 3 {
        lastMonth = month
        lastLabelColumn = column
        let name = calendar.shortMonthSymbols[month - 1]
        parts.append("<text x=\"\(f(x))\" y=\"12\" class=\"axis\">\(name)</text>")
      }
    }
    for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
      parts.append(
        "<text x=\"0\" y=\"\(f(top + Double(row) * (cell + gap) + cell - 2))\" class=\"axis\">\(name)</text>")
    }
    let total = days.reduce(0) { $0 + $1.reviews }
    let title = "Answers per day over the last year: \(Components.number(total)) in all"
    return svg(width: width, height: height, title: title, className: "chart heatmap", body: parts.joined())
  }

  /// Vertical bars with a label under each (some labels skipped when crowded) and the value above each bar
  /// when there is room.
  static func bars(
    _ values: [Int], labels: [String], title: String, className: String = "bar-fill", highlightFirst: Bool = false
  ) -> HTML {
    let width = 640.0
    let height = 220.0
    let bottom = 30.0
    let top = 22.0
    let count = max(1, values.count)
    let slot = width / Double(count)
    let barWidth = max(2, slot * 0.72)
    let maximum = max(1, values.max() ?? 1)
    let every = max(1, Int((Double(count) / 10).rounded(.up)))
    var parts: [String] = [
      "<line x1=\"0\" y1=\"\(f(height - bottom))\" x2=\"\(f(width))\" y2=\"\(f(height - bottom))\" class=\"baseline\"/>"
    ]
    for (index, value) in values.enumerated() {
      let barHeight = Double(value) / Double(maximum) * (height - bottom - top)
      let x = Double(index) * slot + (slot - barWidth) / 2
      let y = height - bottom - barHeight
      let extra = highlightFirst && index == 0 ? " bar-today" : ""
      let label = labels.indices.contains(index) ? labels[index] : ""
      parts.append(
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(max(0, barHeight)))\" rx=\"3\" "
          + "class=\"\(className)\(extra)\"><title>\(HTML.escape("\(label): \(Components.number(value))"))</title></rect>"
      )
      if count <= 16, value > 0 {
        parts.append(
          "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(y - 6))\" class=\"value\" text-anchor=\"middle\">"
            + "\(Components.number(value))</text>")
      }
      if index % every == 0 {
        // The first label starts at the edge rather than centring past it.
        let anchor = index == 0 && count > 16 ? "start" : "middle"
        let labelX = anchor == "start" ? x : x + barWidth / 2
        parts.append(
          "<text x=\"\(f(labelX))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"\(anchor)\">"
            + "\(HTML.escape(label))</text>")
      }
    }
    return svg(width: width, height: height, title: title, className: "chart", body: parts.joined())
  }

  /// Retention week by week against the desired retention (dashed); weeks without reviews leave a gap.
  static func retention(_ weeks: [CollectionStatistics.Week], target: Double) -> HTML {
    guard weeks.contains(where: { $0.reviews > 0 }) else {
      return """
        <div class="chart-empty"><p>No reviews yet. Retention shows once cards come back for review, \
        a day or more after you first learn them.</p></div>
        """
    }
    let width = 640.0
    let height = 220.0
    let left = 44.0
    let bottom = 30.0
    let top = 14.0
    let low = 0.5
    func y(_ value: Double) -> Double {
      top + (1 - (max(low, min(1, value)) - low) / (1 - low)) * (height - top - bottom)
    }
    let step = (width - left - 10) / Double(max(1, weeks.count - 1))
    var parts = percentGrid([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], left: left, width: width, y: y)
    parts.append(targetLine(target, label: "Desired retention", left: left, width: width, y: y))
    var segment: [String] = []
    var paths: [String] = []
    for (index, week) in weeks.enumerated() {
      let x = left + Double(index) * step
      if let value = week.retention {
        segment.append("\(f(x)),\(f(y(value)))")
        let label = "Week of \(Components.shortDate(week.start)): \(Components.percent(value)) of \(week.reviews)"
        parts.append(
          "<circle cx=\"\(f(x))\" cy=\"\(f(y(value)))\" r=\"4.5\" class=\"point\"><title>\(HTML.escape(label))</title>"
            + "</circle>")
      } else if !segment.isEmpty {
        paths.append(segment.joined(separator: " "))
        segment = []
      }
      if index % 3 == 0 || index == weeks.count - 1 {
        let anchor = index == 0 ? "start" : index == weeks.count - 1 ? "end" : "middle"
        parts.append(
          "<text x=\"\(f(x))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"\(anchor)\">"
            + "\(HTML.escape(Components.shortDate(week.start)))</text>")
      }
    }
    if !segment.isEmpty { paths.append(segment.joined(separator: " ")) }
    let lines = paths.map { "<polyline points=\"\($0)\" class=\"line\"/>" }
    let title = "True retention per week over the last \(weeks.count) weeks"
    return svg(
      width: width, height: height, title: title, className: "chart", body: (lines + parts).joined())
  }

  /// A card's forgetting curve: recall probability from its last review until well past its due date, with
  /// a marker at now and the desired retention dashed.
  static func forgettingCurve(_ card: Card, model: FSRSModel, desiredRetention: Double, now: Date = Date()) -> HTML {
    guard let stability = card.schedule.stability, let last = card.schedule.lastReview else { return HTML() }
    let width = 640.0
    let height = 220.0
    let left = 44.0
    let bottom = 30.0
    let top = 14.0
    let dueDays = max(1, card.schedule.due.timeIntervalSince(last) / 86_400)
    let nowDays = max(0, now.timeIntervalSince(last) / 86_400)
    let span = max(dueDays * 2, nowDays * 1.2, 2)
    func x(_ days: Double) -> Double { left + days / span * (width - left - 10) }
    func y(_ value: Double) -> Double { top + (1 - value) * (height - top - bottom) }
    var points: [String] = []
    for index in 0...80 {
      let days = span * Double(index) / 80
      points.append("\(f(x(days))),\(f(y(model.retrievability(elapsedDays: days, stability: stability))))")
    }
    var parts = percentGrid([0.0, 0.25, 0.5, 0.75, 1.0], left: left, width: width, y: y)
    parts.append(targetLine(desiredRetention, label: "Desired retention", left: left, width: width, y: y))
    parts.append("<polyline points=\"\(points.joined(separator: " "))\" class=\"line\"/>")
    let recallNow = model.retrievability(elapsedDays: nowDays, stability: stability)
    parts.append(
      "<line x1=\"\(f(x(dueDays)))\" y1=\"\(f(top))\" x2=\"\(f(x(dueDays)))\" y2=\"\(f(height - bottom))\" "
        + "class=\"due-line\"/><text x=\"\(f(x(dueDays) + 6))\" y=\"\(f(top + 12))\" class=\"axis\">due</text>")
    parts.append(
      "<circle cx=\"\(f(x(nowDays)))\" cy=\"\(f(y(recallNow)))\" r=\"6\" class=\"point now\"><title>Now: "
        + "\(Components.percent(recallNow))</title></circle>"
        + "<text x=\"\(f(x(nowDays) + 9))\" y=\"\(f(y(recallNow) - 9))\" class=\"value\">now \(Components.percent(recallNow))</text>"
    )
    for fraction in [0.0, 0.25, 0.5, 0.75, 1.0] {
      let days = span * fraction
      let anchor = fraction == 0 ? "start" : fraction == 1 ? "end" : "middle"
      let label = fraction == 0 ? "last review" : "+" + IntervalText.describe(days: days)
      parts.append(
        "<text x=\"\(f(x(days)))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"\(anchor)\">"
          + "\(HTML.escape(label))</text>")
    }
    let title = "Recall probability since the last review: \(Components.percent(recallNow)) now"
    return svg(width: width, height: height, title: title, className: "chart", body: parts.joined())
  }

  /// How ready the learner is for the exam, day by day: the mean exam-day recall of the deck's cards if the plan
  /// is followed through each day, starting from where it stands with no more study, against the target (dashed).
  static func readiness(_ days: [(start: Date, readiness: Double)], now: Double, target: Double) -> HTML {
    let width = 640.0
    let height = 220.0
    let left = 44.0
    let bottom = 30.0
    let top = 14.0
    func y(_ value: Double) -> Double { top + (1 - max(0, min(1, value))) * (height - top - bottom) }
    let points: [(label: String, value: Double)] =
      [("Now", now)] + days.map { (Components.shortDate($0.start), $0.readiness) }
    let step = (width - left - 10) / Double(max(1, points.count - 1))
    var parts = percentGrid([0.0, 0.25, 0.5, 0.75, 1.0], left: left, width: width, y: y)
    parts.append(targetLine(target, label: "Target", left: left, width: width, y: y))
    let line = points.indices.map { "\(f(left + Double($0) * step)),\(f(y(points[$0].value)))" }
    parts.append("<polyline points=\"\(line.joined(separator: " "))\" class=\"line\"/>")
    let every = max(1, Int((Double(points.count) / 7).rounded(.up)))
    for (index, point) in points.enumerated() {
      let x = left + Double(index) * step
      let label = index == 0 ? "Now, with no more study" : "After \(point.label)"
      parts.append(
        "<circle cx=\"\(f(x))\" cy=\"\(f(y(point.value)))\" r=\"\(points.count > 40 ? 2.5 : 4)\" class=\"point\">"
          + "<title>\(HTML.escape("\(label): \(Components.percent(point.value))"))</title></circle>")
      // Every few days a date, and always the last day; a label too close to the last one is left out.
      let isLast = index == points.count - 1
      if isLast || (index % every == 0 && points.count - 1 - index >= (every + 1) / 2) {
        let anchor = index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"
        parts.append(
          "<text x=\"\(f(x))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"\(anchor)\">"
            + "\(HTML.escape(point.label))</text>")
      }
    }
    let title =
      "Predicted exam-day recall as the plan is followed: \(Components.percent(now)) now, "
      + "\(Components.percent(points.last?.value ?? now)) by the exam"
    return svg(width: width, height: height, title: title, className: "chart", body: parts.joined())
  }

  /// Horizontal grid lines at `marks` (fractions), labelled as percentages on the left.
  private static func percentGrid(_ marks: [Double], left: Double, width: Double, y: (Double) -> Double) -> [String] {
    marks.map { mark in
      "<line x1=\"\(f(left))\" y1=\"\(f(y(mark)))\" x2=\"\(f(width))\" y2=\"\(f(y(mark)))\" class=\"grid\"/>"
        + "<text x=\"\(f(left - 8))\" y=\"\(f(y(mark) + 4))\" class=\"axis\" text-anchor=\"end\">"
        + "\(Int(mark * 100))%</text>"
    }
  }

  /// A dashed line at a goal such as the desired retention.
  private static func targetLine(
    _ value: Double, label: String, left: Double, width: Double, y: (Double) -> Double
  ) -> String {
    "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(width))\" y2=\"\(f(y(value)))\" class=\"target\">"
      + "<title>\(label) \(Int((value * 100).rounded()))%</title></line>"
  }

  private static func svg(width: Double, height: Double, title: String, className: String, body: String) -> HTML {
    HTML(
      trusted: "<svg class=\"\(className)\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
        + "aria-label=\"\(HTML.escape(title))\" preserveAspectRatio=\"xMinYMin meet\"><title>\(HTML.escape(title))"
        + "</title>\(body)</svg>")
  }

  private static func f(_ value: Double) -> String { Components.format(value) }
}
