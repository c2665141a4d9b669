# syntax=docker/dockerfile:1
# Aduan in a container: the compiled build on Node 20 (Debian slim), run as the unprivileged `node` user.
#   docker build -t aduan .                               the service (Telegram; SQLite under /data, or MongoDB)
#   docker build --target whatsapp -t aduan:whatsapp .    the same with Debian's Chromium, for the WhatsApp channel
# The README's "Deployment" section has the commands to run, back up and upgrade it.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency (TypeScript; the tools to compile better-sqlite3 where no prebuilt binary fits) -----
FROM ${NODE_IMAGE} AS build
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
# Dependencies in their own layer, kept while only the sources change. --ignore-scripts because the package's own
# `prepare` (the build) needs the sources, copied below; better-sqlite3 is the one dependency whose install script
# matters (puppeteer's only downloads a browser, which the project never does).
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY bots ./bots
COPY flows ./flows
COPY nlp ./nlp
RUN npm run build && npm prune --omit=dev

# --- app: what runs, shared by both images ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production \
  DATA_DIR=/data \
  HEALTH_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin/aduan ./bin/aduan
COPY deploy/healthcheck.mjs ./deploy/healthcheck.mjs
# The agency profiles also at the paths .env.example names (AGENCY_CONFIG=src/config/agencies/...).
COPY src/config/agencies ./src/config/agencies
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# GET /health on the setting's port (see deploy/healthcheck.mjs); 503 while a channel is down.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
ENTRYPOINT ["node", "bin/aduan"]
CMD ["serve"]

# --- whatsapp: the same with Debian's Chromium (the project never downloads a browser itself) ----------------------
FROM app AS whatsapp
USER root
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji \
  && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
USER node

# --- the default target (last stage): the image without a browser -------------------------------------------------
FROM app AS runtime
