# Two entry points on a fresh machine: `make run` and `make test` (see README.md).
SWIFT ?= swift
.PHONY: deps build run test conformance bench clean

deps:
	@scripts/install-deps
	@scripts/install-mkl

# The Swift runtime is linked in statically: every lesson runs in its own worker process,
# and a static binary starts in about half the time of one that loads the runtime's libraries.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product gradbook

run: build
	.build/release/gradbook run Lessons --out Output

test: deps
	@scripts/install-deps --browser
	$(SWIFT) build --product gradbook
	$(SWIFT) test

conformance: build
	.build/release/gradbook check ../shared/conformance

bench: build
	bench/run

clean:
	rm -rf .build
