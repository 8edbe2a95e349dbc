#!/usr/bin/env bash
# actionlint over .github/workflows (with shellcheck on their run scripts when it is installed): the release and
# Temurin-patch workflows cannot run here, so CI at least checks that they are well-formed.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.7
bin="$(go env GOPATH 2>/dev/null)/bin/actionlint"
if ! command -v go >/dev/null 2>&1; then
    echo "==> actionlint NOT RUN: no Go to install it with" >&2
    exit 1
fi
if [[ ! -x $bin ]] || ! "$bin" -version | grep -q "${version#v}"; then
    go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
fi
"$bin" -color=false
echo "==> actionlint $version: .github/workflows are well-formed"
