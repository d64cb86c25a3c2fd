"""Artifact injectors, one module per rule family (see docs/benchmarks.md for the protocol)."""
