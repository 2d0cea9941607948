// rebound_partition_sql(), refuse_repartition() (postgres_partitions.hpp).
#include "codegen/postgres_partitions.hpp"

#include "codegen/sql_builder.hpp"

namespace autogen::codegen::postgres {

std::vector<std::string> rebound_partition_sql(const schema::SqlObject& from,
                                               const schema::SqlObject& to) {
    const std::string parent = "ALTER TABLE " + qualified_name(to.schema, to.table);
    return {
        parent + " DETACH PARTITION " + qualified_name(from.schema, from.name),
        parent + " ATTACH PARTITION " + qualified_name(to.schema, to.name) + " " + to.definition};
}

void refuse_repartition(const schema::AlterTableOptions& o, const schema::Schema& models,
                        support::Diagnostics& diags) {
    if (o.from.partition_by == o.to.partition_by) return;
    const schema::Table* table = models.find_table(o.table.name, o.table.schema);
    if (!table || !table->location.known()) return;
    auto key = [](const std::string& k) { return k.empty() ? std::string("none") : k; };
    diags.error(support::Category::Model,
                "table " + table->qualified_name() + " changes its partition key (from " +
                    key(o.from.partition_by) + " to " + key(o.to.partition_by) +
                    "), which PostgreSQL cannot change in place",
                table->location,
                "keep partition_by as it is, or repartition by hand in a revision of your own "
                "('autogen revision --empty'): create the new table with the new key and its "
                "partitions, INSERT INTO it SELECT * FROM the old one, drop the old table and "
                "rename the new one; then set partition_by to match");
}

}  // namespace autogen::codegen::postgres
