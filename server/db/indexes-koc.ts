// The koc domain's indexes: applications, members, training, badges, career, events (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const kocIndexes = {
  // One per application (_id made from the applicant, the request and the program).
  koc_applications: [
    {
      name: 'merchant_state_created',
      fields: [
        ['merchantId', 'asc'],
        ['state', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's applications in one state (the pipeline's columns), newest first",
    },
    {
      name: 'applicant_created',
      fields: [
        ['applicant', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a student's applications",
    },
  ],
  // One per program and student (_id `${merchantId}:${openid}`), made by add: the open application and the cooldown.
  koc_open: [],
  // One per social account (_id its profileKey): who used it, to flag reuse across applicants; read by _id.
  koc_profiles: [],
  // One per program and selected KOC (_id `${merchantId}:${openid}`).
  koc_members: [
    {
      name: 'merchant',
      fields: [
        ['merchantId', 'asc'],
        ['_id', 'asc'],
      ],
      why: "a program's KOCs, paged by _id",
    },
    { name: 'openid', fields: [['openid', 'asc']], why: "a student's programs (their courses and badges)" },
  ],
  // One per course (_id from the shop and the request that made it).
  koc_courses: [
    {
      name: 'merchant_updated',
      fields: [
        ['merchantId', 'asc'],
        ['updatedAt', 'desc'],
      ],
      why: "a program's courses, newest first",
    },
  ],
  // One per course and student who passed its quiz (_id `${courseId}:${openid}`), made by add.
  koc_trainings: [
    {
      name: 'openid_merchant',
      fields: [
        ['openid', 'asc'],
        ['merchantId', 'asc'],
      ],
      why: "a KOC's completed courses with a program (the training badge)",
    },
  ],
  // One per program (_id the merchant's id): the course its KOCs complete before promoting.
  koc_settings: [],
  // One per badge (_id from the shop and the request that made it); disabled, never removed.
  koc_badge_defs: [
    {
      name: 'merchant_created',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'asc'],
      ],
      why: "a program's badges",
    },
  ],
  // One per badge and KOC (_id `${badgeId}:${openid}`): a badge is granted once.
  koc_badges: [
    {
      name: 'openid_at',
      fields: [
        ['openid', 'asc'],
        ['at', 'desc'],
      ],
      why: "a KOC's badges",
    },
  ],
  // One per grant (_id the grant's), written in the grant's transaction.
  koc_badge_audit: [],
  // Internships a shop posts for its KOCs; applications (_id `${internshipId}:${openid}`: once each).
  koc_internships: [
    {
      name: 'merchant_open',
      fields: [
        ['merchantId', 'asc'],
        ['open', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: 'open internships of the programs a KOC belongs to',
    },
    {
      name: 'merchant_created',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's own internships",
    },
  ],
  koc_internship_applications: [
    {
      name: 'internship_at',
      fields: [
        ['internshipId', 'asc'],
        ['at', 'desc'],
      ],
      why: "an internship's applicants",
    },
  ],
  // Recommendation letters a KOC asked a shop for (_id from shop, KOC and purpose: asked once).
  koc_letters: [
    {
      name: 'merchant_requested',
      fields: [
        ['merchantId', 'asc'],
        ['requestedAt', 'desc'],
      ],
      why: "a shop's letter requests",
    },
    {
      name: 'openid_requested',
      fields: [
        ['openid', 'asc'],
        ['requestedAt', 'desc'],
      ],
      why: "a KOC's letters",
    },
  ],
  // One per certificate (_id its verification code): verification is a read by _id.
  koc_certificates: [],
  // The badge timer's position in koc_members (_id 'badges').
  koc_state: [],
  // One per KOC (_id the openid): whether the home showcase may show them, and their campus.
  koc_showcase: [
    {
      name: 'campus_optin_updated',
      fields: [
        ['campusId', 'asc'],
        ['optIn', 'asc'],
        ['updatedAt', 'desc'],
      ],
      why: "the home showcase: a campus's opted-in KOCs, most recently opted in first",
    },
  ],
  // Brand events and trial drops (_id from the shop and the request that made it).
  koc_events: [
    {
      name: 'merchant_created',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's events, newest first",
    },
    {
      name: 'merchant_closes',
      fields: [
        ['merchantId', 'asc'],
        ['closesAt', 'asc'],
      ],
      why: "the events of a KOC's programs still open or closed within a week",
    },
    {
      name: 'kind_closes',
      fields: [
        ['kind', 'asc'],
        ['closesAt', 'asc'],
        ['_id', 'asc'],
      ],
      why: 'the koc timer issues trial orders a crash left unissued',
    },
  ],
  // One per event and KOC (_id `${eventId}:${openid}`): the tier, time and order of a place held; read by _id.
  koc_event_signups: [],
} satisfies IndexPlan;
