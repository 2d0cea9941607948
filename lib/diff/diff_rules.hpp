// The narrow, per-dialect questions the generic differ asks (ARCHITECTURE 3). The
// differ walks the schemas and never names a dialect; what "equal" means for types,
// defaults and generated names is answered here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::diff {

class DiffRules {
  public:
    virtual ~DiffRules() = default;

    /// Same column type? Both sides are lowered (ColumnType::sql set).
    virtual bool same_type(const schema::Column& from, const schema::Column& to) const = 0;
    /// Same server default? nullopt on both sides is equal.
    virtual bool same_default(const std::optional<std::string>& from,
                              const std::optional<std::string>& to) const = 0;
    /// Same SQL expression (check constraints, index expressions, partial predicates)?
    virtual bool same_expression(const std::string& from, const std::string& to) const = 0;
    /// Does RENAME COLUMN rewrite the generated expressions reading the column, giving back
    /// the same expression when renamed back (PostgreSQL keeps them parsed)? Then one that
    /// changed only by the rename is no change. SQLite edits the stored text (the name
    /// comes back quoted), so there the column is made again from the models' text.
    virtual bool renames_in_generated_expressions() const { return false; }
    /// Is a foreign key bound to one unique index of the columns it references, so that
    /// dropping that key fails while the foreign key stands, even though another key
    /// still covers the columns (PostgreSQL: 2BP01)? Then the foreign key is dropped and
    /// added again around the change. SQLite checks references only when rows change.
    virtual bool binds_foreign_keys_to_an_index() const { return false; }
    /// Does the database keep the names of unique constraints and foreign keys? When
    /// not (SQLite), constraints are matched by their definition only.
    virtual bool keeps_constraint_names() const = 0;
    /// Does the database keep the name of the primary key constraint (so that a model
    /// naming it can differ from the database only by that name)?
    virtual bool keeps_primary_key_name() const = 0;
    /// A server default after the enum label whose literal is `old_literal` ('old', a
    /// quoted SQL string) was renamed in place to `new_literal`: the database renames it
    /// along with the label. nullopt when the default does not hold that label. Here the
    /// plain literal; a dialect that keeps a typed literal ('old'::type) adds its spelling.
    /// Can the database replace object `from` by `to` in place, keeping what depends on
    /// it (PostgreSQL: CREATE OR REPLACE VIEW, when the result columns stay the same)?
    /// False: the differ drops the old one and creates the new one.
    virtual bool replaces_in_place(const schema::SqlObject& from,
                                   const schema::SqlObject& to) const {
        (void)from;
        (void)to;
        return false;
    }
    /// The columns of `table` (the table `change` is made on, as it stands before) that the
    /// database drops and adds again to make `change`, `change.to` itself included when it
    /// is one: their column privileges go with them (compare_grants grants them again).
    virtual std::vector<std::string> columns_added_again(const schema::AlterColumn& change,
                                                         const schema::Table& table) const {
        (void)change;
        (void)table;
        return {};
    }
    virtual std::optional<std::string> default_after_label_rename(
        const std::string& default_sql, const std::string& old_literal,
        const std::string& new_literal) const {
        if (default_sql == old_literal) return new_literal;
        return std::nullopt;
    }
};

}  // namespace autogen::diff
