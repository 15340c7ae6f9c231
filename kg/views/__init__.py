"""Views of the graph: networkx graphs, their exports (GEXF, GraphML, CSV, event data), drawings
and charts, and readouts of one encounter side by side."""
