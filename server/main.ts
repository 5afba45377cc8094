/**
 * `npm run server`: the Casescore team server. Uses DATABASE_URL when set; otherwise makes and starts a
 * PostgreSQL cluster of its own in the data folder. Runs migrations, then serves until stopped (Ctrl+C), when it
 * stops the cluster it started.
 */
import { resolve } from 'node:path';
import { parseArgs, USAGE } from './args';
import { startCluster, stopCluster } from './cluster';
import { startEndpoint } from './endpoint';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  let databaseUrl = process.env.DATABASE_URL;
  let ownCluster: string | null = null;
  if (!databaseUrl) {
    const dir = resolve(args.data);
    console.log(`server: starting PostgreSQL in ${dir}`);
    databaseUrl = (await startCluster(dir)).url;
    ownCluster = dir;
  }
  const endpoint = await startEndpoint({
    databaseUrl,
    port: args.port,
    host: args.host,
    log: (line) => console.error(`server: ${line}`),
  });
  console.log(`server: ready on ${endpoint.url} (GET ${endpoint.url}/v1/health)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('server: stopping');
    await endpoint.close();
    if (ownCluster) stopCluster(ownCluster);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
