# Shell functions shared by .ci/run and run-local.sh (sourced, bash). Each one prints what it decided.

# The Runtime Interface Emulator, pinned: the one place that names its version (the tests, run-local.sh and the
# docs read it from here). The repository's tags are not semantic versions, so the Go module system only knows
# pseudo-versions; this one (commit bef5c4b of aws/aws-lambda-runtime-interface-emulator, 2026-10-30) is served by
# the Go module proxy and builds with Go 1.26.6 or newer (an older go fetches that toolchain itself).
RUNWAY_RIE_VERSION=v0.0.0-20261030222936-bef5c4ba774d
RUNWAY_RIE_MODULE=github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$RUNWAY_RIE_VERSION

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

# Prints the module version an aws-lambda-rie binary was built from ($1), read from the build information Go
# embeds in every binary (what `go version -m` shows), or nothing when it has none.
runway_rie_version() {
    grep -a -o -m1 $'\tgithub.com/aws/aws-lambda-runtime-interface-emulator\t[^\t]*' "$1" 2>/dev/null | cut -f3 | head -n1 || true
}

# Installs the pinned RIE with go install unless it is there; two attempts, each bounded (a fresh GOPATH took 6
# minutes on a machine busy with other builds, 20 s on an idle one). Exports RUNWAY_RIE when it has one. A binary
# found on its own (not named by RUNWAY_RIE) of another version is replaced by the pinned one; one RUNWAY_RIE names
# is used as it is, and its version said. Never fails: returns 1 when there is no RIE.
runway_install_rie() {
    local rie go attempt version
    if [[ -n ${RUNWAY_RIE:-} && ! -x $RUNWAY_RIE ]]; then
        echo "RIE: RUNWAY_RIE=$RUNWAY_RIE is not an executable file."
        return 1
    fi
    rie=$(runway_find_rie)
    if [[ -n $rie ]]; then
        version=$(runway_rie_version "$rie")
        if [[ -n ${RUNWAY_RIE:-} || $version == "$RUNWAY_RIE_VERSION" ]]; then
            export RUNWAY_RIE=$rie
            echo "RIE: $RUNWAY_RIE (already installed, version ${version:-unknown})"
            return 0
        fi
        echo "RIE: $rie is version ${version:-unknown}, not the pinned $RUNWAY_RIE_VERSION: installing the pinned one"
    fi
    if ! go=$(runway_go); then
        echo "RIE: cannot install it, there is no Go toolchain (go install needs Go; the RIE builds with 1.26.6 or newer)."
        return 1
    fi
    for attempt in 1 2; do
        echo "RIE: go install $RUNWAY_RIE_MODULE (attempt $attempt of 2)"
        if timeout 900 "$go" install "$RUNWAY_RIE_MODULE"; then
            rie=$(runway_find_rie)
            version=$(runway_rie_version "$rie")
            if [[ -n $rie && $version == "$RUNWAY_RIE_VERSION" ]]; then
                export RUNWAY_RIE=$rie
                echo "RIE: $RUNWAY_RIE (installed, version $version)"
                return 0
            fi
            echo "RIE: go install succeeded, but the first aws-lambda-rie found is ${rie:-none} (version ${version:-unknown})"
        fi
        if ((attempt < 2)); then
            sleep 5
        fi
    done
    echo "RIE: go install failed twice (the Go module proxy may not serve this module version today)."
    return 1
}

# True when a Docker API answers on the unix socket $1 (the docker client, or curl when there is none: Podman's
# packages do not bring the docker client).
runway_docker_api_at() {
    if command -v docker >/dev/null 2>&1; then
        DOCKER_HOST=unix://$1 timeout 20 docker info >/dev/null 2>&1
    else
        [[ $(timeout 20 curl -sf --unix-socket "$1" http://localhost/_ping 2>/dev/null) == OK ]]
    fi
}

# A Docker API for the container tests (base-image's ContainerIT, through Testcontainers). With a Docker engine
# already answering, nothing is done. Otherwise Podman (Debian's podman + runc) is installed and serves the Docker
# API on a socket; DOCKER_HOST and TESTCONTAINERS_RYUK_DISABLED are exported (Ryuk's image cannot be pulled here;
# the tests remove their own containers). A socket that already serves is reused, never restarted. Idempotent,
# every step bounded in time; never fails: returns 1 when there is no Docker API (the container tests then skip,
# saying so, or fail under CI=true).
runway_setup_docker_api() {
    local sock=/run/podman/podman.sock
    if [[ -z ${DOCKER_HOST:-} ]] && command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
        echo "Docker API: the local Docker engine"
        return 0
    fi
    if [[ -S $sock ]] && runway_docker_api_at "$sock"; then
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
        if [[ -S $sock ]] && runway_docker_api_at "$sock"; then
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

# The surefire and failsafe reports of the last build ({surefire,failsafe}-reports/TEST-*.xml of each module,
# nested ones such as compat/compat-tests included; the first path component names the module in the totals).
runway_test_reports() {
    compgen -G '*/target/*-reports/TEST-*.xml' || true
    compgen -G '*/*/target/*-reports/TEST-*.xml' || true
}

# Prints, per module, how many tests ran (run and not skipped), were skipped, and failed or erred, from the
# <testsuite> line of each report.
runway_test_totals() {
    local reports
    reports=$(runway_test_reports)
    if [[ -z $reports ]]; then
        echo "    no test reports"
        return 0
    fi
    # shellcheck disable=SC2086
    awk '
        function attribute(line, name,   found) {
            if (match(line, " " name "=\"[0-9]+\"")) {
                found = substr(line, RSTART, RLENGTH)
                gsub(/[^0-9]/, "", found)
                return found + 0
            }
            return 0
        }
        /<testsuite / {
            split(FILENAME, parts, "/")
            module = parts[1]
            modules[module] = 1
            tests[module] += attribute($0, "tests")
            skipped[module] += attribute($0, "skipped")
            failed[module] += attribute($0, "failures") + attribute($0, "errors")
            nextfile
        }
        END {
            for (module in modules) {
                all_tests += tests[module]; all_skipped += skipped[module]; all_failed += failed[module]
                printf "    %-20s ran %5d, skipped %d, failed %d\n", module, tests[module] - skipped[module], skipped[module], failed[module]
            }
            printf "    %-20s ran %5d, skipped %d, failed %d\n", "all", all_tests - all_skipped, all_skipped, all_failed
        }' $reports | sort
}

# Prints "ran N, skipped S" for the test cases of the classes $2... whose name matches the regular expression $1
# (every one when $1 is empty), from their test cases in the reports; "ran 0, skipped 0 (no report)" when none of
# those classes has a report.
runway_test_counts() {
    local filter=$1 class files=()
    shift
    for class in "$@"; do
        for file in */target/*-reports/TEST-"$class".xml; do
            [[ -f $file ]] && files+=("$file")
        done
    done
    if ((${#files[@]} == 0)); then
        echo "ran 0, skipped 0 (no report)"
        return 0
    fi
    # The filter through the environment: awk -v would read its backslashes as escapes.
    RUNWAY_FILTER=$filter awk '
        BEGIN { filter = ENVIRON["RUNWAY_FILTER"] }
        /<testcase / {
            name = $0
            sub(/.* name="/, "", name)
            sub(/".*/, "", name)
            counted = (filter == "" || name ~ filter)
            if (counted) tests++
        }
        /<skipped/ && counted { skipped++; counted = 0 }
        END { printf "ran %d, skipped %d\n", tests - skipped, skipped }' "${files[@]}"
}

# Prints "CLASS: S of N skipped" for every test class that had skipped tests.
runway_skipped_classes() {
    local reports
    reports=$(runway_test_reports)
    [[ -n $reports ]] || return 0
    # shellcheck disable=SC2086
    awk '
        /<testsuite / {
            name = $0; sub(/.* name="/, "", name); sub(/".*/, "", name)
            tests = $0; sub(/.* tests="/, "", tests); sub(/".*/, "", tests)
            skipped = $0
            if (sub(/.* skipped="/, "", skipped)) {
                sub(/".*/, "", skipped)
                if (skipped + 0 > 0) printf "%s: %d of %d skipped\n", name, skipped, tests
            }
            nextfile
        }' $reports
}

# Chromium and its driver for the local console's browser test (bootstrap LocalConsoleIT): Debian's chromium and
# chromium-driver, installed with apt-get when missing. Returns 1 when they are still missing: CI then fails, as
# that test fails without them under CI=true.
runway_ensure_chromium() {
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        echo "Chromium: /usr/bin/chromium and /usr/bin/chromedriver present"
        return 0
    fi
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "Chromium: installing chromium chromium-driver"
        { timeout 300 apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq chromium chromium-driver; } >/dev/null 2>&1 ||
            echo "Chromium: apt-get install chromium chromium-driver failed"
    fi
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
        return 0
    fi
    echo "Chromium: missing /usr/bin/chromium or /usr/bin/chromedriver (install Debian's chromium and chromium-driver)"
    return 1
}
