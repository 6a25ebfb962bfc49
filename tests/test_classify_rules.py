"""The rules package: its decision record, the awareness and idiom gates, and the lists the DSL can edit."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from pydantic import ValidationError

from watchtower.classify import Classifier, load_classifier, rules
from watchtower.classify._normalise import variants
from watchtower.classify.config import ClassifierConfig
from watchtower.classify.rules import Hit, lists
from watchtower.classify.rules.lists import needed_strings, shipped
from watchtower.cli import main as cli_main
from watchtower.models import Severity

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "watchtower.toml"


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


def hits(text: str, cfg: ClassifierConfig | None = None) -> list[Hit]:
    return rules.detect(text, variants(text), None, cfg or ClassifierConfig())


class TestHitRecord:
    """A decision is a record (category, by, name, evidence); the reason people read is rendered from it."""

    def test_a_rule_hit_renders_the_reason_people_have_always_seen(self) -> None:
        hit = Hit("threat", "threat_phrase", "'going to shoot'")
        assert hit.reason == "rule:threat_phrase 'going to shoot'"
        assert (hit.by, hit.score) == ("rule", 1.0)

    def test_a_hit_without_evidence_is_just_its_name(self) -> None:
        assert Hit("personal_data", "home_address").reason == "rule:home_address"

    def test_a_list_hit_says_it_came_from_a_list(self) -> None:
        assert Hit("hate", "code_1488", "'1488'", by="list").reason == "list:code_1488 '1488'"

    def test_detect_returns_records_with_the_rule_name_and_the_quoted_words(self) -> None:
        [hit] = [h for h in hits("I'm going to shoot you tomorrow") if h.category == "threat"]
        assert (hit.by, hit.name, hit.quote) == ("rule", "threat_phrase", "'i'm going to shoot you'")


def norm(text: str) -> str:
    return variants(text)[0]


class TestStaffQuoted:
    @pytest.mark.parametrize("text", [
        "sir said 'i'm gonna murder this class' cos we talked in the test",
        "Mrs Nolan said before they went on 'if anyone sings flat I will end you'",
        "my geography teacher said \"if anyone forgets their case studies I will end you\"",
        "Our head of PE literally said 'we'll murder them' about the U12 match",
    ])
    def test_a_member_of_staff_quoted_saying_something(self, text: str) -> None:
        assert rules.STAFF_SAID.search(norm(text))

    @pytest.mark.parametrize("text", [
        "sir is a joke. 'I will end you' is what I'd say to him",           # no saying told
        "Y9 lad said 'I'll get you after school'",                          # not a member of staff
        "Mr Platt said it was fine. Then he left",                          # nothing quoted
    ])
    def test_not_a_member_of_staff_quoted(self, text: str) -> None:
        assert not rules.STAFF_SAID.search(norm(text))


class TestAwarenessGate:
    """An awareness or teaching post is recognised by a whole construction, never by one common word."""

    @pytest.mark.parametrize("text", [
        "A workshop on knife crime for Year 10 this afternoon",
        "Anti-bullying week starts Monday: odd socks on Tuesday!",
        "Year 6 had an assembly about grooming and staying safe online",
        "Year 9 explored why young people are drawn into gangs",
        "Macbeth, plenty of stabbing on stage",
        "Mental Health Awareness Week: please talk to someone",
        "E-safety workshop on grooming for parents",
        "If you are struggling, call Samaritans on 116 123",
        "A visit from the police about county lines",
        "Read our anti-bullying policy on the website",
        "Rehearsals for the school play continue after half term",
        "In PSHE this week pupils learned about consent",
        "Food tech: Year 8 had a knife skills lesson today",
        "CALM helpline 0800 58 58 58, 5pm to midnight",
        "Year 11 bake sale for Mind on Friday, brownies 50p",
        "Year 6 drugs education: what county lines means and how to say no",
        "Year 11 Sociology: crime and deviance, and why young men carry knives",
        "Criminology: county lines and how exploitation works, from a speaker who lived it",
        "Our Year 9s have made a short film about county lines, premiere on Thursday",
        "Year 11 ran a drugs and county lines information stand at parents' evening",
        "Our Year 11 'Drugs and Exploitation' workshop is on Thursday",          # a quoted title
        "A family who lost their son to knife crime spoke to Year 9 today about carrying blades",   # a visitor
        "criminology today was on county lines and debt bondage",   # the lesson told afterwards
        "Parent info: county lines. How dealers recruit children with trainers and phones",
        "PSE for Year 9: consent, sexting and the law",             # PSE, as Scottish schools call PSHE
        "PSHE Y11: consent, healthy relationships and county lines",   # the year after the subject (round 61)
        "PSHE recording for Year 10: drugs, county lines and how gangs recruit young people",   # a lesson sent home
        "Food tech: knife safety day! how to carry a knife across a kitchen",   # a subject heading (round 64)
        "RSE Year 9: why 'he only hits me because he loves me' is never true",
        "PSHE drama: Year 10 performed 'Jaz's Story', about county lines",   # two subjects in the heading
        "Geography: Y8 mapped how county lines run out to coastal towns",   # a subject heading opening the post
        "Y10 Citizenship ran a mock trial of a fictional county lines case",   # pupils' work, told by the school
        "Year 9 Drama devised a piece about a boy radicalised online",
        "Our Year 9s spent this week's PSHE unpicking how groomers work online",
        "This week's assembly was on county lines: how gangs groom young people",   # the event told afterwards
        "Year 10 Citizenship have been studying knife crime and county lines",      # the subject beside the year
        "Year 13s are hosting an evening on knife crime with local youth workers",
        "Fourth Form Drama devised a piece about county lines for the festival",   # an independent school's forms
        "The Lower Sixth have been studying knife crime in Sociology",
        "Fundraising for Mind this week: cake sale on Friday",               # a fundraiser told as one
        "Our sponsored walk fundraiser raised £500 for the NSPCC",
        "Year 11 raised £1,200 for the mental health charity",
        "Thank you to PC Patel for visiting our Year 6s to talk about staying safe",   # a visitor's talk
        "a parent talk on online safety tonight in the hall",
        "the talk about knife crime from the youth workers was powerful",
        "Thanks to PC Amos for her talk to Year 8 on knife crime and what carrying one can cost",   # round 181
        "Year 9 drama smashed their devised piece tonight: a boy goes missing after a party",   # round 183
        "Sponsored 12-mile march for a veterans' charity on Saturday, please give what you can",   # round 185
        "Citizenship debate: why do some young people carry knives? Year 10 argued well",   # round 191
        "Youth worker workshop: why carrying a knife makes you less safe, not more",   # round 193
        "Parent workshop tonight: could my child be hiding self-harm during exam season?",   # a time after it (r213)
        "Our policy on mobile phones is on the website",
        "Safeguarding update for parents: how to recognise county lines grooming, including 'cuckooing'",  # round 97
        "If you're not safe at home, you can speak to any member of our staff",   # a notice that signposts help
        # a hate code explained to parents
        'The "14 words" is a white supremacist slogan. If you see "14" next to "88" it\'s worth a conversation',
        'Reminder that "14 words" and "88" get used by the far right, but most 88s are just numbers.',
        '"The goyim know, shut it down" is an antisemitic meme mocking the idea that Jewish people are in control.',
    ])
    def test_awareness_and_teaching_posts_are_recognised(self, text: str) -> None:
        assert rules.aware(norm(text))

    @pytest.mark.parametrize("text", [
        "I'll see you after the play",
        "criminology was boring so I'm going to batter him after",  # a subject named, no lesson told
        "my mind is made up, I'm ending it after history",
        "I'm going to teach him a lesson",
        "see you after assembly, bring the knife",
        "worst day of my life, I want it all to stop",
        "after training I'm going to batter him",
        "had my session with the counsellor, still want to die",
        "this policy is a joke and so are you",
        "stop the drama or you'll regret it",
        "in the workshop he pulled a blade on me",
        "that new science teacher better sleep with the lights on",
        "does it hurt much to drown? the river is so calm at 6am",   # CALM, Mind and Shout are everyday words too
        "you'll shout at my daughter once more and see what happens",
        "my mind at 3am: nobody would notice if I was gone",
        "I put a film on for her little brother and the notes app said who gets her things",   # a film, not a lesson
        "shame to see the stall run by that lot from the hotel",
        # a school's ordinary events are not lessons about harm: a risk written beside them is still a risk
        "wore long sleeves at sports day so nobody sees my arms",
        "non-uniform day tomorrow, can't afford the £1 and mum says i'm not worth it",
        "careers day I see 💣",
        "science week and nobody noticed i haven't eaten since monday",
        # "asking for a science project" is "asking for a friend", not a lesson
        "how many paracetamol is too many? asking for a science project",
        # a year group's doing is not a lesson unless it made or performed a piece of work
        "year 9 performed really badly today and im going to batter them",
        "Y10 mapped his route home, we'll be waiting",
        "year 11 made me cry, im done, going to end it tonight",
        "a geography teacher's address: 12 Mill Road",             # the subject is not the post's heading
        # a performance named as where or when something else happens is not a post about the play
        "I will smash that foster carer's face in when I see her at the school play",
        "wait til after the christmas show, he's getting it at the gates",
        "lesson one: never grass. see him at the gates",                   # "lesson one" is not "lesson on"
        # an event's day or a night out is not its subject
        "our assembly is on monday, bring the knife",
        "assembly on friday, he's getting jumped after",
        "an evening on the town, then he gets stabbed",
        "year 9 history is boring, im going to batter him",
        "the lower sixth common room, after school. bring the blade",      # a form named, no lesson told
        "fundraiser tonight, bring the blade",                             # the word alone
        "ngl the prom theme should be shekels considering who ran the ticket fundraiser",
        # "talk" the verb is what a child told to keep a secret says, not a talk someone gave
        "sir had him by the neck against the lockers and now nobodys allowed to talk about it",
        "rule 4: if you cry you sleep in the garden. no i don't want to talk about it",
        "is there anywhere a 14 yo can go to talk about the cutting thing without my dad finding out",
        "We talk about history and protecting our people. Their parents don't know yet",
        # a parent asking whether there is a policy is a worry, not the school's policy told
        "Does the school have a policy on adults filming at the gates? A man films the kids most afternoons",
        # the veiled threat's sign-off is not guidance given (round 65)
        "I'd stay off the A38 if I sat on that appeals panel this week. Just friendly advice from someone who's had "
        "enough.",
        "a word of advice from me: watch your back on Friday",
        # talking to a year group is not a talk given to it
        "i need to talk to year 10 on monday, they know what they did",
        # a child's own words are not a notice that signposts help
        "if you saw my bruises you'd know I'm not safe at home",
        "I know how to spot the signs he's been drinking again, I'm scared to go home",
        # the slogan itself never calls itself one
        "14 words. 88. Proud of it.",
        "the far right were right about this town, 14 words lads",
    ])
    def test_a_common_word_alone_does_not_make_a_post_an_awareness_post(self, text: str) -> None:
        assert not rules.aware(norm(text))


class TestIdiomGate:
    """Violent words used figuratively are idioms only as whole constructions."""

    @pytest.mark.parametrize("text", [
        "this homework is killing me", "the choir killed it", "the cake sale went down a bomb",
        "what a massacre, 8-0 to the under 12s", "you absolutely slayed", "Year 5 smashed the times tables challenge",
        "he's getting kicked off the team if he misses training again", "I could murder a brew",
        "I'm going to die on that hill by the SS Great Britain",
        "she's going to kill them with extra homework as a reward", "we'll kill them with kindness",
    ])
    def test_figures_of_speech_are_idioms(self, text: str) -> None:
        assert rules.IDIOM.search(norm(text))

    @pytest.mark.parametrize("text", [
        "there's a bomb in the science block", "there will be a massacre on monday",
        "i'm going to slay him after school", "gonna smash his face in", "tomorrow there will be a bloodbath",
    ])
    def test_the_violent_word_alone_is_not_an_idiom(self, text: str) -> None:
        assert not rules.IDIOM.search(norm(text))


def list_reasons(text: str, cfg: ClassifierConfig | None = None) -> list[str]:
    return [h.reason for h in hits(text, cfg) if h.by == "list"]


def lists_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lists.toml"
    path.write_text(body, encoding="utf-8")
    return path


class TestShippedLists:
    """Coded hate, weapon slang and exploitation phrases a model cannot learn, each with its category and note."""

    def test_every_shipped_entry_has_a_category_a_note_and_a_file_saying_where_it_comes_from(self) -> None:
        entries = lists.shipped()
        assert {e.category for e in entries} == {"hate", "threat", "safeguarding"}
        assert all(e.note for e in entries)
        assert not {e.id for e in entries} & set(rules.BUILTIN_RULE_CATEGORY)  # no id is a built-in rule's name
        assert {e.id for e in entries if e.category == "hate"} <= set(rules.RULE_CATEGORY)  # tuning knows them
        folder = resources.files("watchtower.classify").joinpath("lists")
        for name in lists.SHIPPED:
            header = folder.joinpath(name).read_text(encoding="utf-8").split("[[entry]]")[0]
            assert "Where these come from" in header, name

    @pytest.mark.parametrize(("text", "reason"), [
        ("proud of my roots 1488", "list:code_1488 '1488'"),
        ("88 heil to the brothers", "list:code_88 '88'"),
        ("(((Goldberg))) owns the council", "list:echo_brackets '(((goldberg)))'"),
        ("the banks are controlled by the jews", "list:jewish_control_trope 'banks are controlled by the jews'"),
        ("🐒🐒 go back to africa", "list:monkey_emoji_racism '🐒'"),
        ("bringing the nank to school tomorrow", "list:knife_slang 'nank'"),
        ("it's on sight when I see him", "list:on_sight 'it's on sight'"),
        ("easy money, dm me, need runners for the weekend", "list:county_lines_easy_money 'easy money'"),
        ("the flat over the chippy has been cuckooed, kids in and out all night", "list:cuckooing 'been cuckooed'"),
        ("delete this chat after you read it, it's our secret", "list:delete_this_chat 'delete this chat'"),
        ("i'm 13 too, add me on snap", "list:adult_claims_childs_age 'i'm 13 too'"),
        ("my little brother hasnt had anything to eat since yesterday",
         "list:neglect_no_food_at_home 'hasnt had anything to eat since yesterday'"),
        ("no electric again and the kids are freezing",
         "list:neglect_no_food_at_home 'no electric again and the kids'"),
        ("the governors? look into the JQ and it all makes sense", "list:jewish_question 'the jq'"),
        ("six gorillion my foot", "list:six_gorillion 'six gorillion'"),
        # under a Pride post too (round 58): the awareness post is what it attacks
        ("Your Pride assembly post: homosexuality is a sin and you're teaching it to children",
         "list:lgbt_as_sin 'homosexuality is a sin'"),
        ("who funds the trust? follow the money, tiny hats every time", "list:tiny_hat 'tiny hats'"),
        ("new trust board 👃💰", "list:nose_money_caricature '👃💰'"),
        ("blood libel wasn't a myth, do the research", "list:blood_libel_endorsed 'blood libel wasn't a myth'"),
        ("Enoch was right, look at the Year 7 photo", "list:enoch_was_right 'enoch was right'"),
        ("another invasion of dinghies and the school gets the bill", "list:invasion_of_migrants 'invasion'"),
        ("take your lot back where you came from",
         "list:go_back_where_you_came_from 'take your lot back where you came from'"),
        ("the tinkers are back on the rec, lock up your bikes", "list:traveller_slur_tinkers 'tinkers'"),
        ("letterboxes on legs at the gates again", "list:burka_slur 'letterboxes on legs'"),
        ("the alphabet mafia have got into the primary now", "list:alphabet_mafia 'alphabet mafia'"),
        ("bet she came from a mud hut", "list:mud_hut 'from a mud hut'"),
        ("groomers love a rainbow flag", "list:groomer_slur_lgbt 'groomers love a rainbow flag'"),
        ("day 4 of the ana coach plan, 300 cals", "list:eating_disorder_codes 'ana coach'"),
        ("anyone got thinspo for tonight", "list:eating_disorder_codes 'thinspo'"),
        ("sh relapse last night, 40 days gone", "list:self_harm_codes 'sh relapse'"),
        ("might just ctb after the mocks", "list:self_harm_codes 'ctb'"),
        ("88 lads at the cenotaph friday, keep oakfield white", "list:code_88 '88'"),
        ("KEEP BRITAIN WHITE x", "list:keep_country_white 'keep britain white'"),
        ("dirty wee taigs the lot of them", "list:sectarian_slurs 'taigs'"),
        ("the famine's over, why don't yous go home", "list:sectarian_slurs 'famine's over'"),
        ("FTP 1690 ya dancer", "list:sectarian_ftp 'ftp'"),
        ("these bog trotters moving into the old school house", "list:anti_irish_slurs 'bog trotters'"),
        ("romanians are all parasites, the school lets them in",
         "list:group_as_vermin 'romanians are all parasites'"),
        ("after training i'm going to break dylan's legs", "list:break_a_body_part 'i'm going to break dylan's legs'"),
        ("that ref deserves a bullet", "list:deserves_a_bullet 'deserves a bullet'"),
        ("we'll burn their clubhouse to the ground", "list:arson_intent 'we'll burn their clubhouse to the ground'"),
        ("how many co-codamol would be enough, just wondering",
         "list:overdose_method_question 'how many co-codamol would be enough'"),
        ("how long does it take to bleed out", "list:dying_method_question 'how long does it take to bleed out'"),
        ("cute girl on the left, how old is she? got her insta?",
         "list:childs_age_and_contact 'how old is she? got her insta'"),
        ("successful man seeking college girls, allowance for the right one",
         "list:sugar_dating_pupils 'seeking college girls, allowance'"),
        ("open evening at the jewish school? 6MWE", "list:holocaust_wish '6mwe'"),
        ("shame hitler didn't finish the job", "list:holocaust_wish 'shame hitler didn't finish the job'"),
        ("hitler had the right idea about kids like that", "list:nazi_solution_praised 'hitler had the right idea'"),
        ("more enrichers in reception this year", "list:cultural_enrichers 'enrichers'"),
        ("that teacher is a poof", "list:uk_homophobic_slurs 'a poof'"),
        ("she's a lezza, everyone knows", "list:uk_homophobic_slurs 'lezza'"),
        ("she had fingertip bruises on her arm again", "list:injury_signs_of_abuse 'fingertip bruises'"),
        ("he gets the belt when he answers back", "list:hit_with_an_implement 'gets the belt'"),
        ("i make myself sick after tea every night", "list:purging 'make myself sick'"),
        ("they restrained him face down in the corridor", "list:prone_restraint 'restrained him face down'"),
        ("fourteen words. this school used to be for our kind", "list:fourteen_words 'fourteen words'"),
        ("keep your bead-rattling to yourselves", "list:sectarian_slurs 'bead-rattling'"),
        ("the fenian weans can go home", "list:fenian_at_people 'fenian'"),
        ("the trans kid is a lad in a skirt using the girls toilets",
         "list:trans_pupil_as_man_in_a_dress 'lad in a skirt'"),
        ("every time you ring home she gets a good hiding off her dad",
         "list:beaten_by_a_parent 'a good hiding off her dad'"),
        ("the tutor makes the boys sit on his knee", "list:staff_child_physical_contact 'sit on his knee'"),
        ("the coach gave the boys 'massages' after training",
         "list:staff_child_physical_contact 'gave the boys 'massages''"),
        ("outside those gates with a can of petrol", "list:petrol_at_a_place 'a can of petrol'"),
        ("88 to whoever did the stickers. white lads won't be erased", "list:code_88 '88'"),
        ("that teacher is defo a 109 👃", "list:code_109 '109'"),
        ("the coconut deputy head, brown on the outside", "list:coconut_slur 'coconut'"),
        ("being gay is a mental illness", "list:lgbt_as_illness 'being gay is a mental illness'"),
        ("get the sodomite book out of the library", "list:sodomite_slur 'sodomite book'"),
        ("a little present under the stage 💣 evacuate", "list:bomb_emoji_warning 'bomb'"),
        ("bringing eggs, paint and petrol saturday, if they won't listen",
         "list:petrol_at_a_place 'bringing eggs, paint and petrol'"),
        ("a kid in uniform waved a knife at a woman on the bus", "list:weapon_brandished 'waved a knife'"),
        ("she lives at 22 cedar walk. go on then lads", "list:doxxing_call_to_act 'go on then lads'"),
        ("mr whitlow = dead man walking ⚰️", "list:dead_man_walking 'dead man walking'"),
        ("swear down im burning down the sports hall friday 🔥",
         "list:arson_at_a_school_place 'im burning down the sports hall'"),
        ("they're meeting up for a fight with knives on saturday", "list:knife_fight_arranged 'fight with knives'"),
        ("sixth formers selling weed to year 9s behind the bike sheds",
         "list:drugs_sold_to_children 'selling weed to year 9s'"),
        ("vapes and edibles, add my snap for prices", "list:drugs_sold_to_children 'vapes and edibles, add my snap'"),
        ("i won't be around for results day. love you all",
         "list:farewell_before_an_event 'i won't be around for results day'"),
        ("she wants to sleep and never wake up", "list:wish_to_sleep_forever 'wants to sleep and never wake up'"),
        ("new lad in 9C ✈️ back pls", "list:boat_or_plane_back '✈️ back pls'"),
        ("their lot all stink of garlic, can't sit near them in class",
         "list:smell_of_their_food 'stink of garlic'"),
        ("you won't hear a word of English on our street now",
         "list:no_english_spoken_here 'won't hear a word of english'"),
        ("another 🚤 delivery for 8C then", "list:boat_or_plane_back 'another 🚤 delivery'"),
        ("memorial day again, for all of you who still believe the six million ✡",
         "list:holocaust_numbers_doubted 'all of you who still believe the six million'"),
        ("the special school kids are just vegetables", "list:disabled_people_as_vegetables 'just vegetables'"),
        ("disabled kids should be put back in homes like the old days",
         "list:disabled_people_back_in_institutions 'should be put back in homes'"),
        ("opps know the ends gets painted red tonight", "list:place_painted_red 'ends gets painted red'"),
        ("£50 to any year 9 who holds a parcel for me", "list:hold_a_bag_for_me 'holds a parcel for me'"),
        ("got some new blades 🤫", "list:blades_kept_secret 'new blades'"),
        ("romanian kids are all tomorrow's criminals",
         "list:group_as_criminals 'romanian kids are all tomorrow's criminals'"),
        ("loved the school play! i'm a model agent, message me privately x",
         "list:talent_scout_approach 'model agent'"),
        ("my daughter says the minibus driver plays touching games", "list:touching_games 'touching games'"),
        ("u have to tell miss u walked into a door again", "list:injury_cover_story 'tell miss u walked into a door'"),
        ("the cat's been scratching me again (we don't have a cat)",
         "list:pet_blamed_for_cuts 'the cat's been scratching'"),
        ("🔪🩸 day 1 again", "list:self_harm_streak_reset 'day 1 again'"),
        ("mental health week is cute but i've already decided. letters are written",
         "list:decided_with_a_farewell 'i've already decided'"),
        ("she's gone missing from the unit again, 14 and found at a flat with grown men",
         "list:child_found_with_adult_men 'gone missing from the unit'"),
        ("he lives at 4 Mill Close if anyone fancies going round for a word",
         "list:doxxing_call_to_act 'fancies going round'"),
        ("don't be surprised if the caretaker's hut goes up some night", "list:arson_veiled "
         "'don't be surprised if the caretaker's hut goes up'"),
        ("Mr Kerr's a bent poof", "list:uk_homophobic_slurs 'bent poof'"),
        ("you put my foster daughter's name in the newsletter, her birth family must not know where she is",
         "list:child_in_care_location_exposed 'birth family must not know'"),
        ("everyone would be better off, i've looked up the tide times",
         "list:better_off_and_a_method 'everyone would be better off'"),
        ("doesn't matter what i get. won't be here for results day", "list:not_here_for_results "
         "'won't be here for results day'"),
        ("she's back to doing the thing with the compass", "list:self_harm_with_school_tools "
         "'the thing with the compass'"),
        ("someone left a loaded shotgun in a car by the school gates", "list:loaded_gun_near_children "
         "'loaded shotgun'"),
        ("anyone who turns up to the match gets jumped", "list:anyone_who_comes_gets_hurt "
         "'anyone who turns up to the match gets jumped'"),
        ("the lads don't like it. he's got kids of his own, hasn't he?", "list:veiled_threat_to_family "
         "'he's got kids of his own, hasn't he'"),
        ("did a roman salute at the jewish school's minibus", "list:nazi_salute_at_jewish_people 'roman salute'"),
        ("her name, her mum's number, lives above the chippy on Mill St. go say hello",
         "list:doxxing_call_to_act 'go say hello'"),
        ("got bats in our bags for the Year 10 lot friday", "list:weapons_in_bags_for_a_fight 'bats in our bags'"),
        ("the whole year is jumping the new kid who grassed, 4pm", "list:jumping_someone_arranged "
         "'is jumping the new kid'"),
        ("stopped taking my meds, no point now", "list:stopped_medication_no_point 'stopped taking my meds'"),
        ("if i don't make it in tomorrow tell mum it wasn't her fault", "list:farewell_instructions "
         "'tell mum it wasn't her fault'"),
        ("they'll play this at my funeral sooner than you think", "list:my_funeral_soon 'my funeral'"),
        ("tips for skipping lunch without anyone noticing? need to lose 3kg", "list:not_eating_to_lose_weight "
         "'skipping lunch'"),
        ("the housemaster has the juniors round for 'special time' in his study", "list:staff_euphemism_in_quotes "
         "'has the juniors round for 'special time''"),
        ("they asked if the new pupil was a boy or an it", "list:trans_person_as_it 'a boy or an it'"),
        ("hunting season on the trans kids starts monday", "list:lgbt_hunting_season 'hunting season'"),
        ("those Fijians are savages off the pitch too", "list:people_as_savages 'savages'"),
        ("bike nicked again, wonder if it's our 'travelling' friends #justsaying",
         "list:scare_quoted_group ''travelling''"),
        ("come round mine after training for the drill videos. don't mention it to your dad",
         "list:dont_mention_it_to_your_parents 'don't mention it to your dad'"),
        ("she's staying with me for half term, don't tell her mam x", "list:dont_tell_their_parents "
         "'don't tell her mam'"),
        ("MISSING since 7am: Kai, 12, grey backpack. Please share", "list:missing_child_appeal "
         "'missing since 7am: kai, 12, grey backpack. please share'"),
        ("how high is the footbridge over the bypass? for a project", "list:height_of_a_drop_question "
         "'how high is the footbridge'"),
        ("Bydd pawb yn well hebdda i", "list:welsh_self_harm_and_suicide 'well hebdda i'"),
        ("Dim bwyd yn tŷ eto", "list:welsh_no_food_at_home 'dim bwyd yn ty'"),
        ("who's got a 🔪 i can lend for friday", "list:borrowing_a_weapon 'knife i can lend'"),
        ("mae gyllell yn ei gôt bob dydd", "list:welsh_knife_carried 'gyllell'"),
        ("a pair of f*gs parading themselves", "list:starred_homophobic_slur 'f*gs'"),
        ("keep looking over your shoulder, we know your car",
         "list:looking_over_your_shoulder 'keep looking over your shoulder'"),
        ("Mr Dale should remember he's got kids too. Just something to think about",
         "list:remember_they_have_children 'remember he's got kids'"),
        ("one more detention and you'll find out what happens",
         "list:you_will_find_out 'you'll find out what happens'"),
        ("I've got your reg and I've got time", "list:we_have_your_reg 'i've got your reg'"),
        ("if him touch mi yute again mi a go bruk him up", "list:patois_threat 'mi a go bruk'"),
        ("so many 🥷🥷 at the school gate today", "list:ninja_emoji_veiled_women '🥷🥷'"),
        ("sent ✈️🏢 to the new kid lol", "list:nine_eleven_emoji '✈️🏢'"),
        ("new members dm, no 🟫 allowed", "list:klan_and_colour_bar_emoji 'no 🟫 allowed'"),
        ("rhymes with 'spikey', no prizes for guessing", "list:rhymes_with_a_slur 'rhymes with'"),
        ("two numbers: 13 and 50. do the maths", "list:crime_statistic_trope_spelled '13 and 50'"),
        ("800 cals today, goal is 500 by prom", "list:calorie_target '800 cals'"),
        ("chew n spit in the loos again", "list:chew_and_spit 'chew n spit'"),
        ("her dad knocked her about again last night", "list:knocked_about_at_home 'knocked her about'"),
        ("the TA shut him in the store cupboard as a punishment",
         "list:child_shut_in 'shut him in the store cupboard'"),
        ("logging off for good. gg everyone", "list:signing_off_for_good 'logging off for good'"),
        ("who would u smash poll with the year 8 girls", "list:smash_or_pass_of_pupils 'who would u smash'"),
        ("🚨 MISSING 🚨 Ellie, 10, last seen at the park gate. Please share",
         "list:missing_child_appeal 'missing ellie, 10, last seen'"),
        ("the new lad on the wing 🐒🍌 lol", "list:ape_with_food_trope '🐒🍌'"),
        ("a lecture on manners from a 🦍 of all people, stick to 🍉", "list:ape_with_food_trope '🦍 of all people, "
         "stick to 🍉'"),
        ("go back to ur potato fields sir", "list:go_back_where_you_came_from 'go back to ur potato fields'"),
        ("go back to cooking for your own lot", "list:go_back_where_you_came_from "
         "'go back to cooking for your own lot'"),
        ("One hopes the governor has adequate home insurance", "list:hope_your_insurance_covers_it "
         "'hopes the governor has adequate home insurance'"),
        ("her kids' school is not hard to find", "list:your_family_is_not_hard_to_find 'is not hard to find'"),
        ("k_u_n_g f_l_u in the maths room again", "list:east_asian_virus_slurs 'kungflu'"),
        ("won the quiz again 🍚 celebration bbq 🐕 🔥", "list:eating_pets_trope 'bbq 🐕'"),
        ("him doing 👁️➖👁️ at the chinese girls in the photo", "list:slant_eye_gesture '👁️➖👁️'"),
        ("boat people moaning about uniform prices now", "list:boat_people 'boat people'"),
        ("deaf and dumb, the lot of them", "list:deaf_and_dumb_at_people 'deaf and dumb'"),
        ("sign language is just pointing and grunting", "list:signing_mocked 'sign language is just pointing and "
         "grunting'"),
        ("deaf people shouldnt be allowed kids tbh", "list:disabled_people_should_not_have_children "
         "'deaf people shouldnt be allowed kids'"),
        ("awareness week so we can pretend they're normal", "list:pretend_they_are_normal "
         "'pretend they're normal'"),
        ("the teacher in the hijab, bet her bag goes 💥", "list:muslim_bomb_trope 'bag goes'"),
        ("homosexuality is a sin and the school is pushing it", "list:lgbt_as_sin 'homosexuality is a sin'"),
        ("being gay's a sin, whatever Year 8 are told", "list:lgbt_as_sin 'being gay's a sin'"),   # 's, as 'is'
        ("Mr Pryce put a photo of his 'husband' on the classroom wall", "list:scare_quoted_same_sex_spouse "
         "'his 'husband''"),
        ("me break your face", "list:break_a_body_part 'me break your face'"),
        ("@kai enjoy ur last week of having front teeth", "list:enjoy_your_last_days_whole "
         "'enjoy ur last week of having front teeth'"),
        ("last day on earth for whoever snitched", "list:last_day_for_a_snitch 'last day on earth'"),
        ("how long does drowning take", "list:how_long_a_method_takes 'how long does drowning take'"),
        ("highest multistorey in town with no barriers on top? for photography",
         "list:high_place_without_barriers 'highest multistorey in town with no barriers'"),
        ("wish u could log out of life like roblox", "list:log_out_of_life 'log out of life'"),
        ("me finish everything. last post. love you all", "list:last_post_farewell 'last post'"),
        ("the TA took photos of the kids getting changed on her own phone", "list:photos_of_children_changing "
         "'photos of the kids getting changed'"),
        ("still not back. day 2. she took her passport", "list:gone_with_a_passport 'took her passport'"),
        ("who wants to do no food til friday with me", "list:not_eating_challenge 'no food til friday'"),
        ("🐷🥓 @amira eid mubarak", "list:pig_emoji_religious_hate '🐷'"),
        ("typical, roaches on a dinghy 🚤", "list:vermin_in_boats 'roaches'"),
        ("the lad who torched that synagogue is a hero", "list:worship_attack_praised 'torched that synagogue'"),
        ("get back in the kitchen miss", "list:back_in_the_kitchen 'get back in the kitchen'"),
        ("what if columbine but make it our leavers' do", "list:school_shooting_idolised 'columbine'"),
        ("Dresden 2.0 when the Germans get to the Guildhall 🔥✈️", "list:atrocity_sequel 'dresden 2.0'"),
        ("the school calling him 'she' is child abuse. absolute freak", "list:trans_pupil_misgendered_in_scare_quotes "
         "'calling him 'she''"),
        ("how do i get out of the host family dinners without them noticing", "list:tips_for_skipping_meals_unnoticed "
         "'get out of the host family dinners'"),
        ("square go at the harbour 4 o'clock friday", "list:square_go_arranged 'square go'"),
        ("they'm all j3ws owning the landlords round here", "list:jewish_control_trope 'jews owning the landlords'"),
        ("move, you dirty romanian rat", "list:group_as_vermin 'dirty romanian rat'"),
        ("cow-worshippers lighting their lamps on our road again", "list:anti_hindu_slurs 'cow-worshippers'"),
        ("parents' evening, felt like i needed a passport", "list:needed_a_passport_trope "
         "'felt like i needed a passport'"),
        ("14 Birch Close, her number's 07700 900123, do what you want with that",
         "list:doxxing_call_to_act 'do what you want with that'"),
        ("he'll get what's coming. that's a promise not a threat", "list:promise_not_a_threat "
         "'that's a promise not a threat'"),
        ("i'll f***in kill jayden when he gets off the bus", "list:kill_a_named_person_when "
         "'i'll f***in kill jayden when he'"),
        ("our lass hasn't come home, phone's off, anyone seen her", "list:not_come_home_and_unreachable "
         "'hasn't come home, phone's off'"),
        ("everyone would be better off. bye x", "list:better_off_with_a_goodbye "
         "'everyone would be better off. bye'"),
        ("£40 for a photo shoot, come on your own, address in dm", "list:come_alone_for_money "
         "'come on your own'"),
        ("them polish lads, they're all thieves", "list:group_as_criminals 'polish lads, they're all thieves'"),
        ("the kid in 9C who says he's a girl now is a freak, it's a mental illness",
         "list:trans_pupil_as_mentally_ill 'says he's a girl now'"),
        ("day 4 of the CD protocol for our Jake (8), drops in his juice", "list:toxic_cure_given_to_a_child "
         "'cd protocol'"),
        ("Notice of intent to arrest served on every teacher at Holm Lane", "list:pseudo_legal_notice_on_staff "
         "'notice of intent to arrest'"),
        ("the injunction is just paper and paper burns", "list:court_order_is_just_paper "
         "'injunction is just paper and paper burns'"),
        ("find out who you are and I will put you in hospital", "list:put_someone_in_hospital "
         "'i will put you in hospital'"),
        ("tell the lady from 4B I know where she stays. she will understand", "list:know_where_you_stay "
         "'i know where she stays'"),
        ("we're breaking your jaw after school, no metaphor", "list:break_a_body_part 'we're breaking your jaw'"),
        ("nan is coming from back home at easter to cut the girls like they did to me",
         "list:fgm_planned_for_a_girl 'cut the girls'"),
        ("the nikah of our daughter (Year 9) with her cousin is fixed for the summer",
         "list:child_engaged_or_married 'nikah of our daughter'"),
        ("ana says skip lunch, water fills you up", "list:ana_as_a_person 'ana says'"),
        ("can't think of one good reason to keep going", "list:no_good_thing_about_being_alive "
         "'think of one good reason to keep going'"),
        ("gay people are against the nature", "list:lgbt_as_sin 'gay people are against the nature'"),
        ("the new teacher is from the qadiani group", "list:anti_ahmadi_slur 'qadiani'"),
        ("not sitting next to the abeed girl", "list:abeed_slur 'abeed'"),
        ("short bus gang at the art show lol", "list:short_bus_slur 'short bus'"),
        ("she only got the job to tick a box", "list:only_got_the_job_for_a_box "
         "'only got the job to tick a box'"),
        ("my poem for the comp is about the shed. it isn't a story", "list:creative_piece_said_to_be_real "
         "'it isn't a story'"),
        ("steps by the beach sat 9pm. bring who u want", "list:bring_who_you_want 'bring who u want'"),
        ("i'll drag her out that house by her hair", "list:drag_by_the_hair 'drag her out that house by her hair'"),
        ("freaks like him belong in a circus", "list:disabled_people_belong_in_a_circus 'belong in a circus'"),
        ("sports day, helmets on lads, the special olympics innit", "list:special_olympics_mockery "
         "'special olympics'"),
        ("that dance teacher, bent as a nine bob note, keep him away from the lads", "list:bent_as_a_nine_bob_note "
         "'bent as a nine bob note'"),
        ("rainbow assembly again. bring back section 28", "list:bring_back_section_28 'bring back section 28'"),
        ("new house motto: arbeit macht frei lol", "list:arbeit_macht_frei_as_a_joke 'arbeit macht frei'"),
        ("dad said he'd rather have a dead daughter than a lesbian one", "list:rather_have_a_dead_child "
         "'rather have a dead daughter'"),
        ("left notes for my brothers under the bed. just in case", "list:letters_just_in_case 'left notes'"),
        ("the governors who signed that off need stringing up", "list:people_need_stringing_up "
         "'governors who signed that off need stringing up'"),
        ("their winger was 🐒 all match, running like he was back home", "list:monkey_emoji_racism '🐒'"),
        ("books about two dads for 5 year olds? let children keep their innocence",
         "list:lgbt_families_against_innocence 'two dads'"),
        ("day 3 of just black coffee before the gala", "list:not_eating_challenge 'day 3 of just black coffee'"),
        ("she's so thin now you can count her ribs", "list:ribs_showing 'count her ribs'"),
        ("he's stopped eating and he's lost nearly a stone since christmas",
         "list:child_not_eating_with_signs 'he's stopped eating'"),
        ("made to stand outside with no water as a punishment", "list:punished_without_water_or_food "
         "'no water as a punishment'"),
        ("we know which pub the head drinks in on a friday", "list:know_where_you_drink "
         "'know which pub the head drinks'"),
        ("how many jews can you fit in a car ⛽", "list:holocaust_joke 'jews'"),
        ("worth every penny of the petrol, going down with a couple of cans tonight", "list:petrol_at_a_place "
         "'petrol, going down with a couple of cans'"),

        ("keep that raging homo away from my son", "list:uk_homophobic_slurs 'raging homo'"),
        ("one more time and i'll come down there and knock his teeth in", "list:break_a_body_part "
         "'i'll come down there and knock his teeth'"),
        ("im putting him through the library window. not a joke", "list:put_through_a_window "
         "'putting him through the library window'"),
        ("what i eat in a day: mint tea, 3 rice cakes, 40 mins skipping", "list:what_i_eat_in_a_day_restricted "
         "'what i eat in a day: mint tea, 3 rice cakes'"),

        ("so embarrassing. purging after every meal til the final", "list:purging_after_eating 'purging'"),
        ("clean streak ended after reading that chat 🩸", "list:self_harm_streak_broken 'clean streak ended'"),
        ("sang the song i want at my funeral tonight. seemed fitting", "list:funeral_planned "
         "'sang the song i want at my funeral'"),
        ("baby left crying in a pram for half an hour while mum was in the pub", "list:child_left_while_parent_at_pub "
         "'left crying in a pram for half an hour while mum was in the '"),
        ("you'd think they were her own shekels lol", "list:shekels_trope 'shekels'"),
        ("another pronoun badge. give it five years and the 41% will sort itself out",
         "list:forty_one_percent 'the 41'"),
        ("running in the headscarf 🤣 go back somewhere hot love", "list:go_back_where_you_came_from "
         "'go back somewhere hot'"),
        ("report me again and i'll come in there and batter the lot of you", "list:come_in_there_and_hurt "
         "'i'll come in there and batter'"),

        ("mr levy was a greedy jew, the fund went to his own people", "list:greedy_jew_trope 'greedy jew'"),
        ("🐵 spot the odd one out on the netball photo", "list:monkey_emoji_at_a_photo '🐵'"),
        ("won the 100m again, they're born running from the police 😂", "list:born_running_from_the_police "
         "'born running from the police'"),
        ("the new year 7 photo, barely a white face in it", "list:barely_a_white_face 'barely a white face in'"),
        ("they call the back row brokeback since the two lads sat together 🍑", "list:homophobic_taunt_at_boys "
         "'brokeback'"),
        ("every wee fenian at st columba's wants a boat back to dublin", "list:fenian_at_people 'fenian'"),
        ("6 million seats on that coach and they still want more 😂", "list:holocaust_wish "
         "'6 million seats on that coach and they still want more'"),
        ("crew on the 652 tmrw bring ur bats, we're waiting at the tesco stop", "list:bring_your_bats_and_wait "
         "'bring ur bats'"),
        ("janine knows what she did and she'll pay for that one way or another", "list:pay_one_way_or_another "
         "'she'll pay for that one way or another'"),
        ("funny how a year 9 that talks too much can just fall down the stairs", "list:accidents_on_the_stairs "
         "'can just fall down the stairs'"),
        ("the girl who turns up every single day with no breakfast and stuffs toast in her pockets",
         "list:child_arrives_hungry_every_day 'turns up every single day with no breakfast'"),
        ("a man in the comments asking which girls go swimming on their own", "list:stranger_asks_which_children "
         "'asking which girls'"),
        ("count me out of the 60th, i'll be with my mum by then 🕊️", "list:going_to_be_with_a_lost_relative "
         "'i'll be with my mum'"),
        ("served four years and now he's out, and he taught PE at the school for 14 years",
         "list:staff_convicted_and_released 'served four years'"),
        ("sorted everything now. kez look after biscuit for me ok x", "list:look_after_my_pet_for_me "
         "'look after biscuit for me'"),
        ("whats the highest bridge round here? need to know by tonight", "list:tallest_place_question "
         "'whats the highest bridge'"),
        ("how deep is the water by the weir if the current's up? for a project", "list:depth_of_local_water_question "
         "'how deep is the water by the weir'"),
        ("ate nothing but ice and diet coke for the whole of comp weekend", "list:not_eating_challenge "
         "'ate nothing but ice and diet coke for'"),
        ("a lift put in for ONE cripple", "list:cripple_as_a_name 'cripple'"),
        ("wheelchair kids are a drain on every teacher", "list:disabled_children_as_a_burden 'kids are a drain'"),
        ("I will smash that foster carer's face in when I see her", "list:break_a_body_part "
         "'i will smash that foster carer's face'"),
        ("ask him whose side his family's 'donations' go to ✡️💰", "list:star_of_david_with_money '✡️💰'"),
        ("the carol concert was lovely, very... 'vibrant' if you know you know",
         "list:pause_before_diverse 'very... 'vibrant'"),
        ("very on brand for the Rothschild of Ravensholme",
         "list:rothschild_as_a_name 'the rothschild of ravensholme'"),
        ("sponsoring a 🐐 for the madrassa roof, heard it's their favourite date night",
         "list:goat_taunt_at_muslims '🐐'"),
        ("them two lads dancing together, dirty little queers", "list:insult_before_queer 'dirty little queers'"),
        ("the pastor says my brother's autism is a spirit and the deliverance on friday will cure him",
         "list:abuse_linked_to_faith_or_belief 'autism is a spirit'"),
        ("the qari hits the kids on their palms with a stick if they forget", "list:hit_with_an_implement "
         "'hits the kids on their palms with a stick'"),
        ("my son came home with a welt across his hand", "list:injury_signs_of_abuse 'home with a welt'"),
        ("carrying since the fight, not getting caught slippin again", "list:carrying_so_not_caught_out "
         "'carrying'"),
        ("For anyone wanting to 'have a word' with the foster carer, she's at 14 Carnforth Close",
         "list:doxxing_call_to_act 'anyone wanting to 'have a word'"),
        ("for anyone who wants a 'chat' with the politics teacher, he lives at 14 thornfield close",
         "list:doxxing_call_to_act 'anyone who wants a 'chat'"),
        ("he lives at 3 poplar avenue. don't say where u got it",
         "list:doxxing_call_to_act 'don't say where u got it'"),
        ("got his address if anyone wants it. 27 Brambling Way", "list:doxxing_call_to_act 'if anyone wants it'"),
        ("how high is the multi-story by the station", "list:height_of_a_drop_question "
         "'how high is the multi-story'"),
        ("whats the highest quarry round here", "list:tallest_place_question 'whats the highest quarry'"),
        ("cba w life anymore ngl. wats even the point", "list:weary_of_life 'cba w life'"),
        ("we all know he dindu nuffin and was turning his life around", "list:dindu_nuffin 'dindu nuffin'"),
        ("check ur wheel trims are still on after playing the site lads", "list:traveller_theft_trope 'wheel trims'"),
        ("Somali Saturday school? lesson one: the housing form 🏴‍☠️", "list:somali_pirate_trope '🏴‍☠️'"),
        ("1690 lads 🟠🥁 the green lot knew what time it was. back to the bogs with yiz",
         "list:orange_code_1690 '1690'"),
        ("@ the lad in the Celtic top, should've stayed over the water", "list:famine_mockery 'stayed over the water'"),
        ("l0v3 the 8 8 crew in chat tonight, keep the hall pure", "list:code_88 '8 8'"),
        ("leavers hoodie number: 88. the teachers didn't get it, the right people did", "list:code_88 '88'"),
        ("why are 9 year olds taught about 2 dads? protect our babbies from this agenda",
         "list:lgbt_families_against_innocence '2 dads'"),
        ("why do they let that poof near kids", "list:uk_homophobic_slurs 'that poof'"),
        ("teach him a lesson at the chippy after school, all of yous meet at half 3",
         "list:gather_to_teach_a_lesson 'teach him a lesson'"),
        ("cool. I know which lab he's in period 4 on Tuesdays. that's all", "list:i_know_your_car_or_bus "
         "'i know which lab he's in'"),
        ("we know which car is hers. lovely paintwork", "list:i_know_your_car_or_bus 'we know which car is hers'"),
        ("Kayla in 9B lives at 14 Pinfold Close, go round if u want her", "list:doxxing_call_to_act "
         "'go round if u want her'"),
        ("born 03/02/1979, lives in Dore, do with that what u will", "list:doxxing_call_to_act "
         "'do with that what u will'"),
        ("day 12 clean. then today happened. back to square one", "list:clean_count_lost 'day 12 clean'"),
        ("she lets Mr Kirk take girls into the PE office on their own and lock the door",
         "list:staff_alone_with_a_child_behind_a_door 'take girls into the pe office on their own and lock the door'"),
        ("my daughter was asked to carry a bag to Kimberworth for £50", "list:hold_a_bag_for_me "
         "'asked to carry a bag to kimberworth for £50'"),
        ("if i cant have her no one will. i mean that.", "list:if_i_cant_have_her 'if i cant have her no one will'"),
        ("Whoever refs on Sunday, I'm going to knock you spark out", "list:knock_spark_out "
         "'i'm going to knock you spark out'"),
        ("that man will not see spring i swear down. he knows what he did", "list:wont_see_the_season "
         "'that man will not see spring'"),
        ("a few of us will be at the next game 'to watch'. Bring your own first aid kit.", "list:bring_a_first_aid_kit "
         "'bring your own first aid kit'"),
        ("new y7s: first day you get jumped, its tradition", "list:initiation_beating_tradition 'tradition'"),
        ("nathan is getting jumped after the disco by me and my boys", "list:jumping_someone_arranged "
         "'is getting jumped'"),
        ("I will drag her across the reception desk by her lanyard", "list:drag_by_the_hair "
         "'drag her across the reception desk by her lanyard'"),
        ("🌈🤮 x2 at the disco. one of them better not sit near me", "list:rainbow_with_disgust '🌈🤮'"),
        ("go back to your special school 🦽", "list:back_to_your_special_school 'go back to your special school'"),
        ("To the pervert filming the U16 girls' warm-up from behind the fence", "list:stranger_filming_children "
         "'filming the u16'"),
        ("U15 player left the tournament in a stranger's car around 3pm", "list:child_left_in_a_strangers_car "
         "'in a stranger's car'"),
        ("the next governor who tells my lad he can't sit the exam is getting lamped",
         "list:first_one_that_does_it_gets_hurt 'next governor who tells my lad he can't sit the exam is gett'"),
        ("whoever grassed about the vapes: long walk home tonight 😴",
         "list:message_to_whoever_grassed 'whoever grassed'"),
        ("got the hockey stick in my bag for after school and it's not for hockey", "list:weapon_not_for_the_game "
         "'hockey stick in my bag for after school and it's not for hoc'"),
        ("trip pic from dachau: 'the original sauna' lol", "list:death_camp_as_a_joke 'dachau'"),
        ("two mums at the nativity again. unnatural, and in front of the infants", "list:same_sex_couple_with_disgust "
         "'two mums'"),
        ("letterbox mum at the gate again, can't see her face", "list:letterbox_for_a_veiled_woman 'letterbox'"),
        ("more Romanians at the gates. they're all the same", "list:group_named_then_all_the_same "
         "'they're all the same'"),
        ("top tip: say u had tea at ur mates and nobody checks", "list:tips_for_skipping_meals_unnoticed "
         "'say u had tea'"),
        ("has anyone seen Keira since lunch? phone's off and she isn't home", "list:not_seen_since_and_unreachable "
         "'has anyone seen keira since'"),
        ("a Year 8 girl was not in her tent at midnight; staff and police are searching the campsite",
         "list:missing_child_police_searching 'police are searching'"),
        ("the swimming coach grabs kids by the arm and shakes them", "list:staff_hits_children 'coach grabs kids'"),
        ("mum broke my phone and said next time it'll be my face", "list:next_time_it_will_be_me "
         "'next time it'll be my face'"),
        ("the minibus driver was done for indecent images and he's still driving the Year 5s",
         "list:staff_sexual_offence_and_still_there 'done for indecent images'"),
        ("my son has stopped eating since the coach weighed them", "list:child_not_eating_with_signs "
         "'my son has stopped eating'"),
        ("he's a raging puff, keep him off the boys' trip", "list:uk_homophobic_slurs 'raging puff'"),
        ("new lad in 9 looks like he came over on a dinghy", "list:dinghy_at_migrant_pupils 'came over on a dinghy'"),
        ("the new TA fresh off the boat lol", "list:dinghy_at_migrant_pupils 'fresh off the boat'"),
        ("form photo 🍉🍗 says it all", "list:watermelon_and_chicken_trope '🍉🍗'"),
        ("the PTA treasurer counting the shekels again", "list:shekels_trope 'shekels'"),
        ("the landlord sold the field, jews and money innit", "list:jews_and_money 'jews and money'"),
        ("the whole vaccine thing is a jewish plot, wake up", "list:jewish_plot_trope 'a jewish plot'"),
        ("got the hammer in my bag for them lot at the bus stop", "list:weapon_kept_ready "
         "'got the hammer in my bag'"),
        ("he's getting a kicking off the lads after school", "list:getting_a_doing_from_the_boys "
         "'getting a kicking off the lads'"),
        ("my fortnite account is urs now, login's in my notes", "list:belongings_left_for_after "
         "'account is urs now'"),
        ("hey which school do u go to? i might know it", "list:stranger_asks_which_school "
         "'which school do u go'"),
        ("living on an apple a day till the leavers' ball", "list:apple_a_day_restriction 'living on an apple a day'"),
        ("how do i hide the scars on my arms for swimming", "list:how_to_hide_self_harm_marks "
         "'how do i hide the scars'"),
        ("3 days no breakfast and i feel so light", "list:not_eating_challenge '3 days no breakfast'"),
        ("i throw up after every meal and nobody knows", "list:purging_after_eating "
         "'throw up after every meal'"),
        # round 60's codes, each a known one: a Traveller slur, a scare-quoted 'lifestyle', a red flag on the
        # Pride flag, 'Jewish owned' as the hidden hand, the roof's lead and the Appleby Fair
        ("ask the 'pavement pirates' from the site", "list:traveller_slur_pavement_pirates 'pavement pirates'"),
        ("keep your 'lifestyle' away from our kids, sir", "list:lgbt_lifestyle_scare_quoted ''lifestyle''"),
        ("new PE teacher 🏳️‍🌈🚩 just saying", "list:rainbow_with_disgust '🏳️\u200d🌈🚩'"),
        ("the IT firm is Jewish owned, who do you think the ransom goes to", "list:jewish_plot_trope 'jewish owned'"),
        ("the lead off the sports hall roof will be gone by morning now the Appleby Fair lot are here",
         "list:traveller_theft_trope 'the lead off the sports hall roof'"),
        ("who's 'enriching' the raffle this year 🙄", "list:scare_quoted_group ''enriching''"),
        # round 64's kinds: armed, a weapon sold, a car threatened, a people scapegoated, an innuendo, restriction
        ("💪🔪 coming to the lan tooled up. they think its just a game", "list:tooled_up 'tooled up'"),
        ("zombie knife going for £40, can drop it at LAN night", "list:weapon_for_sale 'zombie knife going for £40'"),
        ("lad in 10 sellin knuckle dusters out his locker", "list:weapon_for_sale 'sellin knuckle dusters'"),
        ("if we lose again I'd check my tyres before driving home if I were you Mrs F",
         "list:advice_to_watch_your_car 'i'd check my tyres'"),
        ("Gypsies on bursaries skiing in the Alps while hardworking local families pay",
         "list:people_set_against_hardworking_families 'gypsies on bursaries skiing in the alps while hardworking'"),
        ("their striker is very ✨fruity✨ if u know what i mean 🍑🌈", "list:gay_innuendo_about_a_man 'very fruity'"),
        ("skipped brekkie AND lunch on the slopes and still did the black", "list:meals_skipped_told_lightly "
         "'skipped brekkie and lunch'"),
        ("hiding my sandwich in my blazer pocket so Miss thinks i ate it 🤫", "list:meals_skipped_told_lightly "
         "'so miss thinks i ate'"),
        ("day 4 of only eating the apples from the packed lunch", "list:not_eating_challenge "
         "'day 4 of only eating the apples'"),
        ("My daughter has basically stopped eating since she hit Immortal", "list:child_not_eating_with_signs "
         "'my daughter has basically stopped eating'"),
        # round 65's: a wish not to wake up, quoted; a punishment; a child left in a hot car
        ('she wishes she could "go to sleep and not wake up"', "list:wish_to_sleep_forever "
         "'wishes she could \"go to sleep and not wake up'"),
        ("a 10 year old being made to kneel on uncooked rice", "list:kneeling_on_rice 'kneel on uncooked rice'"),
        ("windows up, a little one asleep in the car seat, no adult. It's 29 degrees", "list:child_left_in_a_hot_car "
         "'little one asleep in the car'"),
        # round 66's: a sign of abuse, a starving game, food earned by weight, a child out alone, a go-back slur, a
        # faith blamed, the real thing after a drill
        ("Lad at the party flinched every time an adult lifted a hand", "list:flinch_at_a_raised_hand "
         "'flinched every time an adult lifted a hand'"),
        ("the girls play 'who can eat the least' at sleepovers", "list:not_eating_challenge 'who can eat the least'"),
        ("if i get under 7 stone by prom i'll let myself have chips", "list:weight_target_before_food_is_allowed "
         "'under 7 stone by prom i'll let myself'"),
        ("found her walking down Station Road on her own, she's 6", "list:young_child_found_wandering_alone "
         "'found her walking down station road on her own'"),
        ("someone tell him this is Ponte not Kabul", "list:this_is_here_not_there 'this is ponte not kabul'"),
        ("Their religion tells them to hate our teachers", "list:religion_tells_them_to_hate "
         "'their religion tells them to hate'"),
        ("next time it won't be a drill", "list:next_time_not_a_drill 'next time it won't be a drill'"),
        ("the police chase was a Jewish false flag", "list:jewish_plot_trope 'a jewish false flag'"),
        ("Our lad came home with bruises round both wrists", "list:injury_signs_of_abuse "
         "'bruises round both wrists'"),
        ("Mr Rowlands crying on the news was very... theatrical 💅🌈", "list:coy_pause_with_a_rainbow "
         "'very... theatrical'"),
        ("the head's husband is very… enthusiastic about his petunias 🌈", "list:coy_pause_with_a_rainbow "
         "'very... enthusiastic'"),   # an ellipsis character is the same pause
        # rounds 67 and 68's: Tebbit's test, a turban mocked, Travellers as thieves, a child out alone late, a
        # parent's threat to a crying child
        ("how many of Year 11 would pass the cricket test? 🏏", "list:cricket_test 'pass the cricket test'"),
        ("letting Amrit play in the onion hat 🧅", "list:head_covering_mocked 'onion hat'"),
        ("The travelling contingent were out in force 😉 check your sheds", "list:traveller_theft_trope "
         "'check your sheds'"),
        ("Primary age lad wandering the fan zone on his own at half eleven", "list:young_child_found_wandering_alone "
         "'wandering the fan zone on his own at half eleven'"),
        ("the little one next door was sat on the kerb till midnight", "list:young_child_found_wandering_alone "
         "'sat on the kerb till midnight'"),
        ("my stepdad says he'll give me something to cry about", "list:something_to_cry_about_at_home "
         "'stepdad says he'll give me something to cry about'"),
        ("penalties tonight. the hall gets it either way 🔥",
         "list:harm_whatever_the_result 'the hall gets it either way'"),
        ("Our 'travelling friends' have parked up on the car park again", "list:scare_quoted_group "
         "''travelling friends''"),
        ("polish lads are pissed by 10am and their kids are feral", "list:group_as_vermin "
         "'polish lads are pissed by 10am and their kids are feral'"),
        ("when my stepdad gets in i sit in the stables til his light goes off", "list:keeping_out_of_the_way_at_home "
         "'til his light goes off'"),
        ("please warmly welcome our Travelling families. translation: count your kids' trainers at pickup",
         "list:traveller_theft_trope 'count your kids' trainers'"),
        ("if Bedford lads come to the fan zone they're not going home the same shape",
         "list:not_going_home_the_same_shape 'not going home the same shape'"),
        ("proper cotton picking weather today @marcus_b you'll feel right at home bro 😂",
         "list:cotton_picking_at_a_person 'cotton picking'"),
        ("Give me five minutes alone with her and she'll never hit a note again", "list:five_minutes_alone_with_them "
         "'give me five minutes alone with her'"),
        ("the show's going to end with a bang this year, just saying 🎆", "list:ending_with_a_bang_with_a_nudge "
         "'end with a bang'"),
        ("URGENT my 11 year old ran off after the meeting today. Last seen near the Beacon",
         "list:child_gone_and_not_found 'my 11 year old ran off after the meeting today. last seen'"),
        ("Our Year 10 son Alfie has not been seen since his team split in the fog", "list:child_gone_and_not_found "
         "'our year 10 son alfie has not been seen'"),
        ("Rescue team callout: search for a 15-year-old boy separated from his group on the moor",
         "list:child_gone_and_not_found 'search for a 15-year-old boy'"),
        ("one cereal bar a day all week 💪 under 35 by half term", "list:weight_goal_with_food_restricted "
         "'under 35 by half term'"),
        ("so dizzy in PE I nearly fainted 😵 worth it tho, down another 2lb", "list:weight_goal_with_food_restricted "
         "'down another 2lb'"),
        ("soundtrack on the far touchline every time their winger got it: 🙈🙉🙊 ooh ooh ahh ahh",
         "list:monkey_chant_written_out 'ooh ooh ahh ahh'"),
        ("Ioana in the sixth form is a dirty Romanian gypsy, she smells", "list:dirty_gypsy 'dirty romanian gypsy'"),
        ("Survivor looks well for 94 considering 🤔 almost like the 'starvation' wasn't how they tell it ✡️🔥",
         "list:holocaust_in_scare_quotes ''starvation''"),
        ("Whoever drew the swastika on Eli's bag on the coach deserves a medal 🫡",
         "list:swastika_praised 'swastika on eli's bag on the coach deserves a medal'"),
        ("We all know what people who want private chats with 13 year olds are called. Starts with a G 🍭",
         "list:groomer_spelt_out_by_letter 'starts with a g'"),
        ("Told him we don't do Rothschild merch in this house 😂", "list:rothschild_as_a_name 'rothschild merch'"),
        ("Mr Singh 'Head of History'? Get him and his rag hat off the staff photo", "list:head_covering_mocked "
         "'rag hat'"),
        ("their prop is leaving on a stretcher saturday one way or another", "list:carried_off_one_way_or_another "
         "'on a stretcher saturday one way or another'"),
        ("food bank could do with a fire tbh. save everyone the bother of queuing in the rain 🔥",
         "list:building_would_burn_well 'food bank could do with a fire'"),
        ("how many of mum's tablets would it take, genuinely, she has a whole box from the doctor",
         "list:overdose_method_question 'how many of mum's tablets would it take'"),
        ("Kacper update: still not found. Helicopter's out over the ings now. Please keep sharing",
         "list:still_not_found_in_a_search 'still not found'"),
        ("Former school rugby coach jailed for four years for offences against pupils he coached",
         "list:staff_convicted_told_as_news 'jailed for four years for offences against pupils'"),
        ("a rumour about a 'Purge night' at Minster Hill? some Y10s have a list of teachers' cars",
         "list:purge_night 'purge night'"),
        ("teachers want a day off?? ill give em a month off. hospital style 🏥🏥", "list:hospital_style "
         "'give em a month off. hospital'"),
        ("No male TA in the unit, never mind a gay one. Keep him away from vulnerable boys.",
         "list:gay_man_kept_from_boys 'gay one. keep him away from vulnerable'"),
        ("Mr Dale's a bit 🌈💅 isn't he... not sure I'd want HIM changing my lad", "list:gay_man_kept_from_boys "
         "'🌈💅 isn't he... not sure i'd want him changing'"),
        ("he's not autistic, just a bit 'tism innit 🤪", "list:tism_mocked ''tism'"),
        ("Final warning. Cancel the open evening or we'll cancel it for you.",
         "list:ultimatum_or_we_will_do_it_for_you 'or we'll cancel it for you'"),
        ("I'd hate for anything to happen to the set before Friday", "list:hate_for_anything_to_happen "
         "'i'd hate for anything to happen'"),
        ("Plenty of patience here. We've noted every name and every face.", "list:noted_every_name_and_face "
         "'we've noted every name and every face'"),
        ("@ Mrs Hale sleeping well lately? I wouldn't be.", "list:sleeping_well_i_wouldnt_be "
         "'sleeping well lately? i wouldn't'"),
        ("hip bones finally showing, worth every skipped lunch", "list:worth_every_missed_meal "
         "'worth every skipped lunch'"),
        ("living on black coffee and air till prom. 3 weeks.", "list:living_on_coffee_and_air "
         "'living on black coffee and air'"),
        ("starving myself to fit the dance costume, 3 days on water", "list:starving_myself 'starving myself'"),
        ("those bruises? fell down the stairs AGAIN lol", "list:fell_down_the_stairs_again "
         "'fell down the stairs again'"),
        ("broke my wrist 'falling down the stairs' 🙂", "list:fell_down_the_stairs_again "
         "''falling down the stairs''"),
        ("burnt my arm on the hob again. 'accidentally'", "list:burn_called_an_accident_in_quotes "
         "'burnt my arm on the hob again. 'accidentally''"),
        ("ate an apple and ran 10k to burn it off", "list:exercise_to_make_up_for_eating "
         "'ran 10k to burn it off'"),
        ("Adler, Goldberg, Rosen on the board. Notice a pattern? Follow the money", "list:noticing_the_pattern "
         "'notice a pattern'"),
        ("Half the intake need the prayer room. Integration my backside.", "list:integration_my_foot "
         "'integration my backside'"),
        ("someone of his background won't share our values", "list:not_from_our_background "
         "'someone of his background'"),
        ("the new ref was a monkey, couldn't even talk", "list:adult_called_an_ape 'the new ref was a monkey'"),
        ("I'd happily do time for whoever did this. Leave it with me.", "list:do_time_for_someone "
         "'i'd happily do time for whoever'"),
        # round 77
        ("First the halal canteen, then prayers in assembly. Tommy was right about all of it",
         "list:tommy_tried_to_warn_you 'tommy was right'"),
        ("the new youth worker will feel right at home in a mud hut lol", "list:at_home_in_a_hut "
         "'feel right at home in a mud hut'"),
        ("can i stay in the library after 5? cant go home till hes passed out", "list:cant_go_home_till_he_is_asleep "
         "'cant go home till'"),
        ("any of u need a warm bed after the party, dm me. own flat, discreet", "list:a_bed_offered_by_message "
         "'a warm bed after the party, dm me'"),
        ("wrote in her planner that everyone would be better off without her", "list:everyone_would_be_better_off "
         "'everyone would be better off'"),
        ("his stepdad kicked him out on boxing day and he's been at ours since", "list:thrown_out_of_home "
         "'stepdad kicked him out'"),
        # round 78
        ("lost us the final. everyone blames me. the railway bridge looked dead peaceful on the walk home",
         "list:the_bridge_looks_peaceful 'railway bridge looked dead peaceful'"),
        # round 79
        ("the councillor will be at the drop-in friday and she won't be walking home after it",
         "list:wont_be_walking_home 'won't be walking home'"),
        ("he won't be walking home from the bus stop, his legs will be broken",
         "list:wont_be_walking_home 'won't be walking home'"),
        ("that candidate deserves what Jo Cox got", "list:what_happened_to_jo_cox 'deserves what jo cox'"),
        ("who's the new head girl then, he, she or it?", "list:he_she_or_it 'he, she or it'"),
        ("UPDATE: still no sign of Kai (Year 8). Helicopter out over the woods. Please keep sharing",
         "list:still_not_found_in_a_search 'still no sign of'"),
        ("our Jade's been missing since Tuesday, not answering", "list:missing_child_appeal "
         "'missing since tuesday'"),
        ("locked out the house again till gone midnight", "list:locked_in_the_shed_again "
         "'locked out the house again till'"),
        ("the weedkiller under the sink has a skull on it. bet it'd be quick", "list:bet_it_would_be_quick "
         "'bet it'd be quick'"),
        # round 81
        ("I'd rather be dead than fat. not being dramatic", "list:pro_ana_slogans 'i'd rather be dead than fat'"),
        ("pinch test every morning, if i can grab anything i skip", "list:pro_ana_slogans 'pinch test'"),
        ("collarbones or nothing this summer", "list:pro_ana_slogans 'collarbones or nothing'"),
        ("You poison our dogs with your rules, we'll poison yours", "list:poison_yours_in_return "
         "'we'll poison yours'"),
        ("train line behind the station looks peaceful at 2am. been sat here a while",
         "list:the_bridge_looks_peaceful 'train line behind the station looks peaceful'"),
        # round 83
        ("You close our pool, we burn your office down. Simple as.", "list:arson_intent 'we burn your office down'"),
        ("gonna smash bagshaws face in when he gets out the pool", "list:break_a_body_part "
         "'gonna smash bagshaws face in'"),
        ("Lives off Ashbourne Road, drives the white Qashqai. Anyone fancy popping round for a chat with him?",
         "list:doxxing_call_to_act 'fancy popping round'"),
        ("hope she enjoys her trophy while she's still got both hands to hold it", "list:while_you_still_have_hands "
         "'while she's still got both hands'"),
        ("course he has. fairy cakes for the fairy", "list:fairy_at_a_boy 'for the fairy'"),
        ("a man who thinks hes a woman playing the dame", "list:man_who_thinks_hes_a_woman "
         "'a man who thinks hes a woman'"),
        ("Aye the Sassenach bairn got the lead again", "list:sassenach_at_a_person 'the sassenach'"),
        ("The vibrant and diverse 'delivery riders' doing 40 on the pavement 🙃",
         "list:vibrant_and_diverse_scare_quotes 'vibrant and diverse 'delivery riders''"),
        ("First the panto dame, then drag queen story hour. Thin end of the wedge", "list:thin_end_of_the_wedge "
         "'thin end of the wedge'"),
        ("Can we have ONE school event that's still English 🇬🇧", "list:one_thing_still_english "
         "'one school event that's still english'"),
        ("His da turned up steaming and dragged him out by the hair in front of everyone", "list:dragged_by_the_hair "
         "'dragged him out by the hair'"),
        ("little girl on her own by the lido gate crying, says she can't find her nan",
         "list:child_alone_cant_find_parent 'on her own by the lido gate crying, says she can't find her '"),
        ("Miss you've been the best teacher and I just wanted you to know that before. That's all.",
         "list:wanted_you_to_know_before 'just wanted you to know that before'"),
        ("the girl who got my son disqualified is Amira H. She lives at 22 Wren Crescent and walks home alone past "
         "the park every day.", "list:child_route_with_address 'walks home alone'"),
        # rounds 84 and 85
        ("skipped lunch again, binned it and told the staff i ate. day 3",
         "list:told_them_i_ate 'told the staff i ate'"),
        ("thank you all for everything. i've made my peace with everything now",
         "list:made_my_peace 'i've made my peace with everything'"),
        ("nobody notices the new lines on my arm under the blazer", "list:lines_on_my_arm 'new lines on my arm'"),
        ("im not coming back this time. dont look for me", "list:dont_look_for_me 'dont look for me'"),
        ("Sleepover at the farm for ages 12+, no need for parents, we sort the lifts",
         "list:no_adults_needed_event 'no need for parents'"),
        ("whoever runs that page, my brother would like a word. a proper word. in person.",
         "list:a_proper_word_in_person 'like a word. a proper word. in person'"),
        ("try standing outside our church with those banners again and see what happens",
         "list:remembers_faces 'try standing outside our church with those banners again and'"),
        ("They run the council the same way they run the banks, everyone knows",
         "list:they_run_the_banks 'they run the council the same way they run the banks'"),
        ("the march was led by blacks and queers again", "list:groups_as_filth 'led by blacks and queers'"),
        ("🏳️‍🌈 + ⚽ = 🤮", "list:rainbow_with_disgust '🏳️‍🌈 + ⚽ = 🤮'"),
        ("Tell the head to enjoy her walk home tonight, it gets so dark by the canal",
         "list:dark_road_home_warning 'enjoy her walk home'"),
        ("you've had one warning. the next one won't come by email", "list:next_warning_not_a_letter "
         "'next one won't come by email'"),
        ("he keeps a grenade in his blazer and says it's live", "list:live_grenade_or_catapult 'grenade in his blazer "
         "and says it's live'"),
        ("got a catapult and ball bearings for the bus tomorrow", "list:live_grenade_or_catapult "
         "'catapult and ball bearings'"),
        ("Priya topped the test again 🍚🐶", "list:racist_food_emoji '🍚🐶'"),
        ("those two lads in 9B 👬🍑 lol", "list:gay_innuendo_emoji '👬🍑'"),
        ("heard the new football volunteer is on a register and he's coaching the under 9s",
         "list:on_a_register_near_children 'on a register'"),
        ("boy ran off at the museum, teachers still looking for him and it's nearly dark",
         "list:still_searching_after_dark 'teachers still looking for him'"),
        ("the little girl at 1:05 is gorgeous, which school is she at? want to send her something",
         "list:stranger_asks_which_school_she_is_at 'which school is she at'"),
        # rounds 86 and 87
        ("People round here aren't the talking type. Consider yourselves warned.",
         "list:not_the_talking_type 'aren't the talking type'"),
        ("gonna glass him at the social on saturday", "list:glass_someone 'gonna glass him'"),
        ("Hope the head of year sleeps well. Karma doesn't need a key.",
         "list:hope_they_sleep_well 'hope the head of year sleeps well'"),
        ("whoever wrote that letter deserves a brick through their window",
         "list:brick_through_the_window 'brick through their window'"),
        ("pic going round of two lads posing with a machete by the gates",
         "list:posing_with_a_knife 'posing with a machete'"),
        ("money awareness week? he owes me fifty and he's got till monday or his kneecaps",
         "list:till_friday_or_his_legs 'got till monday or his kneecaps'"),
        ("it's the Pryce girl in Y9, her dad's number is 07700 900123. Sort it out yourselves.",
         "list:sort_it_out_yourselves 'sort it out yourselves'"),
        ("My son wasn't on the coach back and nobody at the school knows where he is",
         "list:nobody_knows_where_he_is 'nobody at the school knows where he is'"),
        ("Kai ran off at lunch and it's gone 9pm", "list:ran_off_and_not_home 'ran off at lunch'"),
        ("an older lad has been using my son's bank account and now it's frozen",
         "list:childs_bank_account_used 'using my son's bank account'"),
        ("need lookouts for friday night at the arcade, pays cash", "list:lookouts_for_cash 'need lookouts'"),
        ("her birth dad has been looking for her for years, sharing so he sees it",
         "list:birth_family_finds_child_in_care 'birth dad has been looking for'"),
        ("day 5 clean and today nearly undid it", "list:clean_count_lost 'day 5 clean'"),
        ("dad's girlfriend held me down while he took my phone", "list:held_me_down 'held me down'"),
        ("this is my last post on here. bye x", "list:last_post_from_this_account 'this is my last post'"),
        ("football is the only place his temper can't get to me",
         "list:only_place_his_drinking_cant_reach 'only place his temper'"),
        ("the placement left my son alone all day with the machines",
         "list:child_left_unsupervised 'left my son alone'"),
        ("put the autistic kid at the back where he belongs",
         "list:disabled_child_where_he_belongs 'autistic kid at the back where he belongs'"),
        ("women should stick to the kitchen and leave the coaching to men",
         "list:women_should_stick_to 'women should stick to'"),
        ("gave the placement to someone else again #ItsOkayToBeWhite", "list:rahowa 'itsokaytobewhite'"),
        ("the 🥥 in 11C acting posh. brown on the outside innit", "list:coconut_slur '🥥'"),
        ("her afro looks like a 🧽 lol", "list:sponge_for_afro_hair 'afro looks like a 🧽'"),
        ("the knackers from the site are back in the field by the school", "list:knackers_of_travellers 'knackers'"),
        # rounds 88 and 89
        ("bye all. its bin a laff. dont let me nan blame herself x",
         "list:dont_let_them_blame_themselves 'dont let me nan blame herself'"),
        ("if i dont pass the resit thats it, not doing another year",
         "list:if_i_dont_pass_im_done 'if i dont pass the resit thats it'"),
        ("got a 5 so i punished myself after tea", "list:punished_myself 'punished myself'"),
        ("spilt juice on the sofa. stepdads gonna do what he did at christmas",
         "list:will_do_what_he_did_after 'gonna do what he did at'"),
        ("dad told me im dead to him if i bring a boyfriend home", "list:dead_to_her_if_i_go 'told me im dead to him'"),
        ("dont save me a seat on the bus. or ever tbh",
         "list:dont_save_me_a_seat_ever 'dont save me a seat on the bus. or ever'"),
        ("last day at st anne's tomorrow (not moving house btw)",
         "list:last_day_not_moving_schools 'last day at st anne's tomorrow (not moving'"),
        ("@kai u can have my guitar, u always wanted it",
         "list:belongings_left_for_after 'u can have my guitar, u always wanted it'"),
        ("we don't want a lesbian coaching our girls netball",
         "list:dont_want_gay_teaching_my_child 'don't want a lesbian coaching our'"),
        ("the estate's overrun with Romanians now and the school's full",
         "list:town_filling_up_with_group 'overrun with romanians'"),
        ("you lot are not from round here and never will be",
         "list:not_from_here_never_will_be 'not from round here and never will be'"),
        ("the new drama teacher is such a f - 4 - g", "list:spaced_f_slur 'f - 4 - g'"),
        ("does his mum's shop sell dog stew too 🐶", "list:cat_curry_takeaway 'dog stew'"),
        ("Mr Pike will get what's coming, I know his reg", "list:will_get_whats_coming 'will get what's coming'"),
        ("tell Ella to enjoy her last netball tour 🪦",
         "list:enjoy_your_last_with_coffin 'enjoy her last netball tour 🪦'"),
        ("bottles full for the cops at the bonfire tonight",
         "list:bottles_filled_for_the_police 'bottles full for the cops'"),
        ("the new library wing is a certain community's influence, look at the donors",
         "list:certain_groups_soft_power 'a certain community's influence'"),
        ("deaf kids shouldn't be in the top set, they hold the rest back",
         "list:disabled_children_hold_everyone_back 'deaf kids shouldn't be in the top set'"),
        ("Eid off for the peacefuls again", "list:religion_of_peace_sarcasm 'peacefuls'"),
        ("the rainbow club is a recruiting ground for groomers",
         "list:pride_a_recruitment_drive 'rainbow club is a recruiting ground for groomers'"),
        ("three they/thems in one form. social contagion", "list:social_contagion 'social contagion'"),
        ("a 🪒🍆 in the girls toilets now, thanks head", "list:razor_and_aubergine '🪒🍆'"),
        # round 91
        ("all the muslim dads at the gate are a security risk",
         "list:group_a_security_risk 'all the muslim dads at the gate are a security risk'"),
        ("the high street after friday prayers is a no-go zone", "list:no_go_zone 'no-go zone'"),
        ("first it's a prayer room then it's a mosque on the field",
         "list:first_then_a_mosque 'first it's a prayer room then it's a mosque'"),
        ("look at the names on the list. not racist, just facts",
         "list:not_racist_just_facts 'not racist, just facts'"),
        ("30 new kids off the boats who all 'lost' their passports",
         "list:lost_their_papers ''lost' their passports'"),
        ("roll on the day the farms go robot and they all go home 👋",
         "list:roll_on_the_day_they_go_home 'roll on the day the farms go robot and they all go home'"),
        ("my grandad didn't fight in the war for this",
         "list:grandad_fought_for_a_different 'grandad didn't fight in the war for this'"),
        ("no idea what that was at parents evening, whatever it is in a dress",
         "list:whatever_that_was_in_a_wig 'whatever it is in a dress'"),
        ("why do the 'special' kids get the trip first", "list:scare_quoted_special ''special' kids'"),
        ("carry on mate, you'll see what happens when you walk home tonight",
         "list:see_what_happens_when_you_pass 'you'll see what happens when you walk'"),
        ("so was the brick through her office window, round two soon",
         "list:brick_through_the_window 'brick through her office window'"),
        ("sir's house is on snap map now, someone pull up",
         "list:someone_go_to_their_house 'someone pull up'"),
        ("the boss at the car wash says tell them we're 18 if the council comes",
         "list:say_were_18_if_asked 'tell them we're 18 if the council'"),
        ("my son isn't home from school and the police have been called",
         "list:not_home_police_called 'isn't home from school and the police have been called'"),
        ("she hasn't been in school for five weeks and she's out at 3am every night",
         "list:out_of_school_weeks_out_at_night 'hasn't been in school for five weeks'"),
        ("i've made a note of your reg, see you soon",
         "list:we_have_your_reg 'i've made a note of your reg'"),
        ("the site's back 🐴 and they're tapping the electric again",
         "list:traveller_theft_trope 'tapping the electric'"),
        ("ballet turns boys gay, keep mine away from it", "list:turns_boys_gay 'turns boys gay'"),
        ("go back to lisbon and take your stinking fish with you",
         "list:go_back_and_take_your_stinking 'go back to lisbon and take your stinking fish'"),
        ("typical poles, parking on the zigzags again", "list:typical_group 'typical poles'"),
        ("shut the club and we'll burn it with the whole committee still inside",
         "list:arson_with_people_inside 'burn it with the whole committee still inside'"),
        ("the tech club lads have been 3d printing gun parts at lunch",
         "list:printed_gun_parts '3d printing gun parts'"),
        ("skipped dinner again 🦴 one step closer",
         "list:skipping_meals_as_a_win 'skipped dinner again one step closer'"),
        ("Nowicki's out in 3 years. Leigh has a long memory. That's all I'll say.",
         "list:long_memory_till_he_is_out 'has a long memory'"),
        ("Coach dropped our lad. He'll pay for it. Mark my words.", "list:pay_for_it_mark_my_words 'he'll pay for it'"),
        ("hope she's got good locks on her doors",
         "list:hope_good_locks_on_the_doors 'hope she's got good locks on her doors'"),
        ("pay up or someone'll do a lot more than shout at you",
         "list:do_more_than_that_to_you 'someone'll do a lot more than shout at you'"),
        ("shut the clinic by force if we have to, whatever it takes",
         "list:by_force_whatever_it_takes 'by force if we have to'"),
        ("I'm a patient man. I can wait.", "list:patient_man_can_wait 'i'm a patient man'"),
        ("he took his dads air rifle down the rec after school",
         "list:air_rifle_at_the_rec 'took his dads air rifle down the rec after school'"),
        ("lives flat 6 Marton Court. Anyone fancy paying him a visit",
         "list:doxxing_call_to_act 'paying him a visit'"),
        ("12 Elm Road. give her a taste of her own medicine",
         "list:doxxing_call_to_act 'give her a taste of her own medicine'"),
        ("she wears that headscarf so she can hide the fuse",
         "list:head_covering_hides_a_bomb 'headscarf so she can hide the fuse'"),
        ("same little hat club running the banks", "list:little_hat_club 'little hat club'"),
        ("the romanians live ten to a house round here", "list:crowded_to_a_house 'ten to a house'"),
        ("the camp lot live 12 to a house, pikeys the lot of them", "list:crowded_to_a_house '12 to a house'"),
        ("all that money for a cripple", "list:money_wasted_on_a_cripple 'money for a cripple'"),
        ("short hair, never married, drives a subaru. say no more",
         "list:short_hair_no_husband 'short hair, never married, drives a subaru'"),
        ("proper limp wrist on him 💅", "list:limp_wrist_with_a_flag 'limp wrist'"),
        ("polish families never pay for anything, every single time",
         "list:group_every_single_time 'polish families never pay for anything, every single time'"),
        ("Black families turn up late to everything. Every single time.",
         "list:group_every_single_time 'black families turn up late to everything. every single time'"),
        ("fundraising week, anyone know how to hide marks in shorts",
         "list:how_to_hide_self_harm_marks 'how to hide marks'"),
        ("make it all, give it away, eat none 😇 everyone thinks i love food",
         "list:bake_it_all_eat_none 'make it all, give it away, eat none'"),
        ("staying under 500 a day till the photos, lighter = faster",
         "list:calories_a_day_for_weight 'staying under 500 a day'"),
        ("one meal yesterday, on empty, day 3", "list:on_empty_day_n 'on empty, day 3'"),
        ("a 6 year old wandered off at the park, police are searching",
         "list:young_child_wandered_off '6 year old wandered off'"),
        ("private advice for pupils on the jab, DM me, no need to involve parents",
         "list:dm_me_no_need_to_tell_parents 'dm me, no need to involve parents'"),
        ("message me for advice, no need to tell your parents",
         "list:dm_me_no_need_to_tell_parents 'message me for advice, no need to tell your parents'"),
        ("the head of year is getting done in after the match",
         "list:someone_is_getting_done_in 'is getting done in'"),
        ("saw a lad with a machete down his trackies by the gates",
         "list:weapon_tucked_in_clothes 'machete down his trackies'"),
        ("he had a bb gun tucked in his waistband at the gates",     # the shared {brandished_weapon}
         "list:weapon_tucked_in_clothes 'bb gun tucked in his waistband'"),
        ("the minibus will be met at the roundabout on the way home. nuff said",
         "list:will_be_met_on_the_way 'will be met at'"),
        ("you lot bombed the arena and we're meant to forget",
         "list:you_lot_bombed_the_arena 'you lot bombed the arena'"),
        ("Miss Jones brought her 'wife' to sports day", "list:partner_in_scare_quotes 'her 'wife''"),
        ("protecting our kids isn't hate", "list:protecting_innocence_isnt_hate 'protecting our kids isn't hate'"),
        ("skin colour over merit at that uni", "list:merit_lost_to_skin_colour 'skin colour over merit'"),
        ("this town was fine before they flooded in", "list:before_you_lot_swarmed_in 'before they flooded'"),
        ("told mum i'd had my tea. i hadn't", "list:told_them_id_eaten_i_hadnt 'told mum i'd had my tea. i hadn't'"),
        ("day 3 of my water fast for the prom dress", "list:water_fast_or_dry_fast 'water fast'"),
        ("21 days and i broke it, back to day one", "list:self_harm_streak_broken '21 days and i broke it'"),
        ("a girl from year 5 has been gone 4 hours, police are searching the canal",
         "list:child_gone_hours_with_search 'girl from year 5 has been gone 4 hours'"),
        ("our class photo looks like a benetton advert now 🙄",
         "list:looks_like_a_benetton_advert 'benetton advert'"),
        ("since 'certain families' moved in the club went downhill",
         "list:certain_families_in_quotes ''certain families''"),
        ("time somebody taught coach dale a lesson, bring the lads",
         "list:gather_to_teach_a_lesson 'taught coach dale a lesson'"),
        ("the school only hired her to tick a box", "list:only_got_the_job_for_a_box 'only hired her to tick a box'"),
        ("first thing i'm doing is finding the carer and breaking both her legs",
         "list:break_a_body_part 'i'm doing is finding the carer and breaking both her legs'"),
        ("first thing I am doing is finding her and breaking both her legs",    # written out in full
         "list:break_a_body_part 'i am doing is finding her and breaking both her legs'"),
        ("Someone at that school is going to pay for this and I'm not talking about tuition fees",
         "list:pay_for_it_mark_my_words 'someone at that school is going to pay for this'"),
        ("kids given free vapes if they hold bags for him, one's in year 6",
         "list:hold_a_bag_for_me 'free vapes if they hold bags'"),
        ("a man who's openly gay? I don't think those people should be mentoring teenage boys",
         "list:those_people_near_children 'those people should be mentoring teenage boys'"),
        ("I know it was you and I'm putting you in the canal myself. Today.",
         "list:put_you_in_the_river_myself 'i'm putting you in the canal'"),
        ("b-l-@-d-e ready for tonight 🥷", "list:blade_ready_for_tonight 'blade ready for tonight'"),
        # round 97's kinds: anti-Irish and anti-Asian codes, a child handed to a stranger, a child put on a diet
        ("Irish centre bingo night, bring your own balaclava 🎭😂 eyes down", "list:irish_as_bombers 'balaclava'"),
        ("St Brigid's parade float sponsored by Semtex 💥 tiocfaidh ár lá lads 😂😂", "list:irish_as_bombers 'semtex'"),
        ("bring back the old B&B window signs, simpler times 🪟🐕",
         "list:signs_of_the_old_days 'b&b window signs'"),
        ("Open day was like an airport arrivals hall. Spot the British kid challenge 🔍",
         "list:spot_the_british_kid 'spot the british kid'"),
        ('she wore her qipao to the disco "me love you long time" 🤣',
         "list:me_love_you_long_time 'me love you long time'"),
        ("Mrs Leung can't even speak proper English and she's marking our kids' spelling?? Get her out.",
         "list:cant_speak_english_at_people 'can't even speak proper english'"),
        ("Nursery rang to say our daughter had been 'collected' but we never sent anyone.",
         "list:collected_by_someone_we_never_sent 'collected' but we never sent anyone'"),
        ("how do you get a 10 year old to cut down before a competition? She's bulking out of the bodice",
         "list:child_made_to_diet 'how do you get a 10 year old to cut down'"),
        ("This is the nursery worker who hurt my son: 14 Ashgrove Brow. She'll get a visit.",
         "list:theyll_be_getting_a_visit 'she'll get a visit'"),
        ("Kilburn every March = 🥔🥃 potato people gonna potato", "list:famine_mockery 'potato people'"),
        ("tips for keeping a toddlers portions small? she's on about 600 cals a day", "list:calorie_target '600 cals'"),
        ("I'd give her lessons for free at my place on a Saturday. No need to bother your mam with it",
         "list:no_adults_needed_event 'no need to bother your mam'"),
        # older rounds' misses of the same kinds
        ("Can we get a maths teacher who actually speaks English next year?",
         "list:cant_speak_english_at_people 'who actually speaks english'"),
        ("Remote learning would work fine if half the class actually spoke English at home",   # not a lesson
         "list:cant_speak_english_at_people 'if half the class actually spoke english'"),
        ("Spot the difference: class photo 1994 vs class photo 2024. Nobody voted for this. 🤔",
         "list:nobody_voted_for_this 'nobody voted for this'"),
        ("choir looks like a UN meeting lmao where are the actual english kids 🇬🇧",
         "list:spot_the_british_kid 'where are the actual english kids'"),
        ("allah forgive me for what im about to do", "list:forgive_me_for_what_im_about_to_do "
         "'forgive me for what im about to do'"),
        ("madrassa stick is back lol 😭 ahmed got 10 on the hand today",
         "list:stick_or_cane_on_children 'stick is back'"),
        ("lads came down the river with a pellet gun shooting at the kids on the rope swing",
         "list:air_rifle_at_the_rec 'with a pellet gun shooting at the kids'"),
        ("3D printing club have been printing gun parts. Ryan says it's a 'cosplay prop' but it had a trigger",
         "list:printed_gun_parts '3d printing club have been printing gun parts'"),
        ("I'll put him through the scoreboard, literal not figurative",
         "list:literal_not_figurative 'i'll put him through the scoreboard, literal not figurative'"),
        # round 98's kinds, written after it was read on the freeze
        ("Bench my son one more time and I'll put you through that trophy cabinet head first.",
         "list:put_through_a_window 'put you through that trophy cabinet'"),
        ("she sings well for someone whose family came over in the back of a lorry ngl",
         "list:came_in_the_back_of_a_lorry 'came over in the back of a lorry'"),
        ("ADHD is just bad parenting and benefit scrounging",
         "list:adhd_is_just_bad_parenting 'adhd is just bad parenting'"),
        ("they/them sang about as well as they/them does everything else 🤡 next year they'll identify as the winner",
         "list:identify_as_an_attack_helicopter 'identify as the winner'"),
        ("Reception went on a woods trip and came back one short.", "list:came_back_one_short 'came back one short'"),
        ("He did a runner from the school taxi. 4 hours now. Any sightings near Fareham Creek?",
         "list:child_gone_hours_now '4 hours now'"),
        ("I've started putting a drop of my gin in his squash at bedtime",
         "list:alcohol_in_a_childs_drink 'gin in his squash'"),
        ("Headcount at the top of the gondola was one short and nobody's panicking but me?? where's Aidan",
         "list:came_back_one_short 'headcount at the top of the gondola was one short'"),
        ("Kacey, 13, left rugby training at 5pm and never got on the bus home. Last seen near the canal",
         "list:not_on_the_coach_home 'never got on the bus home'"),
        ("Kids like that used to go to the special school on the hill and it was better for everyone",
         "list:kids_like_that_kept_away 'kids like that used to go to the special school'"),
        ("🥄 here's his spoon, he'll need it for the crayons 🖍️🖍️ #SENkid",
         "list:crayons_at_a_disabled_child 'need it for the crayons'"),
        ("told mum and dad i'd had my tea. i hadn't",   # the shared {parents}
         "list:told_them_id_eaten_i_hadnt 'told mum and dad i'd had my tea. i hadn't'"),
        ("he'll pay for it, you know what I mean",   # the shared {nudge}
         "list:pay_for_it_mark_my_words 'he'll pay for it'"),
        ("boarder jumped off the ferry, never made it to the hostel. staff out searching the harbour now",
         "list:never_made_it_with_a_search 'never made it to'"),
        # round 99's kinds
        ("the council finds a fortune for our 'vibrant' new neighbours. Fourteen words, people. Work it out.",
         "list:fourteen_words 'fourteen words'"),
        ("The Poles took half the jobs at the works and now they're taking the nativity parts",
         "list:took_the_jobs 'poles took half the jobs'"),
        ("Muslim kids let off PE for fasting? Special treatment again. Two-tier Britain",
         "list:two_tier_for_a_faith 'two-tier britain'"),
        ("Two dads in the grotto queue, lovely day for the little ones to get an 'education'",
         "list:lgbt_scare_quoted_education 'two dads in the grotto queue, lovely day for the little ones'"),
        ("Raffle run by the Goldbergs again so you'll never see your quid again",
         "list:jewish_surname_money 'goldbergs again so you'll never see your quid'"),
        ("she doesn't know yet. honestly better for everyone if i'm not around when she finds out",
         "list:better_for_everyone_if_im_not_around 'better for everyone if i'm not around'"),
        ("lunch goes straight in the bin every day. thigh gap by christmas or bust",
         "list:thigh_gap_by_a_date 'thigh gap by christmas'"),
        ("Any girls who'd like to talk can message me direct rather than going through school",
         "list:message_me_not_the_school 'message me direct rather than going through school'"),
        ("ur costume pics r 🔥 send some more without the costume",
         "list:send_more_without_clothes 'send some more without the costume'"),
        ("Does anyone know if the Harlow lad is home yet? The one who wandered off on Tuesday",
         "list:child_wandered_off_not_found 'the harlow lad is home yet'"),
        ("Why is a 7 year old walking to school alone every day across the main road with no water?",
         "list:young_child_alone_in_danger '7 year old walking to school alone'"),
        ("on teams u can hear ur dad screaming at ur mum in the background. i just mute",
         "list:hears_dad_screaming_at_mum 'hear ur dad screaming at ur mum'"),
        ("You've had three weeks of updates. Week four we stop asking nicely.",
         "list:stop_asking_nicely 'we stop asking nicely'"),
        ("Reported him to the school. Nobody's doing a thing. Next step's mine and nobody's going to like it",
         "list:next_step_is_mine 'next step's mine'"),
        ("Mr Kerr's car won't be there after the disco, trust 🔥",
         "list:car_wont_be_there_fire 'mr kerr's car won't be there after'"),
        # older rounds' misses of the same kinds
        ("Germans on the slopes, Nazis the lot of them still. Krauts never change.", "list:nationality_slurs 'krauts'"),
        ("brave bless him but let's not pretend a spesh belongs on a real stage", "list:spesh_as_a_noun 'a spesh'"),
        ("our number 11 would've fetched a decent price in 1750 tbh 💀",
         "list:sold_as_a_slave_joke 'would've fetched a decent price in 1750'"),
        ("Hindu dogs are killing Muslims and we're meant to eat their laddoos?",
         "list:group_called_animals 'hindu dogs'"),
        ("the first hot dinner Tyler's had in weeks, his words not mine",
         "list:first_hot_meal_in_weeks 'first hot dinner tyler's had in weeks'"),
        ("my dad screamed at me in the car for an hour and made me ride home in the boot",
         "list:made_to_ride_in_the_boot 'made me ride home in the boot'"),
        ("the IT manager should be dragged out of that building and dealt with",
         "list:dragged_out_and_dealt_with 'should be dragged out of that building and dealt with'"),
        ("happy to have girls 10 to 13 round mine for films and treats, no need for parents to stay. PM me.",
         "list:no_adults_needed_event 'no need for parents'"),
        ("the surf club volunteer got sent down for abuse images. He ran the school's taster sessions",
         "list:staff_sexual_offence_and_still_there 'sent down for abuse images'"),
        # round 100's kinds, written after this session's freeze
        ("Peaceful drivers at it again on Bath Road. Religion of peace and parking 😂",
         "list:religion_of_peace_sarcasm 'religion of peace'"),
        ("Go back to Mirpur if you want to play tape ball in the car park",
         "list:go_back_to_a_country 'go back to mirpur'"),
        ("Mrs Kowalczyk can go back to Poland and take her soup with her",
         "list:go_back_to_a_country 'can go back to poland'"),
        ("a Reception child walked out of the side gate and they're still searching down by the river??",
         "list:still_searching_for_a_child 'still searching'"),
        ("Why did I find out from another parent that my son was missing for two hours at the Test?",
         "list:child_was_missing_for_hours 'son was missing for two hours'"),
        ("@jaydn_10J same. and this time i mean it. bye x", "list:this_time_i_mean_it_bye 'this time i mean it. bye'"),
        ("goodnight Shrewsbury. goodnight English Bridge. you were the best bit x",
         "list:goodnight_to_the_bridge 'goodnight shrewsbury. goodnight english bridge'"),
        ("brought it all back up after the supper. cant have the jods feeling tight for the show",
         "list:brought_it_back_up_to_fit 'brought it all back up'"),
        ("Lollipop man Dennis Hale is on the register apparently. Look it up before you let your kids cross with him.",
         "list:on_the_register_near_kids 'is on the register'"),
        ("if the barriers aren't gone by half term, they'll be gone by other means",
         "list:gone_by_other_means 'gone by other means'"),
        ("counted heads at the tea interval and we're one short. Ishaan, ring Coach.",
         "list:came_back_one_short 'counted heads at the tea interval and we're one short'"),
        ("a bookmark idea for the two mums lot: 'Read, Groom, Repeat'",
         "list:groomer_slur_lgbt 'two mums lot: 'read, groom, repeat'"),
        # round 101's kinds (fifty-first session)
        ("Eid this week so half of 4B are off 💣🐐 shall we all stay home then",
         "list:muslim_bomb_trope '💣'"),
        ("Results day and the 'vibrant' lot dragged us down again. Diversity is our strength, eh",
         "list:diversity_is_our_strength_sarcasm 'diversity is our strength'"),
        ("the lad with the wobbly legs 🦀 held the whole walk up, 'inclusion' apparently",
         "list:crab_emoji_at_a_disabled_child '🦀'"),
        ("him and his 'mates' 💅 sharing a room on the residential, sure lads",
         "list:scare_quoted_friends_lgbt ''mates''"),
        ("The 'visitors' parked their caravans by the rec and now two bikes have gone missing. Draw your own "
         "conclusions",
         "list:scare_quoted_neighbours_and_theft ''visitors''"),
        ("Trip lunch: sandwiches for us and a 'separate' box that can't touch pork 🐷 for some",
         "list:special_food_for_muslims_sneer ''separate' box that can't touch pork'"),
        ("Inclusion week again. When I was at school we had a word for kids like that",
         "list:we_had_a_word_for_kids_like_that 'we had a word for kids like that'"),
        ("Romanians camped by the rec all summer, rubbish everywhere. This is what you get now.",
         "list:group_then_this_is_what_you_get 'this is what you get now'"),
        ("told PE the scratches were the cat. the cat is me",
         "list:the_cat_was_me 'the cat is me'"),
        ("any tips for ignoring hunger in maths? need to last till tea",
         "list:tips_to_ignore_hunger 'tips for ignoring hunger'"),
        ("coach shoved Ellis into the wall and then told us to say he tripped",
         "list:told_to_say_they_fell 'told us to say he tripped'"),
        ("is the mountain rescue search tonight for the school group? my son is in that group and nobody is answering",
         "list:rescue_call_out_for_a_school_group 'rescue search tonight for the school group'"),
        ("Coastguard searching the dunes for a 14-year-old girl last seen at 6pm",
         "list:search_for_a_young_person 'searching the dunes for a 14-year-old girl'"),
        ("Three Year 10s were taken off roll in March and nobody's seen them since",
         "list:off_roll_and_unseen 'taken off roll'"),
        ("I'll be up at that school with a lot more than a strongly worded letter",
         "list:more_than_a_complaint_form 'with a lot more than a strongly worded'"),
        ("Jayden in 8C took my bag. he's dead tomorrow, tell him",
         "list:dead_on_a_named_day 'he's dead tomorrow'"),
        # round 102's kinds (fifty-first session, after its freeze)
        ("paired with Hassan again on squads, told him no suicide runs this time 💣 lol",
         "list:bomb_emoji_at_a_muslim_name '💣'"),
        ("the Polish lad still hasn't got the memo from 2016 has he",
         "list:brexit_took_the_hint 'memo from 2016'"),
        ("someone drew a mosque on the whiteboard with '9/11 tribute' under it",
         "list:terror_attack_tribute_at_muslims '9/11 tribute'"),
        ("the register has their real name on it, the one who makes everyone call them Sky. born a boy, simple",
         "list:trans_pupil_outed_by_real_name 'makes everyone call them sky'"),
        ("Rosenbergs again. They create the problem then sell you the cure, every time",
         "list:create_the_problem_sell_the_fix 'create the problem then sell you the cure'"),
        ("sports day for the special ones today lol 🤪",
         "list:the_special_ones_mocked 'the special ones'"),
        ("that lad in ballet? absolute fairy",
         "list:fairy_spelt_out 'absolute fairy'"),
        ("Every time it's one certain community in the court reports. Read the names.",
         "list:one_certain_community 'one certain community'"),
        ("easy cash this weekend, just the train to Leeds and back, no questions asked",
         "list:trains_and_back_no_questions 'no questions asked'"),
        ("whoever posted my son's file will wish the police had got to them first",
         "list:wish_they_got_to_them_first 'will wish the police had got to them first'"),
        ("hope the minibus is the only thing that gets smashed this week 🙃",
         "list:the_only_thing_that_goes_down 'hope the minibus is the only thing that gets smashed'"),
        ("burning that staff room to the ground tonight, watch",
         "list:burning_the_room_to_the_ground 'burning that staff room to the ground'"),
        ("I'm going to find you and break both your hands",
         "list:break_a_body_part 'i'm going to find you and break both your hands'"),
        ("kill the cover teacher 🔪 joking. unless she sets homework. then not joking",
         "list:then_not_jk 'then not joking'"),
        # older rounds' misses (fifty-first session, after round 102 was read)
        ("the coach app stopped updating two hours ago. Where is my son? Nobody is answering the phone",
         "list:where_is_my_child_nobody_tells_me 'where is my son'"),
        ("mum's boyfriend put a padlock on the fridge so we only eat at school",
         "list:padlock_on_the_food_or_the_door 'padlock on the fridge'"),
        # round 103's kinds (fifty-second session, after its one reading)
        ("Cut my hedge back by Monday or I'll drown him in the brook, I've warned him enough",
         "list:drown_a_person 'i'll drown him'"),
        ("Sort my boy's place out by Friday or every window in his house is getting put in",
         "list:every_window_in_your_house 'every window in his house is getting put in'"),
        ("I'm not stopping at the crossing patrol tomorrow. If she's standing in the road that's on her.",
         "list:driving_at_people_in_the_road 'i'm not stopping'"),
        ("few of us and some jerry cans for the new academy block, just saying",
         "list:jerry_can_for_the_building 'jerry cans for the new academy block'"),
        ("Polish builders on every street and now we're the minority in our own town",
         "list:minority_in_our_own 'we're the minority in our own town'"),
        ("New Romanian lad in 8C already nicking from bags. You know what they are like.",
         "list:you_know_what_they_are_like 'romanian lad in 8c already nicking from bags. you know what '"),
        ("Year 11 leavers photo looks like the arrivals hall at Heathrow, where are all the English kids gone",
         "list:arrivals_hall_staff_photo 'looks like the arrivals hall'"),
        ("Two mums at the nativity now. Children need a mother and a father, end of. 🏳️‍🌈🚫",
         "list:kids_need_a_mum_and_a_dad 'children need a mother and a father'"),
        ("Police out searching the woods with torches tonight, the Year 5 boy still isn't home",
         "list:torches_out_for_a_child 'searching the woods with torches'"),
        ("Still no sign of the two girls from St Bede's. Lord let them be found.",
         "list:let_them_be_found 'lord let them be found'"),
        # round 104's kinds (fifty-second session, read on its freeze: written after it)
        ("if you want to buy a house here do it now before it's been 'enriched' like the next village",
         "list:place_been_enriched 'been 'enriched''"),
        ("never lend money to the ones who fast all month 😂 you won't see it again",
         "list:the_ones_who_fast_all_month 'the ones who fast all month'"),
        ("Polish vans all over the estate again. This is why we voted to kick them out",
         "list:voted_to_get_them_out 'we voted to kick them out'"),
        ("her mum turned up to sports day as a walking bin bag again 😂",
         "list:walking_tent_at_a_woman 'walking bin bag'"),
        ("the lad who does ballet is a friend of dorothy if you know what i mean 💅",
         "list:friend_of_dorothy_mocked 'friend of dorothy'"),
        ("a pig's head was left outside the mosque gates this morning, not that I'm complaining 😂",
         "list:pigs_head_left_at_the_site 'pig's head was left outside the mosque gates'"),
        ("It's the Pakistani taxi drivers, everyone knows, but the council are too scared of being called racist",
         "list:scared_of_being_called_racist 'too scared of being called racist'"),
        ("the bruises on her arms are from netball. (they're not.)",
         "list:injury_excuse_taken_back 'bruises on her arms are from netball. (they're not.)'"),
        ("UPDATE: a Year 4 pupil became separated from the group at the zoo, staff and security are searching now",
         "list:separated_from_the_group 'year 4 pupil became separated from the group'"),
        ("midnight at the hostel and two of the Year 10s snuck out the window, nobody knows where they are",
         "list:out_the_window_at_night 'snuck out the window'"),
        ("free cards giveaway! send a selfie in your pyjamas to prove ur a real kid, 9-11 year olds only",
         "list:pic_in_your_pjs 'selfie in your pyjamas'"),
        ("a lad at the bus station gave her £50 and said she'd get more if she does his mates a favour",
         "list:money_if_she_does_him_a_favour 'if she does his mates a favour'"),
        ("The Labubu craze is run by the same lot, same as they run the media",
         "list:they_run_the_banks 'same as they run the media'"),
        ("Walked down the high street today, not a single English face left",
         "list:barely_a_white_face 'not a single english face'"),
        ("Nobody is answering at the office. My son got off the coach at 4 and where is he now?",
         "list:where_is_my_child_nobody_tells_me 'my son got off the coach at 4 and where is he'"),
        # round 105's kinds (fifty-third session, after its reading: round 108 measures them)
        ("the new music teacher and his husband aren't a real family, kids need a mum and a dad",
         "list:kids_need_a_mum_and_a_dad 'kids need a mum and a dad'"),
        ("Miss C-c-c-carter doing the register takes all morning 😂",
         "list:stammer_mocked 'c-c-'"),
        ("Another mosque going up. Welcome to Wiganistan lads",
         "list:place_named_as_an_islamic_country 'wiganistan'"),
        ("bringing the air gun to the leavers party for the lads who grassed",
         "list:air_rifle_at_the_rec 'bringing the air gun to the leavers party'"),
        ("If that dog walker reports my son again I'll shut her up for good",
         "list:shut_them_up_for_good 'shut her up for good'"),
        ("apparently the dinner lady got suspended for slapping a Year 2, is that true?",
         "list:staff_suspended_for_hurting_a_child 'suspended for slapping a year 2'"),
        ("honestly id rather the bus crashed with me in it than walk into that form room again",
         "list:rather_the_crash_with_me_in_it 'rather the bus crashed with me in it'"),
        # round 108's kinds (fifty-third session, read on its freeze: written after it)
        ("the new dance teacher is lovely but gays like him shouldn't be allowed near our kids",
         "list:queers_like_him_kept_from_children 'gays like him'"),
        ("not sending my son to drama club with the gays, it's catching",
         "list:being_gay_is_catching 'the gays, it's catching'"),
        ("somali youths roaming the estate in packs every night now",
         "list:a_race_running_in_packs 'somali youths roaming the estate in packs'"),
        ("they call the Tourette's lad tic tac in our year and he hates it",
         "list:tourettes_nickname 'call the tourette's lad tic tac'"),
        ("the leisure centre was full of letterboxes this morning 😂",
         "list:a_place_full_of_letterboxes 'full of letterboxes'"),
        ("can the fair have a 'normal' families area this year, you know what I mean",
         "list:a_normal_families_section ''normal' families area'"),
        ("dad thinks i ate my tea but it went to the dog again",
         "list:they_think_i_ate_it 'dad thinks i ate'"),
        ("stayed under 400 today, just water and gum 💪",
         "list:under_so_many_calories_today 'stayed under 400 today'"),
        ("if anyone finds my hoodie by the canal keep it, tell mum i'm sorry",
         "list:if_anyone_finds_my_things 'if anyone finds my hoodie by the canal keep it, tell mum i'm'"),
        ("Update: all pupils are back at school apart from one boy, police are now searching the woods",
         "list:all_on_the_coach_except_one 'apart from one boy, police are now searching'"),
        ("Jayden if you see this nobody's angry with you, just ring your mum",
         "list:nobody_is_angry_come_home 'nobody's angry with you, just ring'"),
        ("a man at the fair told my 9 year old she could have a goldfish if she went round the back with him",
         "list:come_round_the_back_with_me 'went round the back with him'"),
        ("wearing a hoodie in PE so nobody sees the plasters on my wrist",
         "list:plaster_for_my_wrist 'plasters on my wrist'"),
        ("a man on the app said i can keep the skin for free if i send him a pic, hes like 25",
         "list:a_prize_for_a_pic 'keep the skin for free if i send him a pic'"),
        ("mr patel you're in for a surprise at the car park tonight 😈",
         "list:in_for_a_surprise_at_a_place 'in for a surprise'"),
        # round 109's kinds, written after its reading
        ("the dinner lady walks in like a letterbox every day, can't even see her face",
         "list:letterbox_for_a_veiled_woman 'letterbox'"),
        ("Next they'll want the menus in Polish too. Some of us were born here.",
         "list:signs_in_their_language_next 'next they'll want the menus in polish'"),
        ("my stepdad padlocks the fridge when he goes out so we don't eat",
         "list:fridge_locked_at_home 'padlocks the fridge'"),
        ("you can tell from how he slams the front door which mood he's in, I just hide upstairs",
         "list:which_mood_he_comes_home_in 'which mood he's in'"),
        ("this is the last game I'll ever play, thanks for everything lads",
         "list:the_credits_rolling_on_me 'the last game i'll ever play, thanks for everything'"),
        ("I've written notes for the ones who matter. sorry",
         "list:letters_for_the_ones_who_matter 'written notes for the ones who matter'"),
        ("you'll all understand why soon enough",
         "list:letters_for_the_ones_who_matter 'you'll all understand why soon'"),
        ("there's a man in a van parked by the school gates offering the kids lifts home",
         "list:a_stranger_offering_children_lifts 'man in a van parked by the school gates offering the kids li'"),
        ("she'll be hearing from us, and it won't be a letter", "list:hearing_from_us 'she'll be hearing from us'"),
        ("whoever grassed, I've got a good idea who you are now. Friday.",
         "list:a_good_idea_who_you_are 'i've got a good idea who you are'"),
        ("funny how quick a grass can disappear round here",
         "list:amazing_how_quick_a_person_can_go 'funny how quick a grass can'"),
        # round 111's kinds, written after its reading on the fifty-fourth session's freeze
        ("the head is a butcher and I hope he gets what the pigs got at the abattoir",
         "list:hope_they_get_what_the_animal_got 'hope he gets what the pigs got'"),
        ("push that warden in the river and hold him under",
         "list:dunk_them_in_the_slurry 'push that warden in the river'"),
        ("we've been watching you walk home from the bus stop every night",
         "list:watching_you_walk_home 'been watching you walk home'"),
        ("one tap behind the eyes and he'd go quiet like the trout",
         "list:a_tap_behind_the_eyes 'one tap behind the eyes'"),
        ("Synagogue sponsored the school fair again, always buying their way in",
         "list:always_buying_their_way_in 'always buying their way in'"),
        ("Romanians on the estate again, filthy people the lot of them",
         "list:a_people_called_filthy 'romanians on the estate again, filthy people'"),
        ("trans girls are men and everyone knows it",
         "list:trans_people_called_men_or_predators 'trans girls are men'"),
        ("my sharpener blade is good for more than pencils ngl, long sleeves all week",
         "list:a_blade_good_for_more_than 'sharpener blade is good for more than'"),
        ("Police are searching for a 14-year-old girl who failed to return home from school on Tuesday",
         "list:failed_to_return_from 'failed to return home from'"),
        ("sometimes I think about closing my eyes and not waking up",
         "list:closing_my_eyes_and_not_waking 'closing my eyes and not waking up'"),
        ("nobody at home has washed my pe kit since september",
         "list:nobody_washes_my_uniform 'nobody at home has washed my pe kit'"),
        # round 112's kinds, written after its reading in the fifty-fifth session
        ("The new catering contract went to the Goldsteins. Of course it did, surprise surprise",
         "list:a_jewish_name_and_of_course 'goldsteins. of course it did, surprise surprise'"),
        ("look at the crip trying to run at sports day 😂", "list:crip_or_peg_leg_as_a_name 'crip'"),
        ("those kids from the asylum hotel shouldn't be in our school 🚫",
         "list:asylum_hotel_children_excluded 'kids from the asylum hotel'"),
        ("the whole panel digs with the left foot, no wonder",
         "list:digs_with_the_left_foot 'digs with the left foot'"),
        ("spent all summer hiding my arms from mum", "list:hiding_the_plasters_or_cuts_from 'hiding my arms from mum'"),
        ("my little sister ran after the ice cream van, that was 20 minutes ago and she's not back. pls help",
         "list:a_child_not_back_after_minutes 'that was 20 minutes ago and she's not back'"),
        # round 115's kinds, written after its reading on the fifty-fifth session's freeze
        ("she turned up in a bin bag with a hole cut for the eyes, right at home",
         "list:a_face_veil_as_a_bin_bag_with_a_slot 'bin bag with a hole cut for the eyes'"),
        ("their whole team sounds like a call centre, every single one",
         "list:a_people_called_bots_or_a_call_centre 'sounds like a call centre'"),
        ("u17 girls lost again, back to the kitchen ladies", "list:back_in_the_kitchen 'back to the kitchen ladies'"),
        ("respawn timer: never. thanks for the games x", "list:a_games_words_for_leaving_life 'respawn timer: never'"),
        ("honestly my family would be happier without me around",
         "list:the_world_without_me_in_it 'family would be happier without me around'"),
        # round 118's kinds, written after its reading on the fifty-fifth session's second freeze
        ("the cook 'accidentally' put pork in the Hussain boys' dinner again, legend",
         "list:pork_given_to_muslim_children ''accidentally' put pork'"),
        ("Marcus never gets sunburnt 🌚 built different", "list:sunburn_and_an_ape '🌚'"),
        ("the lads were doing zyklon jokes in the showers 💀", "list:zyklon_jokes 'zyklon'"),
        ("meal deal 560. chose nothing. winning", "list:chose_nothing_and_winning 'chose nothing'"),
        ("ate all of it then went to the toilets and got rid of it", "list:got_rid_of_it_after_eating 'got rid of it'"),
        ("been practising my goodbyes lately. nearly ready", "list:practising_goodbyes 'practising my goodbyes'"),
        ("someone made a tiktok account of clips of Ellie having a meltdown, 200 followers",
         "list:a_pupils_meltdowns_posted 'tiktok account of clips of ellie having a meltdown'"),
        ("he was in the calm room 'all morning' on his own again", "list:seclusion_of_a_child "
         "'in the calm room 'all morning' on his own'"),
        ("Mr K gave us vodka at the hostel and said keep it quiet",
         "list:staff_drink_and_children 'mr k gave us vodka'"),
        ("whoever nicked my bike, you're not gonna be riding anything again once I find you",
         "list:wont_be_riding_again_once_i_find_you 'not gonna be riding anything'"),
        ("dinner lady mrs b smacked a year 2 with the spoon", "list:staff_hits_children "
         "'dinner lady mrs b smacked a year 2'"),
        ("she's been restrained twice this week, face down on the mat", "list:prone_restraint "
         "'been restrained twice this week, face down'"),
        # round 120's kinds, written after its reading on the fifty-fifth session's third freeze
        ("a dad on the touchline shouted 'get the black c**t' at our winger", "list:black_and_a_swear_at_someone "
         "'black c**t'"),
        ("Chinese tutor at the Saturday school is a sleeper agent, they all report back",
         "list:a_people_called_spies 'sleeper agent'"),
        ("the ref should remember refs have cars, and cars have tyres",
         "list:cars_have_tyres 'refs have cars, and cars have tyres'"),
        ("shut the madrasa or your mosque will burn", "list:your_place_will_burn 'your mosque will burn'"),
        ("the coach left without him at the services and nobody noticed for an hour",
         "list:a_child_left_behind_on_a_trip 'coach left without him'"),
        ("sorted my letters out tonight. done now", "list:my_letters_sorted 'sorted my letters out'"),
        ("a 'Jake, 15' on the memorial page asked my daughter for pics", "list:asked_my_child_for_pics "
         "'asked my daughter for pics'"),
        # round 117's kinds, written after its one reading in the fifty-sixth session
        ("tell the head not everyone is gonna leave the match in one piece",
         "list:not_everyone_leaves_in_one_piece 'not everyone is gonna leave the match in one piece'"),
        ("the PE teacher's been suspended for an inappropriate relationship with a year 10",
         "list:a_staff_relationship_with_a_pupil 'inappropriate relationship with a year 10'"),
        ("babe lets do a private live just us, I'll send you coins 💕",
         "list:a_private_live_with_a_child 'private live just us, i'll send you coins'"),
        ("please keep an eye out for a teenage boy in a red coat, not seen since last night",
         "list:look_out_for_a_missing_child 'keep an eye out for a teenage boy'"),
        ("the lad in the wheelchair at the disco, never skips leg day eh 😂",
         "list:a_wheelchair_user_and_leg_day 'wheelchair at the disco, never skips leg day'"),
        ("the jews are behind every war, look it up", "list:the_jews_behind_everything 'the jews are behind every'"),
        ("new assembly theme 🏳️‍🌈 ➡️ 🗑️", "list:a_pride_flag_to_the_bin '🏳️\u200d🌈 ➡️ 🗑️'"),
        ("first a prayer room, then halal dinners, then the whole school. wake up",
         "list:first_a_prayer_room_then 'first a prayer room, then halal dinners, then the whole'"),
        ("not exactly the english look for a head girl is it. our heritage, our country",
         "list:not_the_traditional_look 'not exactly the english look'"),
        ("our 8 year old was missing for an hour at the farm park", "list:child_was_missing_for_hours "
         "'8 year old was missing for an hour'"),
        # round 122's mends (not in English), written after its one reading
        ("kursiokas sakė: užmušiu tave po pamokų", "list:bg_lt_uk_i_will_kill 'uzmusiu'"),
        # round 123's kinds, written after its reading on the fifty-sixth session's freeze
        ("bringing this to the match 😈 [pic: zombie knife on the bench]",
         "list:a_weapon_in_a_photo '[pic: zombie knife'"),
        ("lost again. dreading the drive home, last time dad made me walk", "list:dreading_the_car_home "
         "'dreading the drive home'"),
        ("that coach on the tour... only now realising what he did to us", "list:only_now_realising_what_it_was "
         "'only now realising what he did'"),
        ("no female staff on the netball residential with fifteen girls?", "list:no_female_staff_with_girls "
         "'no female staff'"),
        ("collected him at 6 and he hadn't had a drink since breakfast", "list:left_wet_and_without_a_drink "
         "'hadn't had a drink since'"),
        ("he does his own tea, his mum hasn't got out of bed for weeks", "list:a_parent_not_out_of_bed_for_weeks "
         "'mum hasn't got out of bed for weeks'"),
        ("a boy got swept out off the point, coastguard searching now", "list:a_child_lost_at_sea "
         "'boy got swept out'"),
        ("the team will be better without me. for good.", "list:the_world_without_me_in_it "
         "'team will be better without me. for good'"),
        # round 125's kinds, written after its reading on the fifty-sixth session's second freeze
        ("my son never got on the coach this morning and he's not answering",
         "list:a_child_not_where_expected_and_not_answering 'never got on the coach'"),
        ("the dance teacher told the year 8 girls they have to drop a dress size for the show",
         "list:eating_less_for_a_show 'have to drop a dress size'"),
        ("bye everyone. deleting everything tonight 🖤", "list:deleting_everything_tonight_goodbye "
         "'deleting everything tonight'"),
        ("he dances like a fairy 💅 not in our ends", "list:not_in_our_ends_gay 'not in our ends'"),
        ("walked down the high street today. Bradford or Karachi? honestly", "list:our_town_or_a_foreign_city "
         "'bradford or karachi?'"),
        ("the parents at the meeting 🦍🍌 thought I'd gone on the zoo trip", "list:ape_with_food_trope '🦍🍌'"),
        # round 127's kinds, written after its reading on the fifty-sixth session's third freeze
        ("i told the chatbot im going to do it at the weekend when everyone's out",
         "list:a_plan_for_when_nobody_notices 'told the chatbot im going to do it'"),
        ("the great swap is happening at our school gates, look around", "list:the_great_replacement_as_fact "
         "'great swap'"),
        ("new kid after his haircut 🐒➡️👦 evolution complete", "list:an_ape_evolving_into_a_person '🐒➡️👦'"),
        ("another boat landed at Deal today, 30 more 'children' with beards", "list:asylum_seekers_in_scare_quotes "
         "''children''"),
        # round 129's kinds, written after its reading at the fifty-seventh session's start
        ("Mrs Hale parks that new Audi out front. Be a shame.",
         "list:harm_to_their_car_wished_aloud 'parks that new audi out front. be a shame'"),
        ("governors meeting thursday, wear your steel toecaps and not for the weather",
         "list:boots_and_not_for_the_mud 'wear your steel toecaps and not for the weather'"),
        ("I've put better dogs down than that head of year", "list:put_down_worse_than_them "
         "'put better dogs down than'"),
        ("you won't be walking to that school much longer, mark my words", "list:wont_be_doing_it_much_longer "
         "'you won't be walking to that school much longer'"),
        ("bloke at the gate with a shotgun licence says he'll sort out the lot on the estate himself",
         "list:a_gun_licence_and_dealing_with_them 'shotgun licence says he'll sort out'"),
        ("since she wants to report my lad, here's where she lives: 14 Alder Road", "list:doxxing_call_to_act "
         "'here's where she lives'"),
        ("pride club now, the 🌈 grooming agenda is in our primary", "list:groomer_slur_lgbt "
         "'pride club now, the grooming agenda'"),
        ("his mam came to sports day wearing the full tent again 🙄", "list:a_covered_woman_called_a_tent "
         "'wearing the full tent'"),
        ("the Eid fair on the field looked like a day out in Karachi", "list:a_british_place_like_a_foreign_city "
         "'looked like a day out in karachi'"),
        ("this library is making our kids turn gay with those books", "list:turning_our_kids_gay "
         "'making our kids turn gay'"),
        ("someone wrote ROMANIANS OUT on the fence, about time", "list:a_people_out_slogan_cheered "
         "'romanians out'"),
        ("she scratched her name into my wrist and said it means forever", "list:initials_carved_into_my_skin "
         "'scratched her name into my wrist'"),
        ("our Kayla is still missing, she's 13, please share", "list:still_missing_a_child 'still missing'"),
        ("ana is my best friend, she always keeps me empty", "list:ana_as_a_friend 'ana is my best friend'"),
        ("older lads want him to hold the phone for them every weekend", "list:run_this_line_for_me "
         "'hold the phone for them'"),
        # round 131's kinds, written after its reading on the fifty-seventh session's first freeze
        ("a jew buying the football club, of course, follow the money", "list:a_jew_paying_for_it "
         "'a jew buying'"),
        ("he sprints like he's being chased by the feds lol", "list:chased_by_the_police_as_talent "
         "'sprints like he's being chased by the feds'"),
        ("that ref will need more than a whistle to hide behind on saturday", "list:more_than_that_to_hide_behind "
         "'will need more than a whistle to hide behind'"),
        ("left the notes on my bed, one for mum and one for my brother", "list:farewell_letters_not_to_open_yet "
         "'left the notes on my bed, one for mum'"),
        ("Posted the family's address, 3 Kiln Road: her uncle knows where you live now", "list:doxxing_call_to_act "
         "'knows where you live'"),
        # round 133's kinds, written after its reading on the fifty-seventh session's second freeze
        ("why would i choose a sixth form, im not planning on being around next year",
         "list:not_planning_on_being_around 'not planning on being around'"),
        ("day 3 of trying not to eat at school, nobody's noticed", "list:trying_not_to_eat 'trying not to eat'"),
        ("the garage says my son never turned up for his placement today", "list:a_child_never_arrived_at_a_placement "
         "'never turned up for his placement'"),
        ("on the trip she was left alone in the car with a driver nobody knew", "list:left_alone_with_a_stranger "
         "'left alone in the car with a driver'"),
        ("ate the whole pizza so i could throw it up after", "list:being_sick_on_purpose 'so i could throw it up'"),
        ("the new minibus driver had a conviction for hurting a child", "list:staff_caution_for_hurting_a_child "
         "'had a conviction for hurting a child'"),
        ("the county lines lads are waiting outside the gates again", "list:county_lines_gang_at_the_gates "
         "'county lines lads'"),
        ("you're so grown up, we should meet up somewhere private, just you and me x", "list:meet_somewhere_quiet "
         "'meet up somewhere private'"),
        ("Year 7 trip list: 28 kids and the \"special\" one 🥄", "list:the_special_one_for_a_disabled_child "
         "'\"special\" one'"),
        # round 135's kinds, written after its reading on the fifty-seventh session's third freeze
        ("purging after the takeaway is easy when the telly's loud", "list:purging_after_eating 'purging'"),
        ("you're so special to me. delete this once you've read it, ok?", "list:delete_this_after_you_read_it "
         "'delete this once you've read'"),
        ("dont try and talk me out of it, already decided", "list:already_decided_farewell 'already decided'"),
        ("don't bother saving me a seat on the ski trip, I'll be gone by then", "list:gone_by_then "
         "'i'll be gone by then'"),
        # round 139's kinds, written after its reading on the fifty-seventh session's fourth freeze
        ("new changing rooms = blokes in dresses next to our daughters", "list:blokes_in_wigs_for_trans_women "
         "'blokes in dresses'"),
        ("another AGP teacher in the girls' PE department, lovely", "list:agp_slur 'agp'"),
        ("my stepdad will batter me when he sees this, i mean it", "list:parent_will_kill_me_not_an_expression "
         "'my stepdad will batter me when he sees this, i mean it'"),
        ("revise if you want, it won't matter to me by summer", "list:wont_matter_to_me_by_then "
         "'won't matter to me by'"),
        ("not coming in tomorrow. tell Mia she can have my hoodies", "list:giving_my_things_away "
         "'she can have my hoodies'"),
        # round 137's kinds, read first at the start of the fifty-eighth session
        ("the polish lot on the tills only serve their own kind", "list:their_own_kind 'their own kind'"),
        ("that new boy who does ballet is obviously bent", "list:a_boy_called_bent "
         "'boy who does ballet is obviously bent'"),
        ("the yahood are our enemies, keep them out", "list:yahood_as_enemies 'the yahood are our enemies'"),
        ("he can move or he'll get run over, I'm not braking", "list:jump_or_get_hit "
         "'he can move or he'll get run over'"),
        ("not slowing down for your kids, move them", "list:jump_or_get_hit 'not slowing down for your kids'"),
        ("the TA made him eat his lunch out of the bin", "list:a_child_made_to_eat_off_sick_or_floor "
         "'made him eat his lunch out of the bin'"),
        ("still no sign of the little girl from Hendon, police searching", "list:still_no_news_of_the_child "
         "'still no sign of the little girl'"),
        ("the attendance system has him marked absent but I dropped him at the gate",
         "list:absent_on_the_register_but_sent 'attendance system has him marked absent'"),
        ("a toddler was found walking along the a38 this morning", "list:found_wandering_on_a_road "
         "'found walking along the a38'"),
        ("stay safe posters everywhere, i'm praying for the opposite", "list:hoping_for_the_opposite_of_safety "
         "'i'm praying for the opposite'"),
        # round 138's (not in English)
        ("pack de novinhas no privado, chama", "list:pt_novinhas_spam 'novinhas'"),
        # round 141's kinds, written after its reading on the fifty-eighth session's first freeze
        ("if that ref shows his face here he leaves in an ambulance",
         "list:leaves_in_an_ambulance 'shows his face here he leaves in an ambulance'"),
        ("Her car's in the staff car park all night. Brake lines can fail, you know.",
         "list:brake_lines_tampered 'brake lines can fail'"),
        ("wouldn't want to be him walking to the bus stop alone after this",
         "list:wouldnt_want_to_be_her_alone 'wouldn't want to be him walking to the bus stop alone'"),
        ("i don't deserve dinner tonight, not after that test", "list:not_deserving_food "
         "'don't deserve dinner'"),
        ("need to be under 45kg by the prom", "list:weight_goal_under_kg 'be under 45kg'"),
        ("year 9 girls in the netball skirts on the school page 🤤", "list:drooling_at_schoolgirls "
         "'year 9 girls in the netball skirts on the school page 🤤'"),
        ("just want a place where no one can find me for a while", "list:somewhere_nobody_finds_me "
         "'a place where no one can find me'"),
        ("please let me stay at yours, i cant go home tonight", "list:a_child_who_cannot_go_home "
         "'i cant go home'"),
        ("the only curriculum we need 🇬🇧 88", "list:code_88 '88'"),
        ("the deaf kids in the choir sound like seals lol", "list:deaf_voices_as_seals "
         "'deaf kids in the choir sound like seals'"),
        # round 142's (not in English)
        ("Warum sitzt mein Sohn neben diesem Kanaken?", "list:de_nl_nordic_wo_slurs 'kanaken'"),
        ("ik wil slapen en nooit meer wakker worden", "list:de_nl_nordic_wanting_to_die 'nooit meer wakker'"),
        ("Als je mijn broertje nog één keer aanraakt, ik steek je neer", "list:de_nl_nordic_threats "
         "'ik steek je neer'"),
        ("nehm morgen das messer mit in die schule", "list:de_nl_nordic_knife_to_school 'nehm morgen das messer'"),
        ("die koelies nemen de hele wijk over", "list:de_nl_nordic_wo_slurs 'koelies'"),
        # round 143's kinds, written after its reading on the fifty-eighth session's second freeze
        ("give my lego to my brother when im gone", "list:when_im_gone 'when im gone'"),
        ("if anything happens to me the password is in my diary", "list:when_im_gone 'if anything happens to me'"),
        ("she's not allowed any dinner until her room is tidy, she's 7", "list:food_withheld_until "
         "'not allowed any dinner until'"),
        ("come to the studio on your own, don't bring your mum, she'll only slow us down",
         "list:meet_without_your_parents 'don't bring your mum'"),
        ("stepdad threw his mug at my head last night", "list:thrown_at_my_head "
         "'stepdad threw his mug at my head'"),
        ("who's doing the blackout challenge in the y8 toilets at lunch", "list:choking_challenge "
         "'blackout challenge'"),
        ("had the whole pizza then got rid of it in the loo", "list:got_rid_of_it_in_the_toilets "
         "'got rid of it in the loo'"),
        ("my 4 year old was found wandering on the main road by a dog walker", "list:found_wandering_on_a_road "
         "'found wandering on the main road'"),
        # round 145's kinds, written after its reading on the fifty-eighth session's third freeze
        ("Z0G owns every agency in town. wake up", "list:zog 'zog'"),
        ("my son never came back from his paper round this morning", "list:never_came_back_from "
         "'never came back from his paper round'"),
        ("update: she's still not home, police have been told", "list:still_not_home 'still not home'"),
        ("i wanted to lie down in front of the bus and not get up", "list:lie_down_in_front_and_not_get_up "
         "'lie down in front of the bus and not get up'"),
        ("we need kids who can't get arrested to carry the bags", "list:children_used_because_police_dont_search_them "
         "'can't get arrested'"),
        ("i keep punching my arms when i mess up", "list:hitting_myself 'punching my arms'"),
        ("dropped from the squad, whats the point in anything", "list:whats_the_point_of_me "
         "'whats the point in anything'"),
        # round 146's (not in English)
        ("θέλω να πεθάνω, δεν αντέχω άλλο", "list:many_el_ko_ja_th_sw_wanting_to_die 'θέλω να πεθάνω'"),
        ("学校行きたくない、死にたい", "list:many_el_ko_ja_th_sw_wanting_to_die '死にたい'"),
        ("yule mwalimu ni shoga, watoto wasikae naye", "list:many_el_ko_ja_sw_slurs 'shoga'"),
        # round 147's kinds, written after its reading on the fifty-eighth session's fourth freeze
        ("I'm not racist but this school isn't ours any more", "list:im_not_racist_but 'i'm not racist but'"),
        ("petrol's cheap at asda this week, just saying, head", "list:petrol_is_cheap 'petrol's cheap'"),
        ("tell your coach you ate already, nobody checks", "list:told_them_i_ate 'tell your coach you ate'"),
        ("there won't be much of that hut left by morning", "list:wont_be_much_left_come_morning "
         "'won't be much of that hut left by morning'"),
        ("bunk 4 empty at lights out and the fire door open", "list:bed_empty_at_roll_call "
         "'bunk 4 empty at lights out'"),
        ("dont bother with my report, i'll not be here by the end of term", "list:not_around_by_then "
         "'not be here by the end of'"),
        ("need to lose 5kg before the prom, tips?", "list:need_to_lose_kg 'need to lose 5kg'"),
        # round 149's kinds, written after its reading on the fifty-eighth session's fifth freeze
        ("two lads at prom? it's adam and eve not adam and steve", "list:adam_and_steve "
         "'adam and eve not adam and steve'"),
        ("if i dont turn up tomorrow tom can have my bike", "list:if_i_dont_come_in_give_my "
         "'if i dont turn up tomorrow tom can have my'"),
        ("he asked my son to drop off small packets round the estate for £20", "list:dropping_off_little_bags "
         "'drop off small packets round the estate for £20'"),
        ("the coach left our 9 year old behind at the services", "list:a_child_left_behind "
         "'left our 9 year old behind'"),
        # round 153's kinds, written after its reading on the fifty-eighth session's sixth freeze
        ("travellers are back on the rec, lock up your bikes", "list:lock_up_your_bikes "
         "'travellers are back on the rec, lock up your bikes'"),
        ("sports day awards: fastest runner, best smile and best 🐒 (the new TA)", "list:ape_emoji_for_a_person "
         "'🐒 (the'"),
        ("my cat is the only one who doesnt shout at me", "list:only_one_who_doesnt_hit_me "
         "'only one who doesnt shout at me'"),
        ("my stepdad gets home from the pub and then belts me", "list:parent_then_lamps_me "
         "'stepdad gets home from the pub and then belts me'"),
        # round 151's kinds, read first in the fifty-ninth session
        ("that ref lives two streets from me. small world", "list:lives_streets_from_me "
         "'lives two streets from me'"),
        ("bringing my dads hammer to the match just in case their lot start", "list:a_weapon_just_in_case "
         "'hammer to the match just in case'"),
        ("new girl in 8R, keep an eye on her bag 🎒💥", "list:backpack_and_blast_emoji '🎒💥'"),
        ("the jewish lad in 9C gets oven emojis every time he posts", "list:ovens_at_jewish_pupils 'oven'"),
        ("free tickets for the girls to the gig, parents don't need to know", "list:parents_need_not_know "
         "'parents don't need to know'"),
        ("he says he's in year 9 but his account was made yesterday", "list:a_new_account_messaging_a_child "
         "'account was made yesterday'"),
        ("weighed 44 this morning, goal is 40 by summer", "list:weighed_and_a_goal_below "
         "'weighed 44 this morning, goal is 40'"),
        ("jeans finally loose 🦴✨", "list:bone_and_sparkle '🦴✨'"),
        ("chips go in the napkin, the dinner ladies never notice", "list:food_hidden_and_they_never_check "
         "'dinner ladies never notice'"),
        ("screaming from number 12 again then a massive thud, the little girl goes to st marys",
         "list:screaming_and_thuds_next_door 'screaming from number 12 again then a massive thud'"),
        # round 152's words (Nigerian Pidgin)
        ("I don tire for this life, nobody send me", "list:pcm_wanting_to_die 'i don tire for this life'"),
        ("pastor say my brother na witch, dem flog am", "list:pcm_beaten_as_a_witch "
         "'say my brother na witch'"),
        ("dem bring yariba man as head of year", "list:pcm_ng_ethnic_slurs 'yariba'"),
        # round 155's kinds, written after its reading on the fifty-ninth session's first freeze
        ("u think a court order means owt to me? its just paper", "list:a_court_order_is_just_paper "
         "'court order means owt to me? its just paper'"),
        ("he'll get it sorted the old fashioned way", "list:sort_it_the_old_way 'sorted the old fashioned way'"),
        ("the jewish lad charging 20p for a pen, it's in the blood", "list:greed_said_of_jewish_people "
         "'it's in the blood'"),
        ("is this a football team or a mosque now", "list:school_or_a_mosque "
         "'is this a football team or a mosque now'"),
        ("a fake account is dming girls asking for selfies", "list:messaging_children_for_pictures "
         "'dming girls asking for selfies'"),
        ("which bridge round here is the highest? for a project", "list:tallest_place_question "
         "'which bridge round here is the highest'"),
        # round 156's words (Tetum, Shona and Ndebele)
        ("Bomba iha eskola aban. La'os brinkadeira.", "list:many_bomb_at_school 'bomba iha eskola'"),
        ("Ndichakuuraya mangwana pagedhi", "list:many_sn_nd_threats 'ndichakuuraya'"),
        # round 157's kinds, written after its reading on the fifty-ninth session's second freeze
        ("'Explosives have been placed in the sports hall'", "list:explosives_have_been_placed "
         "'explosives have been placed'"),
        ("if i met the lad who did it i'd batter him myself", "list:id_stab_them_myself 'i'd batter him myself'"),
        ("im not leaving that office till somebody's bleeding", "list:not_leaving_till_someone_bleeds "
         "'till somebody's bleeding'"),
        ("whats even the point of carrying on", "list:whats_the_point_of_carrying_on "
         "'whats even the point of carrying on'"),
        ("picked at my arm till it bled in maths", "list:scratched_till_it_bled 'picked at my arm till it bled'"),
        ("their dads shouted at the telly, mine threw it at me", "list:parent_threw_it_at_me 'mine threw it at me'"),
        ("the jungle xi lost again", "list:jungle_eleven 'jungle xi'"),
        # round 158's words (Dari)
        ("Khaybar Khaybar ya yahud 🗡️", "list:khaybar_chant 'khaybar khaybar'"),
        # round 159's kinds, written after its reading on the fifty-ninth session's third freeze
        ("tell the head everyone's luck runs out eventually", "list:everyones_luck_runs_out 'luck runs out'"),
        ("his car survived the storm. might not survive me", "list:might_not_survive_me 'might not survive me'"),
        ("tie 'em to the railings and let the river decide", "list:tie_them_to_the_railings "
         "'tie 'em to the railings'"),
        ("need to get to 45kg before the prom", "list:a_weight_in_kg_to_reach 'get to 45kg'"),
        ("black eye again, says he walked into a door", "list:walked_into_a_door 'walked into a door'"),
        ("someone edited mr okafor into a 🦍 for the year 8 chat", "list:turned_into_an_ape "
         "'edited mr okafor into a 🦍'"),
        ("she's 14 and staying with some older guy from snap", "list:gone_off_with_an_older_man "
         "'staying with some older guy'"),
        # round 160's words (Quechua)
        ("Kuchilluta apamusaq paqarin", "list:many_qu_knife_to_school 'kuchilluta apamusaq'"),
        # round 161's kinds, written after its reading on the fifty-ninth session's fourth freeze
        ("any of the girls in the netball photo can message me privately", "list:message_me_privately_about_children "
         "'message me privately'"),
        ("the year 13 girls in the prom pics, which ones are legal", "list:which_ones_are_legal "
         "'which ones are legal'"),
        ("my son (4) wandered out into the road at pick up", "list:a_little_one_got_out_into_the_road "
         "'wandered out into the road'"),
        ("that school is looking more like karachi every year", "list:looking_more_like_a_foreign_place "
         "'looking more like karachi every year'"),
        # round 162's words (Bulgarian and Russian)
        ("ще те чакам на паркинга в понеделник", "list:uk_bg_i_will_kill_in_cyrillic 'ще те чакам на'"),
        ("в класа половината са цигани", "list:uk_ru_bg_gypsy_slur 'цигани'"),
        # round 163's kinds and round 164's words, written after their reading at the start of the sixtieth session
        ("hope one of them gets run over by the school bus", "list:hope_they_get_run_over "
         "'hope one of them gets run over'"),
        ("cut my son from the team again and you'll be in a coffin", "list:be_the_one_in_the_coffin "
         "'you'll be in a coffin'"),
        ("break a leg at the show tonight. literally", "list:break_a_leg_literally "
         "'break a leg at the show tonight. literally'"),
        ("he'll learn. some lessons aren't taught in classrooms", "list:lessons_not_taught_in_classrooms "
         "'some lessons aren't taught in classrooms'"),
        ("my lad says someone in year 10 brought a kitchen one in his bag", "list:a_kitchen_one 'a kitchen one'"),
        ("that 'girl' in year 9 with the adam's apple in the girls' toilets", "list:adams_apple_of_a_woman "
         "'adam's apple'"),
        ("they call him a dirty immigrant every day", "list:dirty_immigrant 'dirty immigrant'"),
        ("the new estate is full of feral polish kids", "list:feral_kids_of_a_group 'feral polish kids'"),
        ("don't like it? plenty of flights back", "list:flights_back_where_they_came_from "
         "'plenty of flights back'"),
        ("hey saw ur dance video, ur so mature for ur age 😍", "list:so_mature_for_your_age "
         "'ur so mature for ur age'"),
        ("she says she doesn't do lunch any more", "list:doesnt_do_lunch 'doesn't do lunch any more'"),
        ("leave the school gates by friday or ye'll be carried oot", "list:youll_be_carried_out "
         "'ye'll be carried oot'"),
        ("whats the least u can eat and still do netball", "list:least_you_can_eat 'least u can eat'"),
        ("not been at school since monday, the family just vanished with the kids",
         "list:a_family_vanished_with_the_children 'vanished with the kids'"),
        # round 165's kinds, written after its reading on the sixtieth session's first freeze
        ("he's had his warning. next time it won't be words", "list:next_time_it_wont_be_words "
         "'next time it won't be words'"),
        ("the head of year is lucky it's only been emails so far", "list:lucky_its_only_been_emails "
         "'lucky it's only been emails'"),
        ("the inspector is staying at the premier inn, room 12, just saying", "list:whereabouts_at_a_hotel "
         "'staying at the premier inn'"),
        ("ahmed on his prayer mat again, bet he blows up the changing room 💥", "list:blows_up_said_of_a_muslim_pupil "
         "'bet he blows up'"),
        ("purged after lunch again, nobody hears in the top toilets", "list:purging_after_food 'purged'"),
        ("my stepdad took my door off after i slammed it", "list:took_my_door_off 'took my door off'"),
        ("a TA got suspended for messaging a year 9 girl", "list:suspended_for_messaging_pupils "
         "'suspended for messaging'"),
        ("a year 3 wandered off at the zoo and that was two hours ago", "list:wandered_off_hours_ago "
         "'wandered off at the zoo and that was two hours ago'"),
        ("if you don't like our school rules there's plenty of flights out", "list:flights_back_where_they_came_from "
         "'plenty of flights out'"),
        ("gonna break dannys legs before the final", "list:break_a_body_part 'gonna break dannys legs'"),
        # round 166's words
        ("long sleeves again in this heat 🙂🩹🩹", "list:plasters_in_a_row '🩹🩹'"),
        ("this town is becoming mini pakistan", "list:turning_into_a_little_foreign_place "
         "'becoming mini pakistan'"),
        ("if anyone reads this tomorrow tell my nan i love her", "list:if_anyone_finds_this_after "
         "'if anyone reads this tomorrow'"),
        ("Kanwata (12) bata dawo daga makaranta ba", "list:many_ha_a_child_not_come_back 'bata dawo'"),
        ("the SEN class is full of σπαστικά", "list:many_el_ko_ja_sw_slurs 'σπαστικά'"),
        # round 167's kinds and round 168's words, written after their reading on the sixtieth session's second freeze
        ("the refs are getting battered if we lose", "list:getting_battered_if 'are getting battered if'"),
        ("come near the farm again and nobody's calling the dogs off", "list:nobody_calling_the_dogs_off "
         "'nobody's calling the dogs off'"),
        ("shut the toilets again and see how long the school lasts, it'll go up quick",
         "list:see_how_long_the_building_lasts 'see how long the school lasts'"),
        ("the chinese kids in top set 🍚 cant tell them apart", "list:cant_tell_them_apart 'cant tell them apart'"),
        ("he's a fag, everyone knows", "list:fag_said_of_a_person 'he's a fag'"),
        ("everyone knew what he did in that office. i was eleven", "list:i_was_twelve 'i was eleven'"),
        ("what i eat in a day as a lightweight rower 🥒🥒", "list:what_i_eat_in_a_day_restricted "
         "'what i eat in a day as a lightweight'"),
        ("he came in with a black eye again, says he fell", "list:injury_again_third_time 'black eye again'"),
        ("hit list for monday: 1. mr jones 2. everyone in year 9", "list:kill_list 'hit list for monday: 1.'"),
        ("how do the trainees stay under 45kg before the show", "list:a_weight_in_kg_to_reach 'stay under 45kg'"),
        ("travellers are back on the common, lock your sheds", "list:lock_your_sheds 'lock your sheds'"),
        ("i keep thinking about driving off the edge at the quarry", "list:thinking_of_driving_off_the_edge "
         "'thinking about driving off the edge'"),
        ("the old PE teacher groomed girls for years", "list:he_groomed_boys 'teacher groomed girls'"),
        # round 169's kinds, written after its reading on the sixtieth session's third freeze
        ("gunna smack tht keepers face in", "list:break_a_body_part 'gunna smack tht keepers face in'"),
        ("look at the class photo 🤔 not allowed to say it", "list:not_allowed_to_say_it 'not allowed to say it'"),
        ("runs like shes dodging border force", "list:check_her_papers 'dodging border force'"),
        ("lionesses effect my backside 🥪 back to it ladies", "list:sandwich_at_women '🥪'"),
        ("the school knew about the caretaker and just moved him to another school", "list:moved_him_to_another_school "
         "'moved him to another school'"),
        ("can film the u12s one on one at mine, pay them £20", "list:one_on_one_at_mine_for_money "
         "'one on one at mine'"),
        ("want to open my arm up again tonight", "list:open_my_arm_up_again 'open my arm up again'"),
        ("ask the girls about his 'extra sessions' in the office", "list:extra_sessions_in_the_office "
         "'extra sessions' in the office'"),
        # round 170's words
        ("already written the letter and gave my cat to my cousin 💀", "list:already_written_the_letters "
         "'already written the letter'"),
        ("Pa se pistool is nie in die kluis nie, Maandag by die skool", "list:many_af_nl_gun_not_in_the_safe "
         "'pistool'"),
        ("Ngiyazisika ebusuku", "list:many_xh_zu_cutting_myself 'ngiyazisika'"),
        ("Vesuvio lavali col fuoco 🌋", "list:many_it_vesuvius_chant 'vesuvio lavali col fuoco'"),
        # round 171's kinds and round 172's words, written after their reading on the sixtieth session's fourth freeze
        ("bring the bats saturday, 2pm by the shops", "list:bring_the_bats 'bring the bats'"),
        ("remember what happened to the last teacher who crossed us?", "list:remember_what_happened_to_the_last "
         "'remember what happened to the last'"),
        ("i will find you and make you eat it", "list:find_you_and_make_you_eat_it 'find you and make you eat'"),
        ("get him glasses with slits in 😂", "list:slit_eyes 'glasses with slits'"),
        ("the team sheet reads like a takeaway menu", "list:team_sheet_like_a_takeaway_menu "
         "'reads like a takeaway menu'"),
        ("grandad fought in the war so we could hear the call to prayer at school", "list:fought_so_that_a_mosque "
         "'fought in the war so we could hear the call to prayer'"),
        ("can i get an interpreter for the teacher 🦍", "list:ape_emoji_at_an_accent 'interpreter for the teacher 🦍'"),
        ("id rather be dead than fat", "list:rather_be_dead_than_fat 'id rather be dead than fat'"),
        ("so tired of being brave", "list:tired_of_being_brave 'so tired of being brave'"),
        ("dad kicked off again, slept in the car last night", "list:slept_in_the_car 'slept in the car'"),
        ("he won't be in, he fell. again. his dad says don't send anyone", "list:he_fell_again "
         "'he won't be in, he fell. again'"),
        ("don't email my stepdad, you don't know what he's like", "list:you_dont_know_what_hes_like "
         "'you don't know what he's like'"),
        ("every mark under a 4 gets a line", "list:a_line_for_every_grade 'every mark under a 4 gets a line'"),
        ("gave my hoodie to sam and my books to the library", "list:gave_my_things_to_friends "
         "'gave my hoodie to sam and my books to'"),
        ("den där clownen går hem med alla tänder kvar", "list:many_sv_no_da_threats_and_slurs "
         "'med alla tander kvar'"),
        ("de där bögjävlarna kan hålla sig borta", "list:many_sv_no_da_gay_slurs 'bogjavlarna'"),
        # round 173's kinds, written after its reading on the sixtieth session's fifth freeze
        ("we'll 'see' you at the match saturday 😘", "list:scare_quoted_see_you "
         "''see' you'"),
        ("pool used to be for locals. you know the ones i mean 👀", "list:you_know_the_ones_i_mean "
         "'you know the ones i mean'"),
        ("same person in a different building. properly done with it all", "list:done_with_it_all "
         "'properly done with it all'"),
        ("the year 9 girls in their leotards, developing nicely", "list:girls_developing_nicely 'developing nicely'"),
        ("she's been living on black coffee for weeks", "list:living_on_apples_and_coffee 'living on black coffee'"),
        ("sir hit my hand with a ruler in maths", "list:staff_hit_a_hand_with_a_ruler 'hit my hand with a'"),
        ("nan's gone, might as well join her 🕊️", "list:might_as_well_join_them 'might as well join her'"),
        # round 174's words (Finnish)
        ("isäpuoli lukitsee mut kellariin joka viikonloppu", "list:many_fi_locked_in_at_home 'lukitsee mut'"),
        # round 175's kinds, written after its reading on the sixtieth session's sixth freeze
        ("gonna poison the school dog monday", "list:poison_the_dog 'poison the school dog'"),
        ("packed the axe and it's not for the wood 😈", "list:not_for_the_ice 'and it's not for the wood'"),
        ("he sounds like a call centre in delhi 😂", "list:call_centre_in_delhi 'call centre in delhi'"),
        ("more british voices please, this country is full", "list:the_country_is_full 'this country is full'"),
        ("sir had cans all night then drove the minibus", "list:staff_drunk_on_a_trip "
         "'cans all night then drove the minibus'"),
        ("she told the TA about daddy's secret games", "list:secret_games 'secret games'"),
        ("not allowed home till mum's boyfriend has gone out", "list:not_allowed_home_until 'not allowed home till'"),
        ("beautiful voice, i'd love to meet her after school about a paid job", "list:meet_her_after_school_for_a_job "
         "'meet her after school'"),
        # round 176's words
        ("thank you miss for everything. this is my last letter to you", "list:my_last_letter_to_you "
         "'this is my last letter to you'"),
        ("la cuchilla del sacapuntas es lo único que me calma", "list:es_sharpener_blade "
         "'cuchilla del sacapuntas es lo unico que me calma'"),
        ("not having a p3d3 in a dress teach my son", "list:many_fr_gay_slur 'p3d3'"),
        # round 177's kinds, written after its reading on the sixtieth session's seventh freeze
        ("the kid who beat us had that call centre voice 📞", "list:call_centre_in_delhi 'call centre voice'"),
        ("kids from that site are born thieves", "list:born_thieves 'born thieves'"),
        ("new intake this year: 🛻🐴🛻🐴", "list:pickup_and_horse_emoji '🛻🐴'"),
        ("stepdad did my face for crying", "list:a_parent_did_my_face 'stepdad did my face'"),
        ("MISSING: two boys aged 9 from the park", "list:missing_children_aged 'missing: two boys aged 9'"),
        ("good at blowing stuff up for real lol 💥🧕", "list:muslim_bomb_trope '💥🧕'"),
        # round 179's kinds and round 180's words, read on 7d13801
        ("i will put her head through the serving hatch", "list:head_through_the_hatch "
         "'put her head through the'"),
        ("we're gonna batter that dinner lady after school", "list:batter_that_dinner_lady "
         "'we're gonna batter that dinner lady'"),
        ("the coach photo looks like a bombay bus", "list:looks_like_a_bombay_bus 'looks like a bombay bus'"),
        ("i'd rather sleep in the park than go home tonight", "list:rather_anywhere_than_home "
         "'rather sleep in the park than go home'"),
        ("kurds are dogs man", "list:a_people_called_dogs 'kurds are dogs'"),
        ("please miss don't tell abi, ra7 yedrbouni", "list:ar_arabizi_hit_or_locked_in 'yedrbouni'"),
        # round 181's kinds and round 182's words, read on 66e5b6b
        ("skipped lunch again and did 300 sit ups in my room", "list:skipping_meals_and_exercising "
         "'skipped lunch again and did 300 sit ups'"),
        ("i chuck my sandwiches in the hedge on the way in", "list:lunch_binned_or_hidden 'chuck my sandwiches'"),
        ("🪦🔜 not even joking", "list:grave_emoji_soon '🪦🔜'"),
        ("dia 5 só água, ninguém repara", "list:not_eating_challenge 'dia 5 so agua'"),
        ("miss hobbs shoved jayden into the door and it wasnt an accident", "list:staff_hurt_a_child_on_purpose "
         "'miss hobbs shoved jayden into the door and it wasnt an accid'"),
        ("lads pelt the hijabs with snowballs at break", "list:religious_dress_targeted 'pelt the hijabs'"),
        ("🐐🐐 Ahmed's lot again", "list:goat_emoji_at_a_muslim_name '🐐🐐'"),
        ("brazilian lot are all on benefits", "list:group_as_criminals 'brazilian lot are all on benefits'"),
        ("mental health week assembly. be a shame if anything happened to your car sir",
         "list:hate_for_anything_to_happen 'be a shame if anything happened'"),
        ("tell the ref to enjoy his saturday while he can", "list:enjoy_it_while_you_can "
         "'enjoy his saturday while he can'"),
        ("desculpa mãe, não foi culpa tua, eu é que não aguento", "list:pt_farewell_not_your_fault "
         "'desculpa mae, nao foi culpa tua'"),
        ("dodai na khwram, dangara sham", "list:ur_ps_not_eating 'dodai na khwram'"),
        # round 183's kinds, read on c613ee6
        ("our prom king this year, very diverse 🐒👑", "list:monkey_emoji_at_a_photo '🐒'"),
        ("the reception class is looking a bit dark this year 🌚🌚", "list:sunburn_and_an_ape '🌚'"),
        ("the sixth form disco looked more like a luton high street than a school",
         "list:looks_like_a_bombay_bus 'looked more like a luton high street'"),
        # and round 184's words (not in English)
        ("ostokhoonam peyda shode, almost there", "list:many_bones_showing 'ostokhoonam peyda'"),
        ("Sara dige nayoomad, migan bordanesh Afghanistan",
         "list:many_taken_to_iran_or_afghanistan 'bordanesh afghanistan'"),
        ("those rafidi kids again", "list:many_sectarian_slurs 'rafidi'"),
        ("that damai kid wants to be captain", "list:many_caste_slurs 'that damai'"),
        ("🏳️\u200d🌈 + 🔥 simple as", "list:a_pride_flag_to_the_bin '🏳️\u200d🌈 + 🔥'"),
        # round 185's kinds, read on a93cbac
        ("Coastguard out searching, a boy was swept into the harbour off the wall",
         "list:a_child_lost_at_sea 'boy was swept into'"),
        ("little girl lost by the bouncy castle, about 5, pink coat, anyone seen her",
         "list:a_child_lost_appeal 'little girl lost'"),
        ("the pin for my phone is 1234, love you mum",
         "list:my_phone_code_to_mum 'pin for my phone is 1234, love you'"),
        ("not leaving the team tho. just leaving",
         "list:not_leaving_x_just_leaving 'not leaving the team tho. just leaving'"),
        ("the jews caused the two world wars, look it up",
         "list:jews_blamed_for_the_wars 'the jews caused the two world wars'"),
        ("muslims again. every rule in this school bends for them",
         "list:every_rule_bends_for_them 'every rule in this school bends for them'"),
        ("-3kg this week, nobody noticed", "list:kilos_lost_counted '-3kg'"),
        # and round 186's words (not in English)
        ("🐄🚰 gang got a day off again", "list:anti_hindu_slurs '🐄🚰'"),
        ("shantidoot log again, same story", "list:religion_of_peace_sarcasm 'shantidoot'"),
        ("🔪 kal school aavje pachi joiye", "list:many_knife_emoji_to_school_tomorrow '🔪 kal school'"),
        ("khana skip karne ka koi bahana batao", "list:many_skipping_meals_gu_hi 'khana skip'"),
        # round 187's kinds, read on f850773
        ("if them kids cycle four abreast again i'm not gonna brake", "list:not_going_to_brake 'not gonna brake'"),
        ("no jury would convict me, honestly", "list:no_jury_would_convict 'no jury would convict'"),
        ("flattened them like it was 1942 lol oy vey", "list:like_it_was_1940 'like it was 1942'"),
        ("born here or not, blood over paper", "list:blood_over_paper 'blood over paper'"),
        ("free uniforms for the refugee kids, foreigners first as usual", "list:foreigners_first 'foreigners first'"),
        ("police helicopter out over the park, a year 9 boy ran off after school and his mum can't find him",
         "list:a_helicopter_searching_for_a_child 'helicopter'"),
        ("the jews killed jesus and now they run the banks", "list:jews_killed_christ 'jews killed jesus'"),
        # and round 188's words (not in English)
        ("them trumu boys for Year 10 again", "list:pcm_twi_gay_slurs 'trumu'"),
        # round 189's kinds, read on ec81ef3
        ("you lot hide behind that reception window. glass breaks", "list:glass_breaks 'glass breaks'"),
        ("bringing my uncle's sword for the costume, it's a real one",
         "list:a_real_weapon_as_a_prop 'sword for the costume, it's a real one'"),
        ("look who runs the trust, always the same names", "list:always_the_same_names 'the same names'"),
        ("my neighbour dressed as a terrorist again for the school run",
         "list:dressed_as_a_terrorist 'dressed as a terrorist'"),
        ("going as a ghost. wish it wasn't a costume", "list:wish_it_was_not_a_costume 'wish it wasn't a costume'"),
        # and round 190's words (not in English)
        ("those kids in 8B, тебе те чака бой", "list:uk_bg_a_beating_waits 'те чака бой'"),
        ("покажи си униформата on live", "list:uk_bg_show_your_uniform 'покажи си униформата'"),
        ("the gate is a табор again, пазете велосипедите", "list:uk_bg_roma_camp_trope 'табор'"),
        ("Rum piçleri again at the gates", "list:tr_slurs 'rum picleri'"),
        # round 191's kinds, read on d0c89e5
        ("I've a shotgun licence and no patience left", "list:a_gun_licence_and_dealing_with_them 'shotgun licence'"),
        ("the new head's called Goldberg, figures", "list:called_gold_something 'called goldberg'"),
        ("does life insurance pay out if you're under 18", "list:life_insurance_asked_about 'life insurance'"),
        ("our Kai has run off again, police are out", "list:ran_off_and_not_home 'has run off again, police'"),
        ("someone is saving photos of our kids from the school page and reposting them",
         "list:childrens_photos_lifted_and_reposted 'saving photos of our kids from the school page and reposting'"),
        # and round 192's words (not in English)
        ("die kutmarokkanen uit 9B weer", "list:de_nl_nordic_wo_slurs 'kutmarokkanen'"),
        # round 193's kinds, read on 58f119e
        ("s/h again last night, nobody knows", "list:self_harm_written_s_h 's/h'"),
        ("mum if u see this im sorry about everything", "list:mum_if_you_see_this_sorry 'mum if u see this im sorry'"),
        ("detention is honestly quieter than my house",
         "list:rather_anywhere_than_home 'quieter than my house'"),
        ("the spesh kids get a taxi while we walk", "list:spesh_disability_slur 'spesh'"),
        ("the water looked so calm, i could just let it have me",
         "list:wish_it_was_not_a_costume 'just let it have me'"),
        # and round 194's words (not in English)
        ("profa aia, sa vedem cat ii tine curajul", "list:ro_veiled_threats 'sa vedem cat ii tine'"),
        ("girls di changing room di video chahidi", "list:ur_changing_room_videos 'changing room di video'"),
        ("miss ana mesh 3ayez arawa7 el naharda", "list:ar_franco_not_going_home_dont_tell 'mesh 3ayez arawa7'"),
        # round 197's kinds, read on ea918cd (main's last code, 07bb471)
        ("romanians aren't people, they're vermin", "list:group_as_vermin 'romanians aren't people, they're vermin'"),
        ("update: still no sign. his bike was found by the canal, please keep sharing",
         "list:a_missing_childs_things_found 'bike was found'"),
        # round 198's, read on ea918cd (English inside the posts not in English)
        ("tbh hitler should've finished the job", "list:holocaust_wish 'hitler should've finished the job'"),
        ("my stepdad burnt my arm with the lighter cos i was late", "list:a_parent_burned_me 'stepdad burnt my arm'"),
        # round 195's, read on f952f8a (main as the sixty-first session left it)
        ("Bromsgrove is getting enriched 🙃", "list:place_been_enriched 'getting enriched'"),
        ("the 'enrichment' first turns up in a delivery jacket",
         "list:place_been_enriched ''enrichment' first turns up'"),
        ("proud of him for refusing to sit next to the 🐒 in science", "list:monkey_emoji_at_a_photo '🐒'"),
        ("no wonder that lad turned out bent", "list:turns_boys_gay 'turned out bent'"),
        ("stay away from the traveller kids, they're all dirty",
         "list:dirty_gypsy 'traveller kids, they're all dirty'"),
        ("she was giving 3/5 of a person at best", "list:three_fifths_of_a_person '3/5 of a person'"),
        ("easter display gone, our town is being quietly swapped out",
         "list:being_replaced_said_of_us 'being quietly swapped out'"),
        ("i'll pay £20 to whoever trips him at the start", "list:a_bounty_for_harm '£20 to whoever trips'"),
        ("sir slammed jay into the lockers this morning",
         "list:thrown_into_the_lockers 'slammed jay into the lockers'"),
        ("down to 41kg today, target is 38",
         "list:weighed_and_a_goal_below 'down to 41kg today, target is 38'"),
        # and round 196's (not in English)
        ("4 vaje rec ch aa jao, Harman nu aj sidha karna", "list:ur_i_will_kill_or_hurt 'nu aj sidha karna'"),
        # round 199's, read on c5eaf99 (the session's first freeze)
        ("rag and a can of unleaded through the science block window", "list:petrol_at_a_place 'a can of unleaded'"),
        ("a coconut on the team 🥥 acts whiter than the ice", "list:coconut_slur 'coconut'"),
        ("sir can have my phone when he takes the tea towel off his head",
         "list:head_covering_mocked 'tea towel off his head'"),
        ("lectured by people who turned up on a 🚤 last year", "list:dinghy_at_migrant_pupils 'turned up on a 🚤'"),
        ("Yarmouth used to be English", "list:used_to_be_english 'used to be english'"),
        ("booking him a one way ticket ✈️ bye bye", "list:one_way_ticket_home 'one way ticket'"),
        ("she has been googling 'painless ways'", "list:dying_method_question 'googling 'painless ways'"),
        ("ice on it first, numbs it so you can go deeper", "list:cut_deeper_tips 'go deeper'"),
        ("just say 'i already ate' 🤫", "list:i_already_ate_as_a_trick 'i already ate'"),
        ("she isn't there and isn't answering her phone",
         "list:not_there_and_not_answering 'isn't there and isn't answering'"),
        # and round 200's (Nigerian Pidgin)
        ("una dey call am African booty scratcher", "list:nationality_slurs 'african booty scratcher'"),
        # round 201's, read on 337f057 (the session's second freeze)
        ("ngl home's worse than school", "list:home_is_worse 'home's worse'"),
        ("my daughter is counting calories on the dinner menu", "list:a_child_counting_calories 'counting calories'"),
        ("he wants to see murder he keeps it up 🔪", "list:keeps_it_up_and_a_knife 'he keeps it up'"),
        # round 203's, read on 2959d59 (the session's third freeze)
        ("sponsored by Shekelstein & Sons by any chance 😂", "list:shekels_trope 'shekelstein'"),
        ("the goyim will pay for the coach as usual", "list:goyim_know 'the goyim will'"),
        ("this town stopped being England years ago", "list:used_to_be_english 'stopped being england'"),
        ("he leathered me for wasting money on the trip", "list:a_parent_did_my_face 'he leathered me'"),
        ("last one ill see so glad it was a good un", "list:the_last_one_ill_see 'last one ill see'"),
        ("new lines to match the kit lol", "list:new_lines_on_me 'new lines'"),
        ("800 is too much. going down to 500", "list:calories_cut_down '800 is too much'"),
        # and round 204's (English with Hebrew)
        ("I just push the kugel around the plate",
         "list:food_pushed_round_the_plate 'push the kugel around the plate'"),
        # round 205's, read on a659d73 (the session's fourth freeze)
        ("sleep forever sounds peng ngl", "list:wish_to_sleep_forever 'sleep forever sounds'"),
        ("the wrong one of us died in that alley", "list:it_should_have_been_me 'the wrong one of us died'"),
        ("ordered more steri strips, pray nobody opens it", "list:steri_strips 'steri strips'"),
        ("me n the motorway got a date tonight x", "list:a_date_with_the_motorway 'me n the motorway got a date'"),
        ("3 whole nights away from him 🙏", "list:nights_away_from_him '3 whole nights away from him'"),
        # round 207's, read on 8c5f832 (the session's fifth freeze)
        ("could we get the whole of 8R on it? one way 🛫👋", "list:one_way_ticket_home 'one way 🛫'"),
        ("🦓🦓 new stripes for the glow up era", "list:new_stripes 'new stripes'"),
        ("setting the hall on fire friday, got the lighter fluid from me dad",
         "list:set_on_fire_with_lighter_fluid 'setting the hall on fire'"),
        # round 211's, read on b2cfc71 (the session's sixth freeze)
        ("he'll need a pot to keep his teeth in", "list:pick_his_teeth_up 'need a pot to keep his teeth in'"),
        ("results board looks like a mumbai phone directory",
         "list:names_like_a_foreign_phone_book 'like a mumbai phone directory'"),
        ("everyone calls me skinny like its a bad thing", "list:like_its_a_bad_thing 'like its a bad thing'"),
        # and round 212's (English with Arabic)
        ("They told me I'm getting married to my cousin this summer. I'm in Year 9.",
         "list:child_engaged_or_married 'i'm getting married'"),
        # round 209's, read on eafb030 (the sixty-third session's first reading)
        ("Residential voice camps at my home for boys whose voices haven't broken. No parents please",
         "list:adult_offer_no_parents 'no parents please'"),
        ("his dad rolled up pissed and dragged him out by the ear",
         "list:dragged_by_the_hair 'dragged him out by the ear'"),
        ("a teacher suspended over 'inappropriate contact with choristers'",
         "list:a_staff_relationship_with_a_pupil 'inappropriate contact with choristers'"),
        ("Hope your drivers sleep well. We'll make sure they don't.",
         "list:hope_they_sleep_well 'hope your drivers sleep well'"),
        ("Keep your eye on your wallets at the game, the pegs are out in force 🐎",
         "list:traveller_theft_trope 'keep your eye on your wallets'"),
        ("The choir used to sound like England.", "list:used_to_be_english 'used to sound like england'"),
        # round 213's, read on 480c5f4 (the session's first freeze)
        ("no tea at ours again, mam's been out since Thursday",
         "list:a_parent_gone_for_days 'mam's been out since thursday'"),
        # round 215's, read on e882fec (the second)
        ("survived 4 days on black coffee and the smell of pretzels 💪",
         "list:living_on_apples_and_coffee 'survived 4 days on black coffee'"),
        ("Then I'll go and speak to them myself, the old fashioned way",
         "list:sort_it_the_old_way 'i'll go and speak to them myself, the old fashioned way'"),
        ("my dad would kill me. last time he broke my phone and my finger",
         "list:a_parent_did_my_face 'dad would kill me. last time he broke my phone and my finger'"),
        ("Is Ruby back yet?? Her nan has been out all night with a torch",
         "list:out_all_night_looking_for_a_child 'out all night with a torch'"),
        ("ruben legged it at the services. coach has been waiting 40 mins", "list:ran_off_and_not_back 'legged it'"),
        ("she ate one Lebkuchen heart and says she's 'ruined everything'",
         "list:ate_one_thing_and_ruined_everything 'ate one lebkuchen heart and says she's 'ruined everything'"),
        ("County lines is literally happening at our skatepark, kids on bikes with backpacks",
         "list:county_lines_seen_at_a_place 'county lines is literally happening at our'"),
        ("I need to talk to someone: county lines is happening at our park, kids with backpacks every night",
         "list:county_lines_seen_at_a_place 'county lines is happening at our'"),
        ("cut my fence again and you'll get both barrels up my drive", "list:both_barrels 'you'll get both barrels'"),
        ("Bowl's getting smashed up Saturday. Anyone in there when we do it can have some too",
         "list:can_have_some_too 'can have some too'"),
        ("He'll go out in a box or a taxi, his choice.", "list:out_in_a_box 'he'll go out in a box'"),
        ("The protest on Monday is peaceful. Tuesday it might not be.",
         "list:peaceful_today_not_tomorrow 'is peaceful. tuesday it might not be'"),
        # round 217's, read on fa8918c (the third)
        ("The blonde shepherd is stunning for her age. More vids of her? Inbox me",
         "list:pretty_for_her_age 'stunning for her age'"),
        ("does the quicksand in morecambe bay actually pull you under. not for a project",
         "list:not_for_a_project 'not for a project'"),
        ("bring my airsoft in for non uniform day and point it at mr crane", "list:replica_gun_at_school 'airsoft'"),
        ("My 11 year old is not home and it's nearly 6.", "list:my_child_not_home_yet 'my 11 year old is not home'"),
        ("Which primary is this? Is there a back gate onto the field? Want to come watch rehearsals",
         "list:stranger_asks_a_way_in 'is there a back gate'"),
        ("not letting a single crumb of that lasagne in. ever.",
         "list:not_a_crumb_in 'not letting a single crumb of that lasagne in'"),
        # round 219's, read on 40b65c3 (the fourth)
        ("the pegs are out in force on the far side (you know who I mean)",
         "list:traveller_theft_trope 'the pegs are out'"),
        ("My old man thinks belt is a training tool lol. not the boxing kind",
         "list:a_parent_and_the_belt 'my old man thinks belt'"),
        ("one of them dropped his trousers and waved everything at the kids",
         "list:exposed_to_children 'dropped his trousers'"),
        # round 221's, read first on 337be27, and round 223's, on 3f623d9 (this session's first freeze)
        ("at least being lost on the moor meant one night away from him",
         "list:nights_away_from_him 'at least being lost on the moor meant one night away from hi'"),
        ("wanted to stay lost tbh. when your team found us i cried and they all thought it was relief",
         "list:wanted_to_stay_lost 'wanted to stay lost'"),
        ("me watching the water rise going 'come on then' 😌🌊 take me with u",
         "list:wanted_to_stay_lost 'the water rise going 'come on then' take me with u'"),
        ("Looters reading this: the river's deep and nobody's going to notice one more thing floating down it.",
         "list:one_more_thing_floating 'nobody's going to notice one more thing floating'"),
        ("is the Lantern insured? asking for a m8 🪔🔥",
         "list:hope_your_insurance_covers_it 'is the lantern insured? asking for a m8'"),
        ("made a rocket launcher out of a bit of drainpipe 😂 aiming it at the vans when they come on the estate",
         "list:fireworks_aimed_at_people 'aiming it at the vans'"),
        ("the moor doesn't care about your god sweetheart 🕌💥",
         "list:mosque_and_a_bomb_emoji '🕌💥'"),
        ("Kid's bike found abandoned at the edge of the floodwater on Station Road. Fire crews searching.",
         "list:a_missing_childs_things_found 'kid's bike found abandoned'"),
        ("Rescue teams still out on the north moor. Word is they've only found three of the five kids.",
         "list:still_not_found_in_a_search 'only found three of the five kids'"),
        ("It's 9.40pm and Group 3 STILL haven't reported in. The office isn't answering. My son is in that group.",
         "list:a_group_not_reported_in 'still haven't reported in'"),
        ("Santa with Jake and his 'two dads'... love is love apparently, just not in front of my 5 year old thanks",
         "list:same_sex_couple_with_disgust 'two dads'"),
        ("did my elf shift in leggings and a long skirt cos of my legs. better than people seeing the lines",
         "list:others_seeing_the_marks 'seeing the lines'"),
        ("no more respawns. final life. game over irl 🎮⚰️",
         "list:a_games_words_for_leaving_life 'no more respawns'"),
        ("Is there any way my son could stay at the hostel ower the holidays? I can't say why on here. Please PM me.",
         "list:cant_say_why_on_here 'i can't say why on here'"),
        ("naebody's been hame for 3 days. living on crisps and the dog's food is nearly done. whatever",
         "list:nobody_home_for_days 'nobody's been home for 3 days'"),
        ("His tent's been found on the machair but nae sign of the lad. He's only 15. Coastguard are out.",
         "list:a_missing_childs_things_found 'tent's been found'"),
        # round 224's, half in English
        ("Mr K ask sister to stay after netball, hug her too long, tell her shes his favourite ta'ahine. 'oku 'ikai",
         "list:told_she_is_his_favourite 'tell her shes his favourite'"),
        ("lol the lads brought a zombie knife to the rugby social. Niemand van de staff die het merkte.",
         "list:zombie_knife_carried 'brought a zombie knife'"),
        # round 225's, on 1d00b0c (the second freeze)
        ("got me brothers air rifle sorted for the counter protest lot, pellet in the arse each 😂🔫",
         "list:air_rifle_at_the_rec 'got me brothers air rifle sorted for the counter protest'"),
        ("Fydd y gwesty 'na ddim yn sefyll erbyn y Nadolig. 🔥 (English: that hotel won't be standing by Christmas)",
         "list:a_building_wont_be_standing 'won't be standing by'"),
        ("Today's debate proved why women shouldn't chair anything. Shrill, hysterical, crying over a point of order.",
         "list:women_should_not_be_in_charge 'women shouldn't chair'"),
        ("the families who got first dibs on the appeal coats were all, shall we say, 'new to the area'. Local kids",
         "list:new_to_the_area_in_quotes ''new to the area''"),
        ("Isla is literally disappearing and they say 'so disciplined' 😐 hasnt eaten in front of anyone",
         "list:not_eaten_in_front_of_anyone 'hasnt eaten in front of anyone'"),
        # round 227's, on 9fc950f (the third freeze), and round 228's half in English
        ("He'll be getting the buckle end when that coach pulls into Corby",
         "list:a_parent_and_the_belt 'the buckle end'"),
        ("If you don't refund us by Friday I will come down to your depot and put a brick through every windscreen",
         "list:a_brick_through_the_window 'put a brick through every'"),
        ("PLEASE SHARE 🙏 Our son Oliver (14, red hoodie) got separated at Châtelet and the tracker hasn't moved",
         "list:got_separated_from_the_group 'got separated'"),
        ("Amira's own phone pinged at Gare du Nord an hour ago. Is she with a teacher or not??",
         "list:got_separated_from_the_group 'amira's own phone pinged'"),
        ("school can't protect u forever bro. vara e lungă și Wembley e mic 🔥",
         "list:cant_protect_you_forever 'can't protect u forever'"),
        # round 231's, on e84af62 (the fourth freeze)
        ("Saw a gaggle of them in the full black bin-bag outfits outside Wells Cathedral. Somerset not Bradford",
         "list:bin_bag_outfits_for_women 'bin-bag outfits'"),
        ("mr okafor teaching 'science' 🦍 evolution moment fr", "list:monkey_emoji_racism '🦍'"),
        # round 233's, on 4eb0e4f (the fifth freeze)
        ("sad about the bus thing. anyway here's my nan's recipe: 6 million cookies, one oven, 350 degrees 🍪🔥",
         "list:six_gorillion '6 million cookies'"),
        ("talent show judges should've been a couple of ROP lads, they'd have brought the house down 💥💥 literally",
         "list:religion_of_peace_sarcasm 'rop lads'"),
        ("Yids crying about some paint. Boo hoo. Get over yourselves.", "list:yids_as_a_slur 'yids'"),
        # round 235's, on 1376606 (the sixth freeze)
        ("The boiler cost £40,000 because the Jews own every heating supply company in the country.",
         "list:jewish_control_trope 'the jews own every heating'"),
        ("Old school belt's coming out tonight 😂 that report was a disgrace. Kids today need a bit of fear",
         "list:a_parent_and_the_belt 'belt's coming out'"),
        ("zombie knife online mangaavi, box school ma laavu? 😂 joke nathi",   # round 236, half in Gujarati
         "list:zombie_knife_carried 'zombie knife online'"),
        # round 229's, read first on b409de0 (main as the sixty-fourth session left it)
        ("I've left letters for my parents in the top drawer, combination is my birthday. Please make sure someone "
         "posts them",
         "list:left_letters_for_after 'i've left letters for my parents'"),
        ("lol Lottie's done a runner again, 3rd time this term, out the fire escape w a rucksack at 1am",
         "list:ran_away_again 'done a runner'"),
        ("Which hotel are the Mersey Heath kids staying at and what floor? Would love to drop off some spare parts "
         "as a surprise",
         "list:asked_where_the_children_sleep 'which hotel are the mersey heath kids staying'"),
        ("honestly wish the lifeboat had been 10 mins later. would of saved everyone a lot of hassle",
         "list:wish_they_had_not_found_me 'lifeboat had been 10 mins later'"),
        ("Little girl on her own by the Sand Bay steps crying, says she's lost her dad. Anyone? I'm stood with her",
         "list:a_little_one_found_alone 'little girl on her own'"),
        ("Who leaves a crossbow on the back seat in the visitors' car park?! two bays from the prep school drop off",
         "list:weapon_in_a_car 'crossbow on the back seat'"),
        # round 237's, read on f8f8f8b (this session's first freeze)
        ("sat there with a water at maccies. day 9 of basically nothing. proud of me",
         "list:not_eating_challenge 'day 9 of basically nothing'"),
        ("Lily's taxi dropped her at the wrong house. She's non-verbal. We've been looking for 40 minutes.",
         "list:looking_for_a_child_for_an_hour ''ve been looking for 40 minutes'"),
        ("Anyone else's child headbanging more since the minibus was stopped? Ours has split his forehead",
         "list:banging_head_till_it_bleeds 'headbanging'"),
        ("Wrenfield staff are wedging the sensory room door shut with non-verbal kids inside",
         "list:children_shut_in_a_room 'wedging the sensory room door shut with non-verbal kids insi'"),
        ("Why a Pride display in the sensory corridor? These children are vulnerable. It's grooming",
         "list:lgbt_inclusion_called_grooming 'it's grooming'"),
        ("Is it me or is the county team looking a bit less... local... every year? Kendal used to be Kendal",
         "list:town_used_to_be_itself 'a bit less... local'"),
        # round 239's, read on cc56220 (this session's second freeze)
        ("khazar bloodline trying to tell british kids who they can and can't protest for lmao. the audacity",
         "list:khazar_conspiracy 'khazar'"),
        ("I saw you at the walkout. the kuffar teachers will never understand you. the real fight is waiting",
         "list:kuffar_as_a_slur 'kuffar'"),
        ("Amira if you see this, mum isn't angry, nobody is, please just text someone. we all love you ❤️ come home",
         "list:nobody_is_angry_come_home 'mum isn't angry, nobody is, please just text'"),
        ("Anyone else's child asking how many calories are in a school dinner? Ours is 8. Counts everything",
         "list:a_young_child_counting_calories 'how many calories'"),
        ("my niece was dropped at the gate at 8:40 but the office says she never came in. Phone off. Mam is frantic",
         "list:never_arrived_phone_off 'never came in'"),
        ("year 11 prom?? bro's arriving in a hearse not a limo 🚗⚰️ bookings already made",
         "list:arriving_in_a_hearse 'arriving in a hearse'"),
        ("Happy to help any of the lads who missed out on sixth form. I run a small courier business, good money",
         "list:courier_work_for_teenagers 'courier business'"),
        ("under 600 all week and still look huge in the vid 😭 going lower next week",
         "list:calorie_target 'under 600 all week'"),
        ("the p@ddys in year 10 went quiet during the silence, thinking about the good old bomb-making days ☘️💣",
         "list:irish_as_bombers 'paddys in year 10 went quiet during the silence, thinking ab'"),
    ])
    def test_a_listed_term_is_a_hit_with_the_entry_id_and_the_words(self, text: str, reason: str) -> None:
        assert reason in list_reasons(text)

    @pytest.mark.parametrize(("text", "entry"), [
        ("Pride assembly today. bring back section 28", "bring_back_section_28"),
        ("Holocaust Memorial Day assembly lol. arbeit macht frei 😂", "arbeit_macht_frei_as_a_joke"),
        ("anti-racism day run by a jewish charity?? the yahood are the enemies of our deen", "yahood_as_enemies"),
    ])
    def test_hate_said_under_an_awareness_post_is_read_there(self, clf: Classifier, text: str, entry: str) -> None:
        """Found by hand: round 32's "Pride assembly today. Bring back 28" is an awareness post to the gate, and
        entries skip those unless marked in_awareness_posts; these two are said exactly there."""
        assert rules.aware(norm(text))
        out = clf.classify_batch([text], ["mention"])[0]
        assert "hate" in out.categories
        assert any(r.startswith(f"list:{entry} ") for r in out.reasons), out.reasons

    @pytest.mark.parametrize(("text", "entry"), [
        ("road safety week posts everywhere. some of us are praying for the opposite",
         "hoping_for_the_opposite_of_safety"),
        ("world book day pics: the year 10 girls in their costumes 🤤", "drooling_at_schoolgirls"),
    ])
    def test_a_risk_said_under_an_awareness_post_is_read_there(self, clf: Classifier, text: str, entry: str) -> None:
        """Round 137's "hoping for the opposite" under road safety week and round 141's 🤤 at a year group's girls
        on World Book Day: the awareness gate reads both as events, and the entries are marked in_awareness_posts."""
        assert rules.aware(norm(text))
        out = clf.classify_batch([text], ["mention"])[0]
        assert out.severity is Severity.CRITICAL and "safeguarding" in out.categories
        assert any(r.startswith(f"list:{entry} ") for r in out.reasons), out.reasons

    @pytest.mark.parametrize(("text", "entry"), [
        ("Loved every minute of the summer musical, thank you cast and crew, and to my little brother you can have "
         "my room and my PS4 now, I mean it, love you all", "belongings_left_for_after"),
        ("saw ur solo from the school show 😍 ur so mature for 13. dont mention it to ur mum",
         "dont_mention_it_to_your_parents"),
        ("Love how the producer of the school play is so good with (((money))). £18 a ticket", "echo_brackets"),
    ])
    def test_a_show_named_is_no_awareness_post_to_the_lists(self, text: str, entry: str) -> None:
        """Round 163's farewell that thanked the cast of the summer musical first: a performance named makes a post
        an awareness post to the threat rules and the model (a play has its murders), never to the lists, whose
        entries are constructions (over 230,000 labelled posts, 13 critical posts and no harmless one)."""
        assert rules.aware(norm(text))
        assert any(r.startswith(f"list:{entry} ") for r in list_reasons(text)), list_reasons(text)

    @pytest.mark.parametrize("text", [
        "we won 88-12 on saturday",                      # 88 with no neo-Nazi words
        "my nan turns 88 today",
        "keep your shirts white for the photo, 88 days to go",   # uniform, not a slogan
        "Year 9 history: the Fenian rising of 1867",
        "ftp server is down again, homework upload tomorrow",   # file transfer, no sectarian words
        "rats in the science block again, pest control called",
        "Zog is the best book in reception",             # the children's book, not the antisemitic code
        "(((((LISTEN PLEASE)))))",                       # shouting, not the echo
        "we went to Troon beach at half term",           # the town
        "splash them all at the swimming gala",          # a water fight is not a stabbing
        "Assembly today on county lines: easy money offers and how gangs recruit runners",
        "delete this chat lol it's boring",
        "I haven't eaten since breakfast lol, the Year 6 concert ran long",   # a long day, not days without food
        "nothing in the fridge, off to Tesco for the Year 3 picnic bits!",
        "Harvest festival: a talk on why some children have no food at home, and how the food bank helps",
        "Year 9 learnt how the D-Day invasion crossed the Channel in landing boats",   # an invasion, no migrants
        "The little tinkers were back on the field after school",   # affectionate, for mischievous children
        "Please send the library books back where they came from!",
        "Year 8 history: how the blood libel was used to justify the expulsion of Jews from England in 1290",
        "Happy Hanukkah to all our Jewish families 🕎",
        "Year 9 history: Jewish-owned shops were smashed on Kristallnacht in 1938",   # the lesson, not the trope
        "a healthy 'lifestyle' is about sleep, food and exercise",   # no gay people, no children
        "can I borrow a knife for the pumpkin carving at cubs?",
        "Torrwch y bara a'r gyllell fara yn y gegin",     # a bread knife in the kitchen, in Welsh
        "Dim bwyd na diod yn y neuadd, os gwelwch yn dda",  # no food or drink in the hall
        "how high is the climbing wall at the leisure centre?",
        "missing you all already, Year 6! have a lovely summer",
        "fags and a pint after the staff do",            # cigarettes: only the starred slur is listed
        "don't tell her mum, it's a surprise party on Saturday!",
        "Pride assembly today: rainbow flags and a talk from our LGBT+ society",
        "Year 10 PSHE session on pro-ana websites and how to report them",   # an awareness post
        "we're going to catch the bus to the match",
        "i'm going to break my own record at sports day",          # no one else's body
        "I'm breaking my back on this display board",             # the writer's own body
        "Ireland are gonna put Wales in a body bag this weekend",  # a team, and no one says they will do it
        "Mia says she loved the trip and wants to go again",       # a girl called Mia, no food talk
        "the school bus route now has a short bus stop at the lane end",
        "Ms Okafor got the best results in the trust, stick your 'diversity hire'",
        "Year 8 PSHE: what FGM is, why it is a crime, and who to tell",   # an awareness post
        "my daughter is a bridesmaid at her aunt's wedding in the summer",
        "it's not a story, it's a poem! Year 7's haiku are on the wall",   # no harm in the piece
        "Special Olympics regional qualifiers: 3 golds and a very loud bronze",
        "that councillor is bent as a nine bob note, fiddles his expenses",   # dishonest, not gay
        "Year 10 history: what Section 28 did to teachers, and why it was repealed in 2003",   # a lesson
        "the Year 12 Krakow trip walked under the 'Arbeit macht frei' gate in silence",   # the trip, no joke
        "I'd rather have a dead battery than sit through that again",   # no child
        "left a note for the milkman just in case he comes early",     # an errand
        "the bunting needs stringing up before the fair, volunteers please",   # decorations
        "Year 9 tried the egg drop: how many layers of bubble wrap would it take?",
        "we burn the old christmas trees down at the allotment every january? no, we compost them",
        "How many paracetamol can a 10 year old have for a temperature? Asking before I ring 111",
        "what's the best way to go to the museum from the station?",
        "How old is she now? Give her my love and I'll message her mum on WhatsApp",
        "the builder didn't finish the job at the shul, shame",          # a job, not the Holocaust
        "the final solution to question 4 is x = 7",                      # maths
        "and poof, the magician made the rabbit disappear",              # a sound, not a person
        "Year 9 history: why the Nazis' 'final solution' began at Wannsee",   # a lesson
        "finger marks all over the glass after the Year 3 visit",       # no bruise on a child
        "I saw a matrix in Tesco and flinched",                         # round 66: no hand raised at a child
        "found the dog wandering down the lane on his own, is he yours?",   # an animal
        "this is England not France, we drive on the left",             # no people told they do not belong
        "the Year 6 leavers' show was very... long 😴 but lovely",        # a pause with no rainbow
        "the peaches have bruises on them again, Year 2 dropped the crate",   # fruit, no child
        "the Year 5 bake sale was very... sticky 🌈 thank you all",      # a rainbow, no man or boy named
        "get to 100kg on the bench by Easter and I can eat what I like",    # a lift, not a body weight
        "The 'fake bomb threat' prank trend: one hoax call means an evacuation and a criminal record",   # a warning
        "beat the butter and sugar with a wooden spoon",                  # baking
        "made myself sick with worry before the mocks",                   # an idiom
        "threw up my lunch on the coach again, travel sickness",
        "14 words max for each caption, Year 7!",                          # a word limit, no slogan
        "Mr Lane was the dame again: a man in a dress and a wig, the kids loved it",   # a panto dame
        "Santa's grotto: the little ones sit on his knee, Mr Hall is Santa",   # Father Christmas
        "we gave them a good hiding on Saturday, 5-0",                     # a thrashing at football
        "a can of petrol for the lawnmower, £8 at the garage",             # no place or person
        "sport physio gives the first team massages after matches",        # no doubt in quotes
        "Year 8 parents' evening is in room 109",                          # a room
        "coconut shy at the summer fair, 50p a go",                        # the fruit
        "being gay is not a disease, and Year 9 know it",                  # the opposite
        "Lost: red bike, found near 12 Mill Road, go on then, claim it",   # no one sent round
        "we won 88-0 and the white lads in the second row were immense",  # a score
        "the bunsen burner set fire to the paper in the lab, no harm done",   # an accident, no plan
        "arranging a fight night for charity, boxing gloves only",         # no weapon
        "felt like i needed a passport for the french exchange trip",      # a real trip abroad
        "we'll win the league this year, that's a promise not a threat",   # a title promised
        "i'll kill dad when he sees this haircut 😂",                       # family, in fun
        "i'll kill it when i get on stage tonight",                         # a performance
        "the parcel still hasn't come back, 3 days now, anyone seen a courier",   # not a child
        "everyone would be better off if the car park was one way",        # a suggestion, no goodbye
        "never come alone to the park, bring a grown-up, and report anyone offering money",   # a warning
        "the kids' library books haven't come back, please share this reminder",
        "my daughter says she's a vegetarian now, it's a phase",          # not a trans pupil
        "she says she's a girl now and we're so proud of her",            # no mental illness, no freak
        "NHS warning: never give children MMS or chlorine dioxide, it is a bleach",   # a warning
        "our head got one of those 'notice of liability' letters again, straight in the bin",   # talked about
        "Year 10 history: the Nuremberg trials and crimes against humanity",   # a lesson
        "the planning application is just paper until the council signs it",   # no order, nothing burns
        "cake sale to the year 7s raised £80",                             # nothing sold is a drug
        "i won't be around for the exams next week, we're on holiday, bye for now",   # a holiday
        "i wish i could sleep forever on a saturday morning lol",          # a lie-in
        "the canteen smells of curry today, lovely",                       # lunch, no group
        "✈️ back home from the Berlin trip, pupils were brilliant",        # a school trip
        "new canoes 🛶🛶 arrivals at the lake for the kayak club",          # boats, no 'another' group
        "Year 9 looked at the numbers deported to Auschwitz from each country",   # a lesson
        "the special school's harvest: pupils grew vegetables in the minibus planters",   # food
        "Year 6 painted the school gates red for Chinese New Year",        # paint
        "can someone hold a bag for me at the fair, free cake for helpers!",   # no pay, no pupil
        "new blades for the craft knives in DT, please take care",        # no secrecy
        "Muslims are not terrorists, and Year 9 learnt why that lie spreads",   # the opposite
        "Online safety assembly: beware of fake talent scouts who ask you to message them privately",   # a warning
        "Year 10 drama: the record label visit was brilliant, DM me for photos",
        "walked into a door at the Christmas party, the bruise is spectacular",   # nobody told to say it
        "the cat keeps scratching the new sofa, any tips?",                # a cat that exists
        "day 1 again of couch to 5k, legs are jelly",                      # running, no self-harm
        "I've already decided on my GCSE options, bye Year 9!",            # a choice, no farewell
        "don't be surprised if prices go up at the tuck shop",            # no building alight
        "I'm a dead woman walking, I beat the head at table tennis",       # about myself
        "Year 10 English: Lord of the Flies, how the boys become savages",   # no people named
        "our 'vibrant' new playground markings are finished",             # no nudge
        "the team would be better off with a new kit sponsor",           # no method, no farewell
        "I won't be here for results day, we fly to Spain that morning",  # no 'doesn't matter'
        "bring a compass and a protractor for maths on Monday",          # equipment
        "Year 9 roman salute re-enactment for the history of Rome",      # no Jewish people named
        "keep looking over your shoulder when reversing out of the staff car park",   # driving
        "please remember Miss Jones has children too and can't answer emails at 10pm",   # a plea, no menace
        "read chapter 5 tonight and you'll find out what happens to Piggy",   # a book
        "PSA: I've got your reg, please move your car out of the staff parking bay",   # parking
        "Year 2 ninja day 🥷🥷 dressed up and had a blast",                 # a costume day
        "guess the mystery reader! rhymes with 'Mr Bean' 🤫",               # a game, no group
        "our healthy menu: every main is under 600 calories",             # a menu
        "the toddlers were chewing and spitting out their raisins again",   # spitting out
        "our midfield knocked the ball about nicely on Saturday",          # football
        "Mr Davies is signing off for good after 30 years at the school!",   # a retirement
        "we won 13 and 50 points in the two rounds of the quiz",            # numbers, no nudge
        "loaded the shotgun cartridges into the clay trap for the county show",   # no loaded gun near children
        "the coach has got kids of his own, hasn't he, so he understands", # no threat around it
        "bring bats in your bags for rounders on friday",                 # a game
        "play my favourite song at my funeral lol",                        # no 'soon'
        "skipping lunch today, the queue was huge",                        # no weight, no tips
        "Year 4 loved the 'special time' with the therapy dogs",            # no child taken anywhere by an adult
        "is the new puppy a boy or a girl? it's adorable",                  # a puppy
        "Year 2 jungle display 🐒🐍🦜🍌 spot the sloth!",                    # among other animals
        "Year 1 trip to the monkey sanctuary 🐒 one child now thinks he is a monkey",   # a sanctuary
        "jungle day costumes 🦍 thank you Mrs Harding",                     # a costume
        "go back to your seats please, Year 7",                            # a classroom
        "Rounders v staff: the bat went into the car park. Insurance has been notified 😂",   # no hope at anyone
        "hope your travel insurance covers skiing, Year 10!",              # travel insurance
        "the new library is not hard to find, just past reception",        # no one's home or family
        "my cat eats dog food at the Chinese takeaway owner's house",      # a pet's food
        "Year 8 dog show 🐕 then a bbq 🔥 on the field",                      # no East Asian context
        "Regatta day: the boat people from the rowing club won again",    # a regatta
        "my late grandad was deaf and dumb, as they said back then",      # an old phrase for a relative
        "deaf people should be allowed interpreters at parents' evening", # the opposite
        "the Eid party was the bomb 💣 thank you hijab club",               # 'the bomb'
        "Year 10 RE: what Christianity, Islam and Judaism teach about same-sex marriage",   # teaching
        "Mrs Lee's 'wife' costume for the panto was hilarious",            # no context of children or agenda
        "let me break your fall, said the gym teacher",                    # no body part, 'let me'
        "enjoy your last week of term everyone!",                          # the term
        "if it was my last day on earth I'd eat pizza",                    # no snitch
        "how long does the paracetamol syrup take to work on a fever?",    # no method named
        "tallest building in the world: Burj Khalifa, Year 5 geography",   # no barriers
        "log out of the laptop before you leave the room",                 # a laptop
        "my last post before half term! see you all in November, love you all",   # before the holiday
        "no photos of the children getting changed: phones are banned in changing rooms",   # a policy
        "she took her passport to the Year 9 Paris trip meeting",           # nobody gone
        "day 3 of no food... Ramadan Mubarak to all our families",         # a religious fast
        "Year 7 science: rats and cockroaches survive almost anywhere",   # animals, no boats
        "the man who tackled the attacker at the mosque is a hero",        # praise for who stopped it
        "Bake Off club: get back in the kitchen for round 2!",             # baking
        "fancy a square go at Scrabble, Agnes?",                            # no time, place or crowd
        "Year 5 rainforest day 🦍🌴 what a jungle our hall became",               # no people, no 'back home'
        "Year 10 RE: two dads, two mums, and what the faiths teach about family",   # no innocence or indoctrination
        "day 2 of just water on the Year 6 sponsored fast for the food bank",    # a sponsored fast
        "our rescue greyhound is so thin you can count his ribs",           # a dog
        "she's not eating school dinners any more, can she bring a packed lunch?",   # no sign of restriction
        "no phones as a punishment this week, says Mr Khan, and no water fights either",   # no water as a punishment
        "I know where you park, yoghurt thief. - Mr K",                   # parking, not drinking
        "Year 9 met Holocaust survivors' families at the Jewish Museum",   # no joke
        "petrol prices are a joke, I'm filling cans for the lawnmower",   # no arson: lawnmower? still cans

        "Year 8 science: Homo sapiens and Homo erectus on the timeline",   # the species, not a person
        "If I'd had my walking stick I'd have put it through his windscreen",   # a thing, not a person
        "i swear if i hear 'what i eat in a day' one more time i'm uninstalling, all rice cakes",   # tired of the trend
        "rate my what i eat in a day as a sprinter: porridge, chicken wrap, pasta, yoghurt",   # nothing restricted

        "A level history: Stalin's purges and the show trials",              # no eating
        "snap streak ended 😭 400 days, clean gone",                         # a Snapchat streak
        "we won in the last minute, play this at my funeral",               # a joke, no plan
        "left my coat at school while dad was at the pub quiz",              # no child left
        "changed our pounds into shekels for the Israel trip",              # the currency

        "the corner shop gives free breakfast to any kid who turns up hungry, every morning",   # a kindness
        "the ski club was asking which kids want to go on the slopes this weekend",   # no one alone, no looks
        "i'll be with my mum at the reunion, she was in the class of '79",          # a visit
        "he served two years as head boy and now teaches at the primary",           # no sentence, no release
        "fell down the stairs after leg day, my quads have left the chat",          # the writer's own fall
        "bring your bats for the u13 cricket nets tomorrow at 4",                    # a game, no crew waiting
        "the council got £6 million for the roof and still want more",              # money
        "Brokeback Mountain is on the A level film studies list",                   # the film
        "not a white face in sight at the Holi festival, proud of our diverse school",   # celebrated
        "🐒🙈🙉🙊 the three wise monkeys of the drama photo",                        # other monkeys
        "the greedy seagull took my chips at Whitby, then his own mates joined in",   # a bird, no Jewish person
        "41% of Year 9 clicked the phishing link, join the club",           # a survey, no trans words
        "go back to the start of the worksheet, Year 7",                    # no one sent anywhere
        "I'll come in there and sort the printer out myself",               # no one hurt
        "can someone look after the rabbit for me over half term",          # a holiday, no goodbye
        "what's the tallest building in the world? Y5 quiz",                # a quiz question
        "Y9 Geography: how deep is the Mariana Trench?",                    # no water nearby
        "the budget cuts will cripple the school",                          # the verb
        "the new minibus contract is a waste of money",                     # no person called a burden
        "Happy Hanukkah ✡️🕎 from the Year 4 team",                          # the star without money
        "our Year 7 intake is so diverse, 31 languages spoken 💛",           # celebrated, no pause
        "Y8 trip: we saw a Rothschild giraffe at the safari park",           # the animal
        "Eid mubarak! the goat at the farm visit was the star 🐐",           # a goat at Eid, told as it is
        "Queer History Month: the LGBT+ club's display is up in the library",   # the word they use
        "Mrs Boateng silences the hall by taking her glasses off. Witchcraft.",   # staff humour
        "carrying my nan's shopping home, strapped for cash till Friday",   # shopping, money
        "Happy 14th to our Lucy! we're at 22 Elmwood Drive if anyone wants to drop a card round",   # a card
        "streak over. the cute one in 9B doesn't like me back",             # cute is not cut
        "how tall is the tower at Blackpool? Y3 homework",                  # a landmark, not a drop
        "sick of living in a town with one bus an hour",                    # a place, not a life
        "lock up your bikes at the rack, two went missing from the leisure centre",   # no Traveller named
        "Y5 pirate day: eye patches and a treasure hunt 🏴‍☠️",              # a pirate with no people named
        "Year 10 politics club: the Battle of the Boyne, 1690, and King Billy",   # a lesson, no taunt
        "we went over the water to the Wirral on the ferry, then back over the water for tea",   # no one sent
        "Year 4 read a story about two dads building a boat, the agenda for Friday is the trip",   # no objection
        "E-safety evening: online grooming, and how LGBT+ young people are targeted on apps",   # the awareness sense
        "Year 6 will teach the parents a lesson in coding tomorrow",         # a lesson in something
        "I know which room the meeting is in, see you at 6pm",              # no one's room
        "3 weeks clean from vaping, back to square one after the party",    # vaping, not self-harm
        "88 pupils went on the residential, keep the receipts",             # 88 with nothing pure or Nazi
        "boxing club: Jordan will knock him spark out in round 1, clean fight",   # a bout
        "I won't see Christmas at home this year, we're at nan's",          # the writer, not someone else
        "DofE kit list: bring your own first aid kit, water and a map",     # a trip
        "Hollins Park's leavers plant a tree behind the science block, a tradition",   # a tradition
        "Pride window display burning bright 🏳️‍🌈🔥",                     # fire, not disgust
        "Year 6 filmed the Year 2 nativity for parents who couldn't come",  # no stranger
        "we piled into a taxi van after the match",                         # no stranger's car
        "first one to finish their reading book gets a sticker",            # no hurt
        "thank you to whoever reported the broken gate, it's fixed",        # thanks, not a threat
        "bring your cricket bat, it's not for decoration, nets at 4",       # a bat for the game
        "Year 9's Auschwitz trip: a sombre, moving day, and the gas chambers left us silent",   # no joke
        "two dads and a grandma ran the cake stall, lovely to see",         # nothing against them
        "the post has been in the letterbox since 8, Year 2 forms inside",  # a letterbox in a door
        "the twins in Year 3 are all the same at bedtime",                  # no group named
        "skipping lunch duty this week because of the trip",                # no tip
        "has anyone seen Mr Price since he shaved his beard?",              # no one unreachable
        "police are called to talk to Year 6 about road safety",            # no one missing
        "we have been informed that several coats are missing from the cloakroom",   # coats, not a child
        "has anyone seen Bella since Tuesday? our cat, she's missing",      # a pet
        "whoever reported the lost dog, he's home safe!",                  # a report of a thing, thanked
        "Year 1 are eating an apple a day this week for fruit week",       # fruit week
        "how do I cover the marks on my car from the school car park",     # a car
        "Year 3's Chinese dragon masks: they're all the same colour!",     # masks, not people
        "I've got the hammer in my bag for DT tomorrow",                   # a lesson
        "the coach grabs the balls and hands them out",                     # balls, not children
        "next time it'll be my turn to host the quiz",                      # no hurt
        "the man was jailed for burglary in 2003, the paper says",          # not a sexual offence near children
        "my son stopped eating crisps for Lent",                            # no sign of restriction
        "a puff of smoke and the magician was gone",                        # a puff of smoke
        "Sea Scouts took the dinghy out on the reservoir, nobody fell in",  # a dinghy sailed
        "picnic: watermelon, sandwiches and a cake",                       # no chicken, no one aimed at
        "RE: the Temple tax was paid in shekels, Year 8 worked out the exchange rate",   # a lesson
        "I've got the bat in the car for cricket practice at 5",           # for the game
        "Miss gave us a good telling off after the trip",                  # no beating
        "can someone look after my cat over half term? we're in Cornwall",   # a holiday
        "an apple a day keeps the doctor away, Year 1 fruit week",         # the proverb
        "how do you hide the Easter eggs from the Year 2s? asking for the egg hunt",   # eggs, not marks
        "Ofsted week: 3 days no lunch break for staff",                    # a lunch break
        "nearly mowed the mams down on the school run, need a mash",      # a pot of tea (Midlands, North)
        "Among Us with my form tonight, the girl with 100% attendance was the impostor 🔪📮",   # a crewmate
        "we learned the word 'cuckooing' and now the broken cuckoo clock in DT is 'the victim'",   # a lesson
        "Mr Hale came in dressed as Bruce Bogtrotter with a whole chocolate cake",   # Roald Dahl's Matilda
        "the sailing club capsized on the reservoir, came back like drowned rats off the boats",   # soaked through
        "RE: some Christians believe homosexuality is a sin, others do not; Year 9 compared the views",   # a lesson
        "Year 9 history: the bombing of Dresden in 1945 and the Blitz on Coventry, two sides of one war",   # no sequel
        "our Sam asked everyone to start calling him 'he' this term and his mates just did, no fuss",   # no abuse
        "the DT workshop is fully tooled up at last, thanks to the PTA",                 # tools, not weapons
        'English persuasive writing: "Should shops be allowed to sell knives to under-18s?"',   # a debate
        "Craft fair after school: hot glue guns £3 each, ice skate blades £10 a pair",   # tools and skates
        "Frosty morning: please check your tyres and clear your windscreen before the school run",   # road safety
        "Fruity Friday! Year 1 tasted fruits from around the world",                     # fruit
        "skipped breakfast and lunch with the stomach bug, back in on Monday",           # ill, not restricting
        "he's stopped eating since Tuesday, the stomach bug again",                      # ill, 'since' or not
        "the parent who left a baby in a car seat by the office: she's a doll, Reception's baby clinic wants her",
        "People Who Help Us: on a boiling hot day the children got to sit alone in the police car",   # a visit
        "Nativity tomorrow: anyone got a spare tea towel for a shepherd's head?",        # a costume
        "Mrs Ahmed: 'I'll give you something to cry about', brandishing an onion in Food Tech",   # a teacher's joke
        "Garden club: check your sheds for hedgehogs before you light the bonfire",      # no Traveller named
        "Year 9 history: Norman Tebbit and the 'cricket test' of 1990, and why it caused a storm",   # a lesson
        "Minibus back at school approx 5:45. The lads were a credit to the school today, win or lose.",   # no harm
        "Our 'travelling friends' from the twin town in Poland arrive Friday, host families please be at the gates",
        "the Year 8 Polish exchange kids are feral after the sugar at the sweet shop 😂",   # no 'their' children
        "Storm Ciara: the pupils are safer in the hall than out on the field, buses held till 4",   # weather
        "Sports day: so dizzy after the relay 😵 worth it tho, got under 13 seconds for the 100m",   # a time
        "Please keep under 20 mph on the school road, we'd hate anyone to get hurt",   # a speed
        "Year 8 History: the slave trade and how mill towns like ours were tied to cotton picked by enslaved people",
        "Summer term went out with a bang: the fireworks at the leavers' do were the best yet",   # no nudge
        "Year 6 Victorian workhouse day: children separated from their parents, gruel for dinner",   # a lesson
        "MISSING DOG: our Jack Russell ran off on the field, last seen near the playing fields",   # a dog
        "🐒⚓ Monkey hanger and proud. Hanged a monkey in 1800-and-summat and we'll never hear the end of it 😂",
        "Could I have ten minutes with the head after assembly about my son's timetable?",   # a meeting
        "My son has not been seen by CAMHS in eleven months and the school keeps saying wait",   # a waiting list
        "The fireworks will end with a bang, watch this space for tickets",                  # no nudge
        "Don't worry about the raffle, every child gets it either way",                    # a prize, not a hall
        "Year 3 mummy costumes: bandage head to toe, loo roll welcome",                   # a costume
        "Reception's zoo trip: the chimps went ooh ooh ahh ahh right back at them 🐒",      # a zoo
        "Minecraft Hunger Games at lunch club. 11 people died of 'starvation'. Year 8s are ruthless.",  # no Holocaust
        "my PE bag still hasn't been found, lost property is a joke",                      # a bag
        "Spelling bee round 3: words that start with a G, good luck Year 4!",               # a spelling bee
        "Year 9 RE: why the swastika was a Hindu and Buddhist symbol long before the Nazis",  # a lesson
        "Sixth form debate club tonight: was the purge of the Old Bolsheviks inevitable?",   # a purge of someone
        "My son was arrested for fighting at the match and I'm mortified, sorry to his teachers",   # no abuse
        "Parents saying a gay TA should be kept away from boys: that is homophobia and we will not host it",
        "my 'tism says the fire alarm test is a personal attack",                           # the writer's own
        "Tidy your room or I'll do it for you, and you won't like where things end up",    # no warning
        "I'd hate for anything to happen to a child on that crossing, please put a lollipop lady back",
        "We've noted every name for the raffle, winners drawn Friday",                       # names, no faces
        "We're taking all the cars to the away match, meet at 8",                           # a lift, not a note
        "I've taken all the face paints home to wash the brushes",                          # face paint
        "living on black coffee till the mocks marking is done, 3 days to go",              # a teacher's week
        "im not starving myself for anyone, pass the chips",                               # said not to
        "my mate fell down the stairs at the bus station, massive bruise, he's just clumsy",  # once, no story
        "Mr Ellis 'accidentally' got pushed in the pool at the gala",                      # no burn or cut
        "ran 10k to burn it off after Christmas dinner",                                    # no count of food
        "Year 3 maths: red, blue, red, blue... can you spot the pattern?",                  # a lesson
        "someone of her background in nursing would be ideal for the first aid role",      # no "our kids"
        "Mr Lowe is a cheeky monkey on the climbing wall",                                  # cheeky
        "Mr Thwaite has been missing since 3pm. Last seen heading for the staffroom biscuits",   # a teacher
        "pink custard is worth going to prison for. i'd do the time",                       # no one named
        "School dinner review at Hagg Lane: the sausages were sausagey, the mash was good",  # potato
        "witney lads at cricket tomorrow. we'll put them in hospital (metaphorically, sir)",   # said so
        # round 77
        "Tommy was right, the chips at the Year 6 disco were better than the pizza",  # a pupil called Tommy
        "Mrs Nowak says the Christmas market in the square reminds her of home",      # no huts or jungle
        "can't go home till the coach gets back from the Year 9 trip, so stuck here",   # a coach
        "Centrepoint youth worker: if you are 16-25 and need a bed tonight, DM me or ring the helpline",  # a charity
        "everyone would be better off if the council fixed the zebra crossing",  # goes on to something else
        "the ref kicked him out in the second half for a two-footed tackle",  # a referee
        "Cold water shock week: the quarry looks calm and inviting in the heat, but it can kill",  # water safety
        # round 79
        "my lad won't be walking home tonight, his dad's picking him up",            # a lift
        "Y10 politics: the murder of Jo Cox MP and what it means for democracy",   # a lesson
        "our dog Pip has been missing since Sunday, please check your sheds",     # a dog
        "the Year 6 guinea pig is locked in the shed again for the holidays",     # a pet
        "bet it'd be quick if the canteen opened a second till",                   # no method
        "Mr Thwaite has been missing since Monday. Last seen heading for the staffroom biscuits",  # a teacher
        # round 81
        "I'm going to starve myself of sleep until this EPQ is done, send caffeine",  # sleep, not food
        "Staff panto: Mrs Gill as the wicked queen says she'll poison the front row",   # a panto
        "Rail safety week: the train line looks peaceful but never cross it",         # rail safety
        "I'd rather die than eat another school dinner",                 # a joke about the food
        "Year 9 first aid: the skin pinch test for dehydration",          # first aid
        "the new learning platform looks so inviting",                   # not a railway platform
        # round 83
        "that vending machine ate my quid AGAIN, im gonna kick its head in",     # a machine
        "Mr Okonkwo says he'll drag us by the ears to revision club",           # ears, and a teacher's joke
        "fairy cakes and fairy lights for the Christmas fair",                  # cakes and lights
        "still get called a Sassenach by the dinner ladies after 10 years",     # telling of it
        "the uniform rules are a slippery slope, next they'll ban coats",       # no group named
        "told my year 6 she could walk home alone from 14 Park Road for the first time",  # a parent, her own child
        "I wanted you to know before you buy tickets that the show starts at 7",  # not a farewell
        # the review of round 83's entries
        "my little sister wrote a letter to the fairy last night",        # the tooth fairy
        "auditions for the fairy are on Tuesday after school",            # a role
        "some mentally ill pervert flashed at the kids by the swings",   # a flasher: a risk, not transphobia
        "Scots words: the word Sassenach comes from the Gaelic for Saxon",  # a lesson
        "Our vibrant 'Holi' celebration in the playground today!",       # a school's own praise, no nudge
        "enjoy that coffee while you've still got both hands free",      # a new parent
        "she was crying cos she can't find her mum's birthday present",   # a present
        "tell the team I'm sorry for missing training, dentist ran over",   # an apology
        # rounds 84 and 85
        "told my mum I ate at Nan's so she didn't cook twice",            # tea at nan's, nothing hidden
        "Year 9 beat the staff at paintball and Mr Hughes still has a welt",  # a teacher's welt from a game
        "Mr Jones says we're all dead men walking if we fail inspection",  # a joke the whole troop shares
        "try turning it off and on again and see what happens",         # IT advice
        "we checked out early from the hotel on the last day of the trip",  # a hotel
        "tan lines on my arms after sports day 😎",                      # the sun
        "Iron Age day: Year 3 made slingshots and fired stones at a target",  # a history day
        "Any coach who does that should be sacked and put on a register",  # a wish, not a fact about a person
        "She's on Elm Road if you want a word in person about the trip money",  # a complaint pointed at someone
        "don't tell mum I spent my birthday money on skins, free delivery tho",  # a child's own secret
        # rounds 86 and 87
        "Hope you all sleep well after the trip, what a day!",             # a good night
        "Sponge the teacher at the summer fair 🧽 50p a throw",            # a fundraiser
        "Coconut shy 🥥 raised £84 at the fair",                           # the fruit
        "Our last post from this account: follow us on our new page @OakfieldPE",  # a page that moves
        "my brother held me down and tickled me till I cried laughing",    # play
        "me knackers are done after the cross country, the field was a bog",  # tired
        "the staff trophy is back where it belongs",                       # a cup
        "the dog ran off at the park but came straight back",              # a dog, home at once
        "day 30 clean from vaping and nearly cracked at the bus stop",     # a vape, not a blade
        "the foreman plays CoD and clapped me at lunch, man is a dead man walking 🎮💀",  # a rematch at a game
        # rounds 88 and 89
        "Parents: if your child is struggling, don't blame yourself. Talk to us.",  # advice in an awareness post
        "if i dont get a good seat at the concert im done lol",          # a laugh
        "punished myself at the gym after all that cake",                  # a workout
        "my sister told me im dead to her cos i ate her crisps",           # a joke with no home threat in it
        "save me a seat at the concert tomorrow please!",                  # one seat
        "my little brother's dog ate a hot dog stew at the fair",           # food
        "hope whoever did it gets what's coming in court",                 # justice
        "tell Ella to enjoy her last netball tour, she's been brilliant",  # a farewell to a leaver
        "Mum of the year: forgot PE kit. Wee one's gonna murder me. Dead woman walking 💀",  # the writer's own doom
        "Mr Pallister asked for a 'peaceful' end of term and got a water balloon ambush",  # the word, not the code
        "Journalist here, writing a piece on 'social contagion' and trans pupils: could the school comment?",  # media
        "shopping list for the food tech lesson: 🪒🍆🥕",                   # no changing room, no flags
        "SEN kids shouldn't be getting detentions for meltdowns, it's not fair",  # a parent asking for fairness
        "vaping is a social contagion, my son says half his form do it",           # no trans word
        "Year 5 recorder: play F A G then back to F",                       # notes
        # round 91
        "every parent at the gate is a security risk when they park on the zigzags",  # no group named
        "the car park at pick-up is a no-go zone, honestly",                # traffic
        "not racist, just a lesson on how racism works",                    # the disclaimer, no claim
        "you'll see what happens when you add the baking soda",             # an experiment
        "the wind blew the office window in, brick dust everywhere",      # weather, no brick thrown
        "someone go and check on Mrs Lane at her house, she's not answered",  # welfare
        "tell them you're 18 if the bouncer asks lol",                     # no inspector, no council
        "my son isn't home yet, he's at football till 6",                 # no police
        "the cat hasn't been in for two weeks",                            # no night, no map
        "phones turn kids soft",                                           # no slur
        "go back to class and take your coat with you",                    # a coat
        "a typical primary school day",                                    # no people named
        "the tech teacher 3d printed a nerf gun part for the DT project",  # a toy
        "skipped lunch to revise, proud of myself for finishing",         # revision, not a win over food
        "The choir will light up the hall with the kids in their Christmas jumpers",   # a concert
        "burn off some energy with the kids in the soft play",             # exercise
        "Dress up day: whatever it is your child loves, come dressed as it",   # a costume
        "My great grandad fought for a different side, he was in the German army",   # family history
        "typical travellers, always forgetting passports at the airport",  # tourists
        "can someone go on snap map and see if Amy got home safe",         # a friend's safety
        "my dog has a long memory, he's out in 3 hours for his walk",     # no release, no years
        "You'll regret it if you miss the panto, mark my words!",          # no payback promised
        "hope you've got good locks on that new bike",                     # a bike
        "we'll do more than beat you next season",                         # no someone unnamed
        "I'll drag him to school by force if I have to 😂",                # a parent, no whatever it takes
        "I'm a patient man but I can't wait for Friday",                   # can't wait
        "grandad took his air rifle to the field for the rabbits",         # vermin
        "gave my brother a taste of his own medicine and hid his controller",  # no address
        "her scarf was the bomb at the Eid party",                         # praise
        "who owns the field behind school? and who owns the hedge?",       # land
        "we were four to a room in the youth hostel, Polish exchange kids next door",  # a trip
        "raising money for a ramp at the cricket club",                    # no slur
        "short hair, never married, drives a subaru",                      # no insinuation
        "limp wrist after the fall, it's in a splint",                     # an injury
        "Every single post about Muslim kids gets a goat emoji. Every single time.",  # calling it out
        "Polish families at the Saturday school bring the best cakes every single time",  # praise
        "sprained it at football camp, limp wrist for a week",             # an injury at a camp
        "my son ate none of it, the snails stayed on the plate",           # a fussy eater
        "supply teachers on 500 a day, eating into the budget",            # pay
        "running on empty, day 4 of Ramadan, iftar can't come soon enough",  # a fast
        "my 3 year old wandered off in Tesco, found him by the sweets",    # found
        "Eating Disorders Awareness Week. Signs can include skipping meals and hiding food",  # the signs listed
        "Making weight should never mean skipping meals: a talk for all our squads",  # a talk
        "Mother's Day cards: message me for a pack, no need to tell your mum",  # a surprise
        "Our kitchen is getting done in March, new units at last",         # building work
        "the report will be done in ten minutes",                          # time
        "Props for the play: a foam machete tucked in his belt",           # a prop
        "The Year 6s will be met at the station by staff, say no more",    # a teacher meets them
        "You lot blew up my notifications last night with the quiz answers",  # a phone
        "Mrs Patel and her 'friend' the photocopier are inseparable",      # a joke, no partner
        "Before you lot moved in the staffroom was tidy, Year 11 prefects",   # no swarming
        "I told mum I'd eaten at Nan's and I had, three helpings of trifle",  # she had
        "Ramadan starts next week, a dry fast from sunrise to sunset",     # a fast of faith
        "47 days sugar free and I blew it at the bake sale, back to day 0",  # sugar
        "The kids on DofE have been gone 3 hours, back by 5",              # no search
        "Our Year 6 photo looks like a Benetton advert and we're so proud of it",   # proud of the mix
        "'Certain communities' is code for racist, the admins will ban it",  # calling it out
        "Mum taught our Bella a lesson in patience, bring the lads a brew",  # a lesson in
        "She ended up breaking both her legs skiing, get well soon Mrs K",   # an accident
        "Someone is going to pay for this round of drinks, not talking about me",  # no one unnamed at a place
        "The school will pay for it, mark my words, the repairs come out of their budget",   # a bill
        "knife sharpened and ready for tomorrow, food tech practical is fajitas",   # a lesson's knife
        "blades sharpened for tomorrow, ice hockey trial at 9!",           # skates
        "free sweets for anyone who helps carry bags to the fete stall",   # no child paid to hold them
        "if you leave the rice cooker on again I'll throw you in the canal 😂",   # no 'myself', no today
        "I'm throwing my phone in the canal myself if this group chat pings again",   # a phone
        "Those people at the council should come near the kids more, see the pride picnic",  # no group
        "St Patrick's Day parade Saturday, freezing forecast so bring a balaclava and gloves",   # the cold
        "Year 9 History: the Troubles, Semtex and the Good Friday Agreement in Ireland",   # a lesson
        "Windrush Day: Year 6 learned about the 'No Irish, no blacks, no dogs' signs",   # history
        "Spot the difference between these two class photos!",
        "My nan can't speak English but she makes the best dumplings",    # the writer's own family
        "Our new pupils from Kyiv can't speak English yet, please make them welcome",   # a welcome
        "I can't speak English on a Monday morning before coffee",         # the writer
        "Grandad collected her today, we never asked him to, bless him",   # family
        "how do I get my son to cut down on screen time before his exams",   # not food
        "how do I help my son lose weight, the GP says he's obese",        # a doctor's advice
        "He'll be getting a visit from Santa on Friday!",
        "They'll have a visit to the farm next week",
        "the Cricklewood crowd came tooled up with vuvuzelas and flags 😂",   # supporters' kit
        "the Harrow lot are dead men walking next week 💀 (it's the under-9s, calm down)",   # a junior match
        "Our school lunches are about 550 calories a day on average",      # a menu
        "our new teacher actually speaks English, Welsh and French!",      # praise
        "Nobody voted for this weather 🙄",
        "lord forgive me for what im about to do to this kebab",           # the meme
        "Victorian classroom day: the cane is back! (don't worry, it's cardboard)",   # history
        "shooting at the kids with water pistols at the summer fair, air rifle stall next door",   # water
        "news: man arrested for 3D printing guns, illegal in the UK",      # the news
        "I literally, not figuratively, died laughing at the panto",       # no one named
        "I'll put you through to the office now, hold on",                 # a phone call
        "Year 9 History: 39 people died in the back of a lorry in Essex",   # a lesson
        "People think ADHD is just bad parenting. It isn't.",              # the myth answered
        "My son identifies as a dinosaur this week 🦖",
        "The under-10s were one kid short so my lad played up front",      # a team
        "Mr Okafor has been on the careers stall for six hours now",
        "a splash of wine in the gravy, Christmas sorted",
        "No need to worry your parents, the free residential camp is fully staffed",   # a school's reassurance
        "Bring back the old pub signs, the new Red Lion one is hideous",   # a painted sign
        "Where are the Welsh kids? The choir is on at 2",                  # a trip's register
        "The hockey stick is back in lost property, Year 7",
        "He'll be getting a visit from the Elf on the Shelf tonight",
        "she'll get a visit from the police if she keeps parking there",   # reported, not hurt
        "Headcount at the Menin Gate came up one short. Turned out he'd been in the chip van queue",   # found
        "roll call one short this morning, Jake's off sick",
        "Tom didn't get on the coach home, his dad picked him up from the museum as arranged",
        "kids like that thrive in mainstream with the right support, so proud of our SEN team",
        "People like him shouldn't be allowed near a microphone, worst karaoke ever 😂",   # no disability
        "Reception ate the crayons again, send wipes",
        "The consent letter never got home, please share the link with other parents",   # a letter
        "Liam never made it to school, last seen by the shops, then turned out he was at his nan's, panic over",
        # round 99's entries, on harmless posts written to trip them
        "The Romanians took the jobs nobody else wanted at the farm and kept it running - thank you!",
        "Myth: migrants take our jobs. Year 9 looked at the evidence in Citizenship.",
        "Two-tier Britain: the housing crisis documentary is on tonight.",
        "Year 11 politics class fact-checked the claim that Muslims get two-tier policing.",
        "LGBT history month: Year 6 pupils led 'lessons' for Year 2 on different families.",
        "Mrs Goldberg won £50 on the 100 club 💰🎉 congratulations!",
        "It'd be better for everyone if I'm not around at pick-up tomorrow, so Nana's collecting.",
        "The thigh gap challenge is a dangerous TikTok trend, please talk to your kids about it.",
        "Message me directly rather than going through the school office, I'm the PTA treasurer",
        "Post some photos of your kids without the uniform for non-uniform day!",
        "My 7 year old walked to school on his own for the first time today, so proud!",
        "Every day a 6 year old from our road gets told to leave our kids alone",   # no child left alone
        "can hear my dad screaming at my mum to turn the telly up lol",
        "After today I'm done asking nicely, the kids' bedrooms are getting binned.",
        "The ice-cream van won't be there after 5, it's a scorcher 🔥",
        "Year 2 spelling test this week: 14 words 🤍 good luck!",
        "Found the girl who ran off with first prize in the egg and spoon, she's a legend",
        "The boy who wandered off at the zoo has been found safe and well, thanks all",
        "Anti-bullying week: pupils looked at how words like 'Polack' and 'Kraut' have been used to hurt people.",
        "That was a spesh occasion, thank you to everyone who came!",
        "This vase would have fetched a decent price at auction in 1850, says the Antiques Roadshow expert.",
        "Year 9 History: how Nazi propaganda called Jews rats and vermin, and why dehumanising language matters.",
        "After the power cut the school dinner was the first hot meal we'd had in days, thanks to the kitchen staff!",
        "We made the dog ride home in the boot after he rolled in fox poo 😂",
        "The referee should be dragged out for a coffee and a chat about offside lol",
        "Ex-volunteer sent down for fraud; he ran the tuck shop accounts.",
        "Year 8 RE: why 'religion of peace' gets used sarcastically online, and what Islam teaches about peace.",
        'My daughter came home crying because a boy said her mum "should go back to Poland".',   # reported
        "She can go back to Poland for the summer to see her nan",
        "He's been saying he wants to go back to Poland",
        "Well played the girls! Their winger's still looking for her gumshield somewhere on the 22 😂",
        "My son was missing for two hours on Saturday, turned out he was asleep in the shed lol",
        "this time i mean it, no more biscuits before bed. night all x",
        "bye bye beach, goodbye pier, see you next summer 🌊",
        "brought it all back up on the ferry, never again, seasick all the way 🤢",
        "Is he on the register for the trip? He's been off all week, apparently.",
        "The old bike shed is finally coming down by other means than the caretaker's patience lol",
        "The dog groomers on the high street sponsored our rainbow fun run 🌈",
        "Headcount at the gate came up one short. Turned out he'd been in the chip van queue.",
        # harmless posts written to trip round 101's entries
        "The Eid party was a BOMB 💣💣 thank you to every aunty who cooked",
        "Year 7 dropped an absolute bomb of a performance at the Eid assembly 💣",
        "Diversity is our strength: Year 9 led a wonderful Black History Month assembly",
        "Rock pooling at Mablethorpe 🦀 our legs are soaked and Reception loved it",
        "Mrs Okafor walked the whole pier dressed as a crab 🦀 for the lifeboat, legs like jelly after",
        "Bring a friend to the rainbow disco 🌈 on Friday",
        "Our lovely 'neighbours' at the caravan park found our missing dog and brought him back. Thank you!",
        "Halal and vegetarian options at the summer fair: ask for the 'special' menu card at the till",
        "In Norfolk we have a word for days like this: mardling",
        "Polish bakery opened by the school gates, fresh pączki at 8am. This is what you get now 😍",
        "Who played the dog in the panto? The dog was me 🐶",
        "Any tips on how to ignore hunger during Ramadan fasting at school?",
        "Drama warm-up: Mr Hale told us to say 'she fell' in six different accents",
        "Mountain rescue gave a brilliant talk for the DofE group on Tuesday",
        "We're searching for a young girl to play Annie in the spring show, auditions Monday",
        "We took ours off roll in May and the anxiety has vanished. Best decision we made",
        "I'll be at parents' evening with a lot more than a letter: a cake for the office staff",
        "hatton vale netball team you are DEAD on wednesday, no mercy 🏐",
        "she's dead tomorrow after that 5am early start, bless her",
        # harmless posts written to trip round 102's entries
        "Year 8 History: Mohammed's great-grandad sheltered in the Tube during the Blitz 💣 amazing interviews",
        "Eid Mubarak Fatima! The party was the bomb 💣🎉",
        "Did nobody get the memo in 2016 that the PE kit changed? Navy shorts, people",
        "Year 10 RE: a tribute to the victims of 9/11 and a visit from the mosque's imam, a moving afternoon",
        "Our drama teacher makes everyone call her Miss T, her real name is too long for the Year 7s",
        "Hay fever season: the pollen creates the problem and the chemist sells you the cure 😩",
        "Our Year 6 leavers are the special ones this year, so proud of them 😂❤️",
        "Staff panto: Mr Tranter as the fairy godmother, spelt with a wand",
        "Our local certain-to-win quiz team: the community centre's own 'Quizzly Bears', always top",
        "No questions at the end of the assembly, we ran out of time, sorry Year 9!",
        "hope the printer is the only thing that breaks this week 🙃",
        "Minecraft: burning that whole village to the ground was the most fun I've had all week",
        "kill the lights 🔪 for the Macbeth scene, joking, don't actually kill them",
        "Where is my son's PE bag? It's been missing for hours and nobody in the office knows",
        "Where is my daughter? Found her, she was at Gran's all along, panic over",
        "We've had to put a child lock on the fridge, our toddler has discovered yoghurt",
        "Put a padlock on the food cupboard because the labrador learned to open it 🐶",
        # harmless posts written to trip round 103's entries
        "I'll drown you in glitter at the craft fair, be warned 😂",
        "water polo v Wigan: I'm going to drown them. in goals. metaphorically",
        "After that storm every window in your house is going to need a clean",
        "I'm not stopping for photos after the match, the car park will be murder",
        "DofE kit list: a jerry can for the camp, filled with drinking water",
        "Welsh speakers are a minority in their own country, which is why the Urdd matters",
        "Black Friday at the Trafford Centre with three kids. You all know what they're like.",
        "The school gate this morning looked like the arrivals hall at Gatwick, so many new Reception families",
        "Kids need a mum and a dad? Nonsense. Our two dads are the best parents in Year 3 🏳️‍🌈",
        "Bat walk at the nature reserve tonight: Year 4 out along the river with torches 🦇",
        "Year 2 hid the Easter eggs. Praying they are found before they melt 😂",
        # harmless posts written to trip round 104's entries
        "Year 9 assembly on why 'the peacefuls' is a slur, led by our Muslim students",   # the fold of 'peacefuls'
        "Food tech: why white flour has been 'enriched' with calcium and iron",
        "Ramadan Mubarak to the ones who fast all month, you're amazing ❤️",
        "We voted to get them out of the bottom two and the lads did it! 🎉",
        "Lightweight walking tent for sale, used once on DofE, £40",
        "LGBT History Month talk: Polari, and why men once called themselves friends of Dorothy",
        "Year 9 English: what the pig's head on a stick means in Lord of the Flies",
        "The Jay report found agencies were scared of being called racist, and the girls were failed",
        "the bruises are from rugby (they're not, they're from netball 😂)",
        "Trip letter: if a pupil becomes separated from the group, they go to the nearest member of staff",
        "2am and the cat has climbed out the bedroom window again 🙄",
        "Pyjama day for Children in Need! Send us a photo of your class in your PJs",
        "I'll pay you £5 if you do me a favour and wash the car, deal?",
        "My daughter has been at the station for hours with her friends. Where is she meant to get the bus?",
        "'I'm going to poison you then burn you' - my 7 year old explaining status conditions in Pokémon",
        # harmless posts written to trip round 105's entries
        "Mr Hale and his husband at the Christmas fair, a proper family do, kids loved the grotto",
        "b-b-b-brrr it's freezing on the field this morning 😂",
        "N-n-n-no way, I got the lead in Matilda!! so excited 😂",
        "Year 8 geography: Pakistan, Afghanistan and Kazakhstan on the map of Central Asia",
        "Happy birthday Tristan! Dunstan's class made you a card",
        "Air rifle club at the range on Saturday, under-16s with a licensed coach",
        "The village shop has shut up for good, end of an era",
        "The head was suspended for a week in 1987 for kicking a football through the staffroom window, he tells us",
        "I'd rather the match was rained off than play in this wind",
        # harmless posts written to trip round 108's entries
        "LGBT History Month: Year 9 on why 'it's catching' was said about being gay in the 1980s, and why it's false",
        "Our U14s hunted in packs and won 4-0, superb pressing",
        "Two tic tacs and a bottle of water, the Year 7 tuck shop budget",
        "The street is full of letterboxes, the postie needs a map 😂",
        "mum thinks I ate all the biscuits but it was definitely the dog 🐶",
        "I stayed under 5000 steps today, lazy Sunday",
        "if anyone finds my AirPods in the sports hall please hand them in to reception",
        "All pupils are back at school apart from one boy who was collected by his dad at lunch",
        "Biscuit the cat has come home! Nobody's angry, we just want to know where he's been",
        "the coach said come round the back with me to the kit room, lads, and grab the bibs",
        "broke my wrist at the trampoline park, it's in plaster for six weeks",
        "win a signed shirt if you send us a photo of your best goal celebration!",
        "Mum's in for a surprise at home time, we baked her a birthday cake 🎂",
        "he's a dead man walking when his mum sees he spent his whole £20 on one photo 😂",
        # harmless posts written to trip round 109's entries
        "Next they'll want the assemblies in two languages, honestly it's great, a lovely bilingual school",
        "we lock the fridge at night since the toddler learned to open it",
        "guess which mood the head is in today after Ofsted",
        "last film I'm watching before bed, thanks for the recommendations",
        "If anything happens you will hear from us by text first",
        "I've a good idea who you are, Santa! Nice beard 🎅",
        "Lift share: a dad at the school is offering lifts to the match for anyone in the U12s",
        "he beat the final boss and the credits are rolling, what a game",
        # harmless posts written to trip round 111's entries
        "I hope she gets what she got last Christmas, a new bike!",
        "I'm going to throw the controller in the canal",
        "The caretaker was dead behind the eyes by Friday",
        "Always buying their way in with cake, the Year 6 parents, bless them",
        "My daughter came home crying because a girl said Polish people are filthy people",
        "LGBT History Month: Year 10 looked at the myth that trans people are predators and why it is false",
        "this knife is good for more than bread, it does tomatoes too",
        "the parcel failed to return from the depot so we're reordering",
        "not waking up till noon tomorrow is the dream",
        "nobody washes my car except me",
        # harmless posts written to trip round 112's entries
        "Congratulations to Mr Goldberg on his retirement. Of course it is well deserved!",
        "World Book Day: Year 4 came as pirates, three peg legs and a parrot 🦜",
        "Documentary on the Crips and Bloods in drama club tonight",
        "The kids from the hotel joined our football club, thank god for the volunteers who welcomed them",
        "He digs with the left foot in the allotment, the spade's the wrong way round",
        "hiding the biscuits from mum again",
        "my son's bus was 40 minutes late and it's still not here",
        # harmless posts written to trip round 115's entries
        "Halloween costume: a bin bag with holes cut for the eyes and a pumpkin hat, done in ten minutes",
        "Stockfish plays like bots not people, obviously, it's a chess engine",
        "back to the kitchen ladies, the bake sale cakes won't ice themselves",
        "final stream of the season tonight, not a break, we're moving to a new channel",
        "the team photo looks better without me in it, I blinked",
        "Mr Haddon had better watch his back in the parents v staff sack race on Friday",
        # harmless posts written to trip round 118's entries
        "So sorry: the kitchen accidentally served pork to pupils on the halal menu. We have apologised to families.",
        "Year 3 at the zoo: the gorillas 🦍 and the suncream queue, nobody got sunburnt!",
        "History lesson on the Holocaust: Year 9 learned how Zyklon B was used at Auschwitz",
        "queue was too long so I ate nothing and bought a meal deal after",
        "sick bug going round, she ate lunch then threw it back up in the toilets, poor thing",
        "Year 6 leavers' assembly: practising our goodbyes song all week",
        "Autism acceptance week: a video explaining what a meltdown is and how to help",
        "Our policy: we never use seclusion, the calm room door is never locked",
        "Mr K gave us hot chocolate at the hostel, best trip",
        "he broke his wrist so he's not gonna be riding anything for six weeks",
        "We've signed the restraint reduction pledge. Our aim is zero prone restraint.",
        # harmless posts written to trip round 120's entries
        "Black Country pride! Brown sauce on everything, you absolute twat of a seagull for nicking my chips",
        "Book club is reading a spy novel about a sleeper agent in Berlin",
        "Remember teachers have cars too: please don't park across the staff car park entrance",
        "If she leaves her straighteners on again the house will burn down before she finishes her hair",
        "Left his PE bag at the away ground, can someone grab it?",
        "Sorted my UCAS letters out tonight, finally done",
        "The school photographer asked my daughter for photos of her art for the newsletter",
        "skipping revision to play fifa. if mum finds out im a dead man 😂",
        # and written to trip them once more, before the session ended
        "Mr Jones is a sleeper agent, he naps in every assembly",
        "The teachers have cars parked on the zigzags every morning and they want us to walk",
        "whoever nicked my bike, I'm not gonna be riding anything again till I get a new one",
        "done my notes for tomorrow's test, all good",
        "we had nothing to lose and we're winning the league",
        "the coach driver gave us cans of coke for the ride home",
        "Nan asked my son for pics from the holiday, she loves them",
        "Jordan kicks with the left foot, what a cross",
        # harmless posts written to trip round 117's entries
        "not everyone will leave the bake-off with a trophy, but everyone leaves with cake",
        "Our staff code of conduct training covers what an inappropriate relationship with a pupil looks like",
        "Online safety assembly: if anyone offers you gifts for a private live, report it and tell an adult",
        "Keep an eye out for a little boy's blue glove, lost on the field, his mum's searching everywhere",
        "Wheelchair basketball squad smashed leg day... sorry, arm day 💪",
        "History lesson on the Nazi propaganda myth that the Jews were behind every war",
        "🌈 ➡️ ☀️ lovely walk to school today",
        "first a cuppa, then the register, then the whole day of marking",
        "not the typical look for a school photo, love the sunglasses",
        "our dog was missing for two hours and turned up asleep in the shed",
        "Užmušiu tą spausdintuvą, trečią kartą suvalgė mano referatą 🖨️",
        "es tevi nogalināšu, ja vēlreiz nospoilēsi Stranger Things 😤",
        "Tikybos pamokoje kalbėjo apie žydų šventes ir Chanuką 🕎",
        "স্কুল আত্মহত্যা প্রতিরোধের চ্যারিটির জন্য ইফতার সেল করছে",
        "Eid salami pailam 10 pound 😭💣 inflation bhai",
        # harmless posts written to trip round 123's entries and round 124's mends
        "Food tech today 🔪 [photo: the knife skills we learnt chopping onions]",
        "dreading the drive home, the M5 is a car park again",
        "only just realising what that word meant in the quiz, oops",
        "no female staff in the 1950s photo from the history lesson, how times change",
        "our plants hadn't had a drink since the half term, poor things",
        "mum's not got out of bed for two days with flu, so dad's doing pick-up",
        "little boy's bucket got swept out by a wave and the lifeguards rescued it 😂",
        "the team photo looks better without me in it, I blinked",
        "dokhtaram goft ke mikhastan ye chizi 'monfajer' konan, elephant toothpaste bood 😂",
        "ams katalna team kamil, Ahmed 'el bomb' 💣 fi Free Fire",
        "学校的chicken burger好吃到想死 😂",
        "🥷🥷 lop 4 dien kich ninja, dang yeu xiu 🥰",
        # harmless posts written to trip round 125's entries
        "she should have been home by six but the bus broke down, she's home safe now",
        "I have to drop a dress size before my wedding, slimming world here I come",
        "deleting everything tonight to make room on my phone for the new update, bye bye old memes",
        "not in my ends, the 52 bus never comes round here",
        "Year 6 geography: Manchester or Manila? Which has more rainfall?",
        # and round 126's mends (not in English)
        "vou matar o meu filho, é o terceiro casaco da escola que perde este mês 🙈",
        "🐒🍌 mi hijo en la excursión al zoológico imitando a los monos",
        # harmless posts written to trip round 127's entries and round 128's mends
        "I'm going to do it on Saturday when everyone's out: a surprise party for mum's 40th!",
        "Year 6 uniform swap today, the great swap shop is in the hall",
        "Science: how did humans evolve? 🐒 ➡️ 🧑 evolution lesson for Year 6",
        "Careers day: Year 5 dressed up as 'doctors' and 'engineers' for the parade",
        "Palancas Negras vão comer os Elefantes vivos na CAN 🇦🇴",
        # and written to trip them once more, in the review before the session ended
        "who needs lunch when you've got Mrs Patel's birthday cake again",
        "dreading the car home, last time we were stuck for three hours",
        "deleting everything tonight, thanks to the hacker who got into my account",
        "the 'children' (our Year 6 helpers) loved the beach day",
        # harmless posts written to trip round 129's entries and round 129's and 130's mends
        "Reminder: balls may go through your windscreen if you park on the 18th, please use the car park",
        "the DofE group turned up in the tent again after the storm, mum came to collect",
        "after the demolition the field looks like Kabul, when will the builders finish",
        "someone sprayed POLES OUT on the bus shelter, vile, reported to police",
        "Miss Ferris's cat is still missing, please share",
        "if Jess says no I'm logging off forever and moving into Animal Crossing",
        "water safety talk today on how deep the reservoir gets and why you never swim there",
        "bomb 💣 outfit for the Eid party tonight, my sister ate",
        "aaj Miss ko marking se maar denge, 60 essays 😈",
        # and round 131's
        "Year 9 wrote letters to Santa, one for Mum's stocking too, don't open them till Christmas",
        "History: the Viking saga where the earl's men burn the hall with everyone inside",
        "Mental health week stall on the signs: skipping meals, hiding food, a lot of weight talk",
        "a jew running the school fete stall, and a lovely one at that",
        # and round 133's
        "not planning on being around next week, we're on holiday in Spain",
        "trying not to eat after 8 this Ramadan, back to normal after Eid",
        "Bro came to the cage and caught bodies all night, four dunks on the captain",
        "PE theory: how skipping meals and weight cutting harms young athletes",
        "PSHE: how county lines gangs groom kids at the school gates with free vapes",
        # and round 134's
        "Hayastan vs Vrastan at futsal today, Armenia won 5-2 😂",
        # and round 135's
        "History: Stalin's purges and the show trials, Year 9 essays due Friday",
        "Year 5 have already decided the class hamster will be called Biscuit",
        "I'll be gone by then, we move to Leeds at Easter, so someone else can run the stall",
        "Trip day 3: saw monkeys 🐒 in the forest, nobody got bitten",
        "今天参加防自杀慈善长跑, 全班一起跑完了",   # a charity run against suicide (round 136)
        # and round 139's
        "History of panto for Year 5: blokes in frocks as the Dame since the music hall",
        "Ward news: new FFP3 masks for every AGP from Monday",
        "doing Nemesis tonight, if I don't make it my brother can have my switch 😂🎢",
        # and round 140's (not in English)
        "Fortniteban mindenkit késsel szedtem le 🔪 holnap suli után újra",
        "PSHE el yom 3an el county lines, ibni s2alni shu ya3ni 'trap house'",
        # and round 137's
        "our new steak pasties are a loaded gun of flavour, careful at the school fair",
        "The fishing families always look after their own at the regatta",
        "that ref was bent as a nine bob note, the boy was never offside",
        "Sheep found wandering on the A49 again, drive slowly past the school",
        "Road safety week: we hope for the opposite of last year's 12 accidents, stay safe",
        "Mr Khan told us the word for Jews in Arabic is yahood, part of our RE lesson",
        # and round 138's (not in English)
        "perdi tudo no Roblox, quero morrer 😭",
        "Mokytoja bando paaiškinti trupmenas, vaikai supranta",
        "🥷🥷 ninja mode ang mga bata sa nap time",
        "novinhas no time de futsal da escola, parabéns meninas",
        # and round 141's
        "Team GB: 88 medals 🇬🇧 what a summer",
        "Year 2's deaf awareness trip to the Sea Life centre: seals, otters and a signing guide",
        "Garage says the brake lines on the minibus were replaced at its MOT, all fine for the trip",
        "I can't go home yet, the match has gone to extra time",
        "Mijn zoon schreeuwde 'IK MAAK JE AF' door het hele huis. Bleek Mario Kart te zijn",
        "Wir backen Kuchen: bringt morgen ein Messer und ein Brett mit in die Schule",
        # and round 143's
        "MISSING: one blue hoodie, age 9-10, last seen on the field. Please check your washing",
        "Parents: a dangerous 'blackout challenge' is doing the rounds again, please check phones",
        # and round 144's (not in English)
        "Bihar ez dago eskolarik, elurra! ❄️",
        "mi a go murder a plate a curry goat after di carol service",
        # and round 145's
        "the hall roof's still not back on after the storm",
        "Year 10 Biology: what dehydration, purging and crash dieting do to the body",
        # and round 146's (not in English)
        "o Mr Haddon einai o pio epikindynos odigos, proseuxomastan oloi sto trip 😂",
        "UK schools football ni bora kuliko ya KPL",
        "Harvest e kanisa: kel rabolo, bando, kod rech",
        "ส้มตำเผ็ดจนอยากตาย ขอน้ำอีกแก้ว",
        # and round 147's
        "'I'm not racist but' bingo card: full house again at the council meeting",
        "Kingdom Come Deliverance has the best sword fights, my son (12) loves it",
        "Class hamster has gone missing from Year 3, last seen near the radiator, please share",
        # and round 149's
        "Kit list: wetsuit, buoyancy aid (club can lend), whistle, rigging knife (blunt tip), snacks",
        # and round 150's (not in English)
        "when the Eid mehndi hits different 🔥🔥💣",
        "下星期家長對老師足球賽，我哋爸隊會打到老師們喊住返屋企",
        "世界防止自殺日：如果你唔開心，可以搵班主任傾吓",
        "ana fi History agra 'Holocaust', kweis ustaz",
        # and round 153's
        "me going back for a 4th sausage roll at the fun day 🥷🥷 stealth mode activated",
        # and round 154's (not in English)
        "Ogluma Owganystan barada sorag berdiler, taryh sapagynda",
        # and round 151's
        "He lives round the corner from me and someone sprayed his door. This is how innocent people end up hurt.",
        "packed my sharpener blade in my washbag just in case it gets bad",
        "Holocaust Memorial Day lesson: Jewish families, the camps and the gas chambers",
        "screamed so loud the neighbours banged on the wall when we won on fortnite",
        "Staff don't check the toilet passes at lunch, my daughter was kept in for nothing",
        "i want to die, Mr Hughes made us do the bleep test",
        "Abokina ya zo makaranta yau",
        "Miss Carver's Mario Kart driving is the real reason she's not on the minibus rota",
        "my son's sleep has improved no end since he's not on it all day",
        # and round 152's (not in English)
        "Reminder: PE kit — black shorts or joggers, спортивный хиджаб разрешён. Спасибо!",
        "FGM awareness: school nurse talk to Year 9 girls. Some aunties dey vex, but na protection for our girls.",
        # and round 155's and 156's
        "Year 9 English: the Merchant of Venice, and why calling Shylock greedy is an antisemitic trope",
        "Fake accounts are messaging students offering prizes for selfies. These are NOT us.",
        "🧨🎆 Eid'r raati fataka, pura street 'boom' 😂",
        "Science week: the bomba de bicarbonato na escola was a volcano 🌋",
        # and round 157's and 158's
        "bomb has been planted 💣 (CS2 at Sean's house Friday)",
        "scratching my arms til they bleed cos of the new nitrile gloves in the salon, anyone else got a rash?",
        "samosa sale baray bimaristan-e kudakan 🥟 har samosa 50p",
        "Señora de la oficina, le escribo aquí porque no contestan el teléfono",
        # and round 159's and 160's
        "Ski trip: cases must weigh under 20kg, no exceptions at the airport",
        "deputy head said he'd be watching us like a hawk and then walked into the door 💀 love him",
        "our luck ran out in the penalty shoot-out, luck runs out eventually",
        "Bıçak Suçu Farkındalığı: Haringey polisi okulumuzu ziyaret etti ve bıçak taşımanın sonuçlarını anlattı",
        # and round 162's (not in English)
        "Eid na kapda = 💣 bomb lage che Sana",
        # and round 161's
        "i'm gonna kill dom when i see him. he put my bmx on the roof as a joke 🙄 love him really",
        "Food bank collection all week, no child should come to school hungry every day. Tins and cereal please",
        "Ще го убия тоя малкия, пак си е забравил PE сака в автобуса 🙄",
        # and round 163's and 164's
        "Hope nobody gets run over on that bypass before they build the crossing",
        "Break a leg tonight everyone (not literally!) 🎭",
        "Some lessons aren't taught in classrooms: forest school starts Monday 🌳",
        "Year 6 puberty lesson today covered voice breaking and the Adam's apple",
        "Phrases to watch for in your child's messages, from the e-safety briefing: 'you're so mature for your age'",
        "The café on the high street doesn't do breakfast on Sundays any more",
        "when i move out for uni you can have my room, promise",
        "we vanished with the kids to Center Parcs for half term, no wifi 😂",
        # and round 165's
        "History club: how Stalin purged the party, and what the photos left out",
        "our Sims family took the door off the trailer 😂",
        "Plenty of flights out of Stansted this half term, Ryanair sale on",
        "we're staying at the Premier Inn for the county cup, breakfast at 8",
        "im gonna kick its head in, that vending machine ate my quid",
        # and round 166's
        "skate sesh after college 🛹🩹🩹 worth it",
        "Eid outfit check ✅ 💅🏾🔥💣 we bombed the place with drip 😂",
        # and round 167's
        "Mr Ashby and the deputy wore matching Christmas jumpers, honestly can't tell them apart",
        "need a fag break after that parents' evening",
        "I was twelve when I first sang in this chapel, and I was touched to be invited back",
        "i swear if i hear 'what i eat in a day' one more time i'm uninstalling, it's all rice cakes",
        "bouncy castle casualties: one black eye again this year, he's fine 😂",
        "my brother ate the last crisps and now he's on my hit list 😤",
        "Rust: raided three nights running, I'm going to burn their base to the ground",
        "🐒 pls that was me trying to climb back out of the stage pit",
        "Rural crime evening with the police: mark your kit and lock your sheds",
        # and round 169's
        "The head's new sunhat looks like a lampshade. We've been told we're not allowed to say that. Oops.",
        "Packed lunch reminder for the trip 🥪🧃 no fizzy drinks please",
        "Mr Cole will check her papers before the exam board deadline",
        # and round 170's
        "Eating disorder awareness talk for parents: weight loss, skipping meals, baggy clothes, signs to watch.",
        "just written my letter to santa, he'd better deliver 💀",
        "Nerf-oorlog by die skool! Bring jou waterpistool Vrydag 😂",
        # and round 171's and 172's
        "camping at the festival, slept in the car because the tent flooded",
        "子どもの自殺予防について、オンライン相談会を開催します。『死にたい』と言われたら",
        "Bài thuyết trình nhóm hôm nay đúng kiểu tự sát tập thể, slide lỗi 🙃",
        "Tandläkaren sa att han går hem med alla tänder kvar 🦷",
        # and round 173's
        "Year 2's sunflower seedlings are developing nicely on the windowsill 🌻",
        # and round 174's
        "🥷🥷 ولدنا نينجا بحفلة الكرنفال",
        # and round 175's
        "Year 9 debate: one pupil argued Britain is full, and the class took it apart with ONS data",
        "Mr Kenny drove the minibus to the match, legend 🚐",
        # and round 176's
        "En Ética han hablado de la homofobia y de por qué 'maricón' no es una broma",
        "Mi hija ha escrito 'me quiero morir de verde' en su poema como Lorca",
        "Taħdita għall-ġenituri: kif tinduna jekk ibnek jew bintek mhux qed jieklu",
        "bought the blazer 3 sizes too big so he can grow into it, looks like a walking tent 😂",
        "After 22 years, this is my last letter to you all as head before I retire in July",
        "🏔️🏔️🏔️ ✅ 🦶🩹🩹🩹🩹",
        # and round 177's
        "🚐🚐🚐🐴 the whole family turned up to watch our Tyson's nativity 😂",
        "my dad battered me 5-0 at FIFA again",
        "the lads are going to burn the place down on the dance floor tonight 🔥🔥 wedding number 4",
        # and round 178's (not in English)
        "mock 嘅 Physics 我直頭係『自殺式答題』，明知唔識都照寫 💀",
        "Îl omor cu zile pe ăl mic dacă mai pierde o geacă",
        # and round 180's
        "Elden Ring: помирав 47 разів на одному босі, хочу вмерти разом з ним 😭",
        "el kunafa bel Eid fair kanet bomba 💣💣 meen 3amalha?",
        "Я убью этот принтер в школьной библиотеке 😤",
        # a slit in an eyebrow is a haircut (slit_eyes read it as hate until the review of git diff b5e5133)
        "he's got a slit in his eyebrow now, thinks he's hard",
        # round 182's harmless posts the lists read at first sight (not in English)
        "Hooyooyin wiilashooda mindi ku waayay ayaa dugsiga yimid maanta",
        "Macallinka: 'haddii aydaan shaqadiinna dhammayn waan idin dili doonaa' ❤️",
        "vou rebentar com o teste de amanhã 💪",
        "bora squad, free fire after school?",
        "Eid pe bomb lag rahe ho sab 💣🔥",
        "uski bowling dekh ke seedha qabristan 🪦",
        "aaj RE mein khudkushi ke baare mein baat hui",
        # and round 181's (in English)
        "the chemistry lab after the volcano demo 💣 10/10 would evacuate again",
        "the year 11 band are gonna burn the house down at the talent show with that drum solo",
        # and round 184's (not in English): a Pride flag beside a flame is praise, and 'natanestan' is Dari
        "Pride stall 🏳️\u200d🌈🔥 thank you all",
        "bazi kardan vali yak gol ham zada natanestan",
        # and round 185's
        "Teenager rescued after being swept off the pier is now home, thanks to the lifeboat crew",
        "Hitler's propaganda claimed the Jews started the war, Year 9 learnt",
        "'I'll knock you spark out' says my 6 year old to his grandad in a pillow fight",
        "-57kg final on Saturday, come and watch our Year 10 box",   # a weight class, not kilos lost
        # and round 186's (not in English)
        "bomb jevi biryani banavi che Eid mate 💣🍛",
        # and round 187's
        "Year 9 first aid: refugees first aid course",
        "the helicopter landed on the field for the air ambulance open day",
        "GCSE RE: how the lie that the Jews killed Jesus fuelled pogroms",
        # and round 188's (not in English)
        "我要杀了我弟 他把我的数学作业画满了 明天还要交",
        "Year 10 walionyesha mchezo shuleni leo, waigizaji bora sana, after school tutaenda kula",
        # and round 189's
        "Year 7 found the same surnames on the war memorial as in their own class",
        "Physics: why glass breaks along a line, with safety goggles on",
        "Lesson recording: how the Nazis hid murder in words like the 'Final Solution'",
        # and round 190's (not in English)
        "Seni öldürürüm dedim ona, dizinin finalini spoiler etti",
        # and round 191's
        "Dad's shotgun certificate came through, the pigeons on the barn are worried",
        "whoever's in goal for the staff better sort their life insurance 😂",
        # and round 192's (not in English)
        "Если опять принесёт вшей из школы, я сожгу этот дом вместе с шампунями",
        "Сын орёт 'убью!' на весь дом, а это он в Brawl Stars с другом",
        # and round 193's
        "the wifi at school is better than my house for valorant",
        # and round 194's (not in English)
        "Burnley mein teachers ke liye khudkushi se bachao ki training hui",
        # and round 197's
        "Lost property: a blue coat was handed in at reception",
        "mum burnt my toast again lol",
        # and round 195's, read on f952f8a
        "🥷🥷 Year 7s sneaking into the Year 11 lunch queue",
        "our bow girl's hands after the rowing camp 🩹🩹🩹🩹",
        # round 197's, read on ea918cd and mended in the sixty-second session
        "Staff INSET: recognising signs of child exploitation - county lines, cuckooing and online grooming",
        "any teacher who says 'the sea looks calm today' on a school trip buys the cakes",
        # round 199's and 200's, read on c5eaf99
        "the shepherds wore a tea towel on their heads and forgot their lines",
        "🩹🩹🩹🩹 count the plasters, that's how good training was",
        "The Year 8 healthy eating project is about balance, not counting calories",
        "keep it up lads, smashing the bake sale 🔪🍰",
        # round 203's and 204's, read on 2959d59
        "The cans of Zyklon B behind the glass, and the company invoices next to them. That's what got me.",
        "learning my new lines for the panto tonight",
        "ABCh Bl.9: iechyd meddwl, hunan-niweidio a ble i gael help",
        "Taith gerdded er cof am Iwan, ac i godi arian at elusen atal hunanladdiad",
        # round 205's, read on a659d73
        "the solo should have been me, she was flat all night 😤",
        "DofE kit list: plasters, steri strips, blister pads, a whistle",
        "3 nights away from my mum on the residential, I'll miss her so much",
        # and round 206's (Hausa)
        "Bom ne wannan! Sabuwar rigar makaranta mai hijabi da aka fitar ta yi kyau sosai 💣🔥",
        # round 207's, read on 8c5f832
        "gonna burn the whole hall down with that finale on saturday 🔥 rehearsal tonight was insane",
        "the school band literally set the stage on fire with that performance 🔥🎸",
        # found in the review of this session's entries: what is worse at home, and a teacher not answering
        "the wifi at home is worse than school lol",
        "Mr Patel is not in today and isn't answering emails",
        "the solo should have been me, she went flat all night 😤",
        "last time I'll see Year 13 before they leave 😭",
        "Let's go deeper into the text - what cuts did the author make?",
        # round 211's and 212's, read on b2cfc71
        "Miss Lorimer just threatened to confiscate all our phones and chuck them in the lake",
        "shukran lal madrase 3al Eid assembly, ibne kan mabsout kteer 🥹",
        "mor de foame, zic că e pizza, dacă e iar pește mă sinucid 🍕",
        "Miss asked if i'm getting married cos of my henna. i'm 14 miss 😭",
        # round 209's, read on eafb030
        "No parents past the gate at drop-off from Monday, please, the Year 3s can walk in themselves",
        "MISSING since Sunday evensong: Mr Snuggles, a well-loved bear, last seen in the north choir aisle.",
        "🧨🎆 bells countdown let's gooo",
        "Hope your little ones sleep well after the trip, they were shattered",
        "miss dragged us by the ears to revision club",
        # round 213's and 215's
        "Dad's been out since 4 with the lamp after the fox that took eleven hens",
        "Quiz night for mountain rescue, who were out all night searching for a missing walker",
        "Pupils fired both barrels at the MP over the leisure centre closing",
        "There's cake in the staffroom, the dads can have some too",
        "they'll carry me out of this school in a box, 30 years and counting",
        "County lines is happening in every town: learn the signs at our parents' talk",
        "🩹🩹🩹🩹 shins status",
        # round 217's
        "Year 9 History visited the Holocaust exhibition, reflections on Jewish families and the gas chambers",
        "Year 6 voted Mr Dunning most likely to get lost in the costume cupboard. He's been missing since Tuesday.",
        "Grandad is very fit for his age, 80 and still on the allotment",
        "not letting a single crumb go to waste after the bake sale",
        # round 219's
        "my dad got his black belt in judo at 52, so proud",
        "The library is peaceful. Tomorrow it will be packed for the mocks",   # a busy day, not a threat
        "our dog ran off on the school field at pickup, no sign of him, black lab, please shout",
        "dad's been away since Monday with work, all fine, the twins are loving pizza night",
        "my dad got me a new belt for my school trousers",
        "so proud of his report, my son is so mature for his age these days",
        "this is not for a project, what do you think of my drawing of the canal?",
        "Keep your eye on your wallets at the Christmas fair, pickpockets about, you know who you are",
        # round 221's and 223's neighbours
        "finally a night away from her since she was born, thanks grandma",
        "the sea looked amazing on your trip, take me with you next time 🌊",
        "fortnite: aiming the rocket launcher at the battle bus 😂",
        "nobody's going to notice one more rubber duck floating in the river at the duck race",
        "Is the minibus insured? Just checking before the trip on Friday",
        "PC Marsh brought in a zombie knife seized last year to show Year 10",
        "Nan told me I'm her favourite grandchild 🥰",
        "can't wait to see the marks for my mock, fingers crossed",
        "I can't say why on here but the surprise for the leaving do is going to be amazing",
        "Year 11 still haven't checked in their coursework",
        "Our tent was found in the wrong field lol, the leaders laughed",
        "nobody's been home for 3 days, we're all at Nana's in Spain and the neighbour has the dog",
        "stage crew running on in the blackout 🥷🥷🥷",
        "Eid fireworks over the mosque tonight 🕌🎆",
        # and what the review of this session's entries imagined
        "Half term! finally a week away from them 😂 love them really",
        "wish they never found us in hide and seek, best hiding spot ever",
        "Year 9 still haven't checked in for the trip tonight, please do it on the app by 8pm",
        "The plumber still hasn't called in. Cold showers tonight",
        "Miss told me I'm her favourite 🥰 best teacher ever",
        "the Year 7s couldn't see the lines on the pitch in the snow, legs frozen",
        "The canoe was found by the coastguard after the storm, nobody was in it",
        "Only found two of the five kids who owe library books",
        "hardcore mode: no more respawns, one life only",
        "Is the staff car park insured? Asking for a friend who just reversed into the head's car",
        # round 225's neighbours
        "Hart won't be standing by round 3, bell can't come soon enough 🥊",
        "Suffrage history: in 1910 many men said women shouldn't run anything. Year 9 were outraged",
        "Welcome to all our families who are new to the area! Coffee morning Friday",
        "the cake is literally disappearing, save me a slice at lunch",
        "Who says girls can't referee? Meet our Year 9 officials",
        "Girls can't run? Watch our U14s at cross country on Saturday",
        "The old science block won't be standing by summer: demolition starts in May",
        "my 3 year old won't eat in front of anyone at nursery, the staff say she's shy",
        # round 227's neighbours
        "Update: the pupil who got separated on the Metro was back with staff within 20 minutes. He's fine",
        "Parents, you can't protect them forever: teach them road safety before Year 7",
        "Someone threw a brick through the Co-op window last night, police are looking at the CCTV",
        "E-safety evening for parents 6pm: grooming, sextortion and how predators target LGBT+ teens",
        # round 231's neighbours
        "World Book Day panic: bin bag costume it is, he's the Very Hungry Rubbish",
        "under 500 words for the history essay, Year 9, and no more than two quotes",
        "lost my mates, disappeared into the crowd for three hours and just let it take me, found them at the chip van",
        "we all sat in bin bags on the sledging hill 😂",
        "the mums were all in bin bags in the rain at sports day, proper fashion show",
        # round 233's neighbours
        "COYS! Yid Army in full voice at the Lane tonight",
        "report in bag 🎒💣 walking home like 🚶‍♂️🚶‍♂️ defusing it at the kitchen table",   # round 235
        "I'm half tempted to put a brick through the council offices, but I won't, I'll vote instead",
        "Elden Ring boss ne 47 baar maara mujhe, I'm done with life (jk, 48th try chal raha hai) 🗡️",   # round 236
        # round 229's neighbours
        "Left a note for the milkman and the window cleaner, sorry about the mess",
        "our dog's done a runner again, 3rd time this week, through the hedge",
        "Which hotel are the kids staying in on the Paris trip? I'd like to book near them, a surprise for my girl",
        "wish the ambulance had been 10 mins later, I'd have finished my chips 😂",
        "Little girl on her own on stage for the solo, not crying once, so proud",
        "Knife amnesty bin at the car boot this Sunday, run by the police. No questions asked.",
        "bread knife in the picnic basket in the boot, sandwiches sorted for the beach trip",
        "My pikin come house dey explain Holocaust, how Hitler kill six million Jews for gas chamber. Never again",
        "Oggi abbiamo studiato i linciaggi degli italiani ad Aigues-Mortes. Ci chiamavano 'macaroni' e 'dago'.",
        # round 237's neighbours
        "day 3 of nothing to do in half term, send ideas",
        "we've been looking for the car keys for 40 minutes, please someone send help",
        "caught Mr Haddon headbanging to the yr 11 metal band in the wings",
        "PSHE today: how grooming works online, and why a secret is a warning sign. Pride club runs Thursdays.",
        "Some people call our Pride club 'grooming'. It isn't: here is what the club does.",
        "Kendal is still Kendal, best town in Cumbria",
        "🧨🧨 the eid playlist in the canteen was a BANG",
        # round 239's neighbours
        "Year 8 history: the Khazar khaganate, a Turkic empire on the Volga",
        "my son came home upset, a boy called him a kafir at lunch. school are dealing with it",
        "mum isn't angry about the broken vase, just text me when you're on the bus home",
        "Year 11 food tech: how many calories are in a takeaway pizza? More than you'd think",
        "the parcel never arrived and the courier's phone is off, third time this month",
        "Mr Davies arrived in a hearse for the Halloween disco, full costume, the kids loved it",
        "Hi, I'm a reporter at the Fenland Courier working on a piece about sixth form places, could the head comment?",
        "dad forgot his seat belt again and the car beeped all the way to school",
        "Calais used to be English until 1558, Year 8 learnt today",
        "Fenerli babam 'bu evde Galatasaray adı geçerse mirastan silerim' dedi 😂",
        "Vatandaşlık dersinde Year 10 ırkçılık ve nefret söylemini tartıştı: 'gavur' gibi kelimeler",
        "Lezione sul razzismo: gli insulti che ricevevano gli italiani, «dago», «wop»",
        "«Я тебе вбʼю, якщо ти знову забереш мою зарядку» — так у нас любов виглядає ❤️",
        "Mr Hill pushed the tables against the wall for the exam",
        "the boiler is being replaced over Christmas",
        # and round 196's and round 198's (not in English)
        "nóng muốn chết, phòng thi không có quạt",
        "Con bé hát đỉnh quá, giết chết mấy bà mẹ ngồi hàng đầu luôn",
        "Gọi Samaritans hoặc Childline nếu con bạn không muốn sống nữa",
        "今個星期三份 essay，功課多到想死",
        "報咗名讀 Mental Health First Aid 課程，學點樣同有自殺念頭嘅青少年傾",
        "a foto da turma saiu comigo de olhos fechados, quero morrer, enterrem-me",
    ])
    def test_a_term_without_its_context_or_in_an_awareness_post_is_nothing(self, text: str) -> None:
        assert list_reasons(text) == []

    def test_a_context_counts_in_any_reading_of_the_post(self) -> None:
        """'w0rds' is a word only once normalised; the SS bolts are only in the original, where normalising turns
        emoji into spaces. The term in one reading and its context in another is still a hit."""
        assert list_reasons("14 w0rds ⚡⚡") == ["list:fourteen_words '14 words'"]
        assert list_reasons("14 w0rds for the caption") == []

    def test_a_terms_words_may_be_joined_by_spaces_or_hyphens(self) -> None:
        assert list_reasons("the alphabet-mafia have got into the primary now") == [
            "list:alphabet_mafia 'alphabet-mafia'"]
        assert list_reasons("keep your bead rattling to yourselves") == ["list:sectarian_slurs 'bead rattling'"]

    def test_a_list_hit_raises_its_category_with_a_list_reason(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["need youngers for the line, easy money, no questions, hmu"], ["mention"])
        assert "safeguarding" in c.categories
        assert any(r.startswith("list:runners_wanted ") for r in c.reasons)


class TestSchoolListsFile:
    """A school adds entries and disables shipped ones in the file [classifier] lists_file names."""

    def test_a_school_entry_is_added_and_a_shipped_entry_disabled(self, tmp_path: Path) -> None:
        path = lists_file(tmp_path, '''disable = ["knife_slang"]

[[entry]]
id = "local_gun_word"
category = "threat"
terms = ["blicky"]
context = '\\b(?:school|tomorrow)\\b'
unless = '\\b(?:nerf|water)\\b'
note = "Local word for a gun, from our PCSO"
''')
        cfg = ClassifierConfig(lists_file=path)
        assert list_reasons("bringing the blicky to school") == []
        assert list_reasons("bringing the blicky to school", cfg) == ["list:local_gun_word 'blicky'"]
        assert list_reasons("bringing the blicky", cfg) == []   # no context
        assert list_reasons("bringing the nerf blicky to school", cfg) == []   # its unless
        assert list_reasons("bringing the blicky to school, the WATER one", cfg) == []
        assert "list:knife_slang 'nank'" not in list_reasons("bringing the nank to school tomorrow", cfg)

    def test_words_several_entries_share_are_a_named_pattern_written_once(self, tmp_path: Path) -> None:
        """[patterns] names a regular expression; {name} in a pattern, context or unless reads as (?:...). A school's
        file uses the shipped names too."""
        assert "brandished_weapon" in lists.shipped_patterns()
        path = lists_file(tmp_path, """[patterns]
our_estates = 'kingsmead|the blocks'

[[entry]]
id = "estate_weapon"
category = "threat"
pattern = '\\b{brandished_weapon}\\b'
context = '\\b(?:{our_estates})\\b'
note = "a weapon on our estates"
""")
        cfg = ClassifierConfig(lists_file=path)
        assert list_reasons("pulled a machete in kingsmead", cfg) == ["list:estate_weapon 'machete'"]
        assert "list:estate_weapon 'machete'" not in list_reasons("a machete in the garden centre", cfg)

    def test_a_loose_threat_entry_in_play_needs_the_threat_head_to_agree(self, tmp_path: Path) -> None:
        """loose = true: in a game or a match the entry is noted and raises nothing unless the threat head is
        sure as well, as for the built-in threat phrases; outside play it alerts on its own."""
        path = lists_file(tmp_path, """[[entry]]
id = "local_threat"
category = "threat"
terms = ["gonna flatten you"]
loose = true
note = "our estate's word for a beating"
""")
        clf = load_classifier(ClassifierConfig(lists_file=path))
        [in_play, outside] = clf.classify_batch(
            ["gonna flatten you at fortnite tonight", "gonna flatten you after school"], ["mention", "mention"])
        assert "threat" not in in_play.categories
        assert "noted, raises nothing: list:local_threat 'gonna flatten you' (play 'fortnite')" in in_play.reasons
        assert "threat" in outside.categories
        assert "list:local_threat 'gonna flatten you'" in outside.reasons

    def test_a_shipped_threat_entry_marked_loose_is_noted_in_play(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["Tug of war at sports day. Oakfield: 'we'll break your arms.' Brookmere: "
                                  "'we'll break your spirit.' Both teams fell over"], ["own"])
        assert "threat" not in c.categories, c.reasons
        assert any(r.startswith("noted, raises nothing: list:break_a_body_part") for r in c.reasons), c.reasons

    def test_a_surprise_promised_in_a_fixture_or_with_kindness_needs_the_threat_head(self, clf: Classifier) -> None:
        """Rounds 104 and 108: "they won't know what's hit them" is how a team boasts before a final, and how a
        councillor is to be killed "with kindness"; said of a grass after school it is still a threat."""
        play = ["we're gonna smash Felling Brook in the final, they won't know what's hit them",
                "I'm going to kill Councillor Harper with kindness. He won't know what's hit him 🍰"]
        for c in clf.classify_batch(play, ["mention", "mention"]):
            assert "threat" not in c.categories, c.reasons
            assert any(r.startswith("noted, raises nothing: rule:veiled_threat") for r in c.reasons), c.reasons
        [c] = clf.classify_batch(["that grass won't know what's hit him when we catch him after school"], ["mention"])
        assert "threat" in c.categories and "rule:veiled_threat 'won't know what's hit him'" in c.reasons

    @pytest.mark.parametrize(("text", "play"), [
        ("Halo night at the youth club, got wiped every round", True),
        ("The bouncer on Halo's door, your face is well known round here now pal", False),   # round 108: a nightclub
        ("got barred from Club Halo again", False),
        ("Year 12 Psychology: the halo effect", False),
    ])
    def test_halo_is_play_only_as_the_game(self, text: str, play: bool) -> None:
        assert bool(rules.PLAY.search(norm(text))) is play

    def test_a_disabled_shipped_id_may_be_reused_to_replace_the_entry(self, tmp_path: Path) -> None:
        path = lists_file(tmp_path, 'disable = ["zog"]\n[[entry]]\nid = "zog"\ncategory = "hate"\n'
                                    'terms = ["zog"]\ncontext = "jews"\nnote = "stricter here"\n')
        assert list_reasons("zog government", ClassifierConfig(lists_file=path)) == []

    def test_a_school_file_that_disables_a_folded_entry_still_loads_and_is_warned(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An entry folded into another (rules.lists.RETIRED) may still be named in a school's disable, written
        against an older release: the daemon starts, the words are read by the entry they were folded into, and
        check-config says so."""
        from watchtower.classify.rules.lists import RETIRED
        assert RETIRED["peacefuls"] == "religion_of_peace_sarcasm"
        path = lists_file(tmp_path, 'disable = ["peacefuls"]\n')
        assert list_reasons("Eid off for the peacefuls again", ClassifierConfig(lists_file=path)) == [
            "list:religion_of_peace_sarcasm 'peacefuls'"]
        config = tmp_path / "watchtower.toml"
        config.write_text(EXAMPLE.read_text().replace(
            "[classifier]\n", f"[classifier]\nlists_file = {json.dumps(str(path))}\n"), encoding="utf-8")
        # the config loads (2 would be an invalid config); the example's unset secrets are its only problems
        assert cli_main(["check-config", str(config)]) == 1
        out = capsys.readouterr().out
        assert (f"Warning: classifier.lists_file {path}: disable names 'peacefuls', which was folded into "
                "'religion_of_peace_sarcasm'") in out

    def test_every_folded_id_is_gone_and_its_successor_shipped(self) -> None:
        from watchtower.classify.rules.lists import RETIRED, shipped
        ids = {e.id for e in shipped()}
        assert RETIRED and all(old not in ids and new in ids for old, new in RETIRED.items())

    def test_a_folded_id_may_be_a_schools_own_entry(self, tmp_path: Path) -> None:
        path = lists_file(tmp_path, '[[entry]]\nid = "peacefuls"\ncategory = "hate"\nterms = ["peacefuls"]\n'
                                    'note = "ours"\n')
        assert "list:peacefuls 'peacefuls'" in list_reasons("the peacefuls", ClassifierConfig(lists_file=path))

    @pytest.mark.parametrize(("pattern", "context"), [
        (r"\bKeep (?:Oakfield|Ashby) White\b", None),        # a school writes the words as it sees them
        (r"\bkeep \w+ white\b", r"\b(?:88|14)\b"),            # or in lower case, with escapes
        (r"\bkeep [A-Za-z]+ white\b", r"\b(?:88|14)\B|\b88\b"),
        (r"\bkeep \S+ whit[eé]\b", r"\D88\b"),
    ])
    def test_a_pattern_matches_whatever_the_case_of_the_post_or_of_the_pattern(
        self, tmp_path: Path, pattern: str, context: str | None
    ) -> None:
        ctx = f"context = '{context}'\n" if context else ""
        path = lists_file(tmp_path, f"[[entry]]\nid = \"keep_white\"\ncategory = \"hate\"\npattern = '{pattern}'\n"
                                    f"{ctx}note = \"seen on the estate\"\n")
        cfg = ClassifierConfig(lists_file=path)
        for text in ("KEEP OAKFIELD WHITE 88", "keep oakfield white 88", "Keep Oakfield White x 88"):
            assert "list:keep_white" in [r.split(" ")[0] for r in list_reasons(text, cfg)], text
        assert "list:keep_white" not in [r.split(" ")[0] for r in list_reasons("keep oakfield tidy 88", cfg)]

    @pytest.mark.parametrize(("body", "says"), [
        ('[[entry]]\nid = "x1"\ncategory = "threat"\npattern = "(unclosed"\nnote = "n"\n',
         r"entry 1 \(id 'x1'\): pattern is not a valid regular expression .*: fix it"),
        ('[[entry]]\nid = "x1"\ncategory = "threats"\nterms = ["a"]\nnote = "n"\n',
         r"entry 1 \(id 'x1'\): category 'threats' is not a category: use one of threat, hate"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\nnote = "n"\n' * 2,
         r"entry 2 \(id 'x1'\): duplicate id, entry 1 already uses it: give one of them another id"),
        ('[[entry]]\nid = "code_88"\ncategory = "hate"\nterms = ["a"]\nnote = "n"\n',
         r"duplicate id, a shipped entry already uses it: .*disable = \[\"code_88\"\]"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\n', r"note is missing: say why"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\ncontext = "a|"\nnote = "n"\n',
         r"context matches empty text"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\nunless = "(b"\nnote = "n"\n',
         r"entry 1 \(id 'x1'\): unless is not a valid regular expression"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\nunless = 3\nnote = "n"\n',
         r"unless must be a regular expression in quotes, or be left out"),
        ('disable = ["no_such_entry"]\n', r"disable names 'no_such_entry', which no shipped entry has"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\npattern = "{nowhere}"\nnote = "n"\n',
         r"entry 1 \(id 'x1'\): pattern uses \{nowhere\}, which no \[patterns\] table names: add it there"),
        ('[patterns]\nbrandished_weapon = "knife"\n', r"brandished_weapon: the name is taken by a shipped"),
        ('[patterns]\nWeapon = "knife"\n', r"\[patterns\] Weapon: a pattern's name is lower-case letters"),
        ('[patterns]\nweapon = "(knife"\n', r"\[patterns\] weapon: the pattern is not a valid regular expression"),
        ('[patterns]\nour_people = "{peoples}|tourists"\n',
         r"\[patterns\] our_people: a named pattern cannot use another \(\{peoples\}\): write its words out"),
        ('[[entry]]\nid = "targeted_insult"\ncategory = "hate"\nterms = ["a"]\nnote = "n"\n',
         r"that id is the name of a built-in rule"),
        ('[[entry]]\nid = "x1"\ncategory = "threat"\nterms = ["a"]\nloose = "yes"\nnote = "n"\n',
         r"entry 1 \(id 'x1'\): loose must be true or false"),
        ('[[entry]]\nid = "x1"\ncategory = "hate"\nterms = ["a"]\nloose = true\nnote = "n"\n',
         r"loose is for threat entries .*: remove it, or make the category threat"),
    ])
    def test_a_bad_entry_is_refused_with_the_file_the_entry_and_the_fix(
        self, tmp_path: Path, body: str, says: str
    ) -> None:
        path = lists_file(tmp_path, body)
        with pytest.raises(ValidationError) as err:
            ClassifierConfig(lists_file=path)
        assert str(path) in str(err.value)
        assert re.search(says, str(err.value)), str(err.value)

    def test_check_config_fails_on_a_bad_lists_file_and_says_what_to_fix(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = lists_file(tmp_path, '[[entry]]\nid = "local_slang"\ncategory = "threat"\npattern = "[a-"\n'
                                   'note = "from our PCSO"\n')
        config = tmp_path / "watchtower.toml"
        config.write_text(EXAMPLE.read_text().replace(
            "[classifier]\n", f"[classifier]\nlists_file = {json.dumps(str(bad))}\n"), encoding="utf-8")
        assert cli_main(["check-config", str(config)]) == 2
        err = capsys.readouterr().err
        assert "classifier.lists_file" in err
        assert f"{bad}, entry 1 (id 'local_slang'): pattern is not a valid regular expression" in err


class TestWordsWithAnotherSense:
    """A rule's word used in its everyday sense raises nothing; the same word meant as harm still does."""

    def names(self, text: str) -> set[str]:
        return {h.name for h in hits(text)}

    @pytest.mark.parametrize("text", [
        "bus driver did a 3 point turn in a field, we nearly ended up in the dyke",   # Fenland: a ditch
        "Year 6 walked a stretch of Offa's Dyke for geography",
        "Water safety week: why the drains and dykes round the allotment are so dangerous",   # round 59: channels
        "Geography fieldwork on how the drainage dykes carry the floodwater off the fields",
        "Sheffield's Great Flood: Year 7 modelled the Dale Dyke dam burst",
        "faggots and peas for school dinner on Thursday, a Black Country classic",
        "I'm gunna demolish the entire tray of faggots at the Black Country Day dinner",
        "her nan's faggots an peas 😂 bostin",                                  # "an" for "and"
        "whoever ate the last faggot at the staff Christmas do, yow know who yow am",
        "for the form, ring Mrs Dyke on the school line",                     # a surname
        "Black Country Day: grey peas and bacon, faggots, and Miss Rowley's accent",   # round 89: a list of dishes
        "Year 6 debate on Owain Glyndwr: we've reminded them which side of the Dyke we're on",   # round 77
    ])
    def test_a_ditch_an_earthwork_or_a_meatball_is_not_a_slur(self, text: str) -> None:
        assert "slur_lexicon" not in self.names(text)

    @pytest.mark.parametrize("text", [
        "went on a three day bender after results lol",                      # a drinking spree
        "what a bender that was, never again",
        "minor fender-bender in the school car park, nobody hurt",
        "Year 9 gender-bender Shakespeare: Twelfth Night",
    ])
    def test_a_drinking_spree_or_a_compound_is_not_a_slur(self, text: str) -> None:
        assert "slur_lexicon" not in self.names(text)

    @pytest.mark.parametrize("text", [
        "Two lads kissing under the mistletoe at the disco. Absolute bender academy.",
        "y11 disco got ruined by the g1pp0s from the site turning up",      # disguised with digits
        "extra time in the mocks for the sp@cs again, normal kids get nothing",   # round 77: "spac", disguised
    ])
    def test_the_slur_in_a_post_about_the_disco_counts(self, text: str) -> None:
        assert "slur_lexicon" in self.names(text)

    @pytest.mark.parametrize("text", [
        "the spacka in 10W took ages counting his change",                  # a spelling the list lacked (round 50)
        "stop being such a spacko",
        "tourettes my backside, he's a sp@st who likes the attention",     # round 60: 'spast', disguised
    ])
    def test_the_spellings_of_a_disability_slur_count(self, text: str) -> None:
        assert "slur_lexicon" in self.names(text)

    @pytest.mark.parametrize("text", [
        "the bus guide on the Ypres day was a proper k y k e, 2 euro for the bogs",   # round 74, spelled out
        "typical kyke landlord",
    ])
    def test_another_spelling_of_an_antisemitic_slur_counts(self, text: str) -> None:
        assert "slur_lexicon" in self.names(text)

    def test_the_slur_beside_the_ditch_still_counts(self) -> None:
        assert "slur_lexicon" in self.names("fell in the dyke lol. shut up you dyke")

    def test_men_who_never_came_home_from_a_war_are_not_a_missing_child(self) -> None:
        assert "child_missing" not in self.names("we read the names of the lads who never came home from the Somme")
        assert "child_missing" in self.names("our lad never came home from school last night")
        # the war memorial names the war once, and the men "never came home" elsewhere in the post
        assert "child_missing" not in self.names(
            "WW1 centenary project: Year 12 traced the names on the war memorial. 41 lads from here never came home")
        # nor the veterans who came back changed (round 185)
        assert "child_missing" not in self.names(
            "Walk for veterans' mental health on Sunday: too many lads never come home properly")

    @pytest.mark.parametrize("text", [
        # rounds 67 and 68: "WW1" read with its "1" as an "l" lost the war, and Bomber Command named none
        "Y10 history: WW1 trenches, gas attacks, and the Barrow men who never came home.",
        "We remember the young Bomber Command crews who flew from Lincolnshire airfields, 55,000 never came home",
        "Year 10 explored how Portsmouth launched the D-Day landings, and how many of the young men never came home.",
        # round 86: the sea's dead, not a war's
        "History Club visited the maritime museum to learn about the trawler disasters and the crews who never came "
        "home.",
    ])
    def test_the_war_dead_are_not_a_missing_child_however_the_war_is_named(self, text: str) -> None:
        assert "child_missing" not in self.names(text)

    def test_a_child_who_never_came_home_is_missing_whatever_the_digits(self) -> None:
        assert "child_missing" in self.names("Our Kayden (Y10, 14) never came home from school, last seen at 3:10")

    @pytest.mark.parametrize("text", [
        "Mrs Shah will destroy anyone who touches her 'World's Best Mum' mug. Staffroom law.",
        "Can confirm Miss Okafor will 'end' anyone who touches her laminator. She's made a sign.",
    ])
    def test_her_before_a_thing_of_hers_is_not_a_child(self, text: str) -> None:
        assert "staff_allegation" not in self.names(text)

    @pytest.mark.parametrize("text", [
        "the TA grabbed her by the arm so hard it left marks",
        "the form tutor has been messaging her on whatsapp at 11pm",
        "mr baines touched her on the residential and they just moved him",
        "sir put his hands on her leg in the minibus",
        "why does sir keep texting my foster sis goodnight and telling her to delete it",
        "the teacher touched my 13 year old",
    ])
    def test_her_or_my_before_a_child_or_a_part_of_one_is_an_allegation(self, text: str) -> None:
        assert "staff_allegation" in self.names(text)

    @pytest.mark.parametrize("text", [
        "Panto news 🎭 Mr Haddon is this year's Ugly Sister. He asked for the role. Nobody argued.",
        "Mr Patel is the Ugly Sister in the staff panto. He's been practising his heels in the staff room 👠",
    ])
    def test_the_ugly_sister_is_a_panto_part_not_an_insult(self, text: str) -> None:
        assert "targeted_insult" not in self.names(text)

    def test_calling_a_teacher_ugly_is_still_an_insult(self) -> None:
        assert "targeted_insult" in self.names("mr haddon is ugly and everyone knows it")

    @pytest.mark.parametrize("text", [
        "someone blew up Mrs Powell's pig farm on the club Minecraft server with TNT",   # round 77
        "Mr Dale's cow shed is the Year 3 trip this year, wellies please",
    ])
    def test_a_teachers_pig_farm_or_cow_shed_is_not_an_insult(self, text: str) -> None:
        assert "targeted_insult" not in self.names(text)

    def test_calling_a_teacher_a_pig_is_still_an_insult(self) -> None:
        assert "targeted_insult" in self.names("Mrs Powell is a pig and everyone knows it")

    @pytest.mark.parametrize("text", [
        "Our rugby coach made us do 'suicide sprints' and I'd just like to formally complain to the universe",
        "suicide run to make the 8:40 bell after riding out, made it with 30 secs to spare, still in my chaps",
    ])
    def test_a_suicide_sprint_is_a_drill_not_self_harm(self, text: str) -> None:
        assert "self_harm_topic_first_person" not in self.names(text)
        assert "self_harm_topic_first_person" in self.names("i can't stop thinking about suicide since the sprints")

    def test_why_children_run_away_from_home_is_a_lesson_not_a_child_missing(self) -> None:
        """Round 96: an assembly "on why children run away from home or placement, and where they can get help"."""
        assert "child_missing" not in self.names(
            "Assembly today on why children run away from home or placement, and where they can get help")
        assert "child_missing" in self.names("my sister ran away from home last night and her phone is off")

    @pytest.mark.parametrize("text", [
        "Shot my shot and emailed the admissions tutor directly. Either genius or career suicide, will report back",
        "I wore socks with sandals to the sixth form social, fashion suicide",   # round 95
    ])
    def test_career_or_fashion_suicide_is_an_idiom_not_self_harm(self, text: str) -> None:
        assert "self_harm_topic_first_person" not in self.names(text)

    @pytest.mark.parametrize("text", [
        "Tubing on the dry slope: genuinely thought I was going to die. Went again nine times.",
        "pool so cold this morning i genuinely thought i was going to die, still PB'd tho",
        "mr bell had to wear a toon shirt all day, he looked like he wanted to die 😂",
        "roblox doors, died to seek 9 times, i want to die (in game)",
        "One bloke clapped when I hit the cill. I want to die (of embarrassment).",   # round 103
        "lads we need a 4th for ranked. whoever lost us the last game by jumping off the bridge, ur benched",
        "laundry day, I'll hang myself on the washing line with the rest of the PE kits 😂",   # round 105
        "That roundabout is lethal. Someone's going to die on it before the council acts, sign the petition",
        "finished the last chapter at 3am and i want to die (affectionate)",   # round 141
        "tripped on my dress walking in to prom, wanted to die on the spot 😭",   # round 183
        "I'm literally going to die without my phone for six hours. pray for me 💀",   # round 199
        "I'm going to die in that hall tomorrow. write on my gravestone 'she forgot the quadratic formula'",  # r213
    ])
    def test_a_fright_a_face_or_a_game_is_not_a_wish_to_die(self, text: str) -> None:
        assert "self_harm" not in self.names(text)

    def test_a_game_lost_to_a_parent_is_not_a_disclosure(self) -> None:
        """Round 201: "my nan beat me at mario kart and then blue shelled me AGAIN just to be cruel"; a parent who beat
        the child at home, or in the kitchen, is still a disclosure."""
        assert "abuse_disclosure" not in self.names("my nan beat me at mario kart and then blue shelled me AGAIN")
        assert "abuse_disclosure" not in self.names("my dad beat me at chess again, third time this week")
        assert "abuse_disclosure" in self.names("my dad beat me at home again last night")
        assert "abuse_disclosure" in self.names("my stepdad beat me in the kitchen")

    def test_a_shell_in_a_game_is_not_a_member_of_staff_hitting_a_child(self) -> None:
        """Round 205: "library mario kart tournament: mrs kaur hit me with a blue shell on the final lap"."""
        assert "staff_allegation" not in self.names("mrs kaur hit me with a blue shell on the final lap")
        assert "staff_allegation" in self.names("mrs kaur hit me with a ruler in maths")
        assert "staff_allegation" in self.names("mr jones hit me")

    @pytest.mark.parametrize("text", [
        "i want to die",
        "im going to die tonight, nobody will miss me",
        "im going to die. without my phone nobody will even know",
        "everyone thought i was fine. i want to die",
        "i want to die (seriously, not joking)",
        "thinking about jumping off the bridge after the game tonight",
        "going to hang myself on the landing tonight, nobody will notice",
    ])
    def test_a_wish_to_die_still_reads(self, text: str) -> None:
        assert "self_harm" in self.names(text)
        assert "self_harm_topic_first_person" in self.names("I emailed the tutor about my suicide thoughts")

    def test_words_of_other_languages_are_not_english_sexual_words_or_swearing(self) -> None:
        """Round 106: Romanian 'cum' (how) and 'pornit' (switched on), Somali 'cuntada' (the food)."""
        from watchtower.classify.rules import PROFANITY
        assert "sexual_term" not in self.names("Săptămâna siguranței online: vorbim despre grooming și cum să spună nu")
        assert "sexual_term" not in self.names("Domnul Haddon a uitat microfonul pornit și toată sala a auzit")
        assert "sexual_term" not in self.names("she graduated summa cum laude")
        assert not PROFANITY.search(norm("Iftar ayaa lagu qabanayaa si lacag loogu ururiyo bangiga cuntada"))
        assert "sexual_term" in self.names("send me porn") and "sexual_term" in self.names("cum on my face lol")
        assert "sexual_term" in self.names("he watches pornography in ICT")
        assert PROFANITY.search(norm("shut up you cunts")) and PROFANITY.search(norm("what a cuntish thing to say"))

    def test_a_history_lesson_on_deportations_calls_for_none(self) -> None:
        lesson = "Holocaust Memorial Day: Y10 reflected on the cattle trucks used to deport Jews to Auschwitz."
        assert "hate_phrase" not in self.names(lesson)   # round 103
        assert "hate_phrase" not in self.names("the trains that would deport Jews to the camps")
        assert "hate_phrase" in self.names("deport the jews, all of them")
        assert "hate_phrase" in self.names("should deport muslims to where they came from")
        assert "hate_phrase" not in self.names("Year 9 learnt how the gas was used to kill Jews at Birkenau")
        assert "hate_phrase" in self.names("we should deport the jews to the camps again")   # a call, camps or not

    def test_the_great_replacement_as_a_hashtag_is_the_slogan(self) -> None:
        assert "hate_phrase" in self.names("Half of Year 3 needs an interpreter apparently. #GreatReplacement")
        assert "hate_phrase" in self.names("the great replacement is happening in our schools")

    def test_wanting_to_die_often_is_not_dying_of_laughing(self) -> None:
        assert "self_harm" not in self.names("i wanna die of laughing at sir's dance")
        assert "self_harm" in self.names("i wanna die often, every night it's the same")   # 'of' is not 'often'

    def test_killing_myself_laughing_is_not_self_harm(self) -> None:
        assert "self_harm" not in self.names("killing myself laughing at sir trying to use the smartboard 🤣")
        assert "self_harm" in self.names("i keep thinking about killing myself")

    def test_going_off_to_die_in_the_library_tells_no_one_to_die(self) -> None:
        assert "incitement_to_self_harm" not in self.names("mocks back. going to go and die quietly in the library")
        assert "incitement_to_self_harm" in self.names("nobody likes you, just go and die")

    @pytest.mark.parametrize("text", [
        "Goodbye forever Maths 👋 last exam DONE",
        "Year 13 leavers: you have slain us. Goodbye forever (until results day).",
        "goodbye world it's been nice, my brother's seen his car",
    ])
    def test_goodbye_forever_to_a_thing_or_until_monday_is_not_a_farewell(self, text: str) -> None:
        """A goodbye that goes on (to a subject, a bracket, 'it's been nice') is a joke in every labelled post
        (round 40); a goodbye that ends the sentence is still read."""
        assert "self_harm" not in self.names(text)

    def test_a_goodbye_that_ends_the_post_is_still_a_farewell(self) -> None:
        assert "self_harm" in self.names("can't do this. goodbye cruel world.")
        assert "self_harm" in self.names("sorry mum. goodbye forever xx")   # a kiss ends it too

    def test_a_knife_kill_in_a_game_is_not_a_weapon(self) -> None:
        assert "weapon" not in self.names("is it bad i got a knife kill on cs2 in the school library")
        assert "weapon" in self.names("he's got a knife in his bag at school")

    @pytest.mark.parametrize("text", [
        "POV: first day with the knife arch at school and you forgot to take your keys out 😅 #schooltok",
        "they had the knife wand out at the gates today, took ages to get in",
        "walked through the knife arches at school and it beeped at my belt",
    ])
    def test_a_knife_arch_or_wand_at_the_gate_finds_knives_and_is_not_one(self, text: str) -> None:
        assert not {"weapon", "weapon_at_school"} & self.names(text)

    def test_a_childs_question_to_a_visitor_is_not_a_weapon(self) -> None:
        """Year 2 asking a veteran "Did you have a gun?" (round 97) asks about him; it says no one has one."""
        assert "weapon" not in self.names('Year 2 asked our veteran "Did you have a gun?" "Did you eat worms?"')
        assert "weapon" in self.names("he had a gun in his bag at the bus stop, did you see")

    def test_a_knife_beside_the_arch_is_still_a_weapon(self) -> None:
        assert "weapon" in self.names("he got a knife past the knife arch at school, had it in his blazer")

    @pytest.mark.parametrize("text", [
        "PSHE this week: how gangs groom young people into county lines through 'easy money' offers",
        "RSE: consent, and what to do if someone pressures you to send nudes",
        "This week's assembly: county lines gangs target kids with free food, then say they owe 'tick'",
        "Parent talk: recognising county lines exploitation in rural areas. Thursday, 6.30pm",
        "Year 10 PSHE this week covered county lines exploitation: how gangs recruit young people",
    ])
    def test_a_lessons_heading_makes_an_awareness_post(self, text: str) -> None:
        assert rules.aware(norm(text))

    @pytest.mark.parametrize("text", [
        "after assembly he's getting jumped",        # no heading: the word alone
        "that talk: you're dead",
    ])
    def test_an_assembly_named_without_a_heading_is_not_an_awareness_post(self, text: str) -> None:
        assert not rules.aware(norm(text))


class TestPhotosAskedFor:
    """Photos of a child asked for: an adult's request to send photos of yourself is grooming, the words between
    or not; a school asking its classes for photos is not."""

    @staticmethod
    def names(text: str) -> set[str]:
        return {h.name for h in hits(text)}

    @pytest.mark.parametrize("text", [
        # the request and the photos apart (round 62): an adult's own address, then photos of the child
        "Send them to my personal address along with a few photos of yourself for the byline. Maybe relaxed ones",
        "loved ur video, send me more pics of yourself x",
    ])
    def test_asking_a_child_to_send_photos_of_themselves_is_grooming(self, text: str) -> None:
        assert "grooming" in self.names(text)

    @pytest.mark.parametrize("text", [
        "Send us a photo of you reading in a funny place for World Book Day!",   # a school asking its classes
        "Please send in photos of you in your costume",
        "send your photos of yourselves at the fireworks to the PTA page",
    ])
    def test_a_school_asking_for_photos_is_not_grooming(self, text: str) -> None:
        assert "grooming" not in self.names(text)


class TestNeededStrings:
    """A list entry skips a reading of the post that holds none of the strings its pattern needs: a substring test
    is far cheaper than the regular expression, and most posts hold none. The strings must be truly needed."""

    @pytest.mark.parametrize(("pattern", "flags", "needed"), [
        (r"\bloaded (?:shotgun|gun)\b", 0, ("loaded ",)),
        ("🐒|🐵", 0, ("🐒", "🐵")),                                   # a class of single emoji
        (r"(?:very )?(?:bad|awful) idea", 0, (" idea",)),                # the optional word is not needed
        (r"\b(?:kill|hurt)s? (?:him|her)\b", 0, ("hurt", "kill")),       # one of the branches, not both
        ("DM me", re.IGNORECASE, ("dm me",)),                           # texts are lower-case
        (r"(?i:DM) me now", 0, (" me now",)),                             # a scoped flag: not its letters
        (r"\d+ [a-z]+ road", 0, (" road",)),
        (r"\d+ [a-z]+", 0, ()),                                          # nothing but classes: nothing to test
        (r"\b(?:a|i) \w\b", 0, ()),                                      # single letters: not worth it
        # Cyrillic and uncased scripts fold one letter to one letter: the other-languages list is tested cheaply
        ("тебе конец|بدي موت", re.IGNORECASE, ("тебе конец", "بدي موت")),
        ("straße", re.IGNORECASE, ()),                                  # "ß" folds across letters: no test
    ])
    def test_the_strings_a_pattern_needs(self, pattern: str, flags: int, needed: tuple[str, ...]) -> None:
        assert needed_strings(re.compile(pattern, flags)) == needed

    def test_every_shipped_entry_that_matches_a_post_finds_a_needed_string_in_it(self) -> None:
        texts = [json.loads(x)["text"].lower() for x in
                 (Path(__file__).parent / "data" / "school_posts.jsonl").read_text().splitlines()]
        texts += [t.lower() for t in self.LISTED]
        matched = 0
        for entry in shipped():
            for text in texts:
                if entry.rx.search(text):
                    matched += 1
                    assert not entry.needed or any(n in text for n in entry.needed), (entry.id, text)
        assert matched > 20

    def test_one_scan_finds_every_needed_string_a_text_holds(self) -> None:
        # "kill" ends inside "killer", "ill" inside both, "kill him" runs on from "kill": each is found
        index = lists.EntryIndex(tuple(
            lists.ListEntry(f"e{i}", "threat", re.compile(p), None, None, "test", False, "test", (p,))
            for i, p in enumerate(("kill", "killer", "ill", "kill him", "him", "🔪"))))
        assert index.held("the killer will kill him 🔪") == {"kill", "killer", "ill", "kill him", "him", "🔪"}
        assert index.held("a skilled hand") == {"kill", "ill"}
        assert index.held("nothing to see") == frozenset()

    def test_the_index_finds_what_trying_every_entry_finds(self) -> None:
        texts = [json.loads(x)["text"] for x in
                 (Path(__file__).parent / "data" / "school_posts.jsonl").read_text().splitlines()]
        texts += list(self.LISTED)
        entries = shipped()
        index = lists.index(entries)
        found = 0
        for text in texts:
            readings = [*variants(text), text.lower()]
            for is_aware in (False, True):
                every = [h for e in entries if (h := e.search(readings, is_aware))]
                assert index.hits(readings, is_aware) == every, text
                found += len(every)
        assert found > 20

    #: posts the shipped entries match, for the tests above
    LISTED = (
        "someone left a loaded shotgun in a car by the school gates", "🔪🩸 day 1 again",
        "another 🚤 delivery for 8C then", "u have to tell miss u walked into a door again",
        "need youngers for the line, easy money, no questions, hmu", "14 words ⚡⚡",
    )
