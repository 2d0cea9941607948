-- autogen revision
-- revision: 000000000002
-- down_revision: 000000000001
-- message: seed data
-- created: 2026-11-21T15:30:00Z

-- +upgrade postgresql

-- +downgrade postgresql
