-- golden: without_rowid
-- operations:
--   changed column "users"."id": no longer an identity
--   changed options of table "users": none -> WITHOUT ROWID

-- +upgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "id"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "active" BOOLEAN,
    PRIMARY KEY ("id")
) WITHOUT ROWID;

INSERT INTO "_autogen_new_users" ("id", "email", "active") SELECT "id", "email", "active" FROM "users";

-- it reads "users": created again after the rebuild
DROP VIEW "active_users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

-- re-create trigger "users_email", dropped with the old table
CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END;

-- re-create view "active_users", as the database stored it
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "id"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "active" BOOLEAN
);

INSERT INTO "_autogen_new_users" ("id", "email", "active") SELECT "id", "email", "active" FROM "users";

-- it reads "users": created again after the rebuild
DROP VIEW "active_users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

-- re-create trigger "users_email", dropped with the old table
CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END;

-- re-create view "active_users", as the database stored it
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

