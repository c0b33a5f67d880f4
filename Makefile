# Two entry points on a fresh machine: `make run` and `make test` (see README.md).
SWIFT ?= swift
.PHONY: deps build run test conformance bench clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product gradbook

run: build
	.build/release/gradbook run Lessons --out Output

test: deps
	$(SWIFT) build --product gradbook
	$(SWIFT) test

conformance: build
	.build/release/gradbook check ../shared/conformance

bench: build
	bench/run

clean:
	rm -rf .build
