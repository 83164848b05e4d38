/// Anki's card flags and the tags Recall keeps them as (Recall has no flag of its own; a tag survives every
/// export and shows in search).
enum AnkiFlag {
  static let names = ["red", "orange", "green", "blue", "pink", "turquoise", "purple"]

  /// `flag:red` … `flag:purple` for Anki's flags 1–7.
  static func tag(_ flags: Int) -> String? {
    let flag = flags & 7
    return flag >= 1 && flag <= names.count ? "flag:" + names[flag - 1] : nil
  }

  /// The flag number a tag stands for.
  static func number(tag: String) -> Int? {
    guard tag.hasPrefix("flag:") else { return nil }
    return names.firstIndex(of: String(tag.dropFirst(5))).map { $0 + 1 }
  }
}
