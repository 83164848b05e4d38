import Foundation
import RecallCore

/// Settings: how each deck is studied, and the app's theme.
enum SettingsPage {
  static func render(
    deck: (id: Int64, name: String)?, options: DeckOptions?, exam: ExamOverview? = nil, decks: [Int64: String],
    notice: HTML?, context: AppContext
  ) -> Page {
    let theme: HTML = """
      <form method="post" action="/settings/theme" class="panel theme-form">\(Layout.csrfField(context))
      <fieldset><legend><h2>Appearance</h2></legend>
      <div class="radio-row">\(Theme.allCases.map { themeOption($0, current: context.theme) })</div>
      </fieldset>
      <div class="form-actions"><button class="btn btn-secondary" type="submit" data-theme-submit>Apply</button></div>
      </form>
      """
    var deckSection: HTML
    if let deck, let options {
      let deckOptions: [(value: String, label: String)] =
        decks.sorted { $0.value.localizedCaseInsensitiveCompare($1.value) == .orderedAscending }
        .map { (String($0.key), $0.value) }
      deckSection = """
        <form method="get" action="/settings" class="inline-filter" data-autosubmit>
        \(Components.select(name: "deck", label: "Deck", options: deckOptions, selected: String(deck.id), id: "settings-deck"))
        <noscript><button class="btn btn-secondary btn-small" type="submit">Show</button></noscript>
        </form>
        \(optionsForm(deck: deck, options: options, context: context))
        \(examForm(deck: deck, options: options, exam: exam, context: context))
        """
    } else {
      deckSection = """
        <section class="panel"><h2>Study</h2><p class="muted">Import a deck to set how it is studied.</p></section>
        """
    }
    return Page(
      title: "Settings", section: .settings,
      body: """
        \(Components.header("Settings", subtitle: "Each deck keeps its own limits and goal."))
        \(notice)
        <div class="settings-layout">
        <div class="settings-main">\(deckSection)</div>
        <div class="settings-side">\(theme)</div>
        </div>
        """)
  }

  private static func themeOption(_ theme: Theme, current: Theme) -> HTML {
    """
    <label class="radio-card"><input type="radio" name="theme" value="\(theme.rawValue)"\
    \(HTML.when(theme == current, " checked"))><span class="theme-swatch theme-\(theme.rawValue)" aria-hidden="true">\
    </span><span>\(theme.label)</span></label>
    """
  }

  private static func optionsForm(deck: (id: Int64, name: String), options: DeckOptions, context: AppContext) -> HTML {
    let retention = String(format: "%.2f", options.desiredRetention)
    return """
      <form method="post" action="/settings/deck/\(deck.id)" class="panel options-form" id="options-form">
      \(Layout.csrfField(context))
      <h2>Study options for <span class="deck-title">\(deck.name)</span></h2>
      <div class="field retention-field">
      <label for="opt-retention">Desired retention</label>
      <div class="range-row"><input id="opt-retention" name="desiredRetention" type="range" min="0.70" max="0.99" \
      step="0.01" value="\(retention)" aria-describedby="retention-help" data-output="retention-output">\
      <output id="retention-output" for="opt-retention">\(Components.percent(options.desiredRetention))</output></div>
      <p class="hint" id="retention-help">The chance of remembering a card when it comes back. Higher means more \
      reviews; 90% suits most decks.</p>
      </div>
      <div class="field-grid">
      \(number("newCardsPerDay", "New cards per day", options.newCardsPerDay, min: 0, max: 100_000))
      \(number("reviewsPerDay", "Reviews per day", options.reviewsPerDay, min: 0, max: 100_000))
      \(number("dayStartHour", "Next day starts at (hour)", options.dayStartHour, min: 0, max: 23))
      \(number("maximumInterval", "Longest interval (days)", options.maximumInterval, min: 1, max: 36_500))
      <div class="field"><label for="opt-learning">Learning steps</label>\
      <input id="opt-learning" name="learningSteps" type="text" value="\(StepText.format(options.learningSteps))" \
      pattern="[0-9smhd .]+" aria-describedby="steps-help"></div>
      <div class="field"><label for="opt-relearning">Relearning steps</label>\
      <input id="opt-relearning" name="relearningSteps" type="text" value="\(StepText.format(options.relearningSteps))" \
      pattern="[0-9smhd .]*" aria-describedby="steps-help"></div>
      \(number("leechThreshold", "Leech after lapses (0: never)", options.leechThreshold, min: 0, max: 100))
      \(Components.select(name: "leechAction", label: "Then", options: [("tag", "Tag it “leech”"), ("suspend", "Tag and suspend it")], selected: options.leechAction.rawValue, id: "opt-leech-action"))
      </div>
      <p class="hint" id="steps-help">Steps are times like <code>1m 10m</code>, <code>1h</code> or <code>1d</code>.</p>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Save options</button></div>
      </form>
      """
  }

  /// Exam mode: a date, a target and a daily limit; with an exam set, where the plan stands and a way to clear it.
  private static func examForm(
    deck: (id: Int64, name: String), options: DeckOptions, exam: ExamOverview?, context: AppContext
  ) -> HTML {
    let tomorrow = SchedulingDay.calendarDate(ofDay: options.day.number(of: Date()) + 1)
    let settings = exam?.plan.settings
    var summary: HTML = """
      <p class="hint">Set the date of an exam and Recall plans each day so that every card reaches the target       recall on the exam day, within your daily limit. After the exam, normal scheduling resumes.</p>
      """
    if let exam, let settings {
      let status = exam.plan.status
      let shortfall: HTML =
        exam.plan.unreachable.isEmpty
        ? "every card on track"
        : "\(Components.plural(exam.plan.unreachable.count, "card")) cannot make it in time"
      summary = """
        <p class="exam-summary">Exam on <strong>\(settings.examDate)</strong>: \(Components.plural(status.daysLeft, "day")) \
        left, predicted exam-day recall <strong>\(Components.percent(status.predictedMeanRecall))</strong> \
        (\(shortfall)). Today: \(status.todayNewCards) new, \(status.todayReviews) reviews. \
        <a href="/stats?deck=\(deck.id)#chart-exam-\(deck.id)">Readiness and plan</a></p>
        """
    }
    let target = Int(((settings?.targetRecall ?? ExamSettings.defaultTargetRecall) * 100).rounded())
    return """
      <form method="post" action="/settings/deck/\(deck.id)/exam" class="panel exam-form" id="exam">
      \(Layout.csrfField(context))
      <h2>Exam</h2>
      \(summary)
      <div class="field-grid">
      <div class="field"><label for="exam-date">Exam date</label>\
      <input id="exam-date" name="date" type="date" min="\(tomorrow)" value="\(settings?.examDate ?? "")" required></div>
      <div class="field"><label for="exam-target">Target recall (%)</label>\
      <input id="exam-target" name="target" type="number" inputmode="numeric" min="50" max="99" value="\(target)" \
      required></div>
      <div class="field"><label for="exam-cap">Cards per day at most</label>\
      <input id="exam-cap" name="maxPerDay" type="number" inputmode="numeric" min="1" max="100000" \
      value="\(settings?.maximumCardsPerDay ?? ExamSettings.defaultMaximumCardsPerDay)" required></div>
      </div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">\(exam == nil ? "Set exam" : "Update exam")\
      </button>\(HTML.when(exam != nil, "<button class=\"btn btn-secondary\" type=\"submit\" name=\"action\" value=\"clear\" formnovalidate>Clear exam</button>"))</div>
      </form>
      """
  }

  private static func number(_ name: String, _ label: String, _ value: Int, min: Int, max: Int) -> HTML {
    """
    <div class="field"><label for="opt-\(name)">\(label)</label>\
    <input id="opt-\(name)" name="\(name)" type="number" inputmode="numeric" min="\(min)" max="\(max)" \
    value="\(value)" required></div>
    """
  }
}
