"""The store: one SQLite file — or, for a team, one PostgreSQL database — holding the articles, what
was extracted from them and the analysts' corrections. The only package in the engine that writes SQL.

One file, WAL journal, one transaction per article (so a killed ingest leaves every stored article
complete), schema versioned with ``PRAGMA user_version`` and forward-only migrations, and an FTS5
trigram index so a substring in any script (``블라디보``, ``प्योंगयांग``) finds its article.

    with Store(path) as store:            # Store(path, readonly=True) for a reader that never migrates
                                          # Store("postgresql://host/db"): the same on PostgreSQL
        store.save_article(new_article)
        rows = store.list_articles(Filters(q="블라디보"), limit=50)

Where things are:

- ``connection.py``: opening the file, pragmas, migrating, ``transaction()``, closing.
- ``schema.py`` and ``migrations/NNN_<name>.sql``: the schema, one numbered file per version.
- ``rows.py``: ``NewArticle`` (what ingest hands over) and the row types every read returns.
- ``where.py``: a ``Filters`` object as one WHERE condition over ``articles a``.
- one module of queries per area, each a class of methods over the same connection:
  ``articles.py``, ``entities.py`` (actors, mentions), ``events.py`` (frames, fused events,
  chains), ``places.py``, ``corrections.py``. ``Store`` below is all of them together.

Two engines, one set of queries: ``connection.py`` opens a path as SQLite and a ``postgresql://``
URL through ``postgres.py`` (psycopg 3); ``dialect.py`` holds every piece of SQL the two spell
differently (timestamps, JSON and string aggregation, the substring search: SQLite's FTS5 trigram
table, PostgreSQL's pg_trgm indexes); ``migrations/postgresql/`` repeats each migration for
PostgreSQL under the same number.
"""

from __future__ import annotations

from dossier.store.articles import ArticleQueries
from dossier.store.connection import Connection, database_errors, describe_target, store_target
from dossier.store.corrections import CorrectionQueries
from dossier.store.entities import EntityQueries
from dossier.store.events import EventQueries
from dossier.store.places import PlaceQueries
from dossier.store.rows import (
    UNKNOWN_SOURCE,
    ActorRow,
    ArticleDetail,
    ArticleRow,
    ChainRow,
    CorrectionRow,
    EventRow,
    Facets,
    FilterOptions,
    MentionRow,
    NewArticle,
    Overview,
    PlaceRow,
    SaveResult,
    SharedFacts,
    StoredArticle,
)
from dossier.store.schema import SCHEMA_VERSION


class Store(ArticleQueries, EntityQueries, EventQueries, PlaceQueries, CorrectionQueries, Connection):
    """The store: ``Store(path)`` opens (creating and migrating) the file, ``Store(path, readonly=True)``
    opens it for reading only. Every query method comes from one of the area classes above."""


__all__ = [
    "SCHEMA_VERSION",
    "UNKNOWN_SOURCE",
    "ActorRow",
    "ArticleDetail",
    "ArticleRow",
    "ChainRow",
    "CorrectionRow",
    "EventRow",
    "Facets",
    "FilterOptions",
    "MentionRow",
    "NewArticle",
    "Overview",
    "PlaceRow",
    "SaveResult",
    "SharedFacts",
    "Store",
    "StoredArticle",
    "database_errors",
    "describe_target",
    "store_target",
]
