"""Drawing maps: Graphviz diagrams, Mermaid flowcharts, Markdown outline and audit report."""
