namespace Analysis;

/// <summary>
/// The built-in word lists behind <see cref="Gazetteer.Default"/>: places, organizations, nationalities and
/// groups (with canonical names), title words, organization and place suffixes, and common given names.
/// Kept as data in one place so a reader can see (and a user can extend) what the recognizer knows.
/// </summary>
internal static class DefaultLexicon
{
    /// <summary>Lines "kind|name|canonical" (canonical may be empty: the name itself). Kinds: place, org, group.</summary>
    public const string Entries = """
        place|Afghanistan|
        place|Albania|
        place|Algeria|
        place|Argentina|
        place|Armenia|
        place|Australia|
        place|Austria|
        place|Azerbaijan|
        place|Bahrain|
        place|Bangladesh|
        place|Belarus|
        place|Belgium|
        place|Bolivia|
        place|Bosnia|
        place|Brazil|
        place|Britain|United Kingdom
        place|Great Britain|United Kingdom
        place|UK|United Kingdom
        place|U.K.|United Kingdom
        place|United Kingdom|
        place|Bulgaria|
        place|Cambodia|
        place|Cameroon|
        place|Canada|
        place|Chile|
        place|China|
        place|Colombia|
        place|Congo|
        place|Croatia|
        place|Cuba|
        place|Cyprus|
        place|Czech Republic|
        place|Denmark|
        place|Ecuador|
        place|Egypt|
        place|England|
        place|Eritrea|
        place|Estonia|
        place|Ethiopia|
        place|Europe|
        place|Finland|
        place|France|
        place|Georgia|
        place|Germany|
        place|Ghana|
        place|Greece|
        place|Hungary|
        place|Iceland|
        place|India|
        place|Indonesia|
        place|Iran|
        place|Iraq|
        place|Ireland|
        place|Israel|
        place|Italy|
        place|Japan|
        place|Jordan|
        place|Kazakhstan|
        place|Kenya|
        place|Kosovo|
        place|Kuwait|
        place|Latvia|
        place|Lebanon|
        place|Libya|
        place|Lithuania|
        place|Malaysia|
        place|Mali|
        place|Mexico|
        place|Moldova|
        place|Morocco|
        place|Myanmar|
        place|Nepal|
        place|Netherlands|
        place|New Zealand|
        place|Nigeria|
        place|North Korea|
        place|Northern Ireland|
        place|Norway|
        place|Oman|
        place|Pakistan|
        place|Palestine|
        place|Peru|
        place|Philippines|
        place|Poland|
        place|Portugal|
        place|Qatar|
        place|Romania|
        place|Russia|
        place|Rwanda|
        place|Saudi Arabia|
        place|Scotland|
        place|Senegal|
        place|Serbia|
        place|Singapore|
        place|Slovakia|
        place|Slovenia|
        place|Somalia|
        place|South Africa|
        place|South Korea|
        place|Spain|
        place|Sri Lanka|
        place|Sudan|
        place|Sweden|
        place|Switzerland|
        place|Syria|
        place|Taiwan|
        place|Tanzania|
        place|Thailand|
        place|Tunisia|
        place|Turkey|
        place|Uganda|
        place|Ukraine|
        place|United Arab Emirates|
        place|UAE|United Arab Emirates
        place|United States|
        place|US|United States
        place|U.S.|United States
        place|USA|United States
        place|America|United States
        place|Uruguay|
        place|Uzbekistan|
        place|Venezuela|
        place|Vietnam|
        place|Wales|
        place|Yemen|
        place|Zambia|
        place|Zimbabwe|
        place|Africa|
        place|Asia|
        place|Middle East|
        place|Gulf|
        place|Balkans|
        place|Caribbean|
        place|Latin America|
        place|Gaza|
        place|Gaza Strip|
        place|Gaza City|
        place|West Bank|
        place|Golan Heights|
        place|Sinai|
        place|Abu Dhabi|
        place|Amman|
        place|Ankara|
        place|Athens|
        place|Baghdad|
        place|Bangkok|
        place|Barcelona|
        place|Beijing|
        place|Beirut|
        place|Belfast|
        place|Berlin|
        place|Birmingham|
        place|Brussels|
        place|Cairo|
        place|Cardiff|
        place|Chicago|
        place|Damascus|
        place|Delhi|
        place|New Delhi|
        place|Doha|
        place|Dubai|
        place|Dublin|
        place|Edinburgh|
        place|Geneva|
        place|Glasgow|
        place|Haifa|
        place|Hong Kong|
        place|Istanbul|
        place|Jakarta|
        place|Jerusalem|
        place|Kabul|
        place|Karachi|
        place|Kyiv|
        place|Kiev|Kyiv
        place|Lagos|
        place|Leeds|
        place|Lisbon|
        place|Liverpool|
        place|London|
        place|Los Angeles|
        place|Madrid|
        place|Manchester|
        place|Melbourne|
        place|Milan|
        place|Moscow|
        place|Mumbai|
        place|Munich|
        place|Nairobi|
        place|New York|
        place|Paris|
        place|Rafah|
        place|Riyadh|
        place|Rome|
        place|San Francisco|
        place|Seoul|
        place|Shanghai|
        place|Sydney|
        place|Tehran|
        place|Tel Aviv|
        place|The Hague|
        place|Tokyo|
        place|Toronto|
        place|Vienna|
        place|Warsaw|
        place|Washington|
        place|Khan Younis|
        place|Jenin|
        place|Ramallah|
        place|Tyre|
        place|Sidon|
        place|Silicon Valley|
        place|Wall Street|
        place|Downing Street|
        place|Westminster|
        place|Whitehall|
        place|Scandinavia|
        place|Siberia|
        place|California|
        place|Texas|
        place|Florida|
        place|Ohio|
        place|Michigan|
        place|Pennsylvania|
        place|Virginia|
        place|Yorkshire|
        place|Kent|
        place|Kuala Lumpur|
        org|United Nations|
        org|UN|United Nations
        org|U.N.|United Nations
        org|UN Security Council|United Nations Security Council
        org|U.N. Security Council|United Nations Security Council
        org|Security Council|United Nations Security Council
        org|UNRWA|
        org|Unicef|
        org|UNICEF|Unicef
        org|NATO|
        org|Nato|NATO
        org|European Union|
        org|EU|European Union
        org|European Commission|
        org|IMF|International Monetary Fund
        org|International Monetary Fund|
        org|World Bank|
        org|World Health Organization|
        org|WHO|World Health Organization
        org|WTO|World Trade Organization
        org|World Trade Organization|
        org|OPEC|
        org|Opec|OPEC
        org|Red Cross|
        org|Amnesty International|
        org|Human Rights Watch|
        org|Hamas|
        org|Hezbollah|
        org|Hizbollah|Hezbollah
        org|Islamic Jihad|
        org|Islamic State|
        org|ISIS|Islamic State
        org|Taliban|
        org|al-Qaeda|
        org|Al Qaeda|al-Qaeda
        org|IDF|Israel Defense Forces
        org|Israel Defense Forces|
        org|Palestinian Authority|
        org|Fatah|
        org|Knesset|
        org|Pentagon|
        org|White House|
        org|Kremlin|
        org|Congress|
        org|Senate|
        org|State Department|
        org|Supreme Court|
        org|CIA|
        org|FBI|
        org|NSA|
        org|Mossad|
        org|Shin Bet|
        org|Reuters|
        org|Associated Press|
        org|AP|Associated Press
        org|AFP|Agence France-Presse
        org|BBC|
        org|CNN|
        org|Al Jazeera|
        org|Fox News|
        org|Epoch Times|
        org|Times of Israel|
        org|Jerusalem Post|
        org|Haaretz|
        org|New York Times|
        org|Washington Post|
        org|Wall Street Journal|
        org|Financial Times|
        org|Guardian|
        org|Parliament|
        org|Commons|House of Commons
        org|House of Commons|
        org|House of Lords|
        org|Labour|Labour Party
        org|Labour Party|
        org|Conservatives|Conservative Party
        org|Conservative Party|
        org|Tories|Conservative Party
        org|Tory|Conservative Party
        org|Liberal Democrats|
        org|Lib Dems|Liberal Democrats
        org|Lib Dem|Liberal Democrats
        org|UKIP|
        org|SNP|
        org|Sinn Fein|
        org|Democrats|Democratic Party
        org|Republicans|Republican Party
        org|Treasury|
        org|Home Office|
        org|Foreign Office|
        org|Bank of England|
        org|Federal Reserve|
        org|Fed|Federal Reserve
        org|FTSE|
        org|Nasdaq|
        org|Dow Jones|
        org|Microsoft|
        org|Google|
        org|Apple|
        org|Sony|
        org|Nintendo|
        org|IBM|
        org|Intel|
        org|Yahoo|
        org|Amazon|
        org|eBay|
        org|Vodafone|
        org|Nokia|
        org|Samsung|
        org|Toyota|
        org|General Motors|
        org|Ford|
        org|Boeing|
        org|Airbus|
        org|BP|
        org|Shell|
        org|Enron|
        org|Yukos|
        org|Gazprom|
        org|FA|Football Association
        org|Football Association|
        org|Premiership|
        org|Premier League|
        org|Fifa|
        org|FIFA|Fifa
        org|Uefa|
        org|UEFA|Uefa
        org|IAAF|
        org|Arsenal|
        org|Chelsea|
        org|Liverpool FC|
        org|Manchester United|
        org|Man Utd|Manchester United
        org|Oscars|Academy Awards
        org|Academy Awards|
        org|Bafta|
        org|Baftas|Bafta
        org|Grammys|Grammy Awards
        org|Houthis|
        org|Houthi|Houthis
        group|Israeli|Israelis
        group|Israelis|
        group|Palestinian|Palestinians
        group|Palestinians|
        group|American|Americans
        group|Americans|
        group|Iranian|Iranians
        group|Iranians|
        group|Lebanese|
        group|Syrian|Syrians
        group|Syrians|
        group|Iraqi|Iraqis
        group|Iraqis|
        group|Egyptian|Egyptians
        group|Egyptians|
        group|Jordanian|Jordanians
        group|Saudi|Saudis
        group|Saudis|
        group|Qatari|Qataris
        group|Turkish|Turks
        group|Turks|
        group|Arab|Arabs
        group|Arabs|
        group|Jewish|Jews
        group|Jews|
        group|Muslim|Muslims
        group|Muslims|
        group|Christian|Christians
        group|Christians|
        group|Shia|Shia Muslims
        group|Sunni|Sunni Muslims
        group|Kurdish|Kurds
        group|Kurds|
        group|Gazans|
        group|Islamist|Islamists
        group|Islamists|
        group|Russian|Russians
        group|Russians|
        group|Ukrainian|Ukrainians
        group|Ukrainians|
        group|Chinese|
        group|Japanese|
        group|Korean|Koreans
        group|Indian|Indians
        group|Pakistani|Pakistanis
        group|Afghan|Afghans
        group|British|Britons
        group|Britons|
        group|Briton|Britons
        group|Englishman|English
        group|Frenchman|French
        group|Scotsman|Scots
        group|Welshman|Welsh
        group|Irishman|Irish
        group|Dutchman|Dutch
        group|English|
        group|Scottish|Scots
        group|Scots|
        group|Welsh|
        group|Irish|
        group|French|
        group|German|Germans
        group|Germans|
        group|Italian|Italians
        group|Spanish|Spaniards
        group|Dutch|
        group|Belgian|Belgians
        group|Swiss|
        group|Swedish|Swedes
        group|Norwegian|Norwegians
        group|Danish|Danes
        group|Polish|Poles
        group|Greek|Greeks
        group|Canadian|Canadians
        group|Australian|Australians
        group|European|Europeans
        group|Europeans|
        group|African|Africans
        group|Nigerian|Nigerians
        group|Kenyan|Kenyans
        group|South African|South Africans
        group|Brazilian|Brazilians
        group|Argentine|Argentines
        group|Mexican|Mexicans
        group|Western|the West
        group|Republican|Republican Party
        group|Democrat|Democratic Party
        """;

    /// <summary>Words that head a title before a name ("Prime Minister", "Secretary of State", "Mr").</summary>
    public static readonly string[] TitleHeads =
    [
        "President", "Minister", "Secretary", "Secretary-General", "Chancellor",
        "Adviser", "Advisor", "Director", "Chairman", "Chairwoman", "Chair", "Spokesman", "Spokeswoman", "Spokesperson",
        "Ambassador", "Envoy", "Leader", "Chief", "Governor", "Senator", "Sen.", "Rep.", "Representative", "General", "Gen.",
        "Commander", "Colonel", "Col.", "Major", "Captain", "Lieutenant", "Admiral", "King", "Queen", "Prince",
        "Princess", "Sheikh", "Emir", "Pope", "Judge", "Justice", "Mayor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
        "Dr", "Dr.", "MP", "MEP", "Sir", "Lord", "Lady", "Dame", "Rev.", "Reverend", "Father", "Rabbi", "Imam", "Ayatollah",
        "Coach", "Manager", "Speaker", "Deputy", "Executive", "Officer", "Professor", "Prof.", "CEO",
    ];

    /// <summary>Lowercase role words that, written just before a capitalized name, mark it as a person.</summary>
    public static readonly string[] RoleWords =
    [
        "spokesman", "spokeswoman", "spokesperson", "leader", "minister", "secretary", "president", "director",
        "envoy", "adviser", "advisor", "official", "chief", "chairman", "commander", "ambassador", "reporter",
        "correspondent", "analyst", "senator", "governor", "mayor", "head", "founder", "boss", "manager", "coach",
        "striker", "midfielder", "defender", "goalkeeper", "captain", "singer", "actor", "actress", "runner",
        "athlete", "writer", "author", "novelist", "artist", "comedian", "presenter", "chef",
        "star", "player", "champion", "economist", "lawyer", "judge", "chancellor", "executive", "premier",
    ];

    /// <summary>Last words that make a capitalized sequence an organization.</summary>
    public static readonly string[] OrgSuffixes =
    [
        "Department", "Ministry", "Office", "Forces", "Force", "Army", "Navy", "Council", "Agency", "Party", "Times",
        "Post", "Journal", "News", "Herald", "Telegraph", "Tribune", "Gazette", "Court", "Authority", "Association",
        "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "plc", "Plc", "Bank", "University", "College",
        "Committee", "Commission", "Union", "Organization", "Organisation", "Group", "Network", "Institute", "Foundation",
        "Company", "Co", "Co.", "Fund", "Service", "Services", "Police", "Guard", "Brigades", "Movement", "Front",
        "Club", "Rovers", "Athletic", "FC", "Board", "Assembly", "Parliament", "Cabinet", "Airlines",
        "Airways", "Motors", "Bureau", "Administration", "Federation", "League", "Society", "Trust", "Senate",
    ];

    /// <summary>Last words that make a capitalized sequence a place.</summary>
    public static readonly string[] PlaceSuffixes =
    [
        "River", "Strip", "Heights", "Sea", "Ocean", "Mountains", "Mountain", "Island", "Islands", "Province", "County",
        "Street", "Square", "Valley", "Bay", "Lake", "Desert", "Peninsula", "Region", "Coast", "Border", "Line",
        "Road", "Avenue", "Airport", "Port", "Stadium", "Park", "Hospital", "Camp",
    ];

    /// <summary>Last words that make a capitalized sequence an event, law or work rather than a person.</summary>
    public static readonly string[] EventSuffixes =
    [
        "War", "Summit", "Games", "Cup", "Championship", "Championships", "Awards", "Award", "Festival", "Olympics",
        "Act", "Bill", "Agreement", "Accord", "Accords", "Treaty", "Resolution", "Day", "Conference", "Prize", "Show",
        "Open", "Series", "Trophy", "Tour", "Plan", "Report", "Year", "Week", "Revolution", "Crisis",
    ];

    /// <summary>Verbs that introduce or attribute speech ("said", "told", "warned").</summary>
    public static readonly string[] SpeechVerbs =
    [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned", "warns", "noted", "notes",
        "explained", "explains", "insisted", "insists", "argued", "argues", "responded", "replied", "asked", "wrote",
        "writes", "tweeted", "posted", "announced", "announces", "declared", "stressed", "stresses", "emphasized",
        "emphasised", "underscored", "acknowledged", "confirmed", "predicted", "urged", "continued", "reiterated",
        "claimed", "claims", "suggested", "remarked", "admitted", "cautioned", "complained", "conceded", "recalled",
        "observed", "vowed", "pledged", "promised", "spoke", "joked", "boasted", "countered",
        "cried", "shouted", "whispered", "answered", "testified", "maintained", "agreed", "recounted", "describes",
        "tell", "add", "warn", "note", "explain", "insist", "argue", "respond", "reply", "write", "claim", "suggest",
        "urge", "stress", "admit", "confirm", "acknowledge", "predict", "reiterate", "announce", "declare", "emphasise",
        "emphasize", "concede", "complain", "recall", "promise", "pledge", "vow", "speak", "admits", "predicts",
        "warned", "conceded", "added",
    ];

    /// <summary>All-capital abbreviations that name things, not organizations.</summary>
    public static readonly string[] CommonAcronyms =
    [
        "TV", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "ID", "GDP", "CEO", "AIDS", "HIV", "DNA", "IT", "PR", "VAT", "FM",
        "AM", "PM", "BC", "AD", "OK", "MP", "MPs", "MEP", "MEPs", "SMS", "GPS", "PIN", "URL", "PDF", "MP3", "HD", "LCD",
        "USB", "WMD", "GMT", "EST", "CV", "QC", "OBE", "MBE", "CBE", "RPI", "CPI", "IPO", "R&D", "ATM", "VIP", "SUV",
    ];

    /// <summary>Common given names: a two-word capitalized sequence starting with one is taken as a person.</summary>
    public static readonly string[] GivenNames =
    [
        "Aaron", "Abdullah", "Adam", "Adrian", "Ahmad", "Ahmed", "Alan", "Albert", "Alex", "Alexander", "Ali", "Alice",
        "Alistair", "Amir", "Amos", "Amy", "Andrew", "Andy", "Angela", "Ann", "Anna", "Anne", "Anthony", "Antony",
        "Arnold", "Arthur", "Barack", "Barbara", "Ben", "Benjamin", "Benny", "Bill", "Bob", "Boris", "Brian", "Bruce",
        "Carl", "Carlos", "Caroline", "Catherine", "Charles", "Charlie", "Chris", "Christian", "Christine", "Christopher",
        "Claire", "Colin", "Craig", "Daniel", "Dave", "David", "Dennis", "Diana", "Donald", "Douglas", "Ed",
        "Edward", "Elizabeth", "Emily", "Emma", "Emmanuel", "Eric", "Fatima", "Frank", "Fred", "Gary", "George",
        "Gerhard", "Gordon", "Graham", "Hassan", "Helen", "Henry", "Hossein", "Hugh", "Hussein", "Ian", "Isaac",
        "Jack", "Jacob", "Jacques", "James", "Jamie", "Jane", "Jason", "Jean", "Jeff", "Jennifer", "Jeremy", "Jim",
        "Joe", "John", "Johnny", "Jonathan", "Jose", "Joseph", "Julia", "Kamala", "Karen", "Kate", "Kevin", "Khalid",
        "Kim", "Laura", "Lee", "Leo", "Lisa", "Lloyd", "Louise", "Maria", "Mark", "Martin", "Mary", "Matthew",
        "Michael", "Michel", "Mike", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Nancy", "Naftali", "Neil",
        "Nicholas", "Nick", "Nicola", "Nicolas", "Oliver", "Omar", "Patrick", "Paul", "Peter", "Philip", "Rachel",
        "Richard", "Robert", "Robin", "Roger", "Ron", "Rupert", "Ruth", "Sam", "Samuel", "Sarah", "Scott", "Sergei",
        "Simon", "Sophie", "Stephen", "Steve", "Steven", "Susan", "Thomas", "Tim", "Tom", "Tony", "Vladimir",
        "Walter", "William", "Yair", "Yasser", "Yoav", "Yousef", "Yusuf", "Hillary", "Jimmy",
    ];
}
