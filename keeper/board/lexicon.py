"""Sales-leadership vocabulary used by :mod:`keeper.board.clustering`.

Each concept is a theme a facilitator typically forms from "opportunities for the sales org"
post-its. ``terms`` is a comma-separated list of words/phrases (matched after the same
normalising and stemming as the notes); ``term=0.4`` gives a term a non-default weight.
A term may appear under several concepts with different weights (e.g. "onboarding").
``salience`` multiplies a concept's score: specific themes (partners, pricing, comp) beat
broad ones (pipeline, enablement) when a note touches both, as a facilitator would decide.
"""

from __future__ import annotations

from typing import NamedTuple


class ConceptSpec(NamedTuple):
    label: str
    salience: float
    terms: str


CONCEPTS: dict[str, ConceptSpec] = {
    "growth": ConceptSpec(
        "Renewals & Expansion",
        1.0,
        """renewal, renew, renewals pipeline, renewal pipeline, renewal rate, early renewal,
        auto renew, churn, churn risk, retention, retain customers, retain accounts,
        customer retention, logo retention, gross retention, net retention,
        net revenue retention, net dollar retention, nrr, ndr, grr, upsell, up sell,
        upselling, cross sell, crosssell, expansion, expand, expansion revenue, land and expand,
        land expand, installed base, install base, existing customers, existing accounts,
        existing clients, current customers, customer base, base=0.5, account growth,
        grow accounts, account management, account manager, account managers, ams,
        account plan, account plans, account planning, key accounts, key account=0.7,
        whitespace, white space, wallet share, share of wallet, add on, addon, add ons,
        attach, attach rate, seat expansion, seat growth, upgrade, upgrades, downgrade,
        downgrades, contraction, save desk, at risk, risk accounts, win back, winback,
        lapsed customers, lost customers, losing customers, customer loss, qbr, ebr,
        business review, business reviews, exec sponsor, executive sponsor, sponsor program,
        loyalty, stickiness, sticky, multi product, farming, farmer, farmers,
        account penetration, penetration, wallet, arr growth=0.6, land=0.5, book=0.3,
        customer=0.25, customers=0.25, logos=0.3, accounts=0.3, account=0.3, existing=0.6,
        renewal motion, uplift at renewal,
        sell more to, already pay, paying customers, cancellations, cancellation, cancel,
        cancels, footprint, wider footprint, biggest clients, biggest customers,
        largest customers, top customers=0.6, top accounts=0.6, clients=0.25, client=0.25,
        leaves=0.4, leaving=0.4, unhappy customers, happy customers=0.6, loyal customers,
        loyal, more revenue from, grow within, grow inside, account expansion, deepen""",
    ),
    "hiring": ConceptSpec(
        "Hiring & Talent",
        1.2,
        """hire, hiring, hires, hired, recruit, recruiting, recruiter, recruiters,
        recruitment, headcount, backfill, backfills, talent=0.6, talent pipeline, candidate,
        candidates, interview, interviews, interviewing, interview loop, interview process,
        new hire, new hires,
        rep onboarding, onboarding new reps, onboard new reps, new rep onboarding,
        sales onboarding, new rep, new reps=0.8, new aes=0.8, new sdrs=0.8, onboarding=0.6,
        onboard=0.6, ramp, ramping, ramp time, time to ramp, ramped, time to productivity,
        speed to productivity, bench of, bench=0.6,
        job description, job descriptions, offer letters, open roles, open role, open reqs,
        reqs, req, time to fill, staffing, staff up, capacity planning=0.8,
        hiring profile, hiring bar, applicants, applicant, job ads, job ad, job posting,
        employer brand, university, campus, graduates, grads, internship, interns,
        diversity, dei, bootcamp=0.8, referral bonus, employee referrals, talent density,
        sales academy=0.6, apprenticeship, apprenticeships, trade schools, nursing programs,
        seats filled, butts in seats, grow the team, scale the team,
        team size, add reps, more reps, more sellers, more aes, expand the team,
        bigger team, right people, people in seats, new sellers=0.8, new salespeople=0.8,
        hiring managers,
        linkedin recruiter, sourcing talent, start dates, notice periods, agency fees,
        recruiter fees, fill territories=0.8, be filled=0.6""",
    ),
    "people": ConceptSpec(
        "Rep Retention & Careers",
        1.5,
        """attrition, turnover, rep attrition, rep retention, retain reps, retain talent,
        retain top performers, keep top performers, top performers=0.4, keep our best,
        keep our top, keep our best reps, keep young reps, keep reps, best reps,
        experienced reps, best sellers, top sellers=0.6, best outside reps,
        career path, career paths, career ladder, career development, careers, career,
        promotion, promotions, promote from within, promote, succession, succession plan,
        culture, morale, burnout, burned out, burnt out, employee engagement, team morale,
        engagement survey, stay interviews, stay interview, exit interviews, exit interview,
        lose reps, losing reps, losing good reps, lose good reps, losing top reps, lost reps,
        losing experienced reps, reps leave, reps leaving, reps quit, quit, quitting,
        resign, resignations, rep churn, regretted attrition, poached, poaching,
        retention bonus, retention bonuses, retention plan=0.6, equity refresh, retiring,
        retirement, retire, mentoring, mentor, mentors, mentorship, recognition=0.6,
        wellbeing, well being, work life,
        people=0.4, frontline manager=0.5, first line manager=0.5""",
    ),
    "pipeline": ConceptSpec(
        "Pipeline Generation",
        0.9,
        """pipeline, pipe, pipe gen, pipeline generation, pipegen, pipeline build,
        pipeline creation, pipeline coverage, coverage=0.6, top of funnel, tofu, funnel=0.7,
        prospecting, prospect, prospects, outbound, outreach, cold call, cold calling,
        cold calls, cold email, cold emails, cold outreach, sequence, sequences, cadence=0.4,
        lead, leads, lead gen, lead generation, qualified leads, net new, new logos,
        new logo, new business, hunting, hunter, hunters, sdr, bdr, sdr team, bdr team,
        appointment setting, meetings booked, book meetings, book more meetings,
        first meetings, first meeting, set meetings, self source, self sourced, self sourcing,
        intent data, intent signals, intent, signals=0.5, trigger events, trigger event,
        linkedin, social selling, sales navigator, zoominfo, apollo, salesloft, dialer,
        power hour, call blitz, blitz, prospecting blocks, opportunity creation,
        opp creation, new opportunities, new opps, warm intros, warm introductions,
        account research=0.6, personalization=0.6, personalized, email campaigns=0.5,
        outbound motion, 3x=0.5, 4x=0.5, 5x=0.5, demand gen=0.5, demand generation=0.5,
        inbound=0.4, spam=0.5, dials, dial, activity, activities=0.6, calls=0.3,
        new buyers, first calls, first call, decision makers=0.6, never talked,
        untouched accounts, dormant accounts, net new accounts, cold accounts, book meetings,
        booked meetings, meetings=0.5, meeting=0.4, more at bats, at bats, reach=0.4,
        fill the pipe, fill pipe, pipeline gaps, break into, door opening, door openers,
        ai sdr, email open rates, reply rates, touches, touchpoints=0.5""",
    ),
    "enablement": ConceptSpec(
        "Enablement & Coaching",
        1.0,
        """enablement, enable, training, trainings, train, trained, coaching, coach, coaches,
        playbook, playbooks, role play, roleplay, roleplays, certification, certify,
        certified, certifications, lms, skills, skill, skill gaps, workshop, workshops,
        masterclass, lunch and learn, peer learning, best practices, share best practices,
        talk track, talk tracks, pitch, pitch deck, demo, demos, demo skills, discovery,
        discovery calls, discovery call, objection handling, objections, negotiation,
        negotiating, negotiation skills, meddic, meddicc, meddpicc, bant, challenger,
        spin selling, sandler, command of the message, value selling, solution selling,
        sales methodology, methodology, sales process=0.6, call review, call reviews,
        call recording, call recordings, gong, chorus, game tape, film review,
        deal review=0.5, deal clinic=0.7, deal clinics=0.7, coaching cadence,
        one on one, 1on1, 1 1s=0.7, mentoring, mentor, mentors, mentorship, shadowing,
        shadow, knowledge base, sales content, content=0.4, just in time learning, learning,
        microlearning, sales kickoff, sko, manager training, manager coaching,
        leadership development, storytelling, presentation skills, executive presence,
        business acumen, executive conversations, c suite, c level=0.6, multi threading,
        multithreading, multi thread, mutual action plan, mutual action plans,
        qualification=0.6, champion building, champions=0.5, selling skills, ride along=0.4,
        onboarding curriculum, bootcamp=0.5, scorecards=0.3, enablement program,
        readiness, sales readiness, messaging=0.4, value prop, value proposition,
        business case, roi=0.5, frameworks, framework=0.6,
        teach, teaching, sell value, sell on value, giving feedback, feedback to reps,
        managers on calls, managers in calls, joint calls, top performers=0.6,
        what good looks like, practice, practicing, rehearse, rehearsal, sharper=0.4,
        upskill, upskilling, reskill, certif, curriculum, sales academy=0.6, peer coaching,
        ride alongs=0.4, buddy system, knowledge sharing, win stories, deal reviews=0.4""",
    ),
    "forecast": ConceptSpec(
        "Forecasting & Sales Ops",
        1.0,
        """forecast, forecasting, forecasts, forecast accuracy, forecast call, forecast calls,
        commit, commits, best case, upside=0.6, crm, salesforce, hubspot, crm hygiene,
        hygiene, data quality, data hygiene, clean data, dashboards, dashboard, reporting,
        reports, analytics, metrics=0.5, kpi, kpis, visibility=0.4, pipeline review,
        pipeline reviews, pipe review, pipe reviews, pipeline inspection, deal review=0.8,
        deal reviews=0.8, deal inspection, inspection, close date, close dates, stage,
        stages, deal stages, exit criteria, stage definitions, entry criteria, sales ops,
        revops, rev ops, revenue operations, operations=0.7, ops=0.7, single source of truth,
        source of truth, predictability, predictable, accuracy, accurate, roll up, rollup,
        clari, slippage, slipped, slip, pushed deals, zombie, stale, stale deals,
        hockey stick, linearity, operating rhythm, operating cadence, wbr, tools=0.6,
        tech stack, tooling, automation=0.6, admin time, admin, data=0.6, deal data,
        activity tracking, win rate=0.4, conversion rates=0.4, sales cycle=0.4,
        velocity=0.4, deal desk=0.3, opps=0.4, opportunity=0.3,
        deal hygiene, pipeline hygiene, next steps, cadence of business, call discipline,
        forecast discipline, sandbagging, sandbag, quarter end=0.3, insights=0.5,
        hit the number, the number=0.6, surprises, no surprises, quarter close=0.5,
        typing into salesforce, data entry, manual entry, admin work, reporting burden,
        spreadsheets, spreadsheet, single dashboard, one dashboard, pipeline health,
        deal health, honest=0.4, realistic forecast, call the number, gut feel,
        process discipline=0.6, sales process=0.4""",
    ),
    "pricing": ConceptSpec(
        "Pricing & Packaging",
        1.3,
        """price, pricing, prices, priced, discount, discounting, discounts, discounted,
        over discounting, packaging, package, packages, bundle, bundling, bundles, tier=0.7,
        tiers=0.7, tiered=0.7, price increase, price increases, list price, price book,
        rate card, deal desk, approvals=0.5, approval=0.5, margin, margins, asp,
        average selling price, deal size=0.5, acv=0.5, multi year=0.5, multiyear=0.5,
        prepay, prepayment, payment terms, contract terms, terms=0.4, value based pricing,
        monetization, monetize, freemium, free trial=0.6, usage based, consumption,
        seat based, per seat, price lock, price locks, uplift, escalator, escalators, cpq,
        quote, quotes, quoting, give get, give gets, concessions, pricing power,
        discount discipline, floor price, price floor, skus, sku, editions, plans=0.3,
        cheaper=0.6, expensive=0.6, cost=0.3, premium=0.5, invoice=0.5, billing=0.6,
        contracts, contract, order forms, order form, paperwork, redlines, legal=0.6,
        msa, charge for, charge, charging, premium support=0.6, giving stuff away,
        give away, giveaways, free=0.6, freebies, hold the line on price, walk away price,
        rate cards, commercial terms, commercials, renewal pricing=0.5, pricing page,
        list prices, quote to cash, value pricing""",
    ),
    "partners": ConceptSpec(
        "Partners & Channel",
        1.5,
        """partner, partners, partnership, partnerships, channel, channels, reseller,
        resellers, var, vars, distributor, distributors, distribution=0.5, alliance, alliances,
        si, sis, systems integrator, systems integrators, system integrator, gsi, gsis, msp,
        msps, isv, isvs, marketplace, marketplaces, aws, azure, gcp, google cloud, microsoft,
        co sell, cosell, co selling, referral partner, referral partners, agency, agencies,
        ecosystem, integration partners, integrations partners, technology partners,
        tech partners, oem,
        white label, affiliate, affiliates, consultants, consulting firms, advisory firms,
        partner sourced, partner led, indirect, two tier, referral=0.6, referrals=0.6,
        joint go to market,
        consultancies, consultancy, allies, ally, co marketing, tech allies, integrators,
        channel program, partner program, partner portal, deal registration, deal reg,
        influencers=0.6, resell, resale, wholesale, big four, accenture, deloitte,
        supplier programs, supplier program, manufacturer reps, manufacturer rep,
        manufacturer=0.8, manufacturers=0.8, supplier=0.7, suppliers=0.7, co op funds,
        coop funds, co op, mdf, line card, rebates=0.8, rebate=0.8, vendor programs""",
    ),
    "marketing": ConceptSpec(
        "Marketing Alignment",
        1.2,
        """marketing, marketer, marketers, mql, mqls, sql=0.8, sqls=0.8, lead scoring,
        lead routing, lead definition, lead definitions, lead handoff, lead follow up,
        sla=0.6, slas=0.6, demand gen, demand generation, demand, abm, account based marketing,
        account based, events, event, field events, field marketing, trade show, trade shows,
        tradeshow, tradeshows, conference, conferences, booth, dinner, dinners, roadshow,
        roadshows, webinar, webinars, campaign=0.6, campaigns=0.6, content marketing,
        case study, case studies, customer stories, testimonials, references=0.6,
        reference program, customer advocacy, advocates, advocacy, g2, reviews=0.3, brand,
        awareness, brand awareness, messaging=0.6, positioning=0.5, website, seo, paid ads,
        ads, inbound, newsletter, cmo, smarketing, attribution, nurture, nurturing,
        personas=0.6, collateral=0.6, thought leadership, podcast, pr, analyst relations,
        gartner, forrester, mdf, lead quality, leads quality, hand raisers, intent=0.3,
        convert=0.5, conversion=0.5, conversions=0.5,
        demand team, marketing team, customer conference, user conference, user group,
        user groups, customer events, hosted events, ebook, whitepaper, whitepapers,
        landing pages, paid media, social media, linkedin ads, marketing qualified,
        sales and marketing, lead handover, better leads, lead flow, lead volume""",
    ),
    "procurement": ConceptSpec(
        "Procurement & Access",
        1.4,
        """procurement, procurement team, purchasing, purchasing committee, purchasing
        department, buying committee=0.8, gpo, gpos, idn, idns, value analysis,
        value analysis committee, value analysis committees, credentialing,
        vendor credentialing, vendor onboarding=0.8, supplier onboarding, approved vendor,
        preferred supplier, preferred vendor, framework agreement, formulary,
        access to accounts=0.8, get into, getting into=0.6, security review=0.6,
        legal review=0.6, redlines=0.6, msa=0.6, contracting=0.8, contract=0.4""",
    ),
    "digital": ConceptSpec(
        "Digital & Inside Sales",
        1.4,
        """webshop, web shop, web store, webstore, ecommerce, e commerce, online store,
        online ordering, order online, reorder online, online=0.7, portal=0.7, web orders,
        web order, web buyers, digital channel, digital sales, self serve, self service,
        inside sales, inside sales team, inside reps, inside sellers, telesales, call center,
        catalogue, catalog, online catalogue, online catalog, small orders, reorder, reorders,
        click and collect, punchout, edi, marketplace orders""",
    ),
    "territory": ConceptSpec(
        "Territory & Segmentation",
        1.1,
        """territory, territories, territory planning, territory design, segmentation, segment,
        segments, segmented, icp, ideal customer profile, enterprise=0.5, mid market=0.6,
        midmarket=0.6, smb=0.4, commercial=0.4, strategic accounts=0.8, strategic=0.3,
        named accounts, named account, named, account list, account lists,
        account assignment, account assignments, coverage model, sales coverage, geo,
        geography, geographic, geographies, regions=0.5, region=0.3, regional=0.4,
        emea=0.3, apac=0.3, latam=0.3, anz=0.3, dach=0.3, nordics=0.3, international=0.6,
        new markets, new market, market entry, expand into, expansion into, go international,
        new verticals, new vertical, vertical, verticals, verticalization, verticalize,
        industry, industries, pods, pod, book of business, books of business, books=0.6,
        rebalance, rebalancing, carve, carving, tam, sam, addressable market, firmographic,
        firmographics, target account list, target accounts, account tiering, tiering accounts,
        account scoring, overlay, specialists=0.5, public sector, federal, government,
        healthcare=0.6, finserv=0.6, financial services=0.6, fintech=0.6, manufacturing=0.6,
        retail=0.6, education=0.6,
        coverage=0.8, covered=0.8, covers=0.8, cover=0.6, uncovered, not covered,
        orphan accounts, house accounts, assign accounts, assigned to a rep, unbalanced,
        overlap=0.6, overlaps=0.6, redraw, split territory, counties, county, zip codes,
        metro, rural, white spots,
        upmarket, up market, move upmarket, downmarket, greenfield, white space accounts,
        coverage ratio, rules of engagement, account ownership,
        employees=0.5, company size, employee count, banks=0.6, banking=0.6, insurance=0.6,
        pharma=0.6,
        life sciences=0.6, telco=0.6, telecom=0.6, utilities=0.6, energy=0.6, logistics=0.6,
        hospitality=0.6, higher ed=0.6, k12=0.6, nonprofit=0.6, startups=0.6, scale ups=0.6,
        large enterprises,
        fortune 500, fortune 1000, global 2000, small deals=0.6, tiny deals=0.6,
        small customers=0.5, account distribution, account allocation, fair territories,
        fairer, balanced books, split accounts, new regions, new countries, new geos,
        land in, beachhead""",
    ),
    "comp": ConceptSpec(
        "Comp & Quota",
        1.3,
        """comp, compensation, comp plan, comp plans, commission, commissions, spiff, spiffs,
        spif, spifs, incentive, incentives, incentivize, quota, quotas, quota setting,
        attainment, accelerator, accelerators, decelerator, decelerators, ote, variable pay,
        variable, base salary, salary, payout, payouts, clawback, clawbacks, claw back,
        bonus, bonuses, presidents club, club=0.7, rewards, reward, recognition, kicker,
        kickers, pay=0.5, paid=0.5, cap, caps, capped, uncapped, mbo, mbos, crediting,
        credit=0.6,
        split credit, double comp, quota relief, targets=0.4, quota capacity, earn, earnings,
        commission disputes, plan design=0.6, contest, contests, leaderboard, gamification,
        paycheck, pay plan, pay mix, earning potential, make money, on target earnings,
        quota attainment, quota fairness, fair quotas, quota carrying=0.5, sales contest,
        shared targets=0.3, team bonus, mbo bonus, comp fairness, pay reps, paying reps,
        pay sellers""",
    ),
    "success": ConceptSpec(
        "Customer Success & Handoff",
        1.1,
        """customer success, cs, csm, csms, handoff, handoffs, hand off, handover, handovers,
        onboarding=0.6, onboard=0.4, customer onboarding, client onboarding,
        onboarding customers, onboard customers, implementation, implementations,
        time to value, ttv, adoption, usage=0.6, health score, health scores, customer health,
        success plan, success plans, post sale, post sales, kickoff=0.5, kick off=0.5,
        go live, golive, activation, professional services, services=0.5, support=0.6,
        tickets, escalations, escalation, nps, csat, customer experience, cx,
        customer journey, value realization, outcomes=0.5, transition=0.6,
        sales to cs, deployment, rollout=0.5, signature=0.3, signed=0.3, success=0.7,
        customer=0.25, customers=0.25, solutions engineering=0.4, post signature""",
    ),
    "product": ConceptSpec(
        "Product Feedback",
        1.2,
        """product, products, product feedback, feedback loop, feedback loops, feedback=0.6,
        roadmap, roadmaps, feature, features, feature request, feature requests,
        product gaps, product gap, gaps=0.5, gap=0.5, product management, pm, pms,
        product team, product manager, product managers, r d, engineering, engineers, beta,
        betas, early access, customer advisory board, cab, advisory board, voice of customer,
        voice of the customer, voc, field feedback, field requests, requests=0.6, request=0.6,
        enhancement, enhancements, bugs, bug, integrations=0.4, integration=0.4,
        new product, new products, launch=0.4, launches=0.4, product launch,
        prioritisation=0.4, prioritization=0.4, product market fit, use cases=0.5,
        design partners, pilots=0.5, ideas portal, product council,
        product feedback, customer feedback=0.8, missing features, feature gaps, what we build,
        build what customers, product requests, product roadmap, roadmap input,
        release notes, product updates, ai features=0.6, platform=0.3""",
    ),
    "competitive": ConceptSpec(
        "Competitive & Win/Loss",
        1.3,
        """competitive, competition, competitor, competitors, compete, competing, rival,
        rivals, win loss, win lose, loss reasons, loss reason, lost deals, lost deal,
        lose, losing=0.5, lost=0.5, loss, losses, win rate, win rates, battlecard,
        battlecards, battle card, battle cards, kill sheet, kill sheets, killsheet,
        displacement, displace, rip and replace, incumbent, incumbents, differentiation,
        differentiate, differentiators, positioning=0.6, competitive intel,
        competitive intelligence, head to head, bake off, bakeoff, takeout, takeouts,
        competitive takeout, switching=0.6, switch=0.4, no decision=0.6, status quo=0.5,
        why we lose, why we win, deal post mortem, post mortem, postmortem, win themes,
        lose to, losing to, lost to, beat, beating, beat competitors, compete better,
        alternatives=0.4, versus competitors, comparison, comparisons, market share=0.6,
        steal share, conquest""",
    ),
}

# Concept used by default when a note says "renewal" etc.; order also breaks score ties.
CONCEPT_ORDER: tuple[str, ...] = tuple(CONCEPTS)

# Raw-token rewrites applied before stemming (abbreviations, shorthand, common typos).
ABBREVIATIONS: dict[str, str] = {
    "acct": "account", "accts": "accounts", "acc": "account", "accs": "accounts",
    "mgmt": "management", "mgr": "manager", "mgrs": "managers", "mngr": "manager",
    "mktg": "marketing", "mkt": "marketing", "mrkt": "marketing", "marketting": "marketing",
    "opp": "opportunity", "oppty": "opportunity", "opty": "opportunity",
    "opptys": "opps", "yr": "year", "yrs": "years", "rev": "revenue", "li": "linkedin",
    "sfdc": "salesforce", "sf": "salesforce", "aes": "ae", "sdrs": "sdr", "bdrs": "bdr",
    "qbrs": "qbr", "ebrs": "ebr", "csms": "csm", "spiffs": "spiff", "kpis": "kpi",
    "enablment": "enablement", "forcast": "forecast",
    "forecasing": "forecasting", "pipline": "pipeline", "piepline": "pipeline",
    "renwals": "renewals", "renewls": "renewals", "hirng": "hiring", "recuiting": "recruiting",
    "prospectng": "prospecting", "territores": "territories", "comms": "commissions",
    "partnr": "partner", "ptnr": "partner", "ptnrs": "partners", "pricng": "pricing",
    "discouting": "discounting", "wk": "week", "wks": "weeks", "hc": "headcount",
    "mm": "midmarket", "ent": "enterprise", "govt": "government",
    "pres": "presidents", "bizdev": "business development", "bd": "business development",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words ignored when matching lexicon phrases ("top of the funnel" == "top funnel").
GLUE: frozenset[str] = _words(
    """a an the of to for with on at by our we us my your their them and or is are be that
    this those these it its from as"""
)

STOPWORDS: frozenset[str] = _words(
    """a an the and or but if of to in on at by for with from into onto over under up down
    out off so than then too very just not no nor only own same such can will would should
    could may might must shall do does did done doing be is are was were been being have has
    had having it its it's this that these those there here we our ours us you your they
    their them i me my he she his her who whom which what when where why how all any both
    each every few more most other some many much lots lot get gets got make makes making
    build building built drive driving improve improving increase better best good great
    new next year years month months week weeks day days q1 q2 q3 q4 fy quarter quarterly
    weekly monthly daily annual sales sale team teams org focus focused via per vs versus
    w etc e g ie eg also again still really actually something thing things way ways
    let lets need needs want use using start stop fix fixing keep around across about
    asap now always never every one two three"""
)

# Words too common in sales notes to say two notes are about the same thing: notes
# that share only these are never paired into a keyword group (stemmed like the notes).
WEAK_WORDS: frozenset[str] = _words(
    """customer customers client clients rep reps seller sellers deal deals account accounts
    manager managers process time data report reports meeting meetings call calls plan
    plans program programs tool tools people company business market work first last big
    small top high low more less level levels region regions"""
)
