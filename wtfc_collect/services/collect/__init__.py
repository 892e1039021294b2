"""Step 2, collect: person-centred reviews, with a member of staff or the person's own, in their own words.

Starting, filling in and sending in reviews (``reviews``), gentle own-words notes while typing
(``own_words``), codes that open an own review (``codes``), voice answers written down with the person
(``voice_answers``), and reviews in and out as tables and Word forms (``exchange``).
"""
