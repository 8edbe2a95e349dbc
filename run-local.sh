#!/usr/bin/env bash
# Builds Runway and the sample functions, then serves one sample (hello by default) on http://127.0.0.1:8080
# in Runway's local mode: an embedded Lambda platform (the RIE's invoke endpoint, the Runtime, Extensions and
# Telemetry APIs) with the function's runtime as its child process. It needs only a JDK 21 or newer.
#
#   ./run-local.sh [handler]          e.g. ./run-local.sh dev.runway.samples.stream.UppercaseHandler
#   ./run-local.sh --task-root DIR HANDLER
#                                     your own function: DIR holds its classes (at its top) and jars (in lib/)
#   ./run-local.sh --watch ...        a fresh environment whenever a class file or jar of the task root changes
#   ./run-local.sh --rie [handler]    the same sample under the AWS Runtime Interface Emulator instead (the
#                                     version .ci/lib.sh pins: needs Go to install it, or RUNWAY_RIE pointing at one)
#
# The curl line (and the local console's address) is printed once the endpoint answers.
# RUNWAY_LOCAL_PORT changes the port (8080); RUNWAY_LOCAL_NO_BUILD=1 serves the distribution built before.
# AWS_LAMBDA_FUNCTION_TIMEOUT, AWS_LAMBDA_FUNCTION_NAME and the other variables of the RIE work as there. Ctrl-C
# stops it, shutting the function down as Lambda does.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/lib.sh

use_rie=false
task_root=""
watch=()
while (($# > 0)); do
    case $1 in
        --rie) use_rie=true; shift ;;
        --watch) watch=(--watch); shift ;;
        --task-root)
            if (($# < 2)); then
                echo "--task-root needs the function's directory" >&2
                exit 2
            fi
            task_root=$2
            shift 2
            ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "Unknown option $1 (see ./run-local.sh --help)" >&2; exit 2 ;;
        *) break ;;
    esac
done
if [[ -n $task_root ]]; then
    if [[ ! -d $task_root ]]; then
        echo "--task-root $task_root: no such directory" >&2
        exit 2
    fi
    if (($# == 0)); then
        echo "--task-root needs the handler too: ./run-local.sh --task-root $task_root com.example.Handler" >&2
        exit 2
    fi
    task_root=$(cd "$task_root" && pwd)
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

if [[ ${RUNWAY_LOCAL_NO_BUILD:-} == 1 && -x bootstrap/target/runway/bootstrap ]]; then
    echo "Using the distribution built before (RUNWAY_LOCAL_NO_BUILD=1)."
else
    echo "Building Runway and the sample functions (the first build downloads Maven and the dependencies)..."
    # Maven's progress, one line per module, and every error; downloads are counted, not listed.
    ./mvnw -B -DskipTests package -pl bootstrap -am 2>&1 | awk '
        /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] /, "  "); print; fflush(); next }
        /Downloaded from/ { if (++downloads % 50 == 0) { print "  ... " downloads " files downloaded"; fflush() } next }
        /BUILD SUCCESS|BUILD FAILURE|Total time:/ { sub(/^\[INFO\] /, "  "); print; fflush(); next }
        /^\[ERROR\]/ { print; fflush() }'
fi

function_dir=${task_root:-$root/sample-functions/target/function}
bootstrap=$root/bootstrap/target/runway/bootstrap
if [[ -n $task_root ]]; then
    example='{}'
else
    example='{"name":"Ada"}'
fi
# Waits (a bounded time) for the endpoint to answer, then prints how to call it; gives up when the server is gone.
announce() {
    local server=$1 console=$2 tries
    for ((tries = 0; tries < 600; tries++)); do
        kill -0 "$server" 2>/dev/null || return 0
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo
            echo "Serving $handler from $function_dir on http://127.0.0.1:$port. Invoke it with:"
            echo
            echo "    curl -s -X POST http://127.0.0.1:$port/2015-03-31/functions/function/invocations -d '$example'"
            echo
            if [[ $console == yes ]]; then
                echo "or open the local console: http://127.0.0.1:$port/"
                echo
            fi
            return 0
        fi
        sleep 0.2
    done
    echo "Nothing answers on http://127.0.0.1:$port after 2 minutes: see the messages above." >&2
}
# Lambda starts the bootstrap in the task root, with LAMBDA_TASK_ROOT naming it.
cd "$function_dir"
export LAMBDA_TASK_ROOT=$function_dir

if ! $use_rie; then
    unset AWS_LAMBDA_RUNTIME_API
    # The server keeps this shell's process (exec), so Ctrl-C reaches it as before; the announcement runs beside it.
    announce $$ yes &
    exec "$bootstrap" --local --port "$port" "${watch[@]}" "$handler"
fi

if ((${#watch[@]} > 0)); then
    echo "--watch is local mode's: under the RIE, restart ./run-local.sh --rie after a build." >&2
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
announce $$ no &
exec "$RUNWAY_RIE" --runtime-interface-emulator-address "127.0.0.1:$port" \
    --runtime-api-address "127.0.0.1:$runtime_api_port" "$bootstrap" "$handler"
