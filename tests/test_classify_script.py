"""A post written mostly in a language or a script the classifier was not built to read says so.

The model, the rules and the lists read English. First-sight round 106 (posts not in English) raised 0.267 of its
critical posts in Arabic, Urdu, Bengali and Cyrillic script to critical, and 0.789 of those in Polish, Romanian or
Somali typed in Latin letters. Such a post keeps its severity (a note raises nothing), but its reasons, the email, the
queue, the item's page and the digest say that it was not read, so "not flagged" is never taken for "checked".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from watchtower.classify import Classifier, _script, load_classifier
from watchtower.classify._script import unread_as, unread_language, unread_script
from watchtower.models import UNREAD_RULE, Decision, unread_detail, unread_in, unread_note


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


class TestWhichScript:
    @pytest.mark.parametrize(("text", "script"), [
        ("میں سب پر بوجھ ہوں۔ کل سے کوئی پریشان نہیں ہوگا میری وجہ سے", "Arabic"),   # Urdu is written in Arabic script
        ("انا رح اقتله للولد اللي لمس اختي", "Arabic"),
        ("আবার কেটেছি", "Bengali"),   # two words: "I cut again"
        ("хочу зникнути, нікому я не потрібна", "Cyrillic"),
        ("Дякую вчителям!", "Cyrillic"),
        ("मुझे स्कूल नहीं जाना, सब मुझे मारते हैं", "Devanagari"),
        ("ਮੈਂ ਘਰ ਨਹੀਂ ਜਾਣਾ", "Gurmukhi"),
        ("ok 👍 شكرا جزيلا", "Arabic"),   # a few Latin letters beside more in Arabic script
    ])
    def test_a_post_mostly_in_another_script_names_it(self, text: str, script: str) -> None:
        assert unread_script(text) == script

    @pytest.mark.parametrize("text", [
        "Lovely parade, thank you!",
        "Eid Mubarak عيد مبارك to all our families, what a lovely assembly today",   # a greeting in an English post
        "ѕtіll waiting for someone to explain why",   # Cyrillic look-alikes disguising English
        "ѕсаm аlеrt",   # every letter a look-alike: the normaliser reads it as English
        "Zażółć gęślą jaźń, dziękuję pani!",   # Polish: Latin letters, read through what it shares with English
        "🔪🔪🔪 7:30",
        "",
    ])
    def test_latin_letters_look_alikes_or_too_few_letters_are_not_an_unread_script(self, text: str) -> None:
        assert unread_script(text) is None


class TestWhichLanguageInLatinLetters:
    @pytest.mark.parametrize(("text", "language"), [
        ("nie mam już siły. nikt mnie tu nie chce, ani w szkole ani w domu", "Polish"),
        ("Te omor dacă te mai atingi de fratele meu. Ne vedem luni la poarta școlii.", "Romanian"),
        ("Dw i wedi blino ar bopeth. Nos da bawb, am byth x", "Welsh"),
        ("Mahadsanid dugsiga sawirada maalinta dhaqanka. Gabadhaydu waxay xirnayd dirac", "Somali"),
        ("mera beta school nahi jana chahta, woh kehta hai sab usko maarte hain",
         "Urdu, Hindi or Punjabi in Latin letters"),
    ])
    def test_a_post_mostly_in_another_language_names_it(self, text: str, language: str) -> None:
        assert unread_language(text) == language
        assert unread_as(text) == language

    @pytest.mark.parametrize("text", [
        "Ha ha ha nice one, count the spoons after",   # "ha" is Italian too
        "Results: U12 W 3-1, U13 D 2-2, U14 L 0-1",
        "Dodgeball final Y8 v Y9: absolute bloodbath",   # Welsh "y" is a letter here
        "Eid Mubarak and Diwali greetings to all our families, see you at the fair",
        "Our Year 9 French trip: bonjour Paris! Amazing day at the Louvre",
        "Polish club is back on Saturday, dziękuję to all the volunteers",
    ])
    def test_english_and_english_with_a_foreign_word_or_two_are_not_another_language(self, text: str) -> None:
        assert unread_language(text) is None

    @pytest.mark.parametrize(("text", "language"), [
        # round 107: Turkish known by its letters where its small words are ones the list does not know
        ("Kerem'e söyleyin cuma okuldan çıkınca kaçacak yeri yok, ağzını burnunu kıracağız", "Turkish"),
        ("Ta mała z trzeciej klasy prosi o jedzenie i ma siniaki na rękach, ktoś musi coś zrobić", "Polish"),
        ("bratle imam bokser v jacket-a, ako pak se zakachat sled gym shte vidqt",
         "Bulgarian or Russian in Latin letters"),
        ("compass point la kaila ezhudhinaa thaan manasu konjam amaidhiya irukku, weird ah?",
         "Tamil or Malayalam in Latin letters"),
    ])
    def test_a_language_is_known_by_its_letters_or_its_small_words_typed_in_latin_letters(
        self, text: str, language: str
    ) -> None:
        assert unread_language(text) == language

    @pytest.mark.parametrize("text", [
        "Well done to Łukasz Błaszczykowski-Wiśniewski in Year 9 for his county chess win!",   # a name with marks
        "Congratulations to Zoë and Chloë, our Year 6 netball stars",
    ])
    def test_a_name_with_accents_in_an_english_post_is_not_another_language(self, text: str) -> None:
        assert unread_language(text) is None

    @pytest.mark.parametrize(("text", "language"), [
        # round 110 (first sight) found these languages unnamed; written here, not copied from it
        ("Nebudem nič hovoriť, ale tá učiteľka by sa mala pozerať za seba", "Czech or Slovak"),
        ("Nem tudom, mit csináljak, otthon megint kiabálnak és nem akarok hazamenni", "Hungarian"),
        ("Me na kamav te džav andi škola, o čhave maren man", "Romani"),
        ("Nuk dua te shkoj ne shkolle neser, djemte me rrahin cdo dite", "Albanian"),
        ("Ez ê wî mamosteyî bibînim, bila li min negere", "Kurdish (Kurmanji)"),
        ("mata iskole yanna baya, eyala hamadama mata gahanawa", "Sinhala in Latin letters"),
        ("ma school jana chahanna, tyo keta haru le malai dherai pitchha", "Nepali in Latin letters"),
        ("Hindi ko na kaya, wala nang nakakapansin sa akin sa bahay", "Tagalog"),
        ("con khong muon di hoc nua, may dua trong lop danh con hoai", "Vietnamese"),   # typed without its tones
        ("ngo m seung fan hok, keoi dei jat jat dou da ngo", "Cantonese in Latin letters"),
        # round 113 (first sight) found these unnamed; written here after it
        ("es nezinu, kāpēc skolotāja mani ienīst, bet man ir bail iet uz skolu", "Latvian"),
        ("za pa school ke da hagha halak sara jagra kawam, wror ta wayi", "Pashto in Latin letters"),
        # round 114 (first sight) found these unnamed; written here after it
        ("slysh, kto eto skazal pro moyu doch? posle shkoly pogovorim", "Bulgarian or Russian in Latin letters"),
        ("amader pola ke oder class e dio na, kew kisu koy na keno", "Bengali or Sylheti in Latin letters"),
        ("mndalakanman la qutabxana nabin, ema dzanin chon", "Kurdish (Sorani) in Latin letters"),
        ("fasalka waxaa ka buuxa carruur, ilmahayga halkaas ma dhigayo", "Somali"),
        # round 116 (first sight, on the fifty-fifth session's freeze); written here after it
        ("skazhite etomu uchitelyu, chto ego mashina mozhet odnazhdy ne zavestis",
         "Bulgarian or Russian in Latin letters"),
        ("age farda dobare behem bege, chaghoo miaram madrese", "Farsi or Dari in Latin letters"),
        ("antha payyan kooda en paiyan ukkaramaataan, HT kitta solliten", "Tamil or Malayalam in Latin letters"),
        # round 119 (first sight, on the fifty-fifth session's second freeze); written here after it
        ("vchytel znovu krychav na mene, vsi znayut i movchat, ne khochu tudy", "Ukrainian in Latin letters"),
        ("wallah yalli 7aka 3an okhti bukra ba3d el dawam", "Arabic in Latin letters (Arabizi)"),
        ("ene lije betam yaderegkut, min madreg alebign", "Amharic in Latin letters"),
        # round 121 (first sight, on the fifty-fifth session's third freeze); written here after it
        ("sdua me u kthy ne shkoll, jam lodh prej gjithckaje", "Albanian"),
        ("chhori haru lai eklai basaera garchha, aru kasaile sunnubhayo", "Nepali in Latin letters"),
        # round 122 (first sight, read in the fifty-sixth session); written here after it
        ("skoro ty mene bil'she ne pobachysh, khto poliz toi pozhaliie", "Ukrainian in Latin letters"),
        ("beru nozh v subbotu, pust' tol'ko sunutsya", "Bulgarian or Russian in Latin letters"),
        ("kail tor haat dui ta bhangi dimu, beshi mati na", "Bengali or Sylheti in Latin letters"),
        ("bachon ko trip pe kyun bhej rahe ho, sab jhoot hai", "Urdu, Hindi or Punjabi in Latin letters"),
        # round 124 (first sight, on the fifty-sixth session's freeze); written here after it
        ("ehna de 12 baj gaye lagta, isiliye aise bewakoof sawaal puchte", "Urdu, Hindi or Punjabi in Latin letters"),
        ("shina zay el qird, nsawiha meme w nrsilha le kulu el madrasa", "Arabic in Latin letters (Arabizi)"),
        # round 126 (first sight, on the fifty-sixth session's second freeze); written here after it
        ("ijoollee keessan mana barumsaa irraa fudhachuuf dafaa, billaa qabatanii jiru", "Oromo"),
        ("Marco (13) manca da venerdì sera, vista l'ultima volta dopo scuola", "Italian"),
        ("klasa na malkata veche e pulna, kakvo tolkova, nikoi ne vizhda", "Bulgarian or Russian in Latin letters"),
        ("weldi galli haka w ana mitkhawfa, ygolhom ma ygolo lehaleehom", "Arabic in Latin letters (Arabizi)"),
        # round 128 (first sight, on the fifty-sixth session's third freeze): languages the note had no words for
        ("nimechoka kupretend niko poa, kesho nikikosekana msiwe na stress", "Swahili"),
        ("nazali kokata nzoto mpo na kobosana makambo ya ndako", "Lingala"),
        ("geu hagwon ssaem jinjja isanghae, jakku son jabeum", "Korean in Latin letters"),
        ("kondo no kinyoubi ie deru, onee-san ga tomete kureru", "Japanese in Latin letters"),
        ("tyache ghar shodhun kadhlay, baghu pudhe kay hota", "Marathi in Latin letters"),
        ("inka konni rojulu matrame navvutadu, pettandi ra", "Telugu in Latin letters"),
        # round 130 (first sight, at the fifty-seventh session's start): languages the note had no words for, and more
        # words of some it had
        ("mun san inda yake kwana, zai gani nan ba da jimawa ba", "Hausa"),
        ("awon omo ile iwe so pe mo sanra, lati igba yen mi o je ounje", "Yoruba"),
        ("nwa nwanne m ebe akwukwo ugbu a, biko kedu ihe ndi nkuzi", "Igbo"),
        ("abeg una, dat pikin wey dey cry, wetin happen sef", "Nigerian Pidgin"),
        ("nga kyaung htar pyi twy nway hnit hmar buu", "Burmese in Latin letters"),
        ("nge phugu khong tso yakpo yong ngatso mangpo zhog", "Tibetan in Latin letters"),
        ("tyo din aunu aghi nai sab sakkinchha jasto lagchha", "Nepali in Latin letters"),
        ("opyat' sorvalas', dnei chistaya byla, teper' zanovo schitat'", "Bulgarian or Russian in Latin letters"),
        ("vzhe napysala lysty vsim, lezhat pid podushkoiu", "Ukrainian in Latin letters"),
        ("assaan gal bhulday ni, aglay hafte tak maafi mang lo", "Urdu, Hindi or Punjabi in Latin letters"),
        ("dawas tunak gedara awe na, malli witharai, kanna deyak na", "Sinhala in Latin letters"),
        # round 132 (first sight, on the fifty-seventh session's first freeze); written here after it
        ("me nyinaa wɔ sukuu, obiara nim sɛ ɛyɛ foforɔ bio", "Twi, Ga, Ewe or Krio"),
        ("julle weet ek het vandag weer by die skool gaan kla", "Afrikaans"),
        ("sutra idem u školu, niko nije rekao ništa kod kuće", "Serbian, Croatian, Bosnian or Slovenian"),
        ("ani lo yachol, machar ba-hafsaka ha-gdola ata tire'e", "Hebrew or Yiddish in Latin letters"),
        # round 134 (first sight, on the fifty-seventh session's second freeze); written here after it
        ("anak aku tak makan lunch kat sekolah, dah seminggu cikgu pun tak tahu", "Malay, Indonesian or Javanese"),
        # round 136 (first sight, on the fifty-seventh session's third freeze); written here after it
        ("jien ma nistax immur l-iskola illum, grazzi ta' kollox", "Maltese"),
        ("wo men de haizi zai xuexiao, laoshi shuo ta bu lai le", "Mandarin in pinyin, Hakka or Hokkien"),
        ("aiutatece, 'a figghia mia nun è turnata, sparita da sabbatu", "Italian"),
        # round 140 (first sight, on the fifty-seventh session's fourth freeze); written here after it
        ("wallah el hnood akthar mn el 3arab fel madrasa, hiya fakra ma 7ada shaf",
         "Arabic in Latin letters (Arabizi)"),
        # round 138 (first sight, read at the start of the fifty-eighth session); written here after it
        ("fotos quentes de novinhas, clique no link", "Portuguese"),
        ("homme ma ei tule kooli, keegi ei tea miks", "Estonian"),
        ("en tiedä miksi kukaan ei vastaa, huomenna koulussa", "Finnish"),
        ("nha fidju ka bai skola oxi, ningen ka sabe undi el sta", "Cape Verdean Kriolu or Guinea-Bissau Kriol"),
        ("ana la kyada mudi ile, broni layle b-madrasta", "Assyrian (Sureth) in Latin letters"),
        ("dili na ko mo adto sa eskwelahan ugma, kapoy na kaayo", "Cebuano, Ilocano or Hiligaynon"),
        # round 142 (first sight, on the fifty-eighth session's first freeze); written here after it
        ("mijn dochter wil niet naar school, ze zegt dat iemand haar pest", "Dutch or Flemish"),
        ("ús bern wol net nei skoalle, hy seit dat nimmen him helpt", "West Frisian"),
        ("jag vet inte varför hon inte vill gå till skolan idag", "Swedish"),
        ("jeg vet ikke hvorfor han ikke vil gå på skolen i dag", "Norwegian or Danish"),
        ("ég veit ekki hvers vegna hún vill ekki fara í skólann", "Icelandic"),
        ("sama doom dafa bëgg dem lekool waaye xamul lan la", "Wolof"),
        ("mir isch eifach alles z'vill, ich wott ohni schuel", "German"),
        # round 144 (first sight, on the fifty-eighth session's second freeze); written here after it
        ("fa'afetai lava i le aoga mo le aso, o tamaiti uma na fiafia", "Samoan"),
        ("ʻoku ʻikai ke ʻalu hoku foha ki he ʻapiako he ʻaho ni", "Tongan"),
        ("vinaka vakalevu na qasenivuli ena vuli nikua", "Fijian"),
        ("kāore ngā tamariki i haere ki te kura i tēnei wiki", "Māori"),
        ("gaur ez dago eskolarik, irakasle guztiak greban daude", "Basque"),
        ("avui els nens no tenen escola, gràcies a tots", "Catalan"),
        ("alguén sabe se hoxe hai comedor? grazas", "Galician"),
        ("yaaru helidru nanna magalu shaale bagge, gottilla", "Konkani, Kannada or Tulu in Latin letters"),
        # round 146 (first sight, on the fifty-eighth session's third freeze); written here after it
        ("simera to paidi mou den paei sto sxoleio, einai arrwsto", "Greek in Latin letters (Greeklish)"),
        ("khnhom mok sala rean tngai nis, kru bok khnhom", "Thai, Lao or Khmer in Latin letters"),
        ("nĩ wega mwarimũ, ciana ciakwa nĩ ithiĩ thukuru ũmũthĩ", "Kikuyu, Luo or Kamba"),
        # round 148 (first sight, on the fifty-eighth session's fourth freeze); written here after it
        ("zanfan la pa'nn vinn lekol depi lindi, nou bizin konn kouma", "Mauritian or Seychellois Creole"),
        ("tsy tonga tany amin'ny sekoly ilay zanako androany", "Malagasy"),
        ("oghlum bügün mektepke barmidi, héchkim bilmeydu", "Uyghur in Latin letters"),
        # round 152's Chin (Tedim Zomi) and Burmese typed in Latin letters
        ("Ka om nawn loh ciangin kuamah in hong ngaihsun kei ding uh hi", "Chin (Lai, Zomi or Mizo) in Latin letters"),
        ("bag htae mhar dar lay pa lar tal bro, chit yet tal", "Burmese in Latin letters"),
        # round 156's Tetum, Rohingya and Shona
        ("Ha'u nia oan feto la ba eskola ohin, ami la hatene nia iha nebe", "Tetum"),
        ("Hitara'r maiyafuwa kon iskul ot zai añí zani, sokale bus stop ot",
         "Rohingya or Chittagonian in Latin letters"),
        ("Amai vangu vanoti ndiri kutya kuenda kumba nhasi", "Shona or Ndebele"),
        # round 160's Kinyarwanda, Luganda and Quechua
        ("Umwana wanjye ntiyagiye ku ishuri uyu munsi, ababyeyi bose bafite ubwoba", "Kinyarwanda or Kirundi"),
        ("Omwana wange tajja ku ssomero leero, maama agamba nti alwadde nnyo", "Luganda, Acholi or Runyankole"),
        ("Wawakuna yachay wasipi kunan, paqarin manam yachachiq kanqachu", "Quechua or Aymara"),
        # round 162's Kutchi and Sindhi
        ("aaje maari chokri ghare aavi nathi, badha ne khabar che?", "Gujarati or Kutchi in Latin letters"),
        ("muhinji dhee ajj school khaan waapas na aayi, kenh khe khabar ahe?", "Sindhi in Latin letters"),
        # round 164's Armenian
        ("mer dasarani erexeqin aysor chen ekav, inch eq asum?", "Armenian in Latin letters"),
        # round 168's Thai
        ("pom mai ru ja tum yang ngai laew, krai koei pen bang mai krub", "Thai, Lao or Khmer in Latin letters"),
        # round 170's isiXhosa
        ("umntwana wam akazange abuye esikolweni namhlanje, ndiyoyika kakhulu", "Xhosa or Zulu"),
        # round 188's Twi, whose small words English shares ("no", "me", "so") but whose open vowels it never has
        ("Ɔkyerɛkyerɛfoɔ no kaa me so wɔ detention mu, ɔse me nka nkyerɛ obiara", "Twi, Ga, Ewe or Krio"),
        # round 150 (first sight, on the fifty-eighth session's fifth freeze); written here after it
        ("l'drari dyal 8 kaygoulo ghir dir wa7ed trip, kay3tiw sneakers jdad", "Arabic in Latin letters (Arabizi)"),
        # round 208's Bengali with English words in it (first sight, on the sixty-second session's fifth freeze)
        ("amar meye class 9 e, 4 mash period bondho, din e 5 bar weight mape, PE te duibar matha ghure porse. "
         "school nurse er sathe kivabe appointment nibo?", "Bengali or Sylheti in Latin letters"),
        ("chocolate gula ke bolo nijer area te thakte amader Bury Park e na. school ta ekhon chocolate factory",
         "Bengali or Sylheti in Latin letters"),
        # round 212's Levantine Arabizi and Tamil in Latin letters (first sight, on the sixth freeze)
        ("nasa2e7 la tnase 7alek el jo3: may bared, 3elke, w 2ule la 7alek el akl 5ara",
         "Arabic in Latin letters (Arabizi)"),
        ("shafret el 7ela2a ta3 baba sarat sa7bte el wa7ide, ma 7ada 2alle 'bass'",
         "Arabic in Latin letters (Arabizi)"),
        ("Parents evening ku varuven, andha maths teacher moonji la kuthuven. Camera la record pannikonga.",
         "Tamil or Malayalam in Latin letters"),
        # round 218's Gujarati in Latin letters (first sight, on the third freeze)
        ("tane evi maaris ke tari mummy pan na olkhe. monday lunch ma canteen pachhad. ekli aavje.",
         "Gujarati or Kutchi in Latin letters"),
        # round 224's (first sight, on the first freeze)
        ("Au sa vakarautaka tu na isele ena noqu kato ni vuli. Kevaka era tarai au tale...",
         "Fijian"),
        ("Ua ou fiu. Ua lava. thank u to everyone who tried. Tofa soifua x",
         "Samoan"),
        ("'Oku ou kai pē 'apele 'e taha he 'aho and I'm still massive. 'Oku ou fehi'a ki he sio'ata.",
         "Tongan"),
        ("Die lemmetjie uit my pa se skeermes werk beter as die passer van wiskunde. Net so jy weet.",
         "Afrikaans"),
        # round 228's Kurmanji (first sight, on the third freeze)
        ("Malbata Aydoğan, we kurê me xist. Sibê em ê bên ber malên we. Amade bin, em ê we bişkînin.",
         "Kurdish (Kurmanji)"),
        # round 236's Gujarati in Latin letters (first sight, on the sixth freeze)
        ("badhane thank you... na, rehva do. mari badhi books Hetal ne aapi didhi che, ene jarur padse. "
         "mane have koi vastu ni jarur nathi.", "Gujarati or Kutchi in Latin letters"),
    ])
    def test_more_languages_typed_in_latin_letters_are_named(self, text: str, language: str) -> None:
        assert unread_as(text) == language

    def test_few_english_words_and_letters_english_lacks_are_another_language_even_unnamed(self) -> None:
        # too few of any list's small words to name it, too few of one language's own letters: still not English
        assert unread_as("Vím, kde bydlíš. Uvidíme se v pátek.") == "a language other than English"

    @pytest.mark.parametrize("text", [
        # Zulu and Shona in words the note has none of (round 132; round 170 gave it Xhosa's and Zulu's commonest)
        "ngizohamba ekuseni umfundisi wethu uthi sizofunda izibalo ezinzima",
        "mwanasikana wangu akandiudza kuti vana vechikoro vanomushungurudza mazuva ese",
    ])
    def test_a_post_mostly_in_words_the_model_does_not_know_is_another_language(self, text: str) -> None:
        """Round 132 (Zulu, Xhosa, Shona, Afrikaans) was marked for 7 of its 320 posts of those languages at first
        sight: the note named only the languages it had small words or letters for. Words the model's own
        vocabulary lacks say the rest."""
        assert unread_as(text) == "a language other than English"

    @pytest.mark.parametrize("text", [
        "Cosette Eponine Javert Valjean, our Les Mis cast list in emojis",   # names are capitalised
        "candidate photo thinspo #proana #edtwt #mockelection",   # hashtags are left out
        "headshot headshot headshot, ez, stay mad",   # a word counts once
        "g0nn4 sh4nk th3 h34d 0f y34r wh3n h3 w4lks 2 h1s c4r",   # read with its digits as letters
        "it's gonna be a bloodbath, we're ready, u15s bring the oranges",
    ])
    def test_english_slang_names_and_hidden_letters_are_not_unknown_words(self, text: str) -> None:
        assert unread_as(text) is None

    def test_without_the_tokenizer_no_post_is_called_unknown_for_its_words(self, monkeypatch: pytest.MonkeyPatch,
                                                                           tmp_path: Path) -> None:
        monkeypatch.setattr(_script, "_TOKENIZER", tmp_path / "missing.json")
        _script._vocabulary.cache_clear()
        try:
            assert unread_as("ngizohamba ekuseni umfundisi wethu uthi sizofunda izibalo ezinzima") is None
        finally:
            _script._vocabulary.cache_clear()

    @pytest.mark.parametrize("text", [
        "Lovely afternoon at the café, merci to the Année 10 French club!",
        "Thanks to the PTA for the piñata and the jalapeño crisps at the fiesta day",
        "Congratulations to Zoë, Chloë and Renée on their Duke of Edinburgh bronze",
    ])
    def test_english_with_borrowed_accented_words_is_english(self, text: str) -> None:
        assert unread_as(text) is None

    def test_a_post_in_cyrillic_quoting_english_is_cyrillic_and_english_in_look_alikes_is_not(self) -> None:
        # round 116: a Ukrainian mother quoting the school's English reply; Cyrillic letters that look like Latin ones
        # ("а", "о", "с") count for Cyrillic beside its own letters, never alone
        assert unread_script("Вчитель так смикнув мого сина за вухо, що була кров. Школа відповіла "
                             "«the incident was handled appropriately». Як саме?") == "Cyrillic"
        assert unread_script("ѕtіll waiting for someone to explain why") is None

    def test_chinese_characters_weigh_as_words_beside_an_english_sentence(self) -> None:
        # five characters are a sentence ("dad hit me again last night"): half a post in them is not read
        assert unread_script("I'm fine honestly 爸爸昨晚又打我了，不要告诉老师") == "Chinese"
        assert unread_script("Happy Lunar New Year 新年快乐 to all our families from everyone at school") is None

    def test_the_vowel_signs_of_indic_writing_count_with_its_letters(self) -> None:
        # round 128: half of each Telugu or Hindi word is vowel signs, which are marks, not letters; counted with the
        # letters, a post half in Telugu beside English school words is Telugu, and a greeting in an English post not
        assert unread_script("Kuchipudi performance ki ఇంకా రెండు వారాలు. అప్పటిదాకా lunch box మొత్తం bin లో "
                             "వేస్తున్నా, అమ్మకి తెలీదు") == "Telugu"
        assert unread_script("आज भी lunch skip, friends को बोला fast है, नवरात्रि तो खत्म हो गई पर मेरा fast "
                             "नहीं") == "Devanagari"
        assert unread_script("Happy Diwali शुभ दीपावली to everyone at Oakfield from Year 4!") is None
        assert unread_script("Eid Mubarak 🌙✨ to all our families ❤️‍🔥") is None   # variation selectors are marks too

    def test_a_script_is_named_as_a_script(self) -> None:
        assert unread_as("Дякую вчителям!") == "Cyrillic script"


class TestTheClassifierSaysSo:
    def test_the_note_raises_nothing_and_is_rendered_from_its_record(self, clf: Classifier) -> None:
        [out] = clf.classify_batch(["Дякую вчителям за чудовий концерт!"], ["own"])
        assert out.reasons == [d.reason for d in out.decisions]
        [note] = [d for d in out.decisions if d.name == UNREAD_RULE]
        assert (note.by, note.tier) == ("rule", "noted")
        assert note.reason == ("noted, raises nothing: rule:not_english (written mostly in Cyrillic script, which "
                               "the classifier was not built to read: a person must read it)")
        assert unread_in(out.reasons) == "Cyrillic script"

    def test_an_english_post_has_no_note(self, clf: Classifier) -> None:
        [out] = clf.classify_batch(["Lovely parade, thank you! Eid Mubarak عيد مبارك"], ["own"])
        assert unread_in(out.reasons) is None
        assert not [d for d in out.decisions if d.name == UNREAD_RULE]

    @pytest.mark.parametrize(("text", "what"), [
        ("شكرا للمعلمين على الحفلة الجميلة", "Arabic script"), ("অনেক ধন্যবাদ শিক্ষকদের", "Bengali script"),
        ("Dziękuję bardzo pani za wszystko, mój syn jest bardzo szczęśliwy", "Polish"),
    ])
    def test_the_note_raises_nothing(self, clf: Classifier, text: str, what: str) -> None:
        """Thanks to the teachers, in Arabic, Bengali and Polish: not flagged, and the note says it was not read."""
        [out] = clf.classify_batch([text], ["own"])
        assert (out.severity.label, out.categories, out.possible) == ("none", [], [])
        assert unread_in(out.reasons) == what

    def test_the_record_names_what_the_post_is_written_in(self, clf: Classifier) -> None:
        """The note's record carries the language itself: what the email and the item's page say is read from it,
        not parsed back out of the printed reason (a classification stored before records had it still is)."""
        [out] = clf.classify_batch(["Te omor dacă te mai văd la poarta școlii"], ["mention"])
        [note] = [d for d in out.decisions if d.name == UNREAD_RULE]
        assert note.about == "Romanian"
        assert Decision.from_dict(note.as_dict()) == note
        assert unread_note([], out.decisions) == ("Romanian", True)   # the printed reasons are not needed
        [thanks] = clf.classify_batch(["Dziękuję bardzo pani za wszystko, mój syn jest bardzo szczęśliwy"], ["own"])
        assert unread_note([], thanks.decisions) == ("Polish", False)
        [english] = clf.classify_batch(["Lovely parade, thank you!"], ["own"])
        assert unread_note(["rule:anything"], english.decisions) == (None, False)
        # stored before the records said what: read from the printed reasons, as before
        old = [Decision.from_dict({k: v for k, v in d.as_dict().items() if k != "about"}) for d in out.decisions]
        assert unread_note(out.reasons, old) == ("Romanian", True)
        assert unread_note(out.reasons, None) == ("Romanian", True)

    def test_the_script_is_found_again_only_in_its_own_note(self) -> None:
        note = Decision("", "rule", UNREAD_RULE, tier="noted", detail=unread_detail("Bengali script")).reason
        assert unread_in(["model:threat=0.91>=0.35", note]) == "Bengali script"
        assert unread_in(["rule:not_english", "written mostly in Arabic script"]) is None
