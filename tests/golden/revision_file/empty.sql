-- autogen revision
-- revision: e0e0e0e0e0e0
-- down_revision: none
-- message: hand written
-- created: 2026-11-21T15:30:00Z

-- +upgrade sqlite

-- +downgrade sqlite
