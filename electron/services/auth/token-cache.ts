import { createRequire } from 'node:module';
import type { ICachePlugin } from '@azure/msal-node';
import type { TokenCachePersistence } from '../../../shared/auth/account';

export interface TokenCacheStore {
  /** Absent when the cache stays in memory. */
  readonly plugin?: ICachePlugin;
  readonly persistence: TokenCachePersistence;
  /** Why the cache stays in memory (no secure store), for the page to explain. */
  readonly reason?: string;
}

export interface TokenCacheOptions {
  /** File of the encrypted cache (DPAPI) or of the lock/marker next to the keychain/libsecret entry. */
  cachePath: string;
  serviceName: string;
  accountName: string;
}

interface ExtensionsModule {
  PersistenceCreator: {
    createPersistence(config: {
      cachePath: string;
      dataProtectionScope: string;
      serviceName: string;
      accountName: string;
      usePlaintextFileOnLinux: boolean;
    }): Promise<unknown>;
  };
  PersistenceCachePlugin: new (persistence: unknown) => ICachePlugin;
  DataProtectionScope: { CurrentUser: string };
}

/**
 * An encrypted token cache through @azure/msal-node-extensions (DPAPI on Windows, keychain on macOS,
 * libsecret on Linux), or memory only when no secure store works. Never a plain-text file.
 */
export async function openTokenCacheStore(options: TokenCacheOptions): Promise<TokenCacheStore> {
  let extensions: ExtensionsModule;
  try {
    extensions = loadExtensions();
  } catch (error) {
    return memoryOnly(`the secure-store module could not be loaded (${firstLine(error)})`);
  }
  try {
    const persistence = await extensions.PersistenceCreator.createPersistence({
      cachePath: options.cachePath,
      dataProtectionScope: extensions.DataProtectionScope.CurrentUser,
      serviceName: options.serviceName,
      accountName: options.accountName,
      usePlaintextFileOnLinux: false,
    });
    return { plugin: new extensions.PersistenceCachePlugin(persistence), persistence: 'encrypted' };
  } catch (error) {
    return memoryOnly(`no secure store is available (${firstLine(error)})`);
  }
}

/**
 * Loaded through require, not import: the package's ESM build imports keytar eagerly, and a missing
 * native keytar build then crashes the process even inside try/catch (Node 20 ESM loader).
 */
function loadExtensions(): ExtensionsModule {
  const require = createRequire(import.meta.url);
  return require('@azure/msal-node-extensions') as ExtensionsModule;
}

function memoryOnly(reason: string): TokenCacheStore {
  return { persistence: 'memory', reason: `The sign-in is kept in memory only: ${reason}.` };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
