// The inspectors' words for stored values.
import type {
  AnswerValue,
  CaseType,
  CourtReportType,
  RoshLevel,
  SafetyWellbeingLevel,
} from '#shared/framework';

export const CASE_TYPE_LABELS: Readonly<Record<CaseType, string>> = {
  community: 'Community sentence',
  licence: 'Licence',
  'post-sentence-supervision': 'Post-sentence supervision',
  'court-disposal': 'Court disposal',
  'out-of-court-disposal': 'Out-of-court disposal',
};

export const ROSH_LABELS: Readonly<Record<RoshLevel, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very-high': 'Very high',
};

export const COURT_REPORT_LABELS: Readonly<Record<CourtReportType, string>> = {
  none: 'None',
  oral: 'Oral',
  'short-format': 'Short format',
  standard: 'Standard',
};

export const ANSWER_LABELS: Readonly<Record<AnswerValue, string>> = {
  yes: 'Yes',
  no: 'No',
  na: 'N/A',
};

export const SAFETY_WELLBEING_LABELS: Readonly<Record<SafetyWellbeingLevel, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very-high': 'Very high',
};
