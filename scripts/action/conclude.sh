#!/usr/bin/env bash
# The GitHub Action's last step: turns replylint's exit code into the job's result, after the upload.
# Inputs come through the environment: EXIT_CODE (the lint step's output), INPUT_FAIL_ON_PROBLEMS.
set -euo pipefail

fail_on_problems="$(printf '%s' "${INPUT_FAIL_ON_PROBLEMS:-true}" | tr '[:upper:]' '[:lower:]')"
case "$fail_on_problems" in
  true | false) ;;
  *) echo "::error title=replylint::fail-on-problems must be true or false, not \"${INPUT_FAIL_ON_PROBLEMS}\""; exit 2 ;;
esac

case "${EXIT_CODE:-}" in
  0) exit 0 ;;
  1)
    if [ "$fail_on_problems" = true ]; then
      echo "replylint found problems (errors, or more warnings than max-warnings)."
      exit 1
    fi
    echo "replylint found problems; fail-on-problems is false, so the job goes on."
    exit 0 ;;
  *)
    # A failed run (bad config, unreadable file, bad input) fails the job whatever fail-on-problems says.
    echo "::error title=replylint::replylint could not finish (exit code ${EXIT_CODE:-unknown}): see the lint step's log"
    exit 2 ;;
esac
