"""The words of the synthetic sample (used by :mod:`asklens.datasets`): topics, phrasings, slots, answers, FAQs.

This module is data only; :mod:`asklens.datasets` turns it into question logs.
Each topic lists *intents* (the distinct things people ask about it); each intent
has several phrasing templates and the answers staff give. ``{slot}`` placeholders
are filled from :data:`SLOTS`. Standardised topics have few intents and one stable
answer per intent; needs-people topics have many intents, open slots (research
subjects, software, data) and answers composed from varied librarian moves.
"""

from __future__ import annotations

SLOTS: dict[str, list[str]] = {
    "book": [
        "The Great Gatsby", "Thinking, Fast and Slow", "Sapiens", "Introduction to Algorithms", "Campbell Biology",
        "The Norton Anthology of English Literature", "Principles of Economics", "Beloved", "1984",
        "The Structure of Scientific Revolutions", "Calculus: Early Transcendentals", "Guns, Germs, and Steel",
        "The Souls of Black Folk", "Pride and Prejudice", "Invisible Man", "The Wretched of the Earth",
        "Silent Spring", "Discipline and Punish", "The Second Sex", "Brave New World", "The Handmaid's Tale",
        "Things Fall Apart", "The Color of Law", "Evicted", "Freakonomics", "The Immortal Life of Henrietta Lacks",
        "Clean Code", "A People's History of the United States", "The Feminine Mystique", "Orientalism",
        "The Prince", "Moby-Dick", "Frankenstein", "Their Eyes Were Watching God", "Microbiology: An Introduction",
        "Organic Chemistry", "Educated", "The New Jim Crow", "Braiding Sweetgrass", "Born a Crime",
    ],
    "db": [
        "JSTOR", "Web of Science", "Scopus", "PubMed", "PsycINFO", "ProQuest", "EBSCOhost", "Academic Search Complete",
        "CINAHL", "IEEE Xplore", "Business Source Complete", "Westlaw", "ScienceDirect", "Nexis Uni",
        "MLA International Bibliography", "ERIC", "Statista", "Factiva", "SpringerLink", "Wiley Online Library",
        "Embase", "the Cochrane Library", "Sage Journals", "Project MUSE",
    ],
    "course": [
        "ENG 111", "BIO 201", "CHEM 110", "PSY 101", "HIS 215", "ECO 202", "MTH 151", "NUR 310", "SOC 250",
        "CSC 120", "BUS 340", "PHI 105", "POL 230", "ART 160", "EDU 410", "COM 225", "ANT 212", "GEO 305",
    ],
    "room": [
        "room 214", "room 3B", "group study room 5", "room 118", "room 402", "study room 12", "room 220",
        "the media room", "room 305", "group room 9",
    ],
    "time": ["9pm", "10 pm", "midnight", "7am", "8:30", "noon", "6 pm", "11pm", "2am", "8 in the morning"],
    "day": [
        "today", "tonight", "tomorrow", "on Saturday", "on Sunday", "this Friday", "this weekend", "on Thanksgiving",
        "over spring break", "on Labor Day", "on Memorial Day", "during finals", "over winter break",
        "on Christmas Eve", "on Monday", "on MLK day", "on July 4th", "next week",
    ],
    "building": [
        "the main library", "the science library", "the music library", "the law library", "the learning commons",
        "Richter", "the library",
    ],
    "subject": [
        "climate change and migration", "social media and teen mental health", "the Harlem Renaissance",
        "microplastics in drinking water", "minimum wage effects on employment", "police body cameras",
        "CRISPR ethics", "urban heat islands", "food deserts in Miami", "remote work productivity",
        "vaccine hesitancy", "the gig economy", "sea level rise in South Florida", "bilingual education",
        "the opioid crisis", "AI in healthcare", "renewable energy policy", "gentrification in Little Havana",
        "the Cuban Revolution", "nurse burnout", "sleep and academic performance", "coral reef bleaching",
        "housing affordability", "voter turnout among young people", "the French Revolution", "sports concussions",
        "fast fashion", "childhood obesity", "mass incarceration", "immigration policy", "women in STEM",
        "plastic pollution", "the Cold War in Latin America", "music therapy for dementia",
        "cryptocurrency regulation", "telehealth in rural areas", "hurricane evacuation behavior",
        "language acquisition in children", "the Silk Road", "diversity in children's books",
        "electric vehicle adoption", "misinformation on TikTok", "universal basic income", "homelessness",
        "animal testing", "Indigenous land rights", "the 1918 flu pandemic", "esports", "mindfulness and anxiety",
        "mangrove restoration", "school choice", "Haitian migration", "stand your ground laws", "algae blooms",
        "first-generation college students", "medical debt", "microfinance", "green roofs", "video game violence",
        "Afro-Caribbean religion", "ocean acidification", "dual enrollment", "eviction rates", "the Everglades",
    ],
    "style": ["APA 7", "APA", "MLA", "MLA 9", "Chicago", "Chicago author-date", "Harvard", "IEEE", "AMA", "ASA"],
    "source": [
        "a YouTube video", "a website with no author", "a government report", "an interview I did",
        "a chapter in an edited book", "a journal article with 21 authors", "a tweet", "a dataset",
        "a conference paper", "a podcast episode", "a court case", "lecture slides", "an e-book",
        "a newspaper article from ProQuest", "a TED talk", "a figure from a textbook", "a personal communication",
    ],
    "software": ["ArcGIS Pro", "QGIS", "SPSS", "R", "Stata", "NVivo", "Python", "Tableau", "Excel", "SAS",
                 "ATLAS.ti", "RStudio"],
    "data": [
        "census tract data for Miami-Dade", "shapefiles for Florida counties", "voting data by precinct",
        "hurricane track data", "housing price data by zip code", "crime data for Miami", "World Bank indicators",
        "COVID case counts by county", "air quality data", "American Community Survey tables",
        "historical stock prices", "election results from the 1990s", "land use data", "flood zone maps",
        "public school test scores", "transit ridership data", "Twitter data",
    ],
    "degree": ["master's thesis", "dissertation", "bachelor's thesis", "capstone project", "DNP project",
               "doctoral dissertation", "senior thesis"],
    "collection": [
        "the university archives", "the rare books collection", "the Cuban Heritage Collection",
        "the campus newspaper archive", "the map collection", "the old yearbooks", "the Civil War letters",
        "the architecture drawings", "the photograph collection", "the oral history collection",
        "the Pan American Airways records",
    ],
    "equipment": ["laptop", "Chromebook", "iPad", "phone charger", "graphing calculator", "camera", "tripod",
                  "pair of headphones", "display adapter", "USB-C charger", "webcam", "ring light", "hotspot"],
    "event": ["citation workshop", "Zotero workshop", "GIS Day event", "finals stress relief event", "book club",
              "author talk", "data visualization workshop", "open access week talk", "R workshop",
              "research skills workshop", "poetry reading"],
    "callno": ["QA76.73 .P98 2019", "HM1206 .C66 2012", "PS3545.I345 Z5 2004", "RC455.4 .E8 M38 2018",
               "E185.61 .K47 2016", "HV6250.3 .U5 B76 2020", "QH541 .O35 2005", "PN1995.9 .W6 H37 2017"],
    "journal": ["Nature", "The Lancet", "JAMA", "the Journal of Marketing", "the American Economic Review",
                "Social Forces", "the New England Journal of Medicine", "Psychological Science", "Science",
                "the Journal of Finance"],
    "isbn": ["978-0-262-03384-8", "9780143127741", "978-0-06-231609-7", "9780393354324", "978-1-4028-9462-6"],
    "doi": ["10.1038/s41586-020-2649-2", "10.1016/j.jue.2019.103208", "10.1177/0956797614524581",
            "10.1001/jama.2021.1234", "10.1080/01621459.2017.1285773"],
    "amount": ["$15", "$2.50", "$45", "$120", "$8", "$30", "$75"],
    "device": ["my Mac", "my iPhone", "my Android phone", "my laptop", "my Chromebook", "my iPad",
               "my Windows laptop", "my phone"],
    "lost": ["my water bottle", "a black backpack", "my AirPods", "my student ID", "a blue umbrella",
             "my laptop charger", "a calculator", "my keys", "a grey hoodie", "my glasses", "a notebook",
             "my wallet"],
    "ai": ["ChatGPT", "Copilot", "Claude", "Gemini", "Perplexity", "Elicit", "Scite", "Consensus", "an AI tool"],
    "dept": ["public health", "history", "nursing", "marine biology", "economics", "education", "psychology",
             "architecture", "computer science", "sociology", "communication", "political science"],
    "floor": ["2nd floor", "third floor", "basement", "4th floor", "first floor", "5th floor"],
    "weeks": ["two weeks", "a week", "3 weeks", "a month", "a few days"],
    "review": ["systematic review", "scoping review", "meta-analysis", "rapid review", "mixed-methods review",
               "review of reviews"],
}

# READ-like effort level e in [0, 1]: 0 = directional, 1 = in-depth research.
# channels: shares of chat, email, desk, phone, sms.
_QUICK = {"chat": 0.42, "email": 0.05, "desk": 0.28, "phone": 0.15, "sms": 0.10}
_CIRC = {"chat": 0.36, "email": 0.16, "desk": 0.28, "phone": 0.14, "sms": 0.06}
_TECH = {"chat": 0.44, "email": 0.08, "desk": 0.38, "phone": 0.06, "sms": 0.04}
_RESEARCH = {"chat": 0.52, "email": 0.26, "desk": 0.17, "phone": 0.04, "sms": 0.01}
_MAIL = {"chat": 0.22, "email": 0.56, "desk": 0.16, "phone": 0.05, "sms": 0.01}

#: every topic of the sample library. ``share`` is its relative volume, ``effort`` its
#: effort level, ``season`` when it peaks, ``faq`` the FAQ entries (question, answer
#: HTML) the library wrote for it.
TOPICS: list[dict] = [
    # ------------------------------------------------------------------ standardised
    {
        "key": "hours", "label": "Library hours", "kind": "standardised", "trend": "steady", "share": 7.0,
        "effort": 0.02, "season": ("start", "finals"), "channels": _QUICK, "qtype": "Directional",
        "tags": ["hours", "hours;building"], "dept": "Access Services",
        "intents": [
            (5, ["What time does the library close {day}?", "When does {building} close {day}?",
                 "What time do you close tonight?", "How late is {building} open {day}?",
                 "What are the library hours {day}?", "What are your hours {day}?",
                 "Until what time is {building} open {day}?", "When do you open {day}?",
                 "What time does {building} open {day}?", "Is {building} open right now?"],
             ["Today's hours for every library are at https://library.sampleu.edu/hours.",
              "You can always find our current hours, including holidays, at https://library.sampleu.edu/hours. Finals and holiday hours are listed there too."]),
            (2, ["Is the library open {day}?", "Are you open {day}?", "Is {building} closed {day}?",
                 "Will the library be open {day}?", "Does the library close early {day}?"],
             ["Holiday and break hours are posted at https://library.sampleu.edu/hours. Most days we open at 8am.",
              "We keep reduced hours during breaks and close on major holidays; see https://library.sampleu.edu/hours for the full schedule."]),
            (2, ["Is the library open 24 hours during finals?", "Do you have extended hours for finals week?",
                 "Is there a 24/7 study space on campus?", "Is the learning commons open all night during exams?"],
             ["During finals the learning commons is open 24 hours with a valid student ID; see https://library.sampleu.edu/hours.",
              "Yes, from the Sunday before finals the learning commons stays open 24/7 for students with an ID card."]),
        ],
        "faq": [
            ("What time does the library close? What are the library hours?", "<p>Hours for every library, including holidays and breaks, are at <a href=\"https://library.sampleu.edu/hours\">library.sampleu.edu/hours</a>.</p>"),
            ("Is the library open 24 hours during finals?", "<p>Yes. During finals the <strong>learning commons</strong> is open 24/7 to students with a valid ID.</p>"),
            ("Is the library open on holidays and during breaks?", "<p>We keep reduced hours during breaks and close on major holidays. Check the <a href=\"https://library.sampleu.edu/hours\">hours page</a>.</p>"),
        ],
    },
    {
        "key": "printing", "label": "Printing", "kind": "standardised", "trend": "steady", "share": 7.0,
        "effort": 0.10, "season": ("start", "finals"), "channels": _TECH, "qtype": "Technology",
        "tags": ["printing", "printing;technology"], "dept": "Technology Help",
        "intents": [
            (5, ["How do I print in the library?", "Where can I print?", "How do I print from {device}?",
                 "Can I print from {device} to the library printers?", "Where are the printers?",
                 "how do i send something to the printer", "Is there a printer on the {floor}?",
                 "I need to print my paper, how does printing work here?", "Can I print something really quick?"],
             ["You can print from any library computer or from your own device at https://print.sampleu.edu; then release the job at any printer with your ID card.",
              "Send the job from a library computer or upload it at https://print.sampleu.edu, then swipe your ID at a release station to print."]),
            (3, ["How much does printing cost?", "How do I add money to my print account?",
                 "Do we get free printing?", "How much is color printing?", "I ran out of print credit, how do I add more?"],
             ["Black and white is 10 cents a page and color 50 cents; add money to your print account at https://print.sampleu.edu with a card.",
              "Printing is 10 cents a page (50 cents color). Students get $10 of credit each term; top up at https://print.sampleu.edu."]),
            (2, ["My print job isn't showing up at the release station", "The printer on the {floor} is jammed",
                 "I sent my document but it won't print", "The printer says out of paper", "The color printer is not working"],
             ["Sorry about that! Jobs stay in the queue for 24 hours; log in again at the release station and pick the job. We have let the tech desk know about the printer.",
              "Please try the release station next to the other printer; your job stays in the queue for 24 hours. We'll send someone to check the printer."]),
        ],
        "faq": [
            ("How do I print in the library?", "<p>Print from a library computer or upload at <a href=\"https://print.sampleu.edu\">print.sampleu.edu</a>, then release the job with your ID card.</p>"),
            ("How much does printing cost and how do I add money to my print account?", "<p>10 cents per black and white page, 50 cents for color. Add money at <a href=\"https://print.sampleu.edu\">print.sampleu.edu</a>.</p>"),
        ],
    },
    {
        "key": "wifi", "label": "Wi-Fi and network", "kind": "standardised", "trend": "steady", "share": 3.0,
        "effort": 0.08, "season": ("start",), "channels": _TECH, "qtype": "Technology",
        "tags": ["wifi", "technology;wifi"], "dept": "Technology Help",
        "intents": [
            (4, ["How do I connect to the wifi?", "What's the wifi password?", "How do I get on the Wi-Fi in the library?",
                 "I can't connect to the wifi on {device}", "Which wifi network should I use?",
                 "The wifi keeps disconnecting on {device}", "Is there guest wifi for visitors?"],
             ["Connect to the SampleU-Secure network and sign in with your university username and password. Visitors can use SampleU-Guest.",
              "Please use SampleU-Secure with your university login; if it keeps dropping, forget the network and reconnect. Guests can use SampleU-Guest."]),
            (1, ["The internet is really slow on the {floor}", "Is the wifi down?", "Is the network down right now?"],
             ["We're not aware of an outage; I've reported the slow wifi to IT. SampleU-Secure is usually faster than the guest network.",
              "IT reports no outage right now. Try SampleU-Secure rather than the guest network."]),
        ],
        "faq": [
            ("How do I connect to the wifi?", "<p>Choose <strong>SampleU-Secure</strong> and log in with your university account. Visitors use <em>SampleU-Guest</em>.</p>"),
        ],
    },
    {
        "key": "renewals", "label": "Renewing loans", "kind": "standardised", "trend": "steady", "share": 4.5,
        "effort": 0.06, "season": ("finals",), "channels": _CIRC, "qtype": "Circulation",
        "tags": ["renewals", "circulation;renewals"], "dept": "Access Services",
        "intents": [
            (5, ["How do I renew my books?", "Can I renew {book} online?", "Can I renew a book that is due {day}?",
                 "How do I renew my library books?", "I need to renew my books, how do I do that?",
                 "Can you renew {book} for me?", "How many times can I renew a book?"],
             ["You can renew items yourself under My Account at https://catalog.sampleu.edu/account; most books renew up to three times unless someone has requested them.",
              "Log in to My Account in the catalog and click Renew. Books can be renewed three times if nobody else has placed a hold."]),
            (2, ["It says my book can't be renewed", "Why can't I renew {book}?", "My renewal didn't work",
                 "The system won't let me renew, what do I do?"],
             ["That usually means another patron has placed a hold on the item, so it has to come back by the due date.",
              "If an item has a hold on it, it cannot be renewed; please return it by the due date."]),
        ],
        "faq": [
            ("How do I renew my books?", "<p>Go to <a href=\"https://catalog.sampleu.edu/account\">My Account</a> and choose <em>Renew</em>. Items renew up to 3 times unless requested.</p>"),
            ("Why can't I renew an item?", "<p>An item with a hold from another patron cannot be renewed. Return it by its due date.</p>"),
        ],
    },
    {
        "key": "fines", "label": "Fines and fees", "kind": "standardised", "trend": "fading", "share": 3.5,
        "effort": 0.09, "season": ("finals",), "channels": _CIRC, "qtype": "Circulation",
        "tags": ["fines", "circulation;fines"], "dept": "Access Services",
        "intents": [
            (4, ["Why do I have a fine on my account?", "I have a {amount} fine, how do I pay it?",
                 "How do I pay my library fine?", "Do you charge late fees?", "How much is the fine for a late book?",
                 "Can I pay my fines online?"],
             ["The library no longer charges overdue fines; only lost or damaged items are billed. You can see and pay any charges in My Account.",
              "Overdue fines were removed, so you only pay for items that are lost or damaged. Charges can be paid online in My Account."]),
            (2, ["There's a hold on my account because of a fine", "Can the fine be waived?",
                 "I returned the book but I still have a {amount} charge", "My registration is blocked by a library fine"],
             ["Once the item is checked in the replacement charge is removed automatically; I've cleared the block on your account.",
              "If the item has been returned the charge comes off within a day. I've removed the block on your account."]),
        ],
        "faq": [
            ("Does the library charge late fees or overdue fines?", "<p>No. Overdue fines were removed. You are billed only for lost or damaged items.</p>"),
            ("How do I pay a library fine or charge?", "<p>Pay online in <a href=\"https://catalog.sampleu.edu/account\">My Account</a> or at the service desk.</p>"),
        ],
    },
    {
        "key": "ill", "label": "Interlibrary loan", "kind": "standardised", "trend": "steady", "share": 4.0,
        "effort": 0.20, "season": (), "channels": _CIRC, "qtype": "Circulation",
        "tags": ["ILL", "interlibrary loan"], "dept": "Access Services",
        "intents": [
            (4, ["How do I request a book we don't have?", "Can I get {book} through interlibrary loan?",
                 "How does interlibrary loan work?", "Can you get an article from {journal} for me?",
                 "How do I request an article through ILL?", "The library doesn't own {book}, can I borrow it from another library?",
                 "Can I request the article with DOI {doi}?"],
             ["Request it through interlibrary loan at https://ill.sampleu.edu; articles usually arrive by email within two days and books within a week.",
              "Use the ILL request form at https://ill.sampleu.edu. Articles arrive as PDFs in a day or two; books take about a week."]),
            (2, ["When will my ILL book arrive?", "What's the status of my interlibrary loan request?",
                 "My ILL article hasn't come yet", "How long can I keep an interlibrary loan book?"],
             ["You can track every request in your ILL account at https://ill.sampleu.edu; books are usually lent for four weeks.",
              "Check the status in your ILL account; the lending library sets the due date, normally four weeks."]),
        ],
        "faq": [
            ("How do I request a book or article we don't have through interlibrary loan (ILL)?", "<p>Log in to <a href=\"https://ill.sampleu.edu\">ILL</a> and submit a request. Articles: 1–2 days. Books: about a week.</p>"),
            ("How long does interlibrary loan take?", "<p>Articles usually arrive within 2 days, books within 7–10 days. Track requests in your ILL account.</p>"),
        ],
    },
    {
        "key": "room_booking", "label": "Study room booking", "kind": "standardised", "trend": "steady", "share": 4.5,
        "effort": 0.05, "season": ("finals", "start"), "channels": _QUICK, "qtype": "Policy/Procedure",
        "tags": ["study rooms", "rooms;spaces"], "dept": "Access Services",
        "intents": [
            (5, ["How do I book a study room?", "Can I reserve {room} {day}?", "How do I reserve a group study room?",
                 "Are there any study rooms available {day}?", "How far ahead can I book a room?",
                 "Can I book a room for my group project?", "Is {room} free right now?"],
             ["Book study rooms up to two weeks ahead at https://rooms.sampleu.edu with your university login; each booking is up to 3 hours a day.",
              "Reserve rooms at https://rooms.sampleu.edu. You can book up to 3 hours per day, two weeks in advance."]),
            (2, ["Someone is in the room I booked", "Can I cancel my room reservation?", "I'm late for my room booking, will I lose it?"],
             ["Rooms are released if nobody checks in within 15 minutes; you can cancel from the confirmation email. Please let the desk know if someone is in your room.",
              "Show your confirmation email to the person in the room or come to the desk. You can cancel from the link in the email."]),
        ],
        "faq": [
            ("How do I book or reserve a group study room?", "<p>Use <a href=\"https://rooms.sampleu.edu\">rooms.sampleu.edu</a>. Up to 3 hours a day, up to two weeks ahead.</p>"),
        ],
    },
    {
        "key": "course_reserves", "label": "Course reserves and textbooks", "kind": "standardised", "trend": "steady",
        "share": 3.5, "effort": 0.07, "season": ("start",), "channels": _CIRC, "qtype": "Circulation",
        "tags": ["reserves", "course reserves;textbooks"], "dept": "Access Services",
        "intents": [
            (5, ["Is the textbook for {course} on reserve?", "Do you have the textbook for {course}?",
                 "Does the library have textbooks I can borrow?", "Is {book} on course reserve?",
                 "Where do I pick up course reserves?", "My professor said the book for {course} is on reserve, where is it?"],
             ["Search your course number in the course reserves page, https://library.sampleu.edu/reserves; reserve books are at the service desk for 2-hour loans.",
              "Many textbooks are on 2-hour reserve at the main service desk. Look up your course at https://library.sampleu.edu/reserves."]),
            (2, ["How long can I borrow a reserve book?", "Can I take a reserve book home?", "Can I scan pages from a reserve book?"],
             ["Reserve items are 2-hour loans for use in the library; you are welcome to scan pages on the scanners nearby.",
              "Course reserves are 2 hours, library use only. The scanners next to the desk are free."]),
        ],
        "faq": [],
    },
    {
        "key": "lost_items", "label": "Lost and found", "kind": "standardised", "trend": "steady", "share": 1.5,
        "effort": 0.06, "season": ("finals",), "channels": {"chat": 0.22, "email": 0.12, "desk": 0.36, "phone": 0.26, "sms": 0.04},
        "qtype": "Directional", "tags": ["lost and found"], "dept": "Access Services",
        "intents": [
            (5, ["I left {lost} in the library, has anyone turned it in?", "Did anyone find {lost}?",
                 "I lost {lost} on the {floor}", "Where is the lost and found?", "Is there a lost and found in the library?",
                 "I think I left {lost} in {room} yesterday"],
             ["Lost items are kept at the main service desk for 30 days; after that they go to campus police. Describe the item and we will check the bin for you.",
              "Please stop by the main service desk, which keeps the lost and found for 30 days. Valuables go to campus police at the end of each day."]),
        ],
        "faq": [],
    },
    {
        "key": "library_card", "label": "Library card and account", "kind": "standardised", "trend": "steady",
        "share": 3.0, "effort": 0.07, "season": ("start",), "channels": _CIRC, "qtype": "Circulation",
        "tags": ["account", "library card;account"], "dept": "Access Services",
        "intents": [
            (4, ["How do I get a library card?", "Is my student ID my library card?", "Do I need a library card to borrow books?",
                 "How do I activate my library account?", "Can I get a library card as a new faculty member?"],
             ["Your university ID card is your library card; it is active as soon as you are registered.",
              "No separate card is needed: your university ID works as your library card once you are enrolled or employed."]),
            (3, ["I can't log in to my library account", "My account says it is expired", "How do I see what I have checked out?",
                 "My library account is blocked", "What is my library PIN?"],
             ["Log in to My Account with your university username and password; I've refreshed your account record, so it should work now.",
              "Your account uses your university login. I updated your patron record; please try again in a few minutes."]),
        ],
        "faq": [
            ("How do I get a library card? Is my student ID my library card?", "<p>Your university ID card is your library card. It is active once you are registered.</p>"),
            ("How do I log in to my library account?", "<p>Use <a href=\"https://catalog.sampleu.edu/account\">My Account</a> with your university username and password.</p>"),
        ],
    },
    {
        "key": "scanning", "label": "Scanning and copying", "kind": "standardised", "trend": "steady", "share": 2.0,
        "effort": 0.07, "season": ("finals",), "channels": _TECH, "qtype": "Technology",
        "tags": ["scanning", "scanner;technology"], "dept": "Technology Help",
        "intents": [
            (5, ["Is there a scanner in the library?", "How do I scan a document?", "Can I scan to my email?",
                 "Where is the scanner?", "Is scanning free?", "Can I scan pages from a book and send them to {device}?",
                 "Do you have a photocopier?"],
             ["The book scanners on the first floor are free and can send PDFs to your email or a USB drive; copiers are next to the printers.",
              "Scanning is free at the overhead scanners on the first floor; you can email the PDF to yourself or save it to a USB stick."]),
        ],
        "faq": [],
    },
    {
        "key": "laptop_checkout", "label": "Laptop and equipment loans", "kind": "standardised", "trend": "steady",
        "share": 2.0, "effort": 0.08, "season": ("start", "finals"), "channels": _TECH, "qtype": "Circulation",
        "tags": ["equipment", "laptops;technology"], "dept": "Technology Help",
        "intents": [
            (5, ["Can I borrow a {equipment}?", "Do you lend {equipment}s?", "How long can I check out a laptop?",
                 "Are there any laptops available to borrow?", "Can I rent a {equipment} from the library?",
                 "Where do I check out a {equipment}?"],
             ["Laptops, chargers and other equipment can be borrowed at the service desk with your ID; laptops are 4-hour loans and stay in the building.",
              "Yes, the service desk lends laptops (4 hours, in the building) and chargers, calculators and cameras for longer periods."]),
            (1, ["I returned the laptop late, what happens?", "The laptop I borrowed won't turn on"],
             ["Please bring it back to the desk and we'll swap it; late equipment is billed by the hour after a grace period.",
              "Bring it to the service desk and we'll give you another one."]),
        ],
        "faq": [],
    },
    {
        "key": "parking", "label": "Parking and directions", "kind": "standardised", "trend": "steady", "share": 1.5,
        "effort": 0.03, "season": ("start", "summer"), "channels": {"chat": 0.30, "email": 0.08, "desk": 0.17, "phone": 0.40, "sms": 0.05},
        "qtype": "Directional", "tags": ["directions", "parking"], "dept": "Access Services",
        "intents": [
            (4, ["Where can I park to visit the library?", "Is there visitor parking near the library?",
                 "Where do I park?", "Is parking free on weekends?", "How do I get to {building}?",
                 "What is the address of {building}?"],
             ["Visitors can park in the Pavia garage across from the main library; pay at the machine or with the ParkMobile app. Directions are at https://library.sampleu.edu/visit.",
              "The closest visitor parking is the Pavia garage (paid). Directions and a map are on https://library.sampleu.edu/visit."]),
        ],
        "faq": [
            ("Where can visitors park near the library?", "<p>Visitor parking is in the Pavia garage across from the main library. See <a href=\"https://library.sampleu.edu/visit\">Visit us</a>.</p>"),
        ],
    },
    {
        "key": "off_campus", "label": "Off-campus access (proxy/VPN)", "kind": "standardised", "trend": "steady",
        "share": 5.5, "effort": 0.17, "season": ("start",), "channels": {"chat": 0.60, "email": 0.22, "desk": 0.06, "phone": 0.08, "sms": 0.04},
        "qtype": "Technology", "tags": ["off-campus access", "proxy;e-resources"], "dept": "E-Resources",
        "intents": [
            (5, ["How do I access databases from home?", "How do I get into {db} off campus?",
                 "It's asking me to pay for an article, how do I get it free?", "Can I access the library's e-books from home?",
                 "{db} wants me to log in, what do I use?", "How do I use the library resources off campus?",
                 "Do I need the VPN to use {db}?"],
             ["Start from the library website or https://library.sampleu.edu/databases and you'll be asked for your university login; no VPN is needed.",
              "Go through the library's database list so the proxy recognizes you; sign in with your university username and password."]),
            (3, ["I keep getting an error when I try to log in to {db} from home", "The proxy login isn't working",
                 "I get a 'URL not configured' message", "{db} says I don't have access"],
             ["Please clear your cookies and try again from https://library.sampleu.edu/databases; if it still fails, send me the link you used and I'll fix the proxy entry.",
              "That error usually means the link didn't go through our proxy. Try again from the database list; I've reported the link to our e-resources team."]),
        ],
        "faq": [
            ("How do I access library databases from off campus?", "<p>Start from the <a href=\"https://library.sampleu.edu/databases\">database list</a> and sign in with your university login. No VPN needed.</p>"),
            ("Why am I asked to pay for an article?", "<p>You reached the article outside the library proxy. Search from the library website and sign in.</p>"),
        ],
    },
    {
        "key": "database_access", "label": "Database access and links", "kind": "standardised", "trend": "steady",
        "share": 4.0, "effort": 0.21, "season": ("start",), "channels": {"chat": 0.55, "email": 0.20, "desk": 0.15, "phone": 0.06, "sms": 0.04},
        "qtype": "Reference", "tags": ["databases", "e-resources;databases"], "dept": "E-Resources",
        "intents": [
            (4, ["Do we have access to the {db} database?", "Does the library subscribe to {db}?", "Where can I find the {db} database?",
                 "Do we have access to {db}?",
                 "How do I get to {db} from the library website?", "Do we have access to {journal}?",
                 "Is {db} available to students?"],
             ["Yes, it is on our A-Z database list at https://library.sampleu.edu/databases; sign in with your university login.",
              "You can reach it from https://library.sampleu.edu/databases. Our subscriptions are listed there A to Z."]),
            (2, ["The link to {db} is broken", "{db} is down", "The full text link in {db} goes nowhere",
                 "Why can't I download the PDF from {db}?"],
             ["Thanks for reporting it; I've passed the broken link to our e-resources team. In the meantime you can reach the article from the journal page.",
              "I've reported the link problem. Meanwhile try the 'Find it' button, which offers another route to the full text."]),
        ],
        "faq": [
            ("Do we have access to a specific database or journal?", "<p>Check the A–Z list at <a href=\"https://library.sampleu.edu/databases\">library.sampleu.edu/databases</a>: we subscribe to JSTOR, Web of Science, Scopus, PubMed, PsycINFO, ProQuest, EBSCOhost and many more. To see if we have access to a journal, search its title in the catalog.</p><p>Broken link or a database down? Tell us and use the <em>Find it</em> button meanwhile.</p>"),
            ("Which databases does the library have?", "<p>See the A–Z list at <a href=\"https://library.sampleu.edu/databases\">library.sampleu.edu/databases</a>.</p>"),
        ],
    },
    {
        "key": "known_item", "label": "Finding a specific book", "kind": "standardised", "trend": "steady", "share": 6.0,
        "effort": 0.14, "season": (), "channels": _CIRC, "qtype": "Directional",
        "tags": ["catalog", "find a book;catalog"], "dept": "Ask a Librarian",
        "intents": [
            (5, ["Do you have the book {book}?", "Does the library have a copy of {book}?", "Is the book {book} checked out?",
                 "Can I find {book} in the library?", "I'm looking for the book {book}", "Do you have a copy of {book} I can borrow?",
                 "Does the library have {book}?", "Is {book} on the shelf or checked out?",
                 "Is there an e-book of {book}?", "Do you have the book with ISBN {isbn}?"],
             ["Yes, we have it: search the title in the catalog at https://catalog.sampleu.edu to see the call number and whether a copy is on the shelf.",
              "The catalog shows a copy on the shelf; note the call number and find it on the floor map, or place a hold and we'll pull it."]),
            (3, ["Where is call number {callno}?", "How do I find a book with call number {callno}?",
                 "I can't find {book} on the shelf", "Which floor has the {callno} books?"],
             ["Books in that call number range are shelved by floor; the floor map at https://library.sampleu.edu/maps shows the ranges. If it's not on the shelf we can search for it.",
              "Check the floor map for that call number range. If the book is missing, I can put in a search request for you."]),
        ],
        "faq": [
            ("How do I find out if the library has a book?", "<p>Search the <a href=\"https://catalog.sampleu.edu\">catalog</a> by title, author or ISBN. It shows whether we have the book, whether a copy is checked out or on the shelf, and whether there is an e-book. Note the call number and use the floor map.</p>"),
            ("How do I find a book on the shelf with its call number?", "<p>Call numbers are shelved by floor; see the <a href=\"https://library.sampleu.edu/maps\">floor maps</a>.</p>"),
        ],
    },
    {
        "key": "events", "label": "Workshops and events", "kind": "standardised", "trend": "steady", "share": 1.2,
        "effort": 0.05, "season": ("start",), "channels": {"chat": 0.35, "email": 0.35, "desk": 0.15, "phone": 0.10, "sms": 0.05},
        "qtype": "Policy/Procedure", "tags": ["events", "workshops"], "dept": "Ask a Librarian",
        "intents": [
            (5, ["When is the next {event}?", "How do I sign up for the {event}?", "Is the {event} online or in person?",
                 "Are there any library workshops this week?", "Do I get a certificate for the {event}?",
                 "Where is the {event}?"],
             ["All workshops and events are listed at https://library.sampleu.edu/events, where you can register; most are in the learning commons or on Zoom.",
              "See https://library.sampleu.edu/events for dates and registration. You'll get the location or Zoom link by email."]),
        ],
        "faq": [],
    },
    {
        "key": "accessibility", "label": "Accessibility services", "kind": "standardised", "trend": "steady",
        "share": 1.0, "effort": 0.14, "season": ("start",), "channels": {"chat": 0.30, "email": 0.35, "desk": 0.20, "phone": 0.14, "sms": 0.01},
        "qtype": "Policy/Procedure", "tags": ["accessibility"], "dept": "Access Services",
        "intents": [
            (4, ["Is there an elevator to the {floor}?", "Do you have computers with screen readers?",
                 "Is the library wheelchair accessible?", "Can I get an accessible version of {book}?",
                 "Are there quiet rooms for students with disabilities?", "Do you have assistive technology like JAWS?"],
             ["All floors are reachable by elevator, and the assistive technology room on the first floor has JAWS, ZoomText and Kurzweil; accessible formats can be requested at https://library.sampleu.edu/accessibility.",
              "Yes: elevators serve every floor, and room 118 has assistive software (JAWS, Kurzweil). Request accessible copies through https://library.sampleu.edu/accessibility."]),
        ],
        "faq": [],
    },
    {
        "key": "visitors", "label": "Visitor and alumni access", "kind": "standardised", "trend": "steady",
        "share": 1.2, "effort": 0.05, "season": ("summer",), "channels": {"chat": 0.30, "email": 0.25, "desk": 0.15, "phone": 0.28, "sms": 0.02},
        "qtype": "Policy/Procedure", "tags": ["visitors", "alumni;community"], "dept": "Access Services",
        "intents": [
            (4, ["Can alumni use the library?", "I'm not a student, can I visit the library?", "Can the public borrow books?",
                 "Can I use the databases as an alumnus?", "Do I need an ID to get into the library?",
                 "Can my high school student use the library for a project?"],
             ["Visitors are welcome with a photo ID and can use materials and public computers in the building; alumni can buy a borrowing card for $50 a year.",
              "The library is open to visitors with a photo ID. Alumni borrowing cards cost $50 a year; most databases are on-site only for visitors."]),
        ],
        "faq": [
            ("Can alumni and visitors use the library?", "<p>Yes. Visitors need a photo ID. Alumni can buy a borrowing card ($50/year).</p>"),
        ],
    },
    {
        "key": "ai_tools", "label": "AI tools and citing ChatGPT", "kind": "standardised", "trend": "new", "share": 3.4,
        "effort": 0.16, "season": ("finals",), "channels": {"chat": 0.55, "email": 0.25, "desk": 0.15, "phone": 0.03, "sms": 0.02},
        "qtype": "Reference", "tags": ["AI", "citation;AI"], "dept": "Ask a Librarian",
        "intents": [
            (5, ["How do I cite ChatGPT?", "How should I acknowledge using {ai} in my essay?",
                 "Do I have to say that I used {ai} to brainstorm?", "How do I reference a conversation with {ai}?",
                 "My professor wants us to disclose AI use, how do I credit {ai}?", "How do I cite {ai} in {style}?",
                 "Is there a format for including {ai} prompts and output in an appendix?"],
             ["Cite the tool's company as author, the tool and version, and the URL, and describe your prompt in the text; our guide has APA and MLA examples at https://libguides.sampleu.edu/ai.",
              "There is an AI citation guide with APA and MLA examples at https://libguides.sampleu.edu/ai; check your syllabus too, since instructors set the rules on AI use."]),
            (3, ["Is it okay to use {ai} for my paper?", "Does the library have access to {ai}?", "Can {ai} find sources for me?",
                 "{ai} gave me a citation that doesn't exist, what do I do?", "Are the articles {ai} recommends real?"],
             ["Your instructor's syllabus decides whether AI is allowed. AI tools sometimes invent citations, so search for each one in the catalog before you use it; see https://libguides.sampleu.edu/ai.",
              "AI tools can invent references, so always verify them in the library search. The AI guide at https://libguides.sampleu.edu/ai explains what is allowed and how to cite it."]),
        ],
        "faq": [],
    },
    # ------------------------------------------------------------------ needs people
    {
        "key": "citation", "label": "Citation help", "kind": "needs_people", "trend": "steady", "share": 5.0,
        "effort": 0.50, "season": ("finals",), "channels": _RESEARCH, "qtype": "Reference",
        "tags": ["citation", "citation;writing"], "dept": "Ask a Librarian",
        "intents": [
            (4, ["How do I cite {source} in {style}?", "What's the {style} format for {source}?",
                 "How would I cite {source} with no date in {style}?", "Can you check my {style} citation for {source}?",
                 "How do I do an in-text citation for {source} in {style}?"],
             None),
            (3, ["How do I format my reference list in {style}?", "Does my works cited need a hanging indent?",
                 "Is my bibliography right? My professor says the {style} formatting is wrong",
                 "How do I cite a source I found inside another source?", "How do I cite two authors with the same last name?"],
             None),
            (2, ["Can you help me set up Zotero?", "How do I export citations from {db} to Zotero?",
                 "My EndNote library isn't syncing", "Which citation manager should I use for my {degree}?"],
             None),
        ],
        "moves": [
            "For {source} in {style}, start with the author or organization, then the date, title and the URL.",
            "When there's no date, {style} uses n.d. in place of the year.",
            "Let's look at the example on page 3 of our {style} guide: https://libguides.sampleu.edu/citation.",
            "Your reference is close; the title should be in sentence case and italicized.",
            "For a secondary source, cite the one you actually read and mention the original in the text.",
            "The hanging indent is half an inch; in Word it's under Paragraph > Special.",
            "Zotero's browser connector can save the citation straight from {db}.",
            "I'd double-check with your instructor because some classes modify {style}.",
            "In-text, {style} uses the author's last name and year, with a page number for quotes.",
            "Purdue OWL has a good example for {source}, and our guide links to it.",
            "Could you paste the citation you have so far? I'll go through it with you.",
            "The DOI should be written as a full https://doi.org/ link at the end.",
            "Groups as authors are spelled out in full the first time in the text.",
            "Let's export the record from {db}: use the Cite button, then fix capitalization by hand.",
        ],
        "faq": [
            ("How do I cite sources in APA, MLA or Chicago?", "<p>Our <a href=\"https://libguides.sampleu.edu/citation\">citation guide</a> has examples for APA 7, MLA 9 and Chicago: how to cite a website, a YouTube video, an interview or a source with no date, in-text citations, and how to format the reference list or works cited with a hanging indent.</p>"),
            ("What is Zotero and how do I start?", "<p>Zotero is a free citation manager that saves citations from databases and builds your bibliography. See the <a href=\"https://libguides.sampleu.edu/zotero\">Zotero guide</a>; EndNote is also supported.</p>"),
        ],
    },
    {
        "key": "research_consult", "label": "Research consultations", "kind": "needs_people", "trend": "steady",
        "share": 3.0, "effort": 0.72, "season": ("finals",), "channels": _MAIL, "qtype": "Research",
        "tags": ["consultation", "research help;appointment"], "dept": "Research & Instruction",
        "intents": [
            (3, ["Can I make an appointment with a librarian about my research on {subject}?",
                 "I'd like to meet with the {dept} librarian about my paper", "How do I book a research consultation?",
                 "Can someone sit down with me and help me plan my research on {subject}?",
                 "Is there a subject librarian for {dept}?"],
             None),
            (3, ["I'm starting a literature review on {subject} and don't know where to begin",
                 "My professor said I should talk to a librarian about finding sources on {subject}",
                 "I need help developing a research question about {subject}",
                 "I'm working on a grant proposal on {subject} and need background literature"],
             None),
        ],
        "moves": [
            "I'd be glad to meet; you can pick a time at https://calendar.sampleu.edu/consult or reply with times that work.",
            "Before we meet, could you send the assignment prompt and any sources you already have?",
            "The {dept} librarian is the best person for this; I've copied them on this message.",
            "For {subject} we'll probably want to search {db} and a second database in the social sciences.",
            "Let's start by breaking {subject} into two or three concepts and listing synonyms for each.",
            "We can meet in person in the learning commons or on Zoom, whichever you prefer.",
            "Bring your laptop and we'll set up saved searches and alerts together.",
            "It may help to narrow {subject} to a population or a time period.",
            "I looked at a few searches ahead of time; there is a good recent review article we can build from.",
            "Consultations usually take 45 minutes to an hour.",
            "I've attached a short worksheet to help you map your topic before the appointment.",
            "We can also go over how to keep track of sources in Zotero.",
        ],
        "faq": [
            ("How do I book a research consultation with a librarian?", "<p>Book a one-on-one meeting with a subject librarian at <a href=\"https://calendar.sampleu.edu/consult\">calendar.sampleu.edu/consult</a>. We help you develop a research question, plan a literature review and find sources for your paper or project.</p>"),
        ],
    },
    {
        "key": "thesis", "label": "Thesis and dissertation help", "kind": "needs_people", "trend": "steady",
        "share": 2.5, "effort": 0.78, "season": ("finals", "summer"), "channels": _MAIL, "qtype": "Research",
        "tags": ["thesis", "graduate;thesis"], "dept": "Research & Instruction",
        "intents": [
            (3, ["I'm writing my {degree} on {subject} and need help with the literature review",
                 "How do I make sure my {degree} literature search is comprehensive?",
                 "Can a librarian review the search strategy for my {degree}?",
                 "I'm a grad student in {dept} starting my {degree}, where do I begin?"],
             None),
            (2, ["How do I submit my {degree} to the repository?", "What are the formatting requirements for the {degree}?",
                 "Can I embargo my {degree}?", "Do I need permission to include figures from other papers in my {degree}?"],
             None),
            (2, ["How do I find other dissertations on {subject}?", "Where can I find theses from other universities on {subject}?"],
             None),
        ],
        "moves": [
            "For a {degree} on {subject} I'd search ProQuest Dissertations & Theses first to see what has been done.",
            "A comprehensive search usually combines {db} with a second database and citation chasing.",
            "Let's document your search strings and dates so you can report them in the methods chapter.",
            "The graduate school's formatting template is on https://grad.sampleu.edu/etd; the library checks the PDF after you submit.",
            "You can choose a one- or two-year embargo when you submit to the repository.",
            "Figures from published papers usually need permission unless they are openly licensed; the publisher's site often has a permissions button.",
            "I'd suggest a longer meeting where we go through your chapters' search needs one by one.",
            "Your committee may expect you to cover grey literature as well; I can show you where to look.",
            "Set up alerts in {db} so new articles on {subject} come to your inbox while you write.",
            "For {dept}, the subject librarian holds thesis office hours on Thursdays.",
            "I've shared a folder with a search log template you can adapt.",
            "Zotero or EndNote will save you a lot of time with a reference list this long.",
        ],
        "faq": [],
    },
    {
        "key": "find_articles", "label": "Finding articles on a topic", "kind": "needs_people", "trend": "steady",
        "share": 7.0, "effort": 0.55, "season": ("finals",), "channels": _RESEARCH, "qtype": "Reference",
        "tags": ["research", "articles;research help", "database search"], "dept": "Ask a Librarian",
        "intents": [
            (4, ["I need peer-reviewed articles on {subject}", "Can you help me find sources about {subject}?",
                 "I'm writing a paper on {subject} for {course} and can't find anything",
                 "Where should I search for articles on {subject}?", "I need 5 scholarly sources on {subject}",
                 "How do I find research on {subject}?"],
             None),
            (3, ["I'm getting too many results in {db}, how do I narrow it down?", "I can't find anything on {subject} in {db}",
                 "Which database is best for {subject}?", "How do I know if an article is peer reviewed?",
                 "What keywords should I use for {subject}?"],
             None),
            (2, ["I need statistics about {subject}", "Where can I find primary sources on {subject}?",
                 "I need a news article about {subject} from the 1990s", "Are there books on {subject} I could use?"],
             None),
        ],
        "moves": [
            "Let's start with {db}; it's strong for {subject}.",
            "Try breaking your topic into keywords and combining them with AND, for example: {subject} AND policy.",
            "Use the peer-reviewed filter on the left side of the results page.",
            "If you get too many results, limit the date range to the last five years and add a population.",
            "Subject headings in {db} will give you more precise results than keywords alone.",
            "Here's a search I ran for you: <a href=\"https://search.sampleu.edu/?q=topic\">results</a>. The first few look relevant.",
            "Google Scholar can help too if you link it to the library in its settings.",
            "For statistics, Statista and the government agency websites are good places to start.",
            "What does your assignment require: empirical studies, reviews, or any scholarly source?",
            "The {dept} research guide lists the key databases: https://libguides.sampleu.edu/subjects.",
            "When you find one good article, look at its references and use 'Cited by' to find newer ones.",
            "For older news, ProQuest Historical Newspapers and Nexis Uni go back decades.",
            "Books can give you background; search the catalog and check the subject headings of a good hit.",
            "If we don't have the full text, you can request it through interlibrary loan.",
            "Try synonyms too; for {subject}, researchers also use related terms in the abstracts.",
        ],
        "faq": [],
    },
    {
        "key": "systematic_review", "label": "Systematic review support", "kind": "needs_people", "trend": "rising",
        "share": 1.5, "effort": 0.88, "season": (), "channels": _MAIL, "qtype": "Research",
        "tags": ["systematic review", "evidence synthesis"], "dept": "Research & Instruction",
        "intents": [
            (3, ["I'm doing a {review} on {subject}, can a librarian help with the search?",
                 "Can you help me build a search strategy for a {review}?",
                 "Our team is starting a {review} and needs a librarian co-author",
                 "How do I register a protocol for my {review}?"],
             None),
            (2, ["How do I translate my PubMed search to Embase?", "How do I deduplicate results for my {review}?",
                 "Which databases should a {review} on {subject} cover?", "How do I report the search in PRISMA?"],
             None),
        ],
        "moves": [
            "A {review} on {subject} usually needs at least PubMed, Embase and one subject database like {db}.",
            "Let's meet to define your PICO question before we write any search strings.",
            "Register the protocol in PROSPERO or OSF before screening starts.",
            "I'll draft a PubMed strategy with MeSH terms and free text, then translate it to Emtree.",
            "Covidence handles deduplication and screening; the library has an institutional license.",
            "The PRISMA-S checklist explains what to report about the search.",
            "Librarians who design and run the searches are usually listed as co-authors.",
            "Expect the search phase to take several weeks, including peer review of the strategy.",
            "Grey literature and trial registries should be part of the plan for {subject}.",
            "I've shared a search log so every database, date and hit count is recorded.",
        ],
        "faq": [],
    },
    {
        "key": "data_gis", "label": "Data and GIS help", "kind": "needs_people", "trend": "rising", "share": 1.5,
        "effort": 0.80, "season": ("finals",), "channels": _RESEARCH, "qtype": "Research",
        "tags": ["data", "GIS;data services"], "dept": "Data Services",
        "intents": [
            (3, ["Where can I find {data}?", "I need {data} for my project", "Do we have access to {data}?",
                 "Is there a dataset with {data}?"],
             None),
            (3, ["Can someone help me with {software}?", "How do I make a map of {data} in {software}?",
                 "I'm stuck analyzing my data in {software}", "How do I join a table to a shapefile in {software}?",
                 "Does the library have {software} on the computers?"],
             None),
        ],
        "moves": [
            "For {data}, the Census Bureau's data.census.gov is a good start, and Social Explorer is easier to use.",
            "We can look at this together in the data lab; you can book time at https://calendar.sampleu.edu/data.",
            "In {software} you'll want to make sure both tables share a key column before the join.",
            "The computers in the learning commons have {software} installed.",
            "PolicyMap, which we subscribe to, can map {data} without any software.",
            "Could you tell me the geography and the years you need?",
            "I'd check ICPSR as well; the university is a member, so downloads are free.",
            "The error usually means the coordinate systems differ; reproject one layer first.",
            "There's a workshop on {software} next week that covers exactly this.",
            "Send me your file and I'll take a look before we meet.",
            "Data management plans for grants can also be reviewed by our data librarian.",
        ],
        "faq": [],
    },
    {
        "key": "special_collections", "label": "Special collections and archives", "kind": "needs_people",
        "trend": "steady", "share": 1.5, "effort": 0.58, "season": ("summer",), "channels": _MAIL, "qtype": "Research",
        "tags": ["special collections", "archives"], "dept": "Special Collections",
        "intents": [
            (3, ["How do I visit {collection}?", "Can I see items from {collection}?", "Do I need an appointment for special collections?",
                 "What are the reading room hours for special collections?"],
             None),
            (3, ["I'm researching {subject} and wonder if {collection} has anything relevant",
                 "Do you have anything about my grandfather who studied here in the 1950s?",
                 "Can I get a high-resolution scan of a photo from {collection}?", "Can I publish an image from {collection}?"],
             None),
        ],
        "moves": [
            "The reading room is open by appointment Monday to Friday; request items at https://library.sampleu.edu/special.",
            "I searched the finding aids and {collection} has two boxes that may relate to {subject}.",
            "Scans for research are free; publication-quality scans take about two weeks.",
            "For publication you'll need our permission form, and we ask for a credit line.",
            "Our archivist can pull the boxes before your visit if you send the collection and box numbers.",
            "Yearbooks and the student newspaper are digitized and searchable online.",
            "Some collections are stored off site and need three days' notice.",
            "I'll check the accession records and get back to you this week.",
        ],
        "faq": [
            ("How do I visit Special Collections and the archives?", "<p>The reading room is open by appointment. Request materials from the archives, rare books and other collections at <a href=\"https://library.sampleu.edu/special\">library.sampleu.edu/special</a>. Scans of photos and items for research or publication can be ordered there too.</p>"),
        ],
    },
    {
        "key": "copyright", "label": "Copyright and permissions", "kind": "needs_people", "trend": "steady",
        "share": 1.0, "effort": 0.62, "season": ("start",), "channels": _MAIL, "qtype": "Policy/Procedure",
        "tags": ["copyright"], "dept": "Scholarly Communication",
        "intents": [
            (3, ["Can I post a chapter of {book} on Canvas for {course}?", "Is it fair use to show a film in my class?",
                 "How much of a book can I copy for my students?", "Can I use images from the internet in my presentation?"],
             None),
            (2, ["Who owns the copyright of my {degree}?", "Can I use a figure from {journal} in my article?",
                 "How do I get permission to reuse a published table?"],
             None),
        ],
        "moves": [
            "Fair use depends on four factors, so it's a case-by-case call; the checklist at https://libguides.sampleu.edu/copyright helps document it.",
            "Linking to the library's licensed copy in Canvas is usually the safest option.",
            "For {course}, course reserves can put a chapter up under our license.",
            "You keep the copyright to your {degree}; you give the university a license to share it.",
            "Publisher permissions usually go through the Copyright Clearance Center.",
            "Images with Creative Commons licenses can be reused with attribution.",
            "Showing a film in a face-to-face class is allowed; streaming it publicly is different.",
            "I'd like to understand how you plan to use it before I say more; can you share details?",
        ],
        "faq": [],
    },
    {
        "key": "instruction", "label": "Library instruction requests", "kind": "needs_people", "trend": "steady",
        "share": 1.2, "effort": 0.66, "season": ("start",), "channels": _MAIL, "qtype": "Instruction",
        "tags": ["instruction", "teaching;faculty"], "dept": "Research & Instruction",
        "intents": [
            (4, ["I'd like to schedule a library session for my {course} class", "Can a librarian visit my {course} class to talk about research?",
                 "Can you do an instruction session on {db} for my students?",
                 "I'm teaching {course} this term and want a workshop on finding sources about {subject}",
                 "Could you make a research guide for my {course} course?"],
             None),
        ],
        "moves": [
            "I'd be happy to teach a session for {course}; could you send the assignment and two or three possible dates?",
            "We can tailor the session to {subject} and have students search {db} hands-on.",
            "Sessions work best right before the research assignment is due.",
            "I can also build a course guide and embed it in Canvas.",
            "The instruction room holds 30 students with laptops; we can also come to your classroom.",
            "Let's meet for 15 minutes to plan the learning outcomes.",
            "I've booked the classroom tentatively; please confirm the date.",
            "If the class is online, a short video plus a Zoom drop-in may work better.",
        ],
        "faq": [],
    },
    {
        "key": "publishing", "label": "Publishing and open access", "kind": "needs_people", "trend": "steady",
        "share": 0.9, "effort": 0.64, "season": (), "channels": _MAIL, "qtype": "Research",
        "tags": ["open access", "publishing;scholarly communication"], "dept": "Scholarly Communication",
        "intents": [
            (3, ["Does the library pay open access fees for articles in {journal}?", "Is {journal} a predatory journal?",
                 "How do I choose a journal for my paper on {subject}?", "How do I get an ORCID?",
                 "Can I deposit my article in the repository?", "Do we have a read-and-publish agreement with Springer?"],
             None),
        ],
        "moves": [
            "Our read-and-publish agreements cover APCs with several publishers; check https://library.sampleu.edu/oa.",
            "To judge a journal, look at its indexing, editorial board and peer review policy; Think Check Submit helps.",
            "For a paper on {subject}, journals indexed in {db} are a good shortlist.",
            "You can deposit the accepted manuscript in the repository even if the journal isn't open access.",
            "ORCID takes five minutes at orcid.org; link it to your faculty profile.",
            "Journal Citation Reports shows impact factors if your department asks for them.",
            "I'd be glad to look at the author agreement with you before you sign it.",
        ],
        "faq": [],
    },
]

#: the longer "details" some FAQ entries carry, by FAQ question.
FAQ_DETAILS = {
    "How much does printing cost and how do I add money to my print account?":
        "Do students get free printing? What does color cost? Can I pay with a credit card?",
    "How do I access library databases from off campus?":
        "I'm at home and JSTOR or another database asks me to log in or pay. Do I need the VPN?",
    "How do I renew my books?": "Can I renew online? How many times can I renew?",
    "How do I request a book or article we don't have through interlibrary loan (ILL)?":
        "The library doesn't own the book or journal I need.",
    "How do I book or reserve a group study room?": "How far ahead can I book? How long can I keep the room?",
    "How do I cite sources in APA, MLA or Chicago?": "I need help with my bibliography, works cited or reference list.",
}

#: FAQs no question asks about any more (the stale ones).
STALE_FAQ: list[tuple[str, str]] = [
    ("How do I use the microfilm reader?", "<p>Microfilm readers are on the 3rd floor. Ask at the desk for a demonstration.</p>"),
    ("Where is the fax machine?", "<p>The public fax machine is next to the copiers. Faxes cost $1 per page.</p>"),
    ("Can I borrow a VHS player?", "<p>VHS players can be used in the media room for videotapes from the collection.</p>"),
    ("Where is the library during the 2019 renovation?", "<p>During the renovation, services moved to the temporary location in the Student Center.</p>"),
    ("How do I use the CD-ROM databases?", "<p>CD-ROM indexes are installed on the reference workstation near the entrance.</p>"),
]

#: pieces of staff answers shared by every topic.
ANSWER_OPENERS = ["", "", "Hi! ", "Hello, ", "Thanks for your question. ", "Hi there, ", "Good question! "]
ANSWER_CLOSERS = ["", "", " Let me know if you have other questions.", " Have a great day!",
                  " Feel free to reach out again if anything else comes up.", " Good luck!"]
RESEARCH_OPENERS = ["Thanks for reaching out. ", "Happy to help with this! ", "Hi, great topic. ", "",
                    "Thanks for the details. ", "Hello! ", "Good question; this one takes a little digging. "]
RESEARCH_CLOSERS = ["", " Let me know how it goes.", " Happy to meet if you want to go further.",
                    " Feel free to write back with what you find.", " Good luck with the project!",
                    " I'll follow up by email with a few more ideas."]

#: question openings and endings by channel: (text, weight, lower-case the question after it).
CHAT_PREFIXES = [
    ("", 50, False), ("Hi! quick question — ", 5, True), ("Hi, ", 8, True), ("Hello, ", 5, True), ("hey ", 4, True),
    ("Hi there! ", 4, False), ("Good morning, ", 2, True), ("Hi, I was wondering if you could help me. ", 4, False),
    ("Hello! I have a question. ", 3, False), ("hi i hope you're doing well. ", 2, False), ("Sorry to bother you, ", 2, True),
    ("Quick question: ", 3, True), ("Hello, I'm a student here. ", 2, False), ("Hi! ", 6, False),
]
CHAT_SUFFIXES = [
    ("", 55), (" thanks so much!", 8), (" Thank you!", 8), (" thanks", 6), (" Thanks in advance.", 4), (" ty!", 2),
    (" Any help would be appreciated.", 4), (" :)", 2), (" thank you!!", 3), (" Thanks!", 6),
]
EMAIL_PREFIXES = [
    ("", 20, False), ("Hello, ", 20, True), ("Dear Librarian, ", 12, False), ("Hi there, ", 10, True),
    ("Good afternoon, ", 8, True), ("To whom it may concern, ", 4, False), ("Hello Library Team, ", 6, False),
    ("Hi, I hope this email finds you well. ", 8, False),
]
EMAIL_SUFFIXES = [
    ("", 20), (" Thank you for your help.", 20), (" Best regards.", 10), (" Thanks!", 15), (" Many thanks.", 8),
    (" I appreciate your help.", 8),
]
DESK_PREFIXES = [("", 55, False), ("Patron asked: ", 15, False), ("Student asked ", 10, True), ("Q: ", 8, False),
                 ("Asked ", 6, True)]
PHONE_PREFIXES = [("", 45, False), ("Caller asked: ", 25, False), ("Phone: ", 10, False), ("Caller wanted to know ", 8, True)]
SMS_PREFIXES = [("", 80, False), ("hi ", 12, True), ("hey ", 8, True)]
SMS_SUFFIXES = [("", 70), (" thx", 12), (" ty", 8), (" pls", 5), (" thanks", 5)]

#: a sentence of context some patrons add (emails often, chats sometimes), before the sign-off.
CONTEXT = [
    "I'm a first-year student.", "I looked on the website but couldn't find it.", "This is for a class assignment.",
    "I'm a graduate student in {dept}.", "I'm working from home today.", "Sorry if this is the wrong place to ask.",
    "I'm an online student.", "My professor told me to ask the library.", "I'm new here this semester.",
    "I tried calling but nobody picked up.", "It's kind of urgent.", "I'm a transfer student.",
    "I'm faculty in {dept}.", "I asked at the front desk last week but wanted to check again.",
]

SMS_WORDS = {"you": "u", "are": "r", "please": "pls", "thanks": "thx", "tomorrow": "tmrw", "tonight": "tonite",
             "because": "bc", "what": "wat", "for": "4", "to": "to", "with": "w"}

FIRST_NAMES = [
    "Maria", "James", "Aaliyah", "Carlos", "Emily", "Jamal", "Sofia", "Daniel", "Priya", "Kevin", "Gabriela", "Tyler",
    "Fatima", "Brandon", "Isabella", "Luis", "Hannah", "Andre", "Mei", "Jordan", "Valentina", "Ethan", "Keisha",
    "Miguel", "Olivia", "Samuel", "Ana", "Noah", "Yasmin", "Marcus", "Chloe", "Diego", "Grace", "Omar", "Natalie",
    "Javier", "Zoe", "Darnell", "Camila", "Ryan", "Leila", "Joshua", "Daniela", "Tariq", "Rebecca", "Kenji",
]
LAST_NAMES = [
    "Rodriguez", "Johnson", "Nguyen", "Garcia", "Smith", "Williams", "Hernandez", "Brown", "Patel", "Lopez",
    "Martinez", "Jones", "Davis", "Gonzalez", "Kim", "Perez", "Wilson", "Thomas", "Jackson", "Moore", "Alvarez",
    "Chen", "Diaz", "Taylor", "Ramirez", "Baptiste", "Okafor", "Cohen", "Fernandez", "Morales", "Singh",
    "Washington", "Reyes", "Castillo", "Pierre", "Murphy", "Torres", "Ali", "Nakamura", "Santos",
]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "sampleu.edu", "students.sampleu.edu", "hotmail.com"]

STAFF = [
    "Dana Whitfield", "Marcus Greene", "Rosa Delgado", "Tom Becker", "Aisha Mensah", "Linda Park", "Oscar Ruiz",
    "Helen Carter", "Victor Lee", "Nadia Haddad", "Paul Osei", "Jenna Morris",
]
RESEARCH_STAFF = ["Rosa Delgado", "Aisha Mensah", "Victor Lee", "Nadia Haddad", "Helen Carter"]

AFFILIATIONS = [("Undergraduate", 55), ("Graduate", 22), ("Faculty", 8), ("Staff", 5), ("Alumni", 4),
                ("Community", 6)]

#: transcript filler: what patrons and staff say between the question and the answer.
PATRON_FILLER_SHORT = ["ok", "great, thanks", "oh ok", "got it", "perfect", "is that the same on weekends?",
                       "does that apply to grad students too?", "ok cool", "and where is that exactly?",
                       "sorry, one more thing", "yes", "I'm on my phone", "thank you", "ok I see it now"]
STAFF_FILLER_SHORT = ["Let me check that for you.", "One moment please.", "Yes, that's right.", "No problem.",
                      "Sure!", "Correct.", "Is there anything else I can help with?", "Let me look that up.",
                      "Yes, it's the same for everyone."]
PATRON_FILLER_LONG = [
    "I'm writing a paper on {subject}", "it's for {course}", "I need at least 5 peer-reviewed sources",
    "I tried Google Scholar but got too many results", "my professor said no websites", "how do I narrow it down?",
    "ok I see the results", "can I filter to the last 10 years?", "that's really helpful", "what about books?",
    "wait how did you get there?", "the link isn't working for me", "do I need to log in?", "it's due on Friday",
    "I'm a grad student in {dept}", "hmm I don't see that option", "ok one sec", "that makes sense",
    "is that the right database for this?", "can you send me that link again?", "I found one that looks good",
    "what if I can't find the full text?", "I'm using {software}", "sorry, my internet is slow",
]
STAFF_FILLER_LONG = [
    "Could you tell me more about your assignment?", "What have you tried so far?", "Let's try {db}.",
    "I'll send you a link.", "Are you looking for empirical studies or reviews?", "Let me run a quick search.",
    "Try the filters on the left side of the page.", "Here's a guide that may help: <a href=\"https://libguides.sampleu.edu/research\">Research Guide</a>",
    "Can you see my search results?", "Great, that's a good one.", "Do you have access to the full text?",
    "Let's look at the subject terms of that article.", "One moment while I pull that up.",
]
PATRON_THANKS = ["thank you so much!", "thanks!", "Thank you!!", "thanks, that helps a lot", "great thank you",
                 "perfect, thanks", "ok thanks", "Thank you for your help!"]
STAFF_CLOSINGS = ["You're welcome! Have a great day.", "Glad I could help!", "Happy to help. Good luck!",
                  "You're welcome, come back anytime.", "Anytime! Take care."]
STAFF_GREETINGS = ["Hi! Thanks for contacting Ask a Librarian.", "Hello, happy to help.", "Hi there!",
                   "Hi, thanks for reaching out.", "Hello! Let me take a look.", "Good afternoon!"]

#: PII snippets planted in patron text: (template, position) with position "pre" or "post".
PII_TEMPLATES = {
    "name": [("My name is {name}. ", "pre"), ("Hi, this is {name}. ", "pre"), (" - {name}", "post"),
             (" My name is {name}.", "post")],
    "email": [(" My email is {email}.", "post"), (" Please reply to {email}", "post"),
              (" you can email me at {email}", "post"), (" ({email})", "post")],
    "phone": [(" You can call me at {phone}.", "post"), (" my number is {phone}", "post"),
              (" Call me back at {phone} please.", "post")],
    "card": [(" My library card number is {card}.", "post"), (" my barcode is {card}", "post"),
             (" Card number: {card}.", "post")],
}
