import type { ShellFs } from '@/lib/shell';
import { readTextOr } from '../apt';

/**
 * apk's database in its own formats: /lib/apk/db/installed (records of `P:` name, `V:` version,
 * `I:` installed size, `D:` dependencies, `F:`/`R:` directory and file lines, blank-line
 * separated) and /etc/apk/world (what the user asked for, one name per line).
 */
export const INSTALLED_DB = '/lib/apk/db/installed';
export const WORLD = '/etc/apk/world';

export interface ApkRecord {
  name: string;
  version: string;
  arch: string;
  installedBytes: number;
  depends: string[];
  files: string[];
}

export function parseInstalled(text: string): ApkRecord[] {
  const out: ApkRecord[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const rec: ApkRecord = { name: '', version: '', arch: '', installedBytes: 0, depends: [], files: [] };
    let dir = '';
    for (const line of block.split('\n')) {
      const key = line.slice(0, 2);
      const value = line.slice(2);
      if (key === 'P:') rec.name = value;
      else if (key === 'V:') rec.version = value;
      else if (key === 'A:') rec.arch = value;
      else if (key === 'I:') rec.installedBytes = Number(value) || 0;
      else if (key === 'D:') rec.depends = value.split(' ').filter((d) => d !== '');
      else if (key === 'F:') dir = value;
      else if (key === 'R:') rec.files.push(`/${dir}/${value}`);
    }
    if (rec.name !== '') out.push(rec);
  }
  return out;
}

export function formatInstalled(records: readonly ApkRecord[]): string {
  return records
    .map((r) => {
      const lines = [`P:${r.name}`, `V:${r.version}`, `A:${r.arch}`, `I:${r.installedBytes}`];
      if (r.depends.length > 0) lines.push(`D:${r.depends.join(' ')}`);
      let dir = '';
      for (const file of r.files) {
        const slash = file.lastIndexOf('/');
        const d = file.slice(1, slash);
        if (d !== dir) lines.push(`F:${(dir = d)}`);
        lines.push(`R:${file.slice(slash + 1)}`);
      }
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

export async function readInstalled(fs: ShellFs): Promise<ApkRecord[]> {
  return parseInstalled(await readTextOr(fs, INSTALLED_DB, ''));
}

export async function writeInstalled(fs: ShellFs, records: readonly ApkRecord[]): Promise<void> {
  await fs.mkdir('/lib/apk/db', { recursive: true });
  await fs.writeFile(INSTALLED_DB, formatInstalled(records));
}

export async function readWorld(fs: ShellFs): Promise<string[]> {
  return (await readTextOr(fs, WORLD, '')).split('\n').filter((n) => n !== '');
}

export async function writeWorld(fs: ShellFs, names: readonly string[]): Promise<void> {
  await fs.mkdir('/etc/apk', { recursive: true });
  await fs.writeFile(WORLD, `${[...new Set(names)].sort().join('\n')}\n`);
}
