// A case's details in words, only those its framework records: "Court disposal · High risk of serious harm ·
// Medium safety and wellbeing". A youth case never reads "no court report".
import { hasCaseDetail, type CaseAttributes, type CaseType, type Framework } from '#shared/framework';
import { COURT_REPORT_LABELS, ROSH_LABELS, SAFETY_WELLBEING_LABELS } from '../../ui/labels';

/** The case's type and recorded details, as short phrases in the order forms ask them. */
export function caseDetailPhrases(
  framework: Framework,
  sampled: { readonly caseType: CaseType; readonly attributes: CaseAttributes },
): string[] {
  const a = sampled.attributes;
  const phrases: string[] = [framework.words.caseTypes[sampled.caseType] ?? sampled.caseType];
  if (hasCaseDetail(framework, 'rosh') && a.rosh) phrases.push(`${ROSH_LABELS[a.rosh]} risk of serious harm`);
  if (hasCaseDetail(framework, 'safetyWellbeing') && a.safetyWellbeing) {
    phrases.push(`${SAFETY_WELLBEING_LABELS[a.safetyWellbeing]} safety and wellbeing`);
  }
  if (hasCaseDetail(framework, 'courtReport')) {
    phrases.push(
      a.courtReport && a.courtReport !== 'none'
        ? `${COURT_REPORT_LABELS[a.courtReport]} court report`
        : 'no court report',
    );
  }
  if (hasCaseDetail(framework, 'releasedOnLicence') && a.releasedOnLicence)
    phrases.push('released on licence');
  return phrases;
}
