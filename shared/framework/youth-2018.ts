/**
 * HM Inspectorate of Probation's framework for inspecting youth offending services, 2018–2021, as data.
 * Court-disposal standards apply only to court disposals, out-of-court ones only to out-of-court disposals.
 */
import { HMIP_KEY_QUESTION_BANDS, HMIP_POINTS, HMIP_PROPORTIONAL_UPPER_EDGES } from './hmip-rules';
import type { CaseSampledStandard, CaseType, Framework, JudgedStandard } from './types';

/**
 * Every youth case standard asks the same three key questions of one activity (assessment, planning…), so
 * they are written once here; the ids follow docs/framework.md: `<standard>.desistance`, `.child-safety`,
 * `.others-safety`.
 */
function youthCaseStandard(
  id: string,
  name: string,
  activity: string,
  caseType: CaseType,
): CaseSampledStandard {
  return {
    id,
    name,
    method: 'case-sample',
    appliesToCase: { kind: 'case-type', caseTypes: [caseType] },
    keyQuestions: [
      {
        id: `${id}.desistance`,
        label: 'Desistance',
        text: `Does ${activity} focus sufficiently on supporting the child's desistance?`,
        prompts: [
          {
            id: `${id}.desistance.strengths`,
            text: `Does ${activity} build on the child's strengths and protective factors?`,
          },
          {
            id: `${id}.desistance.views`,
            text: `Does ${activity} take account of the views of the child and their parents or carers?`,
          },
        ],
      },
      {
        id: `${id}.child-safety`,
        label: 'Keeping the child safe',
        text: `Does ${activity} focus sufficiently on keeping the child safe?`,
        prompts: [
          {
            id: `${id}.child-safety.agencies`,
            text: `Does ${activity} draw on other agencies' information and involve them where appropriate?`,
          },
        ],
      },
      {
        id: `${id}.others-safety`,
        label: 'Keeping other people safe',
        text: `Does ${activity} focus sufficiently on keeping other people safe?`,
        prompts: [
          {
            id: `${id}.others-safety.victims`,
            text: `Does ${activity} address the needs and wishes of actual and potential victims?`,
          },
        ],
      },
    ],
  };
}

function judgedStandard(id: string, name: string, keyQuestionText: string): JudgedStandard {
  return {
    id,
    name,
    method: 'judgement',
    keyQuestions: [{ id: `${id}.overall`, label: name, text: keyQuestionText, prompts: [] }],
  };
}

/** The youth offending services framework (`hmip-youth`, version `2018`). */
export const YOUTH_2018: Framework = {
  id: 'hmip-youth',
  version: '2018',
  name: 'Youth offending service inspections 2018–2021',
  shortName: 'Youth justice',
  caseTypes: ['court-disposal', 'out-of-court-disposal'],
  // A child's case records their risk of serious harm and their safety and wellbeing level; court reports and
  // release on licence are probation details and are never asked of a child's case.
  caseDetails: ['rosh', 'safetyWellbeing'],
  words: {
    unit: 'youth justice service',
    units: 'youth justice services',
    caseTypes: { 'court-disposal': 'Court disposal', 'out-of-court-disposal': 'Out-of-court disposal' },
    casesOfType: { 'court-disposal': 'court cases', 'out-of-court-disposal': 'out-of-court cases' },
  },
  options: [],
  domains: [
    {
      id: 'organisational-delivery',
      name: 'Organisational delivery',
      standards: [
        judgedStandard(
          'governance',
          'Governance and leadership',
          'Is the governance and leadership of the youth offending service supporting and promoting the delivery of high-quality, personalised and responsive services?',
        ),
        judgedStandard(
          'staff',
          'Staff',
          'Are staff empowered to deliver a high-quality, personalised and responsive service for all children?',
        ),
        judgedStandard(
          'partnerships',
          'Partnerships and services',
          'Is a comprehensive range of high-quality services in place, enabling personalised and responsive provision for all children?',
        ),
        judgedStandard(
          'information',
          'Information and facilities',
          'Are timely and relevant information, and appropriate facilities, available to support high-quality services?',
        ),
      ],
    },
    {
      id: 'court-disposals',
      name: 'Court disposals',
      standards: [
        youthCaseStandard('court-assessment', 'Assessment', 'assessment', 'court-disposal'),
        youthCaseStandard('court-planning', 'Planning', 'planning', 'court-disposal'),
        youthCaseStandard(
          'court-implementation',
          'Implementation and delivery',
          'the implementation and delivery of services',
          'court-disposal',
        ),
        youthCaseStandard('court-reviewing', 'Reviewing', 'reviewing', 'court-disposal'),
      ],
    },
    {
      id: 'out-of-court-disposals',
      name: 'Out-of-court disposals',
      standards: [
        youthCaseStandard('ooc-assessment', 'Assessment', 'assessment', 'out-of-court-disposal'),
        youthCaseStandard('ooc-planning', 'Planning', 'planning', 'out-of-court-disposal'),
        youthCaseStandard(
          'ooc-implementation',
          'Implementation and delivery',
          'the implementation and delivery of services',
          'out-of-court-disposal',
        ),
        judgedStandard(
          'ooc-policy',
          'Out-of-court disposal policy and provision',
          'Is there a high-quality, evidence-based out-of-court disposal service in place that promotes diversion and supports sustainable desistance?',
        ),
      ],
    },
  ],
  nonRatedQuestions: [],
  keyQuestionBands: HMIP_KEY_QUESTION_BANDS,
  overall: {
    points: HMIP_POINTS,
    publishedTables: [
      {
        maxScore: 36,
        lowestScore: { inadequate: 0, 'requires-improvement': 7, good: 19, outstanding: 31 },
      },
    ],
    proportionalUpperEdges: HMIP_PROPORTIONAL_UPPER_EDGES,
  },
};
