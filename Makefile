# Hearth: the two commands are `make demo` and `make test` (see README.md).
# Each installs what is missing, configures and builds first.

JOBS ?= $(shell nproc)
WERROR ?= OFF
CMAKE_FLAGS ?=

.PHONY: all deps build demo test bench bench-city clean format

all: build

deps:
	@scripts/install-deps.sh

# Release build: build/bin/hearth
build: deps
	@cmake --preset release -DHEARTH_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build --preset release -j $(JOBS)

# The demo city on http://127.0.0.1:8080, with a broker and the season simulator (scripts/demo.sh).
demo: build
	@scripts/demo.sh

# Every test, in the debug build with AddressSanitizer and UBSan. Ends with CTest's summary.
test: deps
	@cmake --preset debug -DHEARTH_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -j $(JOBS)

bench: build
	@scripts/bench.sh

# A season of a city of a million households, replayed over HTTP, judged and refunded (issue 17;
# bench/city_replay.cpp). Flags in CITY, e.g. CITY="--engine postgres --households 100000".
CITY ?=
bench-city: build
	@build/bin/hearth_city_bench $(CITY)

format:
	@find src bench -name '*.[ch]pp' | xargs clang-format -i

clean:
	rm -rf build
