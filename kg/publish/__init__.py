"""Publishing a build: a folder to put online, or a SPARQL server loaded through the Graph Store
Protocol."""
