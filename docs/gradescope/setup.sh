#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (the zip's
# contents are in /autograder/source). It installs Node 20 and the course, from the
# ticklab.tar.gz the zip carries (see README.md: `git archive` of your course's checkout),
# so that grading never depends on the network.
set -euo pipefail

SOURCE="${AUTOGRADER:-/autograder}/source"

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi

mkdir -p "$SOURCE/ticklab"
tar -xzf "$SOURCE/ticklab.tar.gz" -C "$SOURCE/ticklab"
cd "$SOURCE/ticklab"
npm ci --no-audit --no-fund
# The grader's own check that the course is sound: every solution passes, every starting file fails.
node cli/bin/ticklab.mjs check --quiet --jobs 2
