// docker/cli's formatter (--format table/json/custom), the inspect template runner, the tabwriter,
// and a property: no template text makes the engine throw anything but TemplateError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormatSpec, GoTemplate, TemplateError, executeTemplate, goMap, goNilSlice, goStruct, renderFormat, tabwrite } from './index';

const IMAGES: FormatSpec = {
  defaultFormat: 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}',
  headers: { ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE' },
  typeName: '*formatter.imageContext',
};

function imageRow(Repository: string, Tag: string, ID: string, CreatedSince: string, Size: string) {
  // Getters stand for the context's methods, as in docker/cli.
  return {
    get Repository() {
      return Repository;
    },
    get Tag() {
      return Tag;
    },
    get ID() {
      return ID;
    },
    get CreatedSince() {
      return CreatedSince;
    },
    get Size() {
      return Size;
    },
    get Containers() {
      return 'N/A';
    },
  };
}

const rows = [
  imageRow('nginx', 'latest', '3f2a1b4c5d6e', '2 weeks ago', '187MB'),
  imageRow('registry.company.com/team/app', '1.0', 'a1b2c3d4e5f6', '3 days ago', '7.8MB'),
];

describe('renderFormat (formatter.Context)', () => {
  it('renders the default table: width = max(10, longest cell + 3), last column unpadded', () => {
    const expected = [
      'REPOSITORY                      TAG       IMAGE ID       CREATED       SIZE',
      'nginx                           latest    3f2a1b4c5d6e   2 weeks ago   187MB',
      'registry.company.com/team/app   1.0       a1b2c3d4e5f6   3 days ago    7.8MB',
      '',
    ].join('\n');
    expect(renderFormat(undefined, rows, IMAGES)).toBe(expected);
    expect(renderFormat('', rows, IMAGES)).toBe(expected);
    expect(renderFormat('table', rows, IMAGES)).toBe(expected);
  });

  it('renders a table format with literal \\t escapes and header cells from the header context', () => {
    expect(renderFormat('table {{.ID}}\\t{{.Repository}}', rows, IMAGES)).toBe(
      'IMAGE ID       REPOSITORY\n3f2a1b4c5d6e   nginx\na1b2c3d4e5f6   registry.company.com/team/app\n',
    );
    expect(renderFormat('table {{lower .Repository}}\t{{json .Tag}}\t{{.Size | printf "%.3s"}}', rows.slice(0, 1), IMAGES)).toBe(
      'REPOSITORY   TAG        SIZ\nnginx        "latest"   187\n',
    );
  });

  it('prints only the header for no rows, and nothing without table', () => {
    expect(renderFormat(undefined, [], IMAGES)).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    expect(renderFormat('{{.ID}}', [], IMAGES)).toBe('');
  });

  it('keeps a padded empty last cell, as Go tabwriter does', () => {
    const spec = { ...IMAGES, headers: { ...IMAGES.headers, Comment: 'COMMENT' } };
    const row = { ID: '3f2a1b4c5d6e', Comment: '' };
    expect(renderFormat('table {{.ID}}\t{{.Comment}}\t', [row], spec)).toBe('IMAGE ID       COMMENT   \n3f2a1b4c5d6e             \n');
  });

  it('shows <no value> for a header the context does not know', () => {
    expect(renderFormat('table {{.Containers}}\t{{.Tag}}', rows.slice(0, 1), IMAGES)).toBe('<no value>   TAG\nN/A          latest\n');
  });

  it('renders custom and json formats once per row', () => {
    expect(renderFormat('{{.Repository}}:{{.Tag}}: {{.Size}}', rows, IMAGES)).toBe(
      'nginx:latest: 187MB\nregistry.company.com/team/app:1.0: 7.8MB\n',
    );
    expect(renderFormat('  {{.Tag}}\\n{{.ID}}  ', rows.slice(0, 1), IMAGES)).toBe('latest\n3f2a1b4c5d6e\n');
    expect(renderFormat('json', rows.slice(0, 1), IMAGES)).toBe(
      '{"Containers":"N/A","CreatedSince":"2 weeks ago","ID":"3f2a1b4c5d6e","Repository":"nginx","Size":"187MB","Tag":"latest"}\n',
    );
  });

  it("throws docker's errors and prints nothing", () => {
    const exec = (() => {
      try {
        renderFormat('{{.Repository}} {{.Foo}}', rows, IMAGES);
      } catch (e) {
        return e as TemplateError;
      }
    })();
    expect(exec).toBeInstanceOf(TemplateError);
    expect(exec?.dockerMessage).toBe(
      'template parsing error: template: :1:18: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext',
    );
    expect(() => renderFormat('{{.ID}', rows, IMAGES)).toThrow('template: :1: unexpected "}" in operand');
  });
});

describe('executeTemplate (docker inspect --format)', () => {
  const inspect = goStruct(
    {
      Id: 'sha256:3f2a1b4c5d6e',
      Architecture: 'amd64',
      Config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin', 'LANG=C.UTF-8'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Entrypoint: goNilSlice(),
        ExposedPorts: goMap({ '80/tcp': {} }, 'map[string]struct {}'),
      },
    },
    'image.InspectResponse',
  );

  it("prints Go's values plus a newline", () => {
    expect(executeTemplate('{{.Config.Env}}', inspect)).toBe('[PATH=/usr/local/sbin:/usr/local/bin LANG=C.UTF-8]\n');
    expect(executeTemplate('{{.Config.ExposedPorts}}', inspect)).toBe('map[80/tcp:{}]\n');
    expect(executeTemplate('{{json .Config.ExposedPorts}}', inspect)).toBe('{"80/tcp":{}}\n');
    expect(executeTemplate('{{.Architecture}}', inspect)).toBe('amd64\n');
    expect(executeTemplate('{{json .Config.Cmd}} {{.Config.Entrypoint}}', inspect)).toBe('["nginx","-g","daemon off;"] []\n');
  });

  it('retries on the raw JSON like docker (maps, missingkey=error)', () => {
    // A struct cannot be indexed, the raw map can.
    expect(executeTemplate('{{index .Config "Cmd"}}', inspect)).toBe('[nginx -g daemon off;]\n');
    expect(() => executeTemplate('{{.Foo}}', inspect)).toThrow('template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"');
    expect(() => executeTemplate('{{.Config.Foo}}', inspect)).toThrow(
      'template: :1:9: executing "" at <.Config.Foo>: map has no entry for key "Foo"',
    );
  });
});

describe('tabwrite (Go text/tabwriter, minwidth 10, padding 3)', () => {
  it('aligns columns per block of consecutive lines', () => {
    expect(tabwrite('a\tb\tc\naaaa\tbbbbbbbbbbbb\tc\n')).toBe('a         b              c\naaaa      bbbbbbbbbbbb   c\n');
    // A line without the column ends the block; the next block is measured on its own.
    expect(tabwrite('a\tb\nc\ndddddddddddd\te\n')).toBe('a         b\nc\ndddddddddddd   e\n');
    expect(tabwrite('x\ty', { minWidth: 0, tabWidth: 8, padding: 1 })).toBe('x y');
    expect(tabwrite('')).toBe('');
  });

  it('counts runes, not bytes', () => {
    expect(tabwrite('héllo\tx\nhi\ty\n', { minWidth: 0, tabWidth: 1, padding: 1 })).toBe('héllo x\nhi    y\n');
  });
});

describe('robustness', () => {
  const tokens = [
    '{{', '}}', '{{- ', ' -}}', ' ', '.', '.Foo', '.A', '.B', '$', '$x', ':=', '=', '|', '(', ')', '"', '`', "'", 'if', 'else', 'end',
    'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'len', 'index', 'slice', 'printf', 'print', 'json', 'join',
    'split', 'upper', 'pad', 'truncate', 'eq', 'lt', 'and', 'or', 'not', 'nil', 'true', '1', '-2', '1.5', '0x1F', '1e9', '"s"', '"%d %v"',
    '"t"', '/*', '*/', 'x', '\n', ',', 'é', '}', '{', '\\', '3', '1000',
  ];
  const data = goStruct({ A: [1, 'a', null], B: goMap({ k: 'v', n: 2 }), Foo: { Bar: 1.5 } }, '*formatter.testContext');

  it('never throws anything but TemplateError on arbitrary template text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((a) => a.join('')), fc.string()), (text) => {
        try {
          GoTemplate.parse(text).execute(data);
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
        try {
          renderFormat(`table ${text}`, [data], { defaultFormat: '{{.A}}', headers: { A: 'A' }, typeName: '*formatter.testContext' });
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
