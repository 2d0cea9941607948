# Sourced by bench/pull_bench.sh and tests/pull/pull_large_fixpoint_test.sh: the
# PostgreSQL schema of N tables whose constraints SQLAlchemy's naming convention named
# (pk_<table>, uq_<table>_<col>, fk_<table>_<col>_<reftable>, ix_<table>_<col>,
# ck_<table>_<name>), so both pull the same database.

# sqlalchemy_named_schema COUNT: one line of DDL per statement, no transaction. Table i
# has a key, a unique column, a foreign key to table i-1 with its index, and a check;
# one table in ten a second index.
sqlalchemy_named_schema() {
  local i t ref
  for ((i = 1; i <= $1; i++)); do
    t="t$i"
    ref=$(( i > 1 ? i - 1 : 1 ))
    echo "CREATE TABLE $t (id bigint NOT NULL, code varchar(40) NOT NULL, parent_id bigint," \
         "amount integer, note text, CONSTRAINT pk_$t PRIMARY KEY (id)," \
         "CONSTRAINT uq_${t}_code UNIQUE (code), CONSTRAINT ck_${t}_amount CHECK (amount >= 0)," \
         "CONSTRAINT fk_${t}_parent_id_t$ref FOREIGN KEY (parent_id) REFERENCES t$ref (id));"
    echo "CREATE INDEX ix_${t}_parent_id ON $t (parent_id);"
    if (( i % 10 == 0 )); then echo "CREATE INDEX ix_${t}_amount ON $t (amount);"; fi
  done
}
