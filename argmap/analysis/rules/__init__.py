"""The lint rules: the registry and findings, the engine that runs them, one module per rule
family (structure, sourcing, inference, config, review, reviewer, schemes, text integrity) and
the finding output formats. Importing :mod:`.engine` registers every rule."""
