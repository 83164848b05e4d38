/// The app's icons: inline SVG stroked with the text colour, hidden from screen readers (each sits beside a
/// label).
enum Icons {
  /// The mark beside the app's name.
  static let logo: HTML = """
    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">\
    <rect x="3" y="7" width="20" height="16" rx="4" class="logo-back"/>\
    <rect x="9" y="10" width="20" height="16" rx="4" class="logo-front"/>\
    <path d="M15 18.5l3 3 6-6.5" class="logo-check"/></svg>
    """

  /// The icon of a navigation tab.
  static func icon(for section: Page.Section) -> HTML {
    switch section {
    case .decks:
      return stroke("M4 7.5h16M6 4h12M5 11h14a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z")
    case .importer: return stroke("M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14")
    case .browse: return stroke("M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20")
    case .stats: return stroke("M5 20V11M10 20V5M15 20v-7M20 20V8")
    case .settings: return stroke("M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4")
    default: return HTML()
    }
  }

  /// A small icon by name, for buttons.
  static func small(_ name: String) -> HTML {
    switch name {
    case "undo": return stroke("M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11")
    case "play": return stroke("M8 5.5v13l10.5-6.5z")
    case "edit": return stroke("M15.5 4.5l4 4L9 19H5v-4z")
    case "trash": return stroke("M5 7h14M10 11v6M14 11v6M6 7l1 12h10l1-12M9 7V4h6v3")
    case "merge": return stroke("M7 4v5a5 5 0 0 0 5 5 5 5 0 0 1 5 5v1M17 4v5a5 5 0 0 1-2 4")
    case "split": return stroke("M12 4v6M12 10 6 18M12 10l6 8")
    case "warning": return stroke("M12 4 3 20h18zM12 10v4M12 17v.5")
    case "check": return stroke("M5 12.5l4.5 4.5L19 7.5")
    case "upload": return stroke("M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14")
    default: return HTML()
    }
  }

  private static func stroke(_ path: String) -> HTML {
    """
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="\(path)"/></svg>
    """
  }
}
