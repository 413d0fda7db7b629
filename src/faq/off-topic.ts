/**
 * Examples of everyday workplace questions that have nothing to do with the programme (a "None"
 * intent, as chat-bot classifiers train one). The classifier learns them as one label, so a
 * question that only shares a word or two with an entry ("tell me a joke" shares "tell") is
 * recognised as off-topic instead of answered.
 */
export const OFF_TOPIC_EXAMPLES: readonly string[] = [
  "I forgot my password",
  "my computer won't turn on",
  "the VPN is not working",
  "how do I install software on my laptop",
  "my screen is frozen",
  "I can't log in to my email",
  "outlook keeps freezing",
  "how do I share my screen in a call",
  "who do I call for IT support",
  "my phone needs a new charger",
  "is the lift broken",
  "where are the toilets",
  "the heating is off in the office",
  "can I book a desk for tomorrow",
  "where can I get a coffee",
  "what's for lunch",
  "what are the gym's opening hours",
  "what time does the shop shut",
  "is it going to rain tomorrow",
  "what's the temperature outside",
  "what's the football score",
  "when does the bus leave",
  "how far is it to the station",
  "tell me something funny",
  "sing me a song",
  "what is two plus two",
  "what day is it today",
  "what does this word mean in French",
  "write me a poem",
  "who is the prime minister",
  "what's a good film to watch",
  "how do I cook pasta",
  "submit my timesheet",
  "raise an invoice for me",
  "can you check my CV",
  "help me apply for a job at another company",
  "how do I update my personal details in the HR system",
  // IT and accounts
  "my account is locked",
  "I need a new login for the finance system",
  "how do I change the password on my phone",
  "the internet is really slow today",
  "my microphone is muted and I cannot unmute it",
  "my laptop battery keeps dying",
  "can you fix my mouse",
  "how do I print double sided",
  "I can't open this spreadsheet",
  "how do I turn on the camera in a video call",
  "where do I download the latest software update",
  "set up an email signature for me",
  "my calendar is not syncing",
  "how do I recover a deleted file",
  // Buildings, travel and facilities
  "which floor is the post office on",
  "is there a shower in the building",
  "where do I leave my bike",
  "who do I tell about a broken chair",
  "what time does the building open on Monday",
  "how do I get a visitor pass",
  "is there parking for visitors",
  "which bus goes into town",
  "book me a hotel for next week",
  "how much is a return ticket to London",
  "where is the nearest chemist",
  // Everyday HR and admin that is not the programme
  "how do I book a day off",
  "where is my payslip",
  "who do I tell about a leaking tap",
  "where do I find the fire safety rules",
  "how do I order business cards",
  // Writing and job hunting outside the programme
  "write an email for me",
  "check the spelling in my report",
  "help me with my personal statement",
  "draft a letter to my landlord",
  "write a reference letter for my colleague",
  "write a thank-you letter for me",
  "draft a letter of application for me",
  "what should I put on my CV",
  "summarise this document for me",
  // Small talk and general knowledge
  "tell me about yourself",
  "tell me a story",
  "do you like music",
  "are you a robot",
  "what is the meaning of life",
  "how old are you",
  "how tall is Snowdon",
  "what year was the castle built",
  "how do you spell necessary",
  "what is the square root of 81",
  "convert 10 miles to kilometres",
  "what time is it in New York",
  "will it snow this week",
  "is it sunny at the weekend",
  "who scored the winning goal",
  "is the cricket on tonight",
  "where should we go for dinner",
  "give me a recipe for soup",
  "what's on at the cinema",
  "recommend a podcast",
  "play some music",
  "I'm bored",
];

/**
 * Words and phrases that name everyday workplace things the programme has nothing to say about: IT
 * kit and accounts, payroll and HR admin, buildings and facilities. A question that names one in
 * words no knowledge entry uses is declined, whatever else it shares with an entry ("my headset
 * isn't working in calls" shares "calls" with who to contact). A phrase counts when all its words
 * are in the question. Words with an everyday second meaning ("excel", "outlook", "software" skills)
 * are left out.
 */
export const OFF_TOPIC_MARKS: readonly string[] = [
  // IT kit and accounts
  "laptop", "desktop", "headset", "headphones", "keyboard", "mouse",
  "printer", "printing", "scanner", "webcam", "camera", "microphone", "charger", "battery", "wifi", "wi-fi",
  "broadband", "vpn", "bluetooth", "password", "login", "locked out", "username",
  "powerpoint", "sharepoint", "onedrive", "reboot",
  "frozen", "helpdesk", "phishing", "sap", "oracle", "itrent",
  // Payroll and HR admin
  "payslip", "pay slip", "bank details", "tax code", "p60", "p45", "timesheet", "overtime", "flexi",
  "sick note", "fit note", "self-certify", "expenses system", "claim form", "submit a claim", "fill in a claim",
  // Claiming for an everyday work event, and a step count (analyse.ts).
  "everydayclaim", "stepcount",
  // Hosting an event, a job interview elsewhere, one's own HR contact (phrases.ts).
  "hostevent", "jobhunting", "hrperson", "idpass", "teamevent", "backfrombreak",
  "extendthing", "outofoffice", "interestrate", "shiftswap", "clocktime",
  // Buildings and facilities
  "canteen", "desk booking", "book a desk", "toilet", "heating",
  "air conditioning", "fire alarm", "security pass", "premises pass", "staff pass", "visitor pass", "door pass", "lanyard", "post room", "locker",
];
