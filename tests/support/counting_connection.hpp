// A real connection wrapped to count the statements sent through it: how the inspector
// tests check that the number of catalog queries does not grow with the number of tables,
// and how the runner tests check that an up-to-date database costs one round trip.
#pragma once

#include "db/connection.hpp"

namespace autogen::test {

/// Forwards everything to `inner`, counting execute, query, for_each_row and has_table
/// (`calls`), and the transaction and lock calls besides (`control_calls`).
class CountingConnection final : public db::Connection {
  public:
    explicit CountingConnection(db::Connection& inner) : inner_(inner) {}
    std::string dialect() const override { return inner_.dialect(); }
    bool execute(std::string_view sql, support::Diagnostics& diags) override {
        ++calls;
        return inner_.execute(sql, diags);
    }
    std::optional<db::QueryResult> query(std::string_view sql,
                                         const std::vector<std::optional<std::string>>& params,
                                         support::Diagnostics& diags) override {
        ++calls;
        return inner_.query(sql, params, diags);
    }
    bool for_each_row(std::string_view sql, const std::vector<std::optional<std::string>>& params,
                      const std::function<void(db::RowView)>& on_row,
                      support::Diagnostics& diags) override {
        ++calls;
        return inner_.for_each_row(sql, params, on_row, diags);
    }
    std::optional<bool> has_table(std::string_view name, support::Diagnostics& diags) override {
        ++calls;
        return inner_.has_table(name, diags);
    }
    bool begin(support::Diagnostics& diags) override {
        ++control_calls;
        return inner_.begin(diags);
    }
    bool commit(support::Diagnostics& diags) override {
        ++control_calls;
        return inner_.commit(diags);
    }
    bool rollback(support::Diagnostics& diags) override {
        ++control_calls;
        return inner_.rollback(diags);
    }
    bool lock_migrations(std::string_view key, const db::LockWait& wait,
                         support::Diagnostics& diags) override {
        ++control_calls;
        return inner_.lock_migrations(key, wait, diags);
    }
    void unlock_migrations(std::string_view key, support::Diagnostics& diags) override {
        ++control_calls;
        inner_.unlock_migrations(key, diags);
    }
    bool lost() const override { return inner_.lost(); }
    /// Every call that reaches the database: on PostgreSQL, each is a round trip.
    int round_trips() const { return calls + control_calls; }
    int calls = 0;
    int control_calls = 0;

  private:
    db::Connection& inner_;
};

}  // namespace autogen::test
