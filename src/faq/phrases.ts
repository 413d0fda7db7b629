/**
 * English phrase rules for text analysis (analyse.ts, step 2): multi-word phrases, abbreviations
 * and everyday wordings rewritten to concept tokens before the text is split into words. Each rule
 * is a general way people word something ("my LM's OK" is permission, "steps a day" is walking),
 * checked against everyday questions that must still be declined (docs/faq-evaluation.md).
 */
/** Multi-word phrases rewritten to one concept token before splitting. Order matters. */
export const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  // Where the asker works is context, not the topic ("I'm at Belfast City Council and want to
  // register", "we're an NHS trust and want to host someone"): only "which organisations" asks about it.
  [
    /\b(im|i am|were|we are|i work|we work|i worked|ive been|i have been|weve been|we have been|im based|based|working|employed)( (at|in|for|with|from))? (a |an |the |my |our )?((nhs|health|police|fire|city|county|borough|district|town|welsh|scottish|uk|local|central|civil|public) ){0,3}(council|trust|nhs|government|govt|gov|board|police|university|charity|authority|service)\b/g,
    " ",
  ],
  [/\bfixed[\s-]*terms?\b/g, " fixedterm "],
  [/\bftcs?\b/g, " fixedterm "],
  [/\blms?\b/g, " manager "],
  [/\bkit\b/g, " keepintouch "],
  [/\bhops?\b/g, " hop "],
  [/\beois?\b/g, " eoi "],
  [/\blocal (authority|authorities|government|gov|govt)\b/g, " council "],
  // Swapping or covering a shift is rota admin, not a job swap; "what time is/does..." asks for a clock time.
  [/\b(swap|swapping|switch|switching|change|changing|cover|covering|trade|trading|pick up|picking up)( my| a| your| their| his| her| the| our)? shifts?\b/g, " shiftswap "],
  [/\bwhat time (is|does|do|will|are|did)\b/g, " clocktime "],
  [/\b(trade|trading|swap|swapping|switch|switching|exchange|exchanging) (places|jobs|roles|posts|with)\b/g, " exchange "],
  [/\bannual leave\b/g, " holiday "],
  [/\bsecurity (vetting|clearance|check|checks)\b/g, " vetting "],
  [/\b(old|previous|former|original) (job|role|post|position)\b/g, " oldjob "],
  [/\bpart[\s-]*time(rs?)?\b/g, " parttime "],
  [/\b(not|less than) (working )?full[\s-]*time\b/g, " parttime "],
  [/\bfull[\s-]*time\b/g, " fulltime "],
  [/\bjob[\s-]*shar(e|es|ing)\b/g, " parttime "],
  [/\b(compressed|reduced|fewer|less|flexible) hours\b/g, " parttime "],
  [/\bdays? (a|per|each|every) (week|month)\b/g, " parttime "],
  [/\b(long|longer)[\s-]*terms?\b/g, " longterm "],
  [/\b(short|shorter)[\s-]*terms?\b/g, " shortterm "],
  [/\bjobs?[\s-]*(swap|swaps|swapping|exchange|exchanges)\b/g, " exchange "],
  [/\b(swap|swapping|switch|switching|trade|trading) (jobs|roles|places)\b/g, " exchange "],
  [/\bline[\s-]*manag(er|ers|ement)\b/g, " manager "],
  [/\bheads? of profession\b/g, " hop "],
  [/\bbusiness[\s-]*cases?\b/g, " businesscase "],
  [/\bexpressions? of interest\b/g, " eoi "],
  [/\brole[\s-]*matching[\s-]*forms?\b/g, " rolematchingform "],
  [/\b(keep|keeps|keeping|kept|stay|stays|staying) in touch\b/g, " keepintouch "],
  [/\b(get|getting|got) in touch\b/g, " contact "],
  // Going ahead and applying is applying, not going ahead after a match.
  [/\bgo(es|ing)? ahead and (apply|register|sign up|put in|send)\b/g, " $2 "],
  [/\bgo(es|ing)? ahead\b/g, " proceed "],
  [/\b(pull|pulling|back|backing|drop|dropping|opt|opting) out\b/g, " withdraw "],
  [/\bchanged? (my|your|our|their) minds?\b/g, " withdraw "],
  [/\bturn(s|ed|ing)? ([a-z]+ ){0,2}down\b/g, " withdraw "],
  [/\b(get|gain|getting|gaining) out of\b/g, " benefit "],
  // "The big boss" is a more senior manager: "big" says nothing about the topic.
  [/\bbig (boss|bosses)\b/g, " boss "],
  // "If my boss says no" is about permission; "can I say no" is about turning a match down.
  [/\b(manager|managers|boss|lm|employer|department|organisation|council) (say|says|said|saying|refuses?|refused) no\b/g, " manager permission "],
  [/\b(say|says|said|saying) no\b/g, " withdraw "],
  [/\bdevelopment needs?\b/g, " developmentneed "],
  [/\b(host|hosting|take|takes|taking|take on|taking on|have|get|recruit|bring in|welcome) (on )?(a |an |some )?(secondee|secondees)\b/g, " hostsecondee "],
  [/\b(host|hosting|take on|takes on|taking on|took on|bring in|bringing in) (someone|somebody|a person|people|staff|an? (extra )?(person|member of staff))\b/g, " hostsecondee "],
  [/\b(take|taking|took) part\b/g, " participate "],
  // How someone is doing in the job is their performance ("how do I know if I'm doing OK at the host").
  [/\b(doing|getting on|performing)( ok| okay| well| alright| all right| fine| badly| a good job) (at|with|on|in) (the |my |our |this )?(host|secondment|placement|new (role|team|job|organisation|org))\b/g, " performance $5 "],
  [/\bhow (will|do|would|can|shall) (i|we) know\b/g, " notify "],
  [/\blet (me|you|them|him|her|staff|people|us) go\b/g, " permission "],
  [/\blets? (me|you|them|him|her|us) know\b/g, " notify "],
  [/\b(is|are|was|its|it is|has) (all )?over\b/g, " end "],
  [/\bstay(s|ing)? (on )?(longer|beyond|past|after)\b/g, " extend "],
  // Staying on for longer than agreed: "keep me on", "run past the end date", "another 6 months".
  [/\bkeep(s|ing)? (me|you|him|her|them|us|someone|somebody|my secondee|our secondee|the secondee) on\b/g, " extend "],
  [/\b(go|goes|going|run|runs|running|carry|carries|carrying) (on )?(past|beyond) (the|my|its|their|our) (end|finish)\b/g, " extend "],
  [/\b(another|an extra|extra|a further|further|an additional|additional) (\d+ |few |couple of |six |three |twelve )?(weeks?|months?|years?)\b/g, " extend "],
  [/\bsign(s|ed|ing)?[\s-]*up\b/g, " apply "],
  [/\bsign(s|ed|ing)?[\s-]*(it |this |that |me )?off\b/g, " permission "],
  [/\bfirst (day|week|month)\b/g, " start "],
  [/\b(only )?(do|work|working) (mornings|afternoons|evenings|school hours)\b/g, " parttime "],
  [/\bsick[\s-]*(pay|leave|entitlement)\b/g, " sickpay "],
  [/\bcarr(y|ies|ied|ying) (over|forward) (my |your |our |any |unused |some )?(leave|holidays?|days( off)?)\b/g, " holiday "],
  [/\b(second|secondary|side) (job|jobs|employment|gig)\b/g, " secondjob "],
  [/\b(dbs|criminal records?|background) (checks?|clearance)\b/g, " vetting "],
  // Getting started with applying is applying, not the plan.
  [/\bget(ting)? started (with )?(applying|an application|my application|registering|the application|the form)\b/g, " apply form "],
  [/\bget(ting)? started\b/g, " getstarted "],
  [/\bwhy (should|would|do|might) (i|you|we|anyone|someone|people)\b/g, " benefit "],
  [/\borgani[sz](e|es|ed|ing)\b/g, " arrange "],
  [/\b(find|finding|found) out\b/g, " notify "],
  // Hearing from your own (home) department or team is keeping in touch, not being told of a match.
  [/\b(still )?hear(s|d|ing)? (anything )?(from|about) (my|our) (own|home|old|usual|normal|previous) (department|dept|organisation|org|team|employer)\b/g, " keepintouch home organisation "],
  [/\bhear(d|ing)? back\b/g, " notify "],
  [/\bthink[\s-]*tanks?\b/g, " thinktank "],
  [/\b(not|isnt|arent|wasnt) (right|suitable|a good fit|for me)\b/g, " unsuitable "],
  [/\b(doesnt|dont|didnt) (suit|fit|work out)\b/g, " unsuitable "],
  // Not wanting to leave or be away for long is context for a shorter kind, not turning a role down.
  [/\b(dont|didnt|do not|did not) want to (leave|be away from|give up|commit to)\b/g, " "],
  [/\b(dont|didnt|doesnt|do not|did not|does not) (like|want)\b/g, " unsuitable "],
  [/\bin it for me\b/g, " benefit "],
  [/\bhuman resources\b/g, " hr "],
  [/\bwfh\b/g, " work from home "],
  [/\b(mat|pat|maternity|paternity|adoption|parental) leave\b/g, " maternity "],
  [/\b(t ?& ?cs?|ts and cs|terms and conditions|terms of employment)\b/g, " termsandconditions "],
  [/\bcentral (government|gov|govt)\b/g, " government "],
  // "Length of service" is about who can take part, not how long a secondment lasts.
  [/\b(length|years?|lengths) of (continuous )?service\b/g, " lengthofservice "],
  [/\bcontinuous service\b/g, " lengthofservice "],
  // "How long does matching take" asks how long a step takes (a timescale), not how long a
  // secondment lasts ("how long does a secondment last", "how long will it take").
  [/\bhow long (does|do|will|would|did|should|can|could|might) (?!(?:[a-z]+ ){0,2}(?:secondments?|placements?|it) )((?:[a-z]+ ){1,6}?)take\b/g, " timescale $2 "],
  // "How long does it (usually) take to get matched / for the host to reply" also names the step.
  [/\bhow long (does|do|will|would|did|should|can|could|might) it ((usually|normally|typically|generally|tend to) )?take( me| us| you| them)? (to|for|before|until)\b/g, " timescale "],
  [/\b(closing|close|cut[\s-]*off) dates?\b/g, " timescale "],
  // People who work in the private sector taking part (who may apply) is not where a secondee may go.
  [/\b(staff|people|employees|workers|someone|somebody|anyone|i|we) (who work |who works |work |works |working |employed )?(from|at|in|for|by) (a |the )?private (companies|company|firms?|sector|businesses|business)\b/g, " privatesectorstaff "],
  // How much notice someone needs is a timescale the material does not give.
  [/\bhow much notice\b/g, " timescale notice "],
  // How long the programme keeps someone's details is a timescale too, not how long a secondment lasts.
  [/\bhow long (will|do|does|would|can|could) (my|your|our|their|the|his|her) (personal )?(details|data|information|form|forms|record|records|application) (stay|be kept|be held|be stored|remain|be on)\b/g, " timescale $4 "],
  // Claiming for an everyday work event (a training course, a conference, an away day, an eye test)
  // is the employer's usual expenses process: the material only says who pays travel on a secondment.
  [/\b(claim|claims|claiming|claimed|expenses?|fares?|mileage|reimburse|reimbursed|reimbursement)\b((?: [a-z]+){0,6}?) (for|from|to|at|on) (a |an |the |my |our |last weeks? |this weeks? |next weeks? )?(training courses?|training days?|training sessions?|training|courses?|conferences?|away days?|team days?|workshops?|eye tests?)\b/g, " everydayclaim "],
  // How long someone must have been in post before they can apply is eligibility (length of
  // service), not how long a secondment lasts.
  [/\bhow long (do|does|would|will|must|should|have|has) (i|you|we|someone|somebody|people|staff|they|he|she) (have |need |got )?(to )?(be|been|have been|have worked|work|worked|serve|served|stay|stayed)\b((?: [a-z]+){0,8}?) before (i|you|we|they|he|she|someone|somebody|people|staff)? ?(can |could |may |am allowed to |are allowed to |is allowed to )?(apply|join|register|take part|participate|sign up|go on|be seconded|do one|get)\b/g, " lengthofservice apply "],
  [/\b(minimum|min|required|enough) (time|period|length of time) in (post|role|my job|the job|my role|my post|grade)\b/g, " lengthofservice "],
  // Steps a day are walking, not the seven-step plan.
  [/\b(steps?\b(?: [a-z]+){0,4}? (a|per|each|every) day|step (count|counter|target|goal)s?|(\d{1,3},\d{3}|\d{4,}|\d+k) steps)\b/g, " stepcount "],
  // "The building" is the office, not building skills or a network ("how do I get a new building pass").
  [/\b(the|a|our|this|that|my|office|main|new|which|whole|same|council|government) building\b/g, " $1 premises "],
  // Costs other than salary and travel for work: what the material says about expenses does not answer them.
  [/\b(childcare|child care|nursery|childminder|childminding|accommodation|lodging|rent|commuting|commute|parking|season ticket)( costs?| fees?| bills?| charges?| expenses?)\b/g, " othercost "],
  [/\b(pay|pays|paying|paid|cover|covers|covering|claim|claiming|help|helping) (for |with |towards )?(my |our |the )?(childcare|child care|nursery|childminder|accommodation|lodgings?|rent|commute|commuting|parking)\b/g, " othercost "],
  // Moving to the host for good is not a fixed-term contract ("not permanent") nor an extension.
  [/\b(a |the |my |your )?(permanent|perm) (job|role|post|position|contract|move|transfer)s? (with|at|in|from|for) (the |my |your |a |an )?(host|hosts|them)\b/g, " permanentmove "],
  [/\b(offer|offers|offered|offering|give|gives|gave)( me| you| them| him| her| us)? (a |the )?(permanent|perm) (job|role|post|position|contract)s?\b/g, " permanentmove "],
  [/\b(stay|stay on|remain|move|transfer|join|moving|transferring|staying|joining)( at| with| to| over to)?( the| my| your)? (host|hosts|them)( organisation| org)? (permanently|for good)\b/g, " permanentmove "],
  [/\b(permanently|for good) (stay|remain|move|transfer|join)\b/g, " permanentmove "],
  // How long someone has been somewhere is time gone by, not how long a secondment lasts.
  [/\bhow long (have|has) (i|you|we|he|she|they) (been|worked)\b/g, " elapsed "],
  [/\bhow long\b/g, " duration "],
  [/\bhow many (weeks|months|years)\b/g, " duration "],
  [/\b(foot|foots|footing) the bill\b/g, " pay "],
  [/\b(get|getting|got) hold of\b/g, " contact "],
  [/\bwrap(s|ped|ping)? up\b/g, " end "],
  // A host meeting someone before it agrees to take them is the approach (the material: it will
  // want to meet you before it agrees), not agreeing the details.
  [/\b(meet|see) (me|you|us|them|him|her) (first )?before (agreeing|they agree|it agrees|saying yes|they say yes|taking (me|you|them|him|her) on)\b/g, " approach host discuss "],
  // Speaking to the host or a vacancy holder is a talk with them, not asking the programme team who to speak to.
  [/\bspeak(s|ing)? (to|with)(?= (them|the host|the organisation|the org|the vacancy holder|the host organisation)\b)/g, " talk with "],
  // "Is that the end of it?" asks whether all is lost, not about the end of a secondment.
  [/\b((is|was) )?(that|this|it) the end of (it|the road|that|things)\b|\bend of the road\b/g, " "],
  [/\b(get|getting|got) (on|onto|into) (the|this) (programme|program|scheme)\b/g, " apply programme "],
  [/\b(sure|bound|certain) to (get|be given|be matched|find)\b/g, " guarantee "],
  [/\b(does|do|will) (that|this|it) mean (i|we|you|they) (will|ll|are going to) (get|be given|be matched)\b/g, " guarantee "],
  [/\b(rule|rules|ruled|ruling) (me|us|them|him|her|you|people|someone) out\b/g, " eligible "],
  [/\b(off the table|out of the question)\b/g, " eligible "],
  // Being allowed to apply at all is eligibility, not a manager's permission.
  [/\b(would|will|could|can) (i|we|they|someone|somebody|people|staff) (still |even )?be (allowed|permitted) to (apply|join|take part|participate|register|sign up|do one|do this|do it|go on one)\b/g, " eligible apply "],
  [/\b(am i|are we|are you|is (he|she|someone|somebody)|are (they|people|staff)) (still |even )?(allowed|permitted) to (apply|join|take part|participate|register|sign up|do one|do this|do it|go on one)\b/g, " eligible apply "],
  // Knowing someone at an organisation is a way in ("know" and "someone" alone are stop words).
  [/\b(know|knows|knew) (someone|somebody|people|a person|a few people|a contact)\b/g, " acquaintance "],
  [/\b(someone|somebody|people|a person|a contact) (i|we) (already )?(know|knew)\b/g, " acquaintance "],
  // Messaging someone is contacting them ("should I just message them").
  [/\b(message|messaging|dm|text|texting|ping|pinging|drop) (them|him|her|that person|this person)\b( a line| a message| an email)?/g, " contact "],
  // Where that acquaintance works is context ("I know someone at Public Health Wales, should I
  // message them"): the ask is about approaching them, whichever organisation it is.
  [/\bacquaintance\s+(at|in|from|with|who works (at|in|for)) (?:[a-z]+ ?){1,5}?(?=,|\?|$|\s(should|can|could|would|do|is|shall|and|so|but|how|what|whos|who)\b)/g, " acquaintance organisation "],
  // Everyday ways of naming the programme's steps and concepts.
  [/\b(everyone|everybody|anyone|all those|all people) (who|that) (applies|apply|applied|registers|register|registered|fills|signs|puts|submits|sends)\b/g, " guarantee "],
  [/\b(lose|losing|lost|keep|keeping|stay|staying|remain) (in )?(contact|touch)\b/g, " keepintouch "],
  [/\b(teams|zoom|video|phone) (call|meeting|chat)s?\b/g, " discuss "],
  [/\b(end[\s-]*of[\s-]*year|mid[\s-]*year|annual|yearly) (review|appraisal|report|assessment)s?\b/g, " performance review "],
  [/\b(his|her|their|your|the|managers|bosses|an) (ok|okay|go[\s-]*ahead|blessing|say[\s-]*so)\b/g, " permission "],
  [/\b(dont|didnt|doesnt|do not|did not|does not) (feel|seem|sound) (right|good)\b/g, " unsuitable "],
  [/\b(get|getting|become|becoming) better at\b/g, " learn skill "],
  [/\bsort(ing|ed)? out\b/g, " arrange "],
  [/\bday one\b/g, " start "],
  [/\bwhere (could|can|would|might|do|should) (i|we|you|secondees|people) (go|be seconded|work|do (a |my |one )?(secondment|placement|one)?)\b/g, " organisation host "],
  [/\bhousing associations?\b/g, " organisation "],
  [/\b(pick|picks|picked|choose|chooses|chose|decide|decides|decided|select|selects|selected) (who goes|which secondee|which person|who gets|people|secondees|candidates|applicants)\b/g, " match "],
  [/\bwho goes where\b/g, " match "],
  [/\b(stop|stops|stopped|prevent|prevents) (me|you|them|him|her|staff|people|someone)( from)? going\b/g, " permission "],
  [/\b(arms?[\s-]*length bod(y|ies)|albs?|quangos?|executive agenc(y|ies)|ministry)\b/g, " organisation "],
  [/\b(county|borough|city|unitary) councils?\b/g, " council "],
  [/\b(\d ?day week|nine day fortnight|9 day fortnight|0?\.\d+ ?fte|condensed hours)\b/g, " parttime "],
  [/\bput(ting|s)? (myself|my name|our name|me|yourself|someone|your name) (forward|down)\b/g, " apply "],
  [/\bworth (it|doing|my while)\b/g, " benefit "],
  [/\bcheck[\s-]*ins?\b/g, " keepintouch "],
  [/\bcheck(s|ed|ing)? in (with|on)\b/g, " keepintouch "],
  [/\b((i |we |they |he |she )?(use|uses|using|in) a )?wheelchair\b/g, " disability "],
  [/\b(access needs|wheelchair|deaf|hearing loss|visual impairment|mental health|anxiety)\b/g, " disability "],
  [/\bhow many ([a-z]+ )?(people|secondees|staff|applicants|applications|matches|placements|secondments|organisations|places|spaces|spots|slots|roles|posts|vacancies|opportunities)\b/g, " headcount "],
  [/\b(success|match|matching) rates?\b/g, " headcount "],
  [/\b(pt|p\/t)\b/g, " parttime "],
  [/\bterm[\s-]*time\b/g, " parttime "],
  [/\b(dont|didnt|doesnt|do not|did not|does not) (fancy|rate|enjoy)\b/g, " unsuitable "],
  [/\bhome office\b/g, " organisation "],
  [/\bcabinet office\b/g, " organisation "],
  // Where the asker comes from, in everyday words: "my old team", "my day job", "back home" are
  // the home organisation (keeping in touch, going back), not the job the material does not cover.
  [/\b(my|our|the) (usual|normal|day|substantive) (job|role|post)\b/g, " home organisation "],
  [/\bkeepintouch\s+with\s+(my|our|the)\s+(old|own|home)\s+(team|department|dept|organisation|org|employer|colleagues)\b/g, " keepintouch home organisation "],
  // Settling the details with someone: "pin down with the host", "nail down with them".
  [/\b(pin|pinning|nail|nailing|iron|ironing) (down|out) with\b/g, " arrange with "],
  // "The/our NHS trust" is a particular employer, like any other; "an NHS trust" as a place to go is the NHS.
  [/\b(the|our|my|your|their|this|that) (nhs|health|hospital|ambulance|care) (trusts?|boards?)\b/g, " organisation "],
  [/\b(nhs|health|hospital|ambulance) (trusts?|boards?)\b/g, " nhs "],
  // Registering interest in everyday words: "put my interest in", "submit my interest".
  [/\b(put|putting|submit|submitted|submitting|send|sent|sending|express|expressed|log|logged)( in)? (my|our|an?|your|their) interest( in)?\b/g, " eoi "],
  // What happens once the form is in, or from the form to the start, is the matching process.
  [/\b(after|once|when) (i|we|you) (have |ve )?(fill|filled|complete|completed|send|sent|submit|submitted|return|returned)( in)? (the|my|our|an?)\s+(form|eoi)( in)?\b/g, " send form "],
  [/\bfrom\s+((the|an?|my)\s+)?(form|eoi)\s+to\s+(starting|start|the start|day one)\b/g, " send form start "],
  [/\bcivil servants?\b/g, " staff "],
  [/\b(keepintouch|kit)\s+(days?|meetings?|calls?|sessions?)\b/g, " keepintouch "],
  // Train travel to do the work is an expense.
  // (A commute is not work travel: its cost is a topic the material does not cover.)
  [/\b(commute|commutes|commuting)\b/g, " othercost "],
  [/\btrain (fares?|tickets?|travel|journeys?)\b/g, " expense "],
  // Having to ask or tell the manager first is about their permission; getting them on board is
  // about raising the idea with them.
  [/\b(have|need|needs|got) to (ask|check with|clear it with|run it past) (my|our|the|your|his|her|their) (manager|boss|supervisor|director)\b/g, " permission manager "],
  [/\b(get|getting|bring|bringing|win|winning) (my|our|the|your|his|her|their) (manager|boss|supervisor|director|hop) (on board|round|over|onside)\b/g, " convince manager "],
  // (After the rewrites above, which leave runs of spaces.)
  [/\b(sure|bound|certain|guaranteed) to\s+hostsecondee\b/g, " guarantee hostsecondee "],
  [/\bgo(ing)? for it\b/g, " apply "],
  [/\b(picked|chosen|selected) (for|with) (the |a )?(roles?|vacancies|posts?|jobs?)\b/g, " match "],
  // "Sell it to me" asks what is good about it; selling it to someone else is convincing them.
  [/\bsell(ing)? (it|this|the idea|a secondment|the secondment|secondments) to (me|us)\b/g, " benefit "],
  [/\bsell(ing)? (it|this|the idea|a secondment|the secondment) to\b/g, " convince "],
  // Everyone agreeing ("if everyone's happy", "both sides want me to stay") is their permission.
  [/\b(everyone|everybody|both sides|all sides|both parties|all parties|both organisations)( is| are|s|re)? (happy|agree|agrees|ok|okay|on board|want)\b/g, " permission "],
  [/\bfor (ages|ever|forever|a long time|a long while)\b/g, " longterm "],
  [/\bback (at|in) (base|the office|hq|head office)\b/g, " home organisation "],
  [/\b(has|have|ve) found (me|us|you|them|him|her) (a |an )?(match|secondee|role)\b/g, " notify match "],
  [/\b(work|working|figure|figuring) out (what|which) (i|we|you) (want|need|hope|would like|should)\b/g, " decide learn "],
  // A part-time secondment, or one of a few days a week, is a type of secondment (working part
  // time is another question).
  [/\bparttime\s+(secondments?|placements?)\b/g, " type parttime secondment "],
  [/\b(secondments?|placements?) (have|has|need|needs) to be\s+fulltime\b/g, " type fulltime secondment "],
  [/\b(real|actual|live) (person|human|people)\b/g, " contact "],
  [/\b(a |any )?gaps? in (our|my|the) (team|staffing|department|dept|service)\b/g, " vacancy "],
  [/\b(short[\s-]*staffed|extra hands|an extra pair of hands)\b/g, " vacancy "],
  // A manager who is not keen on it is a question of their permission.
  [/\b(manager|boss|hop|director|department|employer)\s+(is\s+|isnt\s+|is not\s+|s\s+)?(really\s+|very\s+|too\s+)?(not keen|isnt keen|not supportive|unsupportive|against it|against the idea|reluctant|not convinced)(?=\s*($|[,.?!]|tbh|about (it|this|the idea|me going|me applying|secondments?)|on (it|this|the idea)))/g, " manager permission "],
  // A team that needs someone and asks to get one through the programme is offering a role.
  [/\b(can|could|would|how (do|can|could|would|should)) (we|our team|my team|the team) (get|find|borrow|recruit|bring in|take on) (someone|somebody|a person|people|staff|an? (extra )?(person|member of staff))\b/g, " hostsecondee "],
  [/\b(we|team|department|dept|directorate|unit|service)\s+(need|needs|is looking for|are looking for|could use|could do with)\s+(a|an|someone|somebody|an extra|extra)\b/g, " vacancy "],
  // "A longer placement" is the long-term kind; staying longer on one is an extension.
  [/\b(a|any|an)\s+(longer|long|longterm)\s+(secondments?|placements?|ones?|stints?)\b/g, " longterm secondment "],
  // The whole process, start to finish, is the plan; "end to end" of a project only says "whole".
  [/\b(overall|whole|full|entire) process(?=\s*($|[,.?!]|start|from|(for|of) (a |the )?(secondments?|placements?|it|this|one|setting|arranging|organising)\b))/g, " step plan "],
  [/\bstep[\s-]by[\s-]step\b/g, " step plan "],
  [/\bprocess\b((?: [a-z]+){0,6}?) (from )?(start to finish|beginning to end)\b/g, " step plan $1 "],
  [/\b(end[\s-]to[\s-]end|(from )?start to finish|(from )?beginning to end|from scratch)\b/g, " whole "],
  // "My manager's OK" (the apostrophe gone: "my LMs ok") is their permission; "put in for it" is applying.
  [/\bmanager(s)?\s+(ok|okay|go[\s-]*ahead|blessing|say[\s-]*so)\b/g, " manager permission "],
  [/\bput(ting|s)? in for (this|it|one|a secondment|a placement|the programme|the scheme)\b/g, " apply "],
  // How someone came to be on a contract: "brought in on a fixed-term contract".
  [/\b(brought|taken|hired|employed|recruited|started|came) (in )?on (a|an)\b/g, " contract "],
  // Hours a week is a working pattern ("I work 22.5 hrs a week").
  [/\b\d+(\.\d+)? ?(hours|hrs|hr|h) (a|per|each|every) week\b/g, " work pattern hour "],
  // "Only certain ones" are particular ones, not a guarantee.
  [/\b(only |just )?certain (ones|councils|organisations|departments|bodies|types|kinds|places|people|staff|roles|jobs|areas|teams)\b/g, " particular $2 "],
  // "What sort of secondments" is the types of secondment ("sort" alone is filler).
  [/\b(what|which|any|other|different|all) sorts? of (secondments?|placements?|ones?)\b/g, " type secondment "],
  // "What I learnt" is what I learned (the British past tense the stemmer does not know).
  [/\b(i|we|ive|weve|theyve|they) (have |ve )?learnt\b/g, " $1 learn "],
  // Someone else being off sick is not reporting your own absence.
  [/\b(my|our|the|a) ([a-z]+ ){0,2}(is|s|was|has been|have been|are) (off )?(sick|ill|poorly)\b/g, " someoneelsesick "],
  // A team leader is a manager.
  [/\bteam[\s-]*(leader|lead|leaders|leads)\b/g, " manager "],
  // Being paid by the civil service you work for names the home employer (Civil Service Jobs is a website).
  [/\b(by|from|for|at|in|with) (the )?(ni |northern ireland |uk |home |welsh |scottish )?civil service\b(?! jobs)/g, " $1 organisation "],
  // Coming back to the home organisation is the end of the secondment.
  [/\b(when|once|after) (i|we|you|they|he|she) (get|go|come|am|are|is) back (to (my|our|the|their|his|her) (home |own |old |usual |normal |substantive )?(department|dept|organisation|org|team|job|role|employer)|from (my|the|a|their|his|her) (secondment|placement|stint))\b/g, " end return home organisation "],
  // Wanting a person, not the bot: who to contact.
  [/\b(rather than|instead of|not just) (a |the |this |you |an )?(bot|chatbot|robot|ai)\b/g, " "],
  [/\b(a |an actual |a real )?(person|human|someone|somebody) (i|we) (can|could) (email|contact|speak to|talk to|call|phone|ask)\b/g, " contact "],
  // Whether a secondment is the right way to meet a need: a development need (choosing skills).
  [/\b(is that|is it|is this|would that be|would it be|is) a good reason\b/g, " developmentneed "],
  [/\b(is|would be|be) a (good|right|sensible) way (to|of)\b/g, " developmentneed "],
  // Experience that cannot be had in one's own organisation is the development need the material describes.
  [/\b(cant|cannot|can not|couldnt|unable to) (get|gain|find|learn|develop)\b((?:\s+[a-z]+){0,3}?)\s+(in|at|from) (my|our) (own )?(team|department|dept|organisation|org|job|role|current role)\b/g, " developmentneed "],
  // Whose decision it is ("is it my call") is about permission, not a phone call.
  [/\b(is it|its|is that|it is) (my|our|their|his|her|your) (call|decision|choice)\b/g, " permission "],
  // Someone wanting a business case is a question about the business case.
  [/\b(hop|manager|director|boss|department|dept|organisation|employer)\s+(wants|asked for|has asked for|needs|requires|wanted)\s+(a\s+|me\s+to\s+(write|do)\s+a\s+)?businesscase\b/g, " businesscase write "],
  // Saying who one is ("I'm her line manager in the home org") is context.
  [/\b(im|i am)\s+(his|her|their|the|a)\s+manager\b(\s+(in|at|from)\s+(the |my |our )?home (org|organisation|department|dept))?/g, " manager "],
  [/\bmakes? (more )?sense\b/g, " developmentneed "],
  [/\brather than (just )?(a |some |doing a |going on a )?(course|training course|training)\b/g, " developmentneed "],
  // The host being happy with someone's work is their performance.
  [/\b(happy|pleased|satisfied) with (my|your|their|his|her|the secondees) (work|performance|progress)\b/g, " performance "],
  // Writing up afterwards is reviewing and sharing what was learned, not a business case.
  [/\bwrit(e|ing) (anything |something |it |a report |a summary )?up\b/g, " review share "],
  // Accessible formats are adjustments.
  [/\b(large print|braille|screen readers?|easy read|accessible formats?|alternative formats?)\b/g, " disability "],
  // "A foot in the door" is a way in to an organisation.
  [/\b(get|getting|got) (a|my|your) foot in the door\b/g, " approach "],
  [/\bthe sound of\b/g, " "],
  // Some days a week with the host and the rest in the usual job is the part-time kind of secondment.
  [/\bparttime((?:\s+[a-z]+){0,5}?)\s+(and\s+)?(the rest|rest of the (time|week))\b/g, " type parttime secondment $1 "],
  // A link to something is where to find it; asking for advice is how, not what, is asked.
  [/\blinks? (to|for)\b/g, " "],
  [/\b(any|some|got any|have you got any) (advice|suggestions|ideas)\b/g, " "],
  // Asking whether there is an interview at all is how people are chosen (no formal recruitment);
  // an interview with the host or at the meeting is the informal discussion.
  [/\b(is there|will there be|do you do|do they do|is it) (a |an |any )?((formal )?(job )?interviews?\s+or|formal (job )?interviews?(?!\s+(with|at|in|for)\b))\b/g, " recruitment "],
  // Where someone's secondment is ("my secondment at the Welsh Government is wrapping up") is context.
  [/\b(my|our|the|his|her|their) (secondment|placement)s? (at|in|with) (?:[a-z]+ ?){1,4}?(?=\s(is|was|has|ends|finishes|will|wraps|comes)\b|,|$)/g, " $1 secondment "],
  // An organisation offering a placement through the programme is offering a role.
  [/\boffer(s|ing|ed)? (a|an) (placement|secondment|role|post)\b/g, " offer role "],
  // Hosting an event is not hosting a secondee.
  [/\bhost(s|ing|ed)? (a|an|the|our|my|this|that)\s+(teams |zoom |video |online |team |leaving |office |christmas )?(meeting|call|event|party|do|webinar|session|workshop|lunch|drinks|away day|discuss)\b/g, " hostevent "],
  // A job interview elsewhere, and the asker's own HR contact, are everyday job and HR questions.
  [/\b(job )?interviews? (at|with|for) (another|a different|a new|other|a) (department|dept|organisation|org|team|company|employer|job|role|post)\b/g, " jobhunting "],
  [/\b(my|our|the) hr (contact|business partner|advisor|adviser|officer|person|rep|team contact)\b/g, " hrperson "],
  // More everyday things: an ID pass, a team day out, coming back from lunch, how long someone has
  // been somewhere, joining the civil service as a job, a manager and someone's leave.
  [/\b(id|identity|photo|staff) (pass|card|badge)\b/g, " idpass "],
  [/\b(team |an |the |our )?(away[\s-]days?|team[\s-]days?|team[\s-]building|team outing|office party)\b/g, " teamevent "],
  [/\bback from (lunch|my lunch|a break|my break|the shops|the gym|a meeting|the meeting)\b/g, " backfrombreak "],
  [/\bjoin(s|ing|ed)? the civil service\b/g, " jobhunting "],
  [/\b(my|his|her|their|your|our) leave\b/g, " holiday "],
  // Extending everyday things (a parking permit, a loan, a deadline) is not extending a secondment;
  // an extension lead is a cable. An out-of-office reply and an interest rate are everyday things too.
  [/\b(extend(s|ed|ing)?|renew(s|ed|ing)?) (my|the|a|our|this|your) ([a-z]+ ){0,2}?(permit|loan|lease|licence|license|deadline|pass|booking|membership|warranty|subscription|library)\b/g, " extendthing "],
  [/\bextension (leads?|cables?|sockets?|numbers?)\b/g, " extendthing "],
  [/\bout[\s-]of[\s-]office\b/g, " outofoffice "],
  [/\binterest rates?\b/g, " interestrate "],
  [/\bsend(s|ing)? (in|off) (my|our|the|an?)\b/g, " send "],
  // Submitting the programme's forms is sending them (not expenses or timesheets).
  [/\bsubmi(t|ts|tted|tting|ssion of)\s+((my|an|the|our|your|a)\s+)?(eoi|form|forms|interest|application|details)\b/g, " send $4 "],
];
