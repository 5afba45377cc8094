/**
 * Registering IPC handlers from the contract: each handler is typed by its channel, checks that the message
 * came from the app's own top frame, and validates its argument before it runs.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { argumentProblem, type ArgumentOf, type Channel, type ResultOf } from '#shared/ipc';
import { isAppUrl } from './url-trust';

/** A handler for one channel. */
export type Handler<C extends Channel> = (
  argument: ArgumentOf<C>,
  event: IpcMainInvokeEvent,
) => Promise<ResultOf<C>>;

/** Raised to the renderer when a message is refused. */
export class IpcRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefusal';
  }
}

/** Why the sender may not use IPC, or `null` when it may: only the app's own top-level frame may. */
export function senderProblem(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent) return 'only the top frame may call the desktop shell';
  if (!isAppUrl(frame.url)) return `messages from ${frame.url || 'an unknown page'} are refused`;
  return null;
}

/** Registers the handler for a channel, with sender and argument checks in front of it. */
export function handle<C extends Channel>(channel: C, handler: Handler<C>): void {
  ipcMain.handle(channel, async (event, argument: unknown) => {
    const sender = senderProblem(event);
    if (sender) throw new IpcRefusal(`${channel}: ${sender}`);
    const problem = argumentProblem(channel, argument);
    if (problem) throw new IpcRefusal(problem);
    return handler(argument as ArgumentOf<C>, event);
  });
}
