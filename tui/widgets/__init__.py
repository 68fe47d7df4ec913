"""The explorer's widgets: the argument tree, the detail pane and the findings list."""
