"""Times Alembic's autogenerate comparison on a live PostgreSQL or SQLite database.

/usr/bin/python3 bench/alembic_compare.py URL: reflects the database into a MetaData
(untimed), adds one column to table t0 (the first table when there is no t0), so there
is one difference to find, then times alembic.autogenerate.compare_metadata with
compare_type=True and compare_server_default=True: the database side is reflected
again inside, as `alembic revision --autogenerate` does. Prints "diffs=N seconds=S";
when N is not 1 the differences go to stderr.

URL is autogen's form: postgresql://... (run through psycopg2) or sqlite:///path
(SQLAlchemy's own form). Run it with Debian's python3-alembic (1.8.1, SQLAlchemy 1.4),
which cannot reflect expression indexes on either dialect: it skips them (the
warnings are silenced), so Alembic compares a little less than autogen does.

On SQLite, Alembic 1.8.1 puts the database's non-literal defaults in parentheses
("(now())") but not the metadata's ("now()"), so a database compared with its own
reflection shows every such default as changed; there compare_server_default is a
callable (Alembic's documented hook) that compares the two with one level of
parentheses removed, so the defaults are still compared, without the false changes.
"""
import sys
import time
import warnings

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

# SQLAlchemy 1.4 cannot reflect expression indexes and warns once per table.
warnings.filterwarnings("ignore", category=sa.exc.SAWarning)
url = sys.argv[1]
for prefix in ("postgresql://", "postgres://"):
    if url.startswith(prefix):
        url = "postgresql+psycopg2://" + url[len(prefix):]
engine = sa.create_engine(url)


def unparenthesised(text):
    return text[1:-1] if text is not None and text.startswith("(") and text.endswith(")") else text


def compare_sqlite_default(context, inspected_column, metadata_column, inspected_default, metadata_default,
                           rendered_metadata_default):
    return unparenthesised(inspected_default) != unparenthesised(rendered_metadata_default)


compare_default = compare_sqlite_default if engine.dialect.name == "sqlite" else True
metadata = sa.MetaData()
metadata.reflect(bind=engine)
# Not simply the first table: autogen's version tables sort before t0.
target = "t0" if "t0" in metadata.tables else sorted(metadata.tables)[0]
metadata.tables[target].append_column(sa.Column("added_by_bench", sa.Integer, nullable=True))
with engine.connect() as conn:
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": compare_default})
    start = time.perf_counter()
    diffs = compare_metadata(context, metadata)
    seconds = time.perf_counter() - start
if len(diffs) != 1:
    for diff in diffs[:20]:
        print(diff, file=sys.stderr)
print(f"diffs={len(diffs)} seconds={seconds:.3f}")
