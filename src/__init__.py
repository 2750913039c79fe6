"""Bake Tracker: plan and run seasonal baking."""

__version__ = "0.1.0"
