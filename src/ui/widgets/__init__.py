"""Reusable widgets: the list (DataTable), form fields with inline validation, type-ahead."""
