#!/bin/sh
# Makes the root file system of the local stand-in for public.ecr.aws/lambda/provided:al2023, as a tar:
#   make-rootfs.sh <output.tar> [aws-lambda-rie binary]
# No image can be pulled on the build machines (see the notes on containers), so the container tests build their
# base image FROM scratch with this tar: this machine's busybox and glibc (the JRE needs only libc, libdl, libm,
# libpthread, librt and the loader), the real image's layout (/lambda-entrypoint.sh, /var/task, /var/runtime,
# /opt, a writable /tmp) and the RIE at /usr/local/bin/aws-lambda-rie when one is given. It is NOT Amazon Linux:
# what it proves is the image's layout and the runtime's behaviour, not AL2023's userland.
set -eu
out=$1
rie=${2-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

busybox=$(command -v busybox) || {
    echo "[stand-in] no busybox on this machine (apt-get install busybox): cannot make the stand-in base image" >&2
    exit 1
}
mkdir -p "$root/bin" "$root/usr/local/bin" "$root/etc" "$root/tmp" "$root/var/task" "$root/var/runtime" \
    "$root/opt" "$root/proc" "$root/sys" "$root/dev" "$root/root"
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
mkdir -p "$root/usr/bin"
ln -s ../../bin/env "$root/usr/bin/env"

# The shared libraries of busybox and of a JRE (libjvm's NEEDED list), from this machine, at their own paths.
copy_lib() {
    [ -e "$1" ] || return 0
    mkdir -p "$root$(dirname "$1")"
    cp -L "$1" "$root$1"
}
for lib in $(ldd "$busybox" | awk '/=>/ { print $3 } !/=>/ && /^\t\// { print $1 }'); do
    copy_lib "$lib"
done
# libgcc_s and libstdc++ are in AL2023 too; the official RIC's JNI client (the benchmark's comparison) needs them.
for name in libc.so.6 libdl.so.2 libm.so.6 libpthread.so.0 librt.so.1 libresolv.so.2 libnss_files.so.2 libnss_dns.so.2 \
    libgcc_s.so.1 libstdc++.so.6; do
    for dir in /lib/x86_64-linux-gnu /lib/aarch64-linux-gnu /lib64 /usr/lib64; do
        copy_lib "$dir/$name"
    done
done
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
    copy_lib "$loader"
done

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
cp "$here/lambda-entrypoint.sh" "$root/lambda-entrypoint.sh"
chmod 755 "$root/lambda-entrypoint.sh"
if [ -n "$rie" ] && [ -x "$rie" ]; then
    cp "$rie" "$root/usr/local/bin/aws-lambda-rie"
    chmod 755 "$root/usr/local/bin/aws-lambda-rie"
    echo "[stand-in] with the RIE: $rie"
else
    echo "[stand-in] WITHOUT the RIE (none given): its entry point falls back to Runway's local mode"
fi
tar -C "$root" -cf "$out" .
