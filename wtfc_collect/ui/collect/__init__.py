"""Step 2, collect: Reviews, Review with a person, My review (own review), Voice answers to write down."""
