/**
 * The names Go's `regexp/syntax` accepts in `\pX` / `\p{Name}` (Go 1.25 `unicodeTable`):
 * names are canonicalized first (`canonicalName`: drop `_ - space`, upper-case the first
 * letter, lower-case the rest), then looked up as a general category, a script, or a
 * category alias (`Letter`, `Uppercase_Letter`, ...). Membership is tested through the
 * JavaScript engine's own Unicode tables.
 *
 * moby never escapes `{`, so `\p{Greek}` in a `.dockerignore` reaches Go intact.
 */

/** unicode.Categories keys (Go 1.25 added `Cn`). */
const CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** unicode.CategoryAliases, keyed by their canonical names. */
const ALIASES: Readonly<Record<string, string>> = {
  Casedletter: 'LC', Closepunctuation: 'Pe', Combiningmark: 'M', Connectorpunctuation: 'Pc',
  Control: 'Cc', Currencysymbol: 'Sc', Dashpunctuation: 'Pd', Decimalnumber: 'Nd',
  Enclosingmark: 'Me', Finalpunctuation: 'Pf', Format: 'Cf', Initialpunctuation: 'Pi',
  Letter: 'L', Letternumber: 'Nl', Lineseparator: 'Zl', Lowercaseletter: 'Ll', Mark: 'M',
  Mathsymbol: 'Sm', Modifierletter: 'Lm', Modifiersymbol: 'Sk', Nonspacingmark: 'Mn',
  Number: 'N', Openpunctuation: 'Ps', Other: 'C', Otherletter: 'Lo', Othernumber: 'No',
  Otherpunctuation: 'Po', Othersymbol: 'So', Paragraphseparator: 'Zp', Privateuse: 'Co',
  Punctuation: 'P', Separator: 'Z', Spaceseparator: 'Zs', Spacingmark: 'Mc', Surrogate: 'Cs',
  Symbol: 'S', Titlecaseletter: 'Lt', Unassigned: 'Cn', Uppercaseletter: 'Lu',
  Cntrl: 'Cc', Digit: 'Nd', Punct: 'P',
};

/**
 * Go's script names are long names (`Greek`, `Han`). After canonicalization only one-word
 * names can still equal a key, and JavaScript would also accept four-letter ISO codes
 * (`Grek`) that Go does not know: these are the one-word four-letter long names.
 */
const FOUR_LETTER_SCRIPTS = new Set(['Ahom', 'Cham', 'Lisu', 'Modi', 'Newa', 'Thai', 'Toto']);

/** Go's `canonicalName`. */
export function canonicalName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (ch === '_' || ch === '-' || ch === ' ') continue;
    out += out === '' ? (ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch) : ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  return out;
}

/**
 * The property key for a Go class name (as written after `\p`), or null when Go rejects it.
 * Keys are JavaScript property expressions (`L`, `Script=Greek`) or `Any` / `GoC`.
 */
export function unicodeClassKey(name: string): string | null {
  const canonical = canonicalName(name);
  switch (canonical) {
    case 'Any':
      return 'Any';
    case 'Assigned':
      return 'Assigned';
    case 'Ascii':
      return 'ASCII';
    case 'Lc':
      return 'LC';
    case 'C':
      return 'GoC';
  }
  if (CATEGORIES.has(canonical)) return canonical;
  if (isScript(canonical)) return 'Script=' + canonical;
  const alias = Object.hasOwn(ALIASES, canonical) ? ALIASES[canonical] : undefined;
  if (alias === undefined) return null;
  return alias === 'C' ? 'GoC' : alias;
}

const testers = new Map<string, (code: number) => boolean>();

/** Whether `code` has the property `key` (from unicodeClassKey). */
export function hasUnicodeClass(key: string, code: number): boolean {
  let test = testers.get(key);
  if (test === undefined) {
    test = makeTester(key);
    testers.set(key, test);
  }
  return test(code);
}

function makeTester(key: string): (code: number) => boolean {
  if (key === 'Any') return () => true;
  // Go's unicode.C is Cc|Cf|Co|Cs: unlike Unicode's C it leaves unassigned code points out.
  const source = key === 'GoC' ? '[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]' : key === 'Assigned' ? '\\P{Cn}' : `\\p{${key}}`;
  const re = new RegExp(`^${source}$`, 'u');
  return (code) => re.test(String.fromCodePoint(code));
}

function isScript(name: string): boolean {
  if (!/^[A-Z][a-z]*$/.test(name) || (name.length === 4 && !FOUR_LETTER_SCRIPTS.has(name))) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}
