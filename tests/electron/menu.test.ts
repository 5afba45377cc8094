import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/main/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  it.each([
    ['New inspection', 'CmdOrCtrl+N', 'new-inspection'],
    ['Import…', 'CmdOrCtrl+O', 'import'],
    ['Export…', 'CmdOrCtrl+E', 'export'],
    ['Print or save as PDF…', 'CmdOrCtrl+P', 'print'],
    ['Undo', 'CmdOrCtrl+Z', 'undo'],
    ['Redo', 'CmdOrCtrl+Shift+Z', 'redo'],
    ['Back up now', 'CmdOrCtrl+Shift+B', 'backup-now'],
    ['Lock Casescore', 'CmdOrCtrl+Shift+L', 'lock'],
  ])('%s (%s) sends %s to the renderer', (label, accelerator, command) => {
    const send = vi.fn();
    const item = items(menuTemplate(send, { isDevelopment: false, isMac: false })).find(
      (i) => i.label === label,
    );
    expect(item?.accelerator).toBe(accelerator);
    (item?.click as () => void)();
    expect(send).toHaveBeenCalledWith(command);
  });

  it('has zoom, and reload and developer tools only in development', () => {
    const roles = (isDevelopment: boolean) =>
      items(menuTemplate(vi.fn(), { isDevelopment, isMac: false }))
        .map((i) => i.role)
        .filter(Boolean);
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'quit']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions on a Mac', () => {
    const roles = items(menuTemplate(vi.fn(), { isDevelopment: false, isMac: true })).map((i) => i.role);
    expect(roles).toContain('appMenu');
    expect(roles).toContain('close');
  });
});
