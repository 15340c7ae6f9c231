"""The query side: the dump on disk and the embedded store over it, SPARQL checks, ready queries,
their parameters and result formats."""
