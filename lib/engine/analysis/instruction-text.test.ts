import { describe, expect, it } from 'vitest';
import { instructionOf } from './instruction-text';

describe('instructionOf', () => {
  it('reads BuildKit history back into the instruction as written', () => {
    expect(instructionOf('RUN /bin/sh -c apt-get update # buildkit')).toEqual({ keyword: 'RUN', text: 'RUN apt-get update' });
    expect(instructionOf('RUN |2 A=1 B=two words /bin/sh -c make # buildkit').text).toBe('RUN make');
    expect(instructionOf('RUN |1 VERSION=1.2 /bin/sh -c make V=$VERSION # buildkit').text).toBe('RUN make V=$VERSION');
    expect(instructionOf('COPY --chown=app requirements.txt . # buildkit')).toEqual({ keyword: 'COPY', text: 'COPY --chown=app requirements.txt .' });
    expect(instructionOf('RUN /bin/sh -c python3 -m pytest  # Running tests in image # buildkit').text).toBe('RUN python3 -m pytest  # Running tests in image');
    expect(instructionOf('CMD ["python" "app.py"]')).toEqual({ keyword: 'CMD', text: 'CMD ["python" "app.py"]' });
    expect(instructionOf('WORKDIR /app')).toEqual({ keyword: 'WORKDIR', text: 'WORKDIR /app' });
  });

  it('reads the classic builder forms: #(nop) metadata, and a bare command line for RUN', () => {
    expect(instructionOf('/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]')).toEqual({ keyword: 'CMD', text: 'CMD ["nginx" "-g" "daemon off;"]' });
    expect(instructionOf('/bin/sh -c #(nop) ADD file:567d3121 in / ')).toEqual({ keyword: 'ADD', text: 'ADD file:567d3121 in /' });
    expect(instructionOf('/bin/sh -c apt-get update')).toEqual({ keyword: 'RUN', text: 'RUN apt-get update' });
    expect(instructionOf('|1 V=2 /bin/sh -c make')).toEqual({ keyword: 'RUN', text: 'RUN make' });
  });

  it("strips the image's own SHELL from RUN lines and keeps unknown text as it is", () => {
    expect(instructionOf('RUN /bin/bash -o pipefail -c curl x | sh # buildkit', ['/bin/bash', '-o', 'pipefail', '-c']).text).toBe('RUN curl x | sh');
    expect(instructionOf(undefined)).toEqual({ keyword: '', text: '' });
    expect(instructionOf('')).toEqual({ keyword: '', text: '' });
  });
});
