"""Benchmarks: edit-level quality (quality.py) and throughput (speed.py)."""
