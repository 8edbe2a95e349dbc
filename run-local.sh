#!/usr/bin/env bash
# Builds Runway and the sample functions, then serves one sample (hello by default) on http://127.0.0.1:8080
# under the AWS Lambda Runtime Interface Emulator, which it installs with go install when it is missing.
#
#   ./run-local.sh [handler]        e.g. ./run-local.sh dev.runway.samples.stream.UppercaseHandler
#
# RUNWAY_LOCAL_PORT changes the port (8080), RUNWAY_LOCAL_RUNTIME_API_PORT the emulator's Runtime API port
# (9001). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/lib.sh

handler=${1:-dev.runway.samples.hello.HelloHandler}
port=${RUNWAY_LOCAL_PORT:-8080}
runtime_api_port=${RUNWAY_LOCAL_RUNTIME_API_PORT:-9001}
root=$PWD

# A JDK >= 21: JAVA_HOME when it is one, else the newest under /usr/lib/jvm.
major=""
if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(runway_jdk_major "$JAVA_HOME")
fi
if [[ -z $major ]] || ((major < 21)); then
    if ! runway_pick_jdk '*'; then
        echo "Runway needs a JDK 21 or newer: set JAVA_HOME to one." >&2
        exit 1
    fi
fi

echo "Building Runway and the sample functions..."
./mvnw -B -q -DskipTests package -pl bootstrap -am

if ! runway_install_rie; then
    cat >&2 <<MESSAGE

The AWS Lambda Runtime Interface Emulator (aws-lambda-rie) is not installed and could not be installed, so
the sample cannot be served. Install it with Go 1.25 or newer:

    go install $RUNWAY_RIE_MODULE

or download a release binary from the emulator's GitHub project, and point RUNWAY_RIE at it. Runway itself is
built: bootstrap/target/runway (runtime) and sample-functions/target/function (function).
MESSAGE
    exit 1
fi

function_dir=$root/sample-functions/target/function
cat <<MESSAGE

Serving $handler on http://127.0.0.1:$port. Invoke it with:

    curl -s -X POST http://127.0.0.1:$port/2015-03-31/functions/function/invocations -d '{"name":"Ada"}'

MESSAGE
# Lambda starts the bootstrap in the task root, with LAMBDA_TASK_ROOT naming it.
cd "$function_dir"
export LAMBDA_TASK_ROOT=$function_dir
exec "$RUNWAY_RIE" --runtime-interface-emulator-address "127.0.0.1:$port" \
    --runtime-api-address "127.0.0.1:$runtime_api_port" "$root/bootstrap/target/runway/bootstrap" "$handler"
