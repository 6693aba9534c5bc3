"""No models: the project package holds only the migrations of the models that moved to
``accounts``, ``pages`` and ``caching`` (their tables keep the ``ballerup_portal_``
names)."""
