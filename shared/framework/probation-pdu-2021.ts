/**
 * HM Inspectorate of Probation's framework for inspecting a Probation Delivery Unit, 2021–2023, as data.
 * Ids are stable and stored everywhere; display numbers (2.1, 2.2…) are derived by `numberStandards`.
 */
import { HMIP_KEY_QUESTION_BANDS, HMIP_POINTS, HMIP_PROPORTIONAL_UPPER_EDGES } from './hmip-rules';
import type { Condition, Framework } from './types';

const releasedOnLicence: Condition = { kind: 'released-on-licence' };

/** The probation PDU framework (`hmip-probation-pdu`, version `2021`). */
export const PROBATION_PDU_2021: Framework = {
  id: 'hmip-probation-pdu',
  version: '2021',
  name: 'Probation Delivery Unit inspections 2021–2023',
  shortName: 'Probation',
  caseTypes: ['community', 'licence', 'post-sentence-supervision'],
  caseDetails: ['rosh', 'courtReport', 'releasedOnLicence'],
  words: {
    unit: 'PDU',
    units: 'PDUs',
    caseTypes: {
      community: 'Community sentence',
      licence: 'Licence',
      'post-sentence-supervision': 'Post-sentence supervision',
    },
    casesOfType: {
      community: 'community sentence cases',
      licence: 'licence cases',
      'post-sentence-supervision': 'post-sentence supervision cases',
    },
  },
  options: [{ id: 'courtWork', label: 'Court work is rated in this inspection', defaultValue: false }],
  domains: [
    {
      id: 'organisational-delivery',
      name: 'Organisational delivery',
      standards: [
        {
          id: 'leadership',
          name: 'Leadership',
          method: 'judgement',
          keyQuestions: [
            {
              id: 'leadership.vision',
              label: 'Vision and strategy',
              text: 'Is there a vision and strategy to deliver a high-quality, personalised and responsive service for all people on probation?',
              prompts: [],
            },
            {
              id: 'leadership.risks',
              label: 'Risks and operating model',
              text: 'Are risks to the operation of the PDU identified, and is the operating model effective in delivering services?',
              prompts: [],
            },
            {
              id: 'leadership.culture',
              label: 'Culture of learning',
              text: 'Does the PDU culture actively promote excellence and learning, including diversity and inclusion?',
              prompts: [],
            },
          ],
        },
        {
          id: 'staff',
          name: 'Staff',
          method: 'judgement',
          keyQuestions: [
            {
              id: 'staff.workload',
              label: 'Staffing and workload',
              text: 'Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service?',
              prompts: [],
            },
            {
              id: 'staff.skills',
              label: 'Skills and experience',
              text: 'Do the skills and experience of staff support the delivery of a high-quality service?',
              prompts: [],
            },
            {
              id: 'staff.oversight',
              label: 'Oversight of work',
              text: 'Does the oversight of work support high-quality delivery and professional development?',
              prompts: [],
            },
            {
              id: 'staff.learning',
              label: 'Learning and development',
              text: 'Are arrangements for learning and development comprehensive and responsive?',
              prompts: [],
            },
            {
              id: 'staff.engagement',
              label: 'Staff engagement',
              text: 'Do managers pay sufficient attention to staff engagement?',
              prompts: [],
            },
          ],
        },
        {
          id: 'services',
          name: 'Services',
          method: 'judgement',
          keyQuestions: [
            {
              id: 'services.analysis',
              label: 'Analysis of needs',
              text: 'Is there an up-to-date analysis of the profile of people on probation, used to deliver well-targeted services?',
              prompts: [],
            },
            {
              id: 'services.partnerships',
              label: 'Partnerships',
              text: 'Does the PDU work with providers and partners to deliver a high-quality, personalised and responsive service?',
              prompts: [],
            },
            {
              id: 'services.views',
              label: 'Views of people on probation',
              text: 'Are the views of people on probation sought, analysed and used to review and improve the services delivered?',
              prompts: [],
            },
          ],
        },
        {
          id: 'information',
          name: 'Information and facilities',
          method: 'judgement',
          keyQuestions: [
            {
              id: 'information.policies',
              label: 'Policies and guidance',
              text: 'Are the necessary policies and guidance in place to enable staff to deliver a quality service?',
              prompts: [],
            },
            {
              id: 'information.facilities',
              label: 'Delivery environments',
              text: 'Do the delivery environments meet the needs of people on probation and enable staff to deliver a quality service?',
              prompts: [],
            },
            {
              id: 'information.systems',
              label: 'Information and communication technology',
              text: 'Do the information and communication technology systems enable staff to deliver a quality service?',
              prompts: [],
            },
            {
              id: 'information.learning',
              label: 'Analysis and learning',
              text: 'Is analysis, evidence and learning used effectively to drive improvement?',
              prompts: [],
            },
          ],
        },
      ],
    },
    {
      id: 'case-supervision',
      name: 'Court work and case supervision',
      standards: [
        {
          id: 'court-work',
          name: 'Court work',
          method: 'case-sample',
          ratedWhen: { kind: 'option', option: 'courtWork' },
          appliesToCase: { kind: 'court-report-inspected' },
          keyQuestions: [
            {
              id: 'court-work.advice',
              label: 'Advice to court',
              text: "Is the pre-sentence information and advice to court sufficiently analytical and personalised, supporting the court's decision-making?",
              prompts: [
                {
                  id: 'court-work.advice.sources',
                  text: 'Does it draw sufficiently on available sources of information, including domestic abuse and child safeguarding checks?',
                },
                {
                  id: 'court-work.advice.analysis',
                  text: 'Does it analyse the offending-related factors and the risk of harm to others?',
                },
                {
                  id: 'court-work.advice.views',
                  text: 'Does it take the views of the person, and their diversity and personal circumstances, into account?',
                },
                {
                  id: 'court-work.advice.proposal',
                  text: 'Is the proposal proportionate, personalised and supported by the analysis?',
                },
              ],
            },
          ],
        },
        {
          id: 'assessment',
          name: 'Assessment',
          method: 'case-sample',
          keyQuestions: [
            {
              id: 'assessment.engagement',
              label: 'Engagement',
              text: 'Does assessment focus sufficiently on engaging the person on probation?',
              prompts: [
                {
                  id: 'assessment.engagement.motivation',
                  text: "Does assessment analyse the person's motivation and readiness to engage and comply?",
                },
                {
                  id: 'assessment.engagement.diversity',
                  text: "Does assessment take account of the person's diversity and personal circumstances?",
                },
                {
                  id: 'assessment.engagement.involvement',
                  text: 'Does assessment involve the person and take their views into account?',
                },
              ],
            },
            {
              id: 'assessment.desistance',
              label: 'Desistance',
              text: 'Does assessment focus sufficiently on the factors linked to offending and desistance?',
              prompts: [
                {
                  id: 'assessment.desistance.factors',
                  text: 'Does assessment identify and analyse the offending-related factors?',
                },
                {
                  id: 'assessment.desistance.strengths',
                  text: "Does assessment identify the person's strengths and protective factors?",
                },
                {
                  id: 'assessment.desistance.sources',
                  text: 'Does assessment draw sufficiently on available sources of information, including past behaviour and convictions?',
                },
              ],
            },
            {
              id: 'assessment.safety',
              label: 'Keeping other people safe',
              text: 'Does assessment focus sufficiently on keeping other people safe?',
              prompts: [
                {
                  id: 'assessment.safety.factors',
                  text: 'Does assessment identify and analyse the factors related to risk of harm?',
                },
                {
                  id: 'assessment.safety.checks',
                  text: 'Does assessment draw on other sources of information, including domestic abuse and child safeguarding checks?',
                },
                {
                  id: 'assessment.safety.victims',
                  text: 'Does assessment analyse who is at risk, including actual and potential victims?',
                },
              ],
            },
          ],
        },
        {
          id: 'planning',
          name: 'Planning',
          method: 'case-sample',
          keyQuestions: [
            {
              id: 'planning.engagement',
              label: 'Engagement',
              text: 'Does planning focus sufficiently on engaging the person on probation?',
              prompts: [
                {
                  id: 'planning.engagement.involvement',
                  text: 'Does planning set out how the person will be involved, taking their views into account?',
                },
                {
                  id: 'planning.engagement.diversity',
                  text: "Does planning take account of the person's diversity and personal circumstances?",
                },
              ],
            },
            {
              id: 'planning.desistance',
              label: 'Desistance',
              text: 'Does planning focus sufficiently on reducing reoffending and supporting desistance?',
              prompts: [
                {
                  id: 'planning.desistance.factors',
                  text: 'Does planning set out the services most likely to address the offending-related factors?',
                },
                {
                  id: 'planning.desistance.sequencing',
                  text: 'Does planning sequence activities sensibly and build on strengths?',
                },
                {
                  id: 'planning.desistance.resettlement',
                  text: 'Did planning address resettlement needs before release?',
                  appliesWhen: releasedOnLicence,
                },
              ],
            },
            {
              id: 'planning.safety',
              label: 'Keeping other people safe',
              text: 'Does planning focus sufficiently on keeping other people safe?',
              prompts: [
                {
                  id: 'planning.safety.risks',
                  text: 'Does planning address the factors related to risk of harm?',
                },
                {
                  id: 'planning.safety.agencies',
                  text: 'Does planning involve other agencies where appropriate?',
                },
                {
                  id: 'planning.safety.contingency',
                  text: 'Does planning set out contingency arrangements for identified risks?',
                },
              ],
            },
          ],
        },
        {
          id: 'implementation',
          name: 'Implementation and delivery',
          method: 'case-sample',
          keyQuestions: [
            {
              id: 'implementation.engagement',
              label: 'Engagement',
              text: 'Is the sentence or post-custody period implemented effectively, with a focus on engaging the person on probation?',
              prompts: [
                {
                  id: 'implementation.engagement.relationship',
                  text: 'Is sufficient focus given to building and maintaining an effective working relationship?',
                },
                {
                  id: 'implementation.engagement.compliance',
                  text: 'Are enforcement actions and compliance handled proportionately and effectively?',
                },
                {
                  id: 'implementation.engagement.release',
                  text: 'Were release arrangements made effectively, including the first appointment after release?',
                  appliesWhen: releasedOnLicence,
                },
              ],
            },
            {
              id: 'implementation.desistance',
              label: 'Desistance',
              text: 'Does the implementation and delivery of services effectively support desistance?',
              prompts: [
                {
                  id: 'implementation.desistance.strengths',
                  text: "Does delivery build on the person's strengths and protective factors?",
                },
                {
                  id: 'implementation.desistance.partners',
                  text: 'Is there sufficient coordination with partner agencies and services?',
                },
              ],
            },
            {
              id: 'implementation.safety',
              label: 'Keeping other people safe',
              text: 'Does the implementation and delivery of services effectively support the safety of other people?',
              prompts: [
                {
                  id: 'implementation.safety.contact',
                  text: 'Is the level and nature of contact sufficient to manage and minimise the risk of harm?',
                },
                {
                  id: 'implementation.safety.home-visits',
                  text: 'Are home visits undertaken where necessary to manage the risk of harm?',
                },
                {
                  id: 'implementation.safety.agencies',
                  text: 'Is there effective joint working with other agencies to keep people safe?',
                },
              ],
            },
          ],
        },
        {
          id: 'reviewing',
          name: 'Reviewing',
          method: 'case-sample',
          keyQuestions: [
            {
              id: 'reviewing.engagement',
              label: 'Engagement',
              text: 'Does reviewing focus sufficiently on supporting compliance and engagement?',
              prompts: [
                {
                  id: 'reviewing.engagement.involvement',
                  text: 'Does reviewing involve the person and take their views into account?',
                },
                {
                  id: 'reviewing.engagement.barriers',
                  text: 'Does reviewing respond to barriers to compliance and engagement?',
                },
              ],
            },
            {
              id: 'reviewing.desistance',
              label: 'Desistance',
              text: 'Does reviewing focus sufficiently on supporting desistance?',
              prompts: [
                {
                  id: 'reviewing.desistance.changes',
                  text: 'Does reviewing identify and address changes in the factors linked to offending?',
                },
                {
                  id: 'reviewing.desistance.adjustments',
                  text: 'Does reviewing lead to necessary adjustments in the ongoing plan?',
                },
              ],
            },
            {
              id: 'reviewing.safety',
              label: 'Keeping other people safe',
              text: 'Does reviewing focus sufficiently on keeping other people safe?',
              prompts: [
                {
                  id: 'reviewing.safety.changes',
                  text: 'Does reviewing identify and address changes in the factors related to risk of harm?',
                },
                {
                  id: 'reviewing.safety.written',
                  text: 'Is the review of risk recorded, with necessary adjustments to the risk management plan?',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  nonRatedQuestions: [
    {
      id: 'management-oversight',
      text: 'Where the case required it, was management oversight effective?',
      summary: 'management oversight was effective, in cases that required it',
      standardId: 'implementation',
    },
    {
      id: 'services-delivered',
      text: 'Were the services most likely to reduce reoffending delivered?',
      summary: 'the services most likely to reduce reoffending were delivered',
      standardId: 'implementation',
    },
    {
      id: 'pre-release.contact',
      text: 'Was there proportionate contact with the person before release?',
      summary: 'there was proportionate contact before release',
      standardId: 'implementation',
      appliesWhen: releasedOnLicence,
    },
    {
      id: 'pre-release.needs-assessed',
      text: 'Were key resettlement or desistance needs assessed before release?',
      summary: 'key resettlement or desistance needs were assessed before release',
      standardId: 'assessment',
      appliesWhen: releasedOnLicence,
    },
    {
      id: 'pre-release.risks-assessed',
      text: 'Were key risks of harm assessed before release?',
      summary: 'key risks of harm were assessed before release',
      standardId: 'assessment',
      appliesWhen: releasedOnLicence,
    },
  ],
  keyQuestionBands: HMIP_KEY_QUESTION_BANDS,
  overall: {
    points: HMIP_POINTS,
    publishedTables: [
      {
        maxScore: 24,
        lowestScore: { inadequate: 0, 'requires-improvement': 5, good: 13, outstanding: 21 },
      },
      {
        maxScore: 27,
        lowestScore: { inadequate: 0, 'requires-improvement': 5, good: 14, outstanding: 23 },
      },
    ],
    proportionalUpperEdges: HMIP_PROPORTIONAL_UPPER_EDGES,
  },
};
