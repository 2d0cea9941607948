// Shared lowering helpers (lowering_common.hpp).
#include "codegen/lowering_common.hpp"

namespace autogen::codegen {

const schema::Enum* find_column_enum(const schema::Schema& model, const schema::Table& t, const schema::Column& c,
                                     support::Diagnostics& diags) {
    const schema::Enum* e = model.find_enum(c.type.enum_name, t.schema);
    if (!e) e = model.find_enum(c.type.enum_name);
    if (!e) {
        diags.error(support::Category::Model,
                    "column \"" + t.name + "\".\"" + c.name + "\" uses unknown enum \"" + c.type.enum_name + "\"",
                    c.location, "declare the enum with AUTOGEN_ENUM(\"" + c.type.enum_name + "\")");
    }
    return e;
}

}  // namespace autogen::codegen
