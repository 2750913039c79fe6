"""The one family of errors a baker sees. Messages are written for the baker, not a developer."""


class BakeTrackerError(Exception):
    """Base of every user-facing error; str(error) is the message to show."""


class ValidationError(BakeTrackerError):
    """Input that cannot be accepted (what was wrong and where)."""


class NotFoundError(BakeTrackerError):
    """Something the user named does not exist."""


class ConflictError(BakeTrackerError):
    """The change would break a rule: a duplicate name, a cycle, history that needs the row."""


class ConversionError(BakeTrackerError):
    """Two units that cannot be converted (for this ingredient)."""


class InsufficientStockError(BakeTrackerError):
    """Not enough on hand; carries the shortfall per ingredient."""


class PlanStateError(BakeTrackerError):
    """The event's plan is not in the state the action needs."""


class DatabaseError(BakeTrackerError):
    """The database file cannot be opened, is from an unknown schema, or is damaged."""


class OlderSchemaError(DatabaseError):
    """The database was written by an older Bake Tracker: it needs an upgrade first."""
