// The template language against Go's documented behaviour (text/template docs, exec/parse tests).
import { describe, expect, it } from 'vitest';
import { GoFloat, GoTemplate, TemplateError, goMap, goNilMap, goNilSlice, goOmitEmpty, goStruct } from './index';

function run(text: string, data: unknown = {}): string {
  return GoTemplate.parse(text).execute(data);
}

function error(text: string, data: unknown = {}): TemplateError {
  try {
    run(text, data);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

const image = {
  Id: 'sha256:3f2a',
  RepoTags: ['nginx:latest', 'nginx:1.25'],
  Size: 187654321,
  Architecture: 'amd64',
  Config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin', 'LANG=C.UTF-8'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: goNilSlice(),
    ExposedPorts: goMap({ '80/tcp': {} }, 'map[string]struct {}'),
    Labels: goMap({ maintainer: 'NGINX <docker-maint@nginx.com>' }),
  },
};

describe('Go text/template documentation examples', () => {
  it.each([
    '{{"\\"output\\""}}',
    '{{`"output"`}}',
    '{{printf "%q" "output"}}',
    '{{"output" | printf "%q"}}',
    '{{printf "%q" (print "out" "put")}}',
    '{{"put" | printf "%s%s" "out" | printf "%q"}}',
    '{{"output" | printf "%s" | printf "%q"}}',
    '{{with "output"}}{{printf "%q" .}}{{end}}',
    '{{with $x := "output" | printf "%q"}}{{$x}}{{end}}',
    '{{with $x := "output"}}{{printf "%q" $x}}{{end}}',
    '{{with $x := "output"}}{{$x | printf "%q"}}{{end}}',
  ])('%s prints "output"', (text) => {
    expect(run(text)).toBe('"output"');
  });

  it('trims spaces next to trim markers', () => {
    expect(run('"{{23 -}} < {{- 45}}"')).toBe('"23<45"');
    expect(run('a  {{- /* comment */ -}}\n  b')).toBe('ab');
  });
});

describe('printing values like fmt', () => {
  it('prints slices, maps (sorted keys), structs, nil and missing keys as Go does', () => {
    expect(run('{{.Config.Env}}', image)).toBe('[PATH=/usr/local/sbin:/usr/local/bin LANG=C.UTF-8]');
    expect(run('{{.Config.ExposedPorts}}', image)).toBe('map[80/tcp:{}]');
    expect(run('{{.}}', goMap({ b: 2, a: [1, 2], c: { X: 'x', Y: true } }))).toBe('map[a:[1 2] b:2 c:{x true}]');
    expect(run('{{.Config.Entrypoint}}', image)).toBe('[]');
    expect(run('{{.missing}}', goMap({}))).toBe('<no value>');
    expect(run('{{.P}}', { P: null })).toBe('<nil>');
    expect(run('{{print .missing}}', goMap({}))).toBe('<nil>');
  });

  it('prints numbers as Go ints and float64s', () => {
    expect(run('{{.Size}} {{1.0}} {{1.5}} {{1e6}} {{100000.0}} {{0x10}} {{\'a\'}} {{-7}}', image)).toBe('187654321 1 1.5 1e+06 100000 16 97 -7');
    expect(run('{{printf "%T %T %T" 1 1.0 .F}}', { F: new GoFloat(2) })).toBe('int float64 float64');
  });

  it('joins print operands with spaces only between non-strings', () => {
    expect(run('{{print 1 2 "a" 3 "b" "c"}}')).toBe('1 2a3bc');
    expect(run('{{println "a" 1 true}}')).toBe('a 1 true\n');
  });
});

describe('actions', () => {
  it('ranges over slices, maps in key order, integers, with else, break and continue', () => {
    expect(run('{{range .RepoTags}}{{.}} {{end}}', image)).toBe('nginx:latest nginx:1.25 ');
    expect(run('{{range $i, $t := .RepoTags}}{{$i}}={{$t}};{{end}}', image)).toBe('0=nginx:latest;1=nginx:1.25;');
    expect(run('{{range $k, $v := .}}{{$k}}:{{$v}} {{end}}', goMap({ z: 1, a: 2, m: 3 }))).toBe('a:2 m:3 z:1 ');
    expect(run('{{range .}}x{{else}}empty{{end}}', [])).toBe('empty');
    expect(run('{{range 3}}{{.}}{{end}}')).toBe('012');
    expect(run('{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}', [0, 1, 2, 3, 4])).toBe('02');
  });

  it('handles if/else if/else, with/else with, variables and assignment', () => {
    const t = '{{if eq .A 1}}one{{else if eq .A 2}}two{{else}}other{{end}}';
    expect([1, 2, 3].map((A) => run(t, { A }))).toEqual(['one', 'two', 'other']);
    expect(run('{{with .Config}}{{.Cmd}}{{end}}', image)).toBe('[nginx -g daemon off;]');
    expect(run('{{with .X}}x{{else with .Y}}{{.}}{{else}}none{{end}}', { X: '', Y: 'y' })).toBe('y');
    expect(run('{{$x := 1}}{{$x}}{{$x = 2}}{{$x}}{{$}}', { A: 1 })).toBe('12{1}');
    expect(run('{{if and .A (not .B)}}yes{{end}} {{or .B "dflt"}} {{and 1 0 2}}', { A: 1, B: '' })).toBe('yes dflt 0');
  });

  it('runs define/template/block', () => {
    expect(run('{{define "T"}}<{{.}}>{{end}}{{template "T" .A}}{{template "T"}}', { A: 'a' })).toBe('<a><<no value>>');
    expect(run('{{block "B" .}}[{{.A}}]{{end}}', { A: 1 })).toBe('[1]');
  });

  it('does not evaluate past a false and (short-circuit)', () => {
    expect(run('{{if and .Config .Config.Cmd}}{{index .Config.Cmd 0}}{{end}}', image)).toBe('nginx');
    expect(run('{{and false .Nope.Deeper}}', {})).toBe('false');
  });

  it('calls methods (function properties) and getters', () => {
    const row = {
      get ID() {
        return 'abc';
      },
      Label(name: string) {
        return `label:${name}`;
      },
    };
    expect(run('{{.ID}} {{.Label "x"}}', row)).toBe('abc label:x');
  });
});

describe('builtin and docker functions', () => {
  it('indexes slices, maps and strings; slices; measures lengths', () => {
    expect(run('{{index .RepoTags 1}} {{index .Config.Labels "maintainer"}} {{index .Config.Labels "none"}}|', image)).toBe(
      'nginx:1.25 NGINX <docker-maint@nginx.com> |',
    );
    expect(run('{{slice "hello" 1 3}} {{slice .RepoTags 1}} {{len .RepoTags}} {{len "héllo"}}', image)).toBe('el [nginx:1.25] 2 6');
  });

  it('compares like Go', () => {
    expect(run('{{eq .A "x" "y"}} {{ne 1 2}} {{lt 1 2}} {{le "a" "b"}} {{gt 2.5 1.5}} {{ge 1 1}}', { A: 'y' })).toBe('true true true true true true');
  });

  it('has docker/cli functions: json, join, split, upper, lower, title, pad, truncate', () => {
    expect(run('{{json .Config.ExposedPorts}}', image)).toBe('{"80/tcp":{}}');
    expect(run('{{json .Config.Labels}}', image)).toBe('{"maintainer":"NGINX <docker-maint@nginx.com>"}');
    expect(run('{{json .Config.Entrypoint}} {{json .Config.Cmd}}', image)).toBe('null ["nginx","-g","daemon off;"]');
    expect(run('{{json .}}', { B: 1.5, A: 'x', Nested: goMap({ y: 1, x: [true] }) })).toBe('{"B":1.5,"A":"x","Nested":{"x":[true],"y":1}}');
    expect(run('{{join .Args " , "}}', { Args: ['-g', 'daemon off;'] })).toBe('-g , daemon off;');
    // json:",omitempty": empty values of tagged fields go, untagged ones print as zero values.
    const tagged = goOmitEmpty(
      { User: '', Ports: goNilMap(), Tty: false, Env: ['A=1'], Health: null, Escaped: false, Timeout: 0, Shell: [] as string[], Volumes: goNilMap(), Labels: goMap({}) },
      ['Ports', 'Health', 'Escaped', 'Timeout', 'Shell', 'Labels'],
    );
    expect(run('{{json .}}', { Config: tagged })).toBe('{"Config":{"User":"","Tty":false,"Env":["A=1"],"Volumes":null}}');
    expect(run('{{json .}}', goOmitEmpty({ Ports: goMap({ '80/tcp': {} }), Stop: 'SIGQUIT', N: 3 }, ['Ports', 'Stop', 'N']))).toBe('{"Ports":{"80/tcp":{}},"Stop":"SIGQUIT","N":3}');
    expect(run('{{split .Image ":"}} {{len (split .Image ":")}}', { Image: 'nginx:latest' })).toBe('[nginx latest] 2');
    expect(run('{{upper .N}} {{lower .N}} {{title "hello world-foo it\'s"}}', { N: 'Nginx' })).toBe("NGINX nginx Hello World-Foo It'S");
    expect(run('[{{pad .A 1 2}}][{{pad "" 3 3}}] {{truncate .ID 3}} {{truncate "ab" 5}}', { A: 'x', ID: 'abcdef' })).toBe('[ x  ][] abc ab');
  });
});

describe('parse errors (Go wording)', () => {
  it.each([
    ['{{.Foo}', 'template: :1: unexpected "}" in operand'],
    ['{{.Foo', 'template: :1: unclosed action'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{if .X}}', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{.A | 1}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{if .X\n', 'template: :2: unclosed action started at :1'],
    ['a\n\n{{"x}}', 'template: :3: unterminated quoted string'],
    ['{{/* x', 'template: :1: unclosed comment'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{if 1}}{{end "abcdefghijklmnop"}}', 'template: :1: unexpected "\\"abcdefghi"... in end'],
    ['{{range $i, $v, $w := .}}{{end}}', 'template: :1: too many declarations in range'],
  ])('%j → %s', (text, message) => {
    const e = error(text);
    expect(e.message).toBe(message);
    expect(e.phase).toBe('parse');
    expect(e.dockerMessage).toBe(`template parsing error: ${message}`);
  });
});

describe('execution errors (Go wording and positions)', () => {
  const ctx = goStruct({ ID: 'abc', Tags: ['a'] }, '*formatter.imageContext');
  it.each([
    ['{{.Foo}}', 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext'],
    ['x\n  {{.ID.Foo}}', 'template: :2:7: executing "" at <.ID.Foo>: can\'t evaluate field Foo in type string'],
    ['{{index .Tags 5}}', 'template: :1:2: executing "" at <index .Tags 5>: error calling index: index out of range: 5'],
    ['{{len 3}}', 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ['{{join .ID ","}}', 'template: :1:7: executing "" at <.ID>: wrong type for value; expected []string; got string'],
    ['{{join .Tags}}', 'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1'],
    ['{{upper 3}}', 'template: :1:8: executing "" at <3>: expected string; found 3'],
    ['{{range .ID}}{{end}}', 'template: :1:8: executing "" at <.ID>: range can\'t iterate over abc'],
    ['{{template "nope"}}', 'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined'],
    ['{{.ID 1}}', 'template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function'],
    ['{{eq .Tags .Tags}}', 'template: :1:2: executing "" at <eq .Tags .Tags>: error calling eq: non-comparable type [a]: []string'],
    ['{{lt 1 "a"}}', 'template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison: int and string'],
  ])('%j', (text, message) => {
    const e = error(text, ctx);
    expect(e.message).toBe(message);
    expect(e.phase).toBe('exec');
  });

  it('reports missing map keys only with missingkey=error', () => {
    const tmpl = GoTemplate.parse('{{.Config.Foo}}');
    const raw = goMap({ Config: goMap({}) });
    expect(tmpl.execute(raw)).toBe('<no value>');
    expect(() => tmpl.execute(raw, { missingKeyError: true })).toThrow(
      'template: :1:9: executing "" at <.Config.Foo>: map has no entry for key "Foo"',
    );
  });

  it('stops runaway recursion with an error instead of a crash', () => {
    const e = error('{{define "a"}}{{template "a"}}{{end}}{{template "a"}}');
    expect(e.message).toMatch(/exceeded maximum template depth \(1000\)$/);
  });
});
