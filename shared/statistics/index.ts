/**
 * The statistics quality assurance needs, as pure functions: agreement between two scorings (percentage,
 * Cohen's kappa with its interval, Gwet's AC1, PABAK), Wilson intervals for a share, and the sample size for
 * a share. No DOM, no Node, no storage; each is tested against published worked examples.
 */
export { normalQuantile, zForLevel } from './normal';
export { wilsonInterval, type Interval } from './wilson';
export {
  agreementFigures,
  agreementTable,
  cohensKappa,
  gwetAc1,
  pabak,
  percentAgreement,
  type AgreementFigures,
  type AgreementTable,
  type Kappa,
  type ScoredPair,
} from './agreement';
export { sampleSizeForShare, type SampleSize, type SampleSizeQuestion } from './sample-size';
