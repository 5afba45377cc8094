import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from '../../electron/main/url-trust';

describe("the app's own pages", () => {
  it.each([
    ['app://casescore/index.html', true],
    ['app://casescore/#/inspections', true],
    ['app://evil/index.html', false],
    ['app://casescore.evil.com/', false],
    ['app://user:pass@casescore/', false],
    ['file:///etc/passwd', false],
    ['http://localhost:5173/', false],
    ['https://casescore/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>x</script>', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('links out to the system browser', () => {
  it.each([
    ['https://www.justiceinspectors.gov.uk/hmiprobation/', true],
    ['https://justiceinspectors.gov.uk/', true],
    ['https://WWW.JUSTICEINSPECTORS.GOV.UK/x', true],
    ['http://www.justiceinspectors.gov.uk/', false],
    ['https://www.justiceinspectors.gov.uk.evil.com/', false],
    ['https://evil.com/?https://www.justiceinspectors.gov.uk/', false],
    ['https://user@www.justiceinspectors.gov.uk/', false],
    ['https://www.justiceinspectors.gov.uk:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['smb://server/share', false],
    ['app://casescore/', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });
});
