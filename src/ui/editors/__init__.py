"""Editors for recipes, finished goods, packages and recipients, and the flows they share."""
