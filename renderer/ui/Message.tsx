// A form's outcome beside it: a problem is announced at once (alert), a confirmation politely (status).
export interface MessageText {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export function Message({ message }: { message: MessageText | null }) {
  if (!message) return null;
  return (
    <p
      role={message.kind === 'error' ? 'alert' : 'status'}
      className={message.kind === 'error' ? 'field-error' : 'hint'}
    >
      {message.text}
    </p>
  );
}

/** A problem with what was entered, announced at once; nothing where there is none. */
export function Problem({ text }: { text: string | null | undefined }) {
  return text ? <Message message={{ kind: 'error', text }} /> : null;
}
