# Two entry points on a fresh machine: `make run` and `make test` (see README.md).
SWIFT ?= swift
PREFIX ?= /usr/local
.PHONY: deps build run test release-check install embed docs conformance bench clean

# The commit `gradbook --version` names. Package.swift hands it to the BuildInfo C target
# alone, so a new commit recompiles one file; plain `swift build` leaves it "unknown".
GRADBOOK_COMMIT ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD -- 2>/dev/null || echo -dirty)

deps:
	@scripts/install-deps
	@scripts/install-mkl

# The Swift runtime is linked in statically: every lesson runs in its own worker process,
# and a static binary starts in about half the time of one that loads the runtime's libraries.
build: deps
	GRADBOOK_COMMIT=$(GRADBOOK_COMMIT) $(SWIFT) build -c release --static-swift-stdlib --product gradbook

run: build
	.build/release/gradbook run Lessons --out Output

# Unit, end-to-end and conformance tests on a debug build, then the release binary as a
# user gets it: it checks the lessons, and runs a lesson copied away from the build folder.
test:
	@scripts/install-deps --browser
	@scripts/install-mkl
	$(SWIFT) build --product gradbook
	$(SWIFT) test
	$(MAKE) build
	scripts/release-check .build/release/gradbook

release-check: build
	scripts/release-check .build/release/gradbook

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 -s .build/release/gradbook $(DESTDIR)$(PREFIX)/bin/gradbook

# Regenerates Sources/Torch/NN/EmbeddedPython.swift after editing Sources/Torch/Python
# (TorchTests fail while it is stale).
embed:
	scripts/embed-python

# Regenerates the generated pages of docs/ with the release binary.
docs: build
	scripts/supported-torch .build/release/gradbook
	scripts/supported-python .build/release/gradbook

conformance: build
	.build/release/gradbook check ../shared/conformance

bench: build
	bench/run

clean:
	rm -rf .build
