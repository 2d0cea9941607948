// Index, unique and primary-key columns written as strings must name columns of the
// table (by column name, as the database has it); only AUTOGEN_INDEX takes expressions,
// and only in parentheses; an index key may carry options ("email DESC"), in PostgreSQL's
// grammar. The valid lines carry no expectation: they must pass.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <string>

struct Stamps {
    std::int64_t created_at;
};

struct AUTOGEN_TABLE("accounts")
       AUTOGEN_INDEX("ix_accounts_ok", "email, (lower(email)), created_at")
       AUTOGEN_INDEX("ix_accounts_nope", "no_such_col")  // expect-error: unknown column 'no_such_col' in table 'accounts'
       AUTOGEN_INDEX("ix_accounts_bare_expr", "lower(email)")  // expect-error: unknown column 'lower(email)'
       AUTOGEN_INDEX("ix_accounts_field", "display")  // expect-error: unknown column 'display'
       AUTOGEN_INDEX("ix_accounts_case", "Email")  // expect-error: unknown column 'Email'
       AUTOGEN_INDEX("ix_accounts_desc", "email DESC NULLS LAST")
       AUTOGEN_INDEX("ix_accounts_asc_desc", "email DESC ASC")  // expect-error: unexpected 'ASC' in index key 'email DESC ASC'
       AUTOGEN_INDEX("ix_accounts_desc_bad", "mail DESC")  // expect-error: unknown column 'mail'
       AUTOGEN_INDEX("ix_accounts_other", "owner_id")  // expect-error: unknown column 'owner_id'
       AUTOGEN_UNIQUE("uq_accounts_expr", "(lower(email))")  // expect-error: an expression is not allowed here
       AUTOGEN_UNIQUE("uq_accounts_quoted", "\"email\"")  // expect-error: unknown column '"email"'
       Account : Stamps {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::string email;
    AUTOGEN_COLUMN(name = "display_name") std::string display;
};

struct AUTOGEN_TABLE("memberships")
       AUTOGEN_PRIMARY_KEY("account_id, team")  // expect-error: unknown column 'team'
       Membership {
    std::int64_t account_id;
    std::int64_t owner_id;
    std::int64_t team_id;
};
