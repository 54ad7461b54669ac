#!/usr/bin/env bash
# The GitHub Action's install step: gets a runnable replylint and names its launcher in the step output `bin`.
# Inputs come through the environment (never spliced into the script): INPUT_VERSION.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"

if [ -n "${INPUT_VERSION:-}" ]; then
  # A published version: its package ships dist/, so a production install is enough.
  prefix="${RUNNER_TEMP:?}/replylint-npm"
  npm install --prefix "$prefix" --omit=dev --no-audit --no-fund "replylint@${INPUT_VERSION}"
  bin="$prefix/node_modules/replylint/bin/replylint.js"
else
  # The action's own checkout: dist/ is not committed, and the build (the prepare script that
  # `npm ci` runs) needs the dev dependencies, even when the job sets NODE_ENV=production. A
  # second use of the action in the same job finds it built.
  if [ ! -f "$GITHUB_ACTION_PATH/dist/cli/index.js" ]; then
    (cd "$GITHUB_ACTION_PATH" && npm ci --include=dev --no-audit --no-fund)
  fi
  bin="$GITHUB_ACTION_PATH/bin/replylint.js"
fi

node "$bin" --version
echo "bin=$bin" >> "$GITHUB_OUTPUT"
