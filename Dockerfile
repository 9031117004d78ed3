# Postwatch: one image for the HTTP API, the Temporal worker and the migration job.
#
#   docker build -t postwatch .
#   docker run postwatch                                                 # API (default command)
#   docker run --no-healthcheck postwatch node --import tsx worker/main.ts     # worker
#   docker run --no-healthcheck postwatch node --import tsx scripts/migrate.ts # migrations, then exit
#
# TypeScript runs through tsx (a runtime dependency); `node --import tsx` is the same as
# `npx tsx` without the extra npm/tsx wrapper processes, so SIGTERM reaches the app directly.
# The built-in HEALTHCHECK probes the API's /healthz; disable it for the worker and migrate.
# Plain Dockerfile syntax (no BuildKit-only features): works with docker-compose 1.29's builder too.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- base: shared settings ----------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---- deps: the full dependency tree (dev included) for the build stage ---------------
# --ignore-scripts: no install script is needed in the image (esbuild/swc use their
# platform packages; @embedded-postgres is unused in containers; @prisma/engines'
# postinstall would download engines the generator does not need). It also matches
# package.json's allowScripts policy regardless of the npm version in the base image.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts

# ---- build: Prisma client + prebuilt workflow bundle ---------------------------------
FROM deps AS build
COPY . .
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate \
 && npx tsx scripts/bundle.ts dist/workflow-bundle.js \
 && test -s dist/workflow-bundle.js

# ---- prod-deps: runtime dependencies only --------------------------------------------
# @temporalio/core-bridge ships native libraries for every platform: keep this one only.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts \
 && releases=node_modules/@temporalio/core-bridge/releases \
 && keep="$(uname -m)-unknown-linux-gnu" \
 && if [ -d "$releases/$keep" ]; then \
      find "$releases" -mindepth 1 -maxdepth 1 ! -name "$keep" -exec rm -rf {} +; \
    fi

# ---- runtime ---------------------------------------------------------------------------
FROM base AS runtime
ARG NODE_IMAGE
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="postwatch" \
      org.opencontainers.image.description="Workflow-orchestrated enforcement cases for prohibited items in the postal network (API, Temporal worker, migrations)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"

ENV NODE_ENV=production \
    PORT=3000 \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js

COPY --from=prod-deps /app/node_modules ./node_modules
# sources (filtered by .dockerignore), then the build outputs
COPY . .
COPY --from=build /app/prisma/generated ./prisma/generated
COPY --from=build /app/dist ./dist

# files stay root-owned and read-only for the app; tsx caches compiled files under /tmp
USER node
EXPOSE 3000

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--import", "tsx", "api/server.ts"]
