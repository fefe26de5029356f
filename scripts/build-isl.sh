#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds isl 0.25 (the version of Debian 12's libisl) with isl's own
# small-integer arithmetic (imath-32) into .deps/isl.  Debian's libisl
# uses GMP for every coefficient; with small integers handled inline,
# loopfuse's analysis runs about twice as fast (docs/performance.md).
# The source is Debian's own tarball, checked against its SHA-256.
# Without it the build uses Debian's libisl: slower, same results.
#
# usage: scripts/build-isl.sh   (does nothing if .deps/isl is built)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
prefix=$root/.deps/isl
version=0.25
sha256=be7b210647ccadf90a2f0b000fca11a4d40546374a850db67adb32fad4b230d9
url=http://deb.debian.org/debian/pool/main/i/isl/isl_$version.orig.tar.xz

[ -f "$prefix/lib/pkgconfig/isl.pc" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! curl -fsSL --retry 3 -m 300 -o "$work/isl.tar.xz" "$url"; then
	echo "build-isl.sh: cannot download $url; using Debian's libisl" >&2
	exit 0
fi
echo "$sha256  $work/isl.tar.xz" | sha256sum -c --quiet -
tar -C "$work" -xJf "$work/isl.tar.xz"
(
	cd "$work/isl-$version"
	./configure --prefix="$prefix.tmp" --with-int=imath-32 \
		--disable-shared --enable-static CFLAGS="-O2 -g -fPIC" \
		>"$work/configure.log" 2>&1
	make -j"$(nproc)" >"$work/make.log" 2>&1
	make install >"$work/install.log" 2>&1
) || { tail -20 "$work"/*.log >&2; exit 1; }
# The installed isl.pc names an include directory of the source tree.
sed -i 's| -I\./imath_wrap||; s|'"$prefix.tmp"'|'"$prefix"'|' \
	"$prefix.tmp/lib/pkgconfig/isl.pc"
rm -rf "$prefix"
mv "$prefix.tmp" "$prefix"
