import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '@/lib/dockerfile/lint';

/**
 * The Dockerfiles of material 3.1 ("Working with Images"): each "Bad"/"Before" example fires
 * the rules that name its problem, and the matching "Good"/"After" example does not.
 * Snippets are copied from the material; where a snippet is not a whole Dockerfile a FROM is added.
 */

const rules = (src: string, options: LintOptions = {}) => new Set(lint(src, { debug: true, ...options }).findings.map((f) => f.rule));

function expectPair(bad: string, good: string, expected: string[], options: LintOptions = {}): void {
  const before = rules(bad, options);
  const after = rules(good, options);
  for (const id of expected) {
    expect(before, `${id} should fire on the bad example`).toContain(id);
    expect(after, `${id} should not fire on the good example`).not.toContain(id);
  }
}

describe('Example 3: Image Optimization', () => {
  const before = `FROM ubuntu:20.04
RUN apt-get update
RUN apt-get install -y python3
RUN apt-get install -y python3-pip
COPY requirements.txt .
RUN pip3 install -r requirements.txt
COPY . .
CMD ["python3", "app.py"]
`;
  const after = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
`;

  it('"Before optimization" fires the rules behind each listed improvement', () => {
    // Combined RUN commands (DL3059, LL1007), no package manager cache (DL3009, DL3042),
    // no WORKDIR (DL3045), and the install pulls in recommends (DL3015).
    expectPair(before, after, ['DL3059', 'LL1007', 'DL3009', 'DL3042', 'DL3045', 'DL3015']);
  });

  it('"After optimization" is clean', () => {
    expect([...rules(after, { hasDockerignore: true })]).toEqual([]);
  });

  it('without a .dockerignore the COPY . . of both is reported', () => {
    expect(rules(before, { hasDockerignore: false })).toContain('LL1004');
    expect(rules(after, { hasDockerignore: false })).toContain('LL1004');
  });
});

describe('Best practices', () => {
  it('1. Use Specific Tags', () => {
    expectPair('FROM node:latest\n', 'FROM node:18.19.0-alpine3.19\n', ['DL3007']);
  });

  it('2. Minimize Layers', () => {
    const bad = `FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y curl
RUN apt-get install -y wget
RUN apt-get install -y vim
`;
    const good = `FROM ubuntu:22.04
RUN apt-get update && apt-get install -y \\
    curl \\
    wget \\
    vim \\
 && rm -rf /var/lib/apt/lists/*
`;
    expectPair(bad, good, ['DL3059', 'DL3009', 'LL1007']);
    // The material's "good" version still installs vim into the final image.
    expect(rules(good)).toContain('LL1002');
  });

  it('4. Order Layers by Change Frequency', () => {
    const bad = 'FROM node:18\nCOPY . .\nCOPY package*.json ./\nRUN npm install\n';
    const good = 'FROM node:18\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n';
    expectPair(bad, good, ['LL1001']);
  });

  it('4. as printed: a `#` after an instruction is not a comment in a Dockerfile', () => {
    // `COPY package*.json ./       # Changes rarely` copies four sources to a directory named `rarely`.
    const printed = 'FROM node:18\nCOPY package*.json ./       # Changes rarely\nRUN npm install             # Cached if package.json unchanged\nCOPY . .                    # Changes often\n';
    expect(rules(printed)).toContain('DL3021');
  });
});

describe('Multi-stage builds', () => {
  const single = `FROM node:18
WORKDIR /app
COPY package*.json ./
RUN npm install  # Includes dev dependencies
COPY . .
RUN npm run build
CMD ["npm", "start"]
`;
  const multi = `FROM node:18 AS builder
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
RUN npm run build

FROM node:18-alpine
WORKDIR /app
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/node_modules ./node_modules
CMD ["node", "dist/server.js"]
`;

  it('both follow the manifest-first order', () => {
    expect(rules(single)).not.toContain('LL1001');
    expect(rules(multi)).not.toContain('LL1001');
  });

  it('the multi-stage version references its builder correctly', () => {
    const found = rules(multi);
    for (const id of ['DL3022', 'DL3023', 'DL3024', 'DL3006', 'DL3045']) expect(found).not.toContain(id);
  });

  it('the Go example pins nothing on alpine:latest', () => {
    const go = `FROM golang:1.21 AS builder
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -o server

FROM alpine:latest
RUN apk --no-cache add ca-certificates
WORKDIR /app
COPY --from=builder /app/server .
EXPOSE 8080
CMD ["./server"]
`;
    const found = rules(go);
    expect(found).toContain('DL3007');
    expect(found).toContain('DL3018');
    expect(found).not.toContain('DL3019');
    expect(found).not.toContain('LL1001');
  });
});

describe('Interview question 2: from 2 GB to under 200 MB', () => {
  const current = `FROM ubuntu:20.04
RUN apt-get update
RUN apt-get install -y python3 python3-pip curl wget vim nano
COPY requirements.txt .
RUN pip3 install -r requirements.txt
COPY . .
RUN python3 -m pytest  # Running tests in image
CMD ["python3", "app.py"]
`;
  const optimized = `# Multi-stage build
FROM python:3.9-slim AS builder

WORKDIR /app

# Install build dependencies in one layer
RUN apt-get update && \\
    apt-get install -y --no-install-recommends gcc && \\
    rm -rf /var/lib/apt/lists/*

# Copy only requirements first (caching)
COPY requirements.txt .

# Install Python packages
RUN pip install --user --no-cache-dir -r requirements.txt

# Copy application code
COPY app/ ./app/

# Run tests (fail build if tests fail)
RUN python -m pytest app/tests/

# Production image
FROM python:3.9-alpine

WORKDIR /app

# Copy only necessary files from builder
COPY --from=builder /root/.local /root/.local
COPY --from=builder /app/app/*.py ./

# Make sure scripts are executable
ENV PATH=/root/.local/bin:$PATH

# Non-root user for security
RUN adduser -D appuser
USER appuser

CMD ["python", "main.py"]
`;

  it('the listed problems fire on the current image and not on the optimized one', () => {
    // Unnecessary tools (LL1002), separate RUNs (DL3059), tests in the image (LL1003),
    // no package manager cache cleanup (DL3009, DL3042).
    expectPair(current, optimized, ['LL1002', 'DL3059', 'LL1003', 'DL3009', 'DL3042', 'DL3015']);
  });

  it('the optimized Dockerfile keeps gcc and the tests in the builder stage', () => {
    const found = rules(optimized);
    expect(found).not.toContain('LL1005');
    expect(found).not.toContain('LL1003');
    expect(found).not.toContain('DL3002');
  });

  it('Step 4 and Step 5 snippets', () => {
    const step4 = 'FROM python:3.9-alpine\nRUN apk add --no-cache gcc\nRUN apk add --no-cache musl-dev\nRUN apk add --no-cache libffi-dev\n';
    const step4good = 'FROM python:3.9-alpine\nRUN apk add --no-cache \\\n    gcc \\\n    musl-dev \\\n    libffi-dev\n';
    expectPair(step4, step4good, ['DL3059']);
    const step5 = 'FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y build-essential\n';
    const step5good = 'FROM ubuntu:20.04\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends build-essential && \\\n    rm -rf /var/lib/apt/lists/*\n';
    expectPair(step5, step5good, ['DL3009', 'DL3015']);
  });
});
