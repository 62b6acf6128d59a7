"""The local store: sessions, turns and findings in one SQLite file, boards and packs.

Only this package talks to SQLite. Typical use::

    with Store.open(resolve_db_path(None)) as store:
        store.start_session(...); store.add_turn(...); store.finish_session(...)
"""

from trainer.core.store.api import Store
from trainer.core.store.boards import (
    BOARD_NAMES,
    BoardFilter,
    ImprovedRow,
    LeaderRow,
    SkillsRow,
    StreakRow,
)
from trainer.core.store.errors import (
    DatabaseTooNew,
    ImportFileError,
    NotATrainerDatabase,
    SessionNotFound,
    SessionStateError,
    StoreError,
)
from trainer.core.store.exports import FORMATS, render_board
from trainer.core.store.models import (
    HistoryPoint,
    ImportReport,
    InterruptedSession,
    SearchHit,
    SessionSummary,
)

__all__ = [
    "BOARD_NAMES",
    "BoardFilter",
    "DatabaseTooNew",
    "FORMATS",
    "HistoryPoint",
    "ImportFileError",
    "ImportReport",
    "ImprovedRow",
    "InterruptedSession",
    "LeaderRow",
    "NotATrainerDatabase",
    "SearchHit",
    "SessionNotFound",
    "SessionStateError",
    "SessionSummary",
    "SkillsRow",
    "Store",
    "render_board",
    "StoreError",
    "StreakRow",
]
