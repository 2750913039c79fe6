"""The customtkinter desktop application. Calls src.services only (see src/tests/test_layers.py)."""
