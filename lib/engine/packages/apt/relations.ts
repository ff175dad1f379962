/**
 * Debian relation fields (deb-control(5) §Package interrelationship fields): a comma-separated
 * list of alternatives `a | b`, each a name with an optional `:arch` qualifier and version
 * restriction `(>= 1.2)`. The catalog keeps the fields as Debian writes them; the resolver
 * needs the names. Version restrictions are kept for display but not enforced: the catalog holds
 * one version of each package, the candidate apt would pick.
 */
export interface Relation {
  name: string;
  /** `>= 2.34` etc., or undefined. */
  version?: string;
}

/** One comma-separated item: the alternatives apt tries in order. */
export type RelationGroup = readonly Relation[];

const ITEM = /^([a-z0-9][a-z0-9+.-]+)(?::[a-z0-9-]+)?\s*(?:\(\s*(<<|<=|=|>=|>>)\s*([^)\s]+)\s*\))?(?:\s*\[[^\]]*\])?$/;

/** Parses a relation field; returns the offending item's text on a syntax error. */
export function parseRelations(text: string): RelationGroup[] | { error: string } {
  const groups: RelationGroup[] = [];
  for (const item of text.split(',')) {
    if (item.trim() === '') continue;
    const alts: Relation[] = [];
    for (const alt of item.split('|')) {
      const m = ITEM.exec(alt.trim());
      if (m === null) return { error: `malformed relation "${alt.trim()}"` };
      const name = m[1] ?? '';
      alts.push(m[2] === undefined ? { name } : { name, version: `${m[2]} ${m[3] ?? ''}` });
    }
    groups.push(alts);
  }
  return groups;
}

/** For callers that already validated the field (the schema does). */
export function relationsOf(text: string | undefined): RelationGroup[] {
  if (text === undefined) return [];
  const parsed = parseRelations(text);
  return Array.isArray(parsed) ? parsed : [];
}
