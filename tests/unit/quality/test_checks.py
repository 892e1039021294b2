"""Each kind of flag, with cases that must and must not be flagged (including the pitfalls in RECIPES.md)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wtfc_collect.quality import (
    OWN_WORDS_KINDS,
    Flag,
    FlagKind,
    Verdict,
    check_statement,
    check_statements,
    nhs_number_valid,
)
from wtfc_collect.quality.patterns import _INITIALLED


def flags(text: str, kind: FlagKind, strong: bool | None = None) -> list[str]:
    """The flagged words of one kind (optionally only strong or only soft ones)."""
    return [text[f.start:f.end] for f in check_statement(text).flags
            if f.kind is kind and (strong is None or f.strong is strong)]


def own(text: str) -> bool:
    return check_statement(text).own_words


# --- jargon ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Service user requires support with personal care",
    "Addressing social isolation",
    "Facilitate access to education, training and employment",
    "Concerns regarding the balance of dietary intake",
    "Eligible needs met via domiciliary care",
    "Suffers from dementia",
    "MDT to discuss discharge planning",
])
def test_care_and_office_words_are_strong_jargon(text: str) -> None:
    assert flags(text, FlagKind.JARGON, strong=True)
    assert not own(text)


def test_jargon_flag_explains_in_plain_words_with_an_alternative() -> None:
    flag = check_statement("Service user is happy").of_kind(FlagKind.JARGON)[0]
    assert "'Service user' is how services talk about people" in flag.explanation
    assert "Try: 'me' or 'people who get support'" in flag.explanation
    assert flag.alternative == "me / people who get support"


@pytest.mark.parametrize(("text", "term"), [
    ("My CPN is great", "CPN"),
    ("My PA takes me swimming on Fridays", "PA"),
    ("I get respite once a month and I love it", "respite"),
    ("My key worker is off this week", "key worker"),
    ("I don't want my care package cut", "care package"),
])
def test_people_using_a_term_about_their_own_life_get_a_soft_note_only(text: str, term: str) -> None:
    assert flags(text, FlagKind.JARGON, strong=False) + flags(text, FlagKind.SERVICE, strong=False) == [term]
    assert own(text)


def test_medium_risk_terms_are_strong_without_a_first_person() -> None:
    assert flags("Advocacy offered", FlagKind.JARGON, strong=True) == ["Advocacy"]
    assert flags("I would like an advocate", FlagKind.JARGON, strong=False) == ["advocate"]


@pytest.mark.parametrize("text", [
    "I have chronic pain and it stops me sleeping",
    "Good family contact. Nice keyworker - supportive. Treat me like a person.",
    "You always want to discharge me after 2 - 3 weeks",
    "I love feeding the ducks at the park with my nan",
])
def test_everyday_use_of_risky_words_stays_own_words(text: str) -> None:
    assert own(text)


# --- third person / care-record voice ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("He enjoys going to the shops", "He"),
    ("She does not get on with the evening carers", "She"),
    ("Enjoys TV and music", "Enjoys"),
    ("Requires prompting with medication", "Requires"),
    ("Would like to attend more activities", "Would like"),
    ("Client is happy with current service", "Client"),
    ("The adult is eating a restricted diet", "adult"),
    ("John enjoys bingo on a Tuesday", "John"),
])
def test_care_record_voice_is_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Remind him to use his stick on the stairs", "Remind"),
    ("Assist with washing and dressing each morning", "Assist"),
    ("Encourage the service user to drink plenty", "Encourage"),
    ("Check pressure areas before the patient is moved", "Check"),
    ("Prompt with medication at 8am and 6pm", "Prompt"),
])
def test_an_instruction_to_staff_about_the_person_is_care_record_voice(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)
    found = next(f for f in check_statement(text).flags if f.kind is FlagKind.THIRD_PERSON)
    assert "instruction to staff" in found.explanation


@pytest.mark.parametrize(("text", "word"), [
    ("Speak slowly and use short, simple words.", "Speak"),
    ("Offer a choice of two drinks at each meal.", "Offer"),
])
def test_guidance_to_staff_on_how_to_be_with_someone_is_not_the_persons_words(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    found = next(f for f in check_statement(text).flags if f.kind is FlagKind.THIRD_PERSON)
    assert "guidance to staff" in found.explanation
    assert not own(text)


@pytest.mark.parametrize("text", [
    "Listen to patients more",  # a suggestion to a service, read as talk
    "Keep up the good work",
    "Give them a pay rise",  # about the staff
    "Give staff more breaks",
    "Give  them a pay rise",  # however it is spaced
    "Keep relatives updated",
    "Introduce yourself",  # said to the reader
    "Speak to me like a person",  # the person speaks
    "Support workers were always kind",  # a noun, not an instruction
    "Repeat prescription service is slow",
    "Contact with the surgery is difficult",
])
def test_suggestions_to_a_service_are_not_guidance_to_staff(text: str) -> None:
    assert not any("guidance to staff" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "Do you have any difficulty getting dressed?",  # a form's question to the person
    "Does your family help you with shopping?",
    "What is important to you for the future?",  # the review's own questions pasted in
    "What is working? What is not working?",
    "How often do you go out? ",
    "Is the person able to manage their own money?",  # … or about the person
    "Which days suit you best for a visit?",
    "\u201cWhat matters to you?\u201d",  # in curly quotes
])
def test_a_question_in_place_of_an_answer_is_not_the_persons_words(text: str) -> None:
    found = check_statement(text).of_kind(FlagKind.REGISTER)
    assert found and found[0].strong
    assert "question" in found[0].explanation and found[0].start == 0
    assert text[found[0].start:found[0].end] == text.strip()
    assert not own(text)


@pytest.mark.parametrize("text", [
    "Why can't I see my friends more often?",  # the person asking, in their own voice
    "When will we get our garden back?",
    "Are the carers coming today?",  # asked of a service, not put to 'you' or 'the person'
    "Who decides?",
    "Why is the lift always broken?",
    "Where are his glasses?",
    "How would you feel?",  # what if, put to whoever listens
    "Would you put up with it?",
    "Can you imagine waiting 6 hours for an ambulance?",
    "Have you ever tried getting a GP appointment?",
    "Are you listening. Does anyone care?",  # says something besides
    "What is working for me?",  # the review's question in the person's own voice
    "I wonder what happens next?",
])
def test_someone_asking_in_their_own_voice_is_not_a_forms_question(text: str) -> None:
    assert not any("question" in f.explanation for f in check_statement(text).flags)


def test_a_question_read_as_talk_counts_only_as_one_of_the_reviews_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from wtfc_collect.quality import checker

    assert any("question" in f.explanation for f in check_statement("Do you like music?").flags)
    monkeypatch.setattr(checker, "reads_as_talk", lambda probability: True)
    assert not any("question" in f.explanation for f in check_statement("Do you like music?").flags)
    assert any("question" in f.explanation for f in check_statement("What is working for you?").flags)


def test_guidance_counts_only_where_the_statement_does_not_read_as_talk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from wtfc_collect.quality import checker

    text = "Speak slowly and use short, simple words."
    assert not check_statement(text).own_words
    monkeypatch.setattr(checker, "reads_as_talk", lambda probability: True)
    assert not any("guidance to staff" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize(("text", "word"), [
    ("X enjoys going to the shops with his daughter", "X"),
    ("Mrs X likes a cup of tea in the morning", "Mrs X"),
    ("XXXX loves the garden", "XXXX"),
    ("[name] prefers a female carer", "[name]"),
    ("Good staff. XXXX requires two carers for transfers", "XXXX"),
    ("...XXXX enjoys going to the pub", "XXXX"),  # dots straight before the name
])
def test_a_name_already_taken_out_starting_care_notes_is_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Margaret has lived in the village all her life", "Margaret"),
    ("X was diagnosed with COPD in 2015", "X"),
    ("Her daughter visits on Sundays and they go to the market", "Her"),
    ("His wife helps him with his tablets", "His"),
])
def test_someones_life_told_by_someone_else_is_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Priya goes to the temple every Sunday", "Priya"),
    ("Bob has a good relationship with his daughter", "Bob"),
    ("Sam was supported to attend college", "Sam"),
    ("Kelly is a bubbly young woman who loves animals", "Kelly"),
    ("Mr Jones is a retired miner", "Mr Jones"),
    ("Derek's family visit every weekend", "Derek"),
    ("Kim is 25, lives in London and went into care aged seven.", "Kim"),
    ("Jake's parents would like him to find a job", "Jake"),
    ("Sara wants to move out of her parents' home", "Sara"),  # names of the ONS lists
    ("Nora enjoyed the trip but was tired afterwards", "Nora"),
    ("Margaret is a lovely lady who enjoys knitting", "Margaret"),  # praise that goes on to describe her
    ("Derek is a great grandfather of six", "Derek"),
    ("Ruth was assessed by the memory clinic in May.", "Ruth"),  # care told from outside
    ("Ben has been placed in a unit far from home.", "Ben"),
    ("Jim has just fallen again in the hall.", "Jim"),
])
def test_a_life_told_by_name_is_third_person(text: str, word: str) -> None:
    assert any(word in found for found in flags(text, FlagKind.THIRD_PERSON, strong=True))
    assert not own(text)


@pytest.mark.parametrize(("text", "words"), [
    ("The young man enjoys football and computer games", "The young man"),
    ("The lady in room 4 likes her door open", "The lady"),
    ("This person likes routine and gets upset by change", "This person"),
])
def test_someone_described_from_outside_is_third_person(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "The man on reception was lovely",  # how a worker treated the writer
    "I think the man next door likes me",  # the person speaks
])
def test_a_worker_or_a_neighbour_in_the_persons_words_is_not_someone_described(text: str) -> None:
    assert not any("describes someone" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize(("text", "words"), [
    ("We encourage him to make his own choices", "We encourage him"),
    ("I have worked with her for three years and she has come a long way", "I have worked with her"),
    ("I support him to go to the gym", "I support him"),  # a statement the scan calls quiet but for 'him'
    ("As a support worker I feel the service could improve communication", "As a support worker"),
])
def test_a_worker_telling_how_they_support_the_person_is_not_the_persons_words(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "I visit her every Sunday",  # family and friends
    "I help her with the shopping",
    "As a carer I think your team do a wonderful job",  # a family carer
])
def test_people_speaking_of_family_and_friends_are_not_workers(text: str) -> None:
    assert not any("worker telling" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "Sophie was brilliant and explained everything",  # praise of a worker by name
    "Dave is a great support worker",
    "Jane's manner was lovely",
    "Sophie is 5 stars",
    "Stella is a good lady",
    "Rob is a good person to talk to",
    "Tom speaks to me like a friend",  # the person speaks
    "Sophie was a lovely lady.",
    "Dave was a great man.",  # praise in the past tense is not a life told
    "Jim has just fallen asleep on the sofa.",
    "Jack has been found to be a very good worker.",
    "Great service, Sarah was referred quickly and the team were lovely.",  # not at a sentence's start
])
def test_a_worker_praised_by_name_is_not_a_strong_third_person_flag(text: str) -> None:
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []


@pytest.mark.parametrize(("text", "word"), [
    ("The ward rang the day before to go through her operation", "her"),
    ("To be reminded about his medication at breakfast", "his"),
    ("Daughter helps with shopping and sorts out her tablets", "her"),
])
def test_someones_care_told_from_outside_is_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "The nurse explained her treatment plan for me clearly",  # the writer speaks
    "The physio was great and took time over her notes",  # the worker's own things
    "My mum's nurse checks her medication every week",  # a relative saying 'my'
])
def test_care_told_by_someone_who_speaks_or_about_a_worker_is_not_third_person(text: str) -> None:
    assert not any("from outside" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "XXXX was lovely and explained everything",  # praise of a worker whose name was taken out
    "XXXX has been very supportive",
    "I love X Factor on a Saturday",
    "My son X loves the group",
])
def test_a_name_taken_out_in_praise_or_first_person_is_not_a_strong_flag(text: str) -> None:
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []
    assert own(text)


@pytest.mark.parametrize(("text", "words"), [
    ("People told us they felt safe and well cared for.", "People told us"),
    ("Some patients felt there were not enough appointments.", "Some patients felt"),
    ("People said the food was nice but the lounge was cold", "People said"),  # no word the scan looks for
    ("Relatives we spoke with said staff were kind.", "Relatives we spoke with said"),
    ("The home is clean. Most residents were complimentary about the food.",
     "Most residents were complimentary"),
    ("Another person said they felt things had not improved.", "Another person said"),
    ("Everyone we asked told us they were happy with the service.", "Everyone we asked told us"),
    ("People and relatives said the staff were kind.", "People and relatives said"),
    ("They told us that the food was good.", "They told us"),
])
def test_a_summary_of_what_a_group_said_is_not_one_persons_words(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "words"), [
    ("We spoke with five patients who used the service.", "We spoke with five"),
    ("We observed interaction between staff and patients.", "We observed"),
    ("We carried out an announced inspection on 17 May.", "We carried out an"),
    ("We looked at the care plans of three people.", "We looked at the care plans"),
])
def test_an_account_of_an_inspection_visit_is_not_a_persons_words(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "words"), [
    ("Willow Court is a 42 bed nursing home on the edge of the town.", "is a 42 bed nursing home"),
    ("The agency is registered to provide personal care to people in their own homes.",
     "is registered to provide"),
    ("It offers short breaks for up to 6 adults with a learning disability.",
     "offers short breaks for up to 6 adults"),
    ("The scheme can support a maximum of 12 tenants with 24-hour staff cover.",
     "support a maximum of 12 tenants"),
])
def test_a_service_described_as_a_report_opens_is_not_a_persons_words(text: str, words: str) -> None:
    found = [f for f in check_statement(text).flags if "describes a service" in f.explanation]
    assert [text[f.start:f.end] for f in found] == [words] and found[0].strong
    assert not own(text)


@pytest.mark.parametrize(("text", "words"), [
    ("I am supported to manage my own money.", "supported to"),
    ("I feel valued, included and empowered to make decisions about my life.", "empowered to"),
    ("Tenants are enabled to take part in the running of the scheme.", "enabled to"),
    ("Residents are encouraged to personalise their rooms.", "encouraged to"),
])
def test_a_services_help_told_as_policies_put_it_is_not_a_persons_words(text: str, words: str) -> None:
    found = [f for f in check_statement(text).flags if "how policies and plans" in f.explanation]
    assert [text[f.start:f.end] for f in found] == [words] and found[0].strong
    assert not own(text)


@pytest.mark.parametrize("text", [
    "I was encouraged to ask questions and it helped.",  # what happened, in the past
    "The nurses supported me to get back on my feet.",
    "I feel supported by my family.",
    "I am encouraged to see my grandson more now he lives nearby.",  # 'encouraged' as heartened
])
def test_help_told_as_it_happened_is_not_policy_wording(text: str) -> None:
    flags = check_statement(text).flags
    assert not any("how policies and plans" in f.explanation and f.strong for f in flags)


@pytest.mark.parametrize(("text", "words"), [
    ("A small number of residents stayed in bed until lunchtime.", "A small number of residents"),
    ("People who use the service have regular reviews of their support.", "People who use the service"),
    ("Most people living in the home had a call bell within reach.", "Most people living in the home"),
])
def test_the_people_a_service_supports_written_about_as_a_group_is_a_report(text: str, words: str) -> None:
    found = [f for f in check_statement(text).flags if "as a group" in f.explanation]
    assert [text[f.start:f.end] for f in found] == [words] and found[0].strong
    assert not own(text)


@pytest.mark.parametrize("text", [
    "Residents are really friendly here.",  # a person's view of the others
    "The residents were shouting all night.",
    "Residents don't get enough to eat here.",  # a resident's view of how residents are treated
    "All residents love the garden.",
])
def test_a_persons_view_of_the_others_where_they_live_is_not_a_report(text: str) -> None:
    assert not any("as a group" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "The ward is a 20 bed unit and was always short staffed.",
    "Visiting was for up to 2 people per patient, which was hard.",
    "Our local hospice is a 12 bed home from home and it was so peaceful.",  # a family speaks
    "The unit can care for up to 12 patients and it was always full.",
    "Nursing staff had to look after up to 30 patients each night.",
    "The care was good but waiting up to 5 hours for a bed is too long.",
])
def test_beds_and_waits_in_a_persons_account_are_not_a_service_described(text: str) -> None:
    assert not any("describes a service" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "We saw the consultant quickly and were told what would happen next",  # a patient and family
    "We spoke to the nurse who was lovely",
    "They said I could go home the same day",  # the person speaks
])
def test_a_family_telling_its_visit_is_not_an_inspection_report(text: str) -> None:
    assert not any(("inspector" in f.explanation or "group of people" in f.explanation)
                   for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "The staff explained everything clearly",  # what staff did, as people write about a service
    "People told me I was brave to ask for help",
    "Other patients said the food was poor and I agree",
    "People are lovely here",
])
def test_people_in_a_persons_own_account_are_not_a_report(text: str) -> None:
    assert not any("what a group of people said" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize(("text", "words"), [
    ("Carers to ensure the pendant alarm is worn at all times", "Carers to"),
    ("Support to attend GP appointments as required", "Support to"),
    ("Encourage to maintain a healthy diet", "Encourage to"),
    ("Unmet need: personal care", "Unmet need:"),
    ("Mobility: walks short distances with a frame", "Mobility:"),
    ("Desired outcome: to feel less lonely", "Desired outcome:"),
    ("District nurses to dress the leg ulcer weekly", "District nurses to"),
    ("Potential for skin breakdown due to incontinence", "Potential for"),
    ("Risk of isolation related to reduced mobility", "Risk of"),
])
def test_a_line_of_a_care_plan_is_care_record_voice(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "Staff to spend more time with patients",  # a suggestion to a service
    "Communication: could be better",  # a heading people use when they write about a service
    "Goal: I want to walk to the shop on my own",  # the person speaks
    "Support to me was brilliant",
    "Prompt to see me, no waiting",  # 'prompt' as in quick, and the person speaks
    "Risk of falling is why I use my frame because of my balance",  # the person speaks
])
def test_suggestions_and_headings_people_use_are_not_care_plan_lines(text: str) -> None:
    assert not any("line of a care plan" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", ["Review in 6 weeks", "Reassess in three months", "Review annually"])
def test_the_date_of_the_next_review_is_a_service_not_a_life(text: str) -> None:
    assert flags(text, FlagKind.SERVICE, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "I review my diary every week",
    "The review in 6 weeks went well",
    "Review in 6 weeks was really helpful for me",  # a soft note at most
])
def test_a_review_the_person_talks_about_is_not_a_strong_service_flag(text: str) -> None:
    assert flags(text, FlagKind.SERVICE, strong=True) == []


@pytest.mark.parametrize("text", [
    "Give patients more time to ask questions",  # a suggestion to a service, in the person's words
    "Help me with my shopping",
    "Support was brilliant when my wife was ill",
    "Make the waiting room warmer",
    "Check-in was quick and easy",
])
def test_suggestions_and_praise_are_not_instructions_to_staff(text: str) -> None:
    assert not any("instruction to staff" in f.explanation for f in check_statement(text).flags)


@pytest.mark.parametrize("text", [
    "I like the food; I can choose what I want",
    "Having someone visit me daily.",
    "Getting to the football",
    "They (the staff) are marvellous",
    "When you're alone, you feel that you can't achieve anything.",
    "Mum comes home from the day centre chatty and tired in a good way",
    "Would be nice to see the same nurse each time",
    "Can't get up the stairs any more",
])
def test_first_person_and_plain_phrases_are_not_third_person(text: str) -> None:
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []


def test_a_named_worker_praised_is_only_a_soft_note() -> None:
    text = "Michelle was very helpful"
    assert flags(text, FlagKind.THIRD_PERSON) == ["Michelle"]
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []
    assert own(text)


@pytest.mark.parametrize("text", [
    "The nurse on nights was gentle and did all she could.",
    "Nothing was too much for the physio, he was great.",
    "Could not fault the staff member on reception, she was so patient.",
    "Only met one nurse on the ward but she explained everything.",
    "Care was good at the clinic and he took the time to go through it all.",
])
def test_he_or_she_about_a_worker_is_not_the_person_written_about(text: str) -> None:
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []


@pytest.mark.parametrize("text", [
    "He really listened.",
    "She was so considerate and comforting the whole time.",
    "She listened to me properly for once.",
    "Amazing, she went the extra mile for us.",
    "His manner was very reassuring.",
])
def test_what_someone_did_for_the_writer_says_they_helped_without_naming_a_service(text: str) -> None:
    # Listening, taking the time or going the extra mile is what a helper does for the one who writes.
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Referred today: a frail 88-year-old woman living on her own.", "a frail 88-year-old woman"),
    ("A quiet gentleman in his early nineties who likes the radio on.",
     "A quiet gentleman in his early nineties"),
    ("Mr T, 79, has been a widower since last spring.", "Mr T"),
    ("Gwen, 91, keeps budgies and rarely goes out.", "Gwen"),
    ("XXXX, aged 70, moved into sheltered housing.", "XXXX"),
])
def test_someone_introduced_by_their_age_is_third_person(text: str, words: str) -> None:
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "The poor old man in his 80s in the bed opposite was crying all night.",  # another patient
    "There was a man in his 80s in the next bed.",  # someone met, not introduced
    "Having a 3 year old boy in A&E for 6 hours was hard.",  # a child, with a parent
    "Monday, 10, was the worst day.",  # not a name before the comma
    "Will, 10, out of 10 would recommend.",  # a name that is also a word
    "Honestly, 10, out of 10.",
    "Waited 2 hours, 30 minutes in the waiting room.",
])
def test_ages_and_numbers_that_introduce_nobody_are_not_third_person(text: str) -> None:
    assert not [f for f in check_statement(text).flags if "by their age" in f.explanation]


@pytest.mark.parametrize(("text", "words"), [
    ("Mrs K moved into extra care housing after a review of her needs.", "Mrs K"),
    ("The social worker visited Mr D at home twice that month.", "Mr D"),  # not only as the subject
    ("Adult Q was known to drink heavily and lived alone.", "Adult Q"),
    ("Staff said Child BT2 had settled well with the new carers.", "Child BT2"),
    ("Ms. R's daughter raised a complaint with the council.", "Ms. R"),
])
def test_someone_named_by_a_letter_is_written_about_by_a_report(text: str, words: str) -> None:
    # How reviews, case studies and complaint decisions keep a person anonymous: nobody talks like this.
    assert words in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize("text", [
    "I am very grateful to Mr X, the therapist, who put Mum at ease.",  # a name taken out, praised
    "Mr XX was lovely.",
    "Patient GP appointments are hard to get.",  # a service's letters
    "Adult LD team were great.",
    "Patient ID bands were missing.",
    "Person A&E staff were kind to me.",
    "Mr J Smith was great.",  # an initial before a surname: a name
    "Miss U already!",
])
def test_letters_that_do_not_stand_for_a_person_are_not_a_report_naming_someone(text: str) -> None:
    assert _INITIALLED.search(text) is None or not _letter_flags(text)
    assert own(text)


@pytest.mark.parametrize("text", [
    "Mr B was brilliant.",  # how patients praise a consultant
    "Mr K - excellent surgeon.",
    "Thanks Mr K!",
    "Mr K and his team saved Dad's life.",
    "Mrs C on reception was very helpful.",
    "Thank you Mrs D for everything you did.",  # someone speaks
    "Mr C put us at ease.",
])
def test_a_helper_named_by_a_letter_in_a_persons_words_is_never_a_strong_flag(text: str) -> None:
    assert _INITIALLED.search(text) is not None  # the pattern sees the letter: the praise or talk decides
    assert not [f for f in _letter_flags(text) if f.strong]
    assert own(text)


def _letter_flags(text: str) -> list[Flag]:
    return [f for f in check_statement(text).flags if "by a letter" in f.explanation]


def test_someone_named_by_a_letter_as_a_relative_tells_it_is_a_soft_note() -> None:
    text = "Mrs K was discharged from hospital without a package of care in place."
    assert [f.strong for f in _letter_flags(text)] == [True]
    said = check_statement(text, relative_speaks=True)
    assert [f.strong for f in said.flags if "by a letter" in f.explanation] == [False]


def test_someone_named_by_a_letter_where_the_person_speaks_is_a_soft_note() -> None:
    text = "My neighbour Mrs T drops in with my paper every morning."
    assert flags(text, FlagKind.THIRD_PERSON, strong=False) == ["Mrs T"]
    assert own(text)


@pytest.mark.parametrize("text", [
    "The advice she gave was spot on and easy to follow.",  # the one who gave the help
    "The care he provided on the ward was first class.",
    "The care she gave him in his last days was wonderful.",
    "The lady was very kind and explained everything.",  # praise that goes on to what she did
    "The lady was lovely :)",
    "Ward staff were great, he is a credit to the team.",
    "Never rushed at the clinic, she is very good at her job.",
    "The lady was very helpful.",  # praise of someone who helped, with no job named
    "The gentleman was so polite!",
    "Loved the cooking course, he was really motivating.",  # a course is a service too
    "* has been fabulous.",  # a name taken out as '*'
    "* has been so patient and kind.",
])
def test_praise_of_whoever_gave_the_help_is_not_a_strong_third_person_flag(text: str) -> None:
    assert flags(text, FlagKind.THIRD_PERSON, strong=True) == []
    assert own(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The lady was confused and unsettled overnight.", "lady"),  # not praise: still care notes
    ("The gentleman was supported to shower.", "gentleman"),
    ("* enjoys the garden and likes to feed the birds.", "*"),  # a name taken out, starting care notes
    ("She gave her daughter a hug when she left.", "She"),  # gave, but no help given
    ("She is a credit to her family and loves baking.", "She"),  # a credit, but not to a service
    ("The lady was kind and settled well after tea.", "lady"),  # praise that goes on into care notes
    ("He was very respectful during the session.", "He"),  # how the person behaved
    ("He is very good at his job at the garden centre and loves working there.", "He"),  # his own job
    ("The support she gave to her sister was amazing.", "she"),  # help given to family
    ("* Doesn't like loud noises", "Doesn't"),  # a list's bullet, not a name taken out
])
def test_praise_words_do_not_hide_care_notes(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)
    assert not own(text)


@pytest.mark.parametrize(("text", "word"), [
    ("She listens to music in her room most evenings", "She"),
    ("She was reassured by staff after the fall", "She"),  # the passive: done to the person
    ("He was helped by the nurse to wash", "He"),
    ("Her mood was low today", "Her"),
    ("His attitude is very negative at times", "His"),
])
def test_what_was_done_to_the_person_or_their_habits_stay_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)


@pytest.mark.parametrize(("text", "word"), [
    ("She is kind and always thinks of others", "She"),
    ("The carer says she slept well", "she"),
    ("The support worker takes Paul to the shops and he buys a paper", "he"),
    ("The nurse dressed his leg and he was comfortable", "he"),
    ("Mum was not herself as she has had a chest infection", "she"),
])
def test_he_or_she_about_the_person_is_still_third_person(text: str, word: str) -> None:
    assert word in flags(text, FlagKind.THIRD_PERSON, strong=True)


# --- service or solution instead of a life ----------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("3 hours of home care a week", "3 hours of home care"),
    ("Four calls a day from the agency", "four calls a day"),
    ("Day centre two days a week", "Day centre two days a week"),
    ("Referral to day centre", "Referral"),
    ("Direct payment to be set up", "to be set up"),
    ("Lifeline pendant in place", "in place"),
    ("Awaiting a reassessment of needs", "Awaiting"),
    ("Needs an increase in care hours", "increase in care"),
    ("Continue current package of care", "package of care"),
])
def test_services_instead_of_a_life_are_flagged(text: str, words: str) -> None:
    found = [w.lower() for w in flags(text, FlagKind.SERVICE, strong=True)]
    assert words.lower() in found
    assert not own(text)


@pytest.mark.parametrize("text", [
    "Helping out in the charity shop two mornings a week",
    "Going to church on Sunday and having a cup of tea after",
    "I only see my dad once a month because nobody can drive me there",
])
def test_a_life_with_times_in_it_is_not_a_service(text: str) -> None:
    assert flags(text, FlagKind.SERVICE, strong=True) == []


def test_service_wording_in_the_first_person_is_a_soft_note() -> None:
    text = "The other day I had a carer who only stayed five minutes, I am meant to have a 20 minute call."
    assert own(text)
    assert flags("I get 3 hours of home care a week", FlagKind.SERVICE, strong=False)


# --- vague or empty answers ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ok", "OK.", "fine", "Nothing", "nothing.", "n/a", "N/A", "No", "All good.", "Everything is fine.",
    "Don't know", "Can't think of anything.", "Same as last time", "Not sure really", "-", "  ",
    "Absolutely nothing", "Excellent service",
])
def test_empty_or_vague_whole_answers_are_vague(text: str) -> None:
    verdict = check_statement(text)
    assert [f.kind for f in verdict.flags] == [FlagKind.VAGUE]
    assert not verdict.own_words


@pytest.mark.parametrize("text", [
    "Not feeling alone.",
    "There is nothing better Chris can do.",
    "I'm fine when I've got my music on",
    "Nothing to do on Mondays since my course finished",
])
def test_vague_words_inside_a_real_statement_are_fine(text: str) -> None:
    assert flags(text, FlagKind.VAGUE) == []


# --- personal data -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("My neighbour Mrs Patel pops in every morning", "Mrs Patel"),
    ("Going to the allotment with Dave", "Dave"),
    ("Tracey was my CPN and her care was excellent .", "Tracey"),
    ("My friend Agnieszka phones on Sundays", "Agnieszka"),
    ("My son Will takes me shopping", "Will"),
    ("His number is 07700 900461 if you need him", "07700 900461"),
    ("Ring my daughter on +44 7700 900118", "+44 7700 900118"),
    ("The landline is 0161 496 0000", "0161 496 0000"),
    ("The rota never gets sent to jo.hartley@example.com", "jo.hartley@example.com"),
    ("I live at NV1 2AB now", "NV1 2AB"),
    ("DOB 03/04/1948, lives alone", "03/04/1948"),
    ("NHS number 943 476 5919", "943 476 5919"),
    ("Thank you to Yvonne and Kathryn for everything", "Yvonne"),  # from the ONS lists
    ("Thank you to Yvonne and Kathryn for everything", "Kathryn"),
    ("Winnie from the day centre calls in", "Winnie"),  # a name of the 1924 list
    ("Faye and Poppy visited on Sunday", "Poppy"),  # a name that is also a word, beside another name
    ("My friend Kelly house-sits when I go away", "Kelly"),  # a clue wins over the word after
])
def test_personal_data_is_found(text: str, found: str) -> None:
    assert found in flags(text, FlagKind.PERSONAL_DATA, strong=True)


@pytest.mark.parametrize("text", [
    "Playing darts at the Red Lion on a Tuesday",
    "Going to watch Northvale Town when they play at home",
    "Visiting Queen Elizabeth Hospital for my eyes",
    "Walking down Elizabeth Street to the shop",
    "I will go in May if it's warm",
    "Having my own key to my front door",
    "I slept well on Kingsley ward",  # a ward named after someone
    "Willow trees and Poppy fields on my walk",  # names that are also words need a clue
    "A day trip to Chester with the Christian fellowship",
    "India was lovely, and Chester was busy on Saturday",  # places starting a sentence
    "I went to Marks and Spencer",
    "I love Morris dancing and I'm a Roman Catholic",
])
def test_places_months_and_words_are_not_names(text: str) -> None:
    assert flags(text, FlagKind.PERSONAL_DATA) == []


def test_names_of_friends_do_not_make_a_statement_not_own_words() -> None:
    verdict = check_statement("Going to the allotment with Dave on Sundays")
    assert verdict.own_words
    flag = verdict.of_kind(FlagKind.PERSONAL_DATA)[0]
    assert "replace it with [name] for the workshop" in flag.explanation
    assert "not a problem with the person's own words" in flag.explanation
    assert flag.alternative == "[name]"


def test_an_nhs_number_needs_its_check_digit_and_context() -> None:
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("943476591")
    # A valid number with no "NHS" near it is only a soft note: 1 in 11 random numbers pass the check.
    assert flags("Ref 943 476 5919", FlagKind.PERSONAL_DATA, strong=False) == ["943 476 5919"]
    # A bare number whose check digit is wrong is not an NHS number: nothing.
    assert flags("Ref 943 476 5918", FlagKind.PERSONAL_DATA) == []
    # Written as an NHS number, it still points to someone even when mistyped: flagged, strongly.
    assert flags("NHS no. 943 476 5918", FlagKind.PERSONAL_DATA, strong=True) == ["943 476 5918"]


def test_a_date_that_is_not_a_birth_date_is_a_soft_note() -> None:
    assert flags("My husband died on 3 May 1998", FlagKind.PERSONAL_DATA, strong=False) == ["3 May 1998"]
    assert flags("Born 3rd March 1950", FlagKind.PERSONAL_DATA, strong=True) == ["3rd March 1950"]


# --- acronyms ------------------------------------------------------------------------------------------

def test_shouting_is_not_acronyms() -> None:
    assert check_statement("THANK YOU ALL SO MUCH") == Verdict(own_words=True, flags=())
    assert flags("I was NOT happy with it", FlagKind.ACRONYM) == []


def test_everyday_acronyms_are_fine_and_unknown_ones_a_soft_note() -> None:
    assert check_statement("I saw my GP and then went to A&E and the NHS was great").flags == ()
    assert flags("The QMC parking is awful", FlagKind.ACRONYM, strong=False) == ["QMC"]
    assert own("The QMC parking is awful")


def test_care_acronyms_are_jargon() -> None:
    assert flags("Awaiting CHC assessment; DST completed", FlagKind.JARGON, strong=True) == ["CHC", "DST"]
    assert flags("Awaiting OT assessment", FlagKind.JARGON) == ["OT", "assessment"]


# --- the verdict --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("My dad is 91 now and has had three falls since the summer.", "My dad"),
    ("My sister has Down's syndrome and can't read or write.", "My sister"),
    ("Our son, Ethan, has autism and needs help with everything.", "Our son, Ethan,"),
    ("My wife is in her late 70s and can no longer walk to the shops.", "My wife"),
    ("Mum was diagnosed with vascular dementia two years ago.", "Mum"),
    ("When we visited he was still in his pyjamas at teatime.", "he"),
    ("When we visited Dad, he was sitting in a wet bed.", "he"),
    ("Dad looked lost and thin when I arrived on Sunday.", "Dad"),
])
def test_a_relative_telling_the_persons_story_is_not_their_own_words(text: str, who: str) -> None:
    verdict = check_statement(text)
    assert not verdict.own_words
    story = [f for f in verdict.of_kind(FlagKind.THIRD_PERSON) if "family member's story" in f.explanation]
    assert [text[f.start:f.end] for f in story] == [who]
    assert all(f.strong and "Said by" in f.explanation for f in story)


@pytest.mark.parametrize("text", [
    # Family in the person's own life: what relatives do, their plans, their own news.
    "My daughter lives in Leeds and I only see her at Easter.",
    "My grandson loves football and takes me to matches.",
    "My daughter can't look after me any more because she works.",
    "My son can't stand my carers.",
    "My wife can't hear well so please speak up.",
    "My daughter is 60 miles away.",
    "My partner is 60 next month.",
    "My husband is 65 and still works.",
    "My daughter has had two babies.",
    # Numbers that are not an age.
    "My dad is 100% happy with the carers.",
    "My mum is 90 percent better.",
    # How a service treated a relative.
    "My son was treated with kindness on the ward.",
    "My daughter has epilepsy and the paramedics were fantastic with her.",
    "Dad was comfortable when we visited and the nurses were brilliant.",
    "When we arrived, he was already in theatre and the staff kept us informed.",
    "She was so kind when I arrived.",
    # A carer speaking of the one they care for: in a carers' review, their own words.
    "My husband has Parkinson's and I look after him at home.",
    "I care for my mum, who is 88, and I never get a break.",
    "My dad has dementia and I'm his carer.",
    "We are her carers and my mum has Parkinson's.",
])
def test_family_in_the_persons_own_life_is_not_a_relatives_story(text: str) -> None:
    assert not [f for f in check_statement(text).flags if "family member's story" in f.explanation]


def test_a_relatives_story_recorded_as_said_by_family_is_not_flagged_again() -> None:
    # The flag asks staff to record the relative under 'Said by'; once they have, it steps aside, and the
    # other checks still run.
    text = "My dad is 91 now and has had three falls since the summer."
    assert not check_statement(text).own_words
    assert check_statement(text, relative_speaks=True).own_words
    care_notes = "My mum is 88 now. Service user requires support with medication."
    assert not check_statement(care_notes, relative_speaks=True).own_words
    # A relative tells the person's life as 'she' and 'her …': their own words, a soft note only; an
    # opening of care notes is still one.
    told = "Mum is 88 and she can no longer cook for herself."
    assert not check_statement(told).own_words
    said = check_statement(told, relative_speaks=True)
    notes = [(told[f.start:f.end], f.strong) for f in said.of_kind(FlagKind.THIRD_PERSON)]
    assert said.own_words and notes == [("she", False)]
    assert not check_statement("Requires prompting with her tablets.", relative_speaks=True).own_words
    verdicts = check_statements([("a", text, "P-1"), ("b", text, "P-2")], None, said_by_relatives={"a"})
    assert not [f for f in verdicts["a"].flags if "family member's story" in f.explanation]
    assert [f for f in verdicts["b"].flags if "family member's story" in f.explanation]


def test_own_words_follows_the_strong_flags_of_the_own_words_kinds() -> None:
    assert own("My memory is going and it frightens me")
    assert check_statement("My memory is going and it frightens me").flags == ()
    verdict = check_statement("Mr Jones states he is happy with his care")
    assert not verdict.own_words
    assert {f.kind for f in verdict.flags} >= {FlagKind.THIRD_PERSON, FlagKind.PERSONAL_DATA}


def test_flags_point_at_the_words_and_are_sorted() -> None:
    text = "Service user Mrs Jones requires prompting, ring 07700 900461"
    verdict = check_statement(text)
    starts = [f.start for f in verdict.flags]
    assert starts == sorted(starts)
    for flag in verdict.flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert flag.explanation[0].isupper() or flag.explanation.startswith("'")


def test_curly_quotes_and_odd_characters_keep_positions() -> None:
    text = "İ don\u2019t like the service user\u2019s room"
    flag = check_statement(text).of_kind(FlagKind.JARGON)[0]
    assert text[flag.start:flag.end] == "service user"


def test_a_flag_is_frozen() -> None:
    flag = Flag(kind=FlagKind.VAGUE, start=0, end=2, explanation="x")
    with pytest.raises(AttributeError):
        flag.start = 1  # type: ignore[misc]


PIECES = ["I", "my", "He", "service user", "Mrs", "Patel", "07700 900461", "CPN", "NHS", "943 476 5919", "ok",
          ".", "3 hours", "a week", "to be set up", "İ", "\u2019", "-", "Dave", "THANK YOU"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_any_text_gets_a_consistent_verdict(text: str) -> None:
    verdict = check_statement(text)
    for flag in verdict.flags:
        assert 0 <= flag.start <= flag.end <= len(text)
        assert flag.explanation.strip()
    assert verdict.own_words is not any(f.strong and f.kind in OWN_WORDS_KINDS for f in verdict.flags)
