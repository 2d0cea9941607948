// Live database -> Schema. One inspector per dialect (sqlite_inspector.cpp,
// postgres_inspector.cpp), each reading a whole schema with a fixed number of named
// catalog queries (never one query per table).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "schema/schema.hpp"

namespace autogen::introspect {

struct InspectOptions {
    std::string version_table = "autogen_version";  ///< never reported as a table
    std::vector<std::string> exclude_tables;        ///< glob patterns ('*', '?') of tables to skip

    bool operator==(const InspectOptions&) const = default;
};

/// A table's size, as the database estimates it (autogen lint weighs findings by it).
struct RelationSize {
    std::vector<std::string> names;  ///< every name a statement may give it ("app.t", "t")
    std::int64_t rows = -1;          ///< estimated; -1: never counted
    std::int64_t bytes = 0;          ///< on disk, with its indexes and TOAST
};

/// An object of the live database that the schema model cannot hold (yet): a view, a
/// function, a policy, an exclusion constraint, a generated column ... `autogen pull`
/// lists each one as left out, with where it is, so that adopting a database never
/// loses an object silently (docs/status.md, "Object kinds a real schema holds").
struct UnmodelledObject {
    std::string kind;    ///< "view", "function", "exclusion constraint" ...
    std::string schema;  ///< "" = the dialect's default schema
    std::string name;    ///< the object's name (a function's with its argument types)
    std::string table;   ///< the table it belongs to (same schema); "" if none
    std::string hint;    ///< what to do instead, when the kind needs more than a revision
};

class Inspector {
  public:
    virtual ~Inspector() = default;
    /// Reads every table, column, key, index, constraint (and enum) of the database.
    virtual std::optional<schema::Schema> inspect(db::Connection& conn,
                                                  const InspectOptions& options,
                                                  support::Diagnostics& diags) const = 0;
    /// Puts tables and enum types in the order inspect() returns them, for a schema
    /// assembled from tables read back one by one (the per-table memo): by schema, then
    /// name, byte by byte.
    virtual void order_as_read(schema::Schema& schema) const;
    /// The objects of the database inspect() cannot represent, in a stable order
    /// (InspectOptions' exclusions apply to the tables objects belong to). nullopt after
    /// reporting a failed query. The default: none.
    virtual std::optional<std::vector<UnmodelledObject>> unmodelled_objects(
        db::Connection& conn, const InspectOptions& options, support::Diagnostics& diags) const;
    /// A text that changes whenever anything inspect() reads may have changed, so that a
    /// schema read earlier under the same text can stand for reading again
    /// (pipeline/live_cache.hpp); "" when the dialect cannot tell or asking failed (then
    /// nothing is reused). Says nothing. The default: "".
    virtual std::string catalog_fingerprint(db::Connection& conn) const;
    /// Whether table_sizes() can tell (asked before opening a database for it).
    virtual bool reads_table_sizes() const { return false; }
    /// The size of every table the database holds (an estimate, from statistics: cheap),
    /// nullopt when the dialect cannot tell or the query failed (reported). The default:
    /// nullopt.
    virtual std::optional<std::vector<RelationSize>> table_sizes(db::Connection& conn,
                                                                 support::Diagnostics& diags) const;

  protected:
    /// order_as_read with `default_schema` standing for the empty schema name (the
    /// server sorts by the name it stores).
    static void order_by_schema_and_name(schema::Schema& schema, const std::string& default_schema);
};

/// True for autogen's own tables, which are never reported: the version table, its log
/// ("<version_table>_log", migrate::VersionTable) and the runner's step log
/// ("<version_table>_steps", migrate::StepLog).
bool is_version_table(const std::string& name, const InspectOptions& options);

/// True when `name` matches a glob pattern with '*' and '?'.
bool glob_match(const std::string& pattern, const std::string& name);

}  // namespace autogen::introspect
