// A form that saves one thing, as a React 19 form action, with its outcome said the one way every settings form
// says it: what was saved, the problem a check found first, or why storage refused it, in storage's own words.
import { useActionState } from 'react';
import { describeStorageError } from '../db';
import type { MessageText } from './Message';

/**
 * `save` checks, writes and returns what to say (an error where a check refused the value, without writing);
 * a failed write is caught here and said as an error. Returns the message, the action (for a form, or called
 * with what to save inside a transition) and whether it runs.
 */
export function useSaveAction<P>(save: (payload: P) => Promise<MessageText>) {
  return useActionState(async (_previous: MessageText | null, payload: P): Promise<MessageText | null> => {
    try {
      return await save(payload);
    } catch (error) {
      return { kind: 'error', text: describeStorageError(error) };
    }
  }, null);
}
