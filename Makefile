# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README: `make run` and `make test`; `make bench` for issue 8.
BUILD ?= build
DEVENV = GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data RONGHE_LOCALEDIR=$(CURDIR)/$(BUILD)/po

.PHONY: all deps build run test demo bench clean

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

clean:
	rm -rf $(BUILD)
