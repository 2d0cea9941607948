"""Times Alembic's autogenerate comparison on a live PostgreSQL database.

/usr/bin/python3 bench/pg_alembic_compare.py URL: reflects the database into a MetaData
(untimed), adds one column to its first table (so there is one difference to find),
then times alembic.autogenerate.compare_metadata with compare_type=True and
compare_server_default=True: the database side is reflected again inside, as
`alembic revision --autogenerate` does. Prints "diffs=N seconds=S".
"""
import sys
import time
import warnings

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

# SQLAlchemy 1.4 cannot reflect expression indexes and warns once per table.
warnings.filterwarnings("ignore", category=sa.exc.SAWarning)
url = sys.argv[1].replace("postgresql://", "postgresql+psycopg2://", 1)
engine = sa.create_engine(url)
metadata = sa.MetaData()
metadata.reflect(bind=engine)
first = sorted(metadata.tables)[0]
metadata.tables[first].append_column(sa.Column("added_by_bench", sa.Integer, nullable=True))
with engine.connect() as conn:
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
    start = time.perf_counter()
    diffs = compare_metadata(context, metadata)
    seconds = time.perf_counter() - start
print(f"diffs={len(diffs)} seconds={seconds:.3f}")
