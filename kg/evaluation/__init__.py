"""Scoring the extractor against gold annotations (ANNOTATION.md §5-6)."""
