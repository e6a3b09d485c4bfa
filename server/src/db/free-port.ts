import net from 'node:net';
import { StartupError } from '../kernel/startup-error';

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Fails with a clear sentence when the HTTP port is taken, before anything else starts: a second
 * `pnpm start` must not touch the embedded database the first one is running.
 */
export function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError(`Port ${port} is already in use (is the datahub already running?); stop that process or set PORT to another port.`));
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`Port ${port} may not be opened by this user; set PORT to a port above 1023.`));
      } else {
        reject(new StartupError(`Port ${port} cannot be opened on ${host}: ${error.message}.`));
      }
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
