"""Evaluation: base scores by evidence, gradual strength (DF-QuAD and the other semantics),
grounded labels, explanations of a strength, cruxes (what-if removal) and sides."""
