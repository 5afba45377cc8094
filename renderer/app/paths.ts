/**
 * Every address in the app, built in one place with each id and name encoded, so a region called "North 100%"
 * or an id from an imported file can never break a link or open the wrong screen.
 */
const part = encodeURIComponent;

export const paths = {
  inspections: () => '/',
  newInspection: () => '/new-inspection',
  inspection: (id: string) => `/inspections/${part(id)}`,
  editInspection: (id: string) => `/inspections/${part(id)}/edit`,
  judgements: (id: string) => `/inspections/${part(id)}/judgements`,
  ratings: (id: string) => `/inspections/${part(id)}/ratings`,
  standard: (id: string, standardId: string) => `/inspections/${part(id)}/ratings/${part(standardId)}`,
  report: (id: string) => `/inspections/${part(id)}/report`,
  team: (id: string) => `/inspections/${part(id)}/team`,
  scoreCase: (id: string, caseId: string) => `/inspections/${part(id)}/cases/${part(caseId)}`,
  region: (name: string) => `/regions/${part(name)}`,
  regionReport: (name: string) => `/regions/${part(name)}/report`,
  bin: () => '/bin',
} as const;
