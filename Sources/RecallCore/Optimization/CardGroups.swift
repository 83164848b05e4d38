/// Items grouped by card for one-pass replay: each group's items are prefixes of its last
/// (longest) item and end at different reviews, sorted by length. Items that do not fit a group
/// (a different history under the same card ID, or a duplicate) are listed apart.
struct CardGroups {
  var groups: [[Int]] = []
  var unshared: [Int] = []

  init(_ items: [FSRSItem]) {
    var byCard: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      if let group = byCard[item.cardID] {
        groups[group].append(index)
      } else {
        byCard[item.cardID] = groups.count
        groups.append([index])
      }
    }
    for g in groups.indices where groups[g].count > 1 {
      // By length, then input order, so that equal lengths resolve the same way every time.
      groups[g].sort { (items[$0].reviews.count, $0) < (items[$1].reviews.count, $1) }
      let base = items[groups[g].last!].reviews
      var shared: [Int] = []
      for index in groups[g] {
        let sameEnd = shared.last.map { items[$0].reviews.count == items[index].reviews.count } ?? false
        if !sameEnd && Self.isPrefix(items[index].reviews, of: base) {
          shared.append(index)
        } else {
          unshared.append(index)
        }
      }
      groups[g] = shared
    }
  }

  /// Whether `slice` is a prefix of `base`: identical storage is recognised in O(1), anything
  /// else is compared review by review.
  private static func isPrefix(
    _ slice: ArraySlice<FSRSReview>, of base: ArraySlice<FSRSReview>
  ) -> Bool {
    guard slice.count <= base.count else { return false }
    let sameStart = slice.withUnsafeBufferPointer { a in
      base.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
    }
    return sameStart || slice.elementsEqual(base.prefix(slice.count))
  }
}
