#!/usr/bin/env bash
# Builds Runway and the sample functions, then serves one sample (hello by default) on http://127.0.0.1:8080
# in Runway's local mode: an embedded Lambda platform (the RIE's invoke endpoint, the Runtime, Extensions and
# Telemetry APIs) with the function's runtime as its child process. It needs only a JDK 21 or newer.
#
#   ./run-local.sh [handler]          e.g. ./run-local.sh dev.runway.samples.stream.UppercaseHandler
#   ./run-local.sh --rie [handler]    the same sample under the AWS Runtime Interface Emulator instead (the
#                                     version .ci/lib.sh pins: needs Go to install it, or RUNWAY_RIE pointing at one)
#
# RUNWAY_LOCAL_PORT changes the port (8080). AWS_LAMBDA_FUNCTION_TIMEOUT, AWS_LAMBDA_FUNCTION_NAME and the other
# variables of the RIE work as there. Ctrl-C stops it, shutting the function down as Lambda does.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/lib.sh

use_rie=false
if [[ ${1:-} == --rie ]]; then
    use_rie=true
    shift
fi
handler=${1:-dev.runway.samples.hello.HelloHandler}
port=${RUNWAY_LOCAL_PORT:-8080}
runtime_api_port=${RUNWAY_LOCAL_RUNTIME_API_PORT:-9001}
root=$PWD

# A JDK >= 21: JAVA_HOME when it is one, else the newest under /usr/lib/jvm, else the javac on PATH.
major=""
if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(runway_jdk_major "$JAVA_HOME")
fi
if [[ -z $major ]] || ((major < 21)); then
    if ! runway_pick_jdk '*'; then
        javac_path=$(command -v javac 2>/dev/null || true)
        if [[ -n $javac_path ]]; then
            home=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
            major=$(runway_jdk_major "$home")
            if [[ -n $major ]] && ((major >= 21)); then
                export JAVA_HOME=$home
            fi
        fi
        if [[ -z ${JAVA_HOME:-} ]] || [[ -z $(runway_jdk_major "$JAVA_HOME") ]]; then
            echo "Runway needs a JDK 21 or newer: set JAVA_HOME to one." >&2
            exit 1
        fi
    fi
fi

echo "Building Runway and the sample functions..."
./mvnw -B -q -DskipTests package -pl bootstrap -am

function_dir=$root/sample-functions/target/function
bootstrap=$root/bootstrap/target/runway/bootstrap
cat <<MESSAGE

Serving $handler on http://127.0.0.1:$port. Invoke it with:

    curl -s -X POST http://127.0.0.1:$port/2015-03-31/functions/function/invocations -d '{"name":"Ada"}'

MESSAGE
# Lambda starts the bootstrap in the task root, with LAMBDA_TASK_ROOT naming it.
cd "$function_dir"
export LAMBDA_TASK_ROOT=$function_dir

if ! $use_rie; then
    unset AWS_LAMBDA_RUNTIME_API
    exec "$bootstrap" --local --port "$port" "$handler"
fi

if ! runway_install_rie; then
    cat >&2 <<MESSAGE

The AWS Lambda Runtime Interface Emulator (aws-lambda-rie) is not installed and could not be installed. Install
it with Go (go install $RUNWAY_RIE_MODULE) and point RUNWAY_RIE at it, or run ./run-local.sh
without --rie: Runway's local mode needs no emulator.
MESSAGE
    exit 1
fi
# The handler in _HANDLER too, as the AWS base images give it: the RIE tells extensions at registration only the
# handler of its environment.
export _HANDLER=$handler
exec "$RUNWAY_RIE" --runtime-interface-emulator-address "127.0.0.1:$port" \
    --runtime-api-address "127.0.0.1:$runtime_api_port" "$bootstrap" "$handler"
