# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README: `make run` and `make test`; `make bench` for issue 8.
BUILD ?= build
DEVENV = GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data RONGHE_LOCALEDIR=$(CURDIR)/$(BUILD)/po

.PHONY: all deps build run test demo bench fuzz clean

all: build

deps:
	@./build-aux/install-deps

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	$(DEVENV) $(BUILD)/src/gui/ronghe

test: build
	meson test -C $(BUILD) --print-errorlogs

demo: build
	@tmp=$$(mktemp -d) && \
	$(BUILD)/src/cli/ronghe-cli --database $$tmp/demo.db demo && \
	$(DEVENV) $(BUILD)/src/gui/ronghe --database $$tmp/demo.db; \
	rm -rf $$tmp

# Benchmarks on generated committees (10k, 50k, 100k members), kept in $(BENCH_WORK) and reused.
BENCH_WORK ?= /tmp/ronghe-bench
bench: build
	/usr/bin/python3 bench/run --build $(BUILD) --work $(BENCH_WORK) $(BENCH_ARGS)
# libFuzzer (clang) on the CSV reader, the xlsx reader and the date parser, each for
# FUZZ_SECONDS, starting from the seed corpus in tests/fuzz/corpus. New inputs go to
# build-fuzz/corpus-*; a crash is saved as build-fuzz/crash-* and fails the target.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = csv xlsx date

$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true

fuzz: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD) $(addprefix fuzz-,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$t && \
	  echo "fuzz-$$t: $(FUZZ_SECONDS) s" && \
	  ASAN_OPTIONS=detect_leaks=1 $(FUZZ_BUILD)/tests/fuzz/fuzz-$$t \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	    $(FUZZ_BUILD)/corpus-$$t tests/fuzz/corpus/$$t || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
