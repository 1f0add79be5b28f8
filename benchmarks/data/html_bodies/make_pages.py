"""Regenerate the evaluation pages in this directory: `python benchmarks/data/html_bodies/make_pages.py`.

Each page = a hand-written page template (navigation, cookie banner, share buttons, ads, related lists, comments,
newsletter boxes, footers, scripts/styles/JSON-LD, figures, tables, <br> paragraphs, div-only markup, ...)
wrapped around a known article body. The gold `<name>.body.txt` is exactly the body paragraphs the template
placed in the article (headline, byline, captions, pull quotes, promos and bios excluded; subheads, lists,
tables, blockquotes and correction notes included), joined with blank lines. `<name>.meta.json` holds the
metadata the page declares. Article texts: seeds/*.txt (project seed corpus, lightly cleaned) and short
fictional articles written for this benchmark (OWN below). Output is deterministic.
"""

import html as H
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "seeds"
OUT = HERE


def seed_paras(name, skip=()):
    raw = (SEEDS / name).read_text(encoding="utf-8")
    if "\n\n" in raw:
        paras = [re.sub(r"\s+", " ", p).strip() for p in raw.split("\n\n")]
    else:
        paras = [l.strip() for l in raw.splitlines()]
    return [p for p in paras if p and p not in skip]


def reflow_wrapped(name):
    raw = (SEEDS / name).read_text(encoding="utf-8")
    text = " ".join(l.strip() for l in raw.splitlines())
    sents = re.split(r"(?<=[.”])\s+(?=[A-Z“])", text)
    return [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]


OWN = {}

OWN["council_budget"] = dict(
    title="Council approves £48m budget with library closures shelved",
    author="Priya Natarajan", date="2025-02-27", outlet="Westbridge Evening Post",
    paras=[
        "WESTBRIDGE — The city council on Wednesday night approved a £48.2 million budget for the coming year after a four-hour debate, dropping a proposal to close three branch libraries that had drawn more than 6,000 objections.",
        "Council tax will rise by 4.99%, the maximum allowed without a local referendum, adding about £91 a year to a typical Band D bill. The vote passed 31 to 22, with two abstentions.",
        "“We listened, and we found the money elsewhere,” said council leader Martin Hale, who told the chamber that savings from merging two back-office departments would cover the £1.3 million the closures were meant to save.",
        "Opposition members were unconvinced. “This is a budget built on hope,” said Councillor Ruth Adeyemi. “The reserves are down to 6% of spending, and the auditors have already warned us twice.”",
        "The libraries at Eastmoor, Carlton Road and Hillside will stay open, but their hours will be cut from 42 to 35 a week from April. A volunteer scheme to cover Saturday mornings is due to be launched in the summer.",
        "Adult social care remains the largest single item, at £19.7 million, up 8% on last year. Spending on road repairs falls to £3.1 million, a decision officials said would delay the resurfacing of 14 streets until 2026.",
        "The budget also includes £250,000 for a pilot scheme offering free bus travel to under-18s on weekends, which will be reviewed after six months.",
    ])

OWN["heatwave"] = dict(
    title="Heat record broken for third day as grid operator asks households to cut use",
    author="Tomás Ferreira", date="2025-07-09", outlet="The Lakeside Herald",
    paras=[
        "Temperatures at the Millbrook weather station reached 41.3C on Tuesday afternoon, breaking the July record for the third consecutive day, the national weather service said.",
        "The grid operator asked households to avoid running washing machines and dishwashers between 5pm and 9pm, when demand peaked at 38,400 megawatts, about 3% below the system's emergency threshold.",
        "“We are not expecting outages, but the margin is thinner than we would like,” said Helen Okafor, the operator's head of system control. “Every kilowatt people shift to the morning helps.”",
        "Hospitals in the region reported a rise in heat-related admissions. Millbrook General said it had treated 57 patients for heatstroke or dehydration since Sunday, most of them over 75.",
        "Forecasters expect a weak cold front to bring thunderstorms on Thursday night, with temperatures falling to around 29C by the weekend. Until then, an amber heat warning remains in place for 11 districts.",
        "Officials reopened 23 public cooling centres, mostly libraries and community halls, and extended opening hours at municipal swimming pools until 10pm.",
    ])

OWN["football_final"] = dict(
    title="Late header sends Harbour United into first cup final since 1987",
    author="Dan Whitcombe", date="2025-04-20", outlet="Northshore Sport",
    paras=[
        "Harbour United reached their first national cup final in 38 years on Saturday when substitute Kofi Mensah headed in an 89th-minute corner to beat Ridgeway Athletic 2-1 in front of 61,204 spectators.",
        "Ridgeway had led through a first-half penalty from captain Luis Carvalho, awarded after a lengthy video review, and looked in control until the hour mark.",
        "United's manager, Sandra Kovač, made a triple substitution in the 63rd minute, and the changes paid off almost immediately. Elliot Brandt equalised four minutes later with a low shot from the edge of the area.",
        "“I told them at half-time that we had not come here to be polite,” Kovač said. “The players who came on changed the game. Kofi has been waiting all season for a moment like that.”",
        "Mensah, 20, had played only 212 minutes of league football this season. “I just ran and closed my eyes,” he said. “I still don't really know how it went in.”",
        "Ridgeway manager Paul Everard said his side had “stopped playing” after taking the lead. “We sat back and invited pressure. That's on me,” he said.",
        "The final will be played on May 17. Harbour United will face the winner of Sunday's semi-final between Castleford and St Agnes Rovers.",
    ])

OWN["battery_plant"] = dict(
    title="Battery maker picks Valemont for $2.1bn plant, promising 1,800 jobs",
    author="Grace Liu", date="2025-03-14", outlet="Valemont Business Journal",
    paras=[
        "Voltaris, a maker of lithium iron phosphate batteries, said on Friday it would build a $2.1 billion factory on a former steelworks site outside Valemont, creating about 1,800 permanent jobs by 2029.",
        "The plant will produce cells with a combined capacity of 20 gigawatt-hours a year, enough for roughly 250,000 electric cars, the company said. Construction is expected to start in the autumn.",
        "The state offered $310 million in tax credits and grants over ten years, according to documents released by the governor's office, which said the package was tied to hiring targets and average wages of at least $28 an hour.",
        "“This is the largest single private investment in the county's history,” Governor Elaine Marsh said at a news conference on the site. “Ten years ago, people were writing this town's obituary.”",
        "Voltaris chief executive Jonas Lindqvist said the site was chosen for its rail links and a skilled workforce. He declined to say how many other locations had been considered.",
        "Some residents have raised concerns about water use. The company said the plant would draw about 1.2 million gallons a day, and that 70% would be recycled on site.",
        "Shares in Voltaris rose 6.4% in New York trading after the announcement.",
    ])

OWN["measles"] = dict(
    title="Measles cases rise to 42 as health officials extend vaccination clinics",
    author="Amara Osei", date="2025-05-02", outlet="Riverside Daily",
    paras=[
        "The number of confirmed measles cases in Riverside County has risen to 42, up from 29 a week ago, the county health department said on Thursday, making it the largest outbreak in the region since 2019.",
        "Of the cases, 35 are children under 12, and officials said 38 of the 42 patients had not been vaccinated. Six people have been admitted to hospital; none is in intensive care.",
        "“Measles is one of the most contagious diseases we know,” said Dr. Felipe Arana, the county's public health officer. “Two doses of the vaccine are 97% effective. That is the single best thing families can do this week.”",
        "Walk-in vaccination clinics at four community centres will stay open until 8pm on weekdays through the end of May. The department said it had administered 3,150 doses since the outbreak was declared on April 11.",
        "Schools have been asked to keep unvaccinated pupils who were exposed at home for 21 days. At least 260 pupils at seven schools are currently excluded, according to the county's education office.",
    ])

OWN["court_ruling"] = dict(
    title="Appeals court reinstates fine against ride-hailing firm over driver pay",
    author="Michael Brennan", date="2025-06-18", outlet="Capital Law Report",
    paras=[
        "A state appeals court on Tuesday reinstated a $14.6 million penalty against the ride-hailing company Zipp, ruling that a lower court had wrongly overturned a labour board decision on how the company calculated drivers' minimum pay.",
        "The three-judge panel ruled 2-1 that time drivers spent waiting for rides while logged into the app counted as working time under state law.",
        "“The statute does not ask whether a driver is carrying a passenger. It asks whether the driver is at the employer's disposal,” Judge Miriam Castellanos wrote for the majority.",
        "In a dissent, Judge Howard Lee said the legislature “could not have contemplated” app-based work when it passed the law in 1978, and that any change should come from lawmakers rather than the courts.",
        "Zipp said it would appeal to the state supreme court. “We believe the ruling misreads the law and will ultimately hurt the flexibility drivers value,” a spokeswoman said.",
        "The labour board estimated that about 23,000 drivers were underpaid between 2019 and 2022, by an average of $640 each. The money from the penalty would go into a fund for back pay.",
    ])

OWN["rail_strike"] = dict(
    title="Rail workers vote for fresh strikes after pay offer rejected",
    author="Helen Marsh", date="2025-09-03", outlet="Transport Weekly",
    paras=[
        "Members of the Rail and Maritime Workers' Union have voted to extend their mandate for industrial action by six months after rejecting a two-year pay offer worth 3.5% in each year.",
        "Turnout was 71%, and 89% of those voting backed further strikes, the union said on Wednesday. No dates have yet been announced, but the union must give 14 days' notice.",
        "“Our members kept this network running through the pandemic and they are not going to accept a real-terms pay cut,” said the union's general secretary, Colin Dray.",
        "The train operators' association said the offer was “fair and affordable” and included a guarantee of no compulsory redundancies until 2027. It urged the union to return to talks.",
        "Previous walkouts in the spring cancelled about 60% of services on strike days. Business groups estimate that each day of strikes costs the hospitality sector around £45 million.",
    ])

OWN["telescope"] = dict(
    title="Astronomers spot water vapour in atmosphere of nearby rocky planet",
    author="Dr. Leila Haddad", date="2025-10-22", outlet="Science Desk",
    paras=[
        "Astronomers have detected water vapour in the atmosphere of a rocky planet 48 light years from Earth, the first time the molecule has been measured with confidence on a world of roughly Earth's size.",
        "The planet, known as LHS 1140 c, is about 1.3 times the radius of Earth and orbits a small red dwarf star every 3.8 days. It is too hot to host liquid water on its surface, the team said.",
        "Observations over 11 transits, when the planet passed in front of its star, showed a dip in starlight at wavelengths absorbed by water. The signal has a statistical significance of 4.6 sigma, just short of the 5 sigma threshold physicists use for a discovery.",
        "“We were careful not to over-claim,” said Nadia Petrov of the University of Geneva, the lead author. “But when we removed the star's own spots from the model, the water signal only got stronger.”",
        "Other researchers welcomed the result but urged caution. “Red dwarfs are noisy stars, and we have been fooled before,” said Marcus Bell, an astronomer who was not involved in the study. “An independent observation would settle it.”",
        "The team has been awarded a further 40 hours of telescope time next year to repeat the measurement.",
    ])

OWN["housing_prices"] = dict(
    title="House prices fall for fourth month as mortgage rates bite",
    author="Samuel Okonkwo", date="2025-11-05", outlet="Market Wire",
    paras=[
        "Average house prices fell 0.6% in October, the fourth monthly decline in a row, according to figures published on Wednesday by the country's largest mortgage lender.",
        "The typical home now costs £268,400, down 2.1% on a year earlier. Prices in the capital fell faster than elsewhere, by 3.4% over the year.",
        "“Affordability is still stretched, and buyers are being cautious,” said Nadia Rahman, the lender's chief economist. “We expect prices to stabilise next spring if rates come down as markets predict.”",
        "The average two-year fixed mortgage rate stood at 5.31% at the end of October, compared with 2.3% two years ago. Mortgage approvals dropped to 43,700 in September, the lowest since January.",
    ])

OWN["museum_theft"] = dict(
    title="Stolen medieval manuscript recovered after eight years",
    author="Claire Dubois", date="2025-08-12", outlet="Heritage Today",
    paras=[
        "A 14th-century illuminated manuscript stolen from a cathedral library in 2017 has been recovered by police in a private house, investigators said on Monday.",
        "The Book of Hours, valued at about €1.5 million, was found wrapped in newspaper in a wardrobe during a search connected to an unrelated fraud inquiry. Two men, aged 54 and 61, have been arrested.",
        "“When the officer opened the bundle, he knew immediately it was something extraordinary,” said Chief Inspector Anton Weber. “We checked it against the stolen art register within the hour.”",
        "Conservators said the manuscript had suffered some water damage to its final pages but that its 27 miniature paintings were largely intact. It will return to the cathedral after restoration, expected to take about a year.",
    ])

OWN["tech_layoffs"] = dict(
    title="Software firm Kestrel cuts 9% of staff as AI spending rises",
    author="Ben Adler", date="2025-01-22", outlet="Techline",
    paras=[
        "Kestrel Systems said on Tuesday it would cut about 1,100 jobs, or 9% of its workforce, as it redirects spending towards artificial intelligence products.",
        "The cuts will fall mostly on sales and customer-support teams, chief executive Dana Whitfield wrote in a memo to employees. Affected staff will receive at least 16 weeks' pay.",
        "“These are hard decisions, and they are not a reflection of the work these colleagues have done,” Whitfield wrote. “But the market is moving and we have to move with it.”",
        "The company expects to record a restructuring charge of $85 million to $95 million in the first quarter. Its shares rose 3.2% in after-hours trading.",
        "Kestrel reported revenue of $4.8 billion last year, up 11%, and has said it plans to double the number of engineers working on AI features by the end of 2025.",
    ])

OWN["water_rates"] = dict(
    title="Water bills to rise 21% over five years under regulator's final ruling",
    author="Fiona McLeod", date="2025-12-19", outlet="Utility Watch",
    paras=[
        "Household water bills will rise by an average of 21% over the next five years, or about £123 a year by 2030, after the regulator published its final decision on company spending plans on Thursday.",
        "The increase is smaller than the 33% the companies had asked for, but larger than the draft ruling in July, which proposed 19%.",
        "“Customers are paying for decades of under-investment, and we will hold companies to every pound they spend,” the regulator's chief executive, Colin Ames, said.",
        "Campaigners were critical. “Bill payers are being asked to fund the clean-up of problems the industry created,” said Josie Marlow of the River Action Network. Sewage spills into rivers were recorded on 464,000 occasions last year.",
        "Two companies said they would consider appealing to the competition authority, a process that could take up to a year.",
    ])

OWN["wildfire_brief"] = dict(
    title="Firefighters contain grass fire near Redvale",
    author="Noah Jensen", date="2025-08-30", outlet="Redvale Courier",
    paras=[
        "Firefighters contained a grass fire that burned about 120 acres near Redvale on Friday afternoon, the county fire service said. No homes were damaged and no injuries were reported.",
        "Route 9 was closed for three hours while crews worked. The cause is under investigation.",
    ])

OWN["election_poll"] = dict(
    title="Poll shows tight race as candidates prepare for final debate",
    author="Isabel Moreno", date="2025-10-02", outlet="The Civic Ledger",
    paras=[
        "The race for mayor has tightened to a statistical tie with five days to go, according to a poll released on Wednesday, which puts incumbent Rosa Delgado on 44% and challenger Mark Tilden on 42%.",
        "The survey of 812 likely voters, conducted by Brightline Research between September 26 and 30, has a margin of error of 3.4 percentage points. Eleven percent of respondents said they were undecided.",
        "Delgado led by nine points in the same poll a month ago. Her campaign played down the shift. “The only poll that matters is on election day,” said her spokesman, Owen Price.",
        "Tilden, a former police chief, has focused his campaign on public safety and the city's rising rents, which have climbed 14% in two years according to council data.",
        "“People are telling us on the doorstep that they can't afford to live here,” Tilden said at a rally on Tuesday night. “That is not a talking point. That is the city we live in.”",
        "The two candidates will meet for a final televised debate on Thursday at 7pm.",
    ])

OWN["airport_expansion"] = dict(
    title="Airport wins approval for second runway after decade-long fight",
    author="Raj Patel", date="2025-06-05", outlet="Regional Times",
    paras=[
        "Government ministers on Wednesday approved plans for a second runway at Eastfield Airport, ending a planning battle that has lasted more than ten years.",
        "The £3.4 billion project will allow the airport to handle up to 52 million passengers a year by 2040, up from 29 million now. Construction could begin in 2027.",
        "“This is a decision for growth and for jobs,” the transport secretary said in a statement. The airport estimates the expansion will create 14,000 jobs during construction and 8,500 once the runway opens.",
        "Residents' groups said they would challenge the decision in the courts. “The noise contours in the application were drawn to suit the airport, not the people who live under the flight path,” said Margaret Quinn, who chairs the Eastfield Villages Alliance.",
        "Conditions attached to the approval include a ban on scheduled night flights between 11.30pm and 6am and a cap on the number of movements at 380,000 a year.",
        "Environmental groups said the approval was incompatible with the country's climate targets. The airport said it would be “carbon neutral on the ground” by 2035.",
    ])


e = H.escape

SECTIONS = ["Home", "World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture", "Opinion", "Video", "Podcasts"]
RELATED = [
    "Five things we learned from the weekend's talks",
    "Analysis: what the new sanctions package means for energy prices",
    "Opposition leader calls for inquiry into procurement contracts",
    "Why the central bank is in no hurry to cut interest rates",
    "Inside the race to build the next generation of power grids",
    "Photos: the week in pictures",
    "Opinion: the summit season is over, and nothing has changed",
    "Live: markets react to surprise jobs figures",
]
COMMENTS = [
    ("grumpy_reader", "This is exactly what I expected. Nobody in power ever listens to ordinary people, and the coverage here barely scratches the surface of what is really going on behind closed doors."),
    ("Margaret T.", "Thank you for a balanced article. I would have liked more detail on the numbers, though: where does the money actually come from, and who will check that the promises are kept next year?"),
    ("observer_1962", "I have been following this story for years and I can tell you the real problem is never mentioned. Read the original reports, not the press releases, and you will see a very different picture."),
    ("J. Castillo", "Great reporting as always. Shared with my family group chat. Would love a follow-up piece in a few months to see what changed."),
]


def nav(cls="main-nav", items=SECTIONS):
    lis = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in items)
    return f'<nav class="{cls}" aria-label="Sections"><ul>{lis}</ul></nav>'


def cookie_banner():
    return ('<div id="cookie-consent" class="cookie-banner" role="dialog"><p>We use cookies and similar technologies to '
            'personalise content and ads, to provide social media features and to analyse our traffic. By clicking '
            '"Accept all" you agree to our use of cookies. You can change your preferences at any time.</p>'
            '<button class="accept">Accept all</button><button class="reject">Reject non-essential</button>'
            '<a href="/privacy">Privacy policy</a></div>')


def share_bar():
    return ('<div class="share-tools"><span>Share this article</span><ul>'
            '<li><a href="https://facebook.com/sharer">Facebook</a></li><li><a href="https://twitter.com/intent/tweet">X</a></li>'
            '<li><a href="https://wa.me/">WhatsApp</a></li><li><a href="mailto:?subject=Article">Email</a></li>'
            '<li><button>Copy link</button></li></ul></div>')


def related(title="Related stories", n=5, tag="aside", cls="related"):
    lis = "".join(f'<li><a href="/story/{i}">{h}</a></li>' for i, h in enumerate(RELATED[:n]))
    return f'<{tag} class="{cls}"><h3>{title}</h3><ul>{lis}</ul></{tag}>'


def newsletter(cls="newsletter-signup"):
    return (f'<div class="{cls}"><h4>Get the Morning Briefing</h4><p>Sign up for our free daily newsletter and get the '
            'most important stories delivered to your inbox every weekday morning before 7am.</p>'
            '<form action="/subscribe"><input type="email" placeholder="Your email address">'
            '<button type="submit">Sign up</button></form><p class="small">By signing up you agree to our terms of '
            'service and privacy notice.</p></div>')


def footer(outlet):
    cols = ("About us", "Contact", "Careers", "Advertise with us", "Terms and conditions", "Privacy policy",
            "Cookie settings", "Accessibility", "Corrections", "Subscribe", "RSS feeds", "Sitemap")
    lis = "".join(f'<li><a href="/{c.lower().replace(" ", "-")}">{c}</a></li>' for c in cols)
    return (f'<footer class="site-footer"><div class="footer-links"><ul>{lis}</ul></div>'
            f'<p>© 2025 {e(outlet)}. All rights reserved. Reproduction in whole or in part without written permission '
            'is prohibited.</p></footer>')


def comments(heading="Comments"):
    items = "".join(
        f'<li class="comment"><div class="comment-author">{e(u)}</div><div class="comment-body"><p>{e(t)}</p></div>'
        f'<a class="reply" href="#reply">Reply</a></li>' for u, t in COMMENTS)
    return (f'<section id="comments" class="comments-area"><h2>{heading} ({len(COMMENTS)})</h2>'
            f'<ol class="comment-list">{items}</ol>'
            '<div id="respond"><h3>Leave a reply</h3><form><textarea name="comment"></textarea>'
            '<button>Post comment</button></form></div></section>')


def ad(label="Advertisement"):
    return f'<div class="ad-slot" data-slot="mpu"><span class="ad-label">{label}</span><div id="gpt-ad-1"></div></div>'


SCRIPT_INLINE = ('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
                 'gtag("js",new Date());gtag("config","G-XXXX");var scriptNoise="SCRIPTLEAK tracking pixel loaded";'
                 'document.write("<p>SCRIPTLEAK injected paragraph text</p>");</script>')
STYLE = '<style>.ad-slot{min-height:250px}.share-tools ul{display:flex}body{font-family:Georgia,serif} /* STYLELEAK */</style>'


def jsonld(a, url, body=False):
    d = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
         "datePublished": a["date"] + "T08:30:00Z", "author": {"@type": "Person", "name": a["author"]},
         "publisher": {"@type": "Organization", "name": a["outlet"]}, "mainEntityOfPage": url}
    if body:
        d["articleBody"] = " ".join(a["paras"])
    return f'<script type="application/ld+json">{json.dumps(d, ensure_ascii=False)}</script>'


def head(a, url, extra=""):
    return (f'<head><meta charset="utf-8"><title>{e(a["title"])} | {e(a["outlet"])}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="{e(a["outlet"])}">'
            f'<meta property="og:url" content="{url}"><meta name="author" content="{e(a["author"])}">'
            f'<meta property="article:published_time" content="{a["date"]}T08:30:00+00:00">'
            f'<link rel="canonical" href="{url}">{STYLE}{extra}</head>')


def ps(paras):
    return "".join(f"<p>{e(p)}</p>" for p in paras)


def figure(caption, credit="Photo: Staff photographer"):
    return (f'<figure class="lead-image"><img src="/img/lead.jpg" alt="">'
            f'<figcaption>{e(caption)} <span class="credit">{credit}</span></figcaption></figure>')


# ---------------------------------------------------------------- templates
# each returns (html, gold_paragraphs)

def t_classic(a, url):
    p = a["paras"]
    body = (f'<body class="article-page">{cookie_banner()}<header class="masthead"><a class="logo" href="/">{e(a["outlet"])}</a>'
            f'{nav()}<div class="search"><input placeholder="Search"></div></header>'
            f'<div class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></div>'
            f'<main><article class="story"><header><h1>{e(a["title"])}</h1>'
            f'<div class="byline">By <a rel="author" href="/authors/x">{e(a["author"])}</a> · <time datetime="{a["date"]}">{a["date"]}</time></div>'
            f'{share_bar()}</header>{figure("Leaders meet at the start of the talks on Friday.")}'
            f'<div class="story-body">{ps(p[:3])}{ad()}{ps(p[3:])}</div>'
            f'<div class="tags">Topics: <a href="/t/1">Diplomacy</a> <a href="/t/2">Russia</a> <a href="/t/3">United States</a></div>'
            f'{share_bar()}</article>{related()}</main>{newsletter()}{footer(a["outlet"])}{SCRIPT_INLINE}'
            f'<script src="/static/app.js"></script></body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url, jsonld(a, url))}{body}</html>', p


def t_wordpress(a, url):
    p = a["paras"]
    body = (f'<body class="post-template-default single single-post"><div id="page" class="site">'
            f'<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(a["outlet"])}</a></p>'
            f'<p class="site-description">Independent news and analysis since 2009</p>{nav("main-navigation")}</header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
            f'<article id="post-4821" class="post-4821 post type-post status-publish format-standard hentry category-news">'
            f'<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1><div class="entry-meta">'
            f'<span class="posted-on">Posted on <time class="entry-date published" datetime="{a["date"]}T10:00:00+00:00">{a["date"]}</time></span>'
            f'<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">{e(a["author"])}</a></span></span></div></header>'
            f'<div class="entry-content">{ps(p)}</div>'
            f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/news">News</a></span>'
            f'<span class="tags-links">Tagged <a href="/t/a">summit</a>, <a href="/t/b">diplomacy</a></span></footer></article>'
            f'<nav class="navigation post-navigation"><div class="nav-previous"><a href="/p/1">Previous: {RELATED[1]}</a></div>'
            f'<div class="nav-next"><a href="/p/2">Next: {RELATED[2]}</a></div></nav>{comments()}</main></div>'
            f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>'
            + "".join(f'<li><a href="/r/{i}">{h}</a></li>' for i, h in enumerate(RELATED)) +
            f'</ul></section><section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li>August 2025</li><li>July 2025</li><li>June 2025</li></ul></section></aside></div>'
            f'<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress | Theme: Newsup by Themeansar.</div></footer></div>'
            f'{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en-US">{head(a, url)}{body}</html>', p


def t_inline_ads(a, url):
    p = a["paras"]
    chunks = []
    for i, para in enumerate(p):
        chunks.append(f"<p>{e(para)}</p>")
        if i == 2:
            chunks.append(ad())
        if i == 4:
            chunks.append(f'<p class="read-more"><strong>Read more:</strong> <a href="/s/9">{RELATED[0]}</a></p>')
        if i == 7:
            chunks.append(newsletter("inline-newsletter"))
        if i == 11:
            chunks.append(ad("Sponsored content"))
            chunks.append(f'<p class="read-more"><strong>Read more:</strong> <a href="/s/8">{RELATED[3]}</a></p>')
    most = "".join(f'<li><span class="rank">{i + 1}</span><a href="/m/{i}">{h}</a></li>' for i, h in enumerate(RELATED[2:7]))
    body = (f'<body>{cookie_banner()}<div class="top-bar"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>'
            f'<header><div class="logo">{e(a["outlet"])}</div>{nav()}</header><div class="container"><div class="col-main">'
            f'<article><h1 class="headline">{e(a["title"])}</h1><p class="byline">By {e(a["author"])}, Washington correspondent</p>'
            f'<p class="timestamp">Updated {a["date"]} 14:05 GMT</p>{share_bar()}<div class="article-body">{"".join(chunks)}</div></article>'
            f'</div><div class="col-side"><div class="most-read"><h3>Most read</h3><ol>{most}</ol></div>{ad()}</div></div>'
            f'{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url, jsonld(a, url))}{body}</html>', p


def t_author_bio(a, url):
    p = a["paras"]
    bio = (f'{e(a["author"])} is a senior writer at {e(a["outlet"])}, specializing in foreign policy, security and '
           'transatlantic relations. She previously reported from Brussels and Kyiv.')
    body = (f'<body><header class="site-header">{nav()}</header><div class="single-content">'
            f'<h1 class="post-title">{e(a["title"])}</h1><div class="post-meta"><div class="author-avatar"><img src="/a.jpg" alt=""></div>'
            f'<div class="meta-author">By <a href="/author/x">{e(a["author"])}</a></div><div class="author-excerpt">{bio}</div>'
            f'<span class="reading-time">6 Min Read</span><span class="date">{a["date"]}</span></div>{share_bar()}'
            f'<div class="post-content entry">{ps(p)}</div>'
            f'<div class="post-share"><span>Share This Article</span>{share_bar()}</div>'
            f'<div class="author-box"><h4>About the author</h4><p>{bio} She holds a degree in international relations '
            'and has written for several national publications.</p><a href="/author/x">View all posts</a></div>'
            f'{related("You Might Also Like", 4, "div", "related-posts")}</div>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html>{head(a, url)}{body}</html>', p


def t_br_paras(a, url):
    p = a["paras"]
    text = "<br><br>\n".join(e(x) for x in p)
    body = (f'<body bgcolor="#ffffff"><table width="100%" class="layout"><tr><td class="left-menu" width="160">'
            + "".join(f'<a href="/{s.lower()}">{s}</a><br>' for s in SECTIONS) +
            f'</td><td class="content"><font size="5"><b>{e(a["title"])}</b></font><br>'
            f'<font size="2" color="#666">{e(a["outlet"])} staff report | {a["date"]}</font><br><br>'
            f'<div class="storytext">{text}</div><br><br>'
            f'<div class="printlinks"><a href="#print">Print this story</a> | <a href="#email">Email to a friend</a></div>'
            f'</td><td class="right" width="200"><b>Headlines</b><br>' + "".join(f'<a href="/h/{i}">{h}</a><br>' for i, h in enumerate(RELATED)) +
            f'</td></tr></table><div class="copyright">Copyright 2025 {e(a["outlet"])}. All rights reserved.</div>{SCRIPT_INLINE}</body>')
    return f'<html>{head(a, url)}{body}</html>', p


def t_divs_only(a, url):
    p = a["paras"]
    paras = "".join(f'<div class="txt-block">{e(x)}</div>' for x in p)
    menu = "".join(f'<div class="menu-item"><a href="/{s.lower()}">{s}</a></div>' for s in SECTIONS)
    body = (f'<body><div id="app"><div class="topnav">{menu}</div><div class="page"><div class="page-inner">'
            f'<div class="kicker">Local News</div><div class="headline-h1" role="heading" aria-level="1">{e(a["title"])}</div>'
            f'<div class="meta"><span class="by">{e(a["author"])}</span> <span class="dt">{a["date"]}</span></div>'
            f'<div class="content-body">{paras}</div>'
            f'<div class="more-news"><div class="more-title">More news</div>'
            + "".join(f'<div class="more-item"><a href="/n/{i}">{h}</a></div>' for i, h in enumerate(RELATED[:6])) +
            f'</div></div></div><div class="bottom"><div class="foot">© {e(a["outlet"])} 2025 · Terms · Privacy · Contact</div></div></div>'
            f'{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_table(a, url):
    p = a["paras"]
    rows = [("Department", "2024 (£m)", "2025 (£m)"), ("Adult social care", "18.2", "19.7"),
            ("Children's services", "9.4", "9.9"), ("Libraries and culture", "2.6", "2.4"), ("Road repairs", "3.8", "3.1")]
    table = ("<table class=\"data-table\"><caption>Spending by department</caption><thead><tr>"
             + "".join(f"<th>{e(c)}</th>" for c in rows[0]) + "</tr></thead><tbody>"
             + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows[1:]) + "</tbody></table>")
    gold_table = ["Spending by department"] + [" ".join(r) for r in rows]
    body = (f'<body>{cookie_banner()}<header>{nav()}</header><main><article><h1>{e(a["title"])}</h1>'
            f'<p class="byline">{e(a["author"])}, Local Democracy Reporter</p><time datetime="{a["date"]}">{a["date"]}</time>'
            f'<section class="article-content">{ps(p[:5])}{table}{ps(p[5:])}</section></article>'
            f'{related("More from Westbridge")}</main>{newsletter()}{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en-GB">{head(a, url, jsonld(a, url))}{body}</html>', p[:5] + gold_table + p[5:]


def t_subheads_list(a, url):
    p = a["paras"]
    sub1, sub2 = "What happens next", "Key figures"
    items = ["Turnout: 71% of eligible members", "Support for action: 89%", "Notice required: 14 days"]
    body = (f'<body><div class="skip"><a href="#main">Skip to content</a></div><header>{nav()}</header>'
            f'<main id="main"><article class="article"><h1>{e(a["title"])}</h1>'
            f'<div class="article-meta"><span class="author">By {e(a["author"])}</span> <time>{a["date"]}</time></div>'
            f'<div class="article-text">{ps(p[:2])}<blockquote><p>{e(p[2])}</p></blockquote>'
            f'<h2>{sub1}</h2>{ps(p[3:4])}<h2>{sub2}</h2><ul>' + "".join(f"<li>{e(i)}</li>" for i in items) + f'</ul>{ps(p[4:])}</div>'
            f'<aside class="pullquote">“Our members are not going to accept a real-terms pay cut.”</aside>'
            f'{share_bar()}</article>{related("Read next")}</main>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    gold = p[:3] + [sub1] + p[3:4] + [sub2] + items + p[4:]
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', gold


def t_heavy_short(a, url):
    p = a["paras"]
    mega = "".join(f'<div class="mega-col"><h4>{s}</h4><ul>' + "".join(f'<li><a href="/{s}/{h[:10]}">{h}</a></li>' for h in RELATED) + '</ul></div>' for s in SECTIONS[1:5])
    body = (f'<body>{cookie_banner()}<header>{nav()}<div class="mega-menu">{mega}</div></header>'
            f'<div class="breaking-ticker"><span>Breaking</span> {RELATED[4]} · {RELATED[7]}</div>'
            f'<main><article><h1>{e(a["title"])}</h1><div class="byline">{e(a["author"])} | {a["date"]}</div>'
            f'<div class="body">{ps(p)}</div></article>'
            f'{related("Trending now", 8)}{related("Editor’s picks", 6, "section", "picks")}</main>'
            f'{comments("Join the conversation")}{newsletter()}{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url, jsonld(a, url))}{body}</html>', p


def t_paywall(a, url):
    p = a["paras"]
    body = (f'<body><header>{nav()}</header><main><article class="premium"><h1>{e(a["title"])}</h1>'
            f'<p class="standfirst-meta">{e(a["author"])} — {a["date"]}</p><div class="article__body">{ps(p)}</div>'
            f'<div class="paywall-prompt"><h3>Enjoying our journalism?</h3><p>Subscribe today for unlimited access to '
            'award-winning reporting, exclusive newsletters and our daily puzzles. Cancel anytime. Just £1 for your first month.</p>'
            f'<a class="btn" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div>'
            f'</article></main>{related("More in Business", 4)}{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_minified_entities(a, url):
    p = a["paras"]
    def ent(s):
        s = e(s)
        return (s.replace("’", "&#8217;").replace("“", "&ldquo;").replace("”", "&rdquo;").replace("—", "&mdash;")
                .replace("£", "&pound;").replace("€", "&euro;").replace(" million", "&nbsp;million"))
    body = (f'<body><div class="hdr">{nav()}</div><div class="wrap"><article itemscope itemtype="https://schema.org/NewsArticle">'
            f'<h1 itemprop="headline">{ent(a["title"])}</h1><span itemprop="author">{e(a["author"])}</span>'
            f'<meta itemprop="datePublished" content="{a["date"]}"><div itemprop="articleBody">'
            + "".join(f"<p>{ent(x)}</p>" for x in p) + f'</div></article></div>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_section_main_sidebar(a, url):
    p = a["paras"]
    body = (f'<body><header class="global-header">{nav()}</header><div class="layout"><main class="layout__main">'
            f'<section class="story-header"><span class="label">Exclusive</span><h1>{e(a["title"])}</h1>'
            f'<p class="dek">A short summary line that editors write to sell the story on social media.</p>'
            f'<div class="by">{e(a["author"])} · {a["date"]}</div></section>{figure("The recovered manuscript at the police station on Monday.", "Photo: Police handout")}'
            f'<section class="story-body">{ps(p[:2])}<div class="video-embed"><iframe src="https://player.example/v/123"></iframe>'
            f'<noscript>NOSCRIPTLEAK Please enable JavaScript to watch this video.</noscript><p class="video-caption">Watch: police describe the find</p></div>{ps(p[2:])}</section>'
            f'</main><aside class="layout__sidebar"><div class="widget"><h3>Popular</h3><ol>'
            + "".join(f"<li><a href='/p/{i}'>{h}</a></li>" for i, h in enumerate(RELATED[:5])) +
            f'</ol></div>{newsletter()}</aside></div>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_liveupdate_caption_heavy(a, url):
    p = a["paras"]
    caps = ["Shoppers cross a bridge in the city centre on Tuesday afternoon.", "A cooling centre in the old town hall.", "A digital thermometer outside a pharmacy shows 43C."]
    chunks = []
    for i, para in enumerate(p):
        chunks.append(f"<p>{e(para)}</p>")
        if i < 3:
            chunks.append(figure(caps[i], "Photograph: Agency"))
    body = (f'<body>{cookie_banner()}<header>{nav()}</header><main><article><h1>{e(a["title"])}</h1>'
            f'<address class="author">{e(a["author"])}</address><time datetime="{a["date"]}T16:20">{a["date"]}</time>'
            f'<div class="content">{"".join(chunks)}</div>{share_bar()}</article>{related()}</main>{footer(a["outlet"])}'
            f'{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_jsonld_body_scriptheavy(a, url):
    """Page where paragraphs are inside nested spans/divs with heavy inline scripts between them."""
    p = a["paras"]
    chunks = "".join(f'<div class="para-wrap"><p><span>{e(x)}</span></p></div><script>trackScroll({i});/* SCRIPTLEAK {i} */</script>' for i, x in enumerate(p))
    body = (f'<body><header>{nav()}</header><div id="root"><div class="article-container"><h1>{e(a["title"])}</h1>'
            f'<div class="byline-block"><a href="/a/x">{e(a["author"])}</a><span>{a["date"]}</span></div>{share_bar()}'
            f'<div class="rich-text">{chunks}</div><div class="recirc">{related("Recommended", 6, "div", "recirc-list")}</div>'
            f'</div></div>{footer(a["outlet"])}<script id="__NEXT_DATA__" type="application/json">{{"props":{{"page":"SCRIPTLEAK next data"}}}}</script></body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url, jsonld(a, url, body=True))}{body}</html>', p


def seed_article(name, title, author, date, outlet, paras):
    return dict(title=title, author=author, date=date, outlet=outlet, paras=paras)


s000 = seed_paras("000_c9cd62877f364fb8.txt")
s001 = seed_paras("001_ccbbffd0926bf32b.txt")
s002 = seed_paras("002_39b922b5212bf32f.txt", skip=("-", "Share via"))
s003_all = seed_paras("003_b216319f6dedcb50.txt")
start = next(i for i, x in enumerate(s003_all) if x.startswith("US President Donald Trump"))
end = next(i for i, x in enumerate(s003_all) if x.startswith("Share This Article"))
s003 = s003_all[start:end]
s003[-1] = s003[-1].removesuffix(" source")
s004 = reflow_wrapped("004_351b642096aaa25c.txt")

PAGES = [
    ("seed000_classic", seed_article("", s000[0], "Anna Petrova", "2025-08-16", "The Moscow Times", s000[1:]), t_classic),
    ("seed001_wordpress", seed_article("", "Trump and Putin in Alaska: performance over substance", "24brussels staff", "2025-08-16", "24brussels", s001), t_wordpress),
    ("seed002_inline_ads", seed_article("", "Trump emerges from Putin summit backing Russia's territorial demands", "James Holloway", "2025-08-16", "The Daily Dispatch", s002), t_inline_ads),
    ("seed003_author_bio", seed_article("", s003_all[0], "Sarah James", "2025-08-16", "National Diplomat", s003), t_author_bio),
    ("seed004_br_paragraphs", seed_article("", "12-hour talks yield no concrete ceasefire", "Staff", "2025-08-16", "Alaska Wire", s004), t_br_paras),
    ("seed000_part2_scriptheavy", seed_article("", "Analysts split on what the Alaska summit achieved", "Anna Petrova", "2025-08-17", "The Moscow Times", s000[22:]), t_jsonld_body_scriptheavy),
    ("council_budget_table", OWN["council_budget"], t_table),
    ("heatwave_captions", OWN["heatwave"], t_liveupdate_caption_heavy),
    ("football_divs_only", OWN["football_final"], t_divs_only),
    ("battery_plant_classic", OWN["battery_plant"], t_classic),
    ("measles_heavy_boilerplate", OWN["measles"], t_heavy_short),
    ("court_ruling_wordpress", OWN["court_ruling"], t_wordpress),
    ("rail_strike_subheads_list", OWN["rail_strike"], t_subheads_list),
    ("telescope_minified_entities", OWN["telescope"], t_minified_entities),
    ("housing_prices_paywall", OWN["housing_prices"], t_paywall),
    ("museum_theft_sidebar_video", OWN["museum_theft"], t_section_main_sidebar),
    ("tech_layoffs_br_paragraphs", OWN["tech_layoffs"], t_br_paras),
    ("seed003_part_divs_only", seed_article("", "Inside the limousine: how the Alaska meeting unfolded", "Sarah James", "2025-08-17", "National Diplomat", s003[14:]), t_divs_only),
]

for name, art, tpl in PAGES:
    url = f"https://www.example-news.test/{name.replace('_', '-')}"
    page, gold = tpl(art, url)
    (OUT / f"{name}.html").write_text(page, encoding="utf-8")
    (OUT / f"{name}.body.txt").write_text("\n\n".join(gold) + "\n", encoding="utf-8")
    (OUT / f"{name}.meta.json").write_text(json.dumps({"url": url, "title": art["title"], "author": art["author"], "date": art["date"], "outlet": art["outlet"], "template": tpl.__name__}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(PAGES), "pages")


# ---------------------------------------------------------------- harder templates (known failure modes)
TEASERS = [
    ("Ministers accused of dragging feet on flood defences", "A report by MPs says only a third of promised schemes have started, and warns that thousands of homes remain at risk as winter storms arrive earlier each year."),
    ("The town that banned cars from its centre — and never looked back", "Ten years after a controversial decision to pedestrianise the high street, shop vacancies are down and footfall is up, but not everyone is convinced."),
    ("Why your energy bill might not fall this winter", "Wholesale prices have dropped since the spring, yet a series of levies and network charges means most households will see little change in what they pay."),
]


def t_teasers_inside(a, url):
    """Related-story teasers with summary paragraphs inside the same container as the body."""
    p = a["paras"]
    teasers = "".join(f'<div class="item"><h3><a href="/x/{i}">{e(h)}</a></h3><p>{e(s)}</p></div>' for i, (h, s) in enumerate(TEASERS))
    body = (f'<body><header>{nav()}</header><div class="main"><div class="content"><h1>{e(a["title"])}</h1>'
            f'<div class="info">{e(a["author"])} · {a["date"]}</div>{ps(p)}<div class="more"><h2>More on this story</h2>{teasers}</div>'
            f'</div></div>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_unmarked_responses(a, url):
    """Reader responses after the body, in markup with no 'comment' hint."""
    p = a["paras"]
    resp = "".join(f'<div class="r"><div class="r-head"><b>{e(u)}</b> <span>2 hours ago</span></div><p>{e(t)}</p></div>' for u, t in COMMENTS)
    body = (f'<body><header>{nav()}</header><main><article><h1>{e(a["title"])}</h1><p class="by">By {e(a["author"])}</p>'
            f'<div class="text">{ps(p)}</div></article><div class="responses"><h2>Your views</h2>{resp}</div></main>'
            f'{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_split_body(a, url):
    """Body split in two containers around a full-width promotional block."""
    p = a["paras"]
    half = len(p) // 2
    promo = (f'<div class="promo-full"><h3>Listen to our daily podcast</h3><p>Every weekday, our reporters bring you the story '
             f'behind the headlines in twenty minutes. Available wherever you get your podcasts.</p>{related("Latest episodes", 3, "div", "eps")}</div>')
    body = (f'<body>{cookie_banner()}<header>{nav()}</header><div class="page"><h1>{e(a["title"])}</h1>'
            f'<div class="meta">{e(a["author"])} | {a["date"]}</div><div class="story-part">{ps(p[:half])}</div>{promo}'
            f'<div class="story-part">{ps(p[half:])}</div>{share_bar()}</div>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


def t_jsonld_only(a, url):
    """Client-rendered app shell: the body text exists only in JSON-LD articleBody."""
    body = (f'<body><div id="root"><header>{nav()}</header><div class="skeleton">Loading…</div></div>'
            f'<noscript>You need to enable JavaScript to run this app.</noscript><script src="/static/js/main.js"></script>{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url, jsonld(a, url, body=True))}{body}</html>', a["paras"]


def t_inline_bio_disclaimer(a, url):
    """Author bio, disclaimer and newsletter plug as plain <p> in the body container; correction note kept."""
    p = a["paras"]
    correction = "This article was amended on 3 October 2025 to correct the poll's margin of error."
    extra = [f"<p><em>{e(a['author'])} covers city hall for {e(a['outlet'])}. Follow her on social media for updates.</em></p>",
             "<p><strong>Sign up for our politics newsletter</strong> to get election news in your inbox every Friday.</p>",
             "<p><small>The Civic Ledger is a nonprofit newsroom. Our journalism is supported by readers and foundations; donors have no say over our coverage.</small></p>"]
    body = (f'<body><header>{nav()}</header><main><article><h1>{e(a["title"])}</h1><p class="byline">By {e(a["author"])}</p>'
            f'<div class="article-body">{ps(p)}<p><i>{correction}</i></p>{"".join(extra)}</div></article></main>'
            f'{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p + [correction]


def t_gallery_captions(a, url):
    """Gallery captions as <p class="caption"> inside the body between paragraphs."""
    p = a["paras"]
    caps = ["An aircraft lands at Eastfield on Wednesday morning. Photograph: Airport handout",
            "Protesters outside the planning inquiry in 2023. Photograph: Agency",
            "An artist's impression of the new terminal building. Illustration: Eastfield Airport"]
    chunks = []
    for i, para in enumerate(p):
        chunks.append(f"<p>{e(para)}</p>")
        if i < len(caps):
            chunks.append(f'<div class="gallery-item"><img src="/g/{i}.jpg" alt=""><p class="caption">{e(caps[i])}</p></div>')
    body = (f'<body><header>{nav()}</header><main><div class="article"><h1>{e(a["title"])}</h1>'
            f'<span class="writer">{e(a["author"])}</span><div class="body-copy">{"".join(chunks)}</div></div>'
            f'{related("Most popular", 6)}</main>{footer(a["outlet"])}{SCRIPT_INLINE}</body>')
    return f'<!DOCTYPE html><html lang="en">{head(a, url)}{body}</html>', p


HARD = [
    ("water_rates_teasers_inside", OWN["water_rates"], t_teasers_inside),
    ("seed002_part_unmarked_responses", seed_article("", "Kew: Putin needs to hand Trump a concession", "James Holloway", "2025-08-17", "The Daily Dispatch", s002[9:18]), t_unmarked_responses),
    ("seed001_split_body", seed_article("", "Alaska summit: symbolic wins for Moscow", "24brussels staff", "2025-08-16", "24brussels", s001), t_split_body),
    ("housing_jsonld_only", dict(OWN["housing_prices"], title="House prices: fourth monthly fall"), t_jsonld_only),
    ("election_poll_inline_bio", OWN["election_poll"], t_inline_bio_disclaimer),
    ("wildfire_brief_short", OWN["wildfire_brief"], t_heavy_short),
    ("airport_gallery_captions", OWN["airport_expansion"], t_gallery_captions),
]
for name, art, tpl in HARD:
    url = f"https://www.example-news.test/{name.replace('_', '-')}"
    page, gold = tpl(art, url)
    (OUT / f"{name}.html").write_text(page, encoding="utf-8")
    (OUT / f"{name}.body.txt").write_text("\n\n".join(gold) + "\n", encoding="utf-8")
    (OUT / f"{name}.meta.json").write_text(json.dumps({"url": url, "title": art["title"], "author": art["author"], "date": art["date"], "outlet": art["outlet"], "template": tpl.__name__}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(HARD), "hard pages")
