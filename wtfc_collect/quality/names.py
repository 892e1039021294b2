"""Common first names in the UK, for finding names that must be taken out before a workshop.

Written for WTfC Collect: a plain list of everyday first names across generations and backgrounds. It
does not need to be complete: a name after "my friend", "my carer", "Mrs" … is found without it.
"""

from __future__ import annotations

from importlib import resources

# First names given to babies in England and Wales since 1904 (ONS, Open Government Licence v3.0): see
# the file's header and scripts/gather_first_names.py.
NAMES_FILE = "first_names.txt"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _published_names() -> frozenset[str]:
    text = resources.files(__package__ or "wtfc_collect.quality").joinpath(NAMES_FILE).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# Everyday first names across generations and backgrounds, written for the project (many are in the
# ONS file too; some, such as Welsh, Scottish, Polish and South Asian names, are not in its lists).
_KNOWN_NAMES = _words("""
Aaron Abdul Abigail Adam Adrian Agnes Ahmed Aidan Aisha Alan Albert Alex Alexander Alexandra Alfie
Alfred Ali Alice Alison Amanda Amelia Amir Amy Andrea Andrew Andy Angela Anita Ann Anna Anne Annie
Anthony Archie Arthur Asif Audrey Ayesha Barbara Barry Beatrice Becky Ben Benjamin Bernard Beryl Bethany
Betty Beverley Bev Bilal Billy Bob Brenda Brian Bridget Callum Carl Carol Caroline Catherine Charlie
Charlotte Cheryl Chloe Chris Christine Christopher Claire Clare Colin Connor Craig Daniel Danny Darren
Dave David Dawn Dean Debbie Deborah Declan Dennis Derek Diane Donna Doreen Doris Dorothy Douglas Duncan
Edith Edna Edward Eileen Elaine Eleanor Elizabeth Ella Ellie Elsie Emily Emma Eric Ernest Ethan Evelyn
Fatima Fiona Freddie Gareth Gary Gavin Gemma Geoff Geoffrey George Gerald Gillian Gladys Glenn Gordon
Graham Gwen Hamza Hannah Harold Harry Harvey Hassan Hayley Hazel Helen Henry Hilda Howard Hugh Hussain
Ian Imran Irene Isaac Isabel Isabella Isla Ivy Jackie Jacob Jake James Jamie Jane Janet Janice Jason
Jean Jeff Jennifer Jenny Jeremy Jessica Jim Jimmy Joan Joanne Joe Joel John Johnny Jonathan Joseph Josh
Joshua Joyce Judith Judy Julia Julie Justin Karen Kate Katie Kayleigh Keith Kelly Kenneth Kerry Kevin
Khalid Kieran Kirsty Kwame Laura Lauren Leah Leanne Leon Leonard Lesley Leslie Liam Lily Linda Lindsay
Lisa Liz Lorraine Louise Lucy Luke Lynn Lynne Maggie Malcolm Mandy Margaret Maria Marian Marie Marion
Martin Mary Matthew Maureen Megan Melanie Michael Michelle Mick Mike Mohammed Mohammad Muhammad Molly
Muriel Nadia Naomi Natalie Neil Nicholas Nicola Nigel Noah Norma Norman Oliver Olivia Owen Pamela Pam
Patricia Patrick Paul Paula Pauline Peggy Peter Phil Philip Phyllis Priya Rachel Raj Rajesh Ravi Rebecca
Reg Reginald Rhys Richard Rita Rob Robert Rodney Roger Ron Ronald Rosemary Ross Roy Ruth Ryan Sadie
Sally Sam Samantha Samir Samuel Sandra Sarah Scott Sean Shane Sharon Shaun Sheila Shirley Sian Simon
Sophie Stacey Stanley Stephen Steve Steven Stewart Stuart Susan Suzanne Sylvia Tanya Terry Theresa
Thomas Tim Timothy Tina Toby Tom Tommy Tony Tracey Tracy Trevor Vera Vicky Vincent Violet Wayne Wendy
William Yasmin Yusuf Zara Zoe Agnieszka Piotr Tomasz Oksana Mehmet Deepak Sunita Harpreet Gurpreet Amira
Sanjay Anil Nasreen Shabana Bronwen Dafydd Gethin Siobhan Fergus Morag Hamish Eilidh Niamh Ciaran
""")

# First names that are also everyday words or places: only a name after a clue ("my friend Will").
AMBIGUOUS_NAMES = _words("""
Will May June April August Grace Joy Hope Faith Rose Mark Bill Pat Sue Jack Frank Ray Victoria Summer
Holly Ruby Amber Jade Heather Iris Daisy Robin Drew Georgia Chelsea Kim Lee Florence Sky Autumn Eve
Carmen Penny Dot Sunny Rich Guy Miles Chase Hunter Gene Art Ace Kit Max Md Saint Verity Winter Archer
Atlas Austin Bailey Basil Beau Belle Blossom Bonnie Brooke Cairo Carter Chester Christian Clementine Cooper
Cruz Dakota Dale Dolly Eden Ember Fern Flora Glen Harmony Harper Honey India Jasmine Jay Jordan Lincoln
Mali Marina Mason Maverick Meadow Melody Milan Noel Nova Ocean Olive Orion Paisley Parker Pearl Phoenix
Piper Poppy Primrose Rae Raven Reign Rex Rio River Rome Rowan Royston Savannah Skye Sydney Taylor Teddy
Vienna Willow Wren Zion Roman Spencer Morris Tate Harley Ashton Brandon Hudson
""")

# Words before a name that make a following capitalised word a name: "my neighbour Dave".
NAME_CLUES = _words("""
friend friends neighbour neighbours neighbor carer carers worker nurse doctor dr sister brother son
daughter wife husband partner mate pal cousin aunt auntie aunty uncle nephew niece grandson
granddaughter grandma grandad granddad nan nana gran grandpa boyfriend girlfriend called named manager
housemate keyworker therapist dad mum mam mother father stepdad stepmum fiance fiancee
""")

# Words after a capitalised word that make it a place, not a person: "Elizabeth Street".
PLACE_WORDS = _words("""
Street St Road Rd Avenue Lane Close Drive Way Park Court House Hall Hospital Centre Center Ward Unit
Surgery Practice Clinic School College Academy Church Chapel Arms Inn Hotel Gardens Square Place
Crescent Terrace Grove Hill Green Estate Village Town City Bridge Station Library Lodge Manor View Mews
Row Walk Wharf Trust Foundation Group Club Shopping Mall Market Building Tower Memorial Infirmary Home
Homes
""")

# Ambiguous names that are too often ordinary words even at the start of a sentence before a verb.
WORD_FIRST = _words("""
Will May June April August Hope Faith Joy Summer Autumn Sky Art Rich Guy Chase Miles India Chester Jordan
Lincoln Austin Milan Rome Vienna Cairo Sydney Dakota Paisley Royston Mali Skye River Ocean Meadow Christian
Basil Honey Reign Atlas Orion Phoenix Saint Winter Ace Savannah Harmony Melody Primrose Blossom Ember Nova
Marina Flora Glen Dale Roman Spencer Morris Tate Harley Ashton Brandon Hudson
""")

# Capitalised words that follow "my friend" and the like but are not names.
NOT_NAMES = _words("""
Support Team Service Services Staff Nurse Nurses Worker Workers Unit Ward Care Health Mental Community
Hospital Centre Home Group Carer Carers Doctor Doctors Manager Social Day Night Morning Evening
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July September October
November December Christmas Easter God Lord Jesus The And But So
""")

TITLES = ('Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Doctor', 'Nurse', 'Sister', 'Father', 'Rev', 'Prof')

# Read as names wherever they are written with a capital letter.
FIRST_NAMES = ((_KNOWN_NAMES | _published_names())
               - AMBIGUOUS_NAMES - NOT_NAMES - PLACE_WORDS - frozenset(TITLES))
