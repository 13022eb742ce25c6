# planc: the two entry points of the README, and the pieces they use.
#   make run   install what is missing, build, then compile, check and format-check plans/
#   make test  install what is missing, run the whole test suite

SWIFT ?= swift
PLANC := .build/release/planc
REFERENCE := plans/coordination-status.md
# Every sample plan is canonical except the reference report, which is kept
# byte for byte, mojibake and all.
CANONICAL_PLANS := $(filter-out $(REFERENCE),$(wildcard plans/*.md))

.PHONY: deps build run test clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product planc

run: build
	@mkdir -p .build/run
	@for plan in plans/*.md; do \
	  out=.build/run/$$(basename $$plan .md).json; \
	  $(PLANC) compile $$plan > $$out || exit $$?; \
	  echo "compiled $$plan -> $$out"; \
	done
	$(PLANC) check plans/
	$(PLANC) fmt --check $(CANONICAL_PLANS)
	@# The reference report is not canonical (mojibake); its repaired form is.
	$(PLANC) fmt $(REFERENCE) | $(PLANC) fmt --check -

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean:
	rm -rf .build
