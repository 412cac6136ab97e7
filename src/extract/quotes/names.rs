//! Name knowledge: the gender given names suggest, and the words that make a
//! capitalised name an organisation or a place rather than a person. Pronoun
//! resolution leans on these when the entity extractor has nothing to say.

use super::lexicon::lower;

/// Words that make a capitalised name an organisation rather than a person.
pub fn is_org_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "department"
                | "ministry"
                | "office"
                | "committee"
                | "party"
                | "council"
                | "association"
                | "union"
                | "times"
                | "post"
                | "news"
                | "journal"
                | "agency"
                | "court"
                | "campaign"
                | "commission"
                | "house"
                | "university"
                | "institute"
                | "club"
                | "bank"
                | "group"
                | "company"
                | "inc"
                | "corp"
                | "foundation"
                | "center"
                | "centre"
                | "network"
                | "administration"
                | "government"
                | "senate"
                | "congress"
                | "police"
                | "army"
                | "pentagon"
                | "kremlin"
                | "fund"
                | "board"
                | "service"
                | "press"
                | "reuters"
                | "television"
                | "magazine"
                | "show"
                | "program"
                | "debates"
                | "tribune"
                | "herald"
                | "gazette"
                | "daily"
                | "weekly"
                | "review"
                | "report"
                | "poll"
                | "survey"
                | "study"
                | "statement"
                | "website"
                | "blog"
        )
    )
}

/// Words found in place names (`United States`, `New York`, `Orange County`).
pub fn is_place_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "new"
                | "north"
                | "south"
                | "east"
                | "west"
                | "united"
                | "states"
                | "kingdom"
                | "republic"
                | "city"
                | "county"
                | "island"
                | "islands"
                | "valley"
                | "river"
                | "street"
                | "avenue"
                | "square"
                | "park"
                | "bay"
                | "coast"
                | "beach"
                | "airport"
                | "station"
                | "hall"
                | "church"
                | "school"
                | "college"
                | "hospital"
                | "sea"
                | "gulf"
                | "los"
                | "las"
                | "san"
                | "santa"
                | "saudi"
                | "america"
                | "africa"
                | "europe"
                | "asia"
                | "middle"
                | "white"
                | "capitol"
                | "hill"
                | "wall"
                | "tower"
                | "district"
                | "state"
        )
    )
}

/// Gender of a first name, from common English and international given names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a first name or a gendered title (`Mr.`, `Mrs.`) suggests.
pub fn gender_of(word: &str) -> Option<Gender> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    match w {
        "mr" | "sir" | "king" | "prince" | "lord" | "father" | "congressman" | "spokesman"
        | "chairman" | "aaron" | "abdul" | "adam" | "ahmed" | "alan" | "albert" | "alex"
        | "alexander" | "ali" | "andrew" | "andy" | "anthony" | "antonio" | "arthur" | "barack"
        | "ben" | "benjamin" | "bernie" | "bill" | "bob" | "boris" | "brad" | "brian" | "bruce"
        | "carl" | "carlos" | "charles" | "charlie" | "chris" | "christopher" | "chuck"
        | "colin" | "dan" | "daniel" | "dave" | "david" | "dennis" | "dick" | "don" | "donald"
        | "doug" | "douglas" | "ed" | "edward" | "emmanuel" | "eric" | "frank" | "fred"
        | "gary" | "george" | "gerald" | "greg" | "harry" | "henry" | "hassan" | "howard"
        | "hugh" | "ian" | "ivan" | "jack" | "jacob" | "james" | "jason" | "jeb" | "jeff"
        | "jeffrey" | "jeremy" | "jerry" | "jim" | "jimmy" | "joe" | "joel" | "john" | "johnny"
        | "jon" | "jonathan" | "jose" | "joseph" | "josh" | "juan" | "justin" | "keith" | "ken"
        | "kenneth" | "kevin" | "kim" | "larry" | "lee" | "leon" | "lloyd" | "louis" | "luis"
        | "marco" | "mark" | "martin" | "matt" | "matthew" | "michael" | "mike" | "mitch"
        | "mitt" | "mohammed" | "mohammad" | "muhammad" | "nathan" | "neil" | "newt"
        | "nicholas" | "nick" | "nigel" | "omar" | "oliver" | "patrick" | "paul" | "pedro"
        | "peter" | "phil" | "philip" | "rand" | "ray" | "reince" | "richard" | "rick" | "rob"
        | "robby" | "robert" | "roger" | "ron" | "ronald" | "rudy" | "rush" | "ryan" | "sam"
        | "samuel" | "scott" | "sean" | "sergei" | "stephen" | "steve" | "steven" | "ted"
        | "thabet" | "thomas" | "tim" | "timothy" | "todd" | "tom" | "tony" | "vladimir"
        | "walter" | "wayne" | "william" | "xi" | "recep" | "lindsey" | "mitchell" | "chad"
        | "corey" | "kyle" | "bashar" | "hamid" | "haider" | "nouri" | "saddam" | "abu"
        | "ibrahim" | "yousef" | "jens" | "olaf" | "pete" | "kurt" | "tucker" | "bret"
        | "lester" | "marc" | "al" | "jesse" | "luther" | "cornel" | "van" | "abdullah"
        | "abraham" | "adrian" | "ahmad" | "alberto" | "alexei" | "alfred" | "allen" | "alvin"
        | "amir" | "andre" | "andres" | "angel" | "angelo" | "antoine" | "arnold" | "barry"
        | "benny" | "bernard" | "bobby" | "brandon" | "brett" | "bryan" | "byron" | "calvin"
        | "cameron" | "cecil" | "cesar" | "chester" | "clarence" | "clifford" | "clint"
        | "cody" | "cole" | "conor" | "craig" | "curtis" | "dale" | "damon" | "darrell"
        | "darren" | "derek" | "desmond" | "devin" | "dmitry" | "dominic" | "donnie" | "duane"
        | "dustin" | "dwight" | "earl" | "eddie" | "edgar" | "eduardo" | "edwin" | "ehud"
        | "elijah" | "elliott" | "elon" | "emilio" | "enrique" | "ernest" | "ethan" | "eugene"
        | "evan" | "felipe" | "fernando" | "floyd" | "francis" | "francisco" | "francois"
        | "fredrick" | "gabriel" | "garrett" | "gavin" | "gene" | "geraldo" | "gerhard"
        | "giuseppe" | "glen" | "glenn" | "gregory" | "guy" | "hakeem" | "hank" | "hans"
        | "harold" | "harvey" | "hector" | "helmut" | "herbert" | "herman" | "hugo" | "hunter"
        | "hussein" | "isaac" | "jacques" | "jaime" | "jair" | "jamal" | "jared" | "javier"
        | "jay" | "jeremiah" | "jerome" | "jesus" | "joey" | "jorge" | "julian" | "julio"
        | "jurgen" | "kareem" | "karl" | "keir" | "kelvin" | "kent" | "khalid" | "kirk"
        | "lamar" | "lance" | "lawrence" | "leo" | "leonard" | "leroy" | "lionel" | "lonnie"
        | "lorenzo" | "louie" | "lucas" | "luigi" | "luiz" | "luke" | "mahmoud" | "malcolm"
        | "manuel" | "marcus" | "mario" | "marvin" | "matteo" | "maurice" | "melvin" | "micah"
        | "miguel" | "miles" | "milton" | "mohamed" | "moses" | "narendra" | "nathaniel"
        | "ned" | "nicolas" | "noah" | "norman" | "orlando" | "oscar" | "otis" | "pablo"
        | "percy" | "petro" | "pierre" | "preston" | "quentin" | "rafael" | "rahul" | "ralph"
        | "ramon" | "randall" | "randy" | "raul" | "raymond" | "reggie" | "reginald" | "rex"
        | "ricardo" | "ricky" | "rishi" | "roberto" | "rodney" | "roland" | "roman" | "roy"
        | "ruben" | "rudolph" | "russell" | "salman" | "salvador" | "santiago" | "saul"
        | "sebastian" | "sergey" | "seth" | "shane" | "shawn" | "shimon" | "shinzo" | "sidney"
        | "silvio" | "simon" | "stuart" | "tariq" | "terrence" | "theodore" | "travis"
        | "trevor" | "troy" | "tyler" | "vernon" | "victor" | "viktor" | "vincent"
        | "volodymyr" | "wade" | "wesley" | "wilbur" | "willard" | "willie" | "winston"
        | "wolfgang" | "yitzhak" | "yusuf" | "zach" | "zachary" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "lady" | "dame" | "sister"
        | "congresswoman" | "spokeswoman" | "chairwoman" | "abby" | "alice" | "alicia"
        | "amanda" | "amy" | "andrea" | "angela" | "ann" | "anna" | "anne" | "barbara"
        | "betsy" | "betty" | "brenda" | "carly" | "carol" | "caroline" | "catherine"
        | "chelsea" | "christina" | "christine" | "claire" | "debbie" | "deborah" | "diane"
        | "donna" | "dorothy" | "elaine" | "elizabeth" | "ellen" | "emily" | "emma" | "eva"
        | "gennifer" | "gina" | "hannah" | "heather" | "heidi" | "helen" | "hillary" | "hope"
        | "huma" | "ivanka" | "jane" | "janet" | "jennifer" | "jessica" | "jill" | "joan"
        | "joanna" | "jodi" | "judy" | "julia" | "julie" | "karen" | "kate" | "katherine"
        | "kathleen" | "kathy" | "kellyanne" | "kelly" | "kirsten" | "laura" | "lauren"
        | "linda" | "lisa" | "loretta" | "lucy" | "maria" | "marie" | "martha" | "mary"
        | "megyn" | "melania" | "melanie" | "melissa" | "michelle" | "nancy" | "nicole"
        | "nikki" | "olivia" | "pam" | "pamela" | "patricia" | "rachel" | "rebecca" | "rosa"
        | "ruth" | "sandra" | "sara" | "sarah" | "sharon" | "sophie" | "stephanie" | "susan"
        | "susana" | "tammy" | "teresa" | "theresa" | "tulsi" | "valerie" | "victoria"
        | "virginia" | "wendy" | "marine" | "ava" | "quina" | "ayanna" | "kamala" | "maxine"
        | "gwen" | "condoleezza" | "madeleine" | "sheila" | "oprah" | "beyonce" | "ashley"
        | "jacklyn" | "adriana" | "krystal" | "esther" | "ariana" | "carla" | "cecile"
        | "zainab" | "fatima" | "aisha" | "adele" | "agnes" | "aileen" | "alexandra"
        | "alexandria" | "alexis" | "alison" | "allison" | "amber" | "amelia" | "ana"
        | "angelina" | "anita" | "annie" | "april" | "ariel" | "arlene" | "audrey" | "beatrice"
        | "becky" | "belinda" | "bernadette" | "bethany" | "beverly" | "bonnie" | "brittany"
        | "brooke" | "camille" | "candace" | "cara" | "carmen" | "carolyn" | "cassandra"
        | "cathy" | "charlene" | "charlotte" | "cheryl" | "christy" | "cindy" | "claudia"
        | "colleen" | "connie" | "constance" | "cynthia" | "daisy" | "danielle" | "daphne"
        | "darlene" | "dawn" | "deanna" | "debra" | "delores" | "denise" | "diana" | "dianne"
        | "dolores" | "dora" | "doris" | "edith" | "eileen" | "eleanor" | "elena" | "elise"
        | "ella" | "eloise" | "erica" | "erin" | "ethel" | "eunice" | "evelyn" | "faith"
        | "felicia" | "fiona" | "florence" | "frances" | "francine" | "gail" | "geraldine"
        | "giorgia" | "gladys" | "gloria" | "grace" | "greta" | "gwendolyn" | "harriet"
        | "hazel" | "helena" | "hilda" | "holly" | "ida" | "ilhan" | "irene" | "iris"
        | "isabel" | "isabella" | "jacinda" | "jacqueline" | "jade" | "janice" | "jasmine"
        | "jeanette" | "jeanine" | "jeanne" | "jenna" | "jenny" | "joanne" | "jocelyn"
        | "josephine" | "joy" | "joyce" | "juanita" | "judith" | "june" | "kara" | "karla"
        | "katie" | "katrina" | "kayla" | "kayleigh" | "kellie" | "kendra" | "kimberly"
        | "krista" | "kristen" | "kristin" | "kylie" | "leah" | "leila" | "lena" | "lillian"
        | "lily" | "lindsay" | "liz" | "lois" | "lorraine" | "louise" | "lucia" | "lydia"
        | "mabel" | "mae" | "maggie" | "mandy" | "marcia" | "margaret" | "margarita" | "marian"
        | "marianne" | "marilyn" | "marjorie" | "marlene" | "marsha" | "maureen" | "mavis"
        | "mazie" | "megan" | "meredith" | "mia" | "mika" | "mildred" | "miranda" | "molly"
        | "monica" | "muriel" | "myra" | "nadia" | "naomi" | "natalie" | "natasha" | "nina"
        | "nora" | "norma" | "olga" | "paige" | "patty" | "paula" | "pauline" | "pearl"
        | "peggy" | "penelope" | "penny" | "phyllis" | "priscilla" | "rachael" | "ramona"
        | "rashida" | "regina" | "renee" | "rhonda" | "rita" | "roberta" | "rosalind" | "rose"
        | "rosemary" | "roxanne" | "ruby" | "sabrina" | "sally" | "samantha" | "serena"
        | "shannon" | "shelly" | "sheryl" | "shirley" | "sonia" | "sonya" | "stacey" | "stacy"
        | "stella" | "sue" | "suzanne" | "sylvia" | "tamara" | "tanya" | "tara" | "tina"
        | "tracy" | "ursula" | "vanessa" | "vera" | "vicki" | "viola" | "violet" | "vivian"
        | "wanda" | "whitney" | "yolanda" | "yvonne" | "zoe" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_give_gender() {
        assert_eq!(gender_of("Hillary"), Some(Gender::Female));
        assert_eq!(gender_of("Lloyd"), Some(Gender::Male));
        assert_eq!(gender_of("Baghdad"), None);
    }

    #[test]
    fn org_and_place_words_are_told_apart_from_names() {
        assert!(is_org_word("Committee"));
        assert!(is_place_word("States"));
        assert!(!is_org_word("Austin"));
    }
}
