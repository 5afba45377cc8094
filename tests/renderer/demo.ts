// Loading the London demo straight into the database, for tests that are not about the button.
import { loadLondonDemo } from '../../renderer/db';

export async function withLondonDemo(): Promise<string[]> {
  return loadLondonDemo('KM');
}
