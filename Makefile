# mgtrack: a thin front for Meson and the scripts in scripts/.
#   make        build build/mgtrack (needs the packages scripts/bootstrap installs)
#   make demo   set up, build, build the food database, run the main job on a demo journal
#   make check  set up, build with ASan+UBSan, run every test suite
#   make bench  run the benchmarks in bench/ and print their figures
#   make fuzz   build the libFuzzer targets (clang) into build-fuzz/ and fuzz each
#               for MGTRACK_FUZZ_SECONDS (default 300); crashes stay in the corpus
#   make install    a release build in build-install/ installed under PREFIX
#                   (default /usr/local; DESTDIR honoured): the binary, the man
#                   page, bash completion and foods.db in PREFIX/share/mgtrack
#   make uninstall  removes what make install put there (its install log)

BUILD      := build
ASAN_BUILD := build-asan
BENCH_BUILD := build-bench
INSTALL_BUILD := build-install
PREFIX ?= /usr/local

.PHONY: all bootstrap demo check bench fuzz clean install uninstall

all: $(BUILD)/build.ninja
	ninja -C $(BUILD) mgtrack

$(BUILD)/build.ninja:
	@command -v meson >/dev/null || { echo "make: meson is missing: run 'make demo' or scripts/bootstrap first" >&2; exit 69; }
	meson setup $(BUILD) -Dtests=false >/dev/null

bootstrap:
	@scripts/bootstrap

demo: bootstrap
	@$(MAKE) --no-print-directory all
	@scripts/demo

$(ASAN_BUILD)/build.ninja:
	# float-cast-overflow is not part of GCC's "undefined" set: a float cast
	# to int out of range (a parser's count) is UB all the same.
	meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dtests=true \
		-Dc_args=-fsanitize=float-cast-overflow -Dc_link_args=-fsanitize=float-cast-overflow >/dev/null

check: bootstrap
	@$(MAKE) --no-print-directory $(ASAN_BUILD)/build.ninja
	@ninja --quiet -C $(ASAN_BUILD)
	@scripts/check

$(BENCH_BUILD)/build.ninja:
	meson setup $(BENCH_BUILD) --buildtype=release -Dtests=false -Dbench=true >/dev/null

bench:
	@MGTRACK_BOOTSTRAP_BENCH=1 scripts/bootstrap
	@$(MAKE) --no-print-directory $(BENCH_BUILD)/build.ninja
	@ninja --quiet -C $(BENCH_BUILD)
	@scripts/bench

fuzz: bootstrap
	@scripts/fuzz-long

# A build of its own, so the prefix is fixed in one place and make check's
# sanitizer build is never what gets installed.
install: bootstrap
	@if [ -f $(INSTALL_BUILD)/build.ninja ]; then meson configure $(INSTALL_BUILD) --prefix="$(PREFIX)"; \
	else meson setup $(INSTALL_BUILD) --buildtype=release -Dtests=false --prefix="$(PREFIX)" >/dev/null; fi
	@meson install -C $(INSTALL_BUILD) --quiet $(if $(DESTDIR),--destdir "$(DESTDIR)")

uninstall:
	@[ -f $(INSTALL_BUILD)/meson-logs/install-log.txt ] || { echo "make: nothing was installed from $(INSTALL_BUILD)" >&2; exit 1; }
	@ninja -C $(INSTALL_BUILD) uninstall >/dev/null

clean:
	# build/usda keeps the SR24 archive so a clean build needs no new download.
	find $(BUILD) -mindepth 1 -maxdepth 1 ! -name usda -exec rm -rf {} +
	rm -rf $(ASAN_BUILD) $(BENCH_BUILD) $(INSTALL_BUILD) build-fuzz
