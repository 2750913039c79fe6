"""The Pantry screen: ingredients, products, purchases, lots and suppliers, one tab each."""
