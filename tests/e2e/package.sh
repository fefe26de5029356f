#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of the installed package: `cmake --install` of the
# build that made LOOPFUSE into a temporary prefix, then a small consumer
# project that uses find_package(loopfuse) and loopfuse_generate.
#
#   bash tests/e2e/package.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Checks: the prefix has the binary (which runs), the man page, the
# CMake config and version files and the pkg-config file; the consumer
# configures and builds with each generator there is (Unix Makefiles,
# and Ninja if installed); the source it compiles is loopfuse's rewrite
# in the build tree (which differs from the original, says it fused,
# and was parsed with the target's -I and -D); the program prints what
# the original prints; a changed header runs loopfuse again, and a
# build with nothing changed does not.
#
# Prints PASS or FAIL per check, then "N passed, M failed".

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd -P)
build=$(dirname "$tool")

passed=0
failed=0

check() {
	local name=$1
	shift
	if "$@"; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
}

prefix=$work/prefix
check "cmake --install into a prefix" \
	bash -c 'cmake --install "$0" --prefix "$1" >"$1.log" 2>&1' \
	"$build" "$prefix"
check "the installed binary runs" \
	bash -c '"$0/bin/loopfuse" --version | grep -q "^loopfuse "' "$prefix"
check "the man page" test -s "$prefix/share/man/man1/loopfuse.1"
check "the CMake package" bash -c 'ls "$0"/lib*/cmake/loopfuse/loopfuseConfig.cmake "$0"/lib*/cmake/loopfuse/loopfuseConfigVersion.cmake >/dev/null' "$prefix"
check "the pkg-config file names the binary" \
	bash -c 'export PKG_CONFIG_PATH=$(echo "$0"/lib*/pkgconfig); realpath "$(pkg-config --variable=loopfuse loopfuse)" | grep -qx "$0/bin/loopfuse"' "$prefix"

# The consumer: main.c calls k() of kernels.c, which needs N from
# include/sizes.h (an include directory of the target) and SCALE (a
# compile definition of the target).
app=$work/app
mkdir -p "$app/include" || exit 2
cat >"$app/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.20)
project(app C)
find_package(loopfuse 0.1 REQUIRED)
add_executable(app main.c kernels.c)
target_include_directories(app PRIVATE include)
target_compile_definitions(app PRIVATE SCALE=3)
set_target_properties(app PROPERTIES C_STANDARD 11)
loopfuse_generate(app SOURCES kernels.c OPTIONS --tile-size=0)
EOF
printf '%s\n' '#define N 100000' >"$app/include/sizes.h"
printf '%s\n' '#include "sizes.h"' 'float x[N], y[N], z[N];' \
	'void k(void)' '{' \
	$'\tfor (int i = 0; i < N; i++)' $'\t\ty[i] = x[i] * SCALE;' \
	$'\tfor (int i = 0; i < N; i++)' $'\t\tz[i] = y[i] + x[i];' '}' \
	>"$app/kernels.c"
printf '%s\n' '#include <stdio.h>' '#include "sizes.h"' \
	'extern float x[N], z[N];' 'void k(void);' 'int main(void)' '{' \
	$'\tfor (int i = 0; i < N; i++)' $'\t\tx[i] = (float) (i % 7);' \
	$'\tk();' $'\tfor (int i = 0; i < N; i += 997)' \
	$'\t\tprintf("%g\\n", z[i]);' $'\treturn 0;' '}' >"$app/main.c"

# The original, built without loopfuse, for its output.
gcc -std=c11 -I"$app/include" -DSCALE=3 -o "$work/orig" "$app/main.c" \
	"$app/kernels.c" && "$work/orig" >"$work/orig.out" || exit 2

generators=("Unix Makefiles")
command -v ninja >/dev/null && generators+=(Ninja)
for gen in "${generators[@]}"; do
	b=$work/build-${gen// /-}
	gen_copy=$b/loopfuse/app/kernels.c
	check "$gen: configure with find_package" bash -c \
		'cmake -S "$0" -B "$1" -G "$2" -DCMAKE_PREFIX_PATH="$3" >"$1.log" 2>&1' \
		"$app" "$b" "$gen" "$prefix"
	check "$gen: build" bash -c 'cmake --build "$0" >"$0.build1.log" 2>&1' "$b"
	check "$gen: the rewrite is in the build tree and differs" \
		bash -c '[ -s "$0" ] && ! cmp -s "$0" "$1"' "$gen_copy" "$app/kernels.c"
	check "$gen: loopfuse fused it, with the target's -I and -D" \
		grep -q 'note: fused 2 loop nests into 1' "$b.build1.log"
	check "$gen: the object comes from the rewrite, not the original" \
		bash -c '[ -n "$(find "$0" -path "*loopfuse/app/kernels.c.o")" ] &&
			[ -z "$(find "$0" -path "*app.dir/kernels.c.o")" ]' "$b"
	check "$gen: the program prints what the original prints" \
		bash -c '"$0/app" | cmp -s - "$1"' "$b" "$work/orig.out"
	check "$gen: a build with nothing changed runs no loopfuse" bash -c \
		'cmake --build "$0" >"$0.build2.log" 2>&1 && ! grep -q "loopfuse: rewriting" "$0.build2.log"' "$b"
	sleep 1
	printf '%s\n' '/* changed */' >>"$app/include/sizes.h"
	check "$gen: a changed header runs loopfuse again" bash -c \
		'cmake --build "$0" >"$0.build3.log" 2>&1 && grep -q "loopfuse: rewriting kernels.c" "$0.build3.log" && [ "$1" -nt "$2" ]' \
		"$b" "$gen_copy" "$b.build2.log"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
