"""What the project knows before reading a word: states, organisations, topics, officials and
the words of each language (the registry, from kg/data/), and the matchers that find them in text."""
