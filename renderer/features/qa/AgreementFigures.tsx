// Every agreement table for an inspection: over all, by inspector, by standard and by key question (those with
// answers compared), with a line on how to read kappa beside AC1 and PABAK.
import type { ModerationAgreement } from '#shared/moderation';
import { AgreementTable } from './AgreementTable';

export function AgreementFigures({ agreement }: { agreement: ModerationAgreement }) {
  return (
    <div className="agreement">
      <p className="hint">
        First scoring against the quality lead’s blind second scoring, over {agreement.cases} dip-sampled case
        {agreement.cases === 1 ? '' : 's'}; each key question of each case both answered is one answer
        compared. Where nearly every answer is the same, kappa can be low despite high agreement; AC1 and
        PABAK are not misled that way.
      </p>
      <AgreementTable
        caption="Over all key questions"
        rows={[{ id: 'overall', label: 'All key questions', ...agreement.overall }]}
      />
      <AgreementTable caption="By inspector" rows={agreement.byInspector} />
      <AgreementTable caption="By standard" rows={agreement.byStandard.filter((r) => r.pairs > 0)} />
      <AgreementTable caption="By key question" rows={agreement.byKeyQuestion.filter((r) => r.pairs > 0)} />
    </div>
  );
}
