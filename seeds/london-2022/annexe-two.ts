/**
 * Annexe two of HM Inspectorate of Probation's London region letter (24 November 2022): the published ratings
 * of the six PDUs inspected. This is the ground truth the scoring module must reproduce; the letter gives the
 * month fieldwork started, not the day.
 */
import type { Rating } from '#shared/framework/types.ts';

/** One PDU's published ratings, as the letter prints them. */
export interface PublishedPduRatings {
  /** A stable id for the seed (used for demo inspections' ids). */
  readonly key: string;
  readonly name: string;
  /** The month fieldwork started, as YYYY-MM. */
  readonly fieldworkStarted: string;
  /** Whether court work was rated (scored out of 27 rather than 24). */
  readonly courtWork: boolean;
  /** Ratings by standard id, as published. */
  readonly ratings: Readonly<Record<string, Rating>>;
  readonly publishedScore: number;
  readonly publishedMaxScore: number;
  readonly publishedRating: Rating;
}

/** The region the letter covers. */
export const LONDON_REGION = 'London';

const I = 'inadequate';
const RI = 'requires-improvement';
const G = 'good';

const PDUS: readonly PublishedPduRatings[] = [
  {
    key: 'hfkcw',
    name: 'Hammersmith, Fulham, Kensington, Chelsea and Westminster',
    fieldworkStarted: '2022-08',
    courtWork: true,
    ratings: {
      leadership: I,
      staff: I,
      services: I,
      information: I,
      'court-work': I,
      assessment: I,
      planning: I,
      implementation: I,
      reviewing: I,
    },
    publishedScore: 0,
    publishedMaxScore: 27,
    publishedRating: I,
  },
  {
    key: 'lambeth',
    name: 'Lambeth',
    fieldworkStarted: '2022-08',
    courtWork: false,
    ratings: {
      leadership: RI,
      staff: I,
      services: RI,
      information: RI,
      assessment: I,
      planning: I,
      implementation: I,
      reviewing: I,
    },
    publishedScore: 3,
    publishedMaxScore: 24,
    publishedRating: I,
  },
  {
    key: 'ealing-hillingdon',
    name: 'Ealing and Hillingdon',
    fieldworkStarted: '2022-08',
    courtWork: true,
    ratings: {
      leadership: RI,
      staff: I,
      services: RI,
      information: RI,
      'court-work': I,
      assessment: I,
      planning: I,
      implementation: I,
      reviewing: I,
    },
    publishedScore: 3,
    publishedMaxScore: 27,
    publishedRating: I,
  },
  {
    key: 'lewisham-bromley',
    name: 'Lewisham and Bromley',
    fieldworkStarted: '2022-08',
    courtWork: false,
    ratings: {
      leadership: RI,
      staff: RI,
      services: RI,
      information: RI,
      assessment: I,
      planning: I,
      implementation: I,
      reviewing: I,
    },
    publishedScore: 4,
    publishedMaxScore: 24,
    publishedRating: I,
  },
  {
    key: 'newham',
    name: 'Newham',
    fieldworkStarted: '2022-09',
    courtWork: false,
    ratings: {
      leadership: RI,
      staff: G,
      services: RI,
      information: G,
      assessment: I,
      planning: I,
      implementation: I,
      reviewing: I,
    },
    publishedScore: 6,
    publishedMaxScore: 24,
    publishedRating: RI,
  },
  {
    key: 'barking-dagenham-havering',
    name: 'Barking, Dagenham and Havering',
    fieldworkStarted: '2022-09',
    courtWork: false,
    ratings: {
      leadership: RI,
      staff: RI,
      services: RI,
      information: RI,
      assessment: I,
      planning: I,
      implementation: RI,
      reviewing: I,
    },
    publishedScore: 5,
    publishedMaxScore: 24,
    publishedRating: RI,
  },
];

/** The letter's annexe two: the six PDUs in the order the letter prints them. */
export function loadAnnexeTwo(): readonly PublishedPduRatings[] {
  return PDUS;
}
