"""``briefbot demo``: the whole pipeline on the shipped sample data, with no tokens."""
