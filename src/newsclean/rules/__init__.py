"""One module per artifact family. Each module exports ``RULES``, a tuple of
:class:`newsclean.registry.Rule` records, in the order the rules run within the family."""
