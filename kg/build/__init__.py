"""The build: every readout through the pipeline into the dump, with its cache, the encounters
shared across readouts and the statistics graph."""
