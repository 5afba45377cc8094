// The case's own free-text notes, beside its answers: saved when the person leaves the box, and said so.
import { useState } from 'react';
import { describeStorageError, setCaseNote, type StoredCase } from '../../db';
import { Message, type MessageText } from '../../ui/Message';
import { useActor } from '../settings/actor';

export function CaseNote({ sampled }: { sampled: StoredCase }) {
  const by = useActor();
  const [note, setNote] = useState(sampled.note ?? '');
  const [message, setMessage] = useState<MessageText | null>(null);
  return (
    <div className="case-note">
      <label className="field">
        <span>Case notes</span>
        <textarea
          rows={2}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setMessage(null);
          }}
          onBlur={async () => {
            if (note === (sampled.note ?? '')) return;
            try {
              await setCaseNote(sampled.id, note, by);
              setMessage({ kind: 'info', text: 'Notes saved.' });
            } catch (error) {
              setMessage({ kind: 'error', text: `Notes not saved: ${describeStorageError(error)}` });
            }
          }}
        />
      </label>
      <Message message={message} />
    </div>
  );
}
