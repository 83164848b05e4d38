/// Tables that make differently written words compare equal: abbreviations, irregular forms and a small set of
/// everyday synonyms. They are applied to both the expected and the typed answer, so a mapping only has to be
/// consistent, not linguistically perfect.
enum WordEquivalents {
  /// Abbreviations and chat spellings students type, mapped to the words they stand for (several words allowed;
  /// an empty expansion drops the word).
  static let abbreviations: [String: [String]] = [
    "govt": ["government"], "gov": ["government"], "gvt": ["government"], "govts": ["governments"],
    "dept": ["department"], "depts": ["departments"], "info": ["information"], "temp": ["temperature"],
    "temps": ["temperatures"], "conc": ["concentration"], "pd": ["potential", "difference"],
    "pds": ["potential", "differences"], "pm": ["prime", "minister"], "ussr": ["soviet", "union"],
    "uk": ["britain"], "gb": ["britain"], "usa": ["united", "states"], "approx": [], "abt": [], "esp": [],
    "yr": ["year"], "yrs": ["years"], "hr": ["hour"], "hrs": ["hours"], "mins": ["minutes"],
    "secs": ["seconds"], "min": ["minimum"], "max": ["maximum"], "avg": ["average"], "diff": ["difference"],
    "bc": ["because"], "cos": ["because"], "coz": ["because"], "cuz": ["because"], "bcos": ["because"],
    "bcoz": ["because"], "becuz": ["because"], "ppl": ["people"], "thru": ["through"], "tho": ["though"],
    "hex": ["hexadecimal"], "ack": ["acknowledge"], "mgmt": ["management"], "eqm": ["equilibrium"],
    "vol": ["volume"], "econ": ["economic"], "b4": ["before"], "wrt": ["with", "respect", "to"],
    "sth": ["something"], "smth": ["something"], "idk": [], "dunno": [], "incl": ["including"],
    "bn": ["billion"], "mil": ["million"], "mt": ["mount"], "chem": ["chemical"], "vs": ["v"], "versus": ["v"],
    "e.g": ["eg"], "i.e": ["ie"], "w": ["with"], "wo": ["without"], "&": ["and"], "admin": ["administration"],
  ]

  /// Contractions typed without their apostrophe, mapped to their two words.
  static let unapostrophised: [String: [String]] = [
    "didnt": ["did", "not"], "dont": ["do", "not"], "doesnt": ["does", "not"], "wasnt": ["was", "not"],
    "werent": ["were", "not"], "isnt": ["is", "not"], "arent": ["are", "not"], "cant": ["can", "not"],
    "couldnt": ["could", "not"], "shouldnt": ["should", "not"], "wouldnt": ["would", "not"],
    "hasnt": ["has", "not"], "havent": ["have", "not"], "hadnt": ["had", "not"], "wont": ["will", "not"],
    "cannot": ["can", "not"], "aint": ["is", "not"], "mustnt": ["must", "not"], "neednt": ["need", "not"],
  ]

  /// Multi-word phrases that mean one word; the key is the phrase's first word.
  static let phrases: [String: [(words: [String], replacement: [String])]] = [
    "made": [(["made", "up"], ["invented"])],
    "make": [(["make", "up"], ["invent"])],
    "makes": [(["makes", "up"], ["invents"])],
    "get": [(["get", "rid", "of"], ["remove"])],
    "got": [(["got", "rid", "of"], ["removed"])],
    "getting": [(["getting", "rid", "of"], ["removing"])],
    "in": [(["in", "charge", "of"], ["head", "of"]), (["in", "charge"], ["head"])],
    "incharge": [(["incharge", "of"], ["head", "of"]), (["incharge"], ["head"])],
    "plus": [(["plus", "or", "minus"], ["plusminus"])],
    "for": [(["for", "example"], ["eg"]), (["for", "instance"], ["eg"])],
    "at": [(["at", "least"], ["atleast"]), (["at", "most"], ["atmost"])],
    "greater": [(["greater", "than", "or", "equal", "to"], ["atleast"])],
    "taken": [(["taken", "out"], ["removed"])],
    "took": [(["took", "out"], ["removed"])],
    "take": [(["take", "out"], ["remove"])],
    "voted": [(["voted", "out"], ["voted", "removed"])],
    "vote": [(["vote", "out"], ["vote", "remove"])],
    "as": [(["as", "well", "as"], ["and"])],
    "rather": [(["rather", "than"], ["not"])],
    "instead": [(["instead", "of"], ["not"])],
    "i": [(["i", "do", "not", "know"], []), (["i", "dont", "know"], [])],
    "no": [(["no", "idea"], [])],
  ]

  /// Irregular verb and plural forms, mapped to the form the stemmer treats as their base.
  static let irregular: [String: String] = [
    "shot": "shoot", "gave": "give", "given": "give", "made": "make", "led": "lead", "took": "take",
    "taken": "take", "came": "come", "began": "begin", "begun": "begin", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "brought": "bring", "thought": "think",
    "sought": "seek", "caught": "catch", "taught": "teach", "bought": "buy", "sold": "sell", "told": "tell",
    "felt": "feel", "kept": "keep", "met": "meet", "won": "win", "lost": "lose", "held": "hold", "ran": "run",
    "saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write",
    "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive", "froze": "freeze",
    "frozen": "freeze", "broke": "break", "broken": "break", "struck": "strike", "fought": "fight",
    "built": "build", "sent": "send", "spent": "spend", "meant": "mean", "paid": "pay", "laid": "lay",
    "said": "say", "says": "say", "found": "find", "understood": "understand", "stood": "stand", "hid": "hide",
    "hidden": "hide", "became": "become", "forgot": "forget", "forgotten": "forget", "bore": "bear",
    "born": "bear", "dealt": "deal", "fed": "feed", "fled": "flee", "hung": "hang", "sank": "sink",
    "sunk": "sink", "shook": "shake", "shaken": "shake", "threw": "throw", "thrown": "throw", "woke": "wake",
    "wore": "wear", "worn": "wear", "wound": "wind", "swore": "swear", "sworn": "swear", "overthrew": "overthrow",
    "overthrown": "overthrow", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "criteria": "criterion", "phenomena": "phenomenon",
    "nuclei": "nucleus", "bacteria": "bacterium", "fungi": "fungus", "stimuli": "stimulus",
    "mitochondria": "mitochondrion", "analyses": "analysis", "hypotheses": "hypothesis", "theses": "thesis",
    "crises": "crisis", "bases": "basis", "indices": "index", "matrices": "matrix", "vertices": "vertex",
    "media": "medium", "lives": "life", "leaves": "leaf", "halves": "half", "wolves": "wolf",
    "thieves": "thief", "knives": "knife", "selves": "self", "died": "die", "dies": "die", "dying": "die",
    "dead": "die", "death": "die", "deaths": "die", "deadly": "die", "freed": "free", "afraid": "fear",
    "scared": "fear", "frightened": "fear", "learnt": "learn", "spelt": "spell", "burnt": "burn",
    "dreamt": "dream", "leant": "lean", "spoilt": "spoil", "whilst": "while", "amongst": "among",
    "used": "use", "using": "use", "uses": "use",
  ]

  /// Everyday synonyms; each list's first word stands for all of them.
  static let synonymGroups: [[String]] = [
    ["release", "free", "liberate"],
    ["kill", "murder", "execute", "assassinate", "shoot", "slay"],
    ["large", "big", "huge", "massive"],
    ["small", "tiny", "little"],
    ["fast", "quick", "rapid", "speedy", "swift"],
    ["start", "begin", "commence"],
    ["stop", "prevent", "halt", "block", "inhibit", "avoid"],
    ["reduce", "decrease", "lessen", "diminish", "cut", "shrink", "dilute"],
    ["increase", "raise", "boost"],
    ["show", "display", "demonstrate", "exhibit"],
    ["make", "produce", "create", "generate", "manufacture"],
    ["say", "claim", "announce", "declare", "assert"],
    ["invent", "fabricate", "concoct"],
    ["obey", "follow", "abide", "comply"],
    ["help", "aid", "assist"],
    ["remove", "eliminate", "dismiss", "sack", "oust", "expel"],
    ["dislike", "hate", "detest"],
    ["important", "significant", "crucial", "vital"],
    ["use", "utilize", "utilise"],
    ["buy", "purchase"],
    ["role", "job", "post"],
    ["damage", "harm", "injure"],
    ["child", "kid"],
    ["mistake", "error", "blunder", "failure"],
    ["need", "necessary", "require"],
    ["stay", "remain"],
    ["larger", "greater", "bigger"],
    ["amount", "quantity"],
    ["britain", "british"], ["france", "french"], ["germany", "german"], ["russia", "russian"],
    ["belgium", "belgian"], ["italy", "italian"], ["austria", "austrian", "austro"], ["america", "american"],
    ["spain", "spanish"], ["england", "english"], ["china", "chinese"], ["japan", "japanese"],
    ["serbia", "serbian"], ["bosnia", "bosnian"], ["poland", "polish"], ["netherlands", "dutch"],
    ["greece", "greek"], ["turkey", "turkish"], ["india", "indian"], ["ireland", "irish"],
    ["scotland", "scottish"], ["wales", "welsh"], ["europe", "european"], ["africa", "african"],
    ["hungary", "hungarian"], ["prussia", "prussian"], ["cuba", "cuban"], ["mongolia", "mongolian"],
  ]
}
