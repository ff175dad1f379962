/**
 * A deterministic, realistic 1,000-line Dockerfile for the front-end benchmark: several
 * multi-stage blocks with global ARGs, continuation-heavy RUNs, ENV/LABEL pairs, COPY flags,
 * heredocs, comments and exec-form CMDs — the shapes students and real projects write.
 */
export function makeDockerfile(targetLines = 1000): string {
  const lines: string[] = ['# syntax=docker/dockerfile:1', 'ARG PYTHON_VERSION=3.9', 'ARG NODE_VERSION=18', ''];
  let block = 0;
  for (;;) {
    const n = block++;
    const next = [
      `# ---- block ${n}: build ----`,
      `FROM python:\${PYTHON_VERSION}-slim AS build${n}`,
      `ARG APP_HOME=/srv/app${n}`,
      `ENV PIP_NO_CACHE_DIR=1 APP_HOME=\${APP_HOME} PATH="/opt/venv${n}/bin:\${PATH}"`,
      'WORKDIR ${APP_HOME}',
      'RUN apt-get update \\',
      '    && apt-get install -y --no-install-recommends \\',
      '       gcc=4:12.2.0-3 \\',
      '       libffi-dev=3.4.4-1 \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir -r requirements.txt',
      `COPY --chown=app:app src/ ./src${n}/`,
      'RUN <<EOF',
      'set -e',
      `python -m compileall src${n}`,
      'EOF',
      `LABEL org.opencontainers.image.title="app${n}" org.opencontainers.image.version="1.${n}.0"`,
      '',
      `# ---- block ${n}: runtime ----`,
      `FROM node:\${NODE_VERSION}-alpine AS web${n}`,
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev && npm cache clean --force',
      `COPY --from=build${n} /srv/app${n} /srv/app`,
      'EXPOSE 3000/tcp',
      'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:3000/health || exit 1',
      'USER node',
      'CMD ["node", "server.js"]',
      '',
    ];
    // Only whole blocks: a cut heredoc would make the file invalid.
    if (lines.length + next.length > targetLines) break;
    lines.push(...next);
  }
  for (let pad = 0; lines.length < targetLines; pad++) lines.push(`LABEL bench.pad${pad}="line ${lines.length + 1}"`);
  return `${lines.join('\n')}\n`;
}
