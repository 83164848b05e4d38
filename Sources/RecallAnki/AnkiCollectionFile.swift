import Foundation
import GRDB

/// An Anki deck as the collection names it.
struct AnkiDeck {
  /// The full name with `::` between levels (`Languages::French`).
  var name: String
  /// Whether it is a filtered deck, which only borrows cards from their home decks.
  var isFiltered: Bool
}

/// An Anki collection (SQLite) opened read-only, with its note types and decks decoded from either schema: 11
/// (JSON in the `col` row, legacy packages) or 18 (their own tables, latest packages).
final class AnkiCollectionFile {
  let database: DatabaseQueue
  /// The collection's creation: day 0 of review due numbers.
  let creation: Date
  let noteTypes: [Int64: AnkiNoteType]
  let decks: [Int64: AnkiDeck]

  init(path: String) throws(AnkiPackageError) {
    let header = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) } ?? Data()
    guard header == Data("SQLite format 3\0".utf8) else {
      throw .corruptCollection(reason: "not an SQLite database")
    }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      database = try DatabaseQueue(path: path, configuration: configuration)
      (creation, noteTypes, decks) = try database.read { db in
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT IFNULL(CAST(crt AS INTEGER), 0) AS crt, IFNULL(CAST(ver AS INTEGER), 0) AS ver,
              CAST(models AS TEXT) AS models, CAST(decks AS TEXT) AS decks FROM col
            """)
        guard let row else { throw AnkiPackageError.corruptCollection(reason: "the col table is empty") }
        let creation = Date(timeIntervalSince1970: Double(row["crt"] as Int64))
        let schema: Int = row["ver"]
        if schema >= 15 {
          return (creation, try Self.noteTypes(schema18: db), try Self.decks(schema18: db))
        }
        return (creation, try Self.noteTypes(json: row["models"]), try Self.decks(json: row["decks"]))
      }
    } catch let error as AnkiPackageError {
      throw error
    } catch let error as DatabaseError {
      throw .corruptCollection(reason: error.message ?? "\(error.resultCode)")
    } catch {
      throw .corruptCollection(reason: "\(error)")
    }
  }

  // MARK: Schema 11: JSON in the col row

  private static func jsonObject(_ text: String?, what: String) throws -> [String: Any] {
    guard let text, let data = text.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw AnkiPackageError.corruptCollection(reason: "col.\(what) is not a JSON object") }
    return object
  }

  private static func noteTypes(json text: String?) throws -> [Int64: AnkiNoteType] {
    var result: [Int64: AnkiNoteType] = [:]
    for (key, value) in try jsonObject(text, what: "models") {
      guard let model = value as? [String: Any], let id = Int64(key) else { continue }
      let ordered = { (list: Any?) -> [[String: Any]] in
        ((list as? [[String: Any]]) ?? []).sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
      }
      result[id] = AnkiNoteType(
        id: id, name: model["name"] as? String ?? "note type \(id)", isCloze: (model["type"] as? Int) == 1,
        stockKind: AnkiNoteType.StockKind(rawValue: model["originalStockKind"] as? Int ?? 0) ?? .unknown,
        fields: ordered(model["flds"]).map { $0["name"] as? String ?? "" },
        templates: ordered(model["tmpls"]).map {
          AnkiNoteType.Template(
            name: $0["name"] as? String ?? "", question: $0["qfmt"] as? String ?? "",
            answer: $0["afmt"] as? String ?? "")
        })
    }
    return result
  }

  private static func decks(json text: String?) throws -> [Int64: AnkiDeck] {
    var result: [Int64: AnkiDeck] = [:]
    for (key, value) in try jsonObject(text, what: "decks") {
      guard let deck = value as? [String: Any], let id = Int64(key) else { continue }
      result[id] = AnkiDeck(name: deck["name"] as? String ?? "Deck \(id)", isFiltered: (deck["dyn"] as? Int ?? 0) != 0)
    }
    return result
  }

  // MARK: Schema 18: tables and protobuf configs

  private static func noteTypes(schema18 db: Database) throws -> [Int64: AnkiNoteType] {
    var fields: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT CAST(ntid AS INTEGER) AS ntid, IFNULL(CAST(name AS TEXT), '') AS name FROM fields ORDER BY ntid, ord"
    ) {
      fields[row["ntid"] ?? 0, default: []].append(row["name"])
    }
    var templates: [Int64: [AnkiNoteType.Template]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT CAST(ntid AS INTEGER) AS ntid, IFNULL(CAST(name AS TEXT), '') AS name, config FROM templates
        ORDER BY ntid, ord
        """)
    {
      var template = AnkiNoteType.Template(name: row["name"], question: "", answer: "")
      for (field, value) in try protobufFields(row["config"], what: "template config") {
        if field == 1 { template.question = value.string ?? "" }
        if field == 2 { template.answer = value.string ?? "" }
      }
      templates[row["ntid"] ?? 0, default: []].append(template)
    }
    var result: [Int64: AnkiNoteType] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT IFNULL(CAST(id AS INTEGER), 0) AS id, IFNULL(CAST(name AS TEXT), '') AS name, config FROM notetypes")
    {
      let id: Int64 = row["id"]
      var kind: UInt64 = 0
      var stock: UInt64 = 0
      for (field, value) in try protobufFields(row["config"], what: "note type config") {
        if field == 1 { kind = value.integer ?? 0 }
        if field == 9 { stock = value.integer ?? 0 }
      }
      result[id] = AnkiNoteType(
        id: id, name: row["name"], isCloze: kind == 1,
        stockKind: AnkiNoteType.StockKind(rawValue: Int(clamping: stock)) ?? .unknown, fields: fields[id] ?? [],
        templates: templates[id] ?? [])
    }
    return result
  }

  private static func decks(schema18 db: Database) throws -> [Int64: AnkiDeck] {
    var result: [Int64: AnkiDeck] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT IFNULL(CAST(id AS INTEGER), 0) AS id, IFNULL(CAST(name AS TEXT), '') AS name, kind FROM decks")
    {
      let name: String = row["name"]
      let kind = try protobufFields(row["kind"], what: "deck kind")
      result[row["id"]] = AnkiDeck(
        // Schema 18 separates levels with U+001F where the JSON and the user see `::`.
        name: name.replacingOccurrences(of: "\u{1F}", with: "::"), isFiltered: kind.contains { $0.field == 2 })
    }
    return result
  }

  private static func protobufFields(_ data: Data?, what: String) throws -> [(field: Int, value: ProtobufReader.Value)]
  {
    do {
      return try ProtobufReader.fields(data ?? Data())
    } catch {
      throw AnkiPackageError.corruptCollection(reason: "\(what): \(error.reason)")
    }
  }
}
