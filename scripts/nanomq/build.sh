#!/usr/bin/env bash
# Build NanoMQ from a source tree for the real-broker recordings (docs/nanomq.md).
#
#   scripts/nanomq/build.sh SOURCE_DIR NNG_DIR OUT
#
# SOURCE_DIR  a nanomq/nanomq checkout at a tag (0.23.2, 0.23.3)
# NNG_DIR     its `nng` submodule (nanomq/NanoNNG at the commit the tag pins); copied into
#             SOURCE_DIR/nng when SOURCE_DIR/nng is empty
# OUT         build directory; the broker ends up at OUT/nanomq/nanomq
#
# No network: everything the build needs is in the two trees. Only the broker is built: TLS, QUIC,
# SQLite, JWT, the rule engine, ACL files, the CLI (nanomq_cli), the bench, the NNG tools and tests
# are off, so neither mbedTLS, msquic nor SQLite's amalgamation is needed.
# JOBS (default 2) sets ninja's parallelism: the machine is shared.
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 SOURCE_DIR NNG_DIR OUT" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
nng=$(cd "$2" && pwd)
out=$3
jobs=${JOBS:-2}

for tool in cmake ninja gcc; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (apt-get install cmake ninja-build gcc)" >&2; exit 1; }
done
[ -f "$src/CMakeLists.txt" ] && [ -d "$src/nanomq" ] || { echo "$0: $src is not a nanomq source tree" >&2; exit 1; }
[ -f "$nng/CMakeLists.txt" ] && [ -d "$nng/src/sp/protocol/mqtt" ] || { echo "$0: $nng is not a NanoNNG tree" >&2; exit 1; }

# NanoMQ's CMakeLists adds the submodule by its path `nng`.
if [ "$nng" != "$src/nng" ]; then
  if [ -d "$src/nng" ] && [ -n "$(ls -A "$src/nng")" ]; then
    echo "$0: $src/nng is not empty; pass it as NNG_DIR or empty it" >&2
    exit 1
  fi
  mkdir -p "$src/nng"
  cp -a "$nng/." "$src/nng/"
fi

mkdir -p "$out"
cmake -S "$src" -B "$out" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DNNG_ENABLE_TLS=OFF \
  -DNNG_ENABLE_QUIC=OFF \
  -DNNG_ENABLE_SQLITE=OFF \
  -DENABLE_JWT=OFF \
  -DENABLE_RULE_ENGINE=OFF \
  -DENABLE_ACL=OFF \
  -DENABLE_SYSLOG=OFF \
  -DBUILD_NANOMQ_CLI=OFF \
  -DBUILD_CLIENT=OFF \
  -DBUILD_NNG_PROXY=OFF \
  -DBUILD_BENCH=OFF \
  -DBUILD_APP_LIB=OFF \
  -DNANOMQ_TESTS=OFF \
  -DNNG_TESTS=OFF \
  -DNNG_TOOLS=OFF \
  -DNNG_ENABLE_NNGCAT=OFF
ninja -C "$out" -j "$jobs" nanomq
bin="$out/nanomq/nanomq"
[ -x "$bin" ] || { echo "$0: the build finished without $bin" >&2; exit 1; }
echo "built $bin"
