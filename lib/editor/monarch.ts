/**
 * Dockerfile highlighting as a Monarch definition (Monaco's declarative tokenizer): parser
 * directives, comments, instruction keywords, `--flags`, JSON (exec form) arrays, strings,
 * `$VARIABLES`, heredocs (`<<EOF` … `EOF`, quoted and `<<-`), stage names, ports.
 *
 * Lines are tokenized with their `\n` (`includeLF`), so an instruction ends at a newline that is
 * not escaped and continues after `\` (or `` ` `` under `# escape=`` ` ``) followed by the newline;
 * comment lines inside a continuation stay comments, as BuildKit drops them.
 * Token names are the ones Monaco's built-in themes colour (keyword, type, variable, string, ...).
 */
import type { languages } from 'monaco-editor';

type Rule = languages.IMonarchLanguageRule;

/** The end of an instruction, shared by every argument state. */
const EOL: Rule[] = [
  [/^\s*#[^\n]*/, 'comment'],
  [/[\\`][ \t]*\n/, 'delimiter.escape'],
  [/\n/, { token: '', next: '@popall' }],
];

const VARIABLES: Rule[] = [
  [/\$\{[^}\n]*\}/, 'variable'],
  [/\$[A-Za-z_]\w*/, 'variable'],
  [/\$[0-9@#?$!*-]/, 'variable'],
];

const STRINGS: Rule[] = [
  [/"(?:[^"\\\n]|\\.)*"?/, 'string'],
  [/'[^'\n]*'?/, 'string'],
];

const FLAGS: Rule[] = [[/(--[A-Za-z][\w-]*)(=?)([^\s\\`"']*)/, ['attribute.name', 'delimiter', 'attribute.value']]];

/** `["exe", "arg"]`: only when a `[` is followed by a string or `]` (else it is sh's `[`). */
const JSON_START: Rule[] = [[/\[(?=\s*(?:"|\]))/, { token: 'delimiter.bracket', next: '@json' }]];

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`: the body starts on the next line. */
const HEREDOC: Rule[] = [[/(\d*<<-?)(["']?)([A-Za-z_][\w-]*)(["']?)/, ['delimiter', 'string.heredoc.delimiter', 'string.heredoc.delimiter', { token: 'string.heredoc.delimiter', switchTo: '@heredocLine.$3' }]]];

const WORDS: Rule[] = [
  [/[ \t]+/, ''],
  [/&&|\|\||[|;&]|>>?|</, 'delimiter'],
  [/[^\s"'$\\`&|;<>]+/, ''],
  [/./, ''],
];

export const dockerfileMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.dockerfile',
  ignoreCase: true,
  includeLF: true,
  tokenizer: {
    // Parser directives are read only above everything else (BuildKit stops at the first
    // instruction, empty line or other comment).
    root: [
      [/^\s*#\s*(?:syntax|escape|check)\s*=[^\n]*/, 'metatag'],
      [/^\s*#[^\n]*/, { token: 'comment', switchTo: '@body' }],
      [/^\n/, { token: '', switchTo: '@body' }],
      [/\n/, ''],
      [/(?=\S)/, { token: '', switchTo: '@body' }],
    ],
    body: [
      [/^\s*#[^\n]*/, 'comment'],
      [/\s+/, ''],
      [/(onbuild)(\s+)/, ['keyword', '']],
      [/from(?=\s|$)/, { token: 'keyword', next: '@from' }],
      [/(?:run|cmd|entrypoint|copy|add)(?=\s|$)/, { token: 'keyword', next: '@command' }],
      [/(?:env|arg)(?=\s|$)/, { token: 'keyword', next: '@variables' }],
      [/label(?=\s|$)/, { token: 'keyword', next: '@labels' }],
      [/expose(?=\s|$)/, { token: 'keyword', next: '@expose' }],
      [/healthcheck(?=\s|$)/, { token: 'keyword', next: '@healthcheck' }],
      [/(?:shell|volume|workdir|user|stopsignal|maintainer)(?=\s|$)/, { token: 'keyword', next: '@args' }],
      // Not an instruction: BuildKit fails with "unknown instruction".
      [/[^\s]+/, { token: 'invalid', next: '@args' }],
    ],
    from: [
      ...EOL,
      ...FLAGS,
      [/(as)([ \t]+)([^\s\\`]+)/, ['keyword', '', 'tag']],
      ...VARIABLES,
      [/[^\s\\`$]+/, 'type'],
      [/[ \t]+/, ''],
    ],
    command: [...EOL, ...FLAGS, ...JSON_START, ...HEREDOC, ...STRINGS, ...VARIABLES, ...WORDS],
    healthcheck: [
      ...EOL,
      ...FLAGS,
      [/(?:cmd)(?=\s|$)/, { token: 'keyword', switchTo: '@command' }],
      [/none(?=\s|$)/, 'keyword'],
      ...WORDS,
    ],
    variables: [...EOL, [/([A-Za-z_][\w]*)(=)/, ['variable', 'delimiter']], ...STRINGS, ...VARIABLES, ...WORDS],
    labels: [...EOL, [/([\w.-]+)(=)/, ['attribute.name', 'delimiter']], ...STRINGS, ...VARIABLES, ...WORDS],
    expose: [...EOL, [/\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?/, 'number'], ...VARIABLES, ...WORDS],
    args: [...EOL, ...JSON_START, ...STRINGS, ...VARIABLES, ...WORDS],
    json: [
      [/[\\`][ \t]*\n/, 'delimiter.escape'],
      [/\n/, { token: '', next: '@popall' }],
      [/"(?:[^"\\\n]|\\.)*"?/, 'string'],
      [/,/, 'delimiter'],
      [/\]/, { token: 'delimiter.bracket', next: '@pop' }],
      [/[ \t]+/, ''],
      [/[^\s",\]]+/, 'invalid'],
    ],
    // The rest of the line holding `<<EOF` (e.g. `RUN <<EOF python3`), then the body.
    heredocLine: [
      [/\n/, { token: '', switchTo: '@heredocBody.$S2' }],
      ...FLAGS,
      ...STRINGS,
      ...VARIABLES,
      ...WORDS,
    ],
    heredocBody: [
      [/^\s*([A-Za-z_][\w-]*)[ \t]*(?=\n|$)/, { cases: { '$1==$S2': { token: 'string.heredoc.delimiter', next: '@popall' }, '@default': 'string.heredoc' } }],
      ...VARIABLES,
      [/[^$\n]+/, 'string.heredoc'],
      [/\$/, 'string.heredoc'],
      [/\n/, 'string.heredoc'],
    ],
  },
};

export const dockerfileLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  // A `$VAR`, a flag or a path is one word for double-click and completion.
  wordPattern: /(-?\d*\.\d\w*)|([^\s`~!@#%^&*()=+[{\]}\\|;:'",<>?]+)/,
};
