"""The quality checkpoint, half way through collecting: progress and how the words read (``checkpoint``),
and the decision on each person's top two before anything reaches a workshop (``check_statements``)."""
