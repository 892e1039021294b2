"""Administration screens: accounts."""
