"""The corpus-mode database: articles, their stories, briefs; SQLite or PostgreSQL.

    store = open_store(None)             # $CROSSREAD_DB, else the user's crossread.db
    with store.transaction() as tx:      # commits at the end, rolls back on any exception
        tx.story_count()

`Tx` answers `crossread.stories.index.StoryIndex` and the reads the CLI and the web app need.
"""

from crossread.model import MergeRecord
from crossread.store.errors import StoreError
from crossread.store.store import Store, open_store
from crossread.store.target import default_url
from crossread.store.tx import Tx

__all__ = ["MergeRecord", "Store", "StoreError", "Tx", "default_url", "open_store"]
