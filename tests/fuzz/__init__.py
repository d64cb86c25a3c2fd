"""Fuzzing: shared invariants, hostile hypothesis strategies, the atheris harness and the
regression corpus of inputs that once crashed or broke an invariant."""
