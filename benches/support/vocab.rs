//! The word lists the article generator draws from.
//!
//! Everything here is written for the benchmark: invented people and organisations,
//! real countries and cities, and sentence templates in the register of wire copy.
//! The lists are long enough that a generated archive has thousands of distinct
//! entities, so entity pages, the timeline and the tag pages have realistic sizes.

/// Given names; combined with [`SURNAMES`] into invented people.
pub const GIVEN: &[&str] = &[
    "Ana", "Tomás", "Clara", "Rita", "Elena", "Andrés", "Nerea", "Pilar", "Marta", "Jonas",
    "Amara", "Kwame", "Ifeoma", "Chidi", "Yusuf", "Leila", "Omar", "Farida", "Hamid", "Nadia",
    "Sofia", "Mateo", "Lucía", "Diego", "Camila", "Rafael", "Inês", "João", "Beatriz", "Pedro",
    "Ingrid", "Lars", "Astrid", "Nils", "Freya", "Henrik", "Katarzyna", "Piotr", "Agnieszka",
    "Tomasz", "Olena", "Dmytro", "Irina", "Pavel", "Mei", "Wei", "Haruto", "Yuki", "Min-jun",
    "Ji-woo", "Arjun", "Priya", "Rahul", "Ananya", "Thabo", "Naledi", "Sipho", "Zanele",
    "Grace", "Daniel", "Sarah", "Michael", "Laura", "David", "Emma", "James", "Hannah",
    "Samuel", "Chloe", "Patrick", "Aisling", "Ciarán", "Marco", "Giulia", "Luca", "Chiara",
    "Émile", "Camille", "Théo", "Margaux", "Selin", "Emre", "Zeynep", "Kerem", "Aroha", "Tane",
];

/// Family names; combined with [`GIVEN`].
pub const SURNAMES: &[&str] = &[
    "Ferreira", "Herrera", "Lindqvist", "Calado", "Vasquez", "Molina", "Albizu", "Iglesias",
    "Echeverría", "Okafor", "Mensah", "Adeyemi", "Nwosu", "Haddad", "Rahimi", "Karimi",
    "Saleh", "Mansour", "Costa", "Almeida", "Santos", "Oliveira", "Moreau", "Laurent",
    "Dubois", "Fontaine", "Brandt", "Keller", "Hoffmann", "Vogel", "Nowak", "Kowalski",
    "Wiśniewska", "Zielinski", "Kovalenko", "Shevchenko", "Petrov", "Ivanova", "Chen", "Wang",
    "Tanaka", "Sato", "Kim", "Park", "Sharma", "Iyer", "Menon", "Nkosi", "Dlamini", "Mokoena",
    "O'Brien", "Byrne", "Gallagher", "Rossi", "Bianchi", "Ricci", "Conti", "Yilmaz", "Demir",
    "Kaya", "Ngata", "Parata", "Anderson", "Whitfield", "Harrow", "Pennington", "Ashdown",
    "Mbeki", "Otieno", "Wanjiru", "Kamau", "Abubakar", "Bello", "Garba", "Traoré", "Diallo",
    "Cissé", "Haugen", "Solberg", "Berg", "Eriksen", "Jansen", "De Vries", "Visser", "Novak",
    "Horvat", "Popescu", "Ionescu", "Papadopoulos", "Georgiou", "Silva", "Carvalho", "Ramos",
    "Navarro", "Castillo", "Ortega", "Romero", "Aguilar", "Delgado", "Fuentes", "Quintero",
];

/// First syllables of invented family names, combined with [`SURNAME_ENDS`].
pub const SURNAME_STARTS: &[&str] = &[
    "Ban", "Kor", "Mal", "Tem", "Ves", "Dar", "Hol", "Lin", "Mor", "Nav", "Ost", "Pel",
    "Quin", "Ros", "Sal", "Tor", "Ul", "Var", "Wen", "Zan", "Ad", "Bel", "Cor", "Del",
    "Fen", "Gar", "Hal", "Ir", "Jor", "Kal",
];

/// Endings of invented family names.
pub const SURNAME_ENDS: &[&str] = &[
    "ova", "ez", "sen", "ski", "escu", "ani", "ello", "ard", "wick", "berg", "ovic", "oglu",
    "ashi", "enko", "ides", "inen", "ero", "anu", "ley", "mann",
];

/// Titles that go before a name (`Finance Minister Ana Ferreira`), with the field
/// the person belongs to.
pub const TITLES: &[(&str, Field)] = &[
    ("Prime Minister", Field::Politics),
    ("President", Field::Politics),
    ("Finance Minister", Field::Economy),
    ("Health Minister", Field::Health),
    ("Foreign Minister", Field::Politics),
    ("Energy Minister", Field::Energy),
    ("Transport Minister", Field::Transport),
    ("Interior Minister", Field::Security),
    ("Education Minister", Field::Education),
    ("Mayor", Field::Politics),
    ("Governor", Field::Politics),
    ("Senator", Field::Politics),
    ("Judge", Field::Courts),
    ("General", Field::Security),
    ("Professor", Field::Education),
    ("Dr.", Field::Health),
];

/// Roles that follow a name (`Ana Ferreira, the chief executive of …,`).
pub const ROLES: &[(&str, Field)] = &[
    ("chief executive", Field::Business),
    ("spokesperson", Field::Politics),
    ("chief economist", Field::Economy),
    ("director", Field::Health),
    ("head of operations", Field::Transport),
    ("chairman", Field::Business),
    ("general secretary", Field::Politics),
    ("senior analyst", Field::Economy),
    ("lead prosecutor", Field::Courts),
    ("police chief", Field::Security),
    ("union leader", Field::Business),
    ("climate scientist", Field::Energy),
];

/// What a story is about; each article has one, which picks its tags and templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Politics,
    Economy,
    Health,
    Energy,
    Transport,
    Security,
    Education,
    Courts,
    Business,
    Disaster,
}

/// Every field, in a fixed order.
pub const FIELDS: &[Field] = &[
    Field::Politics,
    Field::Economy,
    Field::Health,
    Field::Energy,
    Field::Transport,
    Field::Security,
    Field::Education,
    Field::Courts,
    Field::Business,
    Field::Disaster,
];

/// The words a field's stories use.
pub struct Topic {
    pub tags: &'static [&'static str],
    /// Things the story is about (`the budget`, `the vaccine programme`).
    pub things: &'static [&'static str],
    /// What organisations do to them (`approved`, `delayed`).
    pub actions: &'static [&'static str],
    /// What gets counted (`jobs`, `patients`).
    pub counted: &'static [&'static str],
    /// Kinds of organisation in this field (`Authority`, `Ministry`).
    pub bodies: &'static [&'static str],
}

/// The words of `field`.
pub fn topic(field: Field) -> &'static Topic {
    match field {
        Field::Politics => &Topic {
            tags: &["politics", "elections", "parliament", "government", "coalition"],
            things: &["the coalition agreement", "the electoral reform", "the snap election", "the new constitution", "the budget vote", "the regional referendum"],
            actions: &["approved", "rejected", "delayed", "challenged", "backed", "blocked"],
            counted: &["seats", "votes", "voters", "delegates", "lawmakers"],
            bodies: &["Party", "Alliance", "Front", "Assembly", "Union"],
        },
        Field::Economy => &Topic {
            tags: &["economy", "budget", "inflation", "taxes", "markets"],
            things: &["the spending plan", "the interest rate decision", "the tax package", "the debt restructuring", "the pension reform", "the fuel subsidy"],
            actions: &["approved", "cut", "raised", "postponed", "revised", "announced"],
            counted: &["jobs", "households", "businesses", "workers", "taxpayers"],
            bodies: &["Bank", "Treasury", "Revenue Service", "Statistics Office", "Fund"],
        },
        Field::Health => &Topic {
            tags: &["health", "outbreak", "hospitals", "vaccines", "public-health"],
            things: &["the vaccination campaign", "the cholera outbreak", "the hospital expansion", "the measles response", "the malaria programme", "the emergency ward"],
            actions: &["launched", "expanded", "suspended", "funded", "extended", "reviewed"],
            counted: &["patients", "cases", "doses", "nurses", "hospital beds"],
            bodies: &["Health Service", "Institute", "Agency", "Centre for Disease Control", "Medical Council"],
        },
        Field::Energy => &Topic {
            tags: &["energy", "climate", "oil", "renewables", "emissions"],
            things: &["the offshore wind farm", "the pipeline", "the coal phase-out", "the solar tender", "the grid upgrade", "the emissions target"],
            actions: &["approved", "halted", "financed", "opposed", "opened", "tendered"],
            counted: &["megawatts", "barrels a day", "homes", "turbines", "tonnes of carbon"],
            bodies: &["Energy Company", "Power Authority", "Grid Operator", "Oil Corporation", "Climate Council"],
        },
        Field::Transport => &Topic {
            tags: &["transport", "infrastructure", "rail", "aviation", "ports"],
            things: &["the high-speed line", "the airport expansion", "the harbour dredging", "the bridge repairs", "the metro extension", "the bus contract"],
            actions: &["opened", "delayed", "approved", "cancelled", "tendered", "inspected"],
            counted: &["passengers", "trains", "flights", "containers", "kilometres of track"],
            bodies: &["Rail Company", "Port Authority", "Airports Authority", "Roads Agency", "Transit Board"],
        },
        Field::Security => &Topic {
            tags: &["security", "conflict", "military", "police", "ceasefire"],
            things: &["the ceasefire", "the peacekeeping mission", "the border patrols", "the troop withdrawal", "the security pact", "the disarmament deal"],
            actions: &["extended", "broke down", "was signed", "was suspended", "was renewed", "was reviewed"],
            counted: &["troops", "soldiers", "officers", "refugees", "civilians"],
            bodies: &["Defence Force", "Police Service", "Security Council", "Border Guard", "Commission"],
        },
        Field::Education => &Topic {
            tags: &["education", "schools", "universities", "students", "teachers"],
            things: &["the exam reform", "the school meals scheme", "the tuition cap", "the teachers' pay deal", "the literacy programme", "the new curriculum"],
            actions: &["introduced", "scrapped", "extended", "funded", "criticised", "piloted"],
            counted: &["pupils", "students", "teachers", "schools", "classrooms"],
            bodies: &["University", "Schools Board", "Teachers Union", "Examinations Council", "Academy"],
        },
        Field::Courts => &Topic {
            tags: &["courts", "justice", "corruption", "trial", "law"],
            things: &["the corruption trial", "the appeal", "the extradition request", "the inquiry", "the class action", "the sentencing"],
            actions: &["adjourned", "upheld", "overturned", "opened", "dismissed", "delayed"],
            counted: &["defendants", "witnesses", "charges", "documents", "claimants"],
            bodies: &["Supreme Court", "Bar Association", "Anti-Corruption Office", "Tribunal", "Ombudsman"],
        },
        Field::Business => &Topic {
            tags: &["business", "companies", "trade", "mergers", "labour"],
            things: &["the merger", "the factory closure", "the wage agreement", "the share offering", "the export deal", "the strike"],
            actions: &["agreed", "called off", "announced", "blocked", "completed", "renegotiated"],
            counted: &["jobs", "shares", "employees", "stores", "vehicles"],
            bodies: &["Group", "Holdings", "Shipping Company", "Workers Union", "Chamber of Commerce"],
        },
        Field::Disaster => &Topic {
            tags: &["floods", "weather", "earthquake", "wildfires", "disaster-relief"],
            things: &["the flood barrier", "the relief effort", "the evacuation", "the reconstruction plan", "the early-warning system", "the emergency fund"],
            actions: &["completed", "expanded", "delayed", "funded", "tested", "criticised"],
            counted: &["homes", "families", "people", "hectares", "villages"],
            bodies: &["Relief Agency", "Meteorological Service", "Red Crescent Society", "Civil Protection Agency", "Reconstruction Office"],
        },
    }
}

/// Real cities with their countries and the adjective of the country.
pub const CITIES: &[(&str, &str, &str)] = &[
    ("Lisbon", "Portugal", "Portuguese"), ("Porto", "Portugal", "Portuguese"),
    ("Madrid", "Spain", "Spanish"), ("Zaragoza", "Spain", "Spanish"),
    ("Barcelona", "Spain", "Spanish"), ("Paris", "France", "French"),
    ("Lyon", "France", "French"), ("Marseille", "France", "French"),
    ("Berlin", "Germany", "German"), ("Hamburg", "Germany", "German"),
    ("Munich", "Germany", "German"), ("Warsaw", "Poland", "Polish"),
    ("Krakow", "Poland", "Polish"), ("Kyiv", "Ukraine", "Ukrainian"),
    ("Lviv", "Ukraine", "Ukrainian"), ("Rome", "Italy", "Italian"),
    ("Milan", "Italy", "Italian"), ("Naples", "Italy", "Italian"),
    ("Athens", "Greece", "Greek"), ("Istanbul", "Turkey", "Turkish"),
    ("Ankara", "Turkey", "Turkish"), ("Cairo", "Egypt", "Egyptian"),
    ("Alexandria", "Egypt", "Egyptian"), ("Lagos", "Nigeria", "Nigerian"),
    ("Abuja", "Nigeria", "Nigerian"), ("Kano", "Nigeria", "Nigerian"),
    ("Accra", "Ghana", "Ghanaian"), ("Nairobi", "Kenya", "Kenyan"),
    ("Mombasa", "Kenya", "Kenyan"), ("Addis Ababa", "Ethiopia", "Ethiopian"),
    ("Johannesburg", "South Africa", "South African"), ("Cape Town", "South Africa", "South African"),
    ("Dakar", "Senegal", "Senegalese"), ("Baghdad", "Iraq", "Iraqi"),
    ("Basra", "Iraq", "Iraqi"), ("Amman", "Jordan", "Jordanian"),
    ("Beirut", "Lebanon", "Lebanese"), ("Tehran", "Iran", "Iranian"),
    ("Riyadh", "Saudi Arabia", "Saudi"), ("Dubai", "United Arab Emirates", "Emirati"),
    ("Karachi", "Pakistan", "Pakistani"), ("Lahore", "Pakistan", "Pakistani"),
    ("Mumbai", "India", "Indian"), ("New Delhi", "India", "Indian"),
    ("Chennai", "India", "Indian"), ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Jakarta", "Indonesia", "Indonesian"), ("Manila", "Philippines", "Philippine"),
    ("Hanoi", "Vietnam", "Vietnamese"), ("Bangkok", "Thailand", "Thai"),
    ("Beijing", "China", "Chinese"), ("Shanghai", "China", "Chinese"),
    ("Tokyo", "Japan", "Japanese"), ("Osaka", "Japan", "Japanese"),
    ("Seoul", "South Korea", "South Korean"), ("Sydney", "Australia", "Australian"),
    ("Melbourne", "Australia", "Australian"), ("Auckland", "New Zealand", "New Zealand"),
    ("Toronto", "Canada", "Canadian"), ("Montreal", "Canada", "Canadian"),
    ("Chicago", "United States", "American"), ("Houston", "United States", "American"),
    ("Washington", "United States", "American"), ("Mexico City", "Mexico", "Mexican"),
    ("Bogotá", "Colombia", "Colombian"), ("Lima", "Peru", "Peruvian"),
    ("Santiago", "Chile", "Chilean"), ("Buenos Aires", "Argentina", "Argentine"),
    ("São Paulo", "Brazil", "Brazilian"), ("Rio de Janeiro", "Brazil", "Brazilian"),
    ("London", "United Kingdom", "British"), ("Manchester", "United Kingdom", "British"),
    ("Dublin", "Ireland", "Irish"), ("Oslo", "Norway", "Norwegian"),
    ("Stockholm", "Sweden", "Swedish"), ("Copenhagen", "Denmark", "Danish"),
    ("Helsinki", "Finland", "Finnish"), ("Amsterdam", "Netherlands", "Dutch"),
    ("Rotterdam", "Netherlands", "Dutch"), ("Brussels", "Belgium", "Belgian"),
    ("Vienna", "Austria", "Austrian"), ("Prague", "Czech Republic", "Czech"),
    ("Budapest", "Hungary", "Hungarian"), ("Bucharest", "Romania", "Romanian"),
];

/// Adjectives of invented organisations (`Northern`, `National`).
pub const ORG_ADJECTIVES: &[&str] = &[
    "National", "Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Federal",
    "Regional", "United", "Independent", "Royal", "Metropolitan", "Continental", "Atlantic",
    "Pacific", "Highland", "River", "Green", "Popular", "Democratic", "Progressive", "Civic",
    "Allied", "General", "Harbour", "Valley", "Lakeside", "Capital", "New",
];

/// Nouns of invented organisations (`Water`, `Fisheries`).
pub const ORG_NOUNS: &[&str] = &[
    "Water", "Fisheries", "Energy", "Transport", "Health", "Farmers", "Mining", "Housing",
    "Workers", "Trade", "Development", "Reform", "Justice", "Security", "Education", "Media",
    "Aviation", "Steel", "Textile", "Forestry", "Tourism", "Telecom", "Insurance", "Savings",
];

/// Real international organisations, with their acronyms.
pub const GLOBAL_ORGS: &[(&str, &str)] = &[
    ("United Nations", "UN"),
    ("World Health Organization", "WHO"),
    ("International Monetary Fund", "IMF"),
    ("European Union", "EU"),
    ("African Union", "AU"),
    ("World Food Programme", "WFP"),
    ("International Committee of the Red Cross", "ICRC"),
    ("Organisation for Economic Co-operation and Development", "OECD"),
];

/// News agencies for datelines (`LISBON, March 7 (Meridian News) -`).
pub const AGENCIES: &[&str] = &["Meridian News", "Continental Press", "Dateline Wire", "Harbour Desk"];

/// Number words for relative dates and counts.
pub const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// Weekdays.
pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Months.
pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// Direct quotes; `{place}`, `{thing}`, `{org}`, `{n}` are filled in.
pub const QUOTES: &[&str] = &[
    "We will not let the people of {place} down",
    "This is the most serious test we have faced in {n} years",
    "Nobody should pretend that {thing} will be cheap or quick",
    "We have listened, and we have changed the plan",
    "The numbers speak for themselves",
    "I am confident that {org} will keep its promises this time",
    "Every week of delay costs families in {place} money they do not have",
    "We asked for a timetable and we were given a press release",
    "There is no alternative that is both fair and affordable",
    "This decision was taken in the interest of the whole country",
    "We are prepared to go to court if we have to",
    "What matters now is that the work starts on time",
    "They knew about the risks for years and did nothing",
    "Our members will not accept another year of broken promises",
    "It is a good day for {place}, but the hard part starts now",
    "The money is there; what is missing is the will to spend it well",
    "We expect the first results within {n} months",
    "I have never seen anything like this in my career",
];

/// Indirect speech (`… said the plan would …`).
pub const CLAIMS: &[&str] = &[
    "the plan would be reviewed before the end of the year",
    "talks with {org} had made progress but no agreement had been reached",
    "the government had underestimated the cost of {thing}",
    "the figures showed the worst was over",
    "more money would be needed if the deadline was to be met",
    "the decision had been rushed and would be challenged",
    "residents of {place} had not been properly consulted",
    "{thing} remained the priority for the coming months",
];

/// Headline patterns; `{Thing}` is the thing with a capital, `{surname}` the lead person.
pub const HEADLINES: &[&str] = &[
    "{Org} {action} {thing} in {place}",
    "{surname} defends {thing} as critics cite rising costs",
    "{place} braces for {thing} after weeks of talks",
    "{Thing} {action} after {n} months of delay",
    "{surname} says {thing} will go ahead despite objections",
    "Protests in {place} over {thing}",
    "{Org} and {org2} agree on {thing}",
    "Questions over {thing} as {counted} figures rise",
];

/// Sub-headings for longer Markdown stories.
pub const SUBHEADS: &[&str] = &["Background", "What happens next", "Reaction", "The numbers", "Context"];

/// The closing lines of wire copy.
pub const TRAILERS: &[&str] = &["(Reporting by {a}; Editing by {b})", "(Writing by {a}; Additional reporting by {b})"];
