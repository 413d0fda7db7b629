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
];
