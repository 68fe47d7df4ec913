"""argmap's own map files (YAML and JSON): the parsers, the positions an error is reported at,
the quick path for maps without problems, and the comment-keeping YAML a save writes."""
