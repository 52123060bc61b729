import { createServer } from 'node:net';

/** A loopback port free at the time of asking (for a server the code under test will start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address !== 'object') {
    throw new Error('no loopback port was free');
  }
  return address.port;
}
