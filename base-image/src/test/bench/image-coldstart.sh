#!/bin/sh
# Cold start of the base image, Runway beside the official RIC on the same JRE, in containers (never run by the
# build; docs/performance.md, "Shipping: layer and image", has the figures).
#
#   image-coldstart.sh <starts> <official RIC jars dir>
#
# Needs the images ContainerIT leaves behind (localhost/runway-it/runway and .../hello: run
# ./mvnw verify -pl base-image -am -Dit.test=ContainerIT first) and a Docker API (DOCKER_HOST for Podman).
# One start: `docker run -d` of a fresh container (512 MB, read-only root), then the first invoke POSTed until it
# answers; the time is from just before `docker run` to the answer, so it includes the container's creation, the
# emulator's start, the runtime's init and the first invocation. Runs alternate between the two images.
#
# The emulator: the image's RIE when the base image has one; on the local stand-in without one, Runway's local
# mode. For the official RIC the same local-mode platform is started by hand with -Drunway.bootstrap pointing at a
# script that runs the official client (AWS's documented command line), so both images differ only in the runtime.
set -eu
starts=$1
official=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/official"
cp "$official"/*.jar "$work/official/"
cat >"$work/bootstrap-official" <<'SCRIPT'
#!/bin/sh
# The official RIC as AWS documents it for custom images, with the flags Runway's bootstrap uses.
exec /var/runtime/jre/bin/java -XX:MaxHeapSize=445645k -XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
    -Xshare:auto --add-opens=java.base/java.io=ALL-UNNAMED -cp '/var/runtime/official/*' \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda "${1:-$_HANDLER}"
SCRIPT
chmod 755 "$work/bootstrap-official"
cat >"$work/Dockerfile" <<'DOCKERFILE'
FROM localhost/runway-it/hello:latest
COPY official/ /var/runtime/official/
COPY bootstrap-official /var/runtime/bootstrap-official
# Local mode's platform, as Runway's bootstrap starts it, but running the official client as the runtime.
ENTRYPOINT ["/var/runtime/jre/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", \
    "-Drunway.bootstrap=/var/runtime/bootstrap-official", \
    "-cp", "/var/runtime/lib/runway-runtime.jar:/var/runtime/lib/aws-lambda-java-core.jar:/var/runtime/lib/jackson-annotations.jar:/var/runtime/lib/runway-local.jar", \
    "dev.runway.bootstrap.Main", "--local", "--host", "0.0.0.0"]
DOCKERFILE
docker build -q -t localhost/runway-it/hello-official:latest "$work" >/dev/null

# A fresh range per run: a container left by an interrupted run keeps its port.
port=$((20000 + $$ % 20000))
once() {
    image=$1
    port=$((port + 1))
    start=$(date +%s%N)
    id=$(docker run -d --rm --memory 512m --read-only --tmpfs /tmp -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512 \
        -p "127.0.0.1:$port:8080" "$image" dev.runway.samples.hello.HelloHandler::handleRequest)
    # Polled every 10 ms, 60 s at most; a failed start stops the run.
    deadline=$((start + 60000000000))
    until out=$(curl -sf -m 5 -d '{"name":"bench"}' "http://127.0.0.1:$port/2015-03-31/functions/function/invocations" 2>/dev/null) \
        && [ -n "$out" ]; do
        if [ "$(date +%s%N)" -gt "$deadline" ]; then
            echo "no answer from $image in 60 s" >&2
            docker logs "$id" 2>&1 | tail -n 20 >&2
            docker rm -f "$id" >/dev/null
            exit 1
        fi
        sleep 0.01
    done
    end=$(date +%s%N)
    docker rm -f "$id" >/dev/null
    echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] " (min " a[1] ", max " a[NR] ")" }'; }
once localhost/runway-it/hello:latest >/dev/null          # warm-up, not counted
once localhost/runway-it/hello-official:latest >/dev/null
: >"$work/runway" ; : >"$work/official-times"
n=0
while [ $n -lt "$starts" ]; do
    once localhost/runway-it/hello:latest >>"$work/runway"
    once localhost/runway-it/hello-official:latest >>"$work/official-times"
    n=$((n + 1))
done
echo "| image | cold start to first answer, median ms | starts |"
echo "|---|---|---|"
echo "| Runway (base image) | $(median <"$work/runway") | $starts |"
echo "| official RIC 2.9.0, same JRE and platform | $(median <"$work/official-times") | $starts |"
for image in localhost/runway-it/runway:latest localhost/runway-it/standin:latest; do
    echo "image $image: $(docker image inspect -f '{{.Size}}' "$image") bytes"
done
