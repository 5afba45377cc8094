/**
 * Merging another copy's export into ours, with no clock believed: versions (device, counter, what each
 * replaced), the plan of every change a file would make, and applying the lead's decisions.
 */
export * from './versions';
export * from './items';
export { planMerge, detailWords, newClaims, MAX_CLAIMS, MAX_CLAIM_BYTES, type PlanOptions } from './plan';
export { applyMerge, type MergeResult, type Resolver } from './apply';
export { caseParts, caseVersions, CREATED, detailValue, detailVersion, DETAIL_WORDS } from './case-versions';
