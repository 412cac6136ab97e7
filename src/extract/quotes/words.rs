//! The word lists behind [`super::lexicon`], all lower case. Kept as plain arrays so
//! that one table built from them answers every question about a word in one lookup.

/// Reporting verbs that take a bare clause (`said the troops will stay`).
#[rustfmt::skip]
pub(super) const CUE_SAY: &[&str] = &[
    "said", "says", "say", "saying", "added", "adds", "adding", "stated", "noted", "noting",
    "warned", "warns", "warning", "argued", "argues", "arguing", "insisted", "insists",
    "insisting", "explained", "explains", "explaining", "wrote", "writes", "tweeted", "tweets",
    "acknowledged", "acknowledges", "acknowledging", "declared", "declares", "declaring",
    "claimed", "claiming", "contended", "contends", "maintained", "maintains", "asserted",
    "asserts", "asserting", "stressed", "stresses", "stressing", "emphasized", "emphasised",
    "emphasizing", "predicted", "predicts", "conceded", "concedes", "admitted", "admits",
    "reiterated", "reiterates", "cautioned", "cautions", "complained", "complains", "suggested",
    "suggests", "suggesting", "countered", "counters", "replied", "replies", "responded",
    "responds", "answered", "remarked", "observed", "recalled", "recalls", "recalling", "vowed",
    "vows", "vowing", "pledged", "pledges", "promised", "promises", "boasted", "bragged",
    "alleged", "alleges", "charged", "testified", "confirmed", "confirms", "denied", "lamented",
    "laments", "conceding", "announced", "announces", "announcing", "posted", "reported",
    "reports", "concluded", "explain", "insist", "argue", "claim", "warn", "add", "note", "notes",
    "tweeting", "writing", "posting", "stating", "predicting", "promising", "complaining",
    "urging", "replying", "responding", "answering", "quipping", "joking", "admitting",
    "cautioning", "boasting", "countering",
];

/// Reporting verbs that take an object first (`told reporters ...`).
#[rustfmt::skip]
pub(super) const CUE_TELL: &[&str] = &[
    "told", "tells", "tell", "telling", "assured", "informed", "reminded",
];

/// Verbs that report speech only next to a quotation or before `that` / `:`.
#[rustfmt::skip]
pub(super) const CUE_WEAK: &[&str] = &[
    "continued", "continues", "asked", "asks", "asking", "joked", "quipped", "shouted", "yelled",
    "chanted", "chanting", "wondered", "mused", "retorted", "exclaimed", "whispered", "demanded",
    "reasoned", "commented", "agreed", "repeated", "recounted", "laughed", "sighed", "began",
    "concluding", "read", "reads", "sang", "sings",
];

/// `according to X`.
#[rustfmt::skip]
pub(super) const CUE_ACCORDING: &[&str] = &[
    "according",
];

/// Verbs after which `he`/`she` is the speaker of the quotation just before.
#[rustfmt::skip]
pub(super) const CONTINUING: &[&str] = &[
    "added", "adds", "adding", "continued", "continues", "concluded", "went",
];

/// Words in `-ing` that sit inside a noun phrase (`the acting director`).
#[rustfmt::skip]
pub(super) const ADJECTIVE_ING: &[&str] = &[
    "acting", "leading", "ruling", "outgoing", "incoming", "governing", "founding", "presiding",
    "ranking", "sitting", "visiting", "managing", "polling", "voting", "striking", "opposing",
    "remaining", "leaving", "reigning", "fighting", "working", "grieving", "rising", "surviving",
];

/// Words that open a sentence before a comma without being its subject.
#[rustfmt::skip]
pub(super) const SENTENCE_ADVERB: &[&str] = &[
    "meanwhile", "however", "still", "instead", "now", "then", "again", "indeed", "nevertheless",
    "nonetheless", "moreover", "furthermore", "overall", "otherwise", "afterward", "afterwards",
    "thus", "so", "yet", "but", "and", "also", "yes", "no", "well", "first", "second", "third",
    "finally", "separately", "similarly", "ultimately", "currently",
];

/// Small words between a speaker and the verb (`also`, `has`, `later`).
#[rustfmt::skip]
pub(super) const ADVERB: &[&str] = &[
    "also", "has", "have", "had", "would", "will", "later", "then", "once", "again", "just",
    "already", "still", "even", "never", "ever", "first", "long", "too", "often", "previously",
    "recently", "reportedly", "repeatedly", "earlier", "further", "last", "may", "might", "could",
    "did", "does", "do", "not",
];

/// Days and parts of days that follow a verb (`said Tuesday night`).
#[rustfmt::skip]
pub(super) const TIME: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "morning", "afternoon", "evening", "night", "earlier", "later",
    "again", "recently", "previously", "also", "repeatedly", "publicly", "privately", "week",
    "month", "year", "weekend", "last", "this", "that",
];

/// Words that open a phrase which is not what was said (`said in a statement`).
#[rustfmt::skip]
pub(super) const PREPOSITION: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "by", "about", "of", "from", "after", "before",
    "during", "while", "via", "through", "outside", "inside", "near", "into", "upon", "amid",
    "as", "when", "over", "under", "within", "so", "nothing", "something", "anything", "little",
    "much", "more", "yes", "no", "goodbye", "hello", "thanks", "otherwise",
];

/// Words that end a speaker phrase when walking back from the verb.
#[rustfmt::skip]
pub(super) const CLAUSE: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "whom", "whose", "because", "since", "as", "when",
    "while", "if", "so", "although", "though", "after", "before", "where", "than", "what", "how",
    "why", "is", "are", "was", "were", "be", "been", "to", "in", "on", "with", "by", "about",
    "during", "until", "yet", "not", "said", "says", "told", "there", "here", "this", "these",
    "those", "i", "you", "we", "he", "she", "they", "it",
];

/// Determiners and possessives that open a noun phrase.
#[rustfmt::skip]
pub(super) const DETERMINER: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many",
    "several", "other", "another", "both", "most", "all", "few", "one", "two", "three", "four",
    "each", "this", "that", "these", "those",
];

/// Bare nouns that speak without a determiner (`officials said`).
#[rustfmt::skip]
pub(super) const SPEAKER_NOUN: &[&str] = &[
    "officials", "sources", "analysts", "experts", "critics", "witnesses", "residents", "police",
    "authorities", "protesters", "protestors", "supporters", "aides", "advisers", "advisors",
    "observers", "democrats", "republicans", "lawmakers", "economists", "investigators",
    "prosecutors", "diplomats", "organizers", "organisers", "researchers", "scientists",
    "doctors", "voters", "people", "activists", "leaders", "spokesman", "spokeswoman",
    "spokesperson", "officers", "troops", "soldiers", "rebels", "militants", "reports", "polls",
    "others", "many", "some", "both",
];

/// Titles and roles before a name: not part of the canonical name.
#[rustfmt::skip]
pub(super) const TITLE: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor", "president", "vice",
    "secretary", "minister", "prime", "premier", "chancellor", "defense", "defence", "foreign",
    "interior", "finance", "chief", "general", "gen", "lt", "col", "adm", "admiral", "sgt",
    "capt", "captain", "maj", "major", "colonel", "lieutenant", "mayor", "judge", "justice",
    "speaker", "leader", "majority", "minority", "chairman", "chairwoman", "chair", "director",
    "ambassador", "attorney", "commissioner", "king", "queen", "prince", "princess", "pope",
    "rev", "reverend", "sheikh", "ayatollah", "coach", "sir", "lord", "lady", "dame", "del",
    "delegate", "deputy", "assistant", "acting", "interim", "former", "press", "spokesman",
    "spokeswoman", "commander", "candidate", "nominee", "democratic", "republican", "democrat",
    "gop", "us", "u.s.", "u.s", "senate", "house", "state", "national", "security", "adviser",
    "advisor", "ceo", "executive", "founder", "host", "anchor", "officer", "retired",
];

/// Words that make a capitalised name an organisation rather than a person.
#[rustfmt::skip]
pub(super) const ORG: &[&str] = &[
    "department", "ministry", "office", "committee", "party", "council", "association", "union",
    "times", "post", "news", "journal", "agency", "court", "campaign", "commission", "house",
    "university", "institute", "club", "bank", "group", "company", "inc", "corp", "foundation",
    "center", "centre", "network", "administration", "government", "senate", "congress", "police",
    "army", "pentagon", "kremlin", "fund", "board", "service", "press", "reuters", "television",
    "magazine", "show", "program", "debates", "tribune", "herald", "gazette", "daily", "weekly",
    "review", "report", "poll", "survey", "study", "statement", "website", "blog",
];

/// Words found in place names (`United States`, `New York`).
#[rustfmt::skip]
pub(super) const PLACE: &[&str] = &[
    "new", "north", "south", "east", "west", "united", "states", "kingdom", "republic", "city",
    "county", "island", "islands", "valley", "river", "street", "avenue", "square", "park", "bay",
    "coast", "beach", "airport", "station", "hall", "church", "school", "college", "hospital",
    "sea", "gulf", "los", "las", "san", "santa", "saudi", "america", "africa", "europe", "asia",
    "middle", "white", "capitol", "hill", "wall", "tower", "district", "state",
];

/// Given names and titles that suggest a man.
#[rustfmt::skip]
pub(super) const MALE: &[&str] = &[
    "mr", "sir", "king", "prince", "lord", "father", "congressman", "spokesman", "chairman",
    "aaron", "abdul", "adam", "ahmed", "alan", "albert", "alex", "alexander", "ali", "andrew",
    "andy", "anthony", "antonio", "arthur", "barack", "ben", "benjamin", "bernie", "bill", "bob",
    "boris", "brad", "brian", "bruce", "carl", "carlos", "charles", "charlie", "chris",
    "christopher", "chuck", "colin", "dan", "daniel", "dave", "david", "dennis", "dick", "don",
    "donald", "doug", "douglas", "ed", "edward", "emmanuel", "eric", "frank", "fred", "gary",
    "george", "gerald", "greg", "harry", "henry", "hassan", "howard", "hugh", "ian", "ivan",
    "jack", "jacob", "james", "jason", "jeb", "jeff", "jeffrey", "jeremy", "jerry", "jim",
    "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "jose", "joseph", "josh", "juan",
    "justin", "keith", "ken", "kenneth", "kevin", "kim", "larry", "lee", "leon", "lloyd", "louis",
    "luis", "marco", "mark", "martin", "matt", "matthew", "michael", "mike", "mitch", "mitt",
    "mohammed", "mohammad", "muhammad", "nathan", "neil", "newt", "nicholas", "nick", "nigel",
    "omar", "oliver", "patrick", "paul", "pedro", "peter", "phil", "philip", "rand", "ray",
    "reince", "richard", "rick", "rob", "robby", "robert", "roger", "ron", "ronald", "rudy",
    "rush", "ryan", "sam", "samuel", "scott", "sean", "sergei", "stephen", "steve", "steven",
    "ted", "thabet", "thomas", "tim", "timothy", "todd", "tom", "tony", "vladimir", "walter",
    "wayne", "william", "xi", "recep", "lindsey", "mitchell", "chad", "corey", "kyle", "bashar",
    "hamid", "haider", "nouri", "saddam", "abu", "ibrahim", "yousef", "jens", "olaf", "pete",
    "kurt", "tucker", "bret", "lester", "marc", "al", "jesse", "luther", "cornel", "van",
    "abdullah", "abraham", "adrian", "ahmad", "alberto", "alexei", "alfred", "allen", "alvin",
    "amir", "andre", "andres", "angel", "angelo", "antoine", "arnold", "barry", "benny",
    "bernard", "bobby", "brandon", "brett", "bryan", "byron", "calvin", "cameron", "cecil",
    "cesar", "chester", "clarence", "clifford", "clint", "cody", "cole", "conor", "craig",
    "curtis", "dale", "damon", "darrell", "darren", "derek", "desmond", "devin", "dmitry",
    "dominic", "donnie", "duane", "dustin", "dwight", "earl", "eddie", "edgar", "eduardo",
    "edwin", "ehud", "elijah", "elliott", "elon", "emilio", "enrique", "ernest", "ethan",
    "eugene", "evan", "felipe", "fernando", "floyd", "francis", "francisco", "francois",
    "fredrick", "gabriel", "garrett", "gavin", "gene", "geraldo", "gerhard", "giuseppe", "glen",
    "glenn", "gregory", "guy", "hakeem", "hank", "hans", "harold", "harvey", "hector", "helmut",
    "herbert", "herman", "hugo", "hunter", "hussein", "isaac", "jacques", "jaime", "jair",
    "jamal", "jared", "javier", "jay", "jeremiah", "jerome", "jesus", "joey", "jorge", "julian",
    "julio", "jurgen", "kareem", "karl", "keir", "kelvin", "kent", "khalid", "kirk", "lamar",
    "lance", "lawrence", "leo", "leonard", "leroy", "lionel", "lonnie", "lorenzo", "louie",
    "lucas", "luigi", "luiz", "luke", "mahmoud", "malcolm", "manuel", "marcus", "mario", "marvin",
    "matteo", "maurice", "melvin", "micah", "miguel", "miles", "milton", "mohamed", "moses",
    "narendra", "nathaniel", "ned", "nicolas", "noah", "norman", "orlando", "oscar", "otis",
    "pablo", "percy", "petro", "pierre", "preston", "quentin", "rafael", "rahul", "ralph",
    "ramon", "randall", "randy", "raul", "raymond", "reggie", "reginald", "rex", "ricardo",
    "ricky", "rishi", "roberto", "rodney", "roland", "roman", "roy", "ruben", "rudolph",
    "russell", "salman", "salvador", "santiago", "saul", "sebastian", "sergey", "seth", "shane",
    "shawn", "shimon", "shinzo", "sidney", "silvio", "simon", "stuart", "tariq", "terrence",
    "theodore", "travis", "trevor", "troy", "tyler", "vernon", "victor", "viktor", "vincent",
    "volodymyr", "wade", "wesley", "wilbur", "willard", "willie", "winston", "wolfgang",
    "yitzhak", "yusuf", "zach", "zachary",
];

/// Given names and titles that suggest a woman.
#[rustfmt::skip]
pub(super) const FEMALE: &[&str] = &[
    "mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame", "sister", "congresswoman",
    "spokeswoman", "chairwoman", "abby", "alice", "alicia", "amanda", "amy", "andrea", "angela",
    "ann", "anna", "anne", "barbara", "betsy", "betty", "brenda", "carly", "carol", "caroline",
    "catherine", "chelsea", "christina", "christine", "claire", "debbie", "deborah", "diane",
    "donna", "dorothy", "elaine", "elizabeth", "ellen", "emily", "emma", "eva", "gennifer",
    "gina", "hannah", "heather", "heidi", "helen", "hillary", "hope", "huma", "ivanka", "jane",
    "janet", "jennifer", "jessica", "jill", "joan", "joanna", "jodi", "judy", "julia", "julie",
    "karen", "kate", "katherine", "kathleen", "kathy", "kellyanne", "kelly", "kirsten", "laura",
    "lauren", "linda", "lisa", "loretta", "lucy", "maria", "marie", "martha", "mary", "megyn",
    "melania", "melanie", "melissa", "michelle", "nancy", "nicole", "nikki", "olivia", "pam",
    "pamela", "patricia", "rachel", "rebecca", "rosa", "ruth", "sandra", "sara", "sarah",
    "sharon", "sophie", "stephanie", "susan", "susana", "tammy", "teresa", "theresa", "tulsi",
    "valerie", "victoria", "virginia", "wendy", "marine", "ava", "quina", "ayanna", "kamala",
    "maxine", "gwen", "condoleezza", "madeleine", "sheila", "oprah", "beyonce", "ashley",
    "jacklyn", "adriana", "krystal", "esther", "ariana", "carla", "cecile", "zainab", "fatima",
    "aisha", "adele", "agnes", "aileen", "alexandra", "alexandria", "alexis", "alison", "allison",
    "amber", "amelia", "ana", "angelina", "anita", "annie", "april", "ariel", "arlene", "audrey",
    "beatrice", "becky", "belinda", "bernadette", "bethany", "beverly", "bonnie", "brittany",
    "brooke", "camille", "candace", "cara", "carmen", "carolyn", "cassandra", "cathy", "charlene",
    "charlotte", "cheryl", "christy", "cindy", "claudia", "colleen", "connie", "constance",
    "cynthia", "daisy", "danielle", "daphne", "darlene", "dawn", "deanna", "debra", "delores",
    "denise", "diana", "dianne", "dolores", "dora", "doris", "edith", "eileen", "eleanor",
    "elena", "elise", "ella", "eloise", "erica", "erin", "ethel", "eunice", "evelyn", "faith",
    "felicia", "fiona", "florence", "frances", "francine", "gail", "geraldine", "giorgia",
    "gladys", "gloria", "grace", "greta", "gwendolyn", "harriet", "hazel", "helena", "hilda",
    "holly", "ida", "ilhan", "irene", "iris", "isabel", "isabella", "jacinda", "jacqueline",
    "jade", "janice", "jasmine", "jeanette", "jeanine", "jeanne", "jenna", "jenny", "joanne",
    "jocelyn", "josephine", "joy", "joyce", "juanita", "judith", "june", "kara", "karla", "katie",
    "katrina", "kayla", "kayleigh", "kellie", "kendra", "kimberly", "krista", "kristen",
    "kristin", "kylie", "leah", "leila", "lena", "lillian", "lily", "lindsay", "liz", "lois",
    "lorraine", "louise", "lucia", "lydia", "mabel", "mae", "maggie", "mandy", "marcia",
    "margaret", "margarita", "marian", "marianne", "marilyn", "marjorie", "marlene", "marsha",
    "maureen", "mavis", "mazie", "megan", "meredith", "mia", "mika", "mildred", "miranda",
    "molly", "monica", "muriel", "myra", "nadia", "naomi", "natalie", "natasha", "nina", "nora",
    "norma", "olga", "paige", "patty", "paula", "pauline", "pearl", "peggy", "penelope", "penny",
    "phyllis", "priscilla", "rachael", "ramona", "rashida", "regina", "renee", "rhonda", "rita",
    "roberta", "rosalind", "rose", "rosemary", "roxanne", "ruby", "sabrina", "sally", "samantha",
    "serena", "shannon", "shelly", "sheryl", "shirley", "sonia", "sonya", "stacey", "stacy",
    "stella", "sue", "suzanne", "sylvia", "tamara", "tanya", "tara", "tina", "tracy", "ursula",
    "vanessa", "vera", "vicki", "viola", "violet", "vivian", "wanda", "whitney", "yolanda",
    "yvonne", "zoe",
];
