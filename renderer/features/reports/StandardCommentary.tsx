// A standard's strengths and areas for improvement: written on the report screen (saved as they are typed, like
// every note, with an audit entry) and printed as plain paragraphs, since they are what an inspector hands over.
import { setCommentary, type StoredCommentary } from '../../db';
import { AutosavedText } from '../../ui/AutosavedText';
import { useActor } from '../settings/actor';
import './reports.css';

export function StandardCommentary({
  inspectionId,
  standardId,
  standardName,
  saved,
}: {
  inspectionId: string;
  standardId: string;
  /** "2.1 Assessment": names the boxes for screen readers. */
  standardName: string;
  saved: StoredCommentary | undefined;
}) {
  const by = useActor();
  return (
    <div className="commentary">
      <div className="commentary__edit no-print">
        <AutosavedText
          label={
            <>
              Strengths <span className="visually-hidden">of {standardName}</span>
            </>
          }
          what="Strengths"
          stored={saved?.strengths ?? ''}
          save={(text) => setCommentary(inspectionId, standardId, { strengths: text }, by)}
        />
        <AutosavedText
          label={
            <>
              Areas for improvement <span className="visually-hidden">in {standardName}</span>
            </>
          }
          what="Areas for improvement"
          stored={saved?.improvements ?? ''}
          save={(text) => setCommentary(inspectionId, standardId, { improvements: text }, by)}
        />
      </div>
      <div className="commentary__print print-only">
        {saved?.strengths && (
          <>
            <h4>Strengths</h4>
            <p>{saved.strengths}</p>
          </>
        )}
        {saved?.improvements && (
          <>
            <h4>Areas for improvement</h4>
            <p>{saved.improvements}</p>
          </>
        )}
      </div>
    </div>
  );
}
