"""The graph of one readout: RDF with deterministic IRIs, the registry and entities graphs, and
validation against shapes.ttl."""
