import path from 'node:path';
import { seedLargeLabTenant } from './graph/seed';
import { startLabTenant } from './server';

/**
 * `npm run lab:tenant`: starts the lab tenant and prints one JSON line with what a client needs
 * (authority, client id, Graph base URL, CA certificate path), then serves until SIGINT/SIGTERM.
 * Options: --lab-folder <dir> (or env CONNECT_LAB_FOLDER, default ./.lab), --port <n> (default: any free port),
 * --users <n> (the large tenant: n more synchronized users, e.g. 5000; kept in the lab folder).
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const labFolder = path.resolve(option('--lab-folder') ?? process.env.CONNECT_LAB_FOLDER ?? './.lab');
  const portText = option('--port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${portText ?? ''}`);
  const usersText = option('--users');
  if (usersText !== undefined) {
    const users = Number(usersText);
    if (!Number.isInteger(users) || users < 1 || users > 20_000) throw new Error(`Invalid --users: ${usersText} (1 to 20000)`);
    await seedLargeLabTenant(labFolder, users);
  }
  const tenant = await startLabTenant({ labFolder, port });
  process.stdout.write(
    `${JSON.stringify({ authority: tenant.authority, clientId: tenant.clientId, graphBaseUrl: tenant.graphBaseUrl, caCertificate: tenant.caCertificatePath })}\n`,
  );
  const stop = () => {
    tenant.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`lab tenant failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
