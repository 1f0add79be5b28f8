"""Closed word lists for the rule-based quote extractor; every constant says why it exists."""

from __future__ import annotations

# Why: regular speech/report verbs whose inflections (-s, -ed, -ing) are generated, so "notes", "noted", "noting" all cue a quote.
SPEECH_VERB_LEMMAS: frozenset[str] = frozenset(
    """
    acknowledge add admit advise affirm agree allege announce answer argue ask assert assure
    blame blast boast call caution charge chant cite claim comment complain concede conclude condemn
    confirm contend continue counter criticize criticise declare decry demand deny describe dismiss emphasize
    emphasise email explain exclaim express insist joke lament label mention mock muse note object
    observe opine plead pledge point post praise predict proclaim promise quip recall recount
    remark repeat reply report respond retort reiterate reveal scoff scold shout snap state
    stress suggest tease testify thunder tweet urge vow warn wonder yell
    accept liken compare accuse exhort bemoan hail reference rate deride brand decry rip lambaste
    refer interject denounce elaborate defend echo bark boom fume vent tout laud chide thank interrupt
    gush rail sneer rebuke grumble marvel
    """.split()
)

# Why: irregular forms that inflection rules cannot generate but newswire uses constantly ("said", "told", "wrote").
IRREGULAR_SPEECH_FORMS: frozenset[str] = frozenset(
    """
    say says said saying tell tells told telling write writes wrote writing written
    speak speaks spoke speaking spoken sing sings sang singing sung read reads reading
    put puts putting echoes
    """.split()
)

# Why: the only speech verbs trusted when capitalized (Title Case headlines, "Said Dorothy Poynter, …"); others
# double as nouns or names when capitalized ("the United States", "Reports", "Notes").
CAPITALIZED_SPEECH_VERBS: frozenset[str] = frozenset(
    """
    Say Says Said Tell Tells Told Write Writes Wrote Warn Warns Warned Ask Asks Asked Add Adds Added Slam Slams
    Slammed Blast Blasts Blasted Urge Urges Urged Vow Vows Vowed Insist Insists Declare Declares Admit Admits
    Concede Concedes Argue Argues Predict Predicts Reveal Reveals Accuse Accuses Praise Praises Rip Rips Tweets
    Tweeted Explains Explained Responds Responded Calls Called Asserts Claims Denies Defends Defended
    """.split()
)

# Why: Title Case verbs of headlines that run into a name ("Carly Fiorina Endorses Ted Cruz", "Hillary Clinton Speaks"):
# a name run is cut before them. Only verbs that are no surname ("Burns", "Fields" and "Wins" are left out).
HEADLINE_VERBS: frozenset[str] = frozenset(
    """
    Endorses Endorse Compares Debunks Hammers Corners Speaks Makes Nominates Addresses Assembles Impedes Conflates
    Destroys Shreds Torches Unloads Mocks Trolls Attacks Reacts Rejects Dismisses Launches Unveils Announces
    Supports Support Backs Knew Wants Thinks Believes Promises Explains Responds Admits Defends
    """.split()
)

# Why: cues that are nouns, used with possessives ("Trump's parting words", "his assertion that").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    words remarks remark statement statements comment comments message tweet tweets post response reply
    answer warning warnings promise pledge vow claim claims assertion assertions insistence argument
    admission declaration demand demands threat threats quip joke retort testimony account description
    expectation prediction suggestion plea call slogan refrain mantra line lines speech letter note
    """.split()
)

# Why: adverbs and auxiliaries that sit between a speaker and the verb ("Trump also said", "he has repeatedly said").
VERB_MODIFIERS: frozenset[str] = frozenset(
    """
    also then later once previously recently further again has had have was is were would will
    often just only repeatedly publicly privately quickly simply flatly bluntly reportedly
    earlier still even initially first famously subsequently
    """.split()
)

# Why: titles and honorifics are stripped from speaker names ("President Donald Trump" -> "Donald Trump").
TITLES: frozenset[str] = frozenset(
    """
    president vice prime minister secretary senator sen sen. rep rep. representative gov gov. governor mr mr.
    mrs mrs. ms ms. dr dr. prof prof. professor gen gen. general lt lt. col col. capt capt. maj maj. sgt sgt.
    adm adm. admiral retired former ex acting deputy chairman chairwoman chair chief special envoy
    ambassador mayor judge justice speaker leader majority minority whip attorney commissioner director
    spokesman spokeswoman spokesperson press pope king queen prince princess sir dame lord lady rev rev.
    father sister brother candidate nominee congressman congresswoman councilman councilwoman
    secretary-general foreign defense defence state analyst expert diplomat officer sheriff chancellor
    premier emir sheikh ayatollah cardinal bishop senior fellow host anchor founder ceo co-founder
    republican democrat democratic gop independent libertarian presidential vice-presidential
    engineer witness resident economist lawyer historian scientist researcher nurse teacher coach activist
    official pastor rabbi imam columnist correspondent reporter editor
    worker firefighter survivor employee student doctor volunteer paramedic farmer soldier
    """.split()
)

# Why: capitalized nationality/affiliation adjectives precede names but are not part of them ("Russian President").
DEMONYMS: frozenset[str] = frozenset(
    """
    american russian ukrainian british french german chinese european israeli palestinian iranian
    iraqi syrian turkish polish italian spanish japanese korean indian pakistani afghan mexican canadian
    australian saudi egyptian belarusian georgian kremlin pro-kremlin u.s. us uk eu nato un western
    """.split()
)

# Why: capitalized words that start sentences or name dates, never people ("However, Trump said").
CAPITALIZED_STOPWORDS: frozenset[str] = frozenset(
    """
    the a an and but or nor so yet for as at by in on of to from with without into after before during
    while when where whether if though although because since until unless despite however meanwhile
    moreover still also then thus this that these those there here it its he she they we i you his her
    their our my your what which who whom why how yes no not all both some many most several one two
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow according asked said says
    according following given among about over under against between through across around near
    another each every other such just only even amid among upon within via per
    three four five six seven eight nine ten dozens hundreds thousands millions
    """.split()
)

# Why: particles that are lowercase inside surnames ("Charles de Gaulle", "Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset("de da del della der di du van von la le al bin ibn dos das st.".split())

# Why: subject pronouns mark a quote for pronoun resolution; each maps to a gender (None = any).
PRONOUN_GENDER: dict[str, str | None] = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}

# Why: pronouns that refer to groups or to the speaker themself cannot be resolved to one named person.
UNRESOLVABLE_PRONOUNS: frozenset[str] = frozenset("they we i you it them their our one".split())

# Why: plural or collective heads name groups, which get speaker NULL but keep the mention ("analysts", "both leaders").
GROUP_NOUNS: frozenset[str] = frozenset(
    """
    analysts experts officials leaders sources observers critics supporters people voters residents
    protesters lawmakers senators members aides diplomats advocates economists scientists researchers
    authorities investigators prosecutors democrats republicans conservatives liberals activists
    organizers delegates officers staffers insiders allies opponents others
    americans russians ukrainians europeans participants attendees witnesses reporters journalists
    commentators pundits strategists pollsters donors students parents workers fans percent protesters
    """.split()
)

# Why: capitalized party plurals name an organisation, not an anonymous group ("Senate Democrats said", "House
# Republicans argued"): they are kept as named speakers, unlike "analysts" or "officials".
PARTY_PLURALS: frozenset[str] = frozenset({"Democrats", "Republicans"})

# Why: singular descriptive heads ("the senator", "a spokesman") are nominal mentions: speaker NULL, mention kept.
NOMINAL_NOUNS: frozenset[str] = frozenset(
    """
    official spokesman spokeswoman spokesperson analyst expert source observer critic supporter aide
    diplomat senator lawmaker candidate nominee president governor mayor judge lawyer attorney adviser
    advisor economist scientist researcher professor author writer reporter journalist editor host
    founder director executive chairman leader minister secretary ambassador resident voter witness
    protester activist organizer strategist pollster campaign report statement study survey poll
    ministry committee spokesperson woman man person friend neighbor teacher student doctor officer
    administration government agency department office team group network newspaper magazine website
    paper outlet release memo filing complaint lawsuit letter email blog editorial column article ad
    niece nephew son daughter wife husband mother father brother sister manager
    """.split()
)

# Why: words that introduce a name-like title, slogan or term, so the quote that follows is a scare quote. Not
# "words": "his words, “…”" and "the words “…”" introduce speech (it is one of the SPEECH_NOUNS).
SCARE_INTRODUCERS: frozenset[str] = frozenset(
    "so-called dubbed titled entitled named nicknamed branded term word phrase slogan motto banner headline hashtag label".split()
)

# Why: a name ending in one of these heads names an organisation or a place, which "he" or "she" never refers to
# ("Islamic State", "the State Department", "the Capitol").
NON_PERSON_HEADS: frozenset[str] = frozenset(
    """
    state states department capitol house senate congress court party committee council university college
    school agency administration campaign foundation institute association union bank times post news journal
    network company corporation group office ministry army police church city county street hall center centre
    """.split()
)

# Why: first names with a conventional gender let "she added" skip a male speaker; unknown names fit either.
FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    alexandra maria hillary melania ivanka kamala nancy elizabeth sarah sara anna anne ann mary susan
    karen lisa linda barbara jennifer jessica emily emma olivia sophia michelle laura julia kate katherine
    catherine kelly kellyanne heidi gennifer hope huma donna debbie deborah nikki condoleezza madeleine
    angela theresa ursula kaja giorgia marine ruth sonia amy elena claire victoria natalia olga yulia
    irina tatiana svetlana ekaterina kristi tulsi marjorie liz lindsey megyn rachel samantha christine
    carly janet loretta sheila diane dianne patty jill jane joan helen margaret marsha malkia terry
    karoline caroline pam pamela stephanie betsy rebecca nicole ashley amanda heather megan
    """.split()
)

# Why: see FEMALE_FIRST_NAMES; male first names for the same gender check.
MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    donald vladimir volodymyr boris sergei sergey dmitry dmitri marco steve steven joe joseph barack
    bill william george john james robert michael david richard thomas charles christopher daniel
    matthew mark paul andrew kenneth kevin brian timothy ronald jason jeffrey ryan gary eric jacob
    nicholas jonathan larry justin scott frank brandon benjamin samuel gregory patrick jack dennis
    jerry alexander tyler aaron henry douglas peter adam nathan zachary walter kyle harold carl
    jeremy keith roger gerald ethan arthur terry christian sean lawrence austin noah jesse albert
    bryan billy bruce willie jordan dylan alan ralph gabriel roy juan wayne eugene logan randy louis
    russell vincent philip bobby johnny bradley ted mike chris tim tom jim bob rick mitch chuck newt
    rudy rand bernie jeb marco lindsey darren pat rex jared mikhail viktor emmanuel olaf keir rishi
    xi recep benjamin bibi narendra justin jens antony kurt jd vance pete hakeem elon reince sean
    """.split()
) - {"lindsey", "terry"}
