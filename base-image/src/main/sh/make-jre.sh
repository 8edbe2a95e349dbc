#!/bin/sh
# Links Runway's JRE: make-jre.sh <JDK home> <output dir> <modules, comma-separated> [locales]
#
# The build runs it (base-image/pom.xml, property runway.jre.modules + runway.jre.extraModules); a user who needs
# more modules runs the build with -Drunway.jre.extraModules=..., or this script by hand and replaces
# runway/jre (then re-runs the AOT training, see base-image/README.md: the cache is tied to the runtime image).
#
# - locales (optional, comma-separated language ranges, jlink's --include-locales): which of jdk.localedata's
#   locales are kept when that module is linked; empty or absent = all of them (27 MB more than the default list).
# - No --compress: an uncompressed modules file is mapped and read as is; decompression costs start-up time.
# - --strip-debug, --no-header-files, --no-man-pages: nothing a function uses at run time.
# - JAVA_RUNTIME_VERSION is copied into the image's release file (jlink writes only JAVA_VERSION, without the
#   build number): bootstrap compares it with lib/runway.aot.jdk, so a JRE of another build never gets the cache.
# - libjvm.so loses its symbol table (strip --strip-unneeded; 1.5 MB zipped, needed to fit the 30 MB layer): the
#   JVM runs the same; only native frames inside the JVM in a crash report (hs_err) show addresses, not names.
# - The newest glibc symbol version any binary needs is printed and checked: Amazon Linux 2 has glibc 2.26,
#   AL2023 2.34; a JDK built against a newer glibc fails the build here rather than on Lambda.
#
# The JRE is for the JDK's own platform: for arm64 (Graviton), run the build on an arm64 machine with an arm64
# JDK (Temurin 25 aarch64); jlink cannot link another platform's image without that platform's jmods.
set -eu
jdk=$1
out=$2
modules=$3
locales=${4-}
max_glibc=2.26

set -- --add-modules "$modules" --strip-debug --no-header-files --no-man-pages
case ",$modules," in
    *,jdk.localedata,*)
        if [ -n "$locales" ]; then
            set -- "$@" --include-locales="$locales"
        fi
        ;;
esac

runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$jdk/release")
rm -rf "$out"
if [ -n "$runtime_version" ]; then
    "$jdk/bin/jlink" "$@" --release-info "add:JAVA_RUNTIME_VERSION=$runtime_version" --output "$out"
else
    "$jdk/bin/jlink" "$@" --output "$out"
fi

if command -v strip >/dev/null 2>&1; then
    strip --strip-unneeded "$out/lib/server/libjvm.so"
else
    echo "[make-jre] no strip (binutils): libjvm.so keeps its symbol table (the layer is ~1.5 MB larger)" >&2
fi

if command -v objdump >/dev/null 2>&1; then
    needed=$(find "$out/bin" "$out/lib" -type f \( -name '*.so' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null |
        grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -u -t. -k1,1n -k2,2n | tail -n 1)
    echo "[make-jre] $out: modules $modules${locales:+; locales $locales}; newest glibc symbol needed: $needed (Amazon Linux 2 has $max_glibc)"
    newest=$(printf '%s\n%s\n' "$needed" "$max_glibc" | sort -t. -k1,1n -k2,2n | tail -n 1)
    if [ "$newest" != "$max_glibc" ]; then
        echo "[make-jre] the JRE needs glibc $needed, newer than Amazon Linux 2's $max_glibc: use another JDK build" >&2
        exit 1
    fi
else
    echo "[make-jre] no objdump (binutils): glibc requirement not checked" >&2
fi
