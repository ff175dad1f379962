// docker/cli's use of templates: formatter.Context (table/json/custom formats with the header
// row and tabwriter) and the inspect TemplateInspector (typed run, then the raw-JSON fallback).
import { TemplateError } from './errors';
import { execute } from './exec';
import { BUILTINS, DOCKER_FUNCS, type GoFunc, HEADER_FUNCS } from './funcs';
import { SORTED_JSON, marshal } from './json';
import { type Trees, parseTemplate } from './parse';
import { DOCKER_TABWRITER, type TabwriterSettings, tabwrite } from './tabwriter';
import { GoMap, goStruct } from './values';

const BASIC_FUNCS: ReadonlyMap<string, GoFunc> = new Map([...BUILTINS, ...DOCKER_FUNCS]);
const HEADER_EXEC_FUNCS: ReadonlyMap<string, GoFunc> = new Map([...BASIC_FUNCS, ...HEADER_FUNCS]);

/** A parsed template with docker/cli's functions (`templates.Parse`). */
export class GoTemplate {
  private constructor(private readonly trees: Trees) {}

  /** Parses `text`; throws TemplateError (phase 'parse') with Go's message. */
  static parse(text: string): GoTemplate {
    return new GoTemplate(parseTemplate(text, (name) => BASIC_FUNCS.has(name)));
  }

  /** Executes on `data`; throws TemplateError (phase 'exec'). Docker discards partial output then. */
  execute(data: unknown, options: { missingKeyError?: boolean } = {}): string {
    const r = execute(this.trees, data, { funcs: BASIC_FUNCS, missingKeyError: options.missingKeyError });
    if (r.error !== undefined) throw r.error;
    return r.output;
  }

  /** Executes with the table-header functions; errors are ignored and partial output kept (as docker does). */
  executeHeader(header: unknown): string {
    return execute(this.trees, header, { funcs: HEADER_EXEC_FUNCS }).output;
  }
}

export interface FormatSpec {
  /** The command's default format, e.g. 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'. */
  defaultFormat: string;
  /** Header cell per field name used in a `table` format: { ID: 'IMAGE ID', CreatedSince: 'CREATED' }. */
  headers: Readonly<Record<string, string>>;
  /** Go type shown in errors, e.g. '*formatter.imageContext'. */
  typeName: string;
  /** Tabwriter settings; default docker's (minwidth 10, tabwidth 1, padding 3, ' ', flags 0). */
  tabwriter?: TabwriterSettings;
}

/** The formatter.SubHeaderContext a `table` header is rendered from (a map, plus its Label method). */
export function headerContext(headers: Readonly<Record<string, string>>): GoMap {
  return new GoMap(new Map(Object.entries(headers)), 'formatter.SubHeaderContext', {
    Label: (name: string) => {
      const parts = String(name).split('.');
      return (parts[parts.length - 1] ?? '').replace(/[-_]/g, ' ');
    },
  });
}

/** formatter.Context.preFormat: strip `table`, map `json`, trim spaces, expand `\t` and `\n`. */
export function preFormat(format: string): { text: string; table: boolean } {
  const table = format.startsWith('table');
  let text = table ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format;
  text = text.replace(/^ +| +$/g, '');
  text = text.replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { text, table };
}

/**
 * docker/cli formatter.Context: `format` undefined/'' or 'table' → the default format; 'table …'
 * → header row + rows through a tabwriter; 'json' → `{{json .}}` per row; anything else → the
 * template once per row, each followed by '\n'. Throws TemplateError.
 */
export function renderFormat(format: string | undefined, rows: readonly object[], spec: FormatSpec): string {
  const source = format === undefined || format === '' || format === 'table' ? spec.defaultFormat : format;
  const { text, table } = preFormat(source);
  const tmpl = GoTemplate.parse(text);
  let buffer = '';
  for (const row of rows) {
    goStruct(row, spec.typeName);
    SORTED_JSON.add(row);
    buffer += `${tmpl.execute(row)}\n`;
  }
  if (!table) return buffer;
  const header = tmpl.executeHeader(headerContext(spec.headers));
  return tabwrite(`${header}\n${buffer}`, spec.tabwriter ?? DOCKER_TABWRITER);
}

/** The inspect fallback's view of the data: JSON decoded into maps and `[]interface {}` slices. */
function rawOf(data: unknown): unknown {
  const toRaw = (v: unknown): unknown => {
    if (Array.isArray(v)) return goStruct(v.map(toRaw), '[]interface {}');
    if (v !== null && typeof v === 'object') {
      const m = new Map<string, unknown>();
      for (const [k, x] of Object.entries(v)) m.set(k, toRaw(x));
      return new GoMap(m, 'map[string]interface {}');
    }
    return v;
  };
  return toRaw(JSON.parse(marshal(data)));
}

/**
 * `inspect --format`: runs the template once on `data` and returns the text plus '\n'. Like
 * docker's TemplateInspector, a failed run is retried on the raw JSON of `data` with
 * missingkey=error, whose error (if any) is the one reported. Throws TemplateError.
 */
export function executeTemplate(template: string, data: unknown, typeName?: string): string {
  const tmpl = GoTemplate.parse(template);
  if (typeName !== undefined && data !== null && typeof data === 'object') goStruct(data, typeName);
  try {
    return `${tmpl.execute(data)}\n`;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    let raw: unknown;
    try {
      raw = rawOf(data);
    } catch {
      throw e;
    }
    return `${tmpl.execute(raw, { missingKeyError: true })}\n`;
  }
}

export { tabwrite };
