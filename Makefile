# planc: the two entry points of the README, and the pieces they use.
#   make run   install what is missing, build, then compile, check and format-check plans/
#   make test  install what is missing, start test servers, run the whole test suite
#   make asan  the test suite under AddressSanitizer (CI runs it too)
#   make bench time planc against cmark-gfm, write docs/performance.md
#   make fuzz  fuzz the parser and checker for FUZZ_SECONDS (default 600)

SWIFT ?= swift
PLANC := .build/release/planc
REFERENCE := plans/coordination-status.md
# Every sample plan is canonical except the reference report, which is kept
# byte for byte, mojibake and all.
CANONICAL_PLANS := $(filter-out $(REFERENCE),$(wildcard plans/*.md))

.PHONY: deps build run test fuzz asan bench clean

deps:
	@scripts/install-deps.sh

# Release builds link the way planc ships (see scripts/release-build.sh).
build: deps
	SWIFT=$(SWIFT) scripts/release-build.sh --product planc

run: build
	@mkdir -p .build/run
	@for plan in plans/*.md; do \
	  out=.build/run/$$(basename $$plan .md).json; \
	  $(PLANC) compile $$plan > $$out || exit $$?; \
	  echo "compiled $$plan -> $$out"; \
	done
	$(PLANC) check plans/ devlog/
	$(PLANC) fmt --check $(CANONICAL_PLANS)
	@# The reference report is not canonical (mojibake); its repaired form is.
	$(PLANC) fmt $(REFERENCE) | $(PLANC) fmt --check -

# The live-state tests run against real nats-server and redis-server, which
# scripts/test-servers.sh starts on free loopback ports and stops at the end.
test: deps
	$(SWIFT) build --build-tests
	scripts/test-servers.sh $(SWIFT) test

# The whole suite under AddressSanitizer, in its own build folder; leaks are
# errors except those scripts/lsan.supp lists (XCTest's and libcurl's).
ASAN_BUILD := --sanitize=address --scratch-path .build-asan
asan: deps
	$(SWIFT) build --build-tests $(ASAN_BUILD)
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp ASAN_OPTIONS=detect_leaks=1 \
	  scripts/test-servers.sh $(SWIFT) test --skip-build $(ASAN_BUILD)

# planc against cmark-gfm on the reference report and generated reports of
# 3 KB, 1.7 MB and 17 MB; writes docs/performance.md.
bench: deps
	SWIFT=$(SWIFT) scripts/release-build.sh --product planc
	SWIFT=$(SWIFT) scripts/release-build.sh --product plangen
	bench/bench.py --out docs/performance.md

# libFuzzer over the parser, checker, fixer and formatter, under ASan.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
