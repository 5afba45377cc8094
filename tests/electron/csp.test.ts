import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

describe('the Content Security Policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v.join(' ')]),
    );

  it('is strict: no eval, no inline script, no plugins, nothing remote', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('default-src')).toBe("'self'");
    // Workers only from the app itself (the export check), never from a blob: or data: URL.
    expect(policy.get('worker-src')).toBe("'self'");
  });

  it('is the same in the built page as in the desktop shell (bar frame-ancestors, which a meta tag cannot carry)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromShell = directives(CONTENT_SECURITY_POLICY);
    fromShell.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(fromShell);
  });
});
