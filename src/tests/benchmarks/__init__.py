"""Benchmarks at scale: a data generator and timed, query-counted operations."""
