"""Steps 3 to 8: card call, priorities, themes in numbers, understand, success, ideas and plans, progress
and review, and the golden thread; ``forms`` holds the small form helpers these screens share."""
