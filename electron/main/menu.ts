/**
 * The application menu, with the usual shortcuts. App actions (new inspection, import, export, print, undo,
 * redo) are sent to the renderer, which owns them; zoom and window roles are Electron's own; reload and the
 * developer tools exist only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '#shared/ipc';

/** Builds the menu template; `send` delivers a command to the focused window's renderer. */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  options: { isDevelopment: boolean; isMac: boolean },
): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(name),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        command('New inspection', 'CmdOrCtrl+N', 'new-inspection'),
        { type: 'separator' },
        command('Import…', 'CmdOrCtrl+O', 'import'),
        command('Export…', 'CmdOrCtrl+E', 'export'),
        command('Print or save as PDF…', 'CmdOrCtrl+P', 'print'),
        { type: 'separator' },
        command('Back up now', 'CmdOrCtrl+Shift+B', 'backup-now'),
        command('Lock Casescore', 'CmdOrCtrl+Shift+L', 'lock'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'CmdOrCtrl+Z', 'undo'),
        command('Redo', 'CmdOrCtrl+Shift+Z', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.isDevelopment
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'toggleDevTools' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}
