// The Debian packages the test runner needs; .ci/run installs them with apt-get.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Debian Chromium, driven by playwright-core (no browser download: the machines reach only npm and Debian). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Needed only to build code-server's native modules (`kerberos` builds from source). */
const BUILD_PACKAGES = ['libkrb5-dev', 'pkg-config', 'build-essential'];

function isInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (result.error !== undefined) {
    // No dpkg (not Debian): fall back to the files the packages provide.
    const probes: Record<string, string> = {
      'libkrb5-dev': '/usr/include/gssapi/gssapi.h',
      'pkg-config': '/usr/bin/pkg-config',
      'build-essential': '/usr/bin/g++',
      chromium: CHROMIUM_PATH,
    };
    const file = probes[pkg];
    return file !== undefined && fs.existsSync(file);
  }
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function requirePackages(packages: string[], why: string): void {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length > 0) {
    throw new Error(
      `Missing Debian package(s) ${missing.join(', ')} (${why}).\n` +
        `Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        '(.ci/run does this on a CI machine.)',
    );
  }
}

/** Throws a message naming the apt-get command when a package for building code-server is missing. */
export function requireBuildPackages(): void {
  requirePackages(BUILD_PACKAGES, 'needed once, to build code-server\'s native modules');
}

/** Throws a message naming the apt-get command when Debian Chromium is missing. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    requirePackages(['chromium'], `the browser that opens the VS Code workbench, expected at ${CHROMIUM_PATH}`);
    throw new Error(`Debian's chromium is installed but ${CHROMIUM_PATH} is missing.`);
  }
}
