#!/bin/sh
# The entry point of Runway's LOCAL STAND-IN for public.ecr.aws/lambda/provided (container tests only; written
# for Runway, not AWS's script). Like the real image: the handler is the first argument (the image's CMD), it
# becomes _HANDLER, and the runtime is the first of /var/runtime/bootstrap, /var/task/bootstrap, /opt/bootstrap.
#
# - AWS_LAMBDA_RUNTIME_API set (on Lambda): the runtime is started directly.
# - /usr/local/bin/aws-lambda-rie present: the RIE runs the runtime, as in the real image.
# - Neither: NO RIE. Runway's own local mode (bootstrap --local, an embedded Lambda platform) serves the same invoke
#   endpoint on port 8080, bound to all addresses so a published port reaches it. This is said on stderr, in the
#   container's log, and the tests report which one served: local mode is not the RIE.
if [ $# -lt 1 ]; then
    echo "[stand-in] the handler is the first argument (the image's CMD)" >&2
    exit 142
fi
export _HANDLER="$1"
shift
boot=
for candidate in /var/runtime/bootstrap /var/task/bootstrap /opt/bootstrap; do
    if [ -x "$candidate" ]; then
        boot=$candidate
        break
    fi
done
if [ -z "$boot" ]; then
    echo "[stand-in] no bootstrap in /var/runtime, /var/task or /opt" >&2
    exit 1
fi
if [ -n "${AWS_LAMBDA_RUNTIME_API-}" ]; then
    exec "$boot" "$_HANDLER" "$@"
fi
if [ -x /usr/local/bin/aws-lambda-rie ]; then
    echo "[stand-in] serving with the RIE: /usr/local/bin/aws-lambda-rie $boot $_HANDLER" >&2
    exec /usr/local/bin/aws-lambda-rie "$boot" "$_HANDLER" "$@"
fi
echo "[stand-in] NO RIE in this image: Runway's local mode serves on :8080 (this is NOT the RIE): $boot --local $_HANDLER" >&2
export RUNWAY_LOCAL_HOST="${RUNWAY_LOCAL_HOST:-0.0.0.0}"
exec "$boot" --local "$_HANDLER" "$@"
