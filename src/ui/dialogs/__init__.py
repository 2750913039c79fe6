"""Modal dialogs: a base class and the few every screen shares (confirm, error)."""
