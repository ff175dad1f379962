import { EngineError } from '../errors';
import { addEnv, commandArgv, DEFAULT_SHELL, updateConfig, withExposedPorts, withLabels, withVolumes, type ImageConfig } from '../image';

/**
 * `docker commit --change 'CMD ["python","app.py"]'`: the Dockerfile instructions that only touch
 * the config (docker-semantics §2f: CMD ENTRYPOINT ENV EXPOSE LABEL ONBUILD STOPSIGNAL USER
 * VOLUME WORKDIR HEALTHCHECK); anything else is `RUN is not a valid change command`.
 */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? ''));
  return out;
}

function pairs(text: string): [string, string][] {
  const parts = words(text);
  // Legacy `ENV KEY value with spaces` form.
  if (parts.length > 0 && !(parts[0] ?? '').includes('=')) return [[parts[0] ?? '', parts.slice(1).join(' ')]];
  return parts.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]);
}

function command(text: string, shell: readonly string[]): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed as string[];
    } catch {
      // not JSON: shell form, as the Dockerfile parser falls back
    }
  }
  return commandArgv({ form: 'shell', text: trimmed }, shell);
}

export function applyChanges(image: ImageConfig, changes: readonly string[]): ImageConfig {
  let next = image;
  for (const change of changes) {
    const m = /^\s*(\w+)\s*([\s\S]*)$/.exec(change);
    const keyword = (m?.[1] ?? '').toUpperCase();
    const rest = (m?.[2] ?? '').trim();
    const shell = next.config.Shell ?? DEFAULT_SHELL;
    switch (keyword) {
      case 'CMD':
        next = updateConfig(next, { Cmd: command(rest, shell) });
        break;
      case 'ENTRYPOINT':
        next = updateConfig(next, { Entrypoint: command(rest, shell) });
        break;
      case 'ENV': {
        let env = next.config.Env;
        for (const [k, v] of pairs(rest)) env = addEnv(env, k, v);
        next = updateConfig(next, { Env: env ?? [] });
        break;
      }
      case 'EXPOSE':
        next = withExposedPorts(next, words(rest).map((p) => (p.includes('/') ? p : `${p}/tcp`)));
        break;
      case 'LABEL':
        next = withLabels(next, pairs(rest));
        break;
      case 'VOLUME':
        next = withVolumes(next, command(rest, []).length > 0 && rest.startsWith('[') ? command(rest, []) : words(rest));
        break;
      case 'WORKDIR':
        next = updateConfig(next, { WorkingDir: rest });
        break;
      case 'USER':
        next = updateConfig(next, { User: rest });
        break;
      case 'STOPSIGNAL':
        next = updateConfig(next, { StopSignal: rest });
        break;
      case 'ONBUILD':
        next = updateConfig(next, { OnBuild: [...(next.config.OnBuild ?? []), rest] });
        break;
      case 'HEALTHCHECK':
        next = updateConfig(next, rest.toUpperCase() === 'NONE' ? { Healthcheck: { Test: ['NONE'] } } : { Healthcheck: { Test: ['CMD-SHELL', rest.replace(/^CMD\s+/i, '')] } });
        break;
      default:
        throw new EngineError('invalid-config', `${keyword === '' ? change : keyword} is not a valid change command`);
    }
  }
  return next;
}
