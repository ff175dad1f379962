import { describe, expect, it } from 'vitest';
import { parseOpenSshOptions } from './openssh-options';

const scp = { flags: '346ABCOpqRrsTv', withValue: 'cDFiJloPSX', stopAtOperand: false };
const ssh = { flags: '46AaCfGgKkMNnqsTtVvXxYy', withValue: 'BbcDEeFIiJLlmOoPpRSWw', stopAtOperand: true, stopAt: 'V' };

describe('OpenSSH option parsing', () => {
  it('reads bundled letters and values attached or in the next word; scp takes options between operands', () => {
    expect(parseOpenSshOptions(['-rq', 'a.tar', '-P', '22', 'host:/tmp/', '-i./key'], scp)).toEqual({ letters: ['r', 'q', 'P', 'i'], operands: ['a.tar', 'host:/tmp/'] });
  });
  it('stops ssh at its destination: the rest is the remote command, options included', () => {
    expect(parseOpenSshOptions(['-p', '22', 'prod-server', 'ls', '-l'], ssh)).toEqual({ letters: ['p'], operands: ['prod-server', 'ls', '-l'] });
    expect(parseOpenSshOptions(['--', '-host'], ssh)).toEqual({ letters: [], operands: ['-host'] });
    expect(parseOpenSshOptions(['-vV', '-Z'], ssh)).toEqual({ letters: ['v'], operands: [], stopped: 'V' });
  });
  it("says what getopt says about a missing value or an unknown letter", () => {
    expect(parseOpenSshOptions(['a', '-P'], scp)).toEqual({ error: 'option requires an argument -- P' });
    expect(parseOpenSshOptions(['-rz', 'a', 'b'], scp)).toEqual({ error: 'illegal option -- z' });
  });
});
