"""A hand-written FAQ entry (question + short answer) per intent of the LibChat Miami set.

Written by a librarian from the intent name and general academic-library knowledge,
not from the questions in the data, for ``bench_gaps_miami.py``.
"""

FAQ = {
    "accessibility_services": (
        "How do I get accessible versions of library materials or make my documents accessible?",
        "The library's accessibility services can provide accessible PDFs, OCR scans, alt text and screen-reader "
        "friendly formats of readings and theses. Students registered with student disability services can "
        "request alternate formats; faculty can ask us to make course readings ADA compliant.",
    ),
    "account": (
        "How do I log in to my library account and see my checkouts, holds and fines?",
        "Sign in to My Account from the library homepage with your university username and password. There you "
        "can see items checked out, requests and holds, due dates, fines and fees, and update your PIN.",
    ),
    "adobe_access": (
        "How do I get Adobe Creative Cloud (Photoshop, Acrobat, Premiere) as a student?",
        "Students, faculty and staff can get an Adobe Creative Cloud license through the university. Request the "
        "Adobe license, then sign in to Adobe with your university email to install Photoshop, Illustrator, "
        "Acrobat Pro, Premiere and InDesign. Library computers also have Adobe installed.",
    ),
    "av_production": (
        "Can I record a podcast or video in the library's studio?",
        "The media studio has recording booths for audio and video production, podcast microphones, lighting, a "
        "green screen and editing stations. Book a recording studio session online; staff can help with "
        "equipment and editing software.",
    ),
    "circulation_basic": (
        "How do I check out, return or put a hold on a book?",
        "Bring books and your student ID to the circulation desk to check them out, or use self-checkout. Return "
        "books at any book drop. To place a hold or request a book for pickup, click Request in the catalog "
        "record and we will email you when it is ready at the circulation desk.",
    ),
    "citation_help": (
        "How do I cite sources in APA, MLA or Chicago style?",
        "See our citation guides for APA, MLA and Chicago style with examples for books, articles and websites. "
        "Citation managers such as Zotero can format your references and bibliography. A librarian can check a "
        "citation for you.",
    ),
    "copyright_permissions": (
        "Can I use copyrighted images or materials, and how do I get permission?",
        "Whether you can reuse material depends on copyright, fair use and the license. For publishing or course "
        "use you may need permission from the copyright holder. Our copyright guide explains fair use, public "
        "domain and how to request permissions.",
    ),
    "course_reserves": (
        "How do I find my course reserves or textbook on reserve?",
        "Search course reserves by your course number or instructor name. Reserve textbooks are kept at the "
        "circulation desk for short loans of two or three hours. Faculty can place items on reserve for a class "
        "using the reserves request form.",
    ),
    "cross_campus_comparison": (
        "Do the regional campus libraries offer the same services as the main campus library?",
        "The regional campus libraries and the main campus library share one catalog and most services, but "
        "hours, equipment and spaces differ by campus. Items can be sent between campuses for pickup.",
    ),
    "data_services": (
        "Where can I get help with data analysis, statistics software or finding datasets?",
        "Data services help with finding datasets and statistics, data management plans, and software such as "
        "R, SPSS, Stata, Python and GIS mapping. Book a consultation with the data librarian.",
    ),
    "databases": (
        "Which database should I use to search for articles, and how do I get to a database?",
        "Use the A-Z databases list to find databases such as JSTOR, EBSCO Academic Search Complete, ProQuest, "
        "PsycINFO and Web of Science. Subject research guides recommend the best databases for your field.",
    ),
    "digital_collections": (
        "Where can I see the library's digitized collections?",
        "The digital collections site has digitized photographs, archives, yearbooks, maps and historical "
        "documents you can view and download online.",
    ),
    "events_news": (
        "What events, workshops or exhibits are happening at the library?",
        "See the library events calendar and news page for upcoming workshops, exhibits, talks and programs. "
        "Most events are free and open to all.",
    ),
    "find_resource": (
        "How do I find a book or article, and does the library have it?",
        "Search the library catalog by title, author or keyword to see whether we own a book, journal or "
        "article, in print or online. The record shows the call number, location and availability, or a link to "
        "the full text.",
    ),
    "hours": (
        "What are the library's hours today?",
        "Library hours change during breaks, holidays, summer and finals week. See the hours page for when each "
        "library building opens and closes today and this week.",
    ),
    "human_handoff": (
        "Can I talk to a librarian or a real person?",
        "Yes. You can chat with a librarian during staffed hours, email us, call the reference desk or visit in "
        "person. Outside those hours, leave your question and a staff member will follow up.",
    ),
    "instruction_request": (
        "How do I request a library instruction session for my class?",
        "Instructors can request a library instruction session or workshop taught by a librarian for their "
        "course, in person or online. Fill in the instruction request form at least two weeks ahead.",
    ),
    "interlibrary_loan": (
        "How do I request a book or article the library does not have through interlibrary loan?",
        "Use interlibrary loan (ILL) or OhioLINK to borrow books and get article scans from other libraries. "
        "Log in to ILLiad and submit a request; articles arrive by email as PDFs, books are held for pickup.",
    ),
    "library_employment": (
        "Is the library hiring students, and how do I apply for a library job?",
        "Student employment positions at the library are posted on the university job board. Apply online with "
        "your availability; library staff jobs are listed on the university careers site.",
    ),
    "loan_policy": (
        "How long can I borrow books, and what are the overdue fines?",
        "Loan periods depend on your status and the item: students borrow most books for several weeks, faculty "
        "longer. Overdue items may be billed or blocked after the grace period; lost item fees apply.",
    ),
    "location_directions": (
        "Where is the library and where is something in the building?",
        "Use the campus map and the building floor maps to find the library, a floor, a call number range or a "
        "room. Parking is available in the nearby garage.",
    ),
    "makerspace_3d": (
        "Can I use the 3D printer in the makerspace?",
        "The makerspace has 3D printers, laser cutters, vinyl cutters and sewing machines. Submit a 3D print "
        "request with your STL file, or book time on the equipment after a short training.",
    ),
    "newspapers": (
        "How do I access newspapers like the New York Times or Wall Street Journal?",
        "Students can activate free online subscriptions to the New York Times and Wall Street Journal with a "
        "university email. Historical newspapers and archives are available in the newspaper databases.",
    ),
    "out_of_scope": (
        "My question is not about the library. Who should I ask?",
        "For questions about classes, registration, financial aid, housing, parking or campus IT, contact the "
        "relevant university office; we can point you to the right place.",
    ),
    "printing_wifi": (
        "How do I print in the library or connect to the wifi?",
        "Print from library computers or your laptop to the campus print queue and release the job at a printer "
        "with your ID card; printing costs are charged to your account. Connect to the campus wifi network with "
        "your university login. Scanners and copiers are free.",
    ),
    "remote_access": (
        "Why can't I access an article or database from off campus?",
        "When you are off campus, sign in through the proxy with your university username to use databases and "
        "e-journals. If a link gives an error or asks you to pay, clear cookies, try the link from the library "
        "website, or report the broken access link.",
    ),
    "renewal": (
        "How do I renew my library books?",
        "Renew items online in My Account before the due date, or ask at the circulation desk. Items can be "
        "renewed unless someone else has requested them.",
    ),
    "research_consultation": (
        "Can a librarian help me with my research project or paper?",
        "Book a research consultation with a librarian to get help choosing a topic, finding scholarly sources, "
        "developing a search strategy and evaluating sources for your assignment, thesis or literature review.",
    ),
    "room_booking": (
        "How do I reserve a study room in the library?",
        "Reserve group study rooms online up to two weeks ahead with your university login. Rooms can be booked "
        "for up to three hours a day; check in at the desk or with the room code.",
    ),
    "scholarly_publishing": (
        "Can the library help me publish open access or choose a journal?",
        "The scholarly communication team helps with open access publishing, author rights, article processing "
        "charge funding, choosing a journal, ORCID and depositing your work in the institutional repository.",
    ),
    "service_howto": (
        "How do I use a library service such as scanning, document delivery or requesting an item?",
        "Our help pages explain step by step how to use library services: scanning, document delivery, "
        "requesting items, suggesting a purchase and setting up alerts.",
    ),
    "software_access": (
        "Where can I use software like SPSS, ArcGIS or Microsoft Office?",
        "Library computers have specialized software such as SPSS, ArcGIS, MATLAB and Microsoft Office; some "
        "programs are also available through the virtual lab or a university license you can download.",
    ),
    "space_info": (
        "Where are quiet study spaces, and can I eat in the library?",
        "The library has quiet floors, group study areas, computer labs and seating with outlets. Covered drinks "
        "and snacks are allowed; lockers and lost-and-found are at the front desk.",
    ),
    "special_collections": (
        "How do I see rare books or archives in special collections?",
        "Special Collections and University Archives hold rare books, manuscripts and university records. Make "
        "an appointment to visit the reading room; materials do not circulate.",
    ),
    "staff_lookup": (
        "How do I contact a specific library staff member?",
        "Look up library staff by name or department in the staff directory, which lists email addresses and "
        "phone numbers.",
    ),
    "subject_librarian": (
        "Who is the subject librarian for my department or major?",
        "Each department has a subject liaison librarian. Find yours by subject in the subject librarians list "
        "and email them or book an appointment.",
    ),
    "tech_checkout": (
        "Can I borrow a laptop, charger, camera or calculator from the library?",
        "The library lends technology: laptops, chargers, calculators, cameras, tripods and headphones, for hours "
        "or days at the circulation desk. Bring your ID; late fees apply to equipment.",
    ),
    "website_feedback": (
        "How do I report a problem with the library website or give feedback?",
        "Use the feedback form to report a broken link, a website error or a search problem, or suggest an "
        "improvement. We read every comment.",
    ),
}
