# Shell functions shared by .ci/run and run-local.sh (sourced, bash). Each one prints what it decided.

# The Runtime Interface Emulator, pinned: tag v1.30 of aws/aws-lambda-runtime-interface-emulator. Its tags are
# not semantic versions, so the Go module system only knows this pseudo-version.
RUNWAY_RIE_MODULE=github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20251201070305-f9bf927dfc8a

# Prints the major version of the JDK at $1 (from its release file), or nothing.
runway_jdk_major() {
    local release=$1/release version
    [[ -f $release && -x $1/bin/javac ]] || return 0
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$release")
    version=${version#1.}
    echo "${version%%[.+_-]*}"
}

# Sets JAVA_HOME to the newest JDK >= 21 whose directory matches $1 (a glob under /usr/lib/jvm), or returns 1.
runway_pick_jdk() {
    local pattern=$1 best="" best_major=0 home major
    for home in /usr/lib/jvm/$pattern; do
        [[ -d $home ]] || continue
        major=$(runway_jdk_major "$home")
        if [[ -n $major ]] && ((major >= 21 && major > best_major)); then
            best=$home best_major=$major
        fi
    done
    [[ -n $best ]] || return 1
    export JAVA_HOME=$best
    echo "JDK: $JAVA_HOME (Java $best_major)"
}

# Prints the path of an installed aws-lambda-rie: $RUNWAY_RIE, $(go env GOPATH)/bin, ~/go/bin, then PATH.
runway_find_rie() {
    local go candidate candidates=()
    if [[ -n ${RUNWAY_RIE:-} ]]; then
        if [[ -f $RUNWAY_RIE && -x $RUNWAY_RIE ]]; then
            echo "$RUNWAY_RIE"
        fi
        return 0
    fi
    if go=$(runway_go); then
        candidates+=("$("$go" env GOPATH | cut -d: -f1)/bin/aws-lambda-rie")
    fi
    candidates+=("${HOME:-/root}/go/bin/aws-lambda-rie")
    if command -v aws-lambda-rie >/dev/null 2>&1; then
        candidates+=("$(command -v aws-lambda-rie)")
    fi
    for candidate in "${candidates[@]}"; do
        if [[ -f $candidate && -x $candidate ]]; then
            echo "$candidate"
            return 0
        fi
    done
}

# Prints the go command: the one on PATH, else the usual install directory.
runway_go() {
    if command -v go >/dev/null 2>&1; then
        command -v go
    elif [[ -x /usr/local/go/bin/go ]]; then
        echo /usr/local/go/bin/go
    else
        return 1
    fi
}

# Installs the RIE with go install unless one is there; two attempts, each bounded. Exports RUNWAY_RIE when it
# has one. Never fails: returns 1 when there is no RIE.
runway_install_rie() {
    local rie go attempt
    if [[ -n ${RUNWAY_RIE:-} && ! -x $RUNWAY_RIE ]]; then
        echo "RIE: RUNWAY_RIE=$RUNWAY_RIE is not an executable file."
        return 1
    fi
    rie=$(runway_find_rie)
    if [[ -n $rie ]]; then
        export RUNWAY_RIE=$rie
        echo "RIE: $RUNWAY_RIE (already installed)"
        return 0
    fi
    if ! go=$(runway_go); then
        echo "RIE: cannot install it, there is no Go toolchain (go install needs Go >= 1.25)."
        return 1
    fi
    for attempt in 1 2; do
        echo "RIE: go install $RUNWAY_RIE_MODULE (attempt $attempt of 2)"
        if timeout 600 "$go" install "$RUNWAY_RIE_MODULE"; then
            rie=$(runway_find_rie)
            if [[ -n $rie ]]; then
                export RUNWAY_RIE=$rie
                echo "RIE: $RUNWAY_RIE (installed)"
                return 0
            fi
        fi
        if ((attempt < 2)); then
            sleep 5
        fi
    done
    echo "RIE: go install failed twice (the Go module proxy may not serve this module version today)."
    return 1
}

# A Docker API for the container tests (base-image's ContainerIT, through Testcontainers). With a Docker engine
# already answering, nothing is done. Otherwise Podman (Debian's podman + runc) is installed and serves the Docker
# API on a socket; DOCKER_HOST and TESTCONTAINERS_RYUK_DISABLED are exported (Ryuk's image cannot be pulled here;
# the tests remove their own containers). Idempotent, every step bounded in time; never fails: returns 1 when
# there is no Docker API, and the container tests then skip, saying so.
runway_setup_docker_api() {
    local sock=/run/podman/podman.sock
    if [[ -z ${DOCKER_HOST:-} ]] && command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
        echo "Docker API: the local Docker engine"
        return 0
    fi
    if [[ -S $sock ]] && DOCKER_HOST=unix://$sock timeout 20 docker info >/dev/null 2>&1; then
        export DOCKER_HOST=unix://$sock TESTCONTAINERS_RYUK_DISABLED=true
        echo "Docker API: Podman at $DOCKER_HOST (already serving)"
        return 0
    fi
    if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
        if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
            echo "Docker API: none (no Docker engine, no Podman, and cannot apt-get install it)"
            return 1
        fi
        echo "Docker API: installing podman and runc (apt-get)"
        if ! { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq podman runc; } >/dev/null 2>&1; then
            echo "Docker API: apt-get install podman runc failed"
            return 1
        fi
    fi
    # crun (Podman's default) fails on these hosts' cgroups; the default RLIMIT_NOFILE cannot be set without
    # CAP_SYS_RESOURCE. A containers.conf already there is left alone unless it is ours.
    local conf=/etc/containers/containers.conf
    if [[ ! -f $conf ]] || grep -q 'written by Runway .ci' "$conf"; then
        mkdir -p /etc/containers
        printf '%s\n' '# written by Runway .ci/lib.sh (runway_setup_docker_api)' '[containers]' 'default_ulimits = []' '' \
            '[engine]' 'runtime = "runc"' >"$conf"
    fi
    mkdir -p /run/podman
    rm -f "$sock"
    # Detached and without stdin, so this script never waits on it; it lives as long as the machine. Started in /,
    # not in this clone: every container's conmon inherits the service's working directory, and fails to start
    # ("write child: broken pipe") once a later run has deleted that directory.
    (cd / && exec nohup podman system service --time=0 "unix://$sock" </dev/null >/tmp/podman-service.log 2>&1) &
    for _ in $(seq 1 30); do
        if [[ -S $sock ]] && DOCKER_HOST=unix://$sock timeout 10 docker info >/dev/null 2>&1; then
            export DOCKER_HOST=unix://$sock TESTCONTAINERS_RYUK_DISABLED=true
            echo "Docker API: Podman at $DOCKER_HOST (started, pid $!)"
            return 0
        fi
        sleep 1
    done
    echo "Docker API: podman system service did not answer (see /tmp/podman-service.log)"
    return 1
}

# The packaging tools base-image uses (zip, unzip; strip and objdump from binutils; busybox for the container
# tests' stand-in base image), installed when missing and
# possible. Never fails: without them the base-image build says what is missing.
runway_ensure_packaging_tools() {
    local missing=()
    command -v zip >/dev/null 2>&1 || missing+=(zip)
    command -v unzip >/dev/null 2>&1 || missing+=(unzip)
    command -v objdump >/dev/null 2>&1 || missing+=(binutils)
    command -v busybox >/dev/null 2>&1 || missing+=(busybox)
    if ((${#missing[@]} == 0)); then
        echo "Packaging tools: zip, unzip, binutils present"
        return 0
    fi
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "Packaging tools: installing ${missing[*]}"
        { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 ||
            echo "Packaging tools: apt-get install ${missing[*]} failed"
    else
        echo "Packaging tools: missing ${missing[*]} (install them: base-image needs them)"
    fi
}
