"""Reading sources: readout files found, decoded and reduced to text (saved web pages too), with
their manifest metadata."""
