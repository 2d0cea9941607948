// reverse() and the small queries on operations.
#include "schema/operation.hpp"

#include <algorithm>
#include <utility>

#include "support/overloaded.hpp"

namespace autogen::schema {

namespace {
using support::Overloaded;

TableRef renamed(const TableRef& t, const std::string& name) { return TableRef{t.schema, name}; }
}  // namespace

TableRef ref(const Table& t) { return TableRef{t.schema, t.name}; }

SetObjectComment object_comment(const SqlObject& o, std::string from, std::string to) {
    const bool on_table = o.kind == ObjectKind::Trigger || o.kind == ObjectKind::Policy;
    return SetObjectComment{.table = TableRef{o.schema, on_table ? o.table : ""},
                            .target = CommentTarget::Object,
                            .name = o.name,
                            .from = std::move(from),
                            .to = std::move(to),
                            .object_kind = o.kind,
                            .signature = routine_signature(o)};
}

SqlObject commented_object(const SetObjectComment& c) {
    SqlObject o{
        .kind = c.object_kind, .schema = c.table.schema, .name = c.name, .table = c.table.name};
    if (c.signature.size() >= 2) o.arguments = c.signature.substr(1, c.signature.size() - 2);
    return o;
}

Operation reverse(const Operation& op) {
    return std::visit(Overloaded{
                          [](const CreateTable& o) -> Operation { return DropTable{o.table}; },
                          [](const DropTable& o) -> Operation { return CreateTable{o.table}; },
                          [](const RenameTable& o) -> Operation {
                              return RenameTable{renamed(o.from, o.to), o.from.name};
                          },
                          [](const AddColumn& o) -> Operation {
                              return DropColumn{o.table, o.column};
                          },
                          [](const DropColumn& o) -> Operation {
                              return AddColumn{o.table, o.column};
                          },
                          [](const RenameColumn& o) -> Operation {
                              return RenameColumn{o.table, o.to, o.from};
                          },
                          [](const AlterColumn& o) -> Operation {
                              return AlterColumn{o.table, o.to, o.from, o.changes};
                          },
                          [](const AlterPrimaryKey& o) -> Operation {
                              return AlterPrimaryKey{o.table, o.to, o.from};
                          },
                          [](const AddForeignKey& o) -> Operation {
                              return DropForeignKey{o.table, o.key};
                          },
                          [](const DropForeignKey& o) -> Operation {
                              return AddForeignKey{o.table, o.key};
                          },
                          [](const AddUnique& o) -> Operation {
                              return DropUnique{o.table, o.unique};
                          },
                          [](const DropUnique& o) -> Operation {
                              return AddUnique{o.table, o.unique};
                          },
                          [](const AddCheck& o) -> Operation {
                              return DropCheck{o.table, o.check};
                          },
                          [](const DropCheck& o) -> Operation {
                              return AddCheck{o.table, o.check};
                          },
                          [](const AddExclusion& o) -> Operation {
                              return DropExclusion{o.table, o.exclusion};
                          },
                          [](const DropExclusion& o) -> Operation {
                              return AddExclusion{o.table, o.exclusion};
                          },
                          [](const SetCheckValidity& o) -> Operation {
                              CheckConstraint before = o.check;
                              before.not_valid = !o.check.not_valid;
                              return SetCheckValidity{o.table, before};
                          },
                          [](const CreateIndex& o) -> Operation {
                              return DropIndex{o.table, o.index};
                          },
                          [](const DropIndex& o) -> Operation {
                              return CreateIndex{o.table, o.index};
                          },
                          [](const SetTableComment& o) -> Operation {
                              return SetTableComment{o.table, o.to, o.from};
                          },
                          [](const SetObjectComment& o) -> Operation {
                              SetObjectComment back = o;
                              std::swap(back.from, back.to);
                              return back;
                          },
                          [](const AlterTableOptions& o) -> Operation {
                              return AlterTableOptions{o.table, o.to, o.from};
                          },
                          [](const CreateEnum& o) -> Operation { return DropEnum{o.type}; },
                          [](const DropEnum& o) -> Operation { return CreateEnum{o.type}; },
                          [](const AlterEnum& o) -> Operation {
                              return AlterEnum{o.to, o.from};
                          },
                          [](const RenameConstraint& o) -> Operation {
                              RenameConstraint back{o.table, o.kind, o.to, o.from, o.index};
                              back.index.name = o.from;
                              return back;
                          },
                          [](const CreateObject& o) -> Operation {
                              return DropObject{o.object, o.recreated_because};
                          },
                          [](const DropObject& o) -> Operation {
                              return CreateObject{o.object, o.recreated_because};
                          },
                          [](const ReplaceObject& o) -> Operation {
                              return ReplaceObject{o.to, o.from};
                          },
                      },
                      op);
}

std::vector<Operation> reverse(const std::vector<Operation>& ops) {
    std::vector<Operation> out;
    out.reserve(ops.size());
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) out.push_back(reverse(*it));
    return out;
}

bool is_destructive(const Operation& op) {
    // Every kind is listed (no catch-all), so a new operation kind must say here
    // whether it loses data.
    return std::visit(
        Overloaded{
            [](const DropTable&) { return true; },
            [](const DropColumn&) { return true; },
            // A type change may narrow (TEXT -> INTEGER); the planner knows better
            // and may say more, but generically a type change can lose data.
            // So may becoming generated: the expression's values replace
            // the stored ones.
            [](const AlterColumn& o) {
                return (o.changes & kChangeType) != 0 ||
                       ((o.changes & kChangeGenerated) && o.to.generated && !o.from.generated);
            },
            [](const AlterEnum& o) {
                // Removing a label loses the rows' values that used it.
                return std::any_of(
                    o.from.labels.begin(), o.from.labels.end(), [&](const std::string& l) {
                        return std::find(o.to.labels.begin(), o.to.labels.end(), l) ==
                               o.to.labels.end();
                    });
            },
            [](const DropEnum&) { return true; },
            [](const CreateTable&) { return false; },
            [](const RenameTable&) { return false; },
            [](const AddColumn&) { return false; },
            [](const RenameColumn&) { return false; },
            [](const AlterPrimaryKey&) { return false; },
            [](const AddForeignKey&) { return false; },
            [](const DropForeignKey&) { return false; },
            [](const AddUnique&) { return false; },
            [](const DropUnique&) { return false; },
            [](const AddCheck&) { return false; },
            [](const DropCheck&) { return false; },
            [](const SetCheckValidity&) { return false; },
            [](const AddExclusion&) { return false; },
            [](const DropExclusion&) { return false; },
            [](const CreateIndex&) { return false; },
            [](const DropIndex&) { return false; },
            [](const SetTableComment&) { return false; },
            [](const SetObjectComment&) { return false; },
            // A rebuild or SET LOGGED keeps every row (a STRICT table refusing some is
            // the copy failing, not data lost silently).
            [](const AlterTableOptions&) { return false; },
            [](const CreateEnum&) { return false; },
            [](const RenameConstraint&) { return false; },
            // A view holds no rows; a materialized view's rows are its query's result,
            // computed again when it is created.
            [](const CreateObject&) { return false; },
            [](const DropObject&) { return false; },
            [](const ReplaceObject&) { return false; },
        },
        op);
}

bool is_primary_key_rename(const AlterPrimaryKey& o) {
    return o.from && o.to && o.from->columns == o.to->columns && o.from->name != o.to->name;
}

TableRef target_table(const Operation& op) {
    return std::visit(Overloaded{
                          [](const CreateTable& o) { return ref(o.table); },
                          [](const DropTable& o) { return ref(o.table); },
                          [](const RenameTable& o) { return o.from; },
                          [](const CreateEnum&) { return TableRef{}; },
                          [](const DropEnum&) { return TableRef{}; },
                          [](const AlterEnum&) { return TableRef{}; },
                          [](const CreateObject&) { return TableRef{}; },
                          [](const DropObject&) { return TableRef{}; },
                          [](const ReplaceObject&) { return TableRef{}; },
                          [](const SetObjectComment& o) {
                              return o.target == CommentTarget::Type ? TableRef{} : o.table;
                          },
                          [](const auto& o) { return o.table; },
                      },
                      op);
}

}  // namespace autogen::schema
