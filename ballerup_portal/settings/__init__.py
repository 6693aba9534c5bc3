"""Settings: ``base`` reads the environment; ``dev``, ``test`` and ``prod`` choose defaults."""
