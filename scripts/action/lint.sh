#!/usr/bin/env bash
# The GitHub Action's lint step: runs replylint and records its exit code and report. It does not
# fail on replylint's exit code, so the SARIF upload still runs; conclude.sh decides the job after it.
# Inputs come through the environment (never spliced into the script): REPLYLINT_BIN, INPUT_PATH,
# INPUT_FORMAT, INPUT_ARGS, INPUT_MAX_WARNINGS.
set -uo pipefail
: "${REPLYLINT_BIN:?}" "${GITHUB_OUTPUT:?}"

# Split on whitespace and newlines without glob expansion: quoted globs reach replylint as written.
read -r -d '' -a paths <<< "${INPUT_PATH:-.}" || true
read -r -d '' -a extra <<< "${INPUT_ARGS:-}" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)

format="${INPUT_FORMAT:-github}"
max_warnings="${INPUT_MAX_WARNINGS:--1}"
if ! [[ "$max_warnings" =~ ^(-1|[0-9]+)$ ]]; then
  echo "::error title=replylint::max-warnings must be -1 (no limit) or a whole number, not \"$max_warnings\""
  echo "exit-code=2" >> "$GITHUB_OUTPUT"
  exit 0
fi

args=(--format "$format")
[ "$max_warnings" = "-1" ] || args+=(--max-warnings "$max_warnings")
sarif=""
if [ "$format" = "sarif" ]; then
  sarif="$(mktemp -d "${RUNNER_TEMP:-/tmp}/replylint.XXXXXX")/replylint.sarif"
  args+=(--output-file "$sarif")
fi

echo "replylint ${paths[*]} ${args[*]} ${extra[*]}"
code=0
node "$REPLYLINT_BIN" "${paths[@]}" "${args[@]}" "${extra[@]}" || code=$?

if [ -n "$sarif" ] && [ -s "$sarif" ]; then
  # With the report in a file the log would be empty: say what it holds.
  # shellcheck disable=SC2016 # the ${…} are JavaScript's
  node -e '
    const results = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).runs.flatMap((run) => run.results ?? []);
    const count = (level) => results.filter((r) => (r.level ?? "warning") === level).length;
    console.log(`replylint: ${results.length} problem(s) (${count("error")} error(s), ${count("warning")} warning(s)) in ${process.argv[1]}`);
  ' "$sarif"
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
