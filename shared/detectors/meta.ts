import * as zm from '../zod';
import type { RuleId } from '../domain/finding';
import type { DetectorMeta } from './detector';

/**
 * Every rule's `meta`, apart from its detector: the catalogue (titles, levels, options, clauses) that
 * the configuration schema, the digest, the report, the console and the CLI read. Kept in a module of
 * its own so that reading a rule's title or checking a configuration does not load the detectors and
 * their word lists: a function that never runs a rule (the console, the digest) stays small.
 */

/**
 * The version of the rules: raise it whenever a detector's logic, word lists or thresholds change, so
 * that every finding says which rules raised it, `council-audit rescan` knows what it re-checks with,
 * and scan dispatch (which loads no detector) queues one rescan per council after a deploy changes it.
 */
export const RULES_VERSION = '2026-12-07b';

/** copyright-attribution's own options: sources that need no credit, besides `attributionExempt`. */
export const COPYRIGHT_OPTIONS = zm.strictObject({
  exempt: zm._default(zm.array(zm.string().check(zm.minLength(1, 'must not be empty'))), []),
});


/** In the rulebook's order (RULE_IDS), which is the order rules are listed in. */
export const RULE_META = {
  'personal-data': {
    id: 'personal-data',
    title: 'Personal data',
    level: 'post',
    defaultSeverity: 'high',
    description:
      'Personal data of an identifiable person: National Insurance, NHS and bank numbers, dates of birth, health or criminal-record details, identified children, and phone numbers, email addresses, home addresses and vehicle registrations outside the council\'s published contacts.',
    clause:
      'Social Media Guide 4f (take extreme caution with personal information) and 4g (abide by data protection law); Social Media Policy: council communications must not breach confidentiality. UK GDPR and the Data Protection Act 2018.',
    remediation:
      "Remove the personal data from the post (delete it, or edit it if the platform keeps no visible history), and ask the Data Protection Officer whether it must be logged as a data breach.",
  },
  'copyright-attribution': {
    id: 'copyright-attribution',
    title: 'Copyright and attribution',
    level: 'post',
    defaultSeverity: 'medium',
    description:
      "Someone else's photo, image or substantial writing (a stock image, a picture found online or sent in, a long quotation or a poem) used without crediting its author or source.",
    clause:
      'Social Media Policy: council communications must not "breach copyright", including failing to acknowledge permitted use; Social Media Guide 4g: abide by copyright.',
    options: COPYRIGHT_OPTIONS,
    remediation:
      'Credit the author or source next to the work ("Photo: Jane Doe", "© …", "Source: …") after checking the council has permission to use it; otherwise remove it or replace it with the council\'s own.',
  },
  'political-content': {
    id: 'political-content',
    title: 'Political content',
    level: 'post',
    defaultSeverity: 'medium',
    description:
      'Party politics in council publicity: promoting or attacking a party, candidate or party policy, asking for votes, support or donations, and featuring individual councillors during a pre-election period.',
    clause:
      'Social Media Policy: council communications must not "be used for political purposes" nor "promote Councillors\' social media accounts during the pre-election period"; Code of Recommended Practice on Local Authority Publicity.',
    remediation:
      'Remove the post. Council publicity must be politically neutral: report council decisions factually, and leave party campaigning to the parties and candidates on their own accounts.',
  },
  'unapproved-account': {
    id: 'unapproved-account',
    title: 'Unapproved account',
    level: 'account',
    defaultSeverity: 'high',
    description:
      "An account that presents itself as the council without the Town Clerk's recorded approval, a registered account with no record of approval, or an anonymous account used for council business.",
    clause:
      'Social Media Guide 4c and 5a: all council-owned accounts must be approved by the Town Clerk; 4e: no anonymous use for work. Social Media Policy: only Authorised Officers set up and run council accounts.',
    remediation:
      'If the council runs this account, approve it (in the console, or with `council-audit accounts approve`); if it does not, report it to the platform as an impostor and ask for it to be closed.',
  },
  'offensive-language': {
    id: 'offensive-language',
    title: 'Offensive language',
    level: 'post',
    defaultSeverity: 'medium',
    description:
      'Profanity (including disguised spellings such as f*ck, sh1t or spaced letters), slurs, and derogatory remarks about people who share a protected characteristic.',
    clause:
      'Social Media Guide 1c: behave online as offline, cyber-bullying is not tolerated; Social Media Policy: council communications must not discriminate, bully or harass; Guide 4i: remove offensive comments with a standard response.',
    remediation:
      "Edit the post to remove the offensive words, or delete it. If they are in a comment or a quoted post by someone else, hide or delete it and reply with the council's standard removal notice.",
  },
  'confidential-information': {
    id: 'confidential-information',
    title: 'Confidential information',
    level: 'post',
    defaultSeverity: 'high',
    description:
      'Internal or confidential matters: closed-session business, staff matters of identifiable staff, legal advice, tender bids before award, and plans the post itself says are not yet public.',
    clause:
      'Social Media Policy: council communications must not "breach confidentiality"; its named risks include the disclosure of confidential information.',
    remediation:
      'Delete the post now and tell the Town Clerk, who decides whether the disclosure must be reported; publish only what the council has made public (approved minutes, the contract award, an official announcement).',
  },
  'risky-link': {
    id: 'risky-link',
    title: 'Risky link',
    level: 'post',
    defaultSeverity: 'low',
    description: 'Links that hide where they lead: URL shorteners, bare IP addresses and look-alike hosts.',
    clause:
      'Social Media Policy, risks: "Virus or other malware (malicious software) infection from infected sites" via shortened URLs; council communications must not contain inappropriate links.',
    remediation: 'Replace the link with the full address of the page on its real site, so that readers can see where it leads.',
  },
  'hostile-engagement': {
    id: 'hostile-engagement',
    title: 'Hostile engagement',
    level: 'post',
    defaultSeverity: 'medium',
    description:
      'The council criticising, mocking or arguing with a member of the public, a colleague, a councillor or another organisation.',
    clause:
      'Social Media Policy: council communications must not bring the council into disrepute by "criticising or arguing with customers, colleagues, Councillors"; Social Media Guide 1c: behave online as you would offline.',
    remediation:
      'Delete or edit the post. Answer with the facts and a polite tone, or take the disagreement offline (a private message, an email or a call); concerns about another organisation or a councillor go through the proper channels, not a public post.',
  },
} as const satisfies Record<RuleId, DetectorMeta>;
