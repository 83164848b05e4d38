import Foundation
import RecallCore

/// Pieces several pages share.
enum Components {
  /// The page heading with an optional line under it and actions on the right.
  static func header(_ title: String, subtitle: HTML? = nil, actions: HTML? = nil) -> HTML {
    """
    <div class="page-header">
    <div class="page-heading"><h1>\(title)</h1>\(subtitle.map { "<p class=\"subtitle\">\($0)</p>" as HTML })</div>
    \(actions.map { "<div class=\"page-actions\">\($0)</div>" as HTML })
    </div>
    """
  }

  /// A notice: `info`, `success`, `warning` or `error`.
  static func notice(_ message: HTML, kind: String = "info") -> HTML {
    let role = kind == "error" ? "alert" : "status"
    return "<div class=\"notice notice-\(kind)\" role=\"\(role)\">\(message)</div>"
  }

  /// An empty state: what is missing and the action that fixes it.
  static func emptyState(title: String, message: HTML, action: HTML? = nil) -> HTML {
    """
    <section class="empty-state">
    <div class="empty-art" aria-hidden="true">\(Icons.logo)</div>
    <h2>\(title)</h2>
    <p>\(message)</p>
    \(action)
    </section>
    """
  }

  /// A horizontal bar split into segments by share, drawn as SVG (inline styles are barred by the CSP).
  static func stackedBar(_ segments: [(count: Int, className: String)], label: String) -> HTML {
    let total = max(1, segments.reduce(0) { $0 + $1.count })
    var x = 0.0
    var rects: [HTML] = []
    for segment in segments where segment.count > 0 {
      let width = Double(segment.count) / Double(total) * 100
      rects.append(
        HTML(
          trusted: "<rect x=\"\(format(x))%\" y=\"0\" width=\"\(format(width))%\" height=\"100%\" "
            + "class=\"\(segment.className)\"/>"))
      x += width
    }
    return """
      <svg class="bar" role="img" aria-label="\(label)" preserveAspectRatio="none"><title>\(label)</title>\
      <rect x="0" y="0" width="100%" height="100%" class="bar-track"/>\(rects)</svg>
      """
  }

  /// A number with thousands separators.
  static func number(_ value: Int) -> String {
    let digits = String(abs(value))
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }

  /// A share as a whole percentage, or a dash.
  static func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return "\(Int((value * 100).rounded()))%"
  }

  /// `count` and the noun, singular or plural.
  static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number(count)) \(count == 1 ? singular : (plural ?? singular + "s"))"
  }

  /// A date relative to now in words: `in 3 days`, `2 hours ago`.
  static func relative(_ date: Date, now: Date = Date()) -> String {
    let seconds = date.timeIntervalSince(now)
    let magnitude = abs(seconds)
    let text: String
    switch magnitude {
    case ..<60: return seconds >= 0 ? "in a moment" : "just now"
    case ..<3600: text = plural(Int(magnitude / 60), "minute")
    case ..<86_400: text = plural(Int(magnitude / 3600), "hour")
    case ..<(86_400 * 60): text = plural(Int((magnitude / 86_400).rounded()), "day")
    case ..<(86_400 * 730): text = plural(Int((magnitude / (86_400 * 30.4)).rounded()), "month")
    default: text = plural(Int((magnitude / (86_400 * 365)).rounded()), "year")
    }
    return seconds >= 0 ? "in \(text)" : "\(text) ago"
  }

  /// A date as `12 Mar 2026, 14:05` in the server's time zone.
  static func dateTime(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "d MMM yyyy, HH:mm"
    return formatter.string(from: date)
  }

  /// A date as `12 Mar`.
  static func shortDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "d MMM"
    return formatter.string(from: date)
  }

  /// A card's state as a coloured label.
  static func stateBadge(_ card: Card, now: Date = Date()) -> HTML {
    if card.flagged { return "<span class=\"badge badge-flagged\">Missing a side</span>" }
    if card.suspended { return "<span class=\"badge badge-muted\">Suspended</span>" }
    if let buried = card.buriedUntil, buried > now { return "<span class=\"badge badge-muted\">Buried</span>" }
    switch card.schedule.phase {
    case .new: return "<span class=\"badge badge-new\">New</span>"
    case .learning: return "<span class=\"badge badge-learning\">Learning</span>"
    case .relearning: return "<span class=\"badge badge-learning\">Relearning</span>"
    case .review: return "<span class=\"badge badge-review\">Review</span>"
    }
  }

  /// A `<select>` with a visible label.
  static func select(
    name: String, label: String, options: [(value: String, label: String)], selected: String, id: String? = nil
  ) -> HTML {
    let id = id ?? "field-\(name)"
    let items = options.map { option -> HTML in
      "<option value=\"\(option.value)\"\(HTML.when(option.value == selected, " selected"))>\(option.label)</option>"
    }
    return """
      <div class="field"><label for="\(id)">\(label)</label>\
      <select id="\(id)" name="\(name)">\(items)</select></div>
      """
  }

  /// A number for SVG attributes: at most two decimals, no exponent.
  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
  }
}
