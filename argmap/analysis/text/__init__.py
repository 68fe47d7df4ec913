"""Detectors over text, shared by the rules and by ``argmap draft``: statistics, sweeping words,
vague attribution, superlatives, broken text, the one-scan word finder, and quotes located in
their sources' texts."""
