"""Multi-word job titles in front of a name ("Finance Minister Ana Lopez", "Senate Majority Leader Mitch McConnell").

The speaker contract: `speaker` is the person's name without titles; the title stays in the mention (the speakers
mart derives descriptions from mentions). Single title words ("President", "Sen.") are stripped by clean_name's
TITLES loop; a title whose first words are not titles ("Finance", "White House", "Senate Majority", "FBI") is
recognized by its head noun: a capitalized run that holds a job-title head before its last word is cut after the
last such head. Kept separate from quote_mentions, which calls it, so that it imports nothing from the quote modules.
"""

from __future__ import annotations

from flows.core.lexicon import NON_PERSON_HEADS

# Why: the heads of compound job titles ("Finance Minister", "Press Secretary", "Majority Leader", "FBI Director",
# "District Judge", "Surgeon General"). Only job nouns: not "king", "prince" or "bishop", which are also surnames
# and may stand before "Jr." ("Martin Luther King Jr."), and not words that start names ("Major Garrett").
JOB_TITLE_HEADS: frozenset[str] = frozenset(
    """
    minister ministers secretary secretary-general undersecretary leader whip director director-general chairman
    chairwoman chairperson chair spokesman spokeswoman spokesperson speaker president vice-president
    governor mayor ambassador commissioner ceo cfo coo executive officer chief attorney general gen prosecutor
    counsel judge justice senator sen congressman congresswoman rep representative adviser advisor
    manager strategist treasurer chancellor premier administrator commander envoy deputy
    gov lt capt admiral sheriff alderman recorder advocate editor editor-in-chief secretary-treasurer
    democrat republican columnist journalist pollster anchor co-anchor host correspondent analyst economist
    actor actress comedian filmmaker billionaire challenger rival wife husband
    """.split()
)
# Why: royal titles are heads only after "Crown" ("Crown Prince Mohammed bin Salman"), never alone ("Prince" and
# "King" are surnames too).
_CROWN_HEADS: frozenset[str] = frozenset({"prince", "princess"})


def job_title_end(words: list[str] | tuple[str, ...]) -> int:
    """Index just after the last job-title head that has a name word after it, or 0 when there is none.

    A head counts when it is capitalized and so is the word after it ("Finance Minister Ana Lopez" -> 2); a run
    that starts lowercase ("dos Santos") holds no title. The last word is never cut ("Rob Portman" -> 0), nor an organisation
    name ending in a non-person head ("Justice Department" -> 0); clean_name's front-title loop does the rest.
    """
    if not words or words[-1].lower() in NON_PERSON_HEADS:
        return 0  # "Republican National Committee", "Justice Department": an organisation, not a titled person
    cut = 0
    for k in range(len(words) - 1):
        w = words[k]
        if not w[:1].isupper():
            if k == 0:
                return 0  # a run of a name starting with a particle ("dos Santos") holds no title
            continue  # a particle inside the run ("Secretary of State" when the run keeps "of")
        low = w.lower().rstrip(".")
        if (low in JOB_TITLE_HEADS or (low in _CROWN_HEADS and k and words[k - 1] == "Crown")) and words[k + 1][:1].isupper():
            cut = k + 1
    return cut
