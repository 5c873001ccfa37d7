import Foundation
import TRCAAStore

/// What the parity test compares of a store's schema, read from SQLite's pragmas or from
/// PostgreSQL's catalog: each table and view by name with its columns in order (types in
/// PostgreSQL's names), primary key, UNIQUE and CHECK constraints, foreign keys and the names
/// of its other indexes.
struct PostgresSchemaShape: Equatable {
    struct Column: Equatable, Codable, CustomStringConvertible {
        var name: String
        var type: String
        var notNull: Bool
        var hasDefault: Bool
        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")\(hasDefault ? " DEFAULT" : "")" }
    }

    struct ForeignKey: Hashable, Codable {
        var columns: [String]
        var table: String
        var referenced: [String]
        var onDelete: String
    }

    struct Relation: Equatable {
        var isView = false
        var columns: [Column] = []
        var primaryKey: [String] = []
        var uniques: Set<[String]> = []
        var foreignKeys: Set<ForeignKey> = []
        /// `column IN ('a', 'b')`, the only form of CHECK in the schema.
        var checks: Set<String> = []
        /// Indexes made by CREATE INDEX (not those behind a PRIMARY KEY or UNIQUE).
        var indexes: Set<String> = []
    }

    var relations: [String: Relation] = [:]

    /// A CHECK's column and its allowed values as `column IN ('a', 'b')`, from either
    /// store's text of it (`CHECK(role IN ('a', 'b'))` or `CHECK ((role = ANY (ARRAY['a'::text, …])))`).
    static func check(_ definition: String) throws -> String {
        guard let column = definition.firstMatch(of: try Regex(#"CHECK\s*\(+\s*(\w+)"#))?.output[1].substring else { return definition }
        let values = definition.matches(of: try Regex(#"'([^']*)'"#)).compactMap { $0.output[1].substring }
        return "\(column) IN (" + values.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }
}

extension PostgresSchemaShape {
    /// A SQLCipher store's schema, its types in PostgreSQL's names.
    init(sqlcipher db: Database) throws {
        let types = ["TEXT": "text", "INTEGER": "bigint", "REAL": "double precision", "BLOB": "bytea"]
        for table in try db.rows("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'") {
            let name: String = try table.decode("name"), sql: String = try table.decode("sql")
            var relation = Relation(isView: try table.decode("type") == "view")
            var keyed: [(Int, String)] = []
            for column in try db.rows("SELECT name, type, \"notnull\", dflt_value IS NOT NULL AS has_default, pk FROM pragma_table_info(?)",
                                      [.text(name)]) {
                let columnName: String = try column.decode("name"), type: String = try column.decode("type"), pk: Int = try column.decode("pk")
                relation.columns.append(Column(name: columnName, type: types[type.uppercased()] ?? type,
                                               notNull: PostgresSchemaDifferences.sqlcipherNotNull(
                                                   declared: try column.decode("notnull") == 1, inPrimaryKey: pk > 0),
                                               hasDefault: try column.decode("has_default") == 1))
                if pk > 0 { keyed.append((pk, columnName)) }
            }
            relation.primaryKey = keyed.sorted { $0.0 < $1.0 }.map(\.1)
            for index in try db.rows("SELECT name, origin FROM pragma_index_list(?)", [.text(name)]) {
                let indexName: String = try index.decode("name")
                switch try index.decode("origin", as: String.self) {
                case "u": relation.uniques.insert(try db.rows("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(indexName)])
                                                    .map { try $0.decode(at: 0) })
                case "c": relation.indexes.insert(indexName)
                default: break
                }
            }
            var foreignKeys: [Int: ForeignKey] = [:]
            for key in try db.rows("SELECT id, \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                                   [.text(name)]) {
                let id: Int = try key.decode("id")
                var foreignKey = try foreignKeys[id] ?? ForeignKey(columns: [], table: key.decode("table"), referenced: [],
                                                                   onDelete: key.decode("on_delete"))
                foreignKey.columns.append(try key.decode("from"))
                foreignKey.referenced.append(try key.decode("to"))
                foreignKeys[id] = foreignKey
            }
            relation.foreignKeys = Set(foreignKeys.values)
            relation.checks = Set(try sql.matches(of: try Regex(#"(?i)CHECK\s*\(\s*\w+\s+IN\s*\([^)]*\)\s*\)"#))
                .map { try Self.check(String(sql[$0.range])) })
            relations[name] = relation
        }
    }

    /// A PostgreSQL store's schema (the `public` schema of the database `db`).
    init(postgres db: PostgresSchemaDatabase) throws {
        let json = try db.psql("""
            SELECT json_agg(json_build_object(
                'name', c.relname,
                'isView', c.relkind = 'v',
                'columns', (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                                              'notNull', a.attnotnull, 'hasDefault', a.atthasdef) ORDER BY a.attnum)
                            FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                'constraints', (SELECT coalesce(json_agg(json_build_object(
                        'type', k.contype,
                        'columns', (SELECT json_agg(a.attname ORDER BY member.ordinal) FROM unnest(k.conkey) WITH ORDINALITY AS member(number, ordinal)
                                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = member.number),
                        'table', CASE WHEN k.contype = 'f' THEN k.confrelid::regclass::text END,
                        'referenced', (SELECT json_agg(a.attname ORDER BY member.ordinal) FROM unnest(k.confkey) WITH ORDINALITY AS member(number, ordinal)
                                       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = member.number),
                        'onDelete', CASE k.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                                       WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END,
                        'definition', pg_get_constraintdef(k.oid))), '[]')
                    FROM pg_constraint k WHERE k.conrelid = c.oid),
                'indexes', (SELECT coalesce(json_agg(i.relname), '[]') FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                            WHERE x.indrelid = c.oid AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid))))
            FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')
            """)
        for relation in try JSONDecoder().decode([CatalogRelation].self, from: Data(json.utf8)) {
            var shape = Relation(isView: relation.isView, columns: relation.columns, indexes: Set(relation.indexes))
            for constraint in relation.constraints {
                switch constraint.type {
                case "p": shape.primaryKey = constraint.columns ?? []
                case "u": shape.uniques.insert(constraint.columns ?? [])
                case "c": shape.checks.insert(try Self.check(constraint.definition))
                case "f": shape.foreignKeys.insert(ForeignKey(columns: constraint.columns ?? [], table: constraint.table ?? "",
                                                              referenced: constraint.referenced ?? [], onDelete: constraint.onDelete ?? ""))
                default: break
                }
            }
            relations[relation.name] = shape
        }
    }

    /// A row of the catalog query.
    private struct CatalogRelation: Decodable {
        struct Constraint: Decodable {
            var type: String
            var columns: [String]?
            var table: String?
            var referenced: [String]?
            var onDelete: String?
            var definition: String
        }

        var name: String
        var isView: Bool
        var columns: [Column]
        var constraints: [Constraint]
        var indexes: [String]
    }
}
