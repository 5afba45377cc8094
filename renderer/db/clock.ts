/** Time and ids for new rows, in one place so every write stamps the same way. */

/** Now, as an ISO 8601 string. */
export function now(): string {
  return new Date().toISOString();
}

/** A new random id for an inspection or case. */
export function newId(): string {
  return crypto.randomUUID();
}
