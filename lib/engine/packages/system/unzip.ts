import { dirName, getopt, joinPath, type Command } from '@/lib/shell';
import { entryData, readZipEntries, ZipError } from './zip-reader';

/**
 * Info-ZIP's unzip over real archives in the fs: `unzip [-o] [-q] [-l] FILE [-d DIR]`.
 * Without -o an existing file is not replaced: a build has no terminal to answer unzip's
 * question, so unzip reads EOF and treats it as "[N]one", which is what it prints here.
 * Exit codes: 9 cannot open / not a zip, 1 when entries were skipped with warnings, 0 otherwise.
 */
export const unzip: Command = async (ctx) => {
  const parsed = getopt(ctx.args, 'oqld:nj');
  if ('error' in parsed || parsed.operands.length === 0) {
    ctx.stderr.write('UnZip 6.00 of 20 April 2009, by Debian. Original by Info-ZIP.\n\nUsage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n');
    return 10;
  }
  const [archive = '', ...only] = parsed.operands;
  const quiet = parsed.flags.has('q');
  const out = (line: string): void => {
    if (!quiet) ctx.stdout.write(`${line}\n`);
  };
  let bytes: Uint8Array;
  try {
    bytes = await ctx.fs.readFile(ctx.resolve(archive));
  } catch {
    ctx.stderr.write(`unzip:  cannot find or open ${archive}, ${archive}.zip or ${archive}.ZIP.\n`);
    return 9;
  }
  let entries;
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    ctx.stdout.write(`Archive:  ${archive}\n`);
    ctx.stderr.write(`  ${(error as Error).message}\nunzip:  cannot find zipfile directory in one of ${archive} or\n        ${archive}.zip, and cannot find ${archive}.ZIP, period.\n`);
    return 9;
  }
  if (only.length > 0) entries = entries.filter((e) => only.includes(e.name));
  if (parsed.flags.has('l')) {
    ctx.stdout.write(`Archive:  ${archive}\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n`);
    for (const e of entries) ctx.stdout.write(`${String(e.size).padStart(9)}  2024-01-11 18:20   ${e.name}\n`);
    const total = entries.reduce((n, e) => n + e.size, 0);
    ctx.stdout.write(`---------                     -------\n${String(total).padStart(9)}                     ${entries.length} file${entries.length === 1 ? '' : 's'}\n`);
    return 0;
  }
  out(`Archive:  ${archive}`);
  const dest = ctx.resolve(parsed.values.get('d')?.at(-1) ?? '.');
  await ctx.fs.mkdir(dest, { recursive: true });
  let warnings = 0;
  for (const entry of entries) {
    const rel = parsed.flags.has('j') ? entry.name.slice(entry.name.lastIndexOf('/') + 1) : entry.name;
    if (rel === '' || rel.split('/').includes('..')) {
      if (rel !== '') ctx.stderr.write(`warning:  skipped "../" path component(s) in ${entry.name}\n`);
      continue;
    }
    const path = joinPath(dest, rel.replace(/\/$/, ''));
    const shown = parsed.values.has('d') ? joinPath(parsed.values.get('d')?.at(-1) ?? '.', rel) : rel;
    if (entry.isDir) {
      if (!(await ctx.fs.exists(path).catch(() => false))) out(`   creating: ${shown}`);
      await ctx.fs.mkdir(path, { recursive: true });
      continue;
    }
    if (await ctx.fs.exists(path).catch(() => false)) {
      if (parsed.flags.has('n')) continue;
      if (!parsed.flags.has('o')) {
        ctx.stdout.write(`replace ${shown}? [y]es, [n]o, [A]ll, [N]one, [r]ename: NULL\n(EOF or read error, treating as "[N]one" ...)\n`);
        return 1;
      }
    }
    let data: Uint8Array;
    try {
      data = await entryData(bytes, entry);
    } catch (error) {
      ctx.stderr.write(`  error:  ${error instanceof ZipError ? error.message : 'invalid compressed data to inflate'} ${entry.name}\n`);
      warnings++;
      continue;
    }
    await ctx.fs.mkdir(dirName(path), { recursive: true });
    out(`${entry.method === 0 ? ' extracting' : '  inflating'}: ${shown}`);
    await ctx.fs.writeFile(path, data, { mode: entry.mode ?? 0o644 });
    if (entry.mode !== undefined) await ctx.fs.chmod(path, entry.mode);
  }
  return warnings > 0 ? 2 : 0;
};
