-- golden: default_privileges_change
-- operations:
--   default privileges ON TABLES IN SCHEMA "reports" FOR ROLE "postgres" undo: GRANT SELECT TO autogen_golden_reader
--   default privileges ON TABLES FOR ROLE "postgres": GRANT UPDATE TO PUBLIC
--   default privileges ON TABLES IN SCHEMA "reports" FOR ROLE "postgres": GRANT INSERT WITH GRANT OPTION TO autogen_golden_reader

-- +upgrade postgresql
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "reports" REVOKE SELECT ON TABLES FROM "autogen_golden_reader";

ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" GRANT UPDATE ON TABLES TO PUBLIC;

ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "reports" GRANT INSERT ON TABLES TO "autogen_golden_reader" WITH GRANT OPTION;

-- +downgrade postgresql
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "reports" REVOKE INSERT ON TABLES FROM "autogen_golden_reader";

ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" REVOKE UPDATE ON TABLES FROM PUBLIC;

ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "reports" GRANT SELECT ON TABLES TO "autogen_golden_reader";

