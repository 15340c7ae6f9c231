"""`kg serve`: the read-only SPARQL endpoint and the sandbox its queries run in."""
